"""`compiled-ai run --modules`: call steps through the CLI, and one-line errors."""

from __future__ import annotations

import json

from click.testing import CliRunner

from compiled_ai.cli.main import cli
from tests.runtime.artifact_builder import build_artifact

SPEC = """\
name: notify_flow
version: 1.0.0
input_schema:
  type: object
  properties:
    claim_id: {type: string}
output_schema:
  type: object
  properties:
    notification_id: {type: string}
steps:
  - id: tell
    kind: call
    operation: notify.send
    args: {channel: claims, subject: received, body: "${input.claim_id}"}
    outputs: {notification_id: {type: string}}
fixtures:
  - name: one
    input: {claim_id: C-1}
    expected: {notification_id: x}
"""


def run(*args: object) -> tuple[int, str, str]:
    done = CliRunner().invoke(cli, [str(a) for a in args])
    return done.exit_code, done.stdout, done.stderr


def test_run_with_modules_writes_the_outbox(tmp_path):
    artifact = build_artifact(tmp_path / "art", SPEC, {})
    (tmp_path / "in.json").write_text('{"claim_id": "C-7"}')
    (tmp_path / "modules.yaml").write_text("notify: {outbox: out.jsonl}\n")
    code, out, err = run("run", artifact, "-i", tmp_path / "in.json", "--no-audit",
                         "--modules", tmp_path / "modules.yaml")
    assert code == 0, err
    sent = json.loads((tmp_path / "out.jsonl").read_text())
    assert sent["body"] == "C-7" and json.loads(out)["notification_id"] == sent["id"]


def test_run_without_or_with_bad_modules_is_one_line_exit_2(tmp_path):
    artifact = build_artifact(tmp_path / "art", SPEC, {})
    (tmp_path / "in.json").write_text('{"claim_id": "C-7"}')
    code, _out, err = run("run", artifact, "-i", tmp_path / "in.json", "--no-audit")
    assert code == 2 and "no module configuration" in err and len(err.strip().splitlines()) == 1
    (tmp_path / "modules.yaml").write_text("notify: {outbx: out.jsonl}\n")
    code, _out, err = run("run", artifact, "-i", tmp_path / "in.json", "--no-audit",
                          "--modules", tmp_path / "modules.yaml")
    assert code == 2 and "notify.outbx" in err and len(err.strip().splitlines()) == 1
    (tmp_path / "modules.yaml").write_text("http: {allowed_hosts: [example.org]}\n")
    code, _out, err = run("run", artifact, "-i", tmp_path / "in.json", "--no-audit",
                          "--modules", tmp_path / "modules.yaml")
    assert code == 2 and "no module 'notify' is configured" in err
