"""Build a provider from its name and the settings: used by the CLI and benchmarks."""

from __future__ import annotations

from pathlib import Path

from compiled_ai.errors import ConfigurationError
from compiled_ai.providers.base import Provider
from compiled_ai.providers.retry import RetryPolicy
from compiled_ai.settings import Settings

PROVIDER_NAMES = ("local", "replay", "openai", "anthropic")


def make_provider(name: str, settings: Settings, replay_from: Path | None = None) -> Provider:
    if name == "local":
        from compiled_ai.providers.local import LocalProvider
        from compiled_ai.providers.model_files import resolve_model

        return LocalProvider(resolve_model(settings.model, settings.cache), settings.threads)
    if name == "replay":
        from compiled_ai.providers.replay import ReplayProvider

        if replay_from is None:
            raise ConfigurationError("--provider replay needs --replay-from ARTIFACT_OR_LOG")
        return ReplayProvider.from_path(replay_from)
    if name == "openai":
        from compiled_ai.providers.openai_compatible import OpenAICompatibleProvider

        if not settings.base_url or not settings.remote_model:
            raise ConfigurationError(
                "--provider openai needs COMPILED_AI_BASE_URL and COMPILED_AI_REMOTE_MODEL"
            )
        return OpenAICompatibleProvider(settings.base_url, settings.remote_model,
                                        settings.api_key, retry=retry_policy(settings))
    if name == "anthropic":
        from compiled_ai.providers.anthropic import AnthropicProvider

        if not settings.anthropic_model:
            raise ConfigurationError("--provider anthropic needs COMPILED_AI_ANTHROPIC_MODEL "
                                     "(for example claude-sonnet-4-5)")
        return AnthropicProvider(settings.anthropic_model, settings.anthropic_api_key,
                                 settings.anthropic_base_url, retry=retry_policy(settings))
    choices = ", ".join(PROVIDER_NAMES)
    raise ConfigurationError(f"unknown provider {name!r}; choose one of {choices}")


def retry_policy(settings: Settings) -> RetryPolicy:
    return RetryPolicy(attempts=settings.retry_attempts, base_delay=settings.retry_base_delay,
                       max_delay=settings.retry_max_delay)
