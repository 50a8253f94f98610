"""Turn workflow fixtures into one compiled step's cases.

Each fixture's input is run through the step tree up to the step (the tree is
pruned after it), with the real workflow semantics (``runtime.flow``): earlier
compiled steps run from their validated source, in-process with restricted builtins
and through their template's runner, as at run time; bounded and call steps answer
from the fixture's ``recorded`` outputs, so no model and no module is needed at
compile time. Every time the step is reached makes one case: inside a foreach, one
case per element. A case's expected values are the fixture's golden outputs for the
fields the step produces; inside a foreach, those of the element's entry in the
collected list. A step with ``uses`` takes, per case, the module calls the fixture
records for that run; an earlier step with ``uses`` is answered from its recording too.
"""

from __future__ import annotations

from typing import Any

from compiled_ai.compiler.templates import runner_options
from compiled_ai.compiler.validate.cases import StepCase
from compiled_ai.errors import CompilationFailed, CompiledAIError, SpecError
from compiled_ai.runtime._module_interface import Replay, with_modules
from compiled_ai.runtime.flow import Interpreter, State, Visit
from compiled_ai.runtime.loader import load_function
from compiled_ai.runtime.modules.interface import step_interface
from compiled_ai.runtime.templates import StepFunction, call_template
from compiled_ai.spec.models import (
    BoundedStep,
    CallStep,
    CompiledStep,
    Fixture,
    ForeachBlock,
    LeafStep,
    ParallelBlock,
    SequenceBlock,
    Spec,
)
from compiled_ai.spec.template_options import template_id


def step_cases(spec: Spec, step: CompiledStep, compiled: dict[str, str]) -> list[StepCase]:
    """``compiled`` maps the ids of earlier compiled steps to their validated source."""
    functions = {step_id: load_function(source, step_id, step_id)
                 for step_id, source in compiled.items()}
    nodes, found = prune(list(spec.steps), step.id)
    assert found, f"step {step.id!r} is not in the spec"
    cases: list[StepCase] = []
    holdouts = 0
    for fixture in spec.fixtures:
        for run, (arguments, visit) in enumerate(_reach(nodes, step, fixture, functions)):
            holdouts += fixture.holdout
            name = fixture.name + "".join(f"[{index}]" for _id, index in visit.loops)
            cases.append(StepCase(
                name=name, holdout=fixture.holdout, inputs=arguments,
                expected=_expected(fixture, step, visit),
                holdout_number=holdouts if fixture.holdout else 0,
                module_calls=_recorded_calls(fixture, step, run) if step.uses else None,
                unchecked=frozenset() if visit.loops else frozenset(fixture.unchecked)))
    if not any(case.expected for case in cases):
        raise SpecError(f"step {step.id!r}: no fixture checks any of its outputs "
                        f"({', '.join(step.outputs)}); add them to the expected outputs")
    return cases


def _recorded_calls(fixture: Fixture, step: CompiledStep, run: int) -> list[dict[str, Any]]:
    runs = fixture.recorded_outputs(step.id)
    if run >= len(runs):
        raise SpecError(f"fixture {fixture.name!r}: no recorded module calls for step "
                        f"{step.id!r} (run {run + 1}); add them under "
                        f"'recorded: {{{step.id}: {{calls: [...]}}}}' (a list, one per run, "
                        "inside a foreach)")
    return list(runs[run]["calls"])


def prune(nodes: list[Any], target: str) -> tuple[list[Any], bool]:
    """The tree up to and including ``target``, in run order; what runs after is cut.

    In a parallel block the branches after the target's are cut too: they start from
    the same snapshot, so the target cannot depend on them.
    """
    kept: list[Any] = []
    for node in nodes:
        if isinstance(node, SequenceBlock | ForeachBlock | ParallelBlock):
            field = "branches" if isinstance(node, ParallelBlock) else "steps"
            inner, found = prune(list(getattr(node, field)), target)
            if found:
                kept.append(node.model_copy(update={field: inner}))
                return kept, True
            kept.append(node)
        else:
            kept.append(node)
            if node.id == target:
                return kept, True
    return kept, False


def _reach(nodes: list[Any], target: CompiledStep, fixture: Fixture,
           functions: dict[str, StepFunction]) -> list[tuple[dict[str, Any], Visit]]:
    """The arguments ``target`` receives, each time it is reached, for one fixture."""
    reached: list[tuple[dict[str, Any], Visit]] = []
    replies: dict[str, list[dict[str, Any]]] = {}
    used_counts: dict[str, int] = {}

    def run_leaf(step: LeafStep, arguments: dict[str, Any], visit: Visit) -> dict[str, Any]:
        if step.id == target.id:
            reached.append((arguments, visit))
            return {}
        if isinstance(step, BoundedStep | CallStep):
            queue = replies.setdefault(step.id, fixture.recorded_outputs(step.id))
            used = used_counts.get(step.id, 0)
            if used >= len(queue):
                raise SpecError(
                    f"fixture {fixture.name!r}: no recorded output for {step.kind} step "
                    f"{step.id!r} (run {used + 1}); add it under "
                    f"'recorded: {{{step.id}: ...}}' so the steps after it can be tested")
            used_counts[step.id] = used + 1
            return dict(queue[used])
        function = functions[step.id]
        replay = None
        if step.uses:  # an earlier step with modules: answered from its recording
            run = used_counts.get(step.id, 0)
            used_counts[step.id] = run + 1
            replay = Replay(_recorded_calls(fixture, step, run))
            function = with_modules(function, step_interface(step.uses, replay))
        try:
            produced = call_template(template_id(step.template), function, step.id,
                                     arguments, runner_options(step))
        except CompiledAIError as exc:
            raise CompilationFailed(f"fixture {fixture.name!r}: step {step.id!r} failed "
                                    f"before {target.id!r} was reached: {exc}") from None
        if replay is not None and replay.unused():
            raise CompilationFailed(f"fixture {fixture.name!r}: step {step.id!r} did not make "
                                    f"its recorded module calls {', '.join(replay.unused())}")
        return produced

    try:
        Interpreter(run_leaf).run(nodes, State.start(fixture.input))
    except SpecError:
        raise
    except CompiledAIError as exc:
        raise CompilationFailed(f"fixture {fixture.name!r} failed before step {target.id!r} "
                                f"was reached: {exc}") from None
    return reached


def _expected(fixture: Fixture, step: CompiledStep, visit: Visit) -> dict[str, Any]:
    golden: Any = fixture.expected
    for foreach_id, index in visit.loops:
        items = golden.get(foreach_id) if isinstance(golden, dict) else None
        if not isinstance(items, list) or index >= len(items):
            return {}
        golden = items[index]
    if not isinstance(golden, dict):
        return {}
    return {k: v for k, v in golden.items() if k in step.outputs}
