"""Consoles shared by the CLI commands: results on stdout, everything else on stderr."""

from __future__ import annotations

from rich.console import Console

# soft_wrap: long lines (hashes, code) are printed as they are, never re-wrapped
console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def log_line_when_piped(text: str) -> None:
    """One line on stderr when it is not a terminal (a background run writing to a log
    file), where a live progress bar draws nothing; in a terminal the bar says it."""
    if not err_console.is_terminal:
        err_console.print(text)
