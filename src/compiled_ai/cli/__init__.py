"""Command-line interface (click + rich)."""
