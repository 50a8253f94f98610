"""``compiled-ai run ARTIFACT --input FILE``: audited; zero tokens unless the workflow
has bounded steps, which need ``--provider`` and report the tokens they used.

Exit status 5 means a bounded step parked the transaction in the human-review queue:
stdout gets ``{"status": "review", "review_id": N, ...}``; resolve the item with
``compiled-ai review resolve N`` and run the same input again.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.progress import Progress

from compiled_ai._io import read_limited
from compiled_ai.artifacts.canonical import canonical_json
from compiled_ai.cli.output import err_console
from compiled_ai.cli.trust import load_trusted, trust_key_option
from compiled_ai.errors import ConfigurationError, InputError
from compiled_ai.runtime import RunResult, open_workflow, run_once
from compiled_ai.runtime.audit import AuditLog
from compiled_ai.runtime.bounded_protocol import BoundedInvoker
from compiled_ai.runtime.checkpoint import FileCheckpoint
from compiled_ai.settings import Settings, load_settings

MAX_INPUT_BYTES = 10 * 1024 * 1024
EXIT_REVIEW = 5


@click.command("run")
@click.argument("artifact", type=click.Path(path_type=Path))
@click.option("-i", "--input", "input_path", required=True,
              help="JSON input file, or - for standard input.")
@click.option("--audit-db", type=click.Path(path_type=Path),
              help="Audit log (default: $COMPILED_AI_HOME/audit.sqlite).")
@click.option("--no-audit", is_flag=True, help="Do not record this run in the audit log.")
@click.option("--isolated", is_flag=True, help="Run each step in the sandbox process.")
@click.option("--modules", "modules_path", type=click.Path(path_type=Path),
              help="Module configuration (YAML/JSON) for 'call' steps: allowed HTTP hosts, "
                   "database file, notification outbox.")
@click.option("--provider", "provider_name", default=None,
              help="Model for bounded steps: local (embedded), openai (any OpenAI-compatible "
                   "endpoint), ...; required when the workflow has bounded steps.")
@click.option("--review-db", type=click.Path(path_type=Path),
              help="Human-review queue (default: $COMPILED_AI_HOME/review.sqlite).")
@click.option("--transaction", default=None,
              help="Transaction id recorded with review items (default: a random id).")
@click.option("--repeat", type=click.IntRange(1, 1_000_000), default=1,
              help="Run the same input N times and report how many distinct outputs occurred.")
@click.option("--checkpoint", "checkpoint_path", type=click.Path(path_type=Path),
              help="JSON file where batch steps record finished records; rerunning with "
                   "the same file resumes an interrupted batch.")
@trust_key_option
def run_command(artifact: Path, input_path: str, audit_db: Path | None, no_audit: bool,
                isolated: bool, modules_path: Path | None, provider_name: str | None,
                review_db: Path | None, transaction: str | None, repeat: int,
                checkpoint_path: Path | None, trust_key: tuple[Path, ...]) -> None:
    """Run a compiled ARTIFACT on one JSON input and print the output."""
    payload = _read_input(input_path)
    settings = load_settings()
    modules = None
    if modules_path is not None:
        from compiled_ai.runtime.modules.config import load_modules

        modules = load_modules(modules_path)
    workflow = open_workflow(artifact, isolated=isolated, modules=modules,
                             trusted_keys=load_trusted(trust_key))
    bounded = workflow.needs_model
    if bounded:
        workflow.use_model(_model_invoker(bounded, provider_name, review_db, settings))
    checkpoint = FileCheckpoint(checkpoint_path) if checkpoint_path else None
    audit = None if no_audit else AuditLog(audit_db or settings.audit_db)
    outputs: set[bytes] = set()
    tokens = 0
    with Progress(console=err_console, transient=True, disable=repeat < 50) as progress:
        task = progress.add_task("running", total=repeat)
        for _ in range(repeat):
            result = run_once(workflow, payload, audit, transaction=transaction,
                              checkpoint=checkpoint)
            tokens += result.tokens
            if result.status == "review":
                break
            outputs.add(canonical_json(result.output))
            progress.advance(task)
    for step_id, outcome in result.bounded:
        if outcome.status != "ok":
            err_console.print(f"step {step_id}: {outcome.status}"
                              + (f" (review item {outcome.review_id})" if outcome.review_id
                                 else "") + (f": {escape(outcome.reason)}" if outcome.reason
                                             else ""))
    if result.status == "review":
        _report_review(result)
    sys.stdout.write(json.dumps(result.output, indent=2, sort_keys=True) + "\n")
    if bounded:
        err_console.print(f"model tokens: {result.tokens} this transaction"
                          + (f", {tokens} over {repeat} runs" if repeat > 1 else ""))
    if repeat > 1:
        err_console.print(f"{repeat} runs, {len(outputs)} distinct output(s), {tokens} model "
                          "tokens")


def _model_invoker(bounded: list[str], provider_name: str | None, review_db: Path | None,
                   settings: Settings) -> BoundedInvoker:
    """A model invoker for the workflow's bounded steps.

    The provider is built here, in the CLI layer: the runtime only receives it.
    """
    if provider_name is None:
        raise ConfigurationError(f"step(s) {', '.join(bounded)} call a model at run time: "
                                 "pass --provider local (or openai, ...)")
    from compiled_ai.providers.registry import make_provider
    from compiled_ai.runtime.bounded import ModelInvoker
    from compiled_ai.runtime.review import ReviewQueue

    return ModelInvoker(make_provider(provider_name, settings),
                        ReviewQueue(review_db or settings.review_db))


def _report_review(result: RunResult) -> None:
    """A parked transaction: say where it waits, print a JSON status, exit 5."""
    err_console.print(f"[yellow]needs human review:[/] item {result.review_id}: "
                      f"{escape(result.reason or '')}")
    err_console.print(f"resolve it with: compiled-ai review resolve {result.review_id} "
                      "--output FILE.json, then run this input again")
    status = {"status": "review", "review_id": result.review_id, "reason": result.reason,
              "tokens": result.tokens}
    sys.stdout.write(json.dumps(status, indent=2, sort_keys=True) + "\n")
    click.get_current_context().exit(EXIT_REVIEW)


def _read_input(where: str) -> Any:
    raw = read_limited(where, MAX_INPUT_BYTES)
    try:
        return json.loads(raw)
    except UnicodeDecodeError:
        raise InputError(f"{where}: input is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}:{exc.lineno}: invalid JSON: {exc.msg}") from None
