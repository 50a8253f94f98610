"""The provider protocol: messages in, text and token usage out.

Everything that talks to a model implements :class:`Provider`. A request is a plain
pydantic model so that it has one canonical JSON form; its SHA-256 is the key under
which the compile log records the answer and the replay provider finds it again.
"""

from __future__ import annotations

from typing import Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

from compiled_ai.artifacts.canonical import sha256_json

DEFAULT_SEED = 1234


class Message(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    role: Literal["system", "user", "assistant"]
    content: str


class CompletionRequest(BaseModel):
    """One chat request. Temperature 0 and a fixed seed keep compiles repeatable."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    messages: tuple[Message, ...]
    temperature: float = 0.0
    seed: int = DEFAULT_SEED
    max_tokens: int = Field(default=1024, gt=0)

    def key(self) -> str:
        """sha256 of the canonical request: the compile log's lookup key."""
        return sha256_json(self.model_dump(mode="json"))


class Usage(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    input_tokens: int = 0
    output_tokens: int = 0

    @property
    def total(self) -> int:
        return self.input_tokens + self.output_tokens


class Completion(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    text: str
    usage: Usage
    model: str


class ProviderIdentity(BaseModel):
    """What the manifest records about the model that wrote the code."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    provider: str
    model: str
    model_sha256: str | None = None


@runtime_checkable
class Provider(Protocol):
    """A chat model. ``identity`` is recorded in every artifact it helps build."""

    @property
    def identity(self) -> ProviderIdentity: ...

    def complete(self, request: CompletionRequest) -> Completion: ...
