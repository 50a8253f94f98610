"""Stage 3, execution: run every fixture in the sandbox and check the result's shape."""

from __future__ import annotations

from typing import Any

from compiled_ai.compiler.validate.cases import StepCase
from compiled_ai.compiler.validate.findings import Finding, StageResult
from compiled_ai.runtime.sandbox import SandboxLimits, SandboxRun, run_in_sandbox
from compiled_ai.runtime.schemas import first_error, result_schema


def check_execution(source: str, function: str, outputs: dict[str, dict[str, Any]],
                    cases: list[StepCase], limits: SandboxLimits | None = None,
                    ) -> tuple[StageResult, SandboxRun]:
    run = run_in_sandbox(source, function, [c.inputs for c in cases], hash_seed=0,
                         limits=limits)
    findings: list[Finding] = []
    if run.failure:
        findings.append(Finding(id="EXE003", severity="error",
                                message=f"sandboxed run failed: {run.failure}"))
        return StageResult.of("execution", findings), run
    schema = result_schema(outputs)
    for case, result in zip(cases, run.cases, strict=True):
        label = _label(case)
        if not result.ok:
            findings.append(Finding(id="EXE001", severity="error",
                                    message=f"{label} raised {result.error}"))
            continue
        problem = first_error(schema, result.value)
        if problem is not None:
            findings.append(Finding(id="EXE002", severity="error",
                                    message=f"{label}: result breaks its schema at {problem}"))
    return StageResult.of("execution", findings), run


def _label(case: StepCase) -> str:
    return f"holdout fixture {case.name!r}" if case.holdout else \
        f"fixture {case.name!r} with input {case.inputs}"
