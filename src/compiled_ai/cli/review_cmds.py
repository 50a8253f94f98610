"""``compiled-ai review list|show ID|resolve ID --output FILE``: the human-review queue.

``list`` shows metadata only; ``show`` prints the item's inputs and the model's last
reply, which may be PHI, to the reviewer who asked for that one item.
"""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.table import Table

from compiled_ai._io import read_limited
from compiled_ai.cli.output import console
from compiled_ai.errors import InputError
from compiled_ai.runtime.review import ReviewItem, ReviewQueue
from compiled_ai.settings import load_settings

MAX_RESOLUTION_BYTES = 1024 * 1024

_DB = click.option("--db", type=click.Path(path_type=Path),
                   help="Review queue (default: $COMPILED_AI_HOME/review.sqlite).")
_JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


def _queue(db: Path | None) -> ReviewQueue:
    return ReviewQueue(db or load_settings().review_db)


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, indent=2, sort_keys=True) + "\n")


@click.group("review")
def review_group() -> None:
    """Transactions that bounded steps parked for a human decision."""


@review_group.command("list")
@_DB
@_JSON
@click.option("--status", type=click.Choice(["pending", "resolved", "all"]), default="pending",
              show_default=True)
def list_command(db: Path | None, as_json: bool, status: str) -> None:
    """List review items (metadata only, no inputs)."""
    items = _queue(db).items(None if status == "all" else status)  # type: ignore[arg-type]
    if as_json:
        _print_json([item.summary() for item in items])
        return
    if not items:
        console.print(f"no {'' if status == 'all' else status + ' '}review items")
        return
    table = Table()
    for column in ("id", "created_at", "workflow", "step", "transaction", "status", "reason"):
        table.add_column(column)
    for item in items:
        table.add_row(str(item.id), item.created_at, item.workflow, item.step,
                      item.transaction, item.status, escape(item.reason))
    console.print(table)


@review_group.command("show")
@click.argument("item_id", type=int)
@_DB
@_JSON
def show_command(item_id: int, db: Path | None, as_json: bool) -> None:
    """Show one item with its inputs, the model's last reply and the output schema."""
    item = _queue(db).get(item_id)
    if as_json:
        _print_json(item.full())
        return
    _print_item(item)


@review_group.command("resolve")
@click.argument("item_id", type=int)
@click.option("--output", "output_path", required=True,
              help="JSON file (or - for standard input) with the step's output.")
@click.option("--by", "by", default=None, help="Who resolves it (default: $USER).")
@click.option("--note", default=None, help="Why, in a sentence.")
@_DB
def resolve_command(item_id: int, output_path: str, by: str | None, note: str | None,
                    db: Path | None) -> None:
    """Settle a pending item with an output that matches the step's output schema.

    Running the same transaction again then uses this output instead of the model.
    """
    raw = read_limited(output_path, MAX_RESOLUTION_BYTES)
    try:
        output = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{output_path}: not a JSON file ({type(exc).__name__})") from None
    who = by or _current_user()
    item = _queue(db).resolve(item_id, output, by=who, note=note)
    console.print(f"[green]resolved[/] review item {item.id} ({escape(item.workflow)}/"
                  f"{escape(item.step)}) by {escape(who)}")


def _current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _print_item(item: ReviewItem) -> None:
    console.print(f"[bold]review item {item.id}[/]  {item.status}  {escape(item.workflow)}/"
                  f"{escape(item.step)}  transaction {escape(item.transaction)}")
    console.print(f"created  {item.created_at}")
    console.print(f"reason   {escape(item.reason)}")
    console.print("inputs:")
    console.print(escape(json.dumps(item.inputs, indent=2, sort_keys=True, ensure_ascii=False)))
    console.print("last model reply:")
    console.print(escape(item.last_reply if item.last_reply is not None else "(none)"))
    console.print("output schema:")
    console.print(escape(json.dumps(item.output_schema, indent=2, sort_keys=True)))
    if item.status == "resolved":
        console.print(f"resolved by {escape(item.resolved_by or '?')} at {item.resolved_at}"
                      + (f": {escape(item.note)}" if item.note else ""))
        console.print(escape(json.dumps(item.resolution, indent=2, sort_keys=True)))
