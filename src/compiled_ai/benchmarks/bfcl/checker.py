"""BFCL's own AST checker, imported without the SDKs its package drags in.

``bfcl_eval.eval_checker.ast_eval.ast_checker`` imports
``bfcl_eval.constants.model_config``, which imports every model handler (openai,
anthropic, cohere, mistralai, google-genai, qwen-agent, torch through
sentence-transformers, ...). The checker reads exactly one thing from it:
``MODEL_CONFIG_MAPPING[model].underscore_to_dot``, which says whether the model under
test writes ``math.factorial`` as ``math_factorial`` (function-calling APIs that forbid
dots). Our predictions keep the dots, so we register one model name whose config says
``underscore_to_dot=False`` in a stand-in module, and the checker's scoring code runs
unchanged. Nothing else in the package is replaced.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from compiled_ai.benchmarks.bfcl.data import CATEGORY, BfclItem, package_dir

CHECKER_MODEL_NAME = "compiled-ai"  # keeps dots in function names (underscore_to_dot=False)
_CONFIG_MODULE = "bfcl_eval.constants.model_config"


@dataclass(frozen=True)
class _CheckerModelConfig:
    underscore_to_dot: bool = False


@dataclass(frozen=True)
class Verdict:
    valid: bool
    error: str | None = None
    error_type: str | None = None


_checker: Callable[..., dict[str, Any]] | None = None
_python: Any = None


def _load() -> tuple[Callable[..., dict[str, Any]], Any]:
    global _checker, _python
    if _checker is None:
        package_dir()  # a one-line install hint if bfcl-eval is missing
        existing = sys.modules.get(_CONFIG_MODULE)
        if existing is None:
            stand_in = types.ModuleType(_CONFIG_MODULE)
            stand_in.__doc__ = "compiled-ai stand-in: only what ast_checker reads."
            stand_in.MODEL_CONFIG_MAPPING = {  # type: ignore[attr-defined]
                CHECKER_MODEL_NAME: _CheckerModelConfig()}
            sys.modules[_CONFIG_MODULE] = stand_in
        else:  # the real module was imported by someone else: add our entry to it
            existing.MODEL_CONFIG_MAPPING.setdefault(CHECKER_MODEL_NAME, _CheckerModelConfig())
        from bfcl_eval.constants.enums import Language
        from bfcl_eval.eval_checker.ast_eval.ast_checker import ast_checker

        _checker, _python = ast_checker, Language.PYTHON
    return _checker, _python


def check(item: BfclItem, calls: list[dict[str, Any]]) -> Verdict:
    """Score ``calls`` (``[{function_name: {argument: value}}]``) against the item."""
    checker, python = _load()
    result = checker([item.function], calls, item.possible_answer, python, CATEGORY,
                     CHECKER_MODEL_NAME)
    if result.get("valid"):
        return Verdict(valid=True)
    errors = result.get("error") or []
    message = "; ".join(str(e) for e in errors) if isinstance(errors, list) else str(errors)
    return Verdict(valid=False, error=message or None, error_type=result.get("error_type"))
