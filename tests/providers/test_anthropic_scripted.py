"""The Anthropic provider, through the real SDK, against a scripted Messages API on loopback."""

from __future__ import annotations

import builtins
from typing import Any

import pytest

from compiled_ai.errors import ConfigurationError, ProviderError
from compiled_ai.providers.anthropic import AnthropicProvider
from compiled_ai.providers.base import CompletionRequest, Message
from compiled_ai.providers.registry import make_provider
from compiled_ai.providers.retry import RetryPolicy
from compiled_ai.settings import load_settings
from tests.providers.loopback import Script, scripted_server

pytest.importorskip("anthropic")

REQUEST = CompletionRequest(messages=(
    Message(role="system", content="You write Python."),
    Message(role="user", content="Write add(a, b)."),
), max_tokens=50)


def _message(text: str) -> tuple[int, dict[str, str], dict[str, Any]]:
    return (200, {}, {
        "id": "msg_01", "type": "message", "role": "assistant", "model": "claude-test-1",
        "content": [{"type": "text", "text": text}], "stop_reason": "end_turn",
        "stop_sequence": None, "usage": {"input_tokens": 31, "output_tokens": 12}})


def _error(status: int, kind: str, headers: dict[str, str] | None = None) -> tuple[
        int, dict[str, str], dict[str, Any]]:
    return (status, headers or {}, {"type": "error", "error": {"type": kind, "message": kind}})


def _provider(url: str, attempts: int = 4) -> AnthropicProvider:
    return AnthropicProvider("claude-test-1", "sk-test", base_url=url, timeout=5.0,
                             retry=RetryPolicy(attempts=attempts, base_delay=0.05, max_delay=1))


def test_messages_call_carries_system_prompt_and_reports_the_servers_usage_scripted() -> None:
    script = Script([_message("def add(a, b):\n    return a + b\n")])
    with scripted_server(script) as url:
        completion = _provider(url).complete(REQUEST)
    assert completion.text.startswith("def add")
    assert (completion.usage.input_tokens, completion.usage.output_tokens) == (31, 12)
    assert completion.model == "claude-test-1"
    sent = script.requests[0]
    assert sent["path"] == "/v1/messages"
    headers = {k.lower(): v for k, v in sent["headers"].items()}
    key_sent = headers.get("x-api-key") or headers.get("authorization", "").removeprefix("Bearer ")
    assert key_sent == "sk-test"  # the header depends on the SDK version
    assert sent["body"]["system"] == "You write Python."
    assert sent["body"]["messages"] == [{"role": "user", "content": "Write add(a, b)."}]
    assert sent["body"]["max_tokens"] == 50
    assert sent["body"].get("temperature", 0.0) == 0.0  # sent where the SDK still offers it


def test_rate_limit_and_overload_are_retried_by_our_policy_not_the_sdks_scripted() -> None:
    script = Script([_error(429, "rate_limit_error", {"retry-after": "0.3"}),
                     _error(529, "overloaded_error"), _message("ok")])
    with scripted_server(script) as url:
        assert _provider(url).complete(REQUEST).text == "ok"
    assert len(script.requests) == 3
    assert script.requests[1]["at"] - script.requests[0]["at"] >= 0.3  # Retry-After honoured
    assert script.requests[2]["at"] - script.requests[1]["at"] >= 0.1  # second wait: 2 x base


def test_gives_up_with_one_line_after_the_last_attempt_scripted() -> None:
    script = Script([_error(503, "api_error")] * 2 + [_message("too late")])
    with scripted_server(script) as url, pytest.raises(ProviderError) as caught:
        _provider(url, attempts=2).complete(REQUEST)
    assert "\n" not in str(caught.value)
    assert "HTTP 503" in str(caught.value) and "gave up after 2 attempts" in str(caught.value)
    assert len(script.requests) == 2  # the SDK's own retries are off


def test_bad_request_fails_at_once_scripted() -> None:
    script = Script([_error(400, "invalid_request_error"), _message("never")])
    with scripted_server(script) as url, pytest.raises(ProviderError, match="HTTP 400"):
        _provider(url).complete(REQUEST)
    assert len(script.requests) == 1


def test_registry_builds_it_from_settings_and_names_what_is_missing() -> None:
    env = {"HOME": "/tmp", "ANTHROPIC_API_KEY": "sk-x", "COMPILED_AI_ANTHROPIC_MODEL": "claude-x"}
    provider = make_provider("anthropic", load_settings(env))
    assert provider.identity.provider == "anthropic" and provider.identity.model == "claude-x"
    with pytest.raises(ConfigurationError, match="COMPILED_AI_ANTHROPIC_MODEL"):
        make_provider("anthropic", load_settings({"HOME": "/tmp", "ANTHROPIC_API_KEY": "k"}))
    with pytest.raises(ConfigurationError, match="ANTHROPIC_API_KEY"):
        make_provider("anthropic", load_settings({"HOME": "/tmp",
                                                  "COMPILED_AI_ANTHROPIC_MODEL": "m"}))


def test_missing_sdk_gives_an_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def without_anthropic(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "anthropic":
            raise ImportError("No module named 'anthropic'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_anthropic)
    with pytest.raises(ConfigurationError, match=r"pip install 'compiled-ai\[anthropic\]'"):
        AnthropicProvider("m", "k")
