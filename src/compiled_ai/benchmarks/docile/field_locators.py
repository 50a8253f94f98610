"""The model-written extractor of a layout, one field at a time.

Writing one locator for all ~17 fields of a layout in one function is too much for the
embedded models (``locator``: no cluster compiled with the 0.5B or the 1.5B; a single
wrong field fails the whole compile). Here the model writes one small function per field,
each compiled on its own through the project's compiler: its input is the layout text
(``engine.layout``), its output that one field's ``[line, column, text]``; it is shown one
annotated training document (whole, and as a window of the lines around the value), and
the cluster's other training documents and up to three validation documents are held
out. The template supplies the helpers every locator calls (``HELPERS``: the
text after a label, the text below a label, the text at a fixed place), so the model's
answer is one line of code, and a field that fails to compile costs only that field: the
cluster's extractor takes the fields whose locators compiled and keeps the induced rules
for the rest.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from compiled_ai.artifacts.canonical import canonical_json
from compiled_ai.benchmarks.docile.loader import Doc
from compiled_ai.benchmarks.docile.locator import (
    DEMO_LINES,
    HOLDOUT_DOCS,
    demo_expected,
    located_fixture,
    locating_spec,
    marked,
)
from compiled_ai.benchmarks.docile.model_part import ModelPart, compile_part
from compiled_ai.compiler import CompileOptions
from compiled_ai.compiler.prompt import worked_example
from compiled_ai.providers.base import Message, Provider
from compiled_ai.spec.models import Fixture, Spec

MAX_TOKENS = 384  # one line of code; room for a small model that writes a few more
COMBINED = "locate_fields"  # the template's call into the fields' locators

HELPERS = '''def run_at(line: str, column: int) -> tuple[int, str] | None:
    """The run of words that starts at `column` of `line` (or one column either side):
    (its column, its text). Runs are three or more spaces apart."""
    for start in (column, column - 1, column + 1):
        if not 0 <= start < len(line) or line[start] == " ":
            continue
        if start == 0 or line[start - 1] == " ":
            end = line.find("   ", start)
            return start, line[start:] if end < 0 else line[start:end]
    return None


def place(lines: list[str], row: int, column: int, count: int = 1,
          skip: int = 0) -> list[Any] | None:
    """The value at `column` of line `row`: [line, column, text]. `count`: the value goes on
    over that many lines with a run at that column (texts joined by one space); `skip`:
    pass over that many such lines first. Lines with nothing at the column are passed."""
    found: list[tuple[int, int, str]] = []
    for number in range(row, min(row + count + skip + 4, len(lines))):
        run = run_at(lines[number], column)
        if run is None:
            continue
        if skip:
            skip -= 1
            continue
        found.append((number, run[0], run[1]))
        if len(found) == count:
            break
    if not found:
        return None
    return [found[0][0], found[0][1], " ".join(text for _row, _column, text in found)]


def find(lines: list[str], label: str) -> tuple[int, int] | None:
    """(line, column) of the first line that contains `label`, exactly as written."""
    for row, line in enumerate(lines):
        column = line.find(label)
        if column >= 0:
            return row, column
    return None


def right_of(lines: list[str], label: str, skip: int = 0) -> list[Any] | None:
    """The value after `label` on its line (the rest of the label's word and a colon are
    passed over; `skip`: pass over that many runs of words first), or, when nothing
    follows the label on its line, the value under it."""
    found = find(lines, label)
    if found is None:
        return None
    row, column = found
    line = lines[row]
    start = column + len(label)
    while start < len(line) and line[start] != " ":
        start += 1
    while start < len(line) and line[start] in " :":
        start += 1
    if start >= len(line):
        return place(lines, row + 1, column, 1, skip)
    runs: list[tuple[int, str]] = []
    while len(runs) <= skip:
        run = run_at(line, start)
        if run is None:
            return None
        runs.append(run)
        start = run[0] + len(run[1])
        while start < len(line) and line[start] == " ":
            start += 1
    return [row, runs[-1][0], runs[-1][1]]


def below(lines: list[str], label: str, count: int = 1, skip: int = 0) -> list[Any] | None:
    """The value under `label`, at the label's column (see `place` for count and skip)."""
    found = find(lines, label)
    if found is None:
        return None
    return place(lines, found[0] + 1, found[1], count, skip)
