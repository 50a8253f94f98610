"""Any server speaking the OpenAI chat-completions API (vLLM, Ollama, llama.cpp server).

Token usage comes from the server's own ``usage`` counts. Rate limits (429), server
errors (5xx) and connection or read timeouts are retried on the schedule of
:mod:`compiled_ai.providers.retry`; other HTTP errors (400, 401, 404) fail at once.
"""

from __future__ import annotations

from typing import Any

import httpx

from compiled_ai.errors import ProviderError
from compiled_ai.providers.base import Completion, CompletionRequest, ProviderIdentity, Usage
from compiled_ai.providers.retry import (
    TRANSIENT_STATUS,
    RetryPolicy,
    Transient,
    parse_retry_after,
    with_retry,
)


class OpenAICompatibleProvider:
    def __init__(
        self, base_url: str, model: str, api_key: str | None = None, timeout: float = 300.0,
        retry: RetryPolicy | None = None,
    ) -> None:
        self._url = base_url.rstrip("/") + "/chat/completions"
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._timeout = timeout
        self._retry = retry or RetryPolicy()
        self._identity = ProviderIdentity(provider="openai-compatible", model=model)

    @property
    def identity(self) -> ProviderIdentity:
        return self._identity

    def complete(self, request: CompletionRequest) -> Completion:
        body = {
            "model": self._identity.model,
            "messages": [m.model_dump() for m in request.messages],
            "temperature": request.temperature,
            "seed": request.seed,
            "max_tokens": request.max_tokens,
        }
        data = with_retry(lambda: self._post(body), self._retry, self._url)
        try:
            usage = data.get("usage") or {}
            return Completion(
                text=data["choices"][0]["message"]["content"] or "",
                usage=Usage(input_tokens=int(usage.get("prompt_tokens", 0)),
                            output_tokens=int(usage.get("completion_tokens", 0))),
                model=str(data.get("model") or self._identity.model),
            )
        except (AttributeError, KeyError, IndexError, TypeError, ValueError) as exc:
            raise ProviderError(f"{self._url}: unexpected response ({exc!r})") from None

    def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        """One HTTP call; transient failures become :class:`Transient` for the retry loop."""
        try:
            response = httpx.post(self._url, json=body, headers=self._headers,
                                  timeout=self._timeout)
        except (httpx.TimeoutException, httpx.ConnectError, httpx.RemoteProtocolError,
                httpx.ReadError) as exc:
            raise Transient(f"{type(exc).__name__}: {exc}") from None
        except httpx.HTTPError as exc:
            raise ProviderError(f"{self._url}: {type(exc).__name__}: {exc}") from None
        if response.status_code in TRANSIENT_STATUS:
            raise Transient(_describe(response), parse_retry_after(response.headers))
        if response.status_code >= 400:
            raise ProviderError(f"{self._url}: {_describe(response)}")
        try:
            data = response.json()
        except ValueError:
            raise ProviderError(f"{self._url}: response is not JSON "
                                f"({response.text[:120]!r})") from None
        if not isinstance(data, dict):
            raise ProviderError(f"{self._url}: unexpected response (not a JSON object)")
        return data


def _describe(response: httpx.Response) -> str:
    """``HTTP 503 Service Unavailable: <first 200 chars of the body>`` on one line."""
    detail = " ".join(response.text.split())[:200]
    return f"HTTP {response.status_code} {response.reason_phrase}" + (f": {detail}"
                                                                      if detail else "")
