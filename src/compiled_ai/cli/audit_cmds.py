"""``compiled-ai audit verify|list``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.table import Table

from compiled_ai.cli.output import console, err_console
from compiled_ai.errors import AuditError
from compiled_ai.runtime.audit import AuditLog
from compiled_ai.settings import load_settings

_DB = click.option("--db", type=click.Path(path_type=Path),
                   help="Audit log (default: $COMPILED_AI_HOME/audit.sqlite).")


@click.group("audit")
def audit_group() -> None:
    """Inspect and verify the audit log."""


@audit_group.command("verify")
@_DB
def verify_command(db: Path | None) -> None:
    """Re-derive the hash chain; fail if any row was edited or deleted."""
    log = AuditLog(db or load_settings().audit_db)
    report = log.verify()
    if not report.ok:
        for problem in report.problems:
            err_console.print(f"  {escape(problem)}")
        raise AuditError(f"{log.path}: audit chain broken ({len(report.problems)} problem(s) "
                         f"in {report.rows} rows)")
    console.print(f"[green]ok[/] {escape(str(log.path))}: {report.rows} rows, chain intact")


@audit_group.command("list")
@_DB
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
def list_command(db: Path | None, limit: int) -> None:
    """Show the newest audit records."""
    log = AuditLog(db or load_settings().audit_db)
    if not log.path.is_file():
        raise AuditError(f"{log.path}: no audit log here")
    rows = list(log.rows())[-limit:]
    table = Table()
    for column in ("seq", "recorded_at", "workflow", "outcome", "ms", "tokens", "modules",
                   "input", "output"):
        table.add_column(column)
    for row in rows:
        table.add_row(str(row["seq"]), row["recorded_at"], row["workflow"], row["outcome"]
                      if row["error_kind"] is None else f"{row['outcome']} ({row['error_kind']})",
                      f"{row['duration_ms']:.2f}", str(row["tokens"]), _modules(row),
                      row["input_sha256"][7:19],
                      (row["output_sha256"] or "-")[7:19])
    console.print(table)


def _modules(row: dict[str, Any]) -> str:
    """``database.query x2`` per operation, summed over the run's steps."""
    if not row.get("module_calls"):
        return "-"
    totals: dict[str, int] = {}
    for counts in json.loads(row["module_calls"]).values():
        for name, count in counts.items():
            totals[name] = totals.get(name, 0) + count
    return ", ".join(f"{name} x{count}" for name, count in sorted(totals.items()))
