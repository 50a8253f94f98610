"""Where a batch step records its progress, so a restarted run resumes instead of redoing.

A checkpoint maps a key (the step id, plus the foreach elements it runs inside, see
:func:`scoped`) to an entry written by the batch runner: the batch's hash and, by
record index, each finished record's result or error. Both kinds are safe to share
between the threads of parallel branches. Two
kinds: :class:`MemoryCheckpoint` for library callers that keep it themselves, and
:class:`FileCheckpoint` (``compiled-ai run --checkpoint FILE``), which rewrites its
JSON file atomically after every save so a crash leaves the last complete version.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
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
        self._lock = threading.Lock()

    def get(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            entry = self.entries.get(key)
            return json.loads(json.dumps(entry)) if entry is not None else None

    def put(self, key: str, entry: dict[str, Any]) -> None:
        snapshot = json.loads(json.dumps(entry))  # a snapshot, as a file would be
        with self._lock:
            self.entries[key] = snapshot
            self.saves += 1


class FileCheckpoint:
    """A checkpoint in a JSON file; created on the first save if it does not exist."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._entries = self._read()
        self._lock = threading.Lock()  # one writer at a time: saves replace the whole file

    def get(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            entry = self._entries.get(key)
            return json.loads(json.dumps(entry)) if entry is not None else None

    def put(self, key: str, entry: dict[str, Any]) -> None:
        snapshot = json.loads(json.dumps(entry))
        with self._lock:
            self._entries[key] = snapshot
            self._save()

    def _save(self) -> None:
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


class _ScopedCheckpoint:
    """One foreach element's view of a checkpoint: its keys carry the element's position."""

    def __init__(self, inner: Checkpoint, scope: str) -> None:
        self._inner, self._scope = inner, scope

    def get(self, key: str) -> dict[str, Any] | None:
        return self._inner.get(key + self._scope)

    def put(self, key: str, entry: dict[str, Any]) -> None:
        self._inner.put(key + self._scope, entry)


def scoped(checkpoint: Checkpoint | None,
           loops: tuple[tuple[str, int], ...]) -> Checkpoint | None:
    """The checkpoint a step inside foreach elements ``loops`` (outermost first) uses.

    A batch step in a foreach body runs once per element; keyed by its id alone, each
    element's progress would overwrite the last one's and only the last element could
    resume. Keys become ``price_line[orders=0]``, ``price_line[orders=1]``, ...; a step
    outside any foreach keeps its plain id.
    """
    if checkpoint is None or not loops:
        return checkpoint
    return _ScopedCheckpoint(checkpoint, "".join(f"[{name}={index}]" for name, index in loops))
