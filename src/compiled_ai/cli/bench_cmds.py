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
@click.option("--suite", type=click.Path(path_type=Path, file_okay=False),
              default=Path("benchmarks/security/suite/v1"), show_default=True,
              help="Directory holding injection/pii/code/leakage .jsonl files.")
@click.option("-o", "--out", type=click.Path(path_type=Path),
              default=Path("benchmarks/security/results/security_v1.json"), show_default=True,
              help="Where to write the JSON result.")
@click.option("--no-escapes", is_flag=True, help="Skip the sandbox escape suite.")
def security_command(suite: Path, out: Path, no_escapes: bool) -> None:
    """Score the input, code and output gates and the sandbox on the security suite."""
    from compiled_ai.benchmarks.security import run_security_benchmark

    columns = (TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        def tick(label: str, total: int) -> Any:
            task = progress.add_task(label, total=total)
            return lambda: progress.advance(task)

        result = run_security_benchmark(suite, tick, escapes=not no_escapes)
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
