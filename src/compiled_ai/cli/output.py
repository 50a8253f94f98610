"""Consoles shared by the CLI commands: results on stdout, everything else on stderr."""

from __future__ import annotations

from rich.console import Console

# soft_wrap: long lines (hashes, code) are printed as they are, never re-wrapped
console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)
