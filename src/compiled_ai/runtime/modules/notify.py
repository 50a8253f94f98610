"""Notifications for ``call`` steps: append to a local outbox, or post to a webhook.

The webhook goes through the allow-listed HTTP client, so it is held to the same
host list. The notification id is the sha256 of the canonical message: the same
message gives the same id, which keeps runs replayable.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any, ClassVar

from compiled_ai.artifacts.canonical import sha256_json
from compiled_ai.errors import ConfigurationError, StepExecutionError
from compiled_ai.runtime.modules.http import HttpClient


class Notifier:
    OPERATIONS: ClassVar[frozenset[str]] = frozenset({"send"})

    def __init__(self, *, outbox: str | Path | None = None, webhook: str | None = None,
                 http: HttpClient | None = None) -> None:
        if outbox is None and webhook is None:
            raise ConfigurationError("notify needs an outbox file or a webhook")
        if webhook is not None:
            if http is None:
                raise ConfigurationError("a notify webhook needs the http module configured")
            http.check_url(webhook)
        self.outbox = Path(outbox) if outbox is not None else None
        self.webhook = webhook
        self._http = http
        self._lock = threading.Lock()

    def send(self, channel: str, subject: str, body: Any = None) -> dict[str, Any]:
        """Deliver one message; the result is ``{"notification_id": ...}``."""
        message = {"channel": channel, "subject": subject, "body": body}
        identifier = sha256_json(message)[:16]
        if self.outbox is not None:
            line = json.dumps({"id": identifier, **message}, sort_keys=True) + "\n"
            with self._lock, open(self.outbox, "a", encoding="utf-8") as outbox:
                outbox.write(line)
                outbox.flush()
                os.fsync(outbox.fileno())
        if self.webhook is not None:
            assert self._http is not None
            answer = self._http.post_json(self.webhook, {"id": identifier, **message})
            if not 200 <= answer["status"] < 300:
                raise StepExecutionError(f"notify: webhook answered HTTP {answer['status']}")
        return {"notification_id": identifier}
