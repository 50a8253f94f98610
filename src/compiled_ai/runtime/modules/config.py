"""The run configuration that decides which modules exist and what they may reach.

YAML or JSON, e.g.::

    http: {allowed_hosts: [claims.example.org, "127.0.0.1:8080"], retries: 3}
    database: {path: members.sqlite}          # read-only unless writable: true
    notify: {outbox: outbox.jsonl}            # or webhook: https://... (via http)

Relative paths are taken from the configuration file's directory.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from compiled_ai._io import read_limited
from compiled_ai.errors import ConfigurationError
from compiled_ai.runtime.modules.database import Database
from compiled_ai.runtime.modules.http import HttpClient
from compiled_ai.runtime.modules.notify import Notifier
from compiled_ai.runtime.modules.registry import ModuleRegistry


class _Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HttpConfig(_Config):
    allowed_hosts: list[str] = Field(min_length=1)
    retries: int = Field(default=3, ge=0, le=10)
    backoff_s: float = Field(default=0.2, ge=0, le=30)
    timeout_s: float = Field(default=10.0, gt=0, le=300)


class DatabaseConfig(_Config):
    path: Path
    writable: bool = False


class NotifyConfig(_Config):
    outbox: Path | None = None
    webhook: str | None = None


class ModulesConfig(_Config):
    http: HttpConfig | None = None
    database: DatabaseConfig | None = None
    notify: NotifyConfig | None = None


def build_registry(config: ModulesConfig, base: Path = Path(".")) -> ModuleRegistry:
    registry = ModuleRegistry()
    http = None
    if config.http is not None:
        try:
            http = HttpClient(config.http.allowed_hosts, retries=config.http.retries,
                              backoff_s=config.http.backoff_s, timeout_s=config.http.timeout_s)
        except ValueError as exc:
            raise ConfigurationError(f"http: {exc}") from None
        registry.register("http", http)
    if config.database is not None:
        registry.register("database", Database(base / config.database.path,
                                               writable=config.database.writable))
    if config.notify is not None:
        outbox = base / config.notify.outbox if config.notify.outbox is not None else None
        registry.register("notify", Notifier(outbox=outbox, webhook=config.notify.webhook,
                                             http=http))
    return registry


def load_modules(path: str | Path) -> ModuleRegistry:
    """Read a module configuration file; any problem is one ConfigurationError line."""
    path = Path(path)
    raw = read_limited(path, 1_000_000, ConfigurationError)
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
        config = ModulesConfig.model_validate(data or {})
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigurationError(f"{path}: not a readable YAML/JSON file: "
                                 f"{str(exc).splitlines()[0]}") from None
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        raise ConfigurationError(f"{path}: {where}: {error['msg']}") from None
    return build_registry(config, path.parent)
