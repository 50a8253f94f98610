"""Stage 3, execution: run every fixture in the sandbox and check the result's shape."""

from __future__ import annotations

from typing import Any

from compiled_ai.compiler.validate.cases import StepCase, module_replay
from compiled_ai.compiler.validate.findings import Finding, StageResult
from compiled_ai.runtime.sandbox import SandboxLimits, SandboxRun, run_in_sandbox
from compiled_ai.runtime.schemas import result_schema, violation
from compiled_ai.security.canary import canary_finding, find_canary


def check_execution(source: str, function: str, outputs: dict[str, dict[str, Any]],
                    cases: list[StepCase], limits: SandboxLimits | None = None,
                    canaries: tuple[str, ...] = (), *, template: str | None = None,
                    options: dict[str, Any] | None = None,
                    uses: tuple[str, ...] = ()) -> tuple[StageResult, SandboxRun]:
    """``template``/``options``: run each case through the step's template runner, so a
    wrapper template's fixtures test the wrapper and the function together. ``uses``:
    the step's module operations, answered in the sandbox by each case's recording."""
    run = run_in_sandbox(source, function, [c.inputs for c in cases], hash_seed=0,
                         limits=limits, template=template, options=options,
                         modules=module_replay(uses, cases))
    findings: list[Finding] = []
    if run.failure:
        findings.append(Finding(id="EXE003", severity="error",
                                message=f"sandboxed run failed: {run.failure}"))
        return StageResult.of("execution", findings), run
    schema = result_schema(outputs)
    for case, result in zip(cases, run.cases, strict=True):
        # holdout findings name no values: exception texts and schema messages quote them
        if not result.ok:
            shown = _exception_kind(str(result.error)) if case.holdout else result.error
            findings.append(Finding(id="EXE001", severity="error",
                                    message=f"{case.label} raised {shown}"))
            continue
        leak = find_canary(" ".join(result.outputs), canaries)
        if leak:
            findings.append(canary_finding(f"the result of {case.label}", leak[1]))
        problem = violation(schema, result.value)
        if problem is not None:
            where, why = problem
            detail = where if case.holdout else f"{where}: {why}"
            findings.append(Finding(id="EXE002", severity="error",
                                    message=f"{case.label}: result breaks its schema at {detail}"))
    return StageResult.of("execution", findings), run



def _exception_kind(error: str) -> str:
    """'module failed to load: KeyError: x' -> 'module failed to load: KeyError'."""
    prefix = "module failed to load: "
    head = prefix if error.startswith(prefix) else ""
    return head + error.removeprefix(head).split(":", 1)[0]
