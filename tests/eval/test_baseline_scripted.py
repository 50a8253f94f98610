"""The runtime-inference baseline: its prompt, reply parsing and schema check."""

from __future__ import annotations

import json

import pytest

from compiled_ai.artifacts.store import read_verified
from compiled_ai.eval.baseline import DirectLLMBaseline, parse_json_reply
from compiled_ai.providers.scripted import ScriptedProvider


@pytest.fixture(scope="module")
def spec(scripted_artifact) -> dict:
    return read_verified(scripted_artifact).json_file("spec.json")


def test_prompt_holds_intent_schemas_and_visible_fixtures_only_scripted(spec):
    direct = DirectLLMBaseline(spec, ScriptedProvider([]))
    text = "\n".join(m.content for m in direct.request({"has_t2d_diagnosis": True}).messages)
    assert "SUSPICIOUS_A1C" in text and "exact order" in text  # the step's intent
    assert json.dumps(spec["output_schema"], sort_keys=True) in text
    visible = [f for f in spec["fixtures"] if not f["holdout"]]
    holdouts = [f for f in spec["fixtures"] if f["holdout"]]
    assert all(json.dumps(f["input"], sort_keys=True) in text for f in visible)
    assert not any(json.dumps(f["input"], sort_keys=True) in text for f in holdouts)
    assert text.rstrip().endswith('{"has_t2d_diagnosis": true}\n\nOutput JSON:')


def test_answer_records_output_tokens_and_latency_scripted(spec):
    provider = ScriptedProvider(['```json\n{"decision": "approve", '
                                 '"reason_code": "T2D_DIAGNOSIS"}\n```'])
    answer = DirectLLMBaseline(spec, provider).answer({"has_t2d_diagnosis": True})
    assert answer.output == {"decision": "approve", "reason_code": "T2D_DIAGNOSIS"}
    assert answer.error is None
    assert answer.input_tokens > 100 and answer.output_tokens > 0
    assert answer.latency_ms >= 0


@pytest.mark.parametrize("reply, error", [
    ('{"decision": "maybe", "reason_code": "T2D_DIAGNOSIS"}', "output schema at decision"),
    ('{"decision": "approve"}', "reason_code"),
    ("I would approve this request.", "not a JSON object"),
])
def test_invalid_replies_are_errors_not_outputs_scripted(spec, reply, error):
    answer = DirectLLMBaseline(spec, ScriptedProvider([reply])).answer({"has_t2d_diagnosis": 1})
    assert answer.output is None and error in answer.error


def test_parse_json_reply_finds_the_object_in_prose_or_fences():
    assert parse_json_reply('Sure! {"a": 1} hope that helps') == {"a": 1}
    assert parse_json_reply('```\n{"a": [1, 2]}\n```') == {"a": [1, 2]}
    assert parse_json_reply("{broken {\"b\": 2}") == {"b": 2}
    assert parse_json_reply("no json here") is None
