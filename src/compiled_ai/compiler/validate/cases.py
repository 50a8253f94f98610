"""The fixture cases one step is validated on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class StepCase:
    name: str
    holdout: bool
    inputs: dict[str, Any]  # the step's parameters
    expected: dict[str, Any]  # the step's result fields the fixture checks
    holdout_number: int = 0  # 1, 2, ... for holdouts: how findings refer to them

    @property
    def label(self) -> str:
        """How findings (which reach the model) name this case: holdouts stay opaque."""
        if self.holdout:
            return f"holdout fixture #{self.holdout_number}"
        return f"fixture {self.name!r} with input {self.inputs}"
