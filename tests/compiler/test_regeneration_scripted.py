"""The regeneration loop, driven by a ScriptedProvider (no real model is ever called).

Findings of a failed attempt are fed back into the next request; attempts are capped;
holdout fixtures never reach the provider, not even through the retry messages.
"""

from __future__ import annotations

import json

import pytest

from compiled_ai.compiler import CompileOptions, compile_spec
from compiled_ai.errors import CompilationFailed
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.spec import load_spec
from tests.prior_auth_replies import CORRECT, SPEC_PATH, UNSAFE

# right on every visible fixture, wrong only on the holdout 'a1c_at_upper_bound_is_plausible'
# (A1c exactly 20 is plausible; this version sends it to review)
HOLDOUT_WRONG = CORRECT.replace("current_a1c > 20", "current_a1c >= 20")


@pytest.fixture(scope="module")
def spec():
    return load_spec(SPEC_PATH)


@pytest.fixture(scope="module")
def spec_bytes():
    return SPEC_PATH.read_bytes()


@pytest.fixture(scope="module")
def unsafe_then_correct(spec, spec_bytes):
    provider = ScriptedProvider([UNSAFE, CORRECT])
    compiled = compile_spec(spec, spec_bytes, provider)
    return provider, compiled


@pytest.fixture(scope="module")
def holdout_wrong_then_correct(spec, spec_bytes):
    provider = ScriptedProvider([HOLDOUT_WRONG, CORRECT])
    compiled = compile_spec(spec, spec_bytes, provider)
    return provider, compiled


def _field(attempt, key):
    """Attempts in a CompilationFailed report may be dicts or Attempt models."""
    return attempt[key] if isinstance(attempt, dict) else getattr(attempt, key)


def _texts(provider: ScriptedProvider) -> list[str]:
    return [m.content for request in provider.requests for m in request.messages]


def _holdout_markers(spec) -> dict[str, list[str]]:
    """For each holdout fixture: its name and its step-input rendering in the prompt."""
    step = spec.steps[0]
    markers = {}
    for fixture in spec.fixtures:
        if not fixture.holdout:
            continue
        projected = {name: fixture.input.get(name) for name in step.inputs}
        markers[fixture.name] = [
            fixture.name,
            json.dumps(projected, sort_keys=True, ensure_ascii=False),
            json.dumps(fixture.input, sort_keys=True, ensure_ascii=False),
            str(projected),  # the repr form the accuracy stage uses for visible fixtures
        ]
    return markers


# --- findings are fed back ----------------------------------------------------------------------

def test_scripted_unsafe_then_correct_builds_artifact_in_two_attempts(unsafe_then_correct):
    provider, compiled = unsafe_then_correct
    assert len(provider.requests) == 2
    (step,) = compiled.manifest.steps
    assert [a.number for a in step.attempts] == [1, 2]
    assert [a.passed for a in step.attempts] == [False, True]
    assert step.first_pass == {"security": False, "syntax": None, "execution": None,
                               "accuracy": None}
    first_stages = step.attempts[0].stages
    assert [s["stage"] for s in first_stages] == ["security"]
    assert any(f["id"] == "SEC002" and "os" in f["message"] for f in first_stages[0]["findings"])
    assert [s["stage"] for s in step.attempts[1].stages] == ["security", "syntax", "execution",
                                                             "accuracy"]
    assert all(s["passed"] for s in step.attempts[1].stages)
    code = compiled.files["steps/decide.py"].decode()
    assert "import os" not in code
    assert "def decide(" in code
    assert compiled.manifest.tokens.calls == 2


def test_scripted_retry_request_carries_first_failure_findings(unsafe_then_correct):
    provider, compiled = unsafe_then_correct
    first, second = provider.requests
    finding = next(f for f in compiled.manifest.steps[0].attempts[0].stages[0]["findings"]
                   if f["severity"] == "error")
    last = second.messages[-1]
    assert last.role == "user"
    assert f"[{finding['id']}]" in last.content
    assert finding["message"] in last.content
    assert "import of 'os' is not allowed" in last.content
    # the failed reply is shown back to the model, and the original prompt is kept
    assert second.messages[-2].role == "assistant"
    assert second.messages[-2].content == UNSAFE
    assert second.messages[:-2] == first.messages
    # the first request has no findings in it
    assert "failed validation" not in " ".join(m.content for m in first.messages)


def test_scripted_request_hashes_recorded_per_attempt(unsafe_then_correct):
    provider, compiled = unsafe_then_correct
    attempts = compiled.manifest.steps[0].attempts
    assert [a.request_sha256 for a in attempts] == [r.key() for r in provider.requests]
    assert attempts[0].request_sha256 != attempts[1].request_sha256


