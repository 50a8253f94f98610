"""``compiled-ai eval`` (measure, resumably) and ``compiled-ai report`` (HTML from a result)."""

from __future__ import annotations

import json
import os
import signal
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from compiled_ai._io import read_limited
from compiled_ai.cli.output import console, err_console
from compiled_ai.errors import CompiledAIError, InputError
from compiled_ai.eval.figures import figure_rows, markdown_table
from compiled_ai.eval.inputs import load_cases
from compiled_ai.eval.pricing import load_prices
from compiled_ai.eval.result import RESULT_FORMAT, build_result
from compiled_ai.eval.runner import (
    DEFAULT_BASELINE_REPEATS,
    DEFAULT_REPEATS,
    CompileJob,
    EvalOptions,
    Evaluation,
)
from compiled_ai.providers.base import Provider
from compiled_ai.providers.registry import PROVIDER_NAMES, make_provider
from compiled_ai.settings import load_settings

MAX_RESULT_BYTES = 256 * 1024 * 1024


def checkpoint_path(result: Path) -> Path:
    return result.with_name(result.name + ".checkpoint.jsonl")


@click.command("eval")
@click.argument("artifact", type=click.Path(path_type=Path))
@click.option("--inputs", "inputs_path", required=True, type=click.Path(path_type=Path),
              help="JSONL or JSON list of {input, expected?, name?}.")
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path),
              help="Result JSON to write; its checkpoint lives beside it until the run ends.")
@click.option("--baseline", is_flag=True,
              help="Also answer every input by calling the model (runtime inference).")
@click.option("--provider", type=click.Choice(PROVIDER_NAMES), default="local",
              show_default=True, help="Model for the baseline and for --compile.")
@click.option("--model", help="Local model preset or GGUF path (default: qwen2.5-coder-0.5b).")
@click.option("--compile", "compile_spec_path", type=click.Path(path_type=Path),
              help="Compile this SPEC into ARTIFACT first, timing it (time to valid artifact).")
@click.option("--repeats", type=click.IntRange(1, 10_000_000), default=DEFAULT_REPEATS,
              show_default=True, help="Runs of the probe input for the compiled entropy.")
@click.option("--baseline-repeats", type=click.IntRange(1, 100_000),
              default=DEFAULT_BASELINE_REPEATS, show_default=True,
              help="Model calls with the probe input for the baseline's entropy "
                   "(each costs seconds on a CPU).")
@click.option("--baseline-inputs", type=click.IntRange(1),
              help="Answer only the first N inputs with the baseline (default: all).")
@click.option("--probe", type=click.IntRange(0), default=0, show_default=True,
              help="Index of the input repeated for the determinism figures.")
@click.option("--isolated", is_flag=True, help="Run each compiled step in the sandbox.")
@click.option("--prices", "prices_path", type=click.Path(path_type=Path),
              help="Price table JSON (default: the shipped, dated table).")
@click.option("--price-as", help="Price the token counts as this model (a what-if).")
@click.option("--monthly-volume", type=click.IntRange(1), default=1_000_000, show_default=True,
              help="Transactions per month for the TCO figures.")
@click.option("--infra-usd-month", type=click.FloatRange(0), default=0.0, show_default=True,
              help="Infrastructure cost per month added to both sides of the TCO.")
