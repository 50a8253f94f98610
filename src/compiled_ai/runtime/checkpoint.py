"""Where a batch step records its progress, so a restarted run resumes instead of redoing.

A checkpoint maps a key (the step id) to an entry written by the batch runner: the
batch's hash and, by record index, each finished record's result or error. Two
kinds: :class:`MemoryCheckpoint` for library callers that keep it themselves, and
:class:`FileCheckpoint` (``compiled-ai run --checkpoint FILE``), which rewrites its
JSON file atomically after every save so a crash leaves the last complete version.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Protocol

from compiled_ai.errors import InputError

CHECKPOINT_FORMAT = "compiled-ai/checkpoint"
CHECKPOINT_VERSION = 1


class Checkpoint(Protocol):
    def get(self, key: str) -> dict[str, Any] | None: ...

    def put(self, key: str, entry: dict[str, Any]) -> None: ...


class MemoryCheckpoint:
    """A checkpoint held in memory; ``entries`` may be persisted however the caller likes."""

    def __init__(self, entries: dict[str, dict[str, Any]] | None = None) -> None:
        self.entries: dict[str, dict[str, Any]] = entries if entries is not None else {}
        self.saves = 0

    def get(self, key: str) -> dict[str, Any] | None:
        entry = self.entries.get(key)
        return json.loads(json.dumps(entry)) if entry is not None else None

    def put(self, key: str, entry: dict[str, Any]) -> None:
        self.entries[key] = json.loads(json.dumps(entry))  # a snapshot, as a file would be
        self.saves += 1


class FileCheckpoint:
    """A checkpoint in a JSON file; created on the first save if it does not exist."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._entries = self._read()

    def get(self, key: str) -> dict[str, Any] | None:
        entry = self._entries.get(key)
        return json.loads(json.dumps(entry)) if entry is not None else None

    def put(self, key: str, entry: dict[str, Any]) -> None:
        self._entries[key] = json.loads(json.dumps(entry))
        document = {"format": CHECKPOINT_FORMAT, "format_version": CHECKPOINT_VERSION,
                    "steps": self._entries}
        data = json.dumps(document, sort_keys=True, ensure_ascii=False).encode("utf-8")
        directory = self.path.parent if str(self.path.parent) else Path(".")
        temporary = None
        try:
            handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=directory)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path)
        except OSError as exc:
            if temporary is not None and os.path.exists(temporary):
                os.unlink(temporary)
            raise InputError(f"checkpoint {self.path}: cannot write: {exc.strerror}") from None

    def _read(self) -> dict[str, dict[str, Any]]:
        if not self.path.exists():
            return {}
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise InputError(f"checkpoint {self.path}: cannot read: {exc.strerror}") from None
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise InputError(f"checkpoint {self.path}: not a JSON file") from None
        if not isinstance(document, dict) or document.get("format") != CHECKPOINT_FORMAT \
                or not isinstance(document.get("steps"), dict):
            raise InputError(f"checkpoint {self.path}: not a compiled-ai checkpoint file")
        if document.get("format_version") != CHECKPOINT_VERSION:
            raise InputError(f"checkpoint {self.path}: format version "
                             f"{document.get('format_version')!r} is not supported")
        return document["steps"]