def test_scripted_accuracy_failure_feeds_back_and_recovers(holdout_wrong_then_correct):
    provider, compiled = holdout_wrong_then_correct
    step = compiled.manifest.steps[0]
    assert [a.passed for a in step.attempts] == [False, True]
    assert step.first_pass == {"security": True, "syntax": True, "execution": True,
                               "accuracy": False}
    findings = step.attempts[0].stages[-1]["findings"]
    assert [f["id"] for f in findings] == ["ACC001"]
    assert "[ACC001]" in provider.requests[1].messages[-1].content
    assert step.holdout_fixtures == 4
    assert step.fixtures == 14


# --- the attempt cap ---------------------------------------------------------------------------

def test_scripted_three_bad_answers_hit_the_cap(spec, spec_bytes):
    provider = ScriptedProvider([UNSAFE, UNSAFE, UNSAFE, CORRECT])
    with pytest.raises(CompilationFailed) as info:
        compile_spec(spec, spec_bytes, provider, CompileOptions(max_attempts=3))
    exc = info.value
    assert exc.exit_code == 4
    assert "3 attempts" in str(exc)
    assert "'decide'" in str(exc)
    report = list(exc.report)
    assert len(report) == 3
    assert [_field(a, "number") for a in report] == [1, 2, 3]
    assert not any(_field(a, "passed") for a in report)
    assert len(provider.requests) == 3  # the fourth (correct) answer was never asked for
    # every retry carries the finding of the attempt before it
    for request in provider.requests[1:]:
        assert "[SEC002]" in request.messages[-1].content


def test_scripted_max_attempts_one_fails_without_retry(spec, spec_bytes):
    provider = ScriptedProvider([UNSAFE, CORRECT])
    with pytest.raises(CompilationFailed) as info:
        compile_spec(spec, spec_bytes, provider, CompileOptions(max_attempts=1))
    assert len(list(info.value.report)) == 1
    assert len(provider.requests) == 1


# --- holdouts never reach the provider ---------------------------------------------------------

def test_scripted_holdouts_absent_from_every_request(spec, unsafe_then_correct):
    provider, _ = unsafe_then_correct
    texts = _texts(provider)
    assert texts, "no requests were recorded"
    markers = _holdout_markers(spec)
    assert len(markers) == 4
    for name, needles in markers.items():
        for needle in needles:
            assert all(needle not in text for text in texts), (name, needle)
    # sanity: visible fixtures do reach the prompt, so the check above could fail
    visible = spec.visible_fixtures()[0]
    rendered = json.dumps({n: visible.input.get(n) for n in spec.steps[0].inputs},
                          sort_keys=True, ensure_ascii=False)
    assert any(rendered in text for text in texts)


def test_scripted_holdout_values_absent_after_holdout_failure(spec, holdout_wrong_then_correct):
    provider, _ = holdout_wrong_then_correct
    texts = _texts(provider)
    for name, needles in _holdout_markers(spec).items():
        for needle in needles[1:]:  # the values, in every rendering
            assert all(needle not in text for text in texts), (name, needle)


def test_scripted_holdout_names_absent_after_holdout_failure(spec, holdout_wrong_then_correct):
    provider, _ = holdout_wrong_then_correct
    texts = _texts(provider)
    for name in _holdout_markers(spec):
        assert all(name not in text for text in texts), name


# --- a repeated failure changes the request ---------------------------------------------------

def test_scripted_attempts_from_the_third_are_sampled_and_asked_afresh(spec, spec_bytes):
    provider = ScriptedProvider([UNSAFE, HOLDOUT_WRONG, UNSAFE, CORRECT])
    compiled = compile_spec(spec, spec_bytes, provider, CompileOptions(max_attempts=4))
    assert len(compiled.manifest.steps[0].attempts) == 4
    first, second, third, fourth = provider.requests
    assert (first.temperature, second.temperature) == (0.0, 0.0)
    assert third.temperature > 0 and fourth.temperature > 0
    assert len({first.seed, third.seed, fourth.seed}) == 3
    # the second attempt repairs the first in conversation
    assert second.messages[:-2] == first.messages
    assert [m.role for m in second.messages[-2:]] == ["assistant", "user"]
    # later ones never see failed code (a small model copies it): the request afresh
    # (after the same system rules and demonstration), with the last problems appended
    for request in (third, fourth):
        assert request.messages[:-1] == first.messages[:-1]
        assert request.messages[-1].role == "user"
        assert request.messages[-1].content.startswith(first.messages[-1].content)
        assert "An earlier attempt at this function failed validation" in \
            request.messages[-1].content
        assert UNSAFE not in " ".join(m.content for m in request.messages)
    assert "[SEC" in fourth.messages[-1].content
