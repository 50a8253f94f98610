"""The ``compiled-ai`` command: a thin click group; one module per noun does the work.

Every CompiledAIError becomes one line on stderr and its exit code; an unexpected
exception becomes one line too (set COMPILED_AI_DEBUG=1 for the traceback).
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click
from rich.markup import escape

from compiled_ai._version import __version__
from compiled_ai.cli import (
    artifact_cmds,
    audit_cmds,
    bench_cmds,
    check_cmds,
    compile_cmd,
    diff_cmd,
    eval_cmds,
    recompile_cmd,
    review_cmds,
    run_cmd,
    sign_cmds,
    spec_cmds,
)
from compiled_ai.cli.output import err_console
from compiled_ai.errors import CompiledAIError


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CompiledAIError as exc:
            err_console.print(f"[bold red]error:[/] {escape(str(exc))}")
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            err_console.print("[yellow]interrupted[/]")
            ctx.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:  # never a traceback for users
            if os.environ.get("COMPILED_AI_DEBUG"):
                raise
            err_console.print(f"[bold red]internal error:[/] {type(exc).__name__}: "
                              f"{escape(str(exc))} (set COMPILED_AI_DEBUG=1 for details)")
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="compiled-ai")
def cli() -> None:
    """Compile LLM-written business logic once; run it as deterministic, zero-token code."""


cli.add_command(compile_cmd.compile_command)
cli.add_command(run_cmd.run_command)
cli.add_command(artifact_cmds.verify_command)
cli.add_command(artifact_cmds.inspect_command)
cli.add_command(spec_cmds.spec_group)
cli.add_command(audit_cmds.audit_group)
cli.add_command(check_cmds.check_group)
cli.add_command(bench_cmds.bench_group)
cli.add_command(sign_cmds.keys_group)
cli.add_command(sign_cmds.sign_command)
cli.add_command(recompile_cmd.recompile_command)
cli.add_command(diff_cmd.diff_command)
cli.add_command(review_cmds.review_group)
cli.add_command(eval_cmds.eval_command)
cli.add_command(eval_cmds.report_command)


def main() -> None:
    sys.exit(cli.main(standalone_mode=True))
