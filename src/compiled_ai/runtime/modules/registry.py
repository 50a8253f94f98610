"""The modules a workflow's ``call`` steps may use, injected by whoever runs it.

A module is an object with an allow-list of operation names (``OPERATIONS``); only
those methods can be called, with keyword arguments, and each returns a dict of
result fields. Which modules exist, and what they may reach (hosts, database file,
outbox), is decided by the run's configuration, never by generated code.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Protocol

from compiled_ai.errors import ConfigurationError, StepExecutionError


class Module(Protocol):
    OPERATIONS: ClassVar[frozenset[str]]


class ModuleRegistry:
    """Module name -> module object; ``call('http.get_json', {...})`` dispatches."""

    def __init__(self, modules: Mapping[str, Any] | None = None) -> None:
        self._modules: dict[str, Any] = dict(modules or {})

    def register(self, name: str, module: Any) -> None:
        self._modules[name] = module

    def check(self, operation: str) -> None:
        """Refuse, before anything runs, an operation this run does not provide."""
        name, _, op = operation.partition(".")
        module = self._modules.get(name)
        if module is None:
            raise ConfigurationError(
                f"the workflow calls {operation!r}, but no module {name!r} is configured for "
                f"this run (configured: {', '.join(sorted(self._modules)) or 'none'})")
        if op not in getattr(module, "OPERATIONS", frozenset()):
            raise ConfigurationError(
                f"module {name!r} has no operation {op!r} "
                f"(available: {', '.join(sorted(module.OPERATIONS))})")

    def call(self, operation: str, arguments: dict[str, Any]) -> dict[str, Any]:
        self.check(operation)
        name, _, op = operation.partition(".")
        method = getattr(self._modules[name], op)
        try:
            result = method(**arguments)
        except TypeError as exc:
            raise StepExecutionError(f"{operation}: bad arguments: {exc}") from None
        if not isinstance(result, dict):
            raise StepExecutionError(f"{operation} returned {type(result).__name__}, not a dict")
        return result

    def close(self) -> None:
        for module in self._modules.values():
            closer = getattr(module, "close", None)
            if callable(closer):
                closer()
