"""``compiled-ai diff A B``: what changed between two artifacts.

Exit 0 identical, 1 different (like diff(1)), 2 bad usage, 3 a tampered artifact.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.markup import escape

from compiled_ai.artifacts.diff import SECTIONS, Change, diff_artifacts
from compiled_ai.artifacts.manifest import MANIFEST
from compiled_ai.artifacts.store import read_verified
from compiled_ai.cli.output import console
from compiled_ai.errors import InputError

MARKS = {"added": "[green]+[/]", "removed": "[red]-[/]", "changed": "[yellow]~[/]"}


@click.command("diff")
@click.argument("a", type=click.Path(path_type=Path))
@click.argument("b", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--section", "sections", type=click.Choice(SECTIONS), multiple=True,
              help="Only these sections (repeatable).")
def diff_command(a: Path, b: Path, as_json: bool, sections: tuple[str, ...]) -> None:
    """Show what changed from artifact A to artifact B: spec, code, model, validation, ..."""
    for path in (a, b):
        if not (path / MANIFEST).is_file():
            raise InputError(f"{path}: not an artifact (no {MANIFEST})")
    first, second = read_verified(a), read_verified(b)
    changes = [c for c in diff_artifacts(first, second) if not sections or c.section in sections]
    if as_json:
        click.echo(json.dumps({
            "identical": not changes,
            "a": {"path": str(a), "artifact_sha256": first.artifact_sha256},
            "b": {"path": str(b), "artifact_sha256": second.artifact_sha256},
            "changes": [c.to_json() for c in changes]}, indent=2, sort_keys=True,
            ensure_ascii=False))
    else:
        _print(a, b, first.artifact_sha256, second.artifact_sha256, changes)
    sys.exit(1 if changes else 0)


def _print(a: Path, b: Path, sha_a: str, sha_b: str, changes: list[Change]) -> None:
    console.print(f"a {escape(str(a))}  {sha_a}")
    console.print(f"b {escape(str(b))}  {sha_b}")
    if not changes:
        console.print("[green]identical[/]")
        return
    for section in SECTIONS:
        mine = [c for c in changes if c.section == section]
        if not mine:
            continue
        console.rule(f"{section} ({len(mine)})", align="left")
        for change in mine:
            if change.diff is not None:
                console.print(f"{MARKS[change.kind]} {escape(change.path)}")
                for line in change.diff.splitlines():
                    style = ("green" if line.startswith("+") and not line.startswith("+++")
                             else "red" if line.startswith("-") and not line.startswith("---")
                             else "cyan" if line.startswith("@@") else "dim")
                    console.print(f"    {escape(line)}", style=style)
                continue
            value = {"added": _short(change.after), "removed": _short(change.before),
                     "changed": f"{_short(change.before)} -> {_short(change.after)}"}[change.kind]
            console.print(f"{MARKS[change.kind]} {escape(change.path)}: {escape(value)}")
    counted = ", ".join(f"{s} {sum(c.section == s for c in changes)}" for s in SECTIONS
                        if any(c.section == s for c in changes))
    console.print(f"[yellow]{len(changes)} change(s)[/]: {counted}")


def _short(value: Any, limit: int = 90) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"
