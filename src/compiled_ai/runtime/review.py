"""The human-review queue: transactions a bounded step could not settle, persisted in SQLite.

A bounded step whose model replies all fail validation or confidence (or whose input
the input gate refused) parks the transaction here instead of guessing. An item keeps
what a reviewer needs to decide: workflow, step, transaction id, the reason, the last
model reply, the step's inputs and its output schema. A reviewer resolves it with an
output, which must match that schema; running the same transaction again then uses
the reviewer's output instead of calling the model.

PHI: ``inputs`` and ``last_reply`` may hold protected health information (a chart
note, a member id). They are stored, because the reviewer needs them, in the same
data directory as the audit log (``$COMPILED_AI_HOME/review.sqlite``, created with
mode 0600), and they are never written to a log, an error message or the audit log;
``compiled-ai review list`` shows only metadata, ``review show ID`` shows the payload
to the person who asked for it.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from compiled_ai.artifacts.canonical import sha256_json
from compiled_ai.errors import CompiledAIError, InputError
from compiled_ai.runtime.schemas import first_error, result_schema

ReviewStatus = Literal["pending", "resolved"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL,
    workflow TEXT NOT NULL, step TEXT NOT NULL, transaction_id TEXT NOT NULL,
    reason TEXT NOT NULL, last_reply TEXT, inputs TEXT NOT NULL,
    inputs_sha256 TEXT NOT NULL, output_schema TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'resolved')),
    resolution TEXT, resolved_by TEXT, note TEXT, resolved_at TEXT);
CREATE INDEX IF NOT EXISTS items_by_inputs ON items (workflow, step, inputs_sha256);
CREATE TRIGGER IF NOT EXISTS items_no_delete BEFORE DELETE ON items
    BEGIN SELECT RAISE(ABORT, 'review items are kept'); END;
"""


class ReviewQueueError(CompiledAIError):
    """The review database cannot be opened or written."""


@dataclass(frozen=True)
class ReviewItem:
    id: int
    created_at: str
    workflow: str
    step: str
    transaction: str
    reason: str
    last_reply: str | None
    inputs: dict[str, Any]
    inputs_sha256: str
    output_schema: dict[str, dict[str, Any]]
    status: ReviewStatus
    resolution: dict[str, Any] | None = None
    resolved_by: str | None = None
    note: str | None = None
    resolved_at: str | None = None

    def summary(self) -> dict[str, Any]:
        """Metadata only, no inputs or reply: safe to list on a shared screen."""
        return {"id": self.id, "created_at": self.created_at, "workflow": self.workflow,
                "step": self.step, "transaction": self.transaction, "status": self.status,
                "reason": self.reason, "resolved_by": self.resolved_by}

    def full(self) -> dict[str, Any]:
        return {**self.summary(), "inputs": self.inputs, "last_reply": self.last_reply,
                "output_schema": self.output_schema, "resolution": self.resolution,
                "note": self.note, "resolved_at": self.resolved_at}


def inputs_digest(inputs: dict[str, Any]) -> str:
    """The key that recognises the same transaction coming back."""
    return sha256_json(inputs)


class ReviewQueue:
    """The queue at ``path``; every call opens, uses and closes its own connection."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self.path.exists():
                # the queue holds PHI: readable by its owner only
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            connection = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            connection.executescript(_SCHEMA)
        except (sqlite3.Error, OSError) as exc:
            raise ReviewQueueError(f"{self.path}: cannot open the review queue ({exc})") \
                from None
        connection.row_factory = sqlite3.Row
        with closing(connection):
            try:
                yield connection
            except sqlite3.Error as exc:
                raise ReviewQueueError(f"{self.path}: review queue error ({exc})") from None

    def add(self, *, workflow: str, step: str, transaction: str, reason: str,
            last_reply: str | None, inputs: dict[str, Any],
            output_schema: dict[str, dict[str, Any]]) -> int:
        """Park a transaction; returns the new item's id."""
        with self._db() as db:
            cursor = db.execute(
                "INSERT INTO items (created_at, workflow, step, transaction_id, reason, "
                "last_reply, inputs, inputs_sha256, output_schema, status) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')",
                (_now(), workflow, step, transaction, reason, last_reply,
                 json.dumps(inputs, sort_keys=True), inputs_digest(inputs),
                 json.dumps(output_schema, sort_keys=True)))
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def get(self, item_id: int) -> ReviewItem:
        with self._db() as db:
            row = db.execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            raise InputError(f"no review item {item_id} in {self.path}")
        return _item(row)

    def items(self, status: ReviewStatus | None = None) -> list[ReviewItem]:
        query = "SELECT * FROM items"
        args: tuple[str, ...] = ()
        if status is not None:
            query, args = query + " WHERE status = ?", (status,)
        with self._db() as db:
            return [_item(row) for row in db.execute(query + " ORDER BY id", args)]

    def latest_for(self, workflow: str, step: str, inputs: dict[str, Any],
                   output_schema: dict[str, dict[str, Any]] | None = None) -> ReviewItem | None:
        """The newest item for this step and these exact inputs, pending or resolved.

        ``workflow`` names the version (``name@version``), and with ``output_schema`` the
        item must also have been parked for a step with the same outputs: a reviewer's
        answer is reused only for the workflow version, and the result shape, it was
        given for.
        """
        query = ("SELECT * FROM items WHERE workflow = ? AND step = ? AND inputs_sha256 = ?")
        args: tuple[str, ...] = (workflow, step, inputs_digest(inputs))
        if output_schema is not None:
            query += " AND output_schema = ?"
            args += (json.dumps(output_schema, sort_keys=True),)
        with self._db() as db:
            row = db.execute(query + " ORDER BY id DESC LIMIT 1", args).fetchone()
        return None if row is None else _item(row)

    def resolve(self, item_id: int, output: Any, *, by: str, note: str | None = None) \
            -> ReviewItem:
        """Settle a pending item with ``output``, which must match the step's schema."""
        item = self.get(item_id)
        if item.status != "pending":
            raise InputError(f"review item {item_id} is already resolved by "
                             f"{item.resolved_by or 'someone'}")
        problem = first_error(result_schema(item.output_schema), output)
        if problem is not None:
            raise InputError(f"the resolution does not match step {item.step!r}'s output "
                             f"schema: {problem}")
        with self._db() as db:
            updated = db.execute(
                "UPDATE items SET status = 'resolved', resolution = ?, resolved_by = ?, "
                "note = ?, resolved_at = ? WHERE id = ? AND status = 'pending'",
                (json.dumps(output, sort_keys=True), by, note, _now(), item_id)).rowcount
        if updated != 1:
            raise InputError(f"review item {item_id} was resolved by someone else meanwhile")
        return self.get(item_id)


def _item(row: sqlite3.Row) -> ReviewItem:
    return ReviewItem(
        id=row["id"], created_at=row["created_at"], workflow=row["workflow"],
        step=row["step"], transaction=row["transaction_id"], reason=row["reason"],
        last_reply=row["last_reply"], inputs=json.loads(row["inputs"]),
        inputs_sha256=row["inputs_sha256"], output_schema=json.loads(row["output_schema"]),
        status=row["status"],
        resolution=json.loads(row["resolution"]) if row["resolution"] is not None else None,
        resolved_by=row["resolved_by"], note=row["note"], resolved_at=row["resolved_at"])


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
