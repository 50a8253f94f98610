"""The fixture cases one step is validated on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from compiled_ai.runtime.sandbox import ModuleReplay
from compiled_ai.spec.operations import bindings


@dataclass(frozen=True)
class StepCase:
    name: str
    holdout: bool
    inputs: dict[str, Any]  # the step's parameters
    expected: dict[str, Any]  # the step's result fields the fixture gives
    holdout_number: int = 0  # 1, 2, ... for holdouts: how findings refer to them
    # for a step with ``uses``: the recorded module calls that answer this case, in order
    module_calls: list[dict[str, Any]] | None = None
    unchecked: frozenset[str] = frozenset()  # keys of ``expected`` shown but not compared

    @property
    def label(self) -> str:
        """How findings (which reach the model) name this case: holdouts stay opaque."""
        if self.holdout:
            return f"holdout fixture #{self.holdout_number}"
        return f"fixture {self.name!r} with input {self.inputs}"


def module_replay(uses: Sequence[str], cases: list[StepCase]) -> ModuleReplay | None:
    """What answers the module calls of a step with ``uses`` in the sandbox: each case's
    recorded calls (None for a step without modules)."""
    if not uses:
        return None
    return ModuleReplay(bindings(list(uses)), [list(c.module_calls or []) for c in cases])
