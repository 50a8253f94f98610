"""Compile one extractor per layout cluster and run it as zero-token sandboxed code.

Compile: induce the cluster's profile from at most five annotated examples, write
the step module (the tested engine template, the profile as data, a typed entry
point), and pass it through the project's four validation stages (code gate,
syntax and types, sandboxed execution against the result schema, accuracy and
determinism) with the cluster's held-out annotated documents as holdout fixtures.
A field whose rule fails a holdout is dropped and the module rebuilt (the
regenerate-with-findings loop); a module that still fails is not deployed and its
documents go to review. Run: one sandboxed call per cluster batch, no model.

Given a cluster's compiled recognisers (``recogniser``: model-written, through the
compiler, from the same examples; one per kind of value), the module also holds
their verified code and the anchors of the fields of those kinds, and the template
calls them for fields whose label rule finds nothing; a field that fails a holdout
then first loses its label rule (keeping the recogniser) before it is dropped.
Given a cluster's compiled field locator instead (``locator`` for the whole layout, or
``field_locators`` combined: model-written, through the compiler), every field it locates
comes from it: the template renders the layout text, calls the locator and turns each
located value back into words and boxes; other fields keep their induced rule and the
line items still come from the induced table profile. A located field that fails a
holdout is dropped. Without either, the profile alone.
"""

from __future__ import annotations

import ast
import inspect
import json
from dataclasses import dataclass, field
from typing import Any

from compiled_ai.benchmarks.docile import engine
from compiled_ai.benchmarks.docile.induce import expected_output, induce_profile
from compiled_ai.benchmarks.docile.loader import Doc
from compiled_ai.benchmarks.docile.model_part import ModelPart
from compiled_ai.benchmarks.docile.recogniser import Recogniser
from compiled_ai.compiler.pipeline import validate_candidate
from compiled_ai.compiler.templates import frame_for
from compiled_ai.compiler.validate.cases import StepCase
from compiled_ai.errors import ArtifactError
from compiled_ai.runtime.loader import load_function
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
    model_parts: list[str] = field(default_factory=list)  # model-written functions it calls


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


COMBINED = "recognise_values"  # the template's one call into the model-written functions


def build_source(function: str, profile: dict[str, Any], example: Doc,
                 recognisers: list[Recogniser] | None = None,
                 locator: ModelPart | None = None) -> str:
    recognisers = recognisers or []
    fields = output_fields(profile, recognisers)
    spec, step = _spec(function, fields, example)
    frame = frame_for(spec, step)
    body = inspect.getsource(engine)
    keys = "".join(f"        {name!r}: result[{name!r}],\n" for name in [*fields, "line_items"])
    called = "None"
    if recognisers:
        body += "".join(f"\n\n{r.source}" for r in recognisers)
        calls = "".join(f"    verdict.update({r.function}(text))\n" for r in recognisers)
        body += (f"\n\ndef {COMBINED}(text: str) -> dict[str, Any]:\n"
                 f"    verdict: dict[str, Any] = {{}}\n{calls}    return verdict\n")
        called = COMBINED
    locate = "None"
    if locator is not None:
        body += f"\n\n{locator.source}"
        locate = locator.function
    generated = (
        f"{body}\n\nPROFILE: dict[str, Any] = {json.dumps(profile, sort_keys=True)}\n\n\n"
        f"{frame.signature}\n"
        f"    result = extract(words, PROFILE, {called}, {locate})\n"
        f"    return {{\n{keys}    }}\n")
    return frame.assemble(generated)


def output_fields(profile: dict[str, Any], recognisers: list[Recogniser] | None) -> list[str]:
    """The fields the module returns: those with a rule, and with recognisers, anchored ones."""
    anchored = profile.get("anchors", {}) if recognisers else {}
    return sorted(set(profile["fields"]) | set(anchored))


def clashes(part: ModelPart) -> list[str]:
    """Top-level names of the model's code that would shadow the template's own."""
    template = _top_level(inspect.getsource(engine)) | {"PROFILE", "extract", COMBINED}
    return sorted(_top_level(part.source) & template)


