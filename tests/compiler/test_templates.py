"""The compiler half of the templates: spec options, frames, the stage-2 signature check
and the prompt text. No model is called and nothing here needs one."""

from __future__ import annotations

import pytest

from compiled_ai.compiler.cases import step_cases
from compiled_ai.compiler.prompt import build_messages
from compiled_ai.compiler.templates import frame_for
from compiled_ai.compiler.validate.syntax import check_syntax
from compiled_ai.errors import SpecError
from compiled_ai.spec import load_spec, parse_spec
from tests.template_replies import (
    BATCH_CORRECT,
    BATCH_LOOPS,
    BATCH_SPEC,
    STREAM_CORRECT,
    STREAM_SPEC,
    VALIDATOR_CORRECT,
    VALIDATOR_SPEC,
)


def frame_and_cases(path):
    spec = load_spec(path)
    step = spec.steps[0]
    return spec, step, frame_for(spec, step), step_cases(spec, step, {})


def body(reply: str) -> str:
    return reply.split("```python\n", 1)[1].split("```", 1)[0]


# --- frames -------------------------------------------------------------------------------------

def test_batch_frame_is_one_record_plus_shared_inputs():
    _spec, _step, frame, _cases = frame_and_cases(BATCH_SPEC)
    assert frame.template_id == "batch_processor@1"
    assert frame.signature == ("def price_line(sku: str, quantity: int, unit_price: float, "
                               "discount: float) -> PriceLineResult:")
    assert "class PriceLineResult(TypedDict):\n    sku: str\n    amount: float" in \
        frame.result_definition
    assert frame.options["record_fields"] == ["sku", "quantity", "unit_price"]
    assert frame.options["errors"] == "errors" and frame.options["on_error"] == "collect"


def test_batch_record_fields_that_may_be_absent_are_optional():
    spec = parse_spec(BATCH_SPEC.read_text().replace(
        "required: [sku, quantity, unit_price]\n          properties:\n            sku: "
        "{type: string}\n            quantity: {type: integer}\n            unit_price: "
        "{type: number}\n      discount: {type: number}",
        "required: [sku]\n          properties:\n            sku: {type: string}\n"
        "            quantity: {type: integer}\n            unit_price: {type: number}\n"
        "      discount: {type: number}"))
    frame = frame_for(spec, spec.steps[0])
    assert "quantity: int | None, unit_price: float | None" in frame.signature


def test_validator_frame_returns_cleaned_fields_or_a_reason():
    _spec, _step, frame, _cases = frame_and_cases(VALIDATOR_SPEC)
    assert frame.signature == "def clean_phone(phone: str) -> CleanPhoneResult | str:"
    assert "phone_e164: str | None" in frame.result_definition
    assert "valid" not in frame.result_definition and "reason" not in frame.result_definition
    assert frame.options == {"fallback": {"phone_e164": None}, "step": "clean_phone"}


def test_stream_frame_is_a_fold_over_one_event():
    _spec, _step, frame, _cases = frame_and_cases(STREAM_SPEC)
    assert frame.signature == (
        "def track_balance(state: TrackBalanceState, event: TrackBalanceEvent) -> "
        "tuple[TrackBalanceState, list[dict[str, Any]]]:")
    # the event has a field named `id`: a builtin's name, so a plain dict alias
    assert "TrackBalanceEvent = dict[str, Any]  # keys: id, kind, amount" in \
        frame.result_definition
    assert "class TrackBalanceState(TypedDict):\n    balance: float\n    count: int" in \
        frame.result_definition


# --- stage 2 checks the template's signature ----------------------------------------------------

@pytest.mark.parametrize(("path", "reply"), [(BATCH_SPEC, BATCH_CORRECT),
                                             (VALIDATOR_SPEC, VALIDATOR_CORRECT),
                                             (STREAM_SPEC, STREAM_CORRECT)],
                         ids=["batch", "validator", "stream"])
