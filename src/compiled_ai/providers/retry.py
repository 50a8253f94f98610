"""Retry a model call on rate limits and transient failures, on a fixed schedule.

The schedule is deterministic (no jitter): wait ``base_delay * 2**(n-1)`` seconds
before retry ``n``, capped at ``max_delay``; a server's ``Retry-After`` replaces
the computed wait (also capped). A compile is a single client making a handful of
calls, so the thundering-herd problem jitter solves does not arise, and a fixed
schedule makes failures reproducible and testable.

Each provider says which of its failures are transient by turning them into a
:class:`Transient`; anything else propagates at once. After the last attempt the
caller gets one :class:`ProviderError` line naming the endpoint, the last failure
and the number of attempts.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from compiled_ai.errors import ConfigurationError, ProviderError

T = TypeVar("T")

# 429 rate limited; 5xx server trouble; 529 is Anthropic's "overloaded"
TRANSIENT_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504, 529})


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4  # total calls, the first one included
    base_delay: float = 1.0
    max_delay: float = 30.0

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ConfigurationError(f"retry attempts must be at least 1, not {self.attempts}")
        if self.base_delay < 0 or self.max_delay < 0:
            raise ConfigurationError("retry delays must not be negative")

    def delay(self, retry: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``retry`` (1-based)."""
        wait = retry_after if retry_after is not None else self.base_delay * 2 ** (retry - 1)
        return max(0.0, min(wait, self.max_delay))


class Transient(Exception):  # noqa: N818 - a signal between a provider and the retry loop
    """A failure worth retrying; ``retry_after`` is the server's hint in seconds."""

    def __init__(self, description: str, retry_after: float | None = None) -> None:
        super().__init__(description)
        self.description = description
        self.retry_after = retry_after


def parse_retry_after(headers: Mapping[str, str] | None) -> float | None:
    """``Retry-After`` as seconds: either a number or an HTTP date; None if absent or bad."""
    if not headers:
        return None
    value = headers.get("retry-after") or headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def with_retry(call: Callable[[], T], policy: RetryPolicy, where: str,
               sleep: Callable[[float], None] = time.sleep) -> T:
    """Run ``call``; on :class:`Transient`, wait per ``policy`` and try again."""
    for attempt in range(1, policy.attempts + 1):
        try:
            return call()
        except Transient as exc:
            if attempt == policy.attempts:
                raise ProviderError(f"{where}: {exc.description} (gave up after {attempt} "
                                    f"attempt{'s' if attempt > 1 else ''})") from None
            sleep(policy.delay(attempt, exc.retry_after))
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises
