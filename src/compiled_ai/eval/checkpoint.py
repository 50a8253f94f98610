"""An append-only checkpoint, so an interrupted evaluation resumes where it stopped.

One JSON record per finished unit of work (a compile, one transaction, one repeat),
written and fsynced before the next unit starts. The first line is a header holding a
fingerprint of everything that decides the work (artifact or spec, inputs, options,
model); a checkpoint from a different run is refused instead of silently mixed in.
A last line cut short by a kill is ignored: that unit simply runs again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from compiled_ai.errors import ConfigurationError

FORMAT = "compiled-ai/eval-checkpoint"


class Checkpoint:
    def __init__(self, path: Path, fingerprint: dict[str, Any],
                 flexible_options: tuple[str, ...] = ()) -> None:
        """``flexible_options``: keys of ``fingerprint["options"]`` that may differ."""
        self.path = path
        self._flexible = flexible_options
        self._records: dict[tuple[str, int], dict[str, Any]] = {}
        self.resumed = False
        if path.exists():
            self._load(fingerprint)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._write_line({"format": FORMAT, "fingerprint": fingerprint})

    def _load(self, fingerprint: dict[str, Any]) -> None:
        lines = self.path.read_text(encoding="utf-8").splitlines()
        try:
            header = json.loads(lines[0]) if lines else None
        except json.JSONDecodeError:
            header = None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise ConfigurationError(f"{self.path}: not an eval checkpoint; remove it to start "
                                     "afresh")
        if self._decisive(header.get("fingerprint")) != self._decisive(fingerprint):
            raise ConfigurationError(
                f"{self.path}: checkpoint of a different run (artifact, inputs, options or "
                "model changed); remove it to start afresh")
        complete = lines[1:]
        for number, line in enumerate(complete, start=2):
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                if number == len(lines):  # cut short by a kill mid-write: redo that unit
                    self._truncate_to(lines[:-1])
                    break
                raise ConfigurationError(f"{self.path}:{number}: corrupt checkpoint line; "
                                         "remove the file to start afresh") from None
            self._records[(record["phase"], record["index"])] = record
        self.resumed = True

    def _decisive(self, fingerprint: Any) -> Any:
        if not isinstance(fingerprint, dict) or not isinstance(fingerprint.get("options"), dict):
            return fingerprint
        options = {k: v for k, v in fingerprint["options"].items() if k not in self._flexible}
        return {**fingerprint, "options": options}

    def _truncate_to(self, lines: list[str]) -> None:
        self.path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")

    def done(self, phase: str) -> dict[int, dict[str, Any]]:
        return {index: r for (p, index), r in self._records.items() if p == phase}

    def get(self, phase: str, index: int = 0) -> dict[str, Any] | None:
        return self._records.get((phase, index))

    def add(self, phase: str, index: int, record: dict[str, Any]) -> dict[str, Any]:
        entry = {"phase": phase, "index": index, **record}
        self._write_line(entry)
        self._records[(phase, index)] = entry
        return entry

    def _write_line(self, value: dict[str, Any]) -> None:
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(value, sort_keys=True, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)
