"""`uses` on function and rule steps: format, catalogue, duplicates, and the fixtures'
recorded module calls, each refused with one located line."""

from __future__ import annotations

import json
import re

import pytest

from compiled_ai.errors import SpecError
from compiled_ai.spec import parse_spec
from tests.modules.member_replies import SPEC_PATH

TEXT = SPEC_PATH.read_text()


def error_of(text: str) -> tuple[int, str]:
    with pytest.raises(SpecError) as info:
        parse_spec(text, "member.yaml")
    message = str(info.value)
    match = re.match(r"^member\.yaml:(\d+): (.*)$", message)
    assert match and "\n" not in message, message
    return int(match.group(1)), match.group(2)


def line_of(text: str, needle: str, nth: int = 0) -> int:
    return [n for n, line in enumerate(text.splitlines(), 1) if needle in line][nth]


def edit(old: str, new: str, text: str = TEXT, count: int = 1) -> str:
    assert old in text, old
    return text.replace(old, new, count)


def test_the_example_declares_its_operation_and_dumps_it():
    spec = parse_spec(TEXT)
    lookup, decide = spec.compiled_steps()
    assert lookup.uses == ["database.query"] and decide.uses == []
    dumped = spec.model_dump(mode="json", by_alias=True)
    assert dumped["steps"][0]["uses"] == ["database.query"]
    assert "uses" not in dumped["steps"][1]  # steps without modules dump as before
    assert parse_spec(json.dumps(dumped)) == spec


@pytest.mark.parametrize(("uses", "message"), [
    ("[database]", "must be module.operation"),
    ("[Database.query]", "must be module.operation"),
    ("[database.drop_all]", "unknown module operation 'database.drop_all'"),
    ("[ftp.get]", "unknown module operation 'ftp.get' (known: database.execute"),
    ("[database.query, database.query]", "'database.query' is listed twice"),
])
def test_bad_uses_are_refused_on_their_line(uses, message):
    text = edit("    uses: [database.query]", f"    uses: {uses}")
    line, found = error_of(text)
    assert message in found and line == line_of(text, "    uses:")


def test_a_fixture_must_record_the_calls_of_a_step_with_uses():
    start = TEXT.index("    recorded:\n      lookup_member:\n", TEXT.index("unknown_member"))
    end = TEXT.index("  - name: coverage_ended")
    text = TEXT[:start] + TEXT[end:]
    _line, found = error_of(text)
    assert "step 'lookup_member' uses database.query: record the replies" in found


@pytest.mark.parametrize(("old", "new", "message"), [
    ("          - operation: database.query\n            args: {params: [M-1001]}",
     "          - operation: http.get_json\n            args: {params: [M-1001]}",
     "'http.get_json' is not in step 'lookup_member''s uses"),
    ("            args: {params: [M-9999]}", "            args: {values: [M-9999]}",
     "args may name only database.query's parameters (sql, params)"),
    ("            result: {rows: [], count: 0}", "            result: {rows: []}",
     "not a reply of database.query: 'count' is a required property"),
    ("            result: {rows: [], count: 0}", "            result: {rows: [], count: -1}",
     "not a reply of database.query"),
    ("        calls:\n          - operation: database.query\n            args: {params: [M-9999]}"
     "\n            result: {rows: [], count: 0}",
     "        rows: []", "record each run as {calls:"),
])
def test_bad_recorded_calls_are_refused(old, new, message):
    _line, found = error_of(edit(old, new))
    assert message in found


def test_recorded_calls_for_a_step_without_uses_are_refused():
    text = edit("      lookup_member:\n        calls:",
                "      decide_coverage: {calls: []}\n      lookup_member:\n        calls:")
    _line, found = error_of(text)
    assert "'decide_coverage' is not a bounded or call step, nor a step with 'uses'" in found


def test_an_input_called_modules_clashes_with_the_interface():
    text = edit("    inputs:\n      member_id: {type: string}",
                "    inputs:\n      member_id: {type: string}\n      modules: {type: string}")
    _line, found = error_of(text)
    assert "receives its modules as the parameter 'modules'" in found
