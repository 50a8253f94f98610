"""Compile one extractor per layout cluster and run it as zero-token sandboxed code.

Compile: induce the cluster's profile from at most five annotated examples, write
the step module (the tested engine template, the profile as data, a typed entry
point), and pass it through the project's four validation stages (code gate,
syntax and types, sandboxed execution against the result schema, accuracy and
determinism) with the cluster's held-out annotated documents as holdout fixtures.
A field whose rule fails a holdout is dropped and the module rebuilt (the
regenerate-with-findings loop); a module that still fails is not deployed and its
documents go to review. Run: one sandboxed call per cluster batch, no model.

No language model writes these extractors: the generated part is the profile,
induced deterministically from the annotated examples.
"""

from __future__ import annotations

import inspect
import json
from dataclasses import dataclass, field
from typing import Any

from compiled_ai.benchmarks.docile import engine
from compiled_ai.benchmarks.docile.induce import expected_output, induce_profile
from compiled_ai.benchmarks.docile.loader import Doc
from compiled_ai.compiler.pipeline import validate_candidate
from compiled_ai.compiler.templates import frame_for
from compiled_ai.compiler.validate.cases import StepCase
from compiled_ai.runtime.sandbox import SandboxLimits, run_in_sandbox
from compiled_ai.spec.models import Fixture, FunctionStep, Spec

MAX_EXAMPLES = 5
MAX_HOLDOUTS = 4
LIMITS = SandboxLimits(cpu_seconds=30, wall_seconds=90.0)


@dataclass
class CompiledExtractor:
    cluster: int
    function: str
    source: str
    fields: list[str]
    examples: list[str]
    holdouts: list[str]
    passed: bool
    attempts: list[dict[str, Any]] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def _spec(function: str, fields: list[str], example: Doc) -> tuple[Spec, FunctionStep]:
    outputs: dict[str, dict[str, Any]] = {f: {"type": ["object", "null"]} for f in fields}
    outputs["line_items"] = {"type": "array", "items": {"type": "object"}}
    step = FunctionStep(id=function, intent="Extract the invoice fields of one vendor layout "
                        "from OCR words with boxes.", inputs={"words": {"type": "array"}},
                        outputs=outputs)
    spec = Spec(name=function, version="1.0.0",
                input_schema={"type": "object", "properties": {"words": {"type": "array"}}},
                output_schema={"type": "object", "properties": {k: {} for k in outputs}},
                steps=[step], fixtures=[Fixture(name="example", input={"words": example.words},
                                                expected={})])
    return spec, step


def build_source(function: str, profile: dict[str, Any], example: Doc) -> str:
    fields = sorted(profile["fields"])
    spec, step = _spec(function, fields, example)
    frame = frame_for(spec, step)
    body = inspect.getsource(engine)
    keys = "".join(f"        {name!r}: result[{name!r}],\n" for name in [*fields, "line_items"])
    generated = (
        f"{body}\n\nPROFILE: dict[str, Any] = {json.dumps(profile, sort_keys=True)}\n\n\n"
        f"{frame.signature}\n"
        f"    result = extract(words, PROFILE)\n"
        f"    return {{\n{keys}    }}\n")
    return frame.assemble(generated)


def compile_cluster(cluster: int, train: list[Doc], holdout: list[Doc]) -> CompiledExtractor:
    function = f"extract_layout_{cluster}"
    examples = train[:MAX_EXAMPLES]
    holdouts = (holdout or train[MAX_EXAMPLES:])[:MAX_HOLDOUTS]
    profile = induce_profile(examples)
    out = CompiledExtractor(cluster=cluster, function=function, source="", fields=[],
                            examples=[d.docid for d in examples],
                            holdouts=[d.docid for d in holdouts], passed=False)
    for _attempt in range(3):
        fields = sorted(profile["fields"])
        source = build_source(function, profile, examples[0])
        spec, step = _spec(function, fields, examples[0])
        cases = [StepCase(name=d.docid, holdout=is_holdout, inputs={"words": d.words},
                          expected=expected_output(d, fields), holdout_number=n)
                 for n, (d, is_holdout) in enumerate(
                     [(d, False) for d in examples] + [(d, True) for d in holdouts])]
        result = validate_candidate(source, frame_for(spec, step), step.outputs, cases, {},
                                    LIMITS)
        out.attempts.append({"fields": fields, "passed": result.passed,
                             "stages": [s.model_dump(mode="json") for s in result.stages]})
        out.source, out.fields = source, fields
        if result.passed:
            out.passed = True
            return out
        failing = _failing_fields(profile, cases)
        if not failing:
            return out
        out.dropped += failing
        profile = {**profile, "fields": {k: v for k, v in profile["fields"].items()
                                         if k not in failing}}
        if "line_items" in failing:
            profile["table"] = {}
    return out


def _failing_fields(profile: dict[str, Any], cases: list[StepCase]) -> list[str]:
    """Fields whose rule disagrees with some fixture (the findings fed back)."""
    wrong: set[str] = set()
    for case in cases:
        got = engine.extract(case.inputs["words"], profile)
        wrong |= {k for k, want in case.expected.items() if got.get(k) != want}
    return sorted(wrong)


def run_extractor(extractor: CompiledExtractor, docs: list[Doc]) -> dict[str, dict[str, Any]]:
    """docid -> extractor output, from one sandboxed run over the batch (zero tokens)."""
    if not docs:
        return {}
    run = run_in_sandbox(extractor.source, extractor.function,
                         [{"words": d.words} for d in docs], limits=LIMITS)
    out = {}
    for doc, case in zip(docs, run.cases, strict=False):
        out[doc.docid] = case.value if case.ok and isinstance(case.value, dict) else {}
    return out


def to_predictions(result: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    kile = [v for k, v in sorted(result.items()) if k != "line_items" and v]
    return kile, list(result.get("line_items") or [])
