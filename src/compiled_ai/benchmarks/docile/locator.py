"""The model-written extractor of a layout: a locator of every field in the layout text.

Per layout cluster the model writes, through the project's compiler, one function that
reads the invoice as layout text (``engine.layout``: one string per line, each run of
words at its page column, line-item rows left out) and returns, for every field, where
its value starts (line, column) and its text. The extractor template turns each located
value back into OCR words and boxes (``engine.words_at``) and reads the line items with
the induced table profile. Fixtures come from two annotated training documents of the
cluster, shown both as the function's input and output and as a marked view (values
replaced by their field's name); holdout fixtures come from its validation documents,
never shown to the model.

A small model anchors on whatever its worked example does, so the example it is shown
(``demonstration``) is an invoice of an invented layout, located by small helpers: the
text after a label, the text below a label, the text at a fixed place.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from compiled_ai.artifacts.canonical import canonical_json
from compiled_ai.benchmarks.docile import engine
from compiled_ai.benchmarks.docile.induce import words_in
from compiled_ai.benchmarks.docile.loader import Doc
from compiled_ai.benchmarks.docile.model_part import ModelPart, compile_part
from compiled_ai.compiler import CompileOptions
from compiled_ai.compiler.prompt import worked_example
from compiled_ai.providers.base import Message, Provider
from compiled_ai.spec.models import Fixture, FunctionStep, Spec

KIND = "fields"
SHOWN_DOCS = 2  # each is in the prompt twice, as its whole layout text and a marked view
HOLDOUT_DOCS = 3
MAX_TOKENS = 1024
LOCATED = {"type": ["array", "null"]}
RUN = r"\S+(?: \S+)*"  # a run of words one space apart

INTENT = (
    "Locate the fields of one vendor's invoices in the invoice's layout text: `lines` is the "
    "invoice as printed, one string per line, each run of words at its column on the page "
    "(runs are three or more spaces apart; line-item rows are left out). For each field "
    "return [line, column, text]: where its value starts (the line's index and the column) "
    "and its text (a value on several lines: their texts joined by one space), or None "
    "when the invoice does not show it. Find a value by the label before or above it, so "
    "that the code works for other invoices of this vendor, not only for the examples; a "
    "value with no label (the vendor's own name and address) stays at a fixed place.")


def placement(doc: Doc, annotation: dict[str, Any], lines: engine.Lines) -> list[Any] | None:
    """Where the annotated value starts in the layout text, and its text; None when its
    words are not in the layout text (a value inside a line-item row)."""
    words = words_in(doc, annotation)
    if not words:
        return None
    for row, placed in enumerate(lines):
        for column, word in placed:
            if word is words[0]:
                return [row, column, " ".join(w["text"] for w in words)]
    return None


def located_fixture(doc: Doc, fieldtypes: list[str],
                    table: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(input, expected output) of the locator for one annotated document."""
    text, lines = engine.layout(doc.words, table)
    by_type = {a["fieldtype"]: a for a in doc.kile}
    expected = {name: placement(doc, by_type[name], lines) if name in by_type else None
                for name in fieldtypes}
    return {"lines": text}, expected


def marked(text: list[str], expected: dict[str, Any]) -> str:
    """The layout text with each located value replaced by ``[its field]``, lines numbered:
    where every field sits and which words label it, at a glance (a small model does not
    look a line index up in the example's JSON)."""
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for name, place in expected.items():
        if not place:
            continue
        row, column, rest = place
        for number in range(row, min(row + 6, len(text))):
            if not rest:
                break
            if column and text[number][column - 1:column] != " ":
                continue
            run = re.match(RUN, text[number][column:])
            if run is None:
                continue
            if run.group().startswith(rest):
                end = column + len(rest)
            elif rest.startswith(run.group()):
                end = column + len(run.group())
            else:
                continue
            spans.setdefault(number, []).append((column, end, f"[{name}]"))
            rest = rest[end - column:].lstrip()
    out = []
    for number, line in enumerate(text):
        for start, end, name in sorted(spans.get(number, []), reverse=True):
            line = line[:start] + name + line[end:]
        out.append(f"{number}: {line}")
    return "\n".join(out)


def intent_with_views(views: list[str]) -> str:
    """The task, then where the fields are in each shown example."""
    shown = "\n".join(f"Example {number}:\n{view}" for number, view in enumerate(views, 1))
    return (f"{INTENT}\n\nWhere the fields are in the examples (each value replaced by "
            f"[its field], lines numbered):\n{shown}")


