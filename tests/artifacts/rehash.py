"""Test helper: alter a file of an artifact and re-hash it into the manifest.

This is the tampering the hash check alone cannot see (a consistent, rehashed
artifact); signatures and ``recompile --check`` are what catch it.
"""

from __future__ import annotations

import json
from pathlib import Path

from compiled_ai.artifacts.canonical import sha256_bytes
from compiled_ai.artifacts.manifest import MANIFEST, Manifest


def rewrite_and_rehash(artifact: Path, relative: str, content: bytes) -> None:
    (artifact / relative).write_bytes(content)
    data = json.loads((artifact / MANIFEST).read_bytes())
    data["files"][relative] = sha256_bytes(content)
    (artifact / MANIFEST).write_bytes(Manifest.model_validate(data).to_bytes())
