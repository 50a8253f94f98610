"""The per-instance JSONL file: appended one line per finished item, read back on resume.

A line is written and flushed only when its item is finished, so an interrupted run
leaves at most one torn last line; ``open_records`` cuts it off and returns the ids
already done, and a restart skips them (no item is ever counted twice).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from compiled_ai.errors import ConfigurationError

RECORDS = "instances.jsonl"
RUN_FILE = "run.json"
SUPERSEDED = "superseded.jsonl"  # records a resumed run replaced, kept for the audit
# Runs written before a key existed were run with this value of it.
LEGACY_DEFAULTS = {"prompt_style": "classic"}


class RecordFile:
    def __init__(self, path: Path, records: list[dict[str, Any]]) -> None:
        self.path = path
        self.records = records
        self.done = {record["id"] for record in records}

    def append(self, record: dict[str, Any]) -> None:
        if record["id"] in self.done:
            raise ValueError(f"{record['id']} is already recorded")
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(_line(record))
            handle.flush()
            os.fsync(handle.fileno())
        self.records.append(record)
        self.done.add(record["id"])

    def supersede(self, reasons: dict[str, str]) -> None:
        """Take the records of the items in ``reasons`` (id -> why) out so those items run
        again. They are appended to ``superseded.jsonl``, each with its
        ``superseded_because``, first and the records file is then replaced atomically, so an
        interruption at any point loses no record: at worst a record is kept aside and still
        in the records file, and the next resume sets it aside once more."""
        if not reasons:
            return
        leaving = [{**r, "superseded_because": reasons[r["id"]]}
                   for r in self.records if r["id"] in reasons]
        staying = [r for r in self.records if r["id"] not in reasons]
        with (self.path.parent / SUPERSEDED).open("a", encoding="utf-8") as handle:
            handle.writelines(_line(record) for record in leaving)
            handle.flush()
            os.fsync(handle.fileno())
        temporary = self.path.with_suffix(".jsonl.tmp")
        temporary.write_text("".join(_line(record) for record in staying), encoding="utf-8")
        os.replace(temporary, self.path)
        self.records = staying
        self.done = {record["id"] for record in staying}


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"


def open_records(out: Path, run: dict[str, Any], resume: bool) -> RecordFile:
    """Start a run in ``out``, or continue the one there (``resume``) if it matches ``run``."""
    out.mkdir(parents=True, exist_ok=True)
    path, run_path = out / RECORDS, out / RUN_FILE
    if path.exists() and not resume:
        raise ConfigurationError(f"{path} exists; pass --resume to continue that run "
                                 "or choose another --out")
    if resume and run_path.exists():
        previous = json.loads(run_path.read_text(encoding="utf-8"))
        for key in ("protocol", "model", "model_sha256", "bfcl_eval", "prompt_style"):
            before = previous.get(key, LEGACY_DEFAULTS.get(key))
            if before != run.get(key):
                raise ConfigurationError(
                    f"{out}: cannot resume: it was run with {key}={before!r}, "
                    f"this run has {run.get(key)!r}")
    run_path.write_text(json.dumps(run, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return RecordFile(path, read_records(path, repair=True) if path.exists() else [])


def read_records(path: Path, repair: bool = False) -> list[dict[str, Any]]:
    """Whole lines only, first record per id. ``repair`` cuts a torn last line off the
    file (only the run that owns the file may do that: another may be appending)."""
    raw = path.read_bytes()
    records, seen, keep = [], set(), 0
    for line in raw.splitlines(keepends=True):
        if not line.endswith(b"\n"):
            break
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            break
        keep += len(line)
        if record.get("id") not in seen:
            seen.add(record.get("id"))
            records.append(record)
    if repair and keep != len(raw):
        with path.open("r+b") as handle:
            handle.truncate(keep)
    return records