def locator_spec(cluster: int, examples: list[Doc], holdouts: list[Doc],
                 table: dict[str, Any]) -> tuple[Spec, bytes] | None:
    """The one-step spec the model compiles; None when the examples annotate no field."""
    shown = examples[:SHOWN_DOCS]
    fieldtypes = sorted({a["fieldtype"] for doc in shown for a in doc.kile})
    if not fieldtypes:
        return None
    fixtures = []
    for number, doc in enumerate(shown, 1):
        given, expected = located_fixture(doc, fieldtypes, table)
        fixtures.append(Fixture(name=f"example_{number}", input=given, expected=expected))
    for number, doc in enumerate(holdouts[:HOLDOUT_DOCS], 1):
        given, expected = located_fixture(doc, fieldtypes, table)
        fixtures.append(Fixture(name=f"holdout_{number}", input=given, expected=expected,
                                holdout=True))
    spec = _spec(f"docile_field_locator_layout_{cluster}",
                 f"DocILE layout cluster {cluster}: locate its fields",
                 f"locate_fields_layout_{cluster}", fieldtypes, fixtures)
    return spec, canonical_json(spec.model_dump(mode="json"))


def _spec(name: str, description: str, function: str, fieldtypes: list[str] | tuple[str, ...],
          fixtures: list[Fixture]) -> Spec:
    """A locator spec whose task shows the marked view of every shown fixture."""
    views = [marked(f.input["lines"], f.expected) for f in fixtures if not f.holdout]
    return locating_spec(name, description, function, fieldtypes, fixtures,
                         intent_with_views(views))


def locating_spec(name: str, description: str, function: str,
                  fieldtypes: list[str] | tuple[str, ...], fixtures: list[Fixture],
                  intent: str) -> Spec:
    """A one-step spec that locates fields: ``lines`` (the layout text) in, one located
    value (``[line, column, text]`` or None) per field out."""
    lines = {"type": "array", "items": {"type": "string"}}
    outputs = {field: dict(LOCATED) for field in fieldtypes}
    step = FunctionStep(id=function, intent=intent, inputs={"lines": lines}, outputs=outputs)
    return Spec(name=name, version="1.0.0", description=description,
                input_schema={"type": "object", "properties": {"lines": lines},
                              "required": ["lines"]},
                output_schema={"type": "object", "properties": outputs},
                steps=[step], fixtures=fixtures)


def compile_locator(cluster: int, examples: list[Doc], holdouts: list[Doc],
                    table: dict[str, Any], provider: Provider, artifacts: Path,
                    max_attempts: int = 3) -> ModelPart | None:
    """Compile, write and verify the cluster's locator; a failure is recorded, not raised."""
    built = locator_spec(cluster, examples, holdouts, table)
    if built is None:
        return None
    spec, spec_bytes = built
    options = CompileOptions(max_attempts=max_attempts, max_tokens=MAX_TOKENS,
                             demonstration=demonstration())
    return compile_part(cluster, KIND, spec, spec_bytes, provider, artifacts, options)


# --- the worked example: an invented layout, not one of the corpus ------------------------------

DEMO_STEP = "locate_fields_of_invoice"
_DEMO_FIELDS = ("amount_due", "currency_code_amount_due", "customer_billing_address",
                "customer_billing_name", "date_due", "date_issue", "document_id", "order_id",
                "vendor_address", "vendor_name")


def _line(*runs: tuple[int, str]) -> str:
    line = ""
    for column, text in runs:
        line += " " * (column - len(line)) + text
    return line


DEMO_LINES: tuple[tuple[str, ...], ...] = (
    (_line((3, "BILL"), (25, "Northwind Tools Ltd")),
     _line((25, "4 Quay Street")),
     _line((3, "Ref. NW-20931"), (25, "Leeds LS1 4AB")),
     _line((3, "Issued"), (20, "Due")),
     _line((3, "03 Mar 2025"), (20, "02 Apr 2025")),
     _line((3, "PO 7781-A")),
     _line((3, "Invoice to")),
     _line((3, "Harbour Cafe")),
     _line((3, "12 Mill Lane")),
     _line((3, "York YO1 7HH")),
     _line((3, "Item"), (20, "Hours"), (30, "Amount")),
     _line((22, "To pay"), (31, "1 240.00"), (42, "GBP"))),
    (_line((3, "BILL"), (25, "Northwind Tools Ltd")),
     _line((25, "4 Quay Street")),
     _line((3, "Ref. NW-21007"), (25, "Leeds LS1 4AB")),
     _line((3, "Issued"), (20, "Due")),
     _line((3, "17 Apr 2025"), (20, "17 May 2025")),
     _line((3, "Invoice to")),
     _line((3, "Dale Bakery")),
     _line((3, "3 Station Road")),
     _line((3, "Ripon HG4 1AA")),
     _line((3, "Item"), (20, "Hours"), (30, "Amount")),
     _line((22, "To pay"), (31, "385.50"), (42, "GBP"))),
)

