"""Modules offered to workflows through injected, allow-listed interfaces.

Generated code never imports I/O: a ``call`` step names a module operation and the
runtime invokes it on the object the run was configured with.
"""

from compiled_ai.runtime.modules.registry import Module, ModuleRegistry

__all__ = ["Module", "ModuleRegistry"]
