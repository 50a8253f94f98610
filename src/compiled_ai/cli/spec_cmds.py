"""``compiled-ai spec schema|check``."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.markup import escape

from compiled_ai.cli.output import console
from compiled_ai.spec import Spec, load_spec


@click.group("spec")
def spec_group() -> None:
    """Work with workflow specs."""


@spec_group.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the spec format."""
    click.echo(json.dumps(Spec.model_json_schema(), indent=2, sort_keys=True))


@spec_group.command("check")
@click.argument("spec_path", metavar="SPEC", type=click.Path(path_type=Path))
def check_command(spec_path: Path) -> None:
    """Validate SPEC without compiling it."""
    spec = load_spec(spec_path)
    hidden = sum(f.holdout for f in spec.fixtures)
    console.print(f"[green]ok[/] {escape(str(spec_path))}: {spec.name} {spec.version}, "
                  f"{len(spec.leaves())} step(s), {len(spec.fixtures)} fixtures ({hidden} holdout)")
