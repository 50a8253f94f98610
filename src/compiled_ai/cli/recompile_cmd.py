"""``compiled-ai recompile --check ARTIFACT``: is this artifact what its compile log says?"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click
from rich.markup import escape

from compiled_ai.artifacts.store import read_verified
from compiled_ai.cli.output import console, err_console
from compiled_ai.compiler.recompile import check, recompile
from compiled_ai.errors import InputError
from compiled_ai.providers.model_files import PRESETS
from compiled_ai.providers.registry import PROVIDER_NAMES, make_provider
from compiled_ai.settings import load_settings


@click.command("recompile")
@click.argument("artifact", type=click.Path(path_type=Path))
@click.option("--check", "check_only", is_flag=True,
              help="Fail (exit 1, naming the files) unless the rebuild is byte-identical.")
@click.option("--provider", type=click.Choice(PROVIDER_NAMES), default="replay",
              show_default=True,
              help="'replay' answers from the artifact's own compile log; 'local' (or a remote "
                   "provider) asks the model again, to check that it still writes this code.")
@click.option("-o", "--output", "output", type=click.Path(path_type=Path),
              help="Keep the rebuilt artifact here (required without --check).")
def recompile_command(artifact: Path, check_only: bool, provider: str,
                      output: Path | None) -> None:
    """Rebuild ARTIFACT from the spec source and compile log it carries."""
    if not check_only and output is None:
        raise InputError("recompile needs --check, or -o DIR to keep the rebuild")
    settings = load_settings()
    chosen = None
    if provider != "replay":
        model = read_verified(artifact).manifest.provider.get("model")
        if provider == "local" and model in PRESETS:
            settings = replace(settings, model=model)  # the model that wrote the artifact
        chosen = make_provider(provider, settings)
    with err_console.status("recompiling", spinner="dots") as status:
        def progress(message: str) -> None:
            status.update(escape(message))

        if check_only:
            report = check(artifact, chosen, output, settings.cache / "mypy", progress)
        else:
            assert output is not None
            report = recompile(artifact, output, chosen, settings.cache / "mypy", progress)
    if report.identical:
        console.print(f"[green]identical[/] {escape(str(artifact))}: the rebuild "
                      f"({provider}) reproduces every file byte for byte")
    else:
        console.print(f"[yellow]different[/] {escape(str(artifact))}: {escape(report.summary())}")
    console.print(f"  artifact {report.original_sha256}")
    console.print(f"  rebuilt  {report.rebuilt_sha256}")
    if output is not None:
        console.print(f"  rebuild kept in {escape(str(output))}")
