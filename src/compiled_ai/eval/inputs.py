"""The evaluation's input file: JSONL or a JSON list of ``{input, expected?, name?}``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compiled_ai._io import read_limited
from compiled_ai.errors import InputError

MAX_INPUTS_BYTES = 64 * 1024 * 1024
_KEYS = {"input", "expected", "name"}


@dataclass(frozen=True)
class EvalCase:
    input: Any
    expected: dict[str, Any] | None = None
    name: str | None = None


def load_cases(path: str | Path) -> tuple[list[EvalCase], bytes]:
    """The cases and the file's bytes (hashed into the checkpoint's fingerprint)."""
    raw = read_limited(path, MAX_INPUTS_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from None
        numbered = [(f"item {i}", item) for i, item in enumerate(items)]
    else:
        numbered = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                numbered.append((f"line {number}", json.loads(line)))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: invalid JSON: {exc.msg}") from None
    if not numbered:
        raise InputError(f"{path}: no inputs")
    return [_case(path, where, item) for where, item in numbered], raw


def _case(path: str | Path, where: str, item: Any) -> EvalCase:
    if not isinstance(item, dict) or "input" not in item:
        raise InputError(f"{path}: {where}: expected an object with an \"input\" key")
    unknown = sorted(set(item) - _KEYS)
    if unknown:
        raise InputError(f"{path}: {where}: unknown key {unknown[0]!r} "
                         "(allowed: input, expected, name)")
    expected = item.get("expected")
    if expected is not None and not isinstance(expected, dict):
        raise InputError(f"{path}: {where}: \"expected\" must be an object")
    name = item.get("name")
    return EvalCase(input=item["input"], expected=expected,
                    name=str(name) if name is not None else None)
