"""Any server speaking the OpenAI chat-completions API (vLLM, Ollama, llama.cpp server).

Token usage comes from the server's own ``usage`` counts.
"""

from __future__ import annotations

import httpx

from compiled_ai.errors import ProviderError
from compiled_ai.providers.base import Completion, CompletionRequest, ProviderIdentity, Usage


class OpenAICompatibleProvider:
    def __init__(
        self, base_url: str, model: str, api_key: str | None = None, timeout: float = 300.0
    ) -> None:
        self._url = base_url.rstrip("/") + "/chat/completions"
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._timeout = timeout
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
        try:
            response = httpx.post(self._url, json=body, headers=self._headers,
                                  timeout=self._timeout)
            response.raise_for_status()
            data = response.json()
            usage = data.get("usage") or {}
            return Completion(
                text=data["choices"][0]["message"]["content"] or "",
                usage=Usage(input_tokens=int(usage.get("prompt_tokens", 0)),
                            output_tokens=int(usage.get("completion_tokens", 0))),
                model=str(data.get("model") or self._identity.model),
            )
        except httpx.HTTPError as exc:
            raise ProviderError(f"{self._url}: {exc}") from None
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise ProviderError(f"{self._url}: unexpected response ({exc})") from None
