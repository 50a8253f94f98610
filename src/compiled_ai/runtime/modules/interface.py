"""Give a compiled step the module operations it declares (``uses``), and only those.

The generated function receives ``modules`` (see ``runtime/_module_interface.py``);
here that object is built over a dispatch: the run's :class:`ModuleRegistry` at run
time, recorded replies at compile time and in replay. The registry enforces its own
allow-lists (hosts, read-only database) underneath; the interface adds the step's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from compiled_ai.runtime._module_interface import ModuleInterface
from compiled_ai.runtime.modules.registry import ModuleRegistry
from compiled_ai.spec.operations import bindings

Dispatch = Callable[[str, dict[str, Any]], dict[str, Any]]


def step_interface(uses: Sequence[str], dispatch: Dispatch) -> ModuleInterface:
    """The ``modules`` object for a step declaring ``uses``, answered by ``dispatch``."""
    return ModuleInterface(bindings(list(uses)), dispatch)


def registry_dispatch(registry: ModuleRegistry) -> Dispatch:
    """Module calls go to the run's configured modules."""
    return registry.call
