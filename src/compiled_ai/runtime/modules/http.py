"""HTTP for ``call`` steps: JSON in and out, an allow-list of hosts, retry with backoff.

A URL whose host is not on the allow-list is refused before any connection is made;
redirects are not followed (a redirect could leave the allow-list), credentials in
URLs are refused. Transport errors, 429 and 5xx answers are retried with
exponential backoff (a numeric Retry-After is honoured, capped).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from compiled_ai.errors import StepExecutionError

if TYPE_CHECKING:  # httpx is imported by runs that configure HTTP, not by every run
    import httpx

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER_S = 30.0


class ModuleRefused(StepExecutionError):
    """A module refused an operation its configuration does not allow."""


class HttpClient:
    OPERATIONS: ClassVar[frozenset[str]] = frozenset({"get_json", "post_json"})

    def __init__(self, allowed_hosts: Iterable[str], *, retries: int = 3,
                 backoff_s: float = 0.2, timeout_s: float = 10.0,
                 max_body_bytes: int = 1_000_000,
                 transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.allowed = {_normalise(entry) for entry in allowed_hosts}
        if not self.allowed:
            raise ValueError("an HTTP client needs at least one allowed host")
        self.retries = retries
        self.backoff_s = backoff_s
        self.max_body_bytes = max_body_bytes
        self._sleep = sleep
        import httpx

        self._transport_error = httpx.TransportError
        self._client = httpx.Client(timeout=timeout_s, follow_redirects=False,
                                    transport=transport, trust_env=False)

    def get_json(self, url: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """GET ``url``; the result is ``{"status": code, "body": parsed JSON or text}``."""
        return self._request("GET", url, params=params)

    def post_json(self, url: str, body: Any = None) -> dict[str, Any]:
        """POST ``body`` as JSON; the result is ``{"status": code, "body": ...}``."""
        return self._request("POST", url, json=body)

    def close(self) -> None:
        self._client.close()

    def check_url(self, url: str) -> None:
        """Refuse ``url`` unless it is http(s), without credentials, to an allowed host."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise ModuleRefused(f"http: refused {parts.scheme or 'relative'} URL (only http "
                                "and https)")
        if parts.username is not None or parts.password is not None:
            raise ModuleRefused("http: refused a URL with credentials in it")
        host = (parts.hostname or "").lower()
        try:
            port = parts.port
        except ValueError:
            raise ModuleRefused("http: refused a URL with an invalid port") from None
        if host not in self.allowed and f"{host}:{port}" not in self.allowed:
            raise ModuleRefused(f"http: host {host!r} is not on the allow-list")

    def _request(self, method: str, url: str, **options: Any) -> dict[str, Any]:
        self.check_url(url)
        problem = ""
        for attempt in range(self.retries + 1):
            wait = self.backoff_s * (2 ** attempt)
            try:
                response = self._client.request(method, url, **options)
            except self._transport_error as exc:
                problem = f"{type(exc).__name__}: {exc}"
            else:
                if response.status_code not in RETRY_STATUS:
                    return self._result(response)
                problem = f"HTTP {response.status_code}"
                wait = max(wait, _retry_after(response))
            if attempt < self.retries:
                self._sleep(wait)
        raise StepExecutionError(f"http: {method} {urlsplit(url).hostname} failed after "
                                 f"{self.retries + 1} attempt(s): {problem}")

    def _result(self, response: httpx.Response) -> dict[str, Any]:
        if len(response.content) > self.max_body_bytes:
            raise StepExecutionError(f"http: response body over {self.max_body_bytes} bytes")
        body: Any = response.text if response.content else None
        if body is not None and "json" in response.headers.get("content-type", ""):
            try:
                body = response.json()
            except ValueError:
                raise StepExecutionError("http: response says JSON but is not") from None
        return {"status": response.status_code, "body": body}


def _normalise(entry: str) -> str:
    entry = entry.strip().lower()
    if not entry or "/" in entry or "@" in entry:
        raise ValueError(f"allowed host {entry!r} must be a host name or host:port")
    return entry


def _retry_after(response: httpx.Response) -> float:
    value = response.headers.get("retry-after", "")
    try:
        return min(float(value), MAX_RETRY_AFTER_S)
    except ValueError:
        return 0.0
