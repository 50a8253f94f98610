"""The embedded default: a GGUF model run on the CPU in-process through llama.cpp.

Bindings: ``xllamacpp`` (prebuilt CPU wheels, an in-process OpenAI-style server).
Measured against llama-cpp-python in benchmarks/bindings/; see the README for why.
Requests are sent with temperature 0, a fixed seed and prompt caching off, so the
same request gives the same text.
"""

from __future__ import annotations

from typing import Any

from compiled_ai.errors import ConfigurationError, ProviderError
from compiled_ai.providers.base import Completion, CompletionRequest, ProviderIdentity, Usage
from compiled_ai.providers.model_files import ModelFile

CONTEXT_TOKENS = 8192


class LocalProvider:
    def __init__(self, model: ModelFile, threads: int = 2) -> None:
        self._model = model
        self._threads = max(1, threads)
        self._server: Any = None
        self._identity = ProviderIdentity(
            provider="local", model=model.name, model_sha256=model.sha256
        )

    @property
    def identity(self) -> ProviderIdentity:
        return self._identity

    def _load(self) -> Any:
        if self._server is None:
            try:
                import xllamacpp
            except ImportError:
                raise ConfigurationError(
                    "the local provider needs xllamacpp: pip install xllamacpp"
                ) from None
            params = xllamacpp.CommonParams()
            params.model.path = str(self._model.path)
            params.n_ctx = CONTEXT_TOKENS
            params.n_parallel = 1
            params.cpuparams.n_threads = self._threads
            params.cpuparams_batch.n_threads = self._threads
            params.verbosity = -1  # llama.cpp logs to stderr otherwise
            try:
                self._server = xllamacpp.Server(params)
            except Exception as exc:  # the binding raises plain RuntimeError
                raise ProviderError(f"local model {self._model.name}: {exc}") from None
        return self._server

    def complete(self, request: CompletionRequest) -> Completion:
        body = {
            "messages": [m.model_dump() for m in request.messages],
            "temperature": request.temperature,
            "seed": request.seed,
            "max_tokens": request.max_tokens,
            "cache_prompt": False,
        }
        result = self._load().handle_chat_completions(body)
        if not isinstance(result, dict) or "choices" not in result:
            raise ProviderError(f"local model returned an error: {str(result)[:300]}")
        usage = result.get("usage", {})
        return Completion(
            text=result["choices"][0]["message"]["content"] or "",
            usage=Usage(
                input_tokens=int(usage.get("prompt_tokens", 0)),
                output_tokens=int(usage.get("completion_tokens", 0)),
            ),
            model=self._model.name,
        )
