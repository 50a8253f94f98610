"""``compiled-ai bench ...``: run a benchmark, print its table, write its JSON result."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from compiled_ai.cli.output import console, err_console


@click.group("bench")
def bench_group() -> None:
    """Run the benchmarks."""


@bench_group.command("security")
@click.option("--suite", "suite_arg", default="v1", show_default=True,
              help="Suite version under benchmarks/security/suite (v1, v2, v3) or a directory "
                   "holding injection/pii/code/leakage .jsonl files.")
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
