"""The hash-chained SQLite audit log: append, verify, and detect every edit or deletion."""

from __future__ import annotations

import json
import sqlite3
import struct
import threading

import pytest

from compiled_ai.artifacts.canonical import sha256_json
from compiled_ai.artifacts.store import write_artifact
from compiled_ai.compiler import compile_spec
from compiled_ai.errors import AuditError, InputError
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.runtime import open_workflow, run_once
from compiled_ai.runtime.audit import AuditLog, AuditRecord
from compiled_ai.runtime.audit.log import GENESIS, row_hash
from compiled_ai.spec import load_spec
from tests.prior_auth_replies import CORRECT, SPEC_PATH


def record(n: int, outcome: str = "ok") -> AuditRecord:
    return AuditRecord(workflow="wf", artifact_sha256="sha256:" + "a" * 64,
                       input_sha256=sha256_json({"n": n}),
                       output_sha256=sha256_json({"out": n}) if outcome == "ok" else None,
                       outcome=outcome, error_kind=None if outcome == "ok" else "InputError",
                       duration_ms=0.5 + n, tokens=0)


@pytest.fixture
def log(tmp_path) -> AuditLog:
    audit = AuditLog(tmp_path / "home" / "audit.sqlite")
    for n in range(1, 6):
        audit.append(record(n, "error" if n == 2 else "ok"))
    return audit


def raw(log: AuditLog, *statements: str) -> None:
    """Change the database behind the log's back, triggers dropped first."""
    db = sqlite3.connect(log.path, isolation_level=None)
    try:
        db.execute("DROP TRIGGER IF EXISTS records_no_update")
        db.execute("DROP TRIGGER IF EXISTS records_no_delete")
        for statement in statements:
            db.execute(statement)
    finally:
        db.close()


# --- a good log --------------------------------------------------------------------------------

def test_append_n_rows_then_verify_ok(log):
    report = log.verify()
    assert report.ok, report.problems
    assert report.rows == 5
    assert report.problems == []


def test_rows_form_a_hash_chain(log):
    rows = list(log.rows())
    assert [r["seq"] for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0]["prev_hash"] == GENESIS
    for before, after in zip(rows, rows[1:], strict=False):
        assert after["prev_hash"] == before["hash"]
    for row in rows:
        assert row["hash"] == row_hash(row)
        assert row["hash"].startswith("sha256:")
    assert rows[1]["outcome"] == "error" and rows[1]["error_kind"] == "InputError"
    assert rows[1]["output_sha256"] is None


def test_append_returns_the_stored_row(tmp_path):
    audit = AuditLog(tmp_path / "a.sqlite")
    first = audit.append(record(1))
    second = audit.append(record(2))
    assert first["seq"] == 1 and second["seq"] == 2
    assert second["prev_hash"] == first["hash"]
    stored = list(audit.rows())
    assert stored[1]["hash"] == second["hash"]


