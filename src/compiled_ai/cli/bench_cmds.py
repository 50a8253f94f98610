"""``compiled-ai bench ...``: run a benchmark, print its table, write its JSON result."""

from __future__ import annotations

import json
import time
from datetime import timedelta
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

from compiled_ai.cli.output import console, err_console, log_line_when_piped


@click.group("bench")
def bench_group() -> None:
    """Run the benchmarks."""


@bench_group.command("security")
@click.option("--suite", "suite_arg", default="v1", show_default=True,
              help="Suite version under benchmarks/security/suite (v1, v2, v3, v4, v5) or a "
                   "directory holding injection/pii/code/leakage .jsonl files.")
@click.option("-o", "--out", type=click.Path(path_type=Path), default=None,
              help="Where to write the JSON result [default: "
                   "benchmarks/security/results/security_<suite>.json].")
@click.option("--no-escapes", is_flag=True, help="Skip the sandbox escape suite.")
@click.option("--note", default=None, help="A note stored in the result (e.g. provenance).")
def security_command(suite_arg: str, out: Path | None, no_escapes: bool,
                     note: str | None) -> None:
    """Score the input, code and output gates and the sandbox on the security suite."""
    from compiled_ai.benchmarks.security import resolve_suite, run_security_benchmark

    suite = resolve_suite(suite_arg)
    if out is None:
        out = Path("benchmarks/security/results") / f"security_{suite.name}.json"

    columns = (TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        def tick(label: str, total: int) -> Any:
            task = progress.add_task(label, total=total)
            return lambda: progress.advance(task)

        result = run_security_benchmark(suite, tick, escapes=not no_escapes, note=note)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    _print_tables(result)
    console.print(f"result written to {escape(str(out))}")


@bench_group.command("bfcl")
@click.option("--provider", default="local", show_default=True,
              help="Model provider: local, openai (see compiled-ai compile --help).")
@click.option("--protocol", required=True, type=click.Choice(["paper", "blind", "baseline"]),
              help="paper: compile per item, prompt sees the question; blind: prompt sees "
                   "only the schema and generated requests; baseline: the model per question.")
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N items.")
@click.option("-o", "--out", type=click.Path(path_type=Path, file_okay=False),
              help="Result directory [default: benchmarks/bfcl/results/PROTOCOL].")
@click.option("--resume", is_flag=True, help="Continue the run in --out, skipping finished items.")
@click.option("--max-attempts", type=click.IntRange(1, 20), default=5, show_default=True,
              help="Compile attempts per workflow; raised on --resume, the items whose "
                   "compile failed within fewer attempts are compiled again.")
@click.option("--redo-changed", is_flag=True,
              help="With --resume: compile again the finished items whose first compile "
                   "request differs under the current code (old records go to "
                   "OUT/superseded.jsonl).")
@click.option("--redo", "redo_ids", multiple=True, metavar="ID",
              help="With --resume and --because: compile this finished item again "
                   "(repeatable), e.g. after a validation rule it met changed.")
@click.option("--because", help="Why the --redo items are compiled again (kept with their "
                                "old records in OUT/superseded.jsonl).")
@click.option("--entropy-sample", type=click.IntRange(min=0), default=20, show_default=True,
              help="Compiled workflows run 1,000 times each for the entropy figure.")
@click.option("--baseline-repeats", type=click.IntRange(min=1), default=3, show_default=True,
              help="K: extra baseline calls per sampled question for its entropy.")
@click.option("--baseline-repeat-sample", type=click.IntRange(min=0), default=5,
              show_default=True, help="Questions the baseline's entropy is measured on.")
@click.option("--baseline-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Baseline results for break-even [default: OUT/../baseline].")
@click.option("--prompt-style", type=click.Choice(["tools", "classic"]), default="tools",
              show_default=True,
              help="How the model is asked (baseline, and the paper protocol's labelling "
                   "call): tools = the model's own tool-call format; classic = BFCL's "
                   "plain-text prompt.")
def bfcl_command(provider: str, protocol: str, limit: int | None, out: Path | None,
                 resume: bool, max_attempts: int, redo_changed: bool,
                 redo_ids: tuple[str, ...], because: str | None, entropy_sample: int,
                 baseline_repeats: int,
                 baseline_repeat_sample: int, baseline_dir: Path | None,
                 prompt_style: str) -> None:
    """BFCL simple-Python (400 items), scored by BFCL's own AST checker; resumable."""
    from compiled_ai.benchmarks.bfcl.data import load_items
    from compiled_ai.benchmarks.bfcl.protocols import BenchOptions
    from compiled_ai.benchmarks.bfcl.runner import run_benchmark
    from compiled_ai.providers.registry import make_provider
    from compiled_ai.settings import load_settings

    if redo_changed and not resume:
        raise click.UsageError("--redo-changed needs --resume (it redoes items of a run in --out)")
    if redo_ids and (not resume or not (because or "").strip()):
        raise click.UsageError("--redo needs --resume and --because REASON")
    if because and not redo_ids:
        raise click.UsageError("--because is the reason for --redo ID")
    if redo_ids and protocol == "baseline":
        raise click.UsageError("--redo compiles items again: not for --protocol baseline")
    items = load_items(limit)
    settings = load_settings()
    options = BenchOptions(max_attempts=max_attempts, entropy_sample=entropy_sample,
                           baseline_repeats=baseline_repeats,
                           baseline_repeat_sample=baseline_repeat_sample,
                           mypy_cache=settings.cache / "mypy", prompt_style=prompt_style)
    out = out or Path("benchmarks/bfcl/results") / protocol
    chosen = make_provider(provider, settings)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        def start(total: int, done: int) -> Any:
            task = progress.add_task(f"bfcl {protocol}", total=total, completed=done)
            began, finished = time.monotonic(), done

            def tick(label: str) -> None:
                nonlocal finished
                progress.update(task, advance=1, description=escape(f"bfcl {protocol} {label}"))
                finished += 1
                elapsed = timedelta(seconds=round(time.monotonic() - began))
                log_line_when_piped(f"bfcl {protocol}: {escape(label)} done, "
                                    f"{finished}/{total}, {elapsed} this run")
            return tick

        status_task = progress.add_task("", total=None)

        def status(message: str) -> None:
            progress.update(status_task, description=escape(message[:100]))

        summary = run_benchmark(items, protocol, chosen, out, options, resume=resume,
                                baseline_dir=baseline_dir, redo_changed=redo_changed,
                                redo={item_id: str(because) for item_id in redo_ids},
                                start=start, status=status)
    _print_bfcl(summary)
    console.print(f"results in {escape(str(out))} (instances.jsonl, summary.json)")


def _print_bfcl(summary: dict[str, Any]) -> None:
    table = Table(title=f"BFCL simple_python, protocol {summary['protocol']}, "
                        f"{summary['model']}, prompt {summary['prompt_style']} "
                        "(official checker)")
    table.add_column("figure")
    table.add_column("value", justify="right")
    rows: list[tuple[str, Any]] = [
        ("items scored", summary["items_scored"]), ("correct", summary["correct"]),
        ("accuracy", summary["accuracy"])]
    if "baseline" in summary:
        base = summary["baseline"]
        rows += [("tokens per transaction", base.get("tokens_per_transaction")),
                 ("latency P50 ms", base.get("latency_ms", {}).get("p50_ms")),
                 ("latency P99 ms", base.get("latency_ms", {}).get("p99_ms")),
                 ("entropy, mean bits", base.get("entropy", {}).get("mean_bits"))]
    else:
        comp = summary["compiled"]
        rows += [("compiled", f"{comp['workflows_compiled']}/{comp['workflows_attempted']}"),
                 ("compile tokens per workflow", comp["compile_tokens_per_workflow"]),
                 ("run P50 ms", comp["run_latency_ms"]["p50_ms"]),
                 ("run P99 ms", comp["run_latency_ms"]["p99_ms"]),
                 ("entropy, max bits", comp["entropy"]["max_bits"])]
        versus = summary.get("versus_baseline")
        if versus:
            rows += [("baseline accuracy, same items", versus["baseline_accuracy"]),
                     ("baseline tokens per transaction",
                      versus["baseline_tokens_per_transaction"]),
                     ("break-even transactions", versus["break_even_transactions"]),
                     ("token reduction at 1,000", versus["token_reduction_at_1000"])]
            for key, label in (("with_runtime_fallback", "with model fallback"),
                               ("with_runtime_fallback_on_missing_required",
                                "fallback also on missing required")):
                fallback = versus.get(key)
                if fallback:
                    rows += [(f"{label}: accuracy", fallback["accuracy"]),
                             (f"{label}: tokens per transaction",
                              fallback["tokens_per_transaction"])]
    for name, value in rows:
        table.add_row(name, "-" if value is None else str(value))
    console.print(table)


def _print_tables(result: dict[str, Any]) -> None:
    for title, gates in (("all cases", result["gates"]), ("paper subset",
                                                          result["paper_subset"])):
        table = Table(title=f"security gates, {title}")
        for column in ("gate", "cases", "TP", "FP", "TN", "FN", "recall", "precision",
                       "accuracy", "FPR", "P50 ms", "P99 ms"):
            table.add_column(column, justify="right")
        for gate, row in gates.items():
            if gate == "sandbox":
                continue
            table.add_row(gate, *(_fmt(row[k]) for k in (
                "cases", "tp", "fp", "tn", "fn", "recall", "precision", "accuracy",
                "false_positive_rate", "latency_p50_ms", "latency_p99_ms")))
        console.print(table)
    sandbox = result["gates"].get("sandbox")
    if sandbox:
        console.print(f"sandbox escapes: {sandbox['contained']}/{sandbox['attempts']} contained")
        for outcome in sandbox["outcomes"]:
            if not outcome["contained"]:
                console.print(f"  [red]escaped[/] {outcome['id']} {escape(outcome['title'])}: "
                              f"{escape(outcome['evidence'])}")


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.4f}" if isinstance(value, float) and value <= 1 else str(value)


def _register_docile() -> None:
    from compiled_ai.cli.bench_docile import docile_command

    bench_group.add_command(docile_command)


_register_docile()
