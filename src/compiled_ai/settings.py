"""The one place compiled-ai reads its environment.

Every other module receives these values as arguments; nothing keeps global state.

  COMPILED_AI_HOME     data directory (audit log, review queue); default $XDG_DATA_HOME/compiled-ai
  COMPILED_AI_CACHE    cache directory (assembled model files, mypy cache);
                       default $XDG_CACHE_HOME/compiled-ai
  COMPILED_AI_MODEL    local model: a preset name (qwen2.5-coder-0.5b, qwen2.5-coder-1.5b)
                       or the path of any GGUF file; default qwen2.5-coder-0.5b
  COMPILED_AI_THREADS  CPU threads for the local model; default: all cores
  COMPILED_AI_BASE_URL / COMPILED_AI_API_KEY / COMPILED_AI_REMOTE_MODEL
                       the OpenAI-compatible endpoint used by ``--provider openai``
  ANTHROPIC_API_KEY / COMPILED_AI_ANTHROPIC_MODEL / COMPILED_AI_ANTHROPIC_BASE_URL
                       ``--provider anthropic`` (the base URL is optional)
  COMPILED_AI_RETRY_ATTEMPTS / COMPILED_AI_RETRY_BASE_DELAY / COMPILED_AI_RETRY_MAX_DELAY
                       retry of remote model calls on 429, 5xx and timeouts:
                       total attempts (4), first wait in seconds (1.0), longest wait (30)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from compiled_ai.errors import ConfigurationError

N = TypeVar("N", int, float)


DEFAULT_LOCAL_MODEL = "qwen2.5-coder-0.5b"  # the embedded model every committed result used


@dataclass(frozen=True)
class Settings:
    home: Path
    cache: Path
    model: str
    threads: int
    base_url: str | None
    api_key: str | None
    remote_model: str | None
    anthropic_api_key: str | None = None
    anthropic_model: str | None = None
    anthropic_base_url: str | None = None
    retry_attempts: int = 4
    retry_base_delay: float = 1.0
    retry_max_delay: float = 30.0

    @property
    def audit_db(self) -> Path:
        return self.home / "audit.sqlite"

    @property
    def review_db(self) -> Path:
        """The human-review queue of bounded steps (holds inputs, which may be PHI)."""
        return self.home / "review.sqlite"


def load_settings(env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    home_dir = Path(env.get("HOME", str(Path.home())))
    data = Path(env.get("XDG_DATA_HOME") or home_dir / ".local" / "share")
    cache = Path(env.get("XDG_CACHE_HOME") or home_dir / ".cache")
    return Settings(
        home=Path(env.get("COMPILED_AI_HOME") or data / "compiled-ai"),
        cache=Path(env.get("COMPILED_AI_CACHE") or cache / "compiled-ai"),
        model=env.get("COMPILED_AI_MODEL") or DEFAULT_LOCAL_MODEL,
        threads=int(env.get("COMPILED_AI_THREADS") or os.cpu_count() or 1),
        base_url=env.get("COMPILED_AI_BASE_URL"),
        api_key=env.get("COMPILED_AI_API_KEY"),
        remote_model=env.get("COMPILED_AI_REMOTE_MODEL"),
        anthropic_api_key=env.get("ANTHROPIC_API_KEY"),
        anthropic_model=env.get("COMPILED_AI_ANTHROPIC_MODEL"),
        anthropic_base_url=env.get("COMPILED_AI_ANTHROPIC_BASE_URL"),
        retry_attempts=_number(env, "COMPILED_AI_RETRY_ATTEMPTS", 4, int),
        retry_base_delay=_number(env, "COMPILED_AI_RETRY_BASE_DELAY", 1.0, float),
        retry_max_delay=_number(env, "COMPILED_AI_RETRY_MAX_DELAY", 30.0, float),
    )


def _number(env: dict[str, str], name: str, default: N, kind: Callable[[str], N]) -> N:
    """A numeric setting; a malformed one is a one-line ConfigurationError, not a traceback."""
    raw = env.get(name)
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ConfigurationError(f"{name}={raw!r} is not a valid {kind.__name__}") from None
    if value < 0:  # type: ignore[operator]
        raise ConfigurationError(f"{name}={raw!r} must not be negative")
    return value
