"""Canonical JSON and content hashes: the one definition every hash in compiled-ai uses.

Canonical JSON is ``json.dumps`` with keys sorted, no insignificant whitespace
(``","`` and ``":"`` separators), UTF-8 output without ``\\u`` escaping of non-ASCII
text, and NaN/Infinity refused. Python's float repr is the shortest round-tripping
form, so equal values always serialise to equal bytes. Hashes are SHA-256 of those
bytes (or of a file's raw bytes), written with their algorithm as ``sha256:<hex>`` so
that a future algorithm change is visible in the data itself.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

HASH_PREFIX = "sha256:"


def canonical_json(value: Any) -> bytes:
    """Serialise ``value`` to canonical JSON bytes (see module docstring)."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def sha256_bytes(data: bytes) -> str:
    return HASH_PREFIX + hashlib.sha256(data).hexdigest()


def sha256_json(value: Any) -> str:
    return sha256_bytes(canonical_json(value))
