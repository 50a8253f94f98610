"""Stage 2, syntax and types: parse, check the template signature, then ruff and mypy.

ruff runs with ``--ignore-noqa`` and mypy sees the code with every comment removed,
so neither ``# noqa`` nor ``# type: ignore`` can silence a finding. mypy allows a name
to be rebound to a new type in the same block (``m = re.search(...)`` then
``m = int(m.group(1)) if m else None``): Python runs that correctly, and every later
use of the name is still checked against its new type.
"""

from __future__ import annotations

import ast
import io
import json
import os
import subprocess
import sys
import tempfile
import tokenize
from pathlib import Path

from compiled_ai.compiler.templates import StepFrame
from compiled_ai.compiler.validate.findings import Finding, StageResult

MAX_FUNCTION_LINES = 80
RUFF_RULES = "F,E9,B0,PLE"
# unused names make code untidy, not wrong: reported, never a reason to regenerate
RUFF_WARNINGS = frozenset({"F401", "F841", "F811", "F403", "F405"})


def check_syntax(source: str, frame: StepFrame, generated_line_offset: int = 0,
                 mypy_cache: Path | None = None) -> StageResult:
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        return StageResult.of("syntax", [Finding(
            id="SYN001", severity="error", line=exc.lineno,
            message=f"syntax error: {exc.msg} (line {exc.lineno})")])
    findings = _signature_findings(tree, frame)
    if not findings:
        findings += _ruff_findings(source) + _mypy_findings(source, frame, mypy_cache)
    return StageResult.of("syntax", findings)


def _signature_findings(tree: ast.Module, frame: StepFrame) -> list[Finding]:
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    function = functions.get(frame.function_name)
    if function is None:
        return [Finding(id="SYN002", severity="error",
                        message=f"no top-level function named {frame.function_name!r}; "
                                f"expected: {frame.signature}")]
    expected = ast.parse(frame.signature + "\n    ...").body[0]
    assert isinstance(expected, ast.FunctionDef)
    want = [a.arg for a in expected.args.args]
    got = [a.arg for a in function.args.args]
    problems = []
    if got != want or function.args.vararg or function.args.kwarg or function.args.kwonlyargs \
            or function.args.posonlyargs:
        problems.append(f"parameters must be exactly ({', '.join(want)}), got ({', '.join(got)})")
    returns = ast.unparse(expected.returns) if expected.returns else frame.result_type
    if function.returns is None or ast.unparse(function.returns) != returns:
        problems.append(f"return annotation must be {returns}")
    length = (function.end_lineno or function.lineno) - function.lineno + 1
    if length > MAX_FUNCTION_LINES:
        problems.append(f"function is {length} lines; keep it under {MAX_FUNCTION_LINES}")
    return [Finding(id="SYN003", severity="error", line=function.lineno,
                    message=f"signature mismatch: {p}; expected: {frame.signature}")
            for p in problems]


def _ruff_findings(source: str) -> list[Finding]:
    command = [sys.executable, "-m", "ruff", "check", "--isolated", "--ignore-noqa",
               "--output-format", "json", "--select", RUFF_RULES, "--no-cache",
               "--stdin-filename", "step.py", "-"]
    done = subprocess.run(command, input=source, capture_output=True, text=True, timeout=60)
    if done.returncode not in (0, 1):
        return [Finding(id="SYN900", severity="error",
                        message=f"ruff failed to run: {done.stderr.strip()[:200]}")]
    return [Finding(id=f"RUFF-{item['code']}", message=item["message"],
                    severity="warning" if item["code"] in RUFF_WARNINGS else "error",
                    line=item["location"]["row"]) for item in json.loads(done.stdout or "[]")]


def _mypy_findings(source: str, frame: StepFrame, cache: Path | None) -> list[Finding]:
    from mypy import api as mypy_api

    checked = _strip_comments(source) + frame.call_check
    with tempfile.TemporaryDirectory(prefix="compiled-ai-mypy-") as tmp:
        path = Path(tmp) / "step.py"
        path.write_text(checked, encoding="utf-8")
        cache_dir = str(cache) if cache else os.path.join(tmp, ".mypy_cache")
        stdout, _, status = mypy_api.run([
            "--check-untyped-defs", "--allow-redefinition", "--no-error-summary",
            "--show-error-codes", "--no-color-output", "--python-version", "3.11",
            "--follow-imports", "silent",
            "--cache-dir", cache_dir, "--config-file", os.devnull, str(path)])
    findings = []
    for line in stdout.splitlines():
        parts = line.split(":", 3)
        if len(parts) < 4 or parts[2].strip() not in ("error",) and " error" not in parts[2]:
            continue
        number = int(parts[1]) if parts[1].isdigit() else None
        text = parts[3].strip()
        code = text.rsplit("[", 1)[-1].rstrip("]") if text.endswith("]") else "misc"
        if number is not None and number > len(source.splitlines()):
            text = f"the template's call {frame.signature} does not type-check: {text}"
        findings.append(Finding(id=f"MYPY-{code}", severity="error", message=text, line=number))
    if status == 2 and not findings:
        findings.append(Finding(id="SYN901", severity="error", message="mypy failed to run"))
    return findings


def _strip_comments(source: str) -> str:
    """Drop every comment token, keeping line numbers (so ``# type: ignore`` is inert)."""
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline)
              if t.type != tokenize.COMMENT]
    return tokenize.untokenize(tokens)