'''
HELPER_NAMES = ("run_at", "place", "find", "right_of", "below")

INTENT = (
    "Locate the field `{field}` in one vendor's invoices. `lines` is the invoice as "
    "printed, one string per line, each run of words at its column on the page. Return "
    "{{\"{field}\": [line, column, text]}}: where its value starts and its text, or None when "
    "the invoice does not show it. Call one helper: right_of(lines, label) for a value "
    "after its label on the same line, below(lines, label) for a value under its label, "
    "place(lines, line, column) for a value with no label (it stays at the same place). "
    "The label is the text printed just before or just above [{field}] below; copy it "
    "exactly, so that the code works for other invoices of this vendor.")
SHOWN = 1  # one example, as the whole input in the examples and as a window in the task
AROUND = 2  # lines the window shows above the value (where labels sit)


def window(text: list[str], expected: dict[str, Any], field: str) -> str:
    """The lines around the field in a marked view (its value replaced by ``[field]``,
    lines numbered): where it is and which words label it, without the rest of the page,
    which a small model reads as noise."""
    view = marked(text, expected).splitlines()
    rows = [n for n, line in enumerate(view) if f"[{field}]" in line]
    if not rows:
        return f"(this invoice does not show {field})"
    return "\n".join(view[max(0, rows[0] - AROUND):rows[-1] + 1])


def field_intent(field: str, views: list[str]) -> str:
    shown = "\n\n".join(views)
    return f"{INTENT.format(field=field)}\n\nWhere `{field}` is in the example:\n{shown}"


def field_spec(name: str, description: str, function: str, field: str,
               fixtures: list[Fixture]) -> Spec:
    """A one-field locator spec whose task shows a window around the field in every shown
    fixture."""
    views = [window(f.input["lines"], f.expected, field) for f in fixtures if not f.holdout]
    return locating_spec(name, description, function, [field], fixtures,
                         field_intent(field, views))


def cluster_field_specs(cluster: int, examples: list[Doc], holdouts: list[Doc],
                        table: dict[str, Any]) -> list[tuple[Spec, bytes]]:
    """One spec per field the shown example annotates, in field order. The cluster's other
    training documents and up to three validation documents are holdouts: never shown."""
    shown = examples[:SHOWN]
    fieldtypes = sorted({a["fieldtype"] for doc in shown for a in doc.kile})
    given = [located_fixture(doc, fieldtypes, table) for doc in shown]
    held = [located_fixture(doc, fieldtypes, table)
            for doc in [*examples[SHOWN:], *holdouts[:HOLDOUT_DOCS]]]
    out = []
    for field in fieldtypes:
        fixtures = [Fixture(name=f"example_{n}", input=i, expected={field: e[field]})
                    for n, (i, e) in enumerate(given, 1)]
        fixtures += [Fixture(name=f"holdout_{n}", input=i, expected={field: e[field]},
                             holdout=True) for n, (i, e) in enumerate(held, 1)]
        spec = field_spec(f"docile_{field}_locator_layout_{cluster}",
                          f"DocILE layout cluster {cluster}: locate {field}",
                          f"locate_{field}_layout_{cluster}", field, fixtures)
        out.append((spec, canonical_json(spec.model_dump(mode="json"))))
    return out


def compile_field_locators(cluster: int, examples: list[Doc], holdouts: list[Doc],
                           table: dict[str, Any], provider: Provider, artifacts: Path,
                           max_attempts: int = 3) -> list[ModelPart]:
    """Compile, write and verify one locator per field; failures are recorded, not raised."""
    options = CompileOptions(max_attempts=max_attempts, max_tokens=MAX_TOKENS,
                             demonstration=demonstration(), helpers=HELPERS)
    parts = []
    for spec, spec_bytes in cluster_field_specs(cluster, examples, holdouts, table):
        field = next(iter(spec.output_schema["properties"]))
        parts.append(compile_part(cluster, f"field_{field}", spec, spec_bytes, provider,
                                  artifacts, options))
    return parts


def combined_locator(cluster: int, parts: list[ModelPart]) -> tuple[ModelPart | None, list[str]]:
    """One locator for the extractor template from the fields' compiled locators: the
    helpers once, each verified module's own code, and a function that merges their
    answers. A part that defines a helper again (its own version would replace the
    template's for every field) or a name another part defines is left out, and named in
    the second value."""
    kept: list[ModelPart] = []
    left_out: list[str] = []
    taken: set[str] = set()
    for part in (p for p in parts if p.passed):
        names = _defined(part.source)
        own = {n for n in names if n not in HELPER_NAMES}
        if any(names.count(h) > 1 for h in HELPER_NAMES) or own & taken:
            left_out.append(part.function)
            continue
        taken |= own
        kept.append(part)
    if not kept:
        return None, left_out
    function = f"{COMBINED}_layout_{cluster}"
    calls = "".join(f"    found.update({p.function}(lines))\n" for p in kept)
    bodies = "\n\n".join(_own_code(p.source) for p in kept)
    source = (f"{HELPERS}\n\n{bodies}\n\ndef {function}(lines: list[str]) -> dict[str, Any]:\n"
              f"    found: dict[str, Any] = {{}}\n{calls}    return found\n")
    outputs = sorted(name for p in kept for name in p.outputs)
    combined = ModelPart(cluster=cluster, function=function, kind="fields_combined",
                         source=source, passed=True, outputs=outputs,
                         attempts=sum(p.attempts for p in kept),
                         compile_tokens=sum(p.compile_tokens for p in kept))
    return combined, left_out


def _defined(source: str) -> list[str]:
    """Top-level names a module defines, once per definition (one defined twice is listed
    twice)."""
    names: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return names  # imports are left out: parts importing the same module do not clash


def _own_code(source: str) -> str:
    """A field's verified module less what the template put there: the helpers (defined
    once in the combined locator) and the ``from __future__`` line (only a module's first
    statement may be one; the extractor's template has its own)."""
    source = source.replace(HELPERS.strip("\n"), "")
    return "\n".join(line for line in source.splitlines()
                     if line.strip() != "from __future__ import annotations")


# --- the worked examples: two fields of the invented layout of ``locator`` -----------------------

DEMO_ANSWERS = {  # two, not three (place is described in the task): each is ~1,600 tokens
    "date_due": 'return {"date_due": below(lines, "Due")}',
    "document_id": 'return {"document_id": right_of(lines, "Ref.")}',
}


def demonstration_spec(field: str) -> Spec:
    """One worked example as a spec: its request is built from this, and a test compiles it."""
    fixtures = [Fixture(name=f"shown_{number}", input={"lines": list(lines)},
                        expected={field: expected[field]}, holdout=number > SHOWN)
                for number, (lines, expected) in enumerate(zip(DEMO_LINES, demo_expected(),
                                                               strict=True), 1)]
    return field_spec(f"{field}_locator_demonstration", f"the {field} locator's worked example",
                      f"locate_{field}", field, fixtures)


def demo_answer(field: str) -> str:
    result = "".join(part.capitalize() for part in f"locate_{field}_result".split("_"))
    return (f"```python\ndef locate_{field}(lines: list[str]) -> {result}:\n"
            f"    {DEMO_ANSWERS[field]}\n```")


def demonstration() -> tuple[Message, ...]:
    """The worked requests and answers every field's compile is shown first: a value
    below its label and one after its label."""
    pairs: list[Message] = []
    for field in DEMO_ANSWERS:
        pairs += worked_example(demonstration_spec(field), demo_answer(field), HELPERS)
    return tuple(pairs)
