"""The ``--trust-key`` option shared by ``run`` and ``verify``.

Kept apart from the signing commands so that ``run`` imports nothing it does not need.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from compiled_ai.artifacts.signing import TrustedKey, load_public_key

trust_key_option: Callable[[Any], Any] = click.option(
    "--trust-key", type=click.Path(path_type=Path), multiple=True, metavar="PUB.pem",
    help="Require a valid signature by this Ed25519 public key (repeatable: any of them).")


def load_trusted(paths: tuple[Path, ...]) -> list[TrustedKey]:
    return [load_public_key(path) for path in paths]