def _top_level(source: str) -> set[str]:
    names = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def layout_table(train: list[Doc]) -> dict[str, Any]:
    """The table profile the cluster's extractor reads line items with, and whose rows the
    layout text a model-written locator reads leaves out."""
    return induce_profile(train[:MAX_EXAMPLES])["table"]


def compile_cluster(cluster: int, train: list[Doc], holdout: list[Doc],
                    recognisers: list[Recogniser] | None = None,
                    locator: ModelPart | None = None) -> CompiledExtractor:
    """The cluster's extractor: the induced profile alone, or calling model-written
    recognisers where a label rule finds nothing, or (``locator``) taking every field the
    model-written locator locates (other fields and the line items from the induced
    profile)."""
    function = f"extract_layout_{cluster}"
    examples = train[:MAX_EXAMPLES]
    holdouts = (holdout or train[MAX_EXAMPLES:])[:MAX_HOLDOUTS]
    profile = induce_profile(examples)
    recognisers = [r for r in recognisers or [] if r.passed]
    kinds = {r.kind for r in recognisers}
    profile["anchors"] = {k: v for k, v in profile["anchors"].items() if v["value_kind"] in kinds}
    if not recognisers:
        profile.pop("anchors")
    if locator is not None and not locator.passed:
        locator = None
    if locator is not None:
        # the fields it locates take their value from it; any other keeps its induced rule
        located = {name: {"kind": "located"} for name in locator.outputs}
        profile["fields"] = {**profile["fields"], **located}
        profile["layout_table"] = profile["table"]  # what it read: kept if items are dropped
    parts = [*recognisers, *([locator] if locator is not None else [])]
    out = CompiledExtractor(cluster=cluster, function=function, source="", fields=[],
                            examples=[d.docid for d in examples],
                            holdouts=[d.docid for d in holdouts], passed=False,
                            model_parts=[p.function for p in parts])
    loaded = []
    for part in parts:
        clash = clashes(part)
        if clash:
            out.attempts.append({"passed": False, "error": f"{part.function} "
                                 f"redefines template names: {', '.join(clash)}"})
            return out
        try:
            loaded.append(load_function(part.source, part.function, part.function))
        except ArtifactError as exc:
            out.attempts.append({"passed": False, "error": str(exc)})
            return out
    recognise = _combined(loaded[:len(recognisers)]) if recognisers else None
    locate = loaded[-1] if locator is not None else None
    for _attempt in range(4):
        fields = output_fields(profile, recognisers)
        source = build_source(function, profile, examples[0], recognisers, locator)
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
        failing = _failing_fields(profile, cases, recognise, locate)
        if not failing:
            return out
        profile = _without(profile, failing, out.dropped)
    return out


def _combined(functions: list[Any]) -> Any:
    """In-process twin of the module's ``recognise_values``, for finding failing fields."""
    def recognise(text: str) -> dict[str, Any]:
        verdict: dict[str, Any] = {}
        for function in functions:
            verdict.update(function(text))
        return verdict
    return recognise


def _without(profile: dict[str, Any], failing: list[str], dropped: list[str]) -> dict[str, Any]:
    """The profile less its failing rules. A failing field with an anchor first loses only its
    label rule, so the recogniser alone finds it; a second failure drops the anchor too."""
    fields = dict(profile["fields"])
    anchors = dict(profile.get("anchors", {}))
    for name in failing:
        if name in fields and name in anchors:
            del fields[name]
            dropped.append(f"{name} (label rule)")
        else:
            fields.pop(name, None)
            anchors.pop(name, None)
            dropped.append(name)
    new = {**profile, "fields": fields}
    if "anchors" in profile:
        new["anchors"] = anchors
    if "line_items" in failing:
        new["table"] = {}
    return new


def _failing_fields(profile: dict[str, Any], cases: list[StepCase],
                    recognise: Any = None, locate: Any = None) -> list[str]:
    """Fields whose rule disagrees with some fixture (the findings fed back)."""
    wrong: set[str] = set()
    for case in cases:
        got = engine.extract(case.inputs["words"], profile, recognise, locate)
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
