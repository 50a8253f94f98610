"""The run path the CLI and library users share: verify, load, run, audit."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compiled_ai.artifacts.canonical import canonical_json, sha256_json
from compiled_ai.artifacts.store import read_verified
from compiled_ai.runtime.audit.log import AuditLog, AuditRecord
from compiled_ai.runtime.bounded_protocol import BoundedInvoker
from compiled_ai.runtime.checkpoint import Checkpoint
from compiled_ai.runtime.executor import RunResult, Workflow
from compiled_ai.runtime.modules.registry import ModuleRegistry

if TYPE_CHECKING:
    from compiled_ai.artifacts.signing import TrustedKey


def open_workflow(path: str | Path, *, isolated: bool = False,
                  bounded: BoundedInvoker | None = None, modules: ModuleRegistry | None = None,
                  parallelism: int = 1, trusted_keys: Sequence[TrustedKey] = ()) -> Workflow:
    """Verify every hash of the artifact at ``path`` and load its steps.

    With ``trusted_keys``, the artifact must also carry a valid signature by one of them.
    """
    return Workflow(read_verified(path, trusted_keys), isolated=isolated, bounded=bounded,
                    modules=modules, parallelism=parallelism)


def run_once(workflow: Workflow, payload: Any, audit: AuditLog | None,
             transaction: str | None = None,
             checkpoint: Checkpoint | None = None) -> RunResult:
    """Run one input; append an audit record (with the model tokens spent) in every case.

    ``checkpoint``: where batch steps record finished records, to resume after a crash.
    """
    started = time.perf_counter()
    result = workflow.execute(payload, transaction=transaction, checkpoint=checkpoint)
    if audit is not None:
        error_kind = type(result.error).__name__ if result.error is not None else None
        audit.append(_record(workflow, payload, result, error_kind, started))
    if result.error is not None:
        raise result.error
    return result


def _record(workflow: Workflow, payload: Any, result: RunResult,
            error_kind: str | None, started: float) -> AuditRecord:
    try:
        input_hash = sha256_json(payload)
    except (TypeError, ValueError):
        input_hash = "unhashable"
    finished = error_kind is None and result.status == "ok"
    outcome = "error" if error_kind is not None else result.status
    return AuditRecord(
        workflow=workflow.name, artifact_sha256=workflow.artifact.artifact_sha256,
        input_sha256=input_hash,
        output_sha256=sha256_json(result.output) if finished else None,
        outcome=outcome, error_kind=error_kind,
        duration_ms=round((time.perf_counter() - started) * 1000, 3), tokens=result.tokens,
        module_calls=canonical_json(result.module_calls).decode("utf-8")
        if result.module_calls else None)
