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
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compiled_ai.artifacts.canonical import canonical_json
from compiled_ai.artifacts.store import read_verified, write_artifact
from compiled_ai.benchmarks.docile.induce import VALUE_KINDS, words_in
from compiled_ai.benchmarks.docile.loader import Doc
from compiled_ai.compiler import CompileOptions, compile_spec
from compiled_ai.errors import CompilationFailed, CompiledAIError
from compiled_ai.providers.base import Provider
from compiled_ai.spec.models import Fixture, FunctionStep, Spec

MAX_EXAMPLES = 5
MAX_POSITIVES = 3  # shown values per kind: enough to show the format, short for a small model
MAX_NEGATIVES = 5
HOLDOUT_DOCS = 2
LONGEST_TEXT = 40  # longer annotated texts (addresses) are no useful counter-examples
# counter-examples are taken from these fields first: the near-misses of ids and dates
NEAR_MISSES = ("customer_id", "order_id", "amount_due", "vendor_tax_id", "payment_terms", "bic")


@dataclass
class Recogniser:
    """One cluster's compile outcome: the verified step source, or why there is none."""

    cluster: int
    function: str
    kind: str
    source: str = ""
    passed: bool = False
    error: str | None = None
    attempts: int = 0
    compile_tokens: int = 0
    compile_seconds: float = 0.0
    artifact_sha256: str | None = None
    fixtures: int = 0
    holdout_fixtures: int = 0
    code_sha256: str | None = None
    failures: list[dict[str, Any]] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        """What the result JSON keeps per cluster."""
        return {"function": self.function, "kind": self.kind, "passed": self.passed,
                "error": self.error, "attempts": self.attempts,
                "compile_tokens": self.compile_tokens, "compile_seconds": self.compile_seconds,
                "fixtures": self.fixtures, "holdout_fixtures": self.holdout_fixtures,
                "artifact_sha256": self.artifact_sha256, "code_sha256": self.code_sha256,
                "failures": self.failures}


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
    step = spec.steps[0]
    assert isinstance(step, FunctionStep)
    out = Recogniser(cluster=cluster, function=step.id, kind=kind,
                     fixtures=len(spec.fixtures),
                     holdout_fixtures=sum(f.holdout for f in spec.fixtures))
    target = artifacts / f"layout_{cluster}_{kind}"
    failed = artifacts / "failed" / f"layout_{cluster}_{kind}.json"  # each attempt's code
    _clear_earlier_outcome(target, failed)
    started = time.perf_counter()
    try:
        compiled = compile_spec(spec, spec_bytes, provider,
                                CompileOptions(max_attempts=max_attempts, max_tokens=512))
    except CompilationFailed as exc:
        out.compile_seconds = round(time.perf_counter() - started, 2)
        out.attempts = len(exc.report)
        out.compile_tokens = sum(_count(a.get("input_tokens")) + _count(a.get("output_tokens"))
                                 for a in exc.report)
        out.failures = [_blocking(a) for a in exc.report]
        out.error = str(exc)
        failed.parent.mkdir(parents=True, exist_ok=True)
        failed.write_text(json.dumps(exc.report, indent=2, sort_keys=True, default=str) + "\n",
                          encoding="utf-8")
        return out
    except CompiledAIError as exc:  # the input gate refused the fixtures, or the provider failed
        out.compile_seconds = round(time.perf_counter() - started, 2)
        out.error = f"{type(exc).__name__}: {exc}"
        return out
    out.compile_seconds = round(time.perf_counter() - started, 2)
    tokens = compiled.manifest.tokens
    out.compile_tokens = tokens.input_tokens + tokens.output_tokens
    out.attempts = len(compiled.manifest.steps[0].attempts)
    out.artifact_sha256 = write_artifact(target, compiled.files, compiled.manifest)
    verified = read_verified(target)  # the extractor runs the code the hashes vouch for
    record = verified.manifest.steps[0]
    out.source = verified.files[record.file].decode("utf-8")
    out.code_sha256 = record.code_sha256
    out.passed = True
    return out


def _clear_earlier_outcome(artifact: Path, failure_report: Path) -> None:
    """A rerun into the same folder replaces what an earlier run left for this recogniser,
    so an artifact and a failure report never both describe it."""
    if artifact.is_dir():
        shutil.rmtree(artifact)
    failure_report.unlink(missing_ok=True)


def _blocking(attempt: dict[str, Any]) -> dict[str, Any]:
    """Where one failed attempt stopped: its last stage and that stage's first error."""
    stages = attempt.get("stages") or []
    last = stages[-1] if stages else {}
    errors = [f for f in last.get("findings", []) if f.get("severity") == "error"]
    return {"attempt": attempt.get("number"), "stage": last.get("stage"),
            "finding": f"[{errors[0].get('id')}] {errors[0].get('message')}"[:300]
            if errors else None}


def _count(value: object) -> int:
    return value if isinstance(value, int) else 0
