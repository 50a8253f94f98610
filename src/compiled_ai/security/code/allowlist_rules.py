"""Allow-list rules (SEC0xx): generated code may use only listed imports, builtins and syntax.

These fail closed: anything not listed is refused, whether or not a CWE rule knows
why it is dangerous.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import string
import types
from collections.abc import Iterator

from compiled_ai.security.allowlist import ALLOWED_BUILTINS, ALLOWED_IMPORTS, ALLOWED_NODES
from compiled_ai.security.code.registry import CodeContext, rule

_BUILTIN_NAMES = frozenset(dir(builtins))
DYNAMIC_CODE = frozenset({"eval", "exec", "compile", "__import__", "breakpoint"})
REFLECTION = frozenset({"getattr", "setattr", "delattr", "globals", "locals", "vars", "dir",
                        "type", "object", "super", "id", "hash", "memoryview"})
# Attributes without an underscore that still lead from an object to the interpreter:
# frames (and through them every global and builtin), code objects, tracebacks.
INTROSPECTION_ATTRIBUTES = frozenset({
    "gi_frame", "gi_code", "gi_yieldfrom", "gi_running", "gi_suspended",
    "cr_frame", "cr_code", "cr_await", "cr_origin", "ag_frame", "ag_code", "ag_await",
    "tb_frame", "tb_next", "tb_lasti", "f_back", "f_globals", "f_locals", "f_builtins",
    "f_code", "f_trace", "f_lasti", "co_code", "co_consts", "co_names", "co_varnames",
    "mro", "func_globals", "func_code",
})
IO_BUILTINS = frozenset({"open", "input", "print", "help", "exit", "quit"})

Hits = Iterator[tuple[ast.AST, str]]


@rule("SEC001", "syntax outside the allow-list", cwe=None)
def disallowed_syntax(ctx: CodeContext) -> Hits:
    """Only the syntax pure business logic needs: no ``with``, ``async``, ``global``,
    ``nonlocal``; classes only as plain data holders (no metaclass or class keywords,
    bases named directly, decorators limited to ``dataclass``)."""
    for node in ast.walk(ctx.tree):
        if type(node) not in ALLOWED_NODES:
            yield node, f"syntax not allowed in generated code: {type(node).__name__}"
        elif isinstance(node, ast.ClassDef) and not _is_plain_class(node):
            yield node, ("classes may not use keywords (metaclass=...), computed bases or "
                         "decorators other than dataclass")


@rule("SEC002", "import outside the allow-list", cwe=829)
def disallowed_import(ctx: CodeContext) -> Hits:
    """Imports only from the allow-listed standard-library modules, and no module that an
    allowed module merely re-exports (``typing.sys``, ``from statistics import random``)."""
    for node in ctx.nodes((ast.Import, ast.ImportFrom)):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level or module.split(".")[0] not in ALLOWED_IMPORTS:
                yield node, f"import from {module or '.'!r} is not allowed"
                continue
            for alias in node.names:
                foreign = _foreign_module(module, alias.name)
                if foreign:
                    yield node, (f"'from {module} import {alias.name}' reaches module "
                                 f"{foreign!r}, which is not allowed")
        else:
            assert isinstance(node, ast.Import)
            for alias in node.names:
                if alias.name.split(".")[0] not in ALLOWED_IMPORTS:
                    yield node, f"import of {alias.name!r} is not allowed"
    for node in ctx.nodes(ast.Attribute):
        assert isinstance(node, ast.Attribute)
        if isinstance(node.value, ast.Name) and node.value.id in ctx.imported:
            foreign = _foreign_module(ctx.imported[node.value.id], node.attr)
            if foreign:
                yield node, (f"{node.value.id}.{node.attr} reaches module {foreign!r}, "
                             "which is not allowed")


@rule("SEC003", "private, dunder or introspection access", cwe=94)
def private_access(ctx: CodeContext) -> Hits:
    """No attribute that starts with ``_``, no ``__dunder__`` name, and none of the
    frame, code and traceback attributes (``gi_frame``, ``f_globals``, ``tb_frame``,
    ``mro``...): the routes from any object to ``object.__subclasses__``, the real
    builtins and the interpreter's internals."""
    for node in ast.walk(ctx.tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            yield node, f"access to underscore attribute {node.attr!r} is not allowed"
        elif isinstance(node, ast.Attribute) and node.attr in INTROSPECTION_ATTRIBUTES:
            yield node, f"introspection attribute {node.attr!r} is not allowed"
        elif isinstance(node, ast.Name) and node.id.startswith("__") and node.id.endswith("__") \
                and node.id not in DYNAMIC_CODE:
            yield node, f"access to {node.id} is not allowed"


@rule("SEC004", "dynamic code execution", cwe=95)
def dynamic_code(ctx: CodeContext) -> Hits:
    """``eval``, ``exec``, ``compile``, ``__import__`` and ``breakpoint`` run or load code
    chosen at run time."""
    for node in ctx.nodes(ast.Name):
        assert isinstance(node, ast.Name)
        if node.id in DYNAMIC_CODE:
            yield node, f"dynamic code execution via {node.id}() is not allowed"


@rule("SEC005", "reflection", cwe=94)
def reflection(ctx: CodeContext) -> Hits:
    """``getattr``/``setattr``, ``globals``, ``vars``, ``type``, ``object`` and friends reach
    attributes by computed names, past the static checks."""
    for node in ctx.nodes(ast.Name):
        assert isinstance(node, ast.Name)
        if node.id in REFLECTION:
            yield node, f"reflection via {node.id} is not allowed"


@rule("SEC006", "input/output builtin", cwe=None)
def io_builtin(ctx: CodeContext) -> Hits:
    """``open``, ``print``, ``input`` and the like do I/O; compiled steps are pure."""
    for node in ctx.nodes(ast.Name):
        assert isinstance(node, ast.Name)
        if node.id in IO_BUILTINS:
            yield node, f"{node.id}() does input/output, which generated code may not do"


@rule("SEC007", "builtin outside the allow-list", cwe=None)
def other_builtin(ctx: CodeContext) -> Hits:
    """Any other builtin not on the allow-list (for example ``exit`` or ``license``)."""
    named = DYNAMIC_CODE | REFLECTION | IO_BUILTINS
    for node in ctx.nodes(ast.Name):
        assert isinstance(node, ast.Name)
        if node.id in _BUILTIN_NAMES and node.id not in ALLOWED_BUILTINS and node.id not in named \
                and not node.id.startswith("__"):
            yield node, f"builtin {node.id!r} is not on the allow-list"


@rule("SEC008", "format string from data", cwe=1336)
def dynamic_format(ctx: CodeContext) -> Hits:
    """``str.format``/``format_map`` only on a literal template without ``.`` or ``[``
    lookups: a template built at run time can read attributes of its arguments."""
    for node in ctx.nodes(ast.Attribute):
        assert isinstance(node, ast.Attribute)
        if node.attr in ("format", "format_map") and not _safe_format_literal(node.value):
            yield node, (f"str.{node.attr} is only allowed on a literal template without "
                         "attribute or index lookups (use an f-string)")


def _is_plain_class(node: ast.ClassDef) -> bool:
    bases_ok = all(isinstance(b, ast.Name | ast.Attribute) for b in node.bases)
    decorators_ok = all(ast.unparse(d).split("(")[0] in ("dataclass", "dataclasses.dataclass")
                        for d in node.decorator_list)
    return bases_ok and decorators_ok and not node.keywords


def _foreign_module(module: str, attribute: str) -> str | None:
    """The module reached as ``module.attribute`` when it is not itself allowed."""
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


def _safe_format_literal(value: ast.expr) -> bool:
    if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
        return False
    try:
        fields = [f for _text, f, _spec, _conv in string.Formatter().parse(value.value) if f]
    except ValueError:
        return False
    return not any("." in f or "[" in f for f in fields)
