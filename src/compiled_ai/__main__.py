"""``python -m compiled_ai`` runs the CLI."""

from compiled_ai.cli.main import main

main()
