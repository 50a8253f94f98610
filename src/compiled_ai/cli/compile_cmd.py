"""``compiled-ai compile SPEC -o DIR``: the one command that calls a model."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

import click
from rich.markup import escape

from compiled_ai.artifacts.signing import key_id_of, load_private_key, signature_for
from compiled_ai.artifacts.store import write_artifact
from compiled_ai.cli.output import console, err_console
from compiled_ai.compiler import CompileOptions, compile_spec
from compiled_ai.errors import CompilationFailed
from compiled_ai.providers.registry import PROVIDER_NAMES, make_provider
from compiled_ai.settings import load_settings
from compiled_ai.spec import load_spec


@click.command("compile")
@click.argument("spec_path", metavar="SPEC", type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path),
              help="Artifact directory to write (replaced atomically if it is one already).")
@click.option("--provider", type=click.Choice(PROVIDER_NAMES), default="local", show_default=True,
              help="Model that writes the code; 'replay' answers from a compile log.")
@click.option("--replay-from", type=click.Path(path_type=Path),
              help="Artifact or compile_log.jsonl to replay (with --provider replay).")
@click.option("--model", help="Local model preset or GGUF path (default: qwen2.5-coder-0.5b).")
@click.option("--max-attempts", type=click.IntRange(1, 20), default=5, show_default=True,
              help="Generation attempts per step before giving up.")
@click.option("--sign-key", type=click.Path(path_type=Path), metavar="PRIVATE.pem",
              help="Sign the manifest with this Ed25519 key (writes manifest.sig).")
def compile_command(spec_path: Path, output: Path, provider: str, replay_from: Path | None,
                    model: str | None, max_attempts: int, sign_key: Path | None) -> None:
    """Compile SPEC into a validated, hash-verified artifact."""
    signer = load_private_key(sign_key) if sign_key else None  # a bad key fails before the model
    spec = load_spec(spec_path)
    settings = load_settings()
    if model:
        settings = replace(settings, model=model)
    chosen = make_provider(provider, settings, replay_from)
    options = CompileOptions(max_attempts=max_attempts, mypy_cache=settings.cache / "mypy")
    started = time.perf_counter()
    with err_console.status("compiling", spinner="dots") as status:
        def progress(message: str) -> None:
            status.update(escape(message))
            err_console.print(f"  {escape(message)}", style="dim")

        try:
            compiled = compile_spec(spec, spec_path.read_bytes(), chosen, options, progress)
        except CompilationFailed as exc:
            _print_failure(exc, output.with_name(output.name + ".failed.json"))
            raise
    signature = signature_for(compiled.manifest.to_bytes(), signer) if signer else None
    digest = write_artifact(output, compiled.files, compiled.manifest, signature)
    m = compiled.manifest
    attempts = sum(len(s.attempts) for s in m.steps)
    console.print(f"[green]compiled[/] {m.workflow['name']} {m.workflow['version']} -> "
                  f"{escape(str(output))}")
    console.print(f"  artifact {digest}")
    console.print(f"  {len(m.steps)} step(s), {attempts} attempt(s), "
                  f"{m.tokens.input_tokens} input + {m.tokens.output_tokens} output tokens, "
                  f"{time.perf_counter() - started:.1f} s")
    if signer:
        console.print(f"  signed by key {key_id_of(signer.public_key())}")


def _print_failure(exc: CompilationFailed, report_path: Path) -> None:
    """Summarise every attempt; keep the full report (code + findings) for a person."""
    for attempt in exc.report:
        stage = attempt["stages"][-1]  # type: ignore[index]
        first = next((f for f in stage["findings"] if f["severity"] == "error"), None)
        detail = f"[{first['id']}] {first['message']}" if first else ""
        err_console.print(f"  attempt {attempt['number']}: failed at {stage['stage']}: "
                          f"{escape(detail)}")
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.write_text(json.dumps(exc.report, indent=2), encoding="utf-8")
    err_console.print(f"  every attempt's code and findings: {escape(str(report_path))}")
