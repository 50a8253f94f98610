"""Answer requests from a recorded compile log; never fall back to a live model.

Replaying a compile reproduces it byte for byte: same requests (the compiler is
deterministic given the same answers), so same keys, so same answers. A request the
log does not hold means the spec, templates or compiler changed; that is an error.
"""

from __future__ import annotations

from pathlib import Path

from compiled_ai.artifacts.compile_log import CompileLog
from compiled_ai.errors import ProviderError
from compiled_ai.providers.base import Completion, CompletionRequest, ProviderIdentity


class ReplayProvider:
    def __init__(self, log: CompileLog) -> None:
        self._identity = log.identity
        self._answers: dict[str, Completion] = {}
        for request, response in log.entries:
            self._answers.setdefault(request.key(), response)

    @classmethod
    def from_path(cls, path: str | Path) -> ReplayProvider:
        path = Path(path)
        if path.is_dir():
            path = path / "compile_log.jsonl"
        return cls(CompileLog.read(path))

    @property
    def identity(self) -> ProviderIdentity:
        """The recorded provider's identity, so a replayed artifact names the real model."""
        return self._identity

    def complete(self, request: CompletionRequest) -> Completion:
        try:
            return self._answers[request.key()]
        except KeyError:
            raise ProviderError(
                f"replay: request {request.key()[:19]}... is not in the compile log "
                "(the spec, templates or compiler changed since it was recorded)"
            ) from None
