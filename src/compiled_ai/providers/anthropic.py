"""Anthropic's Messages API through the official ``anthropic`` SDK (an optional extra).

The SDK is imported only when this provider is built, so compiled-ai installs and
runs without it; a missing SDK is a ConfigurationError with the install command.
The SDK's own retries are switched off (``max_retries=0``) and ours apply instead,
so every remote provider follows the same, documented schedule. Token usage is the
response's own ``usage.input_tokens`` and ``usage.output_tokens``.

The Messages API has no ``seed``, and recent SDKs no longer offer ``temperature``;
it is sent only where the installed SDK still accepts it. The compile log keeps the
exact answer, so a compile is reproducible by replay even where the model is not.
"""

from __future__ import annotations

import inspect
from typing import Any

from compiled_ai.errors import ConfigurationError, ProviderError
from compiled_ai.providers.base import Completion, CompletionRequest, ProviderIdentity, Usage
from compiled_ai.providers.retry import (
    TRANSIENT_STATUS,
    RetryPolicy,
    Transient,
    parse_retry_after,
    with_retry,
)

INSTALL_HINT = "pip install 'compiled-ai[anthropic]'"


class AnthropicProvider:
    def __init__(self, model: str, api_key: str | None, base_url: str | None = None,
                 timeout: float = 300.0, retry: RetryPolicy | None = None) -> None:
        try:
            import anthropic
        except ImportError:
            raise ConfigurationError(
                f"--provider anthropic needs the anthropic SDK: {INSTALL_HINT}") from None
        if not api_key:
            raise ConfigurationError("--provider anthropic needs ANTHROPIC_API_KEY")
        self._sdk = anthropic
        self._client = anthropic.Anthropic(api_key=api_key, base_url=base_url, timeout=timeout,
                                           max_retries=0)
        self._sends_temperature = "temperature" in inspect.signature(
            self._client.messages.create).parameters
        self._where = f"anthropic {base_url or 'api'} ({model})"
        self._retry = retry or RetryPolicy()
        self._identity = ProviderIdentity(provider="anthropic", model=model)

    @property
    def identity(self) -> ProviderIdentity:
        return self._identity

    def complete(self, request: CompletionRequest) -> Completion:
        system = "\n\n".join(m.content for m in request.messages if m.role == "system")
        arguments: dict[str, Any] = {
            "model": self._identity.model,
            "max_tokens": request.max_tokens,
            "messages": [{"role": m.role, "content": m.content}
                         for m in request.messages if m.role != "system"],
        }
        if system:
            arguments["system"] = system
        if self._sends_temperature:
            arguments["temperature"] = request.temperature
        message = with_retry(lambda: self._create(arguments), self._retry, self._where)
        try:
            text = "".join(block.text for block in message.content
                           if getattr(block, "type", None) == "text")
            usage = Usage(input_tokens=int(message.usage.input_tokens),
                          output_tokens=int(message.usage.output_tokens))
            return Completion(text=text, usage=usage, model=str(message.model))
        except (AttributeError, TypeError, ValueError) as exc:
            raise ProviderError(f"{self._where}: unexpected response ({exc})") from None

    def _create(self, arguments: dict[str, Any]) -> Any:
        sdk = self._sdk
        try:
            return self._client.messages.create(**arguments)
        except sdk.APIStatusError as exc:
            detail = f"HTTP {exc.status_code}: {' '.join(str(exc.message).split())[:200]}"
            if exc.status_code in TRANSIENT_STATUS:
                raise Transient(detail, parse_retry_after(exc.response.headers)) from None
            raise ProviderError(f"{self._where}: {detail}") from None
        except sdk.APIConnectionError as exc:  # includes APITimeoutError
            raise Transient(f"{type(exc).__name__}: {exc}") from None
        except sdk.AnthropicError as exc:
            raise ProviderError(f"{self._where}: {type(exc).__name__}: {exc}") from None
