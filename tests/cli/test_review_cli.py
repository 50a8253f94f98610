"""`compiled-ai review list|show|resolve` on a real queue file."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from compiled_ai.cli.main import cli
from compiled_ai.runtime.review import ReviewQueue

SCHEMA = {"bmi": {"type": ["number", "null"]}, "a1c": {"type": ["number", "null"]}}
NOTE = "Jane Roe, MRN 123456, BMI 34, A1C 81"


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


@pytest.fixture
def queue(home):
    queue = ReviewQueue(home / "review.sqlite")
    queue.add(workflow="glp1", step="extract", transaction="tx-1",
              reason="check 'a1c is None or 3 <= a1c <= 20' is false",
              last_reply='{"bmi": 34, "a1c": 81}', inputs={"note": NOTE}, output_schema=SCHEMA)
    return queue


@pytest.fixture
def invoke(home):
    runner = CliRunner()
    env = {"COMPILED_AI_HOME": str(home), "COMPILED_AI_DEBUG": None, "NO_COLOR": "1",
           "COLUMNS": "200", "USER": "reviewer1", "LOGNAME": "reviewer1"}

    def run(*args, input=None):
        return runner.invoke(cli, [str(a) for a in args], env=env, input=input)
    return run


def test_list_shows_metadata_but_never_the_inputs(invoke, queue):
    done = invoke("review", "list")
    assert done.exit_code == 0, done.output
    assert "glp1" in done.output and "extract" in done.output and "pending" in done.output
    assert "MRN" not in done.output and "Jane" not in done.output
    listed = json.loads(invoke("review", "list", "--json").stdout)
    assert [item["id"] for item in listed] == [1] and "inputs" not in listed[0]


def test_show_json_has_inputs_reply_and_schema(invoke, queue):
    shown = json.loads(invoke("review", "show", "1", "--json").stdout)
    assert shown["inputs"] == {"note": NOTE}
    assert shown["last_reply"] == '{"bmi": 34, "a1c": 81}'
    assert shown["output_schema"] == SCHEMA and shown["status"] == "pending"
    text = invoke("review", "show", "1")
    assert text.exit_code == 0 and "Jane Roe" in text.output


def test_resolve_from_file_then_list_resolved(invoke, queue, tmp_path):
    answer = tmp_path / "answer.json"
    answer.write_text('{"bmi": 34, "a1c": 8.1}')
    done = invoke("review", "resolve", "1", "--output", answer, "--note", "decimal point lost")
    assert done.exit_code == 0, done.output
    assert "resolved review item 1" in done.output and "reviewer1" in done.output
    item = queue.get(1)
    assert item.resolution == {"bmi": 34, "a1c": 8.1} and item.resolved_by == "reviewer1"
    assert item.note == "decimal point lost"
    assert json.loads(invoke("review", "list", "--json").stdout) == []
    resolved = json.loads(invoke("review", "list", "--status", "resolved", "--json").stdout)
    assert resolved[0]["resolved_by"] == "reviewer1"


def test_resolve_from_stdin_with_by(invoke, queue):
    done = invoke("review", "resolve", "1", "--output", "-", "--by", "dr.lee",
                  input='{"bmi": null, "a1c": 8.1}')
    assert done.exit_code == 0, done.output
    assert queue.get(1).resolved_by == "dr.lee"


@pytest.mark.parametrize(("args", "stdin", "message"), [
    (("show", "9"), None, "no review item 9"),
    (("resolve", "9", "--output", "-"), "{}", "no review item 9"),
    (("resolve", "1", "--output", "-"), '{"bmi": 34}', "does not match step 'extract'"),
    (("resolve", "1", "--output", "-"), "{not json", "not a JSON file"),
    (("resolve", "1", "--output", "/nonexistent/x.json"), None, "no such file"),
])
def test_bad_requests_are_one_line_errors(invoke, queue, args, stdin, message):
    done = invoke("review", *args, input=stdin)
    assert done.exit_code == 2
    lines = [line for line in done.output.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], done.output
    assert "Traceback" not in done.output


def test_resolving_twice_is_refused(invoke, queue):
    assert invoke("review", "resolve", "1", "--output", "-", input='{"bmi": 1, "a1c": 5}') \
        .exit_code == 0
    again = invoke("review", "resolve", "1", "--output", "-", input='{"bmi": 2, "a1c": 5}')
    assert again.exit_code == 2 and "already resolved" in again.output


def test_empty_queue(invoke):
    done = invoke("review", "list")
    assert done.exit_code == 0 and "no pending review items" in done.output