def test_correct_functions_pass_the_syntax_stage(path, reply):
    _spec, _step, frame, _cases = frame_and_cases(path)
    result = check_syntax(frame.assemble(body(reply)), frame)
    assert result.passed, result.findings


def test_batch_function_that_loops_over_the_batch_fails_the_signature_check():
    _spec, _step, frame, _cases = frame_and_cases(BATCH_SPEC)
    result = check_syntax(frame.assemble(body(BATCH_LOOPS)), frame)
    messages = [f.message for f in result.findings if f.id == "SYN003"]
    assert any("parameters must be exactly (sku, quantity, unit_price, discount)" in m
               for m in messages)
    assert any("return annotation must be PriceLineResult" in m for m in messages)


def test_validator_without_the_reason_branch_in_its_annotation_fails():
    _spec, _step, frame, _cases = frame_and_cases(VALIDATOR_SPEC)
    narrowed = body(VALIDATOR_CORRECT).replace("-> CleanPhoneResult | str:", "-> CleanPhoneResult:")
    result = check_syntax(frame.assemble(narrowed), frame)
    assert any("return annotation must be CleanPhoneResult | str" in f.message
               for f in result.findings)


def test_stream_state_of_the_wrong_type_fails_mypy_through_the_call_check():
    _spec, _step, frame, _cases = frame_and_cases(STREAM_SPEC)
    wrong = body(STREAM_CORRECT).replace('"count": state["count"] + 1', '"count": "many"')
    result = check_syntax(frame.assemble(wrong), frame)
    assert not result.passed
    assert any(f.id.startswith("MYPY-") for f in result.findings)


# --- prompt -------------------------------------------------------------------------------------

def prompt_for(path) -> tuple[str, list]:
    spec, step, frame, cases = frame_and_cases(path)
    examples = [(c.inputs, c.expected) for c in cases if not c.holdout]
    messages = build_messages(frame, step.intent, step.inputs, step.outputs, examples, [])
    return messages[-1].content, cases


def test_batch_prompt_explains_the_wrapper_and_shows_per_record_examples():
    text, cases = prompt_for(BATCH_SPEC)
    assert "once for EACH record of the list input 'lines'" in text
    assert "do not loop over records" in text
    assert ('price_line(**{"discount": 0.1, "quantity": 2, "sku": "ab1", "unit_price": 10.0})'
            ' == {"amount": 18.0, "sku": "AB1"}') in text
    # a fixture that does not pair every record with a result is shown whole
    assert 'step input {"discount": 0.5, "lines": [' in text
    assert "- lines:" not in text  # the function never sees the list
    assert "- quantity:" in text and "- discount:" in text
    holdout = next(c for c in cases if c.holdout)
    assert "r1" not in text and str(holdout.expected) not in text


def test_validator_prompt_states_the_fallback_and_shows_rejections_as_reasons():
    text, _cases = prompt_for(VALIDATOR_SPEC)
    assert 'fixed fallback {"phone_e164": null}' in text
    assert 'clean_phone(**{"phone": "(415) 555-0123"}) == {"phone_e164": "+14155550123"}' in text
    assert 'clean_phone(**{"phone": "555-0123"}) returns a str' in text
    assert "650.555.0142" not in text  # holdout


def test_stream_prompt_states_the_initial_state_and_one_event_per_call():
    text, _cases = prompt_for(STREAM_SPEC)
    assert 'starts from the state {"balance": 0.0, "count": 0}' in text
    assert "Handle ONE event per call" in text
    assert "appends to 'overdrafts'" in text


def test_sync_prompt_has_no_template_guidance():
    from tests.compiler.helpers import FRAME, SPEC, STEP

    messages = build_messages(FRAME, STEP.intent, STEP.inputs, STEP.outputs,
                              [({"amount": 1.0, "tier": "gold"}, {"total": 0.9})], [])
    text = messages[-1].content
    assert "How the template calls it" not in text
    assert 'price_order(**{"amount": 1.0, "tier": "gold"}) == {"total": 0.9}' in text
    assert SPEC.name == "order_pricing"


