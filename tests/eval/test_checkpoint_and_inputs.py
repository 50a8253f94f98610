"""The checkpoint journal and the inputs file reader."""

from __future__ import annotations

import json

import pytest

from compiled_ai.errors import ConfigurationError, InputError
from compiled_ai.eval.checkpoint import Checkpoint
from compiled_ai.eval.inputs import load_cases


def test_checkpoint_survives_reopening_and_refuses_another_run(tmp_path):
    path = tmp_path / "r.json.checkpoint.jsonl"
    first = Checkpoint(path, {"run": 1})
    first.add("baseline", 0, {"runs": [{"latency_ms": 1.0}]})
    again = Checkpoint(path, {"run": 1})
    assert again.resumed and list(again.done("baseline")) == [0]
    with pytest.raises(ConfigurationError, match="different run"):
        Checkpoint(path, {"run": 2})


def test_a_line_torn_by_a_kill_is_dropped_and_that_unit_redone(tmp_path):
    path = tmp_path / "c.jsonl"
    checkpoint = Checkpoint(path, {"run": 1})
    checkpoint.add("compiled", 0, {"runs": []})
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"index": 1, "phase": "compi')  # the process died mid-write
    reopened = Checkpoint(path, {"run": 1})
    assert list(reopened.done("compiled")) == [0]
    reopened.add("compiled", 1, {"runs": []})
    assert list(Checkpoint(path, {"run": 1}).done("compiled")) == [0, 1]


def test_corrupt_line_in_the_middle_is_refused(tmp_path):
    path = tmp_path / "c.jsonl"
    Checkpoint(path, {"run": 1}).add("compiled", 0, {"runs": []})
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[0], "garbage", lines[1]]) + "\n")
    with pytest.raises(ConfigurationError, match=":2: corrupt"):
        Checkpoint(path, {"run": 1})


def test_inputs_as_jsonl_or_json_list(tmp_path):
    items = [{"input": {"a": 1}, "expected": {"b": 2}, "name": "one"}, {"input": {"a": 3}}]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("\n".join(json.dumps(i) for i in items) + "\n\n")
    listed = tmp_path / "in.json"
    listed.write_text(json.dumps(items, indent=2))
    for path in (jsonl, listed):
        cases, _raw = load_cases(path)
        assert [c.input for c in cases] == [{"a": 1}, {"a": 3}]
        assert cases[0].expected == {"b": 2} and cases[1].expected is None
        assert cases[0].name == "one"


@pytest.mark.parametrize("content, needle", [
    ('{"input": 1}\n{"inpt": 2}\n', "line 2: expected an object"),
    ('{"input": 1}\nnot json\n', ":2: invalid JSON"),
    ('[{"input": 1, "extra": 0}]', "unknown key 'extra'"),
    ('[{"input": 1, "expected": 5}]', '"expected" must be an object'),
    ("\n\n", "no inputs"),
])
def test_bad_inputs_files_are_one_clear_error(tmp_path, content, needle):
    path = tmp_path / "in.jsonl"
    path.write_text(content)
    with pytest.raises(InputError, match=needle):
        load_cases(path)
