"""Stage 1, security: an AST allow-list plus Bandit, before any code is run.

The allow-list is the real gate: it admits only listed imports, builtins and syntax,
so an unknown trick fails closed. Bandit adds CWE-tagged findings on top. Suppression
comments (``# nosec``) are ignored: generated code does not get to waive its checks.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import logging
import string
import tempfile
import types
from pathlib import Path

from compiled_ai.compiler.validate.findings import Finding, Severity, StageResult
from compiled_ai.security.allowlist import ALLOWED_BUILTINS, ALLOWED_IMPORTS, ALLOWED_NODES

_BUILTIN_NAMES = frozenset(dir(builtins))
_DYNAMIC_CODE = frozenset({"eval", "exec", "compile", "__import__", "breakpoint"})
_REFLECTION = frozenset({"getattr", "setattr", "delattr", "globals", "locals", "vars", "dir",
                         "type", "object", "super", "id", "hash", "memoryview", "classmethod",
                         "staticmethod", "property"})
_IO = frozenset({"open", "input", "print", "help", "exit", "quit"})


def check_security(source: str) -> StageResult:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        # unparsable code cannot run; stage 2 reports where it breaks
        return StageResult.of("security", [])
    findings = _allowlist_findings(tree, source) + _bandit_findings(source)
    findings.sort(key=lambda f: (f.line or 0, f.id, f.message))
    return StageResult.of("security", findings)


def _allowlist_findings(tree: ast.AST, source: str) -> list[Finding]:
    found: list[Finding] = []

    def add(id_: str, node: ast.AST, message: str, cwe: int | None = None) -> None:
        found.append(Finding(id=id_, severity="error", message=message,
                             line=getattr(node, "lineno", None), cwe=cwe))

    module_aliases = _module_aliases(tree)
    for node in ast.walk(tree):
        if type(node) not in ALLOWED_NODES:
            add("SEC001", node, f"syntax not allowed in generated code: {type(node).__name__}")
        if isinstance(node, ast.ClassDef) and not _is_typed_dict(node):
            add("SEC001", node, "classes are not allowed (only TypedDict result types)")
        if isinstance(node, ast.Import | ast.ImportFrom):
            _check_import(node, add)
        elif isinstance(node, ast.Attribute):
            _check_attribute(node, module_aliases, add)
        elif isinstance(node, ast.Name):
            _check_name(node, add)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "__" in node.value:
            add("SEC003", node, "string constants may not contain '__' (format-string "
                "attribute tricks)", cwe=94)
    return found


def _module_aliases(tree: ast.AST) -> dict[str, str]:
    """Local name -> module for every ``import x`` / ``import x as y`` in the code."""
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:
                    aliases[alias.name.split(".")[0]] = alias.name.split(".")[0]
    return aliases


def _foreign_module(module: str, attribute: str) -> str | None:
    """The name of a module reached as ``module.attribute`` when it is not allowed."""
    if module.split(".")[0] not in ALLOWED_IMPORTS:
        return None  # the import itself is reported
    try:
        value = getattr(importlib.import_module(module), attribute, None)
    except ImportError:
        return None
    if isinstance(value, types.ModuleType) and \
            value.__name__.split(".")[0] not in ALLOWED_IMPORTS:
        return value.__name__
    return None


def _check_import(node: ast.Import | ast.ImportFrom, add) -> None:  # type: ignore[no-untyped-def]
    if isinstance(node, ast.ImportFrom):
        module = node.module or ""
        if node.level or module.split(".")[0] not in ALLOWED_IMPORTS:
            add("SEC002", node, f"import from {module or '.'!r} is not allowed", cwe=829)
            return
        for alias in node.names:
            foreign = _foreign_module(module, alias.name)
            if foreign:
                add("SEC002", node, f"'from {module} import {alias.name}' reaches module "
                    f"{foreign!r}, which is not allowed", cwe=829)
        return
    for alias in node.names:
        if alias.name.split(".")[0] not in ALLOWED_IMPORTS:
            add("SEC002", node, f"import of {alias.name!r} is not allowed", cwe=829)


def _check_attribute(node: ast.Attribute, module_aliases: dict[str, str], add) -> None:  # type: ignore[no-untyped-def]
    if node.attr.startswith("_"):
        add("SEC003", node, f"access to underscore attribute {node.attr!r} is not allowed",
            cwe=94)
        return
    if isinstance(node.value, ast.Name) and node.value.id in module_aliases:
        foreign = _foreign_module(module_aliases[node.value.id], node.attr)
        if foreign:
            add("SEC002", node, f"{node.value.id}.{node.attr} reaches module {foreign!r}, "
                "which is not allowed", cwe=829)
    if node.attr in ("format", "format_map") and not _safe_format_literal(node.value):
        add("SEC008", node, f"str.{node.attr} is only allowed on a literal template without "
            "attribute or index lookups (use an f-string)", cwe=1336)


def _safe_format_literal(value: ast.expr) -> bool:
    if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
        return False
    try:
        fields = [f for _text, f, _spec, _conv in string.Formatter().parse(value.value) if f]
    except ValueError:
        return False
    return not any("." in f or "[" in f for f in fields)


def _check_name(node: ast.Name, add) -> None:  # type: ignore[no-untyped-def]
    name = node.id
    if name in _DYNAMIC_CODE:
        add("SEC004", node, f"dynamic code execution via {name}() is not allowed", cwe=95)
    elif name in _REFLECTION:
        add("SEC005", node, f"reflection via {name} is not allowed", cwe=94)
    elif name in _IO:
        add("SEC006", node, f"{name}() does input/output, which generated code may not do")
    elif name.startswith("__") and name.endswith("__"):
        add("SEC003", node, f"access to {name} is not allowed", cwe=94)
    elif name in _BUILTIN_NAMES and name not in ALLOWED_BUILTINS:
        add("SEC007", node, f"builtin {name!r} is not on the allow-list")


def _is_typed_dict(node: ast.ClassDef) -> bool:
    bases_ok = [ast.unparse(b) for b in node.bases] == ["TypedDict"] and not node.keywords
    body_ok = all(isinstance(s, ast.AnnAssign | ast.Pass) or
                  (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
                  for s in node.body)
    return bases_ok and body_ok and not node.decorator_list


def _bandit_findings(source: str) -> list[Finding]:
    from bandit.core import config as bandit_config
    from bandit.core import manager as bandit_manager

    logging.getLogger("bandit").setLevel(logging.CRITICAL)
    with tempfile.TemporaryDirectory(prefix="compiled-ai-bandit-") as tmp:
        path = Path(tmp) / "candidate.py"
        path.write_text(source, encoding="utf-8")
        mgr = bandit_manager.BanditManager(bandit_config.BanditConfig(), "file",
                                           ignore_nosec=True, quiet=True)
        mgr.discover_files([str(path)])
        mgr.run_tests()
        issues = mgr.get_issue_list()
    findings = []
    for issue in issues:
        severity: Severity = "error" if issue.severity in ("MEDIUM", "HIGH") else "warning"
        cwe = issue.cwe.id if issue.cwe and issue.cwe.id else None
        findings.append(Finding(id=f"BANDIT-{issue.test_id}", severity=severity,
                                message=issue.text, line=issue.lineno, cwe=cwe))
    return findings
