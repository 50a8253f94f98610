"""Scripted model replies for examples/member_lookup, in compile order, and variants."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "member_lookup"
SPEC_PATH = EXAMPLE / "spec.yaml"

LOOKUP = '''
def lookup_member(member_id: str, modules: StepModules) -> LookupMemberResult:
    reply = modules.database.query(
        "SELECT plan, status, coverage_end FROM members WHERE member_id = ?", [member_id])
    if not reply["rows"]:
        return {"found": False, "plan": None, "status": None, "coverage_end": None}
    row = reply["rows"][0]
    return {"found": True, "plan": row["plan"], "status": row["status"],
            "coverage_end": row["coverage_end"]}
'''

DECIDE = '''
def decide_coverage(found: bool, status: str | None, coverage_end: str | None,
                    service_date: str) -> DecideCoverageResult:
    covered = found and status == "active" and coverage_end is not None \\
        and service_date <= coverage_end
    return {"covered": bool(covered)}
'''

# the same lookup, asking twice: the second query was never recorded
AGAIN = '    modules.database.query("SELECT plan FROM members WHERE member_id = ?", [member_id])\n'
QUERIES_TWICE = LOOKUP.replace('    if not reply["rows"]:', AGAIN + '    if not reply["rows"]:')

# reaches for an operation the step did not declare
NOTIFY = '    modules.notify.send("audit", "lookup", member_id)\n'
UNDECLARED = LOOKUP.replace("    reply = modules.database.query(",
                            NOTIFY + "    reply = modules.database.query(")

# answers without asking the database at all
NEVER_QUERIES = '''
def lookup_member(member_id: str, modules: StepModules) -> LookupMemberResult:
    return {"found": False, "plan": None, "status": None, "coverage_end": None}
'''

# opens the database itself
OWN_SQLITE = '''
import sqlite3


def lookup_member(member_id: str, modules: StepModules) -> LookupMemberResult:
    db = sqlite3.connect("members.sqlite")
    row = db.execute("SELECT plan, status, coverage_end FROM members WHERE member_id = ?",
                     [member_id]).fetchone()
    if row is None:
        return {"found": False, "plan": None, "status": None, "coverage_end": None}
    return {"found": True, "plan": row[0], "status": row[1], "coverage_end": row[2]}
'''

# calls the operation with a parameter it does not have: mypy refuses it against the stub
WRONG_PARAMETER = LOOKUP.replace('[member_id])', 'values=[member_id])')


def fenced(body: str) -> str:
    return f"```python\n{body.strip()}\n```"


REPLIES = [fenced(LOOKUP), fenced(DECIDE)]
