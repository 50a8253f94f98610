"""The compile log: every model request and response of one compilation, in order.

Format (JSON Lines, each line canonical JSON):
  line 1   {"format": "compiled-ai/compile-log", "version": 1, "identity": {...}}
  then     {"key": "sha256:...", "request": {...}, "response": {...}} per call

``key`` is the SHA-256 of the canonical request, so the replay provider can answer
the exact same request with the exact same text and token counts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from compiled_ai.artifacts.canonical import canonical_json
from compiled_ai.errors import ArtifactError
from compiled_ai.providers.base import Completion, CompletionRequest, ProviderIdentity

LOG_FORMAT = "compiled-ai/compile-log"
LOG_VERSION = 1


@dataclass
class CompileLog:
    identity: ProviderIdentity
    entries: list[tuple[CompletionRequest, Completion]] = field(default_factory=list)

    def to_bytes(self) -> bytes:
        header = {"format": LOG_FORMAT, "version": LOG_VERSION,
                  "identity": self.identity.model_dump(mode="json")}
        lines = [canonical_json(header)]
        for request, response in self.entries:
            lines.append(canonical_json({
                "key": request.key(),
                "request": request.model_dump(mode="json"),
                "response": response.model_dump(mode="json"),
            }))
        return b"\n".join(lines) + b"\n"

    @classmethod
    def read(cls, path: Path) -> CompileLog:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise ArtifactError(f"{path}: compile log not found") from None
        except OSError as exc:
            raise ArtifactError(f"{path}: unreadable compile log: {exc}") from None
        return cls.from_bytes(data, str(path))

    @classmethod
    def from_bytes(cls, data: bytes, source: str = "compile log") -> CompileLog:
        """Parse a log from bytes already in hand (e.g. an artifact's verified files)."""
        try:
            lines = data.decode("utf-8").splitlines()
            header = json.loads(lines[0])
            if header.get("format") != LOG_FORMAT or header.get("version") != LOG_VERSION:
                raise ValueError("not a compiled-ai compile log (version 1)")
            log = cls(identity=ProviderIdentity.model_validate(header["identity"]))
            for line in lines[1:]:
                record = json.loads(line)
                request = CompletionRequest.model_validate(record["request"])
                if request.key() != record["key"]:
                    raise ValueError("a record's key does not match its request")
                log.entries.append((request, Completion.model_validate(record["response"])))
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise ArtifactError(f"{source}: unreadable compile log: {exc}") from None
        return log
