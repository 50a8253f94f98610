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