# --- the spec's template options ----------------------------------------------------------------

def broken(path, old: str, new: str) -> str:
    text = path.read_text()
    assert old in text, old
    return text.replace(old, new)


@pytest.mark.parametrize(("path", "old", "new", "needle"), [
    (BATCH_SPEC, "batch: lines", "batch: discount",
     "batch input 'discount' must be a step input of type array"),
    (BATCH_SPEC, "batch: lines", "batch: lines\n      chunk: 5", "unknown option"),
    (BATCH_SPEC, "      errors: {type: array}\n\nfixtures:", "\nfixtures:",
     "on_error 'collect' needs an output 'errors'"),
    (BATCH_SPEC, "      discount: {type: number}\n    outputs:",
     "      discount: {type: number}\n      sku: {type: string}\n    outputs:",
     "record field(s) sku clash with step inputs"),
    (BATCH_SPEC, "on_error: collect", "on_error: ignore", "on_error"),
    (VALIDATOR_SPEC, "fallback: {phone_e164: null}", "fallback: {phone: null}",
     "the fallback must give exactly the cleaned outputs (phone_e164)"),
    (VALIDATOR_SPEC, "fallback: {phone_e164: null}", "fallback: {phone_e164: 5}",
     "phone_e164: 5 is not of type"),
    (VALIDATOR_SPEC, "fallback: {phone_e164: null}", "{}", "fallback"),
    (STREAM_SPEC, "initial_state: {balance: 0.0, count: 0}", "initial_state: {balance: 0.0}",
     "the initial state must give exactly the state outputs (balance, count)"),
    (STREAM_SPEC, "emit: overdrafts", "emit: balance",
     "emit output 'balance' must be an output of type array"),
], ids=["batch-not-list", "batch-unknown-option", "batch-no-errors-output", "batch-clash",
        "batch-on-error", "validator-fallback-keys", "validator-fallback-type",
        "validator-no-fallback", "stream-initial-state", "stream-emit"])
def test_bad_template_options_are_one_located_spec_error(path, old, new, needle):
    with pytest.raises(SpecError) as caught:
        parse_spec(broken(path, old, new), source="spec.yaml")
    message = str(caught.value)
    assert needle in message, message
    assert message.startswith("spec.yaml:") and "\n" not in message


def test_sync_handler_takes_no_options():
    from tests.compiler.helpers import SPEC_YAML

    text = SPEC_YAML.replace("  - id: price_order\n",
                             "  - id: price_order\n    template_options: {batch: amount}\n")
    with pytest.raises(SpecError, match="template 'sync_handler' takes no options"):
        parse_spec(text, source="spec.yaml")


def test_unknown_template_is_named_with_the_available_ones():
    from tests.compiler.helpers import SPEC_YAML

    spec = parse_spec(SPEC_YAML.replace("  - id: price_order\n",
                                        "  - id: price_order\n    template: fancy\n"))
    with pytest.raises(SpecError, match="unknown template 'fancy' .available: sync_handler, "
                                        "batch_processor, input_validator, streaming_processor"):
        frame_for(spec, spec.steps[0])


def test_result_fields_named_like_refused_builtins_still_pass_the_code_gate():
    from compiled_ai.compiler.frame import typed_dict
    from compiled_ai.compiler.validate.security import check_security

    assert typed_dict("R", {"sum": "int", "total": "float"}).startswith("class R(TypedDict):")
    for fields in ({"id": "str"}, {"type": "str", "n": "int"}, {"class": "str"}):
        definition = typed_dict("R", fields)
        assert definition.startswith("R = dict[str, Any]")
        source = "from typing import Any, TypedDict\n\n" + definition
        assert check_security(source).passed
        assert not check_security("from typing import Any, TypedDict\n\n"
                                  "class R(TypedDict):\n    id: str\n").passed
