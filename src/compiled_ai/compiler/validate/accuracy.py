"""Stage 4, accuracy and determinism.

Accuracy: every fixture's result equals its golden output, exactly or within the
spec's per-field tolerance (keys a fixture marks ``unchecked`` are shown, not compared).
Holdout failures are reported without their values, so the regeneration prompt never
leaks them.
Determinism: every fixture is run again in fresh processes with other
PYTHONHASHSEED values, twice per process; every result must be byte-identical
canonical JSON to the stage-3 result.
"""

from __future__ import annotations

import math
from typing import Any

from compiled_ai.compiler.validate.cases import StepCase, module_replay
from compiled_ai.compiler.validate.findings import Finding, StageResult
from compiled_ai.runtime.sandbox import SandboxLimits, SandboxRun, run_in_sandbox
from compiled_ai.spec.models import Tolerance

DETERMINISM_SEEDS = (1, 2, 3)


def values_match(got: Any, want: Any, tolerance: Tolerance | None) -> bool:
    """Numbers compare by value (within ``tolerance``); everything else by type and value."""
    if _both_numbers(got, want):
        if tolerance is None:
            return bool(got == want)
        allowed = max(tolerance.abs or 0.0, (tolerance.rel or 0.0) * abs(want))
        return math.isfinite(got) and abs(got - want) <= allowed
    if isinstance(want, list) and isinstance(got, list):
        return len(got) == len(want) and all(
            values_match(g, w, tolerance) for g, w in zip(got, want, strict=True))
    if isinstance(want, dict) and isinstance(got, dict):
        return got.keys() == want.keys() and all(
            values_match(got[k], want[k], tolerance) for k in want)
    return type(got) is type(want) and bool(got == want)


def _both_numbers(a: Any, b: Any) -> bool:
    return all(isinstance(v, int | float) and not isinstance(v, bool) for v in (a, b))


def check_accuracy(source: str, function: str, cases: list[StepCase], first_run: SandboxRun,
                   tolerances: dict[str, Tolerance], limits: SandboxLimits | None = None,
                   seeds: tuple[int, ...] = DETERMINISM_SEEDS, *, template: str | None = None,
                   options: dict[str, Any] | None = None,
                   uses: tuple[str, ...] = ()) -> StageResult:
    findings: list[Finding] = []
    for case, result in zip(cases, first_run.cases, strict=True):
        got = result.value if isinstance(result.value, dict) else {}
        wrong = [key for key, want in case.expected.items() if key not in case.unchecked
                 and (key not in got or not values_match(got[key], want, tolerances.get(key)))]
        if not wrong:
            continue
        if case.holdout:
            message = f"{case.label}: wrong {', '.join(wrong)}"
        else:
            detail = "; ".join(
                f"{k}: expected {case.expected[k]!r}, got {got.get(k, '<missing>')!r}"
                for k in wrong)
            message = f"{case.label}: {detail}"
        findings.append(Finding(id="ACC001", severity="error", message=message))
    findings += _determinism_findings(source, function, cases, first_run, limits, seeds,
                                      template, options, uses)
    return StageResult.of("accuracy", findings)


def _determinism_findings(source: str, function: str, cases: list[StepCase],
                          first_run: SandboxRun, limits: SandboxLimits | None,
                          seeds: tuple[int, ...], template: str | None = None,
                          options: dict[str, Any] | None = None,
                          uses: tuple[str, ...] = ()) -> list[Finding]:
    reference = [r.outputs[0] if r.ok and r.outputs else None for r in first_run.cases]
    unstable: dict[str, set[int]] = {}
    for seed in seeds:
        run = run_in_sandbox(source, function, [c.inputs for c in cases], hash_seed=seed,
                             repeat=2, limits=limits, template=template, options=options,
                             modules=module_replay(uses, cases))
        for case, want, result in zip(cases, reference, run.cases, strict=True):
            if not result.ok or any(out != want for out in result.outputs):
                label = case.label if case.holdout else f"fixture {case.name!r}"
                unstable.setdefault(label, set()).add(seed)
    return [Finding(id="ACC002", severity="error",
                    message=f"{name} gave different output across runs "
                            f"(PYTHONHASHSEED {sorted(found)} vs 0): the code is "
                            "nondeterministic (set order, time, randomness?)")
            for name, found in unstable.items()]
