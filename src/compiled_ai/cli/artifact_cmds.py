"""``compiled-ai verify`` and ``compiled-ai inspect``: look at an artifact without running it."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from compiled_ai.artifacts.signing import read_signature
from compiled_ai.artifacts.store import read_verified
from compiled_ai.cli.output import console
from compiled_ai.cli.trust import load_trusted, trust_key_option
from compiled_ai.errors import ArtifactError


@click.command("verify")
@click.argument("artifact", type=click.Path(path_type=Path))
@trust_key_option
def verify_command(artifact: Path, trust_key: tuple[Path, ...]) -> None:
    """Check every file of ARTIFACT against the hashes in its manifest (and its signature)."""
    verified = read_verified(artifact, load_trusted(trust_key))
    console.print(f"[green]ok[/] {escape(str(artifact))}: {len(verified.files)} files match "
                  "the manifest")
    console.print(f"  artifact {verified.artifact_sha256}")
    if verified.signed_by:
        console.print(f"  signed   {verified.signed_by} [green](valid, trusted key)[/]")
    else:
        signature = read_signature(artifact)
        state = (f"by key {signature['key_id']} (not checked: pass --trust-key)"
                 if signature else "no (manifest.sig absent)")
        console.print(f"  signed   {state}")


@click.command("inspect")
@click.argument("artifact", type=click.Path(path_type=Path))
@click.option("--code/--no-code", default=True, help="Show the compiled step code.")
def inspect_command(artifact: Path, code: bool) -> None:
    """Show what ARTIFACT contains: provenance, validation per step, tokens, code."""
    verified = read_verified(artifact)
    m = verified.manifest
    console.print(f"[bold]{m.workflow['name']}[/] {m.workflow['version']}  "
                  f"(compiler {m.compiler_version})")
    console.print(f"  artifact  {verified.artifact_sha256}")
    console.print(f"  spec      {m.spec_sha256}")
    console.print(f"  signature {_signature_state(artifact)}")
    console.print(f"  model     {m.provider['provider']}:{m.provider['model']} "
                  f"{m.provider.get('model_sha256') or ''}")
    console.print(f"  compile   {m.tokens.calls} call(s), {m.tokens.input_tokens} input + "
                  f"{m.tokens.output_tokens} output tokens; run time: 0 tokens")
    if m.compliance:
        console.print(f"  compliance {', '.join(m.compliance)}")
    table = Table(title="steps", show_lines=False)
    for column in ("step", "template", "attempts", "first pass (sec/syn/exe/acc)", "fixtures",
                   "code sha256"):
        table.add_column(column)
    for step in m.steps:
        marks = " ".join({True: "[green]✓[/]", False: "[red]✗[/]", None: "·"}[step.first_pass[s]]
                         for s in ("security", "syntax", "execution", "accuracy"))
        template = step.template + (f" uses {', '.join(step.uses)}" if step.uses else "")
        table.add_row(step.id, template, str(len(step.attempts)), marks,
                      f"{step.fixtures} ({step.holdout_fixtures} holdout)",
                      step.code_sha256[7:23] + "…")
    console.print(table)
    if code:
        for step in m.steps:
            console.rule(step.file)
            console.out(verified.files[step.file].decode("utf-8"), highlight=False)


def _signature_state(artifact: Path) -> str:
    """Who signed, as claimed by manifest.sig; checked only by verify/run --trust-key."""
    try:
        signature = read_signature(artifact)
    except ArtifactError as exc:
        return f"[red]malformed[/] ({escape(str(exc))})"
    return (f"key {signature['key_id']} (unchecked; verify --trust-key checks it)"
            if signature else "none")
