"""One item under each protocol: the runtime baseline, and the two compiled protocols.

paper   the compile prompt sees the scored question itself: it is the fixture's input,
        and the fixture's expected output is the same model's own answer to it, asked
        at compile time with the baseline's prompt and re-asked when the answer breaks
        the function's declaration (``labels``; tokens counted as compile tokens).
        The ground truth is never shown. This is what the paper's harness did
        in spirit: one workflow per instance, compiled while seeing that instance.
blind   the compile prompt sees the function schema and generated example requests
        (``requests.example_requests``); the scored question is only ever given to the
        compiled code, at run time.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from compiled_ai.artifacts.canonical import canonical_json
from compiled_ai.artifacts.store import read_verified, write_artifact
from compiled_ai.benchmarks.bfcl.baseline import DecodeError
from compiled_ai.benchmarks.bfcl.checker import Verdict, check
from compiled_ai.benchmarks.bfcl.data import BfclItem
from compiled_ai.benchmarks.bfcl.labels import label_question
from compiled_ai.benchmarks.bfcl.prompting import DEFAULT_STYLE, decode_reply, request_for
from compiled_ai.benchmarks.bfcl.requests import example_requests
from compiled_ai.benchmarks.bfcl.workflow import STEP_ID, Example, ItemWorkflow, build_workflow
from compiled_ai.compiler import CompileOptions, compile_spec
from compiled_ai.errors import CompilationFailed, CompiledAIError, SpecError
from compiled_ai.eval.metrics import reproducibility, shannon_entropy
from compiled_ai.providers.base import Provider
from compiled_ai.runtime.executor import Workflow

PROTOCOLS = ("paper", "blind", "baseline")


@dataclass(frozen=True)
class BenchOptions:
    max_attempts: int = 5
    entropy_sample: int = 20  # compiled workflows run ``entropy_runs`` times each
    entropy_runs: int = 1000
    baseline_repeats: int = 3  # K extra calls per question for the baseline's entropy
    baseline_repeat_sample: int = 5
    mypy_cache: Path | None = None
    prompt_style: str = DEFAULT_STYLE  # how the baseline and the paper's labelling call ask


def run_baseline(item: BfclItem, provider: Provider,
                 style: str = DEFAULT_STYLE) -> dict[str, Any]:
    started = time.perf_counter()
    completion = provider.complete(request_for(item, style))
    latency_ms = (time.perf_counter() - started) * 1000
    predicted, verdict = None, None
    try:
        predicted = decode_reply(completion.text, style)
    except DecodeError as exc:
        verdict = Verdict(valid=False, error=f"decode: {exc}", error_type="decode")
    if predicted is not None:
        verdict = check(item, predicted)
    assert verdict is not None
    return {"id": item.id, "protocol": "baseline", "reply": completion.text,
            "predicted": predicted, **_verdict(verdict),
            "input_tokens": completion.usage.input_tokens,
            "output_tokens": completion.usage.output_tokens,
            "tokens": completion.usage.total, "latency_ms": round(latency_ms, 3)}


def run_compiled(item: BfclItem, protocol: str, provider: Provider, artifacts: Path,
                 options: BenchOptions, measure_entropy: bool,
                 say: Callable[[str], None] | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {"id": item.id, "protocol": protocol, "compiled": False,
                              "label_tokens": 0, "compile_tokens": 0, "attempts": 0}
    label_arguments = None
    if protocol == "paper":
        label_arguments, label = _paper_label(item, provider, options.prompt_style)
        record.update(label)
        if label_arguments is None:
            return _failed(record, "label", record["label_error"])
    flow = item_workflow(item, protocol, label_arguments)
    problem = _label_problem(flow)
    if problem:
        return _failed(record, "label", problem)
    started = time.perf_counter()
    try:
        compiled = compile_spec(flow.spec, flow.spec_bytes, provider,
                                compile_options(flow, options.max_attempts, options.mypy_cache),
                                progress=say)
    except CompilationFailed as exc:
        record["attempts"] = len(exc.report)
        record["compile_tokens"] = record["label_tokens"] + sum(
            _count(a.get("input_tokens")) + _count(a.get("output_tokens")) for a in exc.report)
        record["compile_s"] = round(time.perf_counter() - started, 3)
        record["compile_failures"] = [_first_blocking(a) for a in exc.report]
        _write_report(failure_report(artifacts.parent, item.id), exc.report)
        return _failed(record, "compile", str(exc))
    except SpecError as exc:  # the input gate refused the fixtures: nothing reached the model
        record["compile_tokens"] = record["label_tokens"]
        return _failed(record, "input_gate", str(exc))
    record["compile_s"] = round(time.perf_counter() - started, 3)
    step = compiled.manifest.steps[0]
    tokens = compiled.manifest.tokens
    code = compiled.files[f"steps/{STEP_ID}.py"].decode("utf-8")
    record.update(compiled=True, code_sha256=step.code_sha256, code=code,
                  attempts=len(step.attempts),
                  compile_tokens=record["label_tokens"] + tokens.input_tokens
                  + tokens.output_tokens, compile_calls=tokens.calls)
    target = artifacts / item.id
    record["artifact_sha256"] = write_artifact(target, compiled.files, compiled.manifest)
    workflow = Workflow(read_verified(target))
    return _score_run(item, record, flow, workflow, options, measure_entropy)


def _score_run(item: BfclItem, record: dict[str, Any], flow: ItemWorkflow, workflow: Workflow,
               options: BenchOptions, measure_entropy: bool) -> dict[str, Any]:
    payload = {"question": item.question}
    started = time.perf_counter()
    try:
        output = workflow.run(payload).output
    except CompiledAIError as exc:
        record["run_latency_ms"] = round((time.perf_counter() - started) * 1000, 4)
        return _failed(record, "run", str(exc))
    record["run_latency_ms"] = round((time.perf_counter() - started) * 1000, 4)
    predicted = flow.call_from_output(item.function_name, output)
    record.update(predicted=predicted, **_verdict(check(item, predicted)))
    if measure_entropy:
        outputs = [_run_text(workflow, payload) for _ in range(options.entropy_runs)]
        record["entropy"] = {"runs": len(outputs), "bits": shannon_entropy(outputs),
                             "reproducibility": reproducibility(outputs)}
    return record


def _run_text(workflow: Workflow, payload: dict[str, Any]) -> bytes:
    try:
        return canonical_json(workflow.run(payload).output)
    except CompiledAIError as exc:
        return f"error: {exc}".encode()


def item_workflow(item: BfclItem, protocol: str,
                  label_arguments: dict[str, Any] | None = None) -> ItemWorkflow:
    """The workflow an item is compiled as: under ``paper`` its question labelled with
    ``label_arguments`` (the model's checked answer), under ``blind`` generated requests.
    The one place both the run and ``staleness`` build it, so they cannot drift apart."""
    if protocol == "paper":
        assert label_arguments is not None, "the paper protocol needs the label's arguments"
        examples = [Example(question=item.question, arguments=label_arguments)]
    else:
        examples = example_requests(item.function, item.id)
    return build_workflow(item, examples, single_request=protocol == "paper")


def compile_options(flow: ItemWorkflow, max_attempts: int,
                    mypy_cache: Path | None = None) -> CompileOptions:
    """How an item's workflow is compiled (its worked example included)."""
    return CompileOptions(max_attempts=max_attempts, mypy_cache=mypy_cache,
                          demonstration=flow.demonstration)


def _paper_label(item: BfclItem, provider: Provider,
                 style: str) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """The model's own checked answer to the question (never the truth), and what the
    record keeps about asking it."""
    label = label_question(item, provider, style)
    info: dict[str, Any] = {"label_reply": label.replies[-1], "label_asks": len(label.replies),
                            "label_tokens": label.tokens}
    if label.arguments is None:
        info["label_error"] = (f"the model's answer was refused after "
                               f"{len(label.replies)} asks: {label.problem}")
    return label.arguments, info


def _label_problem(flow: ItemWorkflow) -> str | None:
    """Fixtures whose expected values break the result schema could never compile."""
    validator = Draft202012Validator(flow.spec.output_schema)
    for fixture in flow.spec.fixtures:
        error = next(iter(validator.iter_errors(fixture.expected)), None)
        if error is not None:
            where = "/".join(str(p) for p in error.absolute_path) or "output"
            return f"expected output of {fixture.name} breaks the schema at {where}: " \
                   f"{error.message[:120]}"
    return None


def _failed(record: dict[str, Any], stage: str, message: str) -> dict[str, Any]:
    record.update(predicted=None, valid=False, error=f"{stage}: {message}"[:500],
                  error_type=stage)
    return record


def _first_blocking(attempt: dict[str, Any]) -> dict[str, Any]:
    """Where an attempt failed: the last stage it reached and that stage's first error."""
    stages = attempt.get("stages")
    last = stages[-1] if isinstance(stages, list) and stages else {}
    findings = [f for f in last.get("findings", []) if f.get("severity") == "error"]
    return {"attempt": attempt.get("number"), "stage": last.get("stage"),
            "finding": (f"[{findings[0].get('id')}] {findings[0].get('message')}"[:300]
                        if findings else None)}


def failure_report(out: Path, item_id: str) -> Path:
    """Where an item's failed compile attempts are kept (the run's ``failed/`` folder)."""
    return out / "failed" / f"{item_id}.json"


def _write_report(path: Path, report: list[dict[str, Any]]) -> None:
    """Every failed attempt's code and findings, for explaining the failures later."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, sort_keys=True, default=str) + "\n",
                    encoding="utf-8")


def _count(value: object) -> int:
    return value if isinstance(value, int) else 0


def _verdict(verdict: Verdict) -> dict[str, Any]:
    return {"valid": verdict.valid, "error": verdict.error, "error_type": verdict.error_type}
