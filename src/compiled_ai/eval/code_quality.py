"""Quality of the generated step files: complexity, lint findings, type annotations.

Measured on each ``steps/<id>.py`` exactly as it sits in the artifact (the template
around the generated function included, so the figures describe what actually runs):
cyclomatic complexity from radon, the number of ruff findings under a broad, fixed
rule set (wider than the compile gate's, which only blocks real defects), and the
share of functions and parameters that carry type annotations.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections import Counter
from typing import Any

from radon.complexity import cc_visit
from radon.visitors import Class

from compiled_ai.errors import CompiledAIError

# pyflakes, pycodestyle, bugbear, pyupgrade, simplify, comprehensions, returns, pylint,
# naming: broad enough to notice untidy code, all of it reported, none of it fatal here
QUALITY_RUFF_RULES = "F,E,W,B,UP,SIM,C4,RET,PL,N"


def code_quality(step_files: dict[str, bytes]) -> dict[str, Any]:
    """Figures per step file (relative path -> source bytes) and over all of them."""
    per_step = {path: _file_quality(source.decode("utf-8"))
                for path, source in sorted(step_files.items())}
    functions = sum(q["functions"] for q in per_step.values())
    params = sum(q["params"] for q in per_step.values())
    complexities = [c for q in per_step.values() for c in q["complexities"].values()]
    return {
        "ruff_rules": QUALITY_RUFF_RULES,
        "files": per_step,
        "max_complexity": max(complexities, default=None),
        "mean_complexity": sum(complexities) / len(complexities) if complexities else None,
        "ruff_findings": sum(q["ruff_findings"] for q in per_step.values()),
        "annotated_functions_share": (
            sum(q["annotated_functions"] for q in per_step.values()) / functions
            if functions else None),
        "annotated_params_share": (
            sum(q["annotated_params"] for q in per_step.values()) / params if params else None),
    }


def _file_quality(source: str) -> dict[str, Any]:
    tree = ast.parse(source)
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    params = [a for f in functions for a in _parameters(f)]
    findings = ruff_findings(source)
    return {
        "complexities": _function_complexities(source),
        "ruff_findings": len(findings),
        "ruff_codes": dict(sorted(Counter(f["code"] for f in findings).items())),
        "functions": len(functions),
        "annotated_functions": sum(1 for f in functions if f.returns is not None),
        "params": len(params),
        "annotated_params": sum(1 for a in params if a.annotation is not None),
        "lines": len(source.splitlines()),
    }


def _function_complexities(source: str) -> dict[str, int]:
    """Per function and method; a class's own figure (the sum of its methods) is left out."""
    found: dict[str, int] = {}
    for block in cc_visit(source):
        for function in block.methods if isinstance(block, Class) else [block]:
            found[function.fullname] = function.complexity
    return found


def _parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.arg]:
    args = function.args
    listed = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    listed += [a for a in (args.vararg, args.kwarg) if a is not None]
    return [a for a in listed if a.arg not in ("self", "cls")]


def ruff_findings(source: str) -> list[dict[str, Any]]:
    command = [sys.executable, "-m", "ruff", "check", "--isolated", "--output-format", "json",
               "--select", QUALITY_RUFF_RULES, "--no-cache", "--stdin-filename", "step.py", "-"]
    done = subprocess.run(command, input=source, capture_output=True, text=True, timeout=60)
    if done.returncode not in (0, 1):
        raise CompiledAIError(f"ruff failed to run: {done.stderr.strip()[:200]}")
    return list(json.loads(done.stdout or "[]"))
