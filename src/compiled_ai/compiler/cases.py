"""Turn workflow fixtures into one step's cases.

A step's inputs come from the workflow state at that point: the fixture's input
plus the outputs of earlier (already validated) steps, which are run in the sandbox
to get them. A step's expected values are the fixture's golden outputs for the
fields that step produces.
"""

from __future__ import annotations

from typing import Any

from compiled_ai.compiler.templates import runner_options
from compiled_ai.compiler.validate.cases import StepCase
from compiled_ai.errors import CompilationFailed, SpecError
from compiled_ai.runtime.sandbox import SandboxLimits, run_in_sandbox
from compiled_ai.spec.models import FunctionStep, Spec
from compiled_ai.spec.template_options import template_id


def step_cases(spec: Spec, step: FunctionStep, compiled: dict[str, str],
               limits: SandboxLimits | None = None) -> list[StepCase]:
    """``compiled`` maps the ids of earlier steps to their validated module source."""
    states = [dict(f.input) for f in spec.fixtures]
    for earlier in spec.steps:
        if earlier.id == step.id:
            break
        run = run_in_sandbox(compiled[earlier.id], earlier.id,
                             [_project(s, earlier.inputs) for s in states], limits=limits,
                             template=template_id(earlier.template),
                             options=runner_options(earlier))
        for state, result in zip(states, run.cases, strict=True):
            if not result.ok or not isinstance(result.value, dict):
                raise CompilationFailed(f"step {earlier.id!r} failed while preparing fixtures "
                                        f"for {step.id!r}: {result.error}")
            state.update(result.value)
    cases, holdouts = [], 0
    for fixture, state in zip(spec.fixtures, states, strict=True):
        holdouts += fixture.holdout
        cases.append(StepCase(
            name=fixture.name, holdout=fixture.holdout, inputs=_project(state, step.inputs),
            expected={k: v for k, v in fixture.expected.items() if k in step.outputs},
            holdout_number=holdouts if fixture.holdout else 0))
    if not any(case.expected for case in cases):
        raise SpecError(f"step {step.id!r}: no fixture checks any of its outputs "
                        f"({', '.join(step.outputs)}); add them to the expected outputs")
    return cases


def _project(state: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """The step's parameters from the state; fields not present are passed as None."""
    return {name: state.get(name) for name in fields}
