"""``compiled-ai run ARTIFACT --input FILE``: zero tokens, audited."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.progress import Progress

from compiled_ai._io import read_limited
from compiled_ai.artifacts.canonical import canonical_json
from compiled_ai.cli.output import err_console
from compiled_ai.errors import InputError
from compiled_ai.runtime import open_workflow, run_once
from compiled_ai.runtime.audit import AuditLog
from compiled_ai.runtime.checkpoint import FileCheckpoint
from compiled_ai.settings import load_settings

MAX_INPUT_BYTES = 10 * 1024 * 1024


@click.command("run")
@click.argument("artifact", type=click.Path(path_type=Path))
@click.option("-i", "--input", "input_path", required=True,
              help="JSON input file, or - for standard input.")
@click.option("--audit-db", type=click.Path(path_type=Path),
              help="Audit log (default: $COMPILED_AI_HOME/audit.sqlite).")
@click.option("--no-audit", is_flag=True, help="Do not record this run in the audit log.")
@click.option("--isolated", is_flag=True, help="Run each step in the sandbox process.")
@click.option("--repeat", type=click.IntRange(1, 1_000_000), default=1,
              help="Run the same input N times and report how many distinct outputs occurred.")
@click.option("--checkpoint", "checkpoint_path", type=click.Path(path_type=Path),
              help="JSON file where batch steps record finished records; rerunning with "
                   "the same file resumes an interrupted batch.")
def run_command(artifact: Path, input_path: str, audit_db: Path | None, no_audit: bool,
                isolated: bool, repeat: int, checkpoint_path: Path | None) -> None:
    """Run a compiled ARTIFACT on one JSON input and print the output."""
    payload = _read_input(input_path)
    workflow = open_workflow(artifact, isolated=isolated)
    checkpoint = FileCheckpoint(checkpoint_path) if checkpoint_path else None
    audit = None if no_audit else AuditLog(audit_db or load_settings().audit_db)
    outputs: set[bytes] = set()
    with Progress(console=err_console, transient=True, disable=repeat < 50) as progress:
        task = progress.add_task("running", total=repeat)
        for _ in range(repeat):
            result = run_once(workflow, payload, audit, checkpoint)
            outputs.add(canonical_json(result.output))
            progress.advance(task)
    sys.stdout.write(json.dumps(result.output, indent=2, sort_keys=True) + "\n")
    if repeat > 1:
        err_console.print(f"{repeat} runs, {len(outputs)} distinct output(s), 0 model tokens")


def _read_input(where: str) -> Any:
    raw = read_limited(where, MAX_INPUT_BYTES)
    try:
        return json.loads(raw)
    except UnicodeDecodeError:
        raise InputError(f"{where}: input is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}:{exc.lineno}: invalid JSON: {exc.msg}") from None
