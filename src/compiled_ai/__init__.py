"""compiled-ai: an LLM writes narrow business logic once, at compile time; four validation
stages turn it into a hash-verified artifact; the workflow then runs as plain,
deterministic code with zero model tokens and a hash-chained audit log.
"""

from compiled_ai._version import __version__
from compiled_ai.errors import CompiledAIError
from compiled_ai.runtime import RunResult, Workflow, open_workflow, run_once
from compiled_ai.spec import Spec, load_spec

__all__ = [
    "CompiledAIError",
    "RunResult",
    "Spec",
    "Workflow",
    "__version__",
    "load_spec",
    "open_workflow",
    "run_once",
]
