"""Stage results shared by the four validation stages.

A finding has a stable ``id`` (``SEC001``, ``SYN002``, ``EXE003``, ``ACC001``, or the
tool's own code such as ``BANDIT-B602``, ``RUFF-F821``, ``MYPY-arg-type``), a severity
and a message. Any finding of severity ``error`` makes its stage fail.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from compiled_ai.security.findings import Finding, Severity

__all__ = ["STAGES", "Finding", "Severity", "StageResult"]

STAGES = ("security", "syntax", "execution", "accuracy")


class StageResult(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    stage: Literal["security", "syntax", "execution", "accuracy"]
    passed: bool
    findings: tuple[Finding, ...] = ()

    @classmethod
    def of(cls, stage: str, findings: list[Finding]) -> StageResult:
        blocking = any(f.severity == "error" for f in findings)
        return cls(stage=stage, passed=not blocking, findings=tuple(findings))  # type: ignore[arg-type]