def test_concurrent_appends_keep_the_chain(tmp_path):
    path = tmp_path / "a.sqlite"
    AuditLog(path).append(record(0))
    errors: list[BaseException] = []

    def worker(offset: int) -> None:
        try:
            audit = AuditLog(path)  # one instance (and connection per call) per thread
            for n in range(10):
                audit.append(record(offset + n))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(100 * t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    report = AuditLog(path).verify()
    assert report.ok, report.problems
    assert report.rows == 41
    assert [r["seq"] for r in AuditLog(path).rows()] == list(range(1, 42))


def test_verify_missing_log_raises(tmp_path):
    with pytest.raises(AuditError, match="no audit log"):
        AuditLog(tmp_path / "nope.sqlite").verify()


def test_verify_garbage_file_raises_audit_error(tmp_path):
    path = tmp_path / "audit.sqlite"
    path.write_bytes(b"this is not a database, just some text " * 200)
    with pytest.raises(AuditError):
        AuditLog(path).verify()


# --- tampering is detected ---------------------------------------------------------------------

def test_edited_row_is_reported(log):
    raw(log, "UPDATE records SET outcome = 'ok', error_kind = NULL WHERE seq = 2")
    report = log.verify()
    assert not report.ok
    assert report.rows == 5
    assert any("row 2" in p and "edited" in p for p in report.problems), report.problems
    assert not any("row 3" in p for p in report.problems)


def test_edited_row_with_recomputed_hash_breaks_the_next_link(log):
    rows = {r["seq"]: r for r in log.rows()}
    forged = dict(rows[3], duration_ms=999.0)
    forged_hash = row_hash(forged)
    raw(log, f"UPDATE records SET duration_ms = 999.0, hash = '{forged_hash}' WHERE seq = 3")
    report = log.verify()
    assert not report.ok
    assert any("row 4" in p and "link" in p for p in report.problems), report.problems
    assert not any("row 3" in p and "edited" in p for p in report.problems)


def test_deleted_middle_row_is_reported(log):
    raw(log, "DELETE FROM records WHERE seq = 3")
    report = log.verify()
    assert not report.ok
    assert report.rows == 4
    assert any("3..3" in p and "missing" in p for p in report.problems), report.problems
    assert any("row 4" in p and "link" in p for p in report.problems), report.problems


def test_deleted_first_row_is_reported(log):
    raw(log, "DELETE FROM records WHERE seq = 1")
    report = log.verify()
    assert any("1..1" in p and "missing" in p for p in report.problems), report.problems


def test_deleted_newest_row_is_reported_via_head(log):
    raw(log, "DELETE FROM records WHERE seq = 5")
    report = log.verify()
    assert not report.ok
    assert report.rows == 4
    assert any("head" in p and "row 5" in p for p in report.problems), report.problems


def test_deleted_head_is_reported(log):
    raw(log, "DELETE FROM head")
    report = log.verify()
    assert report.problems == ["the head record is missing"]


def test_new_rows_after_tampering_do_not_heal_the_chain(log):
    raw(log, "UPDATE records SET workflow = 'other' WHERE seq = 1")
    log.append(record(6))
    report = log.verify()
    assert any("row 1" in p and "edited" in p for p in report.problems)


@pytest.mark.parametrize("statement", [
    "UPDATE records SET outcome = 'ok' WHERE seq = 2",
    "DELETE FROM records WHERE seq = 3",
    "DELETE FROM records",
])
def test_triggers_refuse_update_and_delete(log, statement):
    db = sqlite3.connect(log.path, isolation_level=None)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute(statement)
    finally:
        db.close()
    assert log.verify().ok
    assert log.verify().rows == 5


def test_triggers_are_restored_on_next_open(log):
    raw(log)  # drop the triggers
    log.append(record(6))  # reconnecting re-creates them
    db = sqlite3.connect(log.path, isolation_level=None)
    try:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert {"records_no_update", "records_no_delete"} <= names
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("DELETE FROM records WHERE seq = 1")
    finally:
        db.close()


def test_int_duration_does_not_raise_a_false_tamper_alarm(tmp_path):
    audit = AuditLog(tmp_path / "a.sqlite")
    audit.append(AuditRecord(workflow="wf", artifact_sha256="sha256:x", input_sha256="sha256:y",
                             output_sha256=None, outcome="ok", error_kind=None, duration_ms=5))
    assert audit.verify().ok


# --- hashes, not payloads ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def workflow(tmp_path_factory):
    spec = load_spec(SPEC_PATH)
    compiled = compile_spec(spec, SPEC_PATH.read_bytes(), ScriptedProvider([CORRECT]))
    target = tmp_path_factory.mktemp("audit-artifact") / "prior_auth"
    write_artifact(target, compiled.files, compiled.manifest)
    return open_workflow(target)


def test_scripted_run_once_stores_hashes_not_payloads(workflow, tmp_path):
    audit = AuditLog(tmp_path / "audit.sqlite")
    payload = {"has_t2d_diagnosis": False, "current_a1c": 6.54321987, "bmi": 37.123456789,
               "has_step_therapy_failure": True}
    result = run_once(workflow, payload, audit)
    assert result.output == {"decision": "approve", "reason_code": "BMI_AND_STEP_THERAPY"}
    assert result.tokens == 0
    secret = {"has_t2d_diagnosis": "PATIENT-JANE-DOE-1971", "bmi": 41.0}
    with pytest.raises(InputError):
        run_once(workflow, secret, audit)

    rows = list(audit.rows())
    assert [r["outcome"] for r in rows] == ["ok", "error"]
    assert rows[0]["input_sha256"] == sha256_json(payload)
    assert rows[0]["output_sha256"] == sha256_json(result.output)
    assert rows[0]["artifact_sha256"] == workflow.artifact.artifact_sha256
    assert rows[0]["workflow"] == "glp1_prior_auth"
    assert rows[0]["tokens"] == 0
    assert rows[1]["input_sha256"] == sha256_json(secret)
    assert rows[1]["error_kind"] == "InputError"
    assert rows[1]["output_sha256"] is None
    assert audit.verify().ok

    data = audit.path.read_bytes()
    for value in (6.54321987, 37.123456789):
        assert repr(value).encode() not in data
        assert struct.pack(">d", value) not in data  # SQLite stores REALs big-endian
    for text in ("PATIENT-JANE-DOE-1971", "BMI_AND_STEP_THERAPY",
                 json.dumps(payload, sort_keys=True), "has_t2d_diagnosis"):
        assert text.encode() not in data, text
    # the hashes themselves are there, so the search above does look at the stored rows
    assert sha256_json(payload).encode() in data


def test_scripted_run_once_without_audit_writes_nothing(workflow, tmp_path):
    result = run_once(workflow, {"has_t2d_diagnosis": True}, None)
    assert result.output == {"decision": "approve", "reason_code": "T2D_DIAGNOSIS"}
    assert not list(tmp_path.iterdir())
