"""Wrap a provider so that every call lands in a :class:`CompileLog`."""

from __future__ import annotations

from compiled_ai.artifacts.compile_log import CompileLog
from compiled_ai.providers.base import Completion, CompletionRequest, Provider, ProviderIdentity


class RecordingProvider:
    def __init__(self, inner: Provider) -> None:
        self.inner = inner
        self.log = CompileLog(identity=inner.identity)

    @property
    def identity(self) -> ProviderIdentity:
        return self.inner.identity

    def complete(self, request: CompletionRequest) -> Completion:
        response = self.inner.complete(request)
        self.log.entries.append((request, response))
        return response
