"""Layering rules and the public API.

The runtime must run an artifact without the compiler or any concrete model provider,
both at import time (checked in a fresh interpreter) and in its source (checked statically).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import compiled_ai

SRC = Path(__file__).resolve().parents[1] / "src" / "compiled_ai"
RUNTIME = SRC / "runtime"

FORBIDDEN_PREFIXES = (
    "compiled_ai.compiler",
    "compiled_ai.providers.local",
    "compiled_ai.providers.openai_compatible",
    "compiled_ai.providers.anthropic",
    "compiled_ai.providers.retry",
    "compiled_ai.providers.replay",
    "compiled_ai.providers.scripted",
    "compiled_ai.providers.registry",
    "compiled_ai.providers.model_files",
)
# heavy compile-time-only dependencies: the validators and the local model
FORBIDDEN_THIRD_PARTY = ("mypy", "bandit", "ruff", "xllamacpp", "httpx", "anthropic")

PROBE = r"""
import json, sys
import compiled_ai.runtime
import compiled_ai.runtime.service
import compiled_ai.runtime.audit
from compiled_ai.runtime import open_workflow, run_once, Workflow, RunResult
import compiled_ai.cli.run_cmd  # the `run` command's module, without the other commands
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after_runtime_import() -> list[str]:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          timeout=60, cwd=SRC.parent.parent)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_runtime_import_pulls_in_no_compiler_or_concrete_provider():
    modules = _modules_after_runtime_import()
    assert "compiled_ai.runtime.service" in modules  # the probe really imported the run path
    assert "compiled_ai.runtime.executor" in modules
    assert "compiled_ai.cli.run_cmd" in modules
    bad = [m for m in modules if m.startswith(FORBIDDEN_PREFIXES)]
    assert bad == [], f"the runtime imports {bad}"
    heavy = [m for m in modules if m.split(".")[0] in FORBIDDEN_THIRD_PARTY]
    assert heavy == [], f"the runtime imports compile-time dependencies {heavy}"


def _imported_names(path: Path) -> list[str]:
    """Absolute module names every import statement in ``path`` refers to."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts[:-1])
    if path.name == "__init__.py":
        package = ".".join(path.relative_to(SRC.parent).parts[:-1])
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.append(module)
            names += [f"{module}.{alias.name}" for alias in node.names]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args
              and isinstance(node.args[0], ast.Constant)):
            names.append(str(node.args[0].value))  # importlib.import_module("...")
    return names


# the provider protocol and its message types: what bounded steps are handed, never a
# concrete provider (that is built by the CLI and injected)
PROVIDER_PROTOCOL = "compiled_ai.providers.base"


def test_runtime_source_never_imports_compiler_or_providers():
    files = sorted(RUNTIME.rglob("*.py"))
    assert len(files) >= 8, files
    offenders = {}
    for path in files:
        bad = [n for n in _imported_names(path)
               if n == "compiled_ai.compiler" or n.startswith("compiled_ai.compiler.")
               or ((n == "compiled_ai.providers" or n.startswith("compiled_ai.providers."))
                   and n != PROVIDER_PROTOCOL and n.rsplit(".", 1)[0] != PROVIDER_PROTOCOL)]
        if bad:
            offenders[str(path.relative_to(SRC))] = bad
    assert offenders == {}


def test_static_check_sees_real_imports():
    # guards the checker itself: it must resolve the runtime's actual imports
    names = _imported_names(RUNTIME / "service.py")
    assert "compiled_ai.artifacts.store" in names
    assert "compiled_ai.runtime.executor" in names


def test_public_api_is_pinned():
    assert compiled_ai.__all__ == [
        "CompiledAIError",
        "RunResult",
        "Spec",
        "Workflow",
        "__version__",
        "load_spec",
        "open_workflow",
        "run_once",
    ]
    assert compiled_ai.__all__ == sorted(compiled_ai.__all__)
    for name in compiled_ai.__all__:
        assert hasattr(compiled_ai, name), name
    assert isinstance(compiled_ai.__version__, str) and compiled_ai.__version__
