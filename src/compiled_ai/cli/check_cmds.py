"""``compiled-ai check prompt|code|rules``: run a security gate on one input.

Exit 0 clean, 1 blocked, 2 bad usage (unreadable file, unparsable code).
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from compiled_ai._io import read_limited
from compiled_ai.cli.output import console
from compiled_ai.errors import InputError
from compiled_ai.security.gates import GateReport, check_code, check_prompt

MAX_BYTES = 5 * 1024 * 1024


@click.group("check")
def check_group() -> None:
    """Run the security gates on a prompt or a Python file."""


@check_group.command("prompt")
@click.option("--file", "path", type=click.Path(path_type=Path),
              help="Read the text from FILE instead of standard input.")
@click.option("--block-pii", is_flag=True, help="Treat personal data as blocking, not a warning.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def prompt_command(path: Path | None, block_pii: bool, as_json: bool) -> None:
    """Input gate: prompt injection (plain and encoded) and PII/PHI."""
    text = read_limited(path, MAX_BYTES).decode("utf-8", "replace")
    _finish(check_prompt(text, block_pii=block_pii), as_json)


@check_group.command("code")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--no-bandit", is_flag=True, help="Only the built-in rules (faster).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def code_command(path: Path, no_bandit: bool, as_json: bool) -> None:
    """Code gate: allow-list and CWE rules plus Bandit over a Python file."""
    raw = read_limited(path, MAX_BYTES)
    try:
        source = raw.decode("utf-8")
        ast.parse(source)
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except SyntaxError as exc:
        raise InputError(f"{path}:{exc.lineno}: not valid Python: {exc.msg}") from None
    _finish(check_code(source, with_bandit=not no_bandit), as_json)


@check_group.command("rules")
def rules_command() -> None:
    """List the code gate's rules with their ids, CWEs and documentation."""
    from compiled_ai.security.code import RULES

    table = Table()
    for column in ("id", "cwe", "severity", "what it finds"):
        table.add_column(column)
    for rule in RULES.values():
        table.add_row(rule.id, f"CWE-{rule.cwe}" if rule.cwe else "-", rule.severity,
                      escape(rule.doc))
    console.print(table)


def _finish(report: GateReport, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps({
            "gate": report.gate, "verdict": report.verdict,
            "latency_ms": round(report.latency_ms, 3),
            "findings": [f.model_dump() for f in report.findings],
            **({"redacted": report.redacted} if report.redacted is not None else {}),
        }, indent=2))
    else:
        colour = "red" if report.blocked else "green"
        console.print(f"[bold {colour}]{report.verdict}[/] ({report.gate} gate, "
                      f"{report.latency_ms:.1f} ms)")
        for f in report.findings:
            where = f"line {f.line}: " if f.line else ""
            cwe = f" (CWE-{f.cwe})" if f.cwe else ""
            console.print(f"  {escape(f'[{f.severity}]')} {f.id}{cwe} {where}{escape(f.message)}")
        if report.redacted is not None:
            console.print("redacted:\n" + escape(report.redacted))
    sys.exit(1 if report.blocked else 0)
