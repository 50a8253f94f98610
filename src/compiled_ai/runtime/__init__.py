"""The runtime: verify an artifact, run it on inputs, record an audit trail.

It never imports ``compiled_ai.compiler`` or a concrete provider (a test enforces it):
running a compiled workflow needs no model and no compiler.
"""

from compiled_ai.runtime.executor import RunResult, Workflow
from compiled_ai.runtime.service import open_workflow, run_once

__all__ = ["RunResult", "Workflow", "open_workflow", "run_once"]
