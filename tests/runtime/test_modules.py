"""The module library against real endpoints: an HTTP server on loopback, SQLite files,
an outbox file; and ``call`` steps using them through a configured registry."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from compiled_ai.errors import ConfigurationError, StepExecutionError
from compiled_ai.runtime.modules.config import load_modules
from compiled_ai.runtime.modules.database import Database
from compiled_ai.runtime.modules.http import HttpClient, ModuleRefused
from compiled_ai.runtime.modules.notify import Notifier
from tests.runtime.artifact_builder import workflow


class Server:
    """A loopback HTTP server whose answers a test scripts per path."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, bytes]] = []
        self.plans: dict[str, list[tuple[int, dict[str, str], bytes]]] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                server.requests.append((self.command, self.path, self.rfile.read(length)))
                queue = server.plans.get(self.path.split("?")[0], [])
                status, headers, body = queue.pop(0) if len(queue) > 1 else (
                    queue[0] if queue else (404, {}, b"{}"))
                self.send_response(status)
                for key, value in {"content-type": "application/json", **headers}.items():
                    self.send_header(key, value)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *_args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def plan(self, path: str, *answers: tuple[int, dict[str, str], object]) -> None:
        self.plans[path] = [(s, h, json.dumps(b).encode()) for s, h, b in answers]


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server()
    yield running
    running.httpd.shutdown()
    running.httpd.server_close()


def client(server: Server, **options: object) -> HttpClient:
    return HttpClient([f"127.0.0.1:{server.port}"], **options)  # type: ignore[arg-type]


def test_get_json_from_an_allowed_host(server):
    server.plan("/members/M1", (200, {}, {"plan": "gold"}))
    answer = client(server).get_json(server.url("/members/M1"), params={"as_of": "2026-01-01"})
    assert answer == {"status": 200, "body": {"plan": "gold"}}
    assert server.requests == [("GET", "/members/M1?as_of=2026-01-01", b"")]


def test_transient_failures_are_retried_with_backoff(server):
    server.plan("/flaky", (503, {}, {}), (429, {"retry-after": "0.05"}, {}), (200, {}, {"ok": 1}))
    waits: list[float] = []
    answer = client(server, backoff_s=0.01, sleep=waits.append).post_json(
        server.url("/flaky"), {"claim": "C-1"})
    assert answer == {"status": 200, "body": {"ok": 1}}
    assert [r[0] for r in server.requests] == ["POST"] * 3
    assert json.loads(server.requests[0][2]) == {"claim": "C-1"}
    assert waits == [0.01, 0.05]  # exponential backoff, then the server's Retry-After


def test_retries_give_up_with_one_clear_error(server):
    server.plan("/down", (500, {}, {}))
    with pytest.raises(StepExecutionError, match=r"GET 127\.0\.0\.1 failed after 3 attempt\(s\): "
                                                 "HTTP 500"):
        client(server, retries=2, backoff_s=0.0).get_json(server.url("/down"))
    assert len(server.requests) == 3


def test_client_errors_are_answers_not_retries(server):
    server.plan("/missing", (404, {}, {"error": "no such member"}))
    assert client(server).get_json(server.url("/missing"))["status"] == 404
    assert len(server.requests) == 1


def test_connection_refused_is_retried_then_reported(server):
    port = server.port
    server.httpd.shutdown()
    server.httpd.server_close()
    http = HttpClient([f"127.0.0.1:{port}"], retries=1, backoff_s=0.0)
    with pytest.raises(StepExecutionError, match="failed after 2 attempt"):
        http.get_json(f"http://127.0.0.1:{port}/x")


@pytest.mark.parametrize("url", [
    "http://localhost:{port}/x",            # same machine, other name: not on the list
    "http://127.0.0.1:1/x",                 # allowed host, other port
    "http://user:pw@127.0.0.1:{port}/x",    # credentials in the URL
    "file:///etc/passwd",
    "ftp://127.0.0.1:{port}/x",
    "/relative/path",
])
def test_hosts_and_schemes_off_the_allow_list_are_refused_before_connecting(server, url):
    with pytest.raises(ModuleRefused):
        client(server).get_json(url.format(port=server.port))
    assert server.requests == []


def test_redirects_are_not_followed(server):
    server.plan("/moved", (302, {"location": "http://example.org/"}, {}))
    assert client(server).get_json(server.url("/moved"))["status"] == 302
    assert len(server.requests) == 1


# --- database --------------------------------------------------------------------------------

@pytest.fixture
def members_db(tmp_path):
    path = tmp_path / "members.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE members (id TEXT PRIMARY KEY, plan TEXT, active INTEGER)")
        db.executemany("INSERT INTO members VALUES (?, ?, ?)",
                       [("M1", "gold", 1), ("M2", "basic", 0)])
    return path


def test_parameterised_query_returns_rows(members_db):
    db = Database(members_db)
    assert db.OPERATIONS == frozenset({"query"})
    found = db.query("SELECT plan, active FROM members WHERE id = ?", ["M1"])
    assert found == {"rows": [{"plan": "gold", "active": 1}], "count": 1}
    assert db.query("SELECT id FROM members WHERE id = :id", {"id": "nobody"})["count"] == 0


