"""SQLite for ``call`` steps: parameterised statements only, read-only by default.

Values travel only as parameters: a statement holding a string literal, a comment or
a second statement is refused, so a reference can never be spliced into SQL. A
read-only database is opened with ``mode=ro`` and an authorizer that admits reads
only; ATTACH and PRAGMA are refused in every mode.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

from compiled_ai.errors import ConfigurationError, StepExecutionError
from compiled_ai.runtime.modules.http import ModuleRefused

_READS = frozenset({sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
                    sqlite3.SQLITE_RECURSIVE})
_WRITES = frozenset({sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE,
                     sqlite3.SQLITE_TRANSACTION})
_FORBIDDEN_TEXT = ("'", ";", "--", "/*")


class Database:
    """``query`` (and, when writable, ``execute``) on one SQLite file."""

    def __init__(self, path: str | Path, *, writable: bool = False,
                 max_rows: int = 1000) -> None:
        self.path = Path(path)
        self.writable = writable
        self.max_rows = max_rows
        self.OPERATIONS = frozenset({"query", "execute"} if writable else {"query"})
        if not self.path.is_file():
            raise ConfigurationError(f"database {self.path} does not exist")
        mode = "rw" if writable else "ro"
        self._db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode={mode}", uri=True,
                                   check_same_thread=False, isolation_level=None)
        self._db.set_authorizer(self._authorize)
        self._lock = threading.Lock()

    def query(self, sql: str, params: list[Any] | dict[str, Any] | None = None
              ) -> dict[str, Any]:
        """Rows of a SELECT as dicts (at most ``max_rows``), and their count."""
        cursor = self._run(sql, params)
        names = [column[0] for column in cursor.description or ()]
        rows = cursor.fetchmany(self.max_rows + 1)
        if len(rows) > self.max_rows:
            raise StepExecutionError(f"database: query returned more than {self.max_rows} rows")
        return {"rows": [dict(zip(names, row, strict=True)) for row in rows],
                "count": len(rows)}

    def execute(self, sql: str, params: list[Any] | dict[str, Any] | None = None
                ) -> dict[str, Any]:
        """An INSERT, UPDATE or DELETE on a database configured as writable."""
        if not self.writable:
            raise ModuleRefused("database: read-only; 'execute' is not allowed")
        return {"rowcount": self._run(sql, params).rowcount}

    def close(self) -> None:
        self._db.close()

    def _run(self, sql: str, params: list[Any] | dict[str, Any] | None) -> sqlite3.Cursor:
        if not isinstance(sql, str):
            raise ModuleRefused("database: the statement must be a string")
        for text in _FORBIDDEN_TEXT:
            if text in sql:
                raise ModuleRefused(f"database: statements may not contain {text!r}; pass "
                                    "values as parameters (?) instead")
        if params is not None and not isinstance(params, list | dict):
            raise ModuleRefused("database: params must be a list or a mapping")
        with self._lock:
            try:
                return self._db.execute(sql, params if params is not None else ())
            except sqlite3.DatabaseError as exc:
                raise StepExecutionError(f"database: {exc}") from None

    def _authorize(self, action: int, *_details: Any) -> int:
        if action in _READS or (self.writable and action in _WRITES):
            return sqlite3.SQLITE_OK
        return sqlite3.SQLITE_DENY
