"""A provider that answers from a queue of scripted texts: for tests only."""

from __future__ import annotations

from collections.abc import Iterable

from compiled_ai.errors import ProviderError
from compiled_ai.providers.base import Completion, CompletionRequest, ProviderIdentity, Usage


class ScriptedProvider:
    """Returns the queued answers in order and keeps every request it was sent."""

    def __init__(self, answers: Iterable[str], model: str = "scripted") -> None:
        self._answers = list(answers)
        self.requests: list[CompletionRequest] = []
        self._identity = ProviderIdentity(provider="scripted", model=model)

    @property
    def identity(self) -> ProviderIdentity:
        return self._identity

    def complete(self, request: CompletionRequest) -> Completion:
        if not self._answers:
            raise ProviderError("scripted provider: no answers left in the queue")
        self.requests.append(request)
        text = self._answers.pop(0)
        prompt_chars = sum(len(m.content) for m in request.messages)
        usage = Usage(input_tokens=prompt_chars // 4, output_tokens=len(text) // 4)
        return Completion(text=text, usage=usage, model=self._identity.model)