@pytest.mark.parametrize("sql", [
    "SELECT * FROM members WHERE id = 'M1'",       # literal instead of a parameter
    "SELECT * FROM members; DROP TABLE members",   # second statement
    "SELECT * FROM members -- WHERE id = ?",       # comment
])
def test_statements_with_literals_comments_or_two_parts_are_refused(members_db, sql):
    with pytest.raises(ModuleRefused):
        Database(members_db).query(sql, [])


def test_read_only_database_refuses_writes(members_db):
    db = Database(members_db)
    with pytest.raises(ModuleRefused, match="read-only"):
        db.execute("DELETE FROM members WHERE id = ?", ["M1"])
    with pytest.raises(StepExecutionError, match="not authorized"):
        db.query("DELETE FROM members WHERE id = ?", ["M1"])
    with pytest.raises(StepExecutionError, match="not authorized"):
        db.query("ATTACH DATABASE ? AS other", [str(members_db)])
    assert Database(members_db).query("SELECT id FROM members", None)["count"] == 2


def test_writable_database_executes_parameterised_writes(members_db):
    db = Database(members_db, writable=True)
    assert db.execute("UPDATE members SET active = ? WHERE id = ?", [1, "M2"]) == {"rowcount": 1}
    assert Database(members_db).query("SELECT active FROM members WHERE id = ?",
                                      ["M2"])["rows"] == [{"active": 1}]


# --- notify ----------------------------------------------------------------------------------

def test_outbox_gets_one_line_per_message_with_a_content_id(tmp_path):
    outbox = tmp_path / "outbox.jsonl"
    notifier = Notifier(outbox=outbox)
    first = notifier.send("claims", "pended", {"claim": "C-1"})
    again = notifier.send("claims", "pended", {"claim": "C-1"})
    other = notifier.send("claims", "pended", {"claim": "C-2"})
    assert first == again != other
    lines = [json.loads(line) for line in outbox.read_text().splitlines()]
    assert [line["body"]["claim"] for line in lines] == ["C-1", "C-1", "C-2"]
    assert lines[0]["id"] == first["notification_id"]


def test_webhook_goes_through_the_allow_listed_client(server, tmp_path):
    server.plan("/hook", (204, {}, {}))
    notifier = Notifier(webhook=server.url("/hook"), http=client(server))
    notifier.send("claims", "paid", 12.5)
    assert json.loads(server.requests[0][2])["subject"] == "paid"
    with pytest.raises(ModuleRefused):
        Notifier(webhook="http://example.org/hook", http=client(server))


# --- call steps with a configuration file ----------------------------------------------------

CALL_SPEC = """\
name: member_check
version: 1.0.0
input_schema:
  type: object
  properties:
    member: {type: string}
output_schema:
  type: object
  properties:
    rows: {type: array}
    status: {type: integer}
    notification_id: {type: string}
steps:
  - kind: parallel
    branches:
      - id: lookup
        kind: call
        operation: database.query
        args: {sql: "SELECT plan FROM members WHERE id = ?", params: ["${input.member}"]}
        outputs: {rows: {type: array}}
      - id: fetch
        kind: call
        operation: http.get_json
        args: {url: "URL"}
        outputs: {status: {type: integer}}
  - id: tell
    kind: call
    operation: notify.send
    args: {channel: members, subject: looked up, body: "${lookup.rows}"}
    outputs: {notification_id: {type: string}}
fixtures:
  - name: one
    input: {member: M1}
    expected: {rows: [], status: 200, notification_id: x}
"""


def test_call_steps_use_modules_from_a_configuration_file(server, members_db, tmp_path):
    server.plan("/ping", (200, {}, {"pong": True}))
    config = tmp_path / "modules.yaml"
    config.write_text(f"http: {{allowed_hosts: ['127.0.0.1:{server.port}']}}\n"
                      f"database: {{path: {members_db.name}}}\nnotify: {{outbox: out.jsonl}}\n")
    spec = CALL_SPEC.replace("URL", server.url("/ping"))
    flow = workflow(tmp_path / "a", spec, {}, modules=load_modules(config))
    result = flow.run({"member": "M1"})
    assert result.output["rows"] == [{"plan": "gold"}] and result.output["status"] == 200
    outbox = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert outbox[0]["body"] == [{"plan": "gold"}]
    assert result.recorded["lookup"] == [{"rows": [{"plan": "gold"}]}]
    # the same artifact with a host off the list: refused, one clear error
    refused = CALL_SPEC.replace("URL", "http://example.org/ping")
    flow = workflow(tmp_path / "b", refused, {}, modules=load_modules(config))
    with pytest.raises(ModuleRefused, match="'example.org' is not on the allow-list"):
        flow.run({"member": "M1"})


def test_bad_module_configuration_is_one_clear_error(tmp_path):
    config = tmp_path / "modules.yaml"
    config.write_text("http: {allowed_hosts: []}\n")
    with pytest.raises(ConfigurationError, match="http.allowed_hosts"):
        load_modules(config)
    config.write_text("database: {path: nowhere.sqlite}\n")
    with pytest.raises(ConfigurationError, match="does not exist"):
        load_modules(config)
