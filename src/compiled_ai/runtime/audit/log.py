"""An append-only, hash-chained SQLite audit log of workflow runs.

Each row stores hashes, never payloads (inputs may hold PHI): the artifact's
sha256, the input's and output's canonical-JSON sha256, outcome, error kind,
duration and model tokens. ``hash`` is the sha256 of the row's canonical JSON
(every column but ``hash``), and ``prev_hash`` is the previous row's ``hash``, so
editing or deleting any row breaks the chain. A one-row ``head`` table, updated in
the same transaction, records the last sequence number and hash, so truncating the
newest rows is detected too. Triggers refuse UPDATE and DELETE through SQLite; the
chain catches changes made by other means.

``module_calls`` names the module operations each step invoked and how often
(``{"lookup_member": {"database.query": 1}}``), never their arguments or replies. It is
hashed only when set, so rows written before the column existed still verify; an
older log gains the column when it is next opened.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from compiled_ai.artifacts.canonical import sha256_json
from compiled_ai.errors import AuditError

GENESIS = "sha256:" + "0" * 64
COLUMNS = ("seq", "recorded_at", "workflow", "artifact_sha256", "input_sha256",
           "output_sha256", "outcome", "error_kind", "duration_ms", "tokens", "prev_hash")
OPTIONAL_COLUMNS = ("module_calls",)  # hashed only when not NULL

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY, recorded_at TEXT NOT NULL, workflow TEXT NOT NULL,
    artifact_sha256 TEXT NOT NULL, input_sha256 TEXT NOT NULL, output_sha256 TEXT,
    outcome TEXT NOT NULL, error_kind TEXT, duration_ms REAL NOT NULL,
    tokens INTEGER NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,
    module_calls TEXT);
CREATE TABLE IF NOT EXISTS head (id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL, hash TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS records_no_update BEFORE UPDATE ON records
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS records_no_delete BEFORE DELETE ON records
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


@dataclass(frozen=True)
class AuditRecord:
    workflow: str
    artifact_sha256: str
    input_sha256: str
    output_sha256: str | None
    outcome: str  # "ok", "error", or "review" (a bounded step parked it for a person)
    error_kind: str | None
    duration_ms: float
    tokens: int = 0
    module_calls: str | None = None  # canonical JSON: step -> operation -> count


@dataclass(frozen=True)
class VerifyReport:
    rows: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def row_hash(row: dict[str, Any]) -> str:
    hashed = {column: row[column] for column in COLUMNS}
    hashed.update({column: row[column] for column in OPTIONAL_COLUMNS
                   if row.get(column) is not None})
    return sha256_json(hashed)


class AuditLog:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            connection.executescript(_SCHEMA)
            present = {row[1] for row in connection.execute("PRAGMA table_info(records)")}
            for column in OPTIONAL_COLUMNS:
                if column not in present:  # a log written before the column existed
                    connection.execute(f"ALTER TABLE records ADD COLUMN {column} TEXT")
        except (sqlite3.Error, OSError) as exc:
            raise AuditError(f"{self.path}: cannot open the audit log ({exc})") from None
        connection.row_factory = sqlite3.Row
        return connection

    def append(self, record: AuditRecord) -> dict[str, Any]:
        """Append one record atomically; return the stored row including its hash."""
        with closing(self._connect()) as db:
            try:
                db.execute("BEGIN IMMEDIATE")
                head = db.execute("SELECT seq, hash FROM head WHERE id = 1").fetchone()
                seq, prev = (head["seq"] + 1, head["hash"]) if head else (1, GENESIS)
                row = {"seq": seq, "recorded_at": _now(), "prev_hash": prev,
                       **{k: getattr(record, k) for k in (*COLUMNS, *OPTIONAL_COLUMNS)
                          if hasattr(record, k)}}
                # hash the values as the REAL/INTEGER columns will return them
                row["duration_ms"] = float(row["duration_ms"])
                row["tokens"] = int(row["tokens"])
                row["hash"] = row_hash(row)
                names = ", ".join(row)
                db.execute(f"INSERT INTO records ({names}) VALUES ({', '.join('?' * len(row))})",
                           tuple(row.values()))
                db.execute("INSERT OR REPLACE INTO head (id, seq, hash) VALUES (1, ?, ?)",
                           (seq, row["hash"]))
                db.execute("COMMIT")
            except sqlite3.Error as exc:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise AuditError(f"{self.path}: could not append to the audit log ({exc})") \
                    from None
        return row

    def rows(self) -> Iterator[dict[str, Any]]:
        with closing(self._connect()) as db:
            try:
                for row in db.execute("SELECT * FROM records ORDER BY seq"):
                    yield dict(row)
            except sqlite3.Error as exc:
                raise AuditError(f"{self.path}: unreadable audit log ({exc})") from None

    def verify(self) -> VerifyReport:
        """Re-derive every hash and link; list every inconsistency found."""
        if not self.path.is_file():
            raise AuditError(f"{self.path}: no audit log here")
        problems: list[str] = []
        expected_seq, prev, count = 1, GENESIS, 0
        for row in self.rows():
            count += 1
            if row["seq"] != expected_seq:
                problems.append(f"rows {expected_seq}..{row['seq'] - 1} are missing (deleted)")
            if row["prev_hash"] != prev:
                problems.append(f"row {row['seq']}: does not link to the row before it")
            if row_hash(row) != row["hash"]:
                problems.append(f"row {row['seq']}: content does not match its hash (edited)")
            expected_seq, prev = row["seq"] + 1, row["hash"]
        with closing(self._connect()) as db:
            head = db.execute("SELECT seq, hash FROM head WHERE id = 1").fetchone()
        if head is not None and (head["seq"] != expected_seq - 1 or head["hash"] != prev):
            problems.append(f"the log ends at row {expected_seq - 1} but its head records row "
                            f"{head['seq']}: newest rows were deleted or the head was altered")
        if head is None and count:
            problems.append("the head record is missing")
        return VerifyReport(rows=count, problems=problems)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
