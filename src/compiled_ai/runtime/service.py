"""The run path the CLI and library users share: verify, load, run, audit."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from compiled_ai.artifacts.canonical import sha256_json
from compiled_ai.artifacts.store import read_verified
from compiled_ai.errors import CompiledAIError
from compiled_ai.runtime.audit.log import AuditLog, AuditRecord
from compiled_ai.runtime.checkpoint import Checkpoint
from compiled_ai.runtime.executor import RunResult, Workflow


def open_workflow(path: str | Path, *, isolated: bool = False) -> Workflow:
    """Verify every hash of the artifact at ``path`` and load its steps."""
    return Workflow(read_verified(path), isolated=isolated)


def run_once(workflow: Workflow, payload: Any, audit: AuditLog | None,
             checkpoint: Checkpoint | None = None) -> RunResult:
    """Run one input; append an audit record whether it succeeds or fails."""
    started = time.perf_counter()
    try:
        result = workflow.run(payload, checkpoint=checkpoint)
    except CompiledAIError as exc:
        if audit is not None:
            audit.append(_record(workflow, payload, None, type(exc).__name__, started))
        raise
    if audit is not None:
        audit.append(_record(workflow, payload, result.output, None, started))
    return result


def _record(workflow: Workflow, payload: Any, output: dict[str, Any] | None,
            error_kind: str | None, started: float) -> AuditRecord:
    try:
        input_hash = sha256_json(payload)
    except (TypeError, ValueError):
        input_hash = "unhashable"
    return AuditRecord(
        workflow=workflow.name, artifact_sha256=workflow.artifact.artifact_sha256,
        input_sha256=input_hash,
        output_sha256=sha256_json(output) if output is not None else None,
        outcome="ok" if error_kind is None else "error", error_kind=error_kind,
        duration_ms=round((time.perf_counter() - started) * 1000, 3), tokens=0)
