"""Retry with backoff in the OpenAI-compatible provider, over real loopback sockets."""

from __future__ import annotations

import time

import pytest

from compiled_ai.errors import ConfigurationError, ProviderError
from compiled_ai.providers.base import CompletionRequest, Message
from compiled_ai.providers.openai_compatible import OpenAICompatibleProvider
from compiled_ai.providers.registry import make_provider
from compiled_ai.providers.retry import RetryPolicy, parse_retry_after
from compiled_ai.settings import load_settings
from tests.providers.loopback import Script, scripted_server

REQUEST = CompletionRequest(messages=(Message(role="user", content="write add"),), max_tokens=32)


def _ok(text: str = "def add(a, b): return a + b") -> tuple[int, dict[str, str], object]:
    return (200, {}, {"model": "served-model",
                      "choices": [{"message": {"role": "assistant", "content": text}}],
                      "usage": {"prompt_tokens": 17, "completion_tokens": 9}})


def _provider(url: str, attempts: int = 4, base: float = 0.05,
              timeout: float = 5.0) -> OpenAICompatibleProvider:
    return OpenAICompatibleProvider(url + "/v1", "m", api_key="k", timeout=timeout,
                                    retry=RetryPolicy(attempts=attempts, base_delay=base,
                                                      max_delay=2.0))


def test_429_then_503_then_success_retries_with_doubling_waits() -> None:
    script = Script([(429, {}, {"error": "slow down"}), (503, {}, {"error": "busy"}), _ok()])
    with scripted_server(script) as url:
        completion = _provider(url).complete(REQUEST)
    assert completion.text == "def add(a, b): return a + b"
    assert (completion.usage.input_tokens, completion.usage.output_tokens) == (17, 9)
    assert completion.model == "served-model"
    assert len(script.requests) == 3
    assert script.requests[0]["path"] == "/v1/chat/completions"
    assert script.requests[0]["headers"]["Authorization"] == "Bearer k"
    assert script.requests[0]["body"]["seed"] == REQUEST.seed
    gaps = [b["at"] - a["at"] for a, b in zip(script.requests, script.requests[1:], strict=False)]
    assert gaps[0] >= 0.05 and gaps[1] >= 0.10  # base, then twice the base


def test_retry_after_header_overrides_the_schedule() -> None:
    script = Script([(429, {"Retry-After": "0.6"}, {"error": "rate"}), _ok()])
    with scripted_server(script) as url:
        _provider(url, base=0.01).complete(REQUEST)
    assert script.requests[1]["at"] - script.requests[0]["at"] >= 0.6


def test_gives_up_after_the_last_attempt_with_one_line() -> None:
    script = Script([(503, {}, {"error": "down"})] * 3)
    with scripted_server(script) as url, pytest.raises(ProviderError) as caught:
        _provider(url, attempts=3, base=0.01).complete(REQUEST)
    message = str(caught.value)
    assert "\n" not in message
    assert "HTTP 503" in message and "gave up after 3 attempts" in message
    assert len(script.requests) == 3


def test_client_errors_are_not_retried() -> None:
    script = Script([(401, {}, {"error": "bad key"}), _ok()])
    with scripted_server(script) as url, pytest.raises(ProviderError, match="HTTP 401"):
        _provider(url).complete(REQUEST)
    assert len(script.requests) == 1


def test_read_timeout_is_retried() -> None:
    script = Script(["hang", _ok("after timeout"), _ok("after timeout")])
    with scripted_server(script) as url:
        started = time.monotonic()
        completion = _provider(url, base=0.01, timeout=1.5).complete(REQUEST)
    assert completion.text == "after timeout"
    assert time.monotonic() - started >= 1.5  # the first call waited out its read timeout
    assert len(script.requests) >= 2


def test_connection_refused_is_retried_then_reported() -> None:
    with scripted_server(Script([])) as url:
        pass  # the port is closed again: nothing listens there now
    started = time.monotonic()
    with pytest.raises(ProviderError, match="ConnectError.*gave up after 2 attempts"):
        _provider(url, attempts=2, base=0.2).complete(REQUEST)
    assert time.monotonic() - started >= 0.2


def test_schedule_is_deterministic_and_capped() -> None:
    policy = RetryPolicy(attempts=6, base_delay=1.0, max_delay=5.0)
    assert [policy.delay(n) for n in range(1, 6)] == [1.0, 2.0, 4.0, 5.0, 5.0]
    assert policy.delay(1, retry_after=3.0) == 3.0
    assert policy.delay(1, retry_after=99.0) == 5.0
    assert parse_retry_after({"retry-after": "7"}) == 7.0
    assert parse_retry_after({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0.0
    assert parse_retry_after({"retry-after": "soon"}) is None


def test_retry_settings_come_from_the_environment() -> None:
    settings = load_settings({"HOME": "/tmp", "COMPILED_AI_BASE_URL": "http://127.0.0.1:9",
                              "COMPILED_AI_REMOTE_MODEL": "m", "COMPILED_AI_RETRY_ATTEMPTS": "2",
                              "COMPILED_AI_RETRY_BASE_DELAY": "0.25"})
    assert (settings.retry_attempts, settings.retry_base_delay) == (2, 0.25)
    assert isinstance(make_provider("openai", settings), OpenAICompatibleProvider)
    with pytest.raises(ConfigurationError, match="COMPILED_AI_RETRY_ATTEMPTS"):
        load_settings({"HOME": "/tmp", "COMPILED_AI_RETRY_ATTEMPTS": "many"})
    with pytest.raises(ConfigurationError, match="at least 1"):
        RetryPolicy(attempts=0)
