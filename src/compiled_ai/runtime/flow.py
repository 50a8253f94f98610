"""Interpret a spec's step tree: sequence, parallel, foreach, data by name and reference.

Shared by the runtime executor and the compiler (which replays the tree over the
fixtures to derive each compiled step's test cases); what a leaf step does is the
caller's ``LeafRunner``. The semantics are those of a deterministic, replayable
workflow: parallel branches start from one snapshot of the state and their writes are
merged in declaration order whatever order they finish in; a foreach runs its body
per element, in order, and collects the results into a list.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from compiled_ai.errors import StepExecutionError
from compiled_ai.spec.models import (
    CallStep,
    ForeachBlock,
    LeafStep,
    ParallelBlock,
    Reference,
    SequenceBlock,
    parse_reference,
    writes,
)


@dataclass
class State:
    """The workflow state: the input, every name written so far, each step's outputs."""

    payload: dict[str, Any]
    names: dict[str, Any]
    results: dict[str, dict[str, Any]] = field(default_factory=dict)
    written: dict[str, Any] = field(default_factory=dict)  # since the last fork
    written_results: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def start(cls, payload: dict[str, Any]) -> State:
        return cls(payload=dict(payload), names=dict(payload))

    def fork(self) -> State:
        """A snapshot for a parallel branch or a foreach element."""
        return State(self.payload, dict(self.names), dict(self.results))

    def write(self, name: str, value: Any) -> None:
        self.names[name] = value
        self.written[name] = value

    def record(self, step_id: str, outputs: dict[str, Any]) -> None:
        for name, value in outputs.items():
            self.write(name, value)
        self.results[step_id] = outputs
        self.written_results[step_id] = outputs

    def merge(self, branch: State) -> None:
        for name, value in branch.written.items():
            self.write(name, value)
        for step_id, outputs in branch.written_results.items():
            self.results[step_id] = outputs
            self.written_results[step_id] = outputs


@dataclass(frozen=True)
class Visit:
    """Where a leaf runs: the enclosing foreach ids and element indexes, outermost first."""

    loops: tuple[tuple[str, int], ...] = ()

    def enter(self, foreach_id: str, index: int) -> Visit:
        return Visit((*self.loops, (foreach_id, index)))


LeafRunner = Callable[[LeafStep, dict[str, Any], Visit], dict[str, Any]]


def resolve(value: Any, state: State) -> Any:
    """A literal with every reference in it replaced by its value."""
    reference = parse_reference(value)
    if reference is not None:
        return resolve_reference(reference, state)
    if isinstance(value, dict):
        return {key: resolve(item, state) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve(item, state) for item in value]
    return value


def resolve_reference(reference: Reference, state: State) -> Any:
    """Absent optional fields read as None, as a parameter missing from the state does."""
    if reference.root == "input":
        value: Any = state.payload
    elif reference.root in state.names:
        value = state.names[reference.root]
    elif reference.root in state.results:
        value = state.results[reference.root]
    else:
        raise StepExecutionError(f"{reference}: {reference.root!r} has no value at this point")
    for key in reference.path:
        if isinstance(value, dict):
            value = value.get(key)
        elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        else:
            return None
    return value


def arguments_for(step: LeafStep, state: State) -> dict[str, Any]:
    """A step's arguments: ``args`` bindings, else the state name the parameter is called."""
    if isinstance(step, CallStep):
        return {name: resolve(value, state) for name, value in step.args.items()}
    return {name: resolve(step.args[name], state) if name in step.args
            else state.names.get(name) for name in step.inputs}


class Interpreter:
    """Runs nodes against a state; ``parallelism`` > 1 runs parallel branches in threads.

    Threads change only the wall-clock time: each branch works on its own snapshot
    and the merge order is fixed, so the result is the same with any parallelism.
    """

    def __init__(self, run_leaf: LeafRunner, *, parallelism: int = 1) -> None:
        self._run_leaf = run_leaf
        self._parallelism = max(1, parallelism)

    def run(self, nodes: list[Any], state: State, visit: Visit = Visit()) -> None:
        for node in nodes:
            self._node(node, state, visit)

    def _node(self, node: Any, state: State, visit: Visit) -> None:
        if isinstance(node, SequenceBlock):
            self.run(node.steps, state, visit)
        elif isinstance(node, ParallelBlock):
            self._parallel(node, state, visit)
        elif isinstance(node, ForeachBlock):
            self._foreach(node, state, visit)
        else:
            outputs = self._run_leaf(node, arguments_for(node, state), visit)
            state.record(node.id, outputs)

    def _parallel(self, node: ParallelBlock, state: State, visit: Visit) -> None:
        branches = [state.fork() for _ in node.branches]

        def run_branch(index: int) -> BaseException | None:
            try:
                self._node(node.branches[index], branches[index], visit)
            except Exception as exc:  # re-raised below, in declaration order
                return exc
            return None

        indexes = range(len(node.branches))
        if self._parallelism > 1:
            with ThreadPoolExecutor(max_workers=self._parallelism) as pool:
                failures = list(pool.map(run_branch, indexes))
        else:
            failures = []
            for index in indexes:
                failures.append(run_branch(index))
                if failures[-1] is not None:
                    break
        for failure in failures:
            if failure is not None:
                raise failure
        for branch in branches:
            state.merge(branch)

    def _foreach(self, node: ForeachBlock, state: State, visit: Visit) -> None:
        reference = parse_reference(node.over)
        assert reference is not None  # the spec guarantees it
        items = resolve_reference(reference, state)
        if not isinstance(items, list):
            raise StepExecutionError(f"foreach {node.id!r}: {node.over} is "
                                     f"{type(items).__name__}, not a list")
        keep = node.collect or list(_body_writes(node))
        collected = []
        for index, element in enumerate(items):
            body = state.fork()
            body.write(node.item, element)
            self.run(node.steps, body, visit.enter(node.id, index))
            collected.append({name: body.names[name] for name in keep if name in body.names})
        state.write(node.id, collected)


def _body_writes(node: ForeachBlock) -> dict[str, None]:
    found: dict[str, None] = {}
    for child in node.steps:
        found.update(writes(child))
    return found
