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
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    home: Path
    cache: Path
    model: str
    threads: int
    base_url: str | None
    api_key: str | None
    remote_model: str | None

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
        model=env.get("COMPILED_AI_MODEL") or "qwen2.5-coder-0.5b",
        threads=int(env.get("COMPILED_AI_THREADS") or os.cpu_count() or 1),
        base_url=env.get("COMPILED_AI_BASE_URL"),
        api_key=env.get("COMPILED_AI_API_KEY"),
        remote_model=env.get("COMPILED_AI_REMOTE_MODEL"),
    )
