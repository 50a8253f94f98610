"""A finding: one thing a check noticed, with a stable id, a severity and, where it
applies, the CWE it belongs to. Shared by every gate and validation stage.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Severity = Literal["error", "warning", "info"]


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    severity: Severity
    message: str
    line: int | None = None
    cwe: int | None = None