@click.option("--fresh", is_flag=True, help="Discard an existing checkpoint and start over.")
def eval_command(artifact: Path, inputs_path: Path, output: Path, baseline: bool, provider: str,
                 model: str | None, compile_spec_path: Path | None, repeats: int,
                 baseline_repeats: int, baseline_inputs: int | None, probe: int,
                 isolated: bool, prices_path: Path | None,
                 price_as: str | None, monthly_volume: int, infra_usd_month: float,
                 fresh: bool) -> None:
    """Measure ARTIFACT on an inputs file, optionally against runtime inference."""
    cases, inputs_bytes = load_cases(inputs_path)
    prices = load_prices(prices_path)  # read first: a bad table fails before any work
    settings = load_settings()
    if model:
        settings = replace(settings, model=model)
    options = EvalOptions(repeats=repeats, baseline=baseline, baseline_repeats=baseline_repeats,
                          baseline_inputs=baseline_inputs, probe=probe, isolated=isolated,
                          provider=provider,
                          model=settings.model if provider == "local" else None)
    checkpoint = checkpoint_path(output)
    if fresh:
        checkpoint.unlink(missing_ok=True)

    def provider_factory() -> Provider:
        return make_provider(provider, settings)

    job = _compile_job(compile_spec_path, settings.cache) if compile_spec_path else None
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TimeRemainingColumn())
    previous = signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops it like Ctrl-C
    try:
        with Progress(*columns, console=err_console, transient=False) as progress:
            evaluation = Evaluation(artifact, cases, inputs_bytes, options, checkpoint,
                                    provider_factory, progress, job)
            if evaluation.checkpoint.resumed:
                progress.console.print(f"resuming from {escape(str(checkpoint))}")
            raw = evaluation.run()
    except KeyboardInterrupt:
        err_console.print(f"[yellow]interrupted[/]: progress kept in {escape(str(checkpoint))}; "
                          "run the same command to resume")
        raise SystemExit(130) from None
    except CompiledAIError as exc:
        if checkpoint.exists() and _has_progress(checkpoint):
            exc.args = (f"{exc} (progress kept in {checkpoint}; run the same command to "
                        "resume)",)
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
    result = build_result(raw, cases, options, inputs_path=str(inputs_path), prices=prices,
                          price_as=price_as, monthly_volume=monthly_volume,
                          infra_usd_per_month=infra_usd_month)
    _write_json(output, result)
    checkpoint.unlink(missing_ok=True)
    console.print(figure_table(result))
    console.print(f"result: {escape(str(output))}")


def _interrupt(_signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt


def _has_progress(checkpoint: Path) -> bool:
    """A checkpoint worth mentioning holds more than its header."""
    with checkpoint.open("rb") as handle:
        return sum(1 for _ in handle) > 1


def _compile_job(spec_path: Path, cache: Path) -> CompileJob:
    from compiled_ai.compiler import CompileOptions, compile_spec
    from compiled_ai.spec import load_spec

    spec = load_spec(spec_path)  # a bad spec fails now, before any model is loaded
    spec_bytes = spec_path.read_bytes()
    options = CompileOptions(mypy_cache=cache / "mypy")
    return CompileJob(spec_path=spec_path, compile=lambda provider, say: compile_spec(
        spec, spec_bytes, provider, options, say))


def figure_table(result: dict[str, Any]) -> Table:
    table = Table(title=f"{result['artifact']['workflow']['name']}: compiled vs runtime inference")
    table.add_column("figure")
    table.add_column("compiled", justify="right")
    table.add_column("runtime inference", justify="right")
    for row in figure_rows(result):
        table.add_row(*(escape(cell) for cell in row))
    return table


def _write_json(path: Path, value: Any) -> None:
    """Atomically: a reader never sees half a result."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(value, handle, indent=2, sort_keys=True, ensure_ascii=False)
            handle.write("\n")
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a result is meant to be shared
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def load_result(path: Path) -> dict[str, Any]:
    raw = read_limited(path, MAX_RESULT_BYTES)
    try:
        value = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InputError(f"{path}: not a JSON file") from None
    if not isinstance(value, dict) or value.get("format") != RESULT_FORMAT:
        raise InputError(f"{path}: not a compiled-ai eval result (run compiled-ai eval first)")
    return value


@click.command("report")
@click.argument("result_path", metavar="RESULT", type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path),
              help="HTML file to write (self-contained: nothing is fetched when opened).")
@click.option("--markdown", "markdown", type=click.Path(path_type=Path),
              help="Also write the figure table as Markdown to this file.")
def report_command(result_path: Path, output: Path, markdown: Path | None) -> None:
    """Write a self-contained HTML report with plots from an eval RESULT."""
    from compiled_ai.eval.report import render_report

    result = load_result(result_path)
    if markdown is not None:
        markdown.parent.mkdir(parents=True, exist_ok=True)
        markdown.write_text(markdown_table(result), encoding="utf-8")
    html = render_report(result)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    console.print(f"report: {escape(str(output))} ({len(html.encode('utf-8')) // 1024} KiB)")
