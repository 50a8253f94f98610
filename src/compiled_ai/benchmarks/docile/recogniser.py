"""The model-written part of a layout's extractor: a recogniser of its value formats.

Per layout cluster and kind of value the model writes one small function through
the project's compiler (``compile_spec``: prompt, four validation stages, retries
with findings, artifact): given one OCR text, is it a date in this vendor's date
format (or: an invoice number written the way this vendor writes them)? One
function per kind, so a kind the model cannot get right does not sink the other.
Fixtures come from at
most five annotated training documents of the cluster (their values, and other
annotated values of theirs as counter-examples); holdout fixtures come from other
documents of the same cluster, never shown to the model. The artifact is written,
read back with every hash checked, and its step code is what the extractor
template calls (``engine.value_by_kind``) when a label rule finds nothing. No
model is called at run time.
"""

from __future__ import annotations

import json
from pathlib import Path

from compiled_ai.artifacts.canonical import canonical_json
from compiled_ai.benchmarks.docile.induce import VALUE_KINDS, words_in
from compiled_ai.benchmarks.docile.loader import Doc
from compiled_ai.benchmarks.docile.model_part import ModelPart, compile_part
from compiled_ai.compiler import CompileOptions
from compiled_ai.providers.base import Provider
from compiled_ai.spec.models import Fixture, FunctionStep, Spec

MAX_EXAMPLES = 5
MAX_POSITIVES = 3  # shown values per kind: enough to show the format, short for a small model
MAX_NEGATIVES = 5
HOLDOUT_DOCS = 2
LONGEST_TEXT = 40  # longer annotated texts (addresses) are no useful counter-examples
# counter-examples are taken from these fields first: the near-misses of ids and dates
NEAR_MISSES = ("customer_id", "order_id", "amount_due", "vendor_tax_id", "payment_terms", "bic")


Recogniser = ModelPart  # one cluster's compiled recogniser of one kind of value


def _texts(doc: Doc) -> tuple[dict[str, list[str]], dict[str, str]]:
    """(kind -> this document's values of that kind, fieldtype -> its other short values)."""
    values: dict[str, list[str]] = {}
    others: dict[str, str] = {}
    for a in sorted(doc.kile, key=lambda a: (a["fieldtype"], a["page"], a["bbox"])):
        text = " ".join(w["text"] for w in words_in(doc, a))
        if not text:
            continue
        kind = VALUE_KINDS.get(a["fieldtype"])
        if kind is not None:
            if text == a["text"]:  # an OCR-garbled value ("2O24") is no example of the format
                values.setdefault(kind, []).append(text)
        elif len(text) <= LONGEST_TEXT:
            others.setdefault(a["fieldtype"], text)
    return values, others


def _cases(docs: list[Doc], kind: str, positives: int,
           negatives: int) -> list[tuple[str, dict[str, bool]]]:
    """Distinct (text, expected verdict) pairs: values first, then counter-examples (values
    of the other kinds first: the nearest misses)."""
    chosen: dict[str, dict[str, bool]] = {}
    spare: list[dict[str, str]] = []
    for doc in docs:
        values, others = _texts(doc)
        for text in values.get(kind, []):
            if text not in chosen and len(chosen) < positives:
                chosen[text] = {kind: True}
        for other, texts in sorted(values.items()):
            if other != kind and texts:
                others = {f"kind:{other}": texts[0], **others}
        spare.append(others)
    if not chosen:
        return []
    ranked = [f"kind:{k}" for k in sorted(set(VALUE_KINDS.values()))] + list(NEAR_MISSES)
    fieldtypes = sorted({f for others in spare for f in others},
                        key=lambda f: (ranked.index(f) if f in ranked else len(ranked), f))
    taken = 0
    for number, fieldtype in enumerate(fieldtypes):  # one field each, from each document in turn
        texts = [others[fieldtype] for others in spare if fieldtype in others]
        text = texts[number % len(texts)]
        if taken < negatives and text not in chosen:
            chosen[text] = {kind: False}
            taken += 1
    return list(chosen.items())


DESCRIBED = {"document_id": "the invoice number, written the way this vendor writes them",
             "date": "a date in this vendor's date format"}


def recogniser_spec(cluster: int, kind: str, examples: list[Doc],
                    holdouts: list[Doc]) -> tuple[Spec, bytes] | None:
    """The one-step spec the model compiles; None when the examples show no such value."""
    function = f"recognise_{kind}_layout_{cluster}"
    shown = _cases(examples[:MAX_EXAMPLES], kind, MAX_POSITIVES, MAX_NEGATIVES)
    if not shown:
        return None
    held = [(t, v) for t, v in _cases(holdouts[:HOLDOUT_DOCS], kind, 2 * HOLDOUT_DOCS, 3)
            if t not in dict(shown)]
    outputs = {kind: {"type": "boolean", "description": DESCRIBED[kind]}}
    like = " or ".join(json.dumps(t) for t, verdict in shown[:2] if verdict[kind])
    intent = (  # the format is shown inline: a small model otherwise writes its own favourite
        f"Decide whether one text read from an invoice of one vendor is {DESCRIBED[kind]}, "
        f"that is, written like {like}: `{kind}` is true for such a text and false for "
        "anything else (labels, names, amounts, other identifiers, codes). Use a regular "
        "expression (re.fullmatch) that generalises to other invoices of this vendor, not "
        "only to the examples.")
    step = FunctionStep(id=function, intent=intent,
                        inputs={"text": {"type": "string"}}, outputs=outputs)
    fixtures = [Fixture(name=f"example_{n}", input={"text": text}, expected=verdict)
                for n, (text, verdict) in enumerate(shown, 1)]
    fixtures += [Fixture(name=f"holdout_{n}", input={"text": text}, expected=verdict,
                         holdout=True) for n, (text, verdict) in enumerate(held, 1)]
    spec = Spec(name=f"docile_{kind}_recogniser_layout_{cluster}", version="1.0.0",
                description=f"DocILE layout cluster {cluster}: recognise its {kind} values",
                input_schema={"type": "object", "properties": {"text": {"type": "string"}},
                              "required": ["text"]},
                output_schema={"type": "object", "properties": outputs},
                steps=[step], fixtures=fixtures)
    return spec, canonical_json(spec.model_dump(mode="json"))


def compile_recognisers(cluster: int, examples: list[Doc], holdouts: list[Doc],
                        provider: Provider, artifacts: Path,
                        max_attempts: int = 3) -> list[Recogniser]:
    """One recogniser per kind of value the examples show (document_id, date)."""
    out = []
    for kind in sorted(set(VALUE_KINDS.values())):
        recogniser = compile_recogniser(cluster, kind, examples, holdouts, provider, artifacts,
                                        max_attempts)
        if recogniser is not None:
            out.append(recogniser)
    return out


def compile_recogniser(cluster: int, kind: str, examples: list[Doc], holdouts: list[Doc],
                       provider: Provider, artifacts: Path,
                       max_attempts: int = 3) -> Recogniser | None:
    """Compile, write and verify one recogniser; a failure is recorded, not raised."""
    built = recogniser_spec(cluster, kind, examples, holdouts)
    if built is None:
        return None
    spec, spec_bytes = built
    return compile_part(cluster, kind, spec, spec_bytes, provider, artifacts,
                        CompileOptions(max_attempts=max_attempts, max_tokens=512))
