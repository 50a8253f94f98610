"""Build members.sqlite, the example's member table (run: python build_members_db.py [PATH]).

The rows agree with the spec's fixtures, whose recorded replies stand in for this
database at compile time.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

MEMBERS = [
    ("M-1001", "gold", "active", "2026-12-31"),
    ("M-1002", "silver", "active", "2025-12-31"),
    ("M-1003", "bronze", "suspended", "2026-12-31"),
    ("M-1004", "gold", "active", "2026-06-30"),
    ("M-1005", "silver", "active", "2027-03-31"),
]


def build(path: Path) -> Path:
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE members (member_id TEXT PRIMARY KEY, plan TEXT NOT NULL, "
                   "status TEXT NOT NULL, coverage_end TEXT NOT NULL)")
        db.executemany("INSERT INTO members VALUES (?, ?, ?, ?)", MEMBERS)
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("members.sqlite")
    print(build(target))
