"""The `modules` object a step with `uses` receives: declared operations only, arguments
bound by name, recorded replies replayed in order (in process and in the sandbox child),
and the audit log's per-operation counts."""

from __future__ import annotations

import json
import sqlite3

import pytest

from compiled_ai.artifacts.canonical import sha256_json
from compiled_ai.runtime._module_interface import (
    CallLog,
    ModuleInterface,
    Replay,
    ReplayMismatch,
    UndeclaredOperation,
    replayed_call,
)
from compiled_ai.runtime.audit import AuditLog, AuditRecord
from compiled_ai.runtime.sandbox import ModuleReplay, run_in_sandbox
from compiled_ai.spec.operations import bindings

QUERY = {"operation": "database.query", "args": {"params": ["M-1"]},
         "result": {"rows": [{"plan": "gold"}], "count": 1}}


def interface(dispatch):
    return ModuleInterface(bindings(["database.query", "notify.send"]), dispatch)


def test_only_declared_operations_are_reachable():
    calls = []
    modules = interface(lambda name, args: calls.append((name, args)) or {"ok": True})
    modules.database.query("SELECT 1", [1])
    modules.notify.send(channel="c", subject="s")
    assert calls == [("database.query", {"sql": "SELECT 1", "params": [1]}),
                     ("notify.send", {"channel": "c", "subject": "s"})]
    with pytest.raises(UndeclaredOperation, match="module 'http' is not declared"):
        modules.http.get_json("https://example.org")
    with pytest.raises(UndeclaredOperation, match=r"database\.execute is not declared.*"
                                                  r"only database\.query, notify\.send"):
        modules.database.execute("DELETE FROM t")


@pytest.mark.parametrize(("call", "message"), [
    (lambda m: m.database.query("a", [], 3), "takes at most 2 arguments"),
    (lambda m: m.database.query("a", values=[]), "has no parameter 'values'"),
    (lambda m: m.database.query("a", sql="b"), "got 'sql' twice"),
    (lambda m: m.database.query(params=[]), "is missing sql"),
])
def test_arguments_are_bound_by_the_operations_names(call, message):
    with pytest.raises(TypeError, match=message):
        call(interface(lambda name, args: {}))


def test_replay_answers_in_order_and_refuses_what_was_not_recorded():
    replay = Replay([QUERY])
    modules = interface(replay)
    reply = modules.database.query("SELECT plan FROM m WHERE id = ?", ["M-1"])
    assert reply == QUERY["result"]
    reply["rows"].clear()  # a private copy: the recording is untouched
    assert QUERY["result"]["rows"] == [{"plan": "gold"}] and replay.unused() == []
    with pytest.raises(ReplayMismatch, match=r"database.query call #2 was not recorded: "
                                             r"the fixture records 1 module call"):
        modules.database.query("SELECT 1")
    with pytest.raises(ReplayMismatch, match="call #1 is notify.send, but the fixture "
                                             "records database.query"):
        interface(Replay([QUERY])).notify.send("c", "s")
    with pytest.raises(ReplayMismatch, match=r'params is \["M-2"\], the fixture expects '
                                             r'\["M-1"\]'):
        interface(Replay([QUERY])).database.query("SELECT 1", ("M-2",))


def test_replayed_call_requires_every_recorded_call():
    def skips(case, modules):
        return {"n": case["n"]}

    with pytest.raises(ReplayMismatch, match="made 0 of the 1 recorded"):
        replayed_call(skips, {"n": 1}, bindings(["database.query"]), [QUERY])


def test_call_log_counts_attempts_and_keeps_the_calls():
    def failing(name, args):
        raise RuntimeError("refused")

    log = CallLog(failing)
    with pytest.raises(RuntimeError):
        interface(log).notify.send("c", "s")
    assert log.attempted == ["notify.send"] and log.calls == []
    ok = CallLog(lambda name, args: {"notification_id": "x"})
    interface(ok).notify.send("c", "s")
    assert ok.calls == [{"operation": "notify.send", "args": {"channel": "c", "subject": "s"},
                         "result": {"notification_id": "x"}}]


SOURCE = '''
def lookup(member_id: str, modules: Any) -> dict:
    reply = modules.database.query("SELECT plan FROM m WHERE id = ?", [member_id])
    return {"plans": [row["plan"] for row in reply["rows"]]}
'''


def test_the_sandbox_child_replays_each_cases_recording():
    other = {**QUERY, "args": {"params": ["M-2"]},
             "result": {"rows": [{"plan": "x"}, {"plan": "y"}], "count": 2}}
    replay = ModuleReplay(bindings(["database.query"]), [[QUERY], [other], []])
    run = run_in_sandbox("from typing import Any\n" + SOURCE, "lookup",
                         [{"member_id": "M-1"}, {"member_id": "M-2"}, {"member_id": "M-3"}],
                         modules=replay, repeat=2)
    assert [c.value for c in run.cases[:2]] == [{"plans": ["gold"]}, {"plans": ["x", "y"]}]
    assert run.cases[0].outputs[0] == run.cases[0].outputs[1]  # each repeat replays afresh
    assert not run.cases[2].ok and "call #1 was not recorded" in run.cases[2].error
    with pytest.raises(ValueError, match="one list of recorded module calls per case"):
        run_in_sandbox(SOURCE, "lookup", [{"member_id": "M-1"}], modules=ModuleReplay({}, []))


def _record(n: int, module_calls: str | None) -> AuditRecord:
    return AuditRecord(workflow="wf", artifact_sha256="sha256:" + "a" * 64,
                       input_sha256=sha256_json({"n": n}), output_sha256=None, outcome="ok",
                       error_kind=None, duration_ms=1.0, module_calls=module_calls)


def test_audit_module_calls_are_chained_and_an_older_log_still_verifies(tmp_path):
    path = tmp_path / "audit.sqlite"
    log = AuditLog(path)
    log.append(_record(1, None))
    with sqlite3.connect(path) as db:  # make it a log from before the column existed
        db.execute("ALTER TABLE records DROP COLUMN module_calls")
    counts = json.dumps({"lookup": {"database.query": 2}})
    log.append(_record(2, counts))  # reopening adds the column back
    rows = list(log.rows())
    assert [r["module_calls"] for r in rows] == [None, counts] and log.verify().ok
    with sqlite3.connect(path) as db:
        db.execute("DROP TRIGGER records_no_update")
        db.execute("UPDATE records SET module_calls = ? WHERE seq = 2",
                   (json.dumps({"lookup": {"database.query": 1}}),))
    assert any("row 2: content does not match" in p for p in log.verify().problems)


def test_a_reply_that_is_not_json_is_kept_out_of_the_log_and_cannot_be_replayed():
    log = CallLog(lambda name, args: {"rows": [{"photo": b"\x00"}], "count": 1})
    reply = interface(log).database.query("SELECT photo FROM m")
    assert reply["rows"][0]["photo"] == b"\x00"  # the code still gets it
    assert log.calls == [{"operation": "database.query", "args": {"sql": "SELECT photo FROM m"}}]
    with pytest.raises(ReplayMismatch, match="holds no reply"):
        interface(Replay(log.calls)).database.query("SELECT photo FROM m")