DEMO_ANSWER = '''```python
import re
from typing import Any

RUN = r"\\S+(?: \\S+)*"  # words one space apart; runs are three or more spaces apart


def place(lines: list[str], row: int, column: int, count: int = 1,
          skip: int = 0) -> list[Any] | None:
    """The text starting at `column` on line `row` and below it (`count` lines of it,
    after passing over `skip`)."""
    parts: list[str] = []
    first = row
    for number in range(row, min(row + count + skip + 4, len(lines))):
        line = lines[number]
        if column and line[column - 1:column] != " ":
            continue
        match = re.match(RUN, line[column:])
        if match is None:
            continue
        if skip:
            skip -= 1
            continue
        if not parts:
            first = number
        parts.append(match.group())
        if len(parts) == count:
            break
    if not parts:
        return None
    return [first, column, " ".join(parts)]


def find(lines: list[str], label: str) -> tuple[int, int] | None:
    for row, line in enumerate(lines):
        column = line.find(label)
        if column >= 0:
            return row, column
    return None


def right_of(lines: list[str], label: str, skip: int = 0) -> list[Any] | None:
    """The run of words after `label` on its line (after passing over `skip` runs)."""
    found = find(lines, label)
    if found is None:
        return None
    row, column = found
    start = column + len(label)
    runs = list(re.finditer(RUN, lines[row][start:]))
    if len(runs) <= skip:
        return None
    return [row, start + runs[skip].start(), runs[skip].group()]


def below(lines: list[str], label: str, count: int = 1, skip: int = 0) -> list[Any] | None:
    """The text under `label`, starting at its column."""
    found = find(lines, label)
    if found is None:
        return None
    return place(lines, found[0] + 1, found[1], count, skip)


def locate_fields_of_invoice(lines: list[str]) -> LocateFieldsOfInvoiceResult:
    return {
        "amount_due": right_of(lines, "To pay"),
        "currency_code_amount_due": right_of(lines, "To pay", skip=1),
        "customer_billing_address": below(lines, "Invoice to", count=2, skip=1),
        "customer_billing_name": below(lines, "Invoice to"),
        "date_due": below(lines, "Due"),
        "date_issue": below(lines, "Issued"),
        "document_id": right_of(lines, "Ref."),
        "order_id": right_of(lines, "PO"),
        "vendor_address": place(lines, 1, 25, count=2),
        "vendor_name": place(lines, 0, 25),
    }
```'''


def demo_expected() -> list[dict[str, Any]]:
    """The demonstration's expected outputs, written out (a test checks the answer's code
    returns them)."""
    vendor = {"vendor_address": [1, 25, "4 Quay Street Leeds LS1 4AB"],
              "vendor_name": [0, 25, "Northwind Tools Ltd"]}
    first = {"amount_due": [11, 31, "1 240.00"], "currency_code_amount_due": [11, 42, "GBP"],
             "customer_billing_address": [8, 3, "12 Mill Lane York YO1 7HH"],
             "customer_billing_name": [7, 3, "Harbour Cafe"],
             "date_due": [4, 20, "02 Apr 2025"], "date_issue": [4, 3, "03 Mar 2025"],
             "document_id": [2, 8, "NW-20931"], "order_id": [5, 6, "7781-A"], **vendor}
    second = {"amount_due": [10, 31, "385.50"], "currency_code_amount_due": [10, 42, "GBP"],
              "customer_billing_address": [7, 3, "3 Station Road Ripon HG4 1AA"],
              "customer_billing_name": [6, 3, "Dale Bakery"],
              "date_due": [4, 20, "17 May 2025"], "date_issue": [4, 3, "17 Apr 2025"],
              "document_id": [2, 8, "NW-21007"], "order_id": None, **vendor}
    return [first, second]


def demonstration_spec() -> Spec:
    """The worked example as a spec: its request is built from this, and a test compiles it."""
    fixtures = [Fixture(name=f"shown_{number}", input={"lines": list(lines)}, expected=expected)
                for number, (lines, expected) in enumerate(zip(DEMO_LINES, demo_expected(),
                                                               strict=True), 1)]
    return _spec("field_locator_demonstration", "the field locator's worked example",
                 DEMO_STEP, _DEMO_FIELDS, fixtures)


def demonstration() -> tuple[Message, Message]:
    """The worked request and answer every locator compile is shown first."""
    return worked_example(demonstration_spec(), DEMO_ANSWER)
