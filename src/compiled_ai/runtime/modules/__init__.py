"""Modules offered to workflows through injected, allow-listed interfaces.

Generated code never imports I/O: a ``call`` step names a module operation and the
runtime invokes it on the object the run was configured with (``config.py``). The
modules themselves (``http``, ``database``, ``notify``) are imported from their own
files, only by runs that configure them.
"""

from compiled_ai.runtime.modules.registry import Module, ModuleRegistry

__all__ = ["Module", "ModuleRegistry"]
