"""Compile one model-written part of a layout's extractor, write it, read it back verified.

Both parts the model writes per layout cluster (a value recogniser, ``recogniser``; a field
locator, ``locator``) go through the project's compiler (``compile_spec``: prompt, four
validation stages, retries with the findings); a part that compiles is written as an
artifact and read back with every hash checked, and the extractor template runs the
code the hashes vouch for. A part that fails is recorded with each attempt's code in a
failure report, not raised.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compiled_ai.artifacts.store import read_verified, write_artifact
from compiled_ai.compiler import CompileOptions, compile_spec
from compiled_ai.errors import CompilationFailed, CompiledAIError
from compiled_ai.providers.base import Provider
from compiled_ai.spec.models import FunctionStep, Spec


@dataclass
class ModelPart:
    """One cluster's compile outcome for one part: the verified step source, or why none."""

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
    outputs: list[str] = field(default_factory=list)  # the step's result keys

    def record(self) -> dict[str, Any]:
        """What the result JSON keeps per cluster."""
        return {"function": self.function, "kind": self.kind, "passed": self.passed,
                "error": self.error, "attempts": self.attempts,
                "compile_tokens": self.compile_tokens, "compile_seconds": self.compile_seconds,
                "fixtures": self.fixtures, "holdout_fixtures": self.holdout_fixtures,
                "artifact_sha256": self.artifact_sha256, "code_sha256": self.code_sha256,
                "outputs": self.outputs, "failures": self.failures}


def compile_part(cluster: int, kind: str, spec: Spec, spec_bytes: bytes, provider: Provider,
                 artifacts: Path, options: CompileOptions) -> ModelPart:
    """Compile ``spec`` (one step) into ``artifacts/layout_<cluster>_<kind>``; a failure's
    attempts go to ``artifacts/failed/layout_<cluster>_<kind>.json``."""
    step = spec.steps[0]
    assert isinstance(step, FunctionStep)
    out = ModelPart(cluster=cluster, function=step.id, kind=kind,
                    fixtures=len(spec.fixtures),
                    holdout_fixtures=sum(f.holdout for f in spec.fixtures),
                    outputs=sorted(step.outputs))
    target = artifacts / f"layout_{cluster}_{kind}"
    failed = artifacts / "failed" / f"layout_{cluster}_{kind}.json"  # each attempt's code
    _clear_earlier_outcome(target, failed)
    started = time.perf_counter()
    try:
        compiled = compile_spec(spec, spec_bytes, provider, options)
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
    """A rerun into the same folder replaces what an earlier run left for this part,
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
