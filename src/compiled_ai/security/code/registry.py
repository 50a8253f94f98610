"""The code gate's rule registry: one function per check, registered with a decorator.

Each rule has a stable id, a severity, the CWE it guards against and a title; its
docstring is its documentation (``compiled-ai check rules`` prints them). A rule is
a generator over the parsed module that yields ``(node, message)`` for each problem.
Rules see a :class:`CodeContext` that resolves local names to the modules and
functions they were imported as, so ``from os import system as run; run(x)`` is
still ``os.system``.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from compiled_ai.security.findings import Finding, Severity

Check = Callable[["CodeContext"], Iterator[tuple[ast.AST, str]]]


@dataclass(frozen=True)
class CodeRule:
    id: str
    title: str
    severity: Severity
    cwe: int | None
    check: Check
    doc: str


RULES: dict[str, CodeRule] = {}


def rule(id: str, title: str, cwe: int | None,
         severity: Severity = "error") -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        if id in RULES:
            raise ValueError(f"duplicate code rule id {id}")
        RULES[id] = CodeRule(id=id, title=title, severity=severity, cwe=cwe, check=check,
                             doc=" ".join((check.__doc__ or title).split()))
        return check
    return register


@dataclass
class CodeContext:
    tree: ast.Module
    source: str
    imported: dict[str, str] = field(default_factory=dict)  # local name -> dotted origin

    @classmethod
    def parse(cls, source: str) -> CodeContext:
        tree = ast.parse(source)
        context = cls(tree=tree, source=source)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    local = alias.asname or alias.name.split(".")[0]
                    context.imported[local] = alias.name if alias.asname else local
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    context.imported[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        return context

    def nodes(self, kind: type[ast.AST] | tuple[type[ast.AST], ...]) -> Iterator[ast.AST]:
        return (n for n in ast.walk(self.tree) if isinstance(n, kind))

    def calls(self) -> Iterator[tuple[ast.Call, str]]:
        """Every call with its resolved dotted name (``""`` when it cannot be named)."""
        for node in self.nodes(ast.Call):
            assert isinstance(node, ast.Call)
            yield node, self.qualified(node.func)

    def qualified(self, node: ast.AST) -> str:
        """``sp.run`` after ``import subprocess as sp`` -> ``subprocess.run``."""
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if isinstance(node, ast.Call):  # Environment().from_string -> Environment.from_string
            return self.qualified(node.func) + ("." + ".".join(reversed(parts)) if parts else "")
        if not isinstance(node, ast.Name):
            return "." + ".".join(reversed(parts)) if parts else ""
        head = self.imported.get(node.id, node.id)
        return ".".join([head, *reversed(parts)])


def is_constant(node: ast.AST | None) -> bool:
    """A literal (or a tuple/list of literals): data the code's author fixed, not input."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Tuple | ast.List):
        return all(is_constant(e) for e in node.elts)
    return False


def first_argument(call: ast.Call, keyword: str | None = None) -> ast.AST | None:
    if call.args:
        return call.args[0]
    for kw in call.keywords:
        if kw.arg == keyword:
            return kw.value
    return None


def scan_code(source: str) -> list[Finding]:
    """Run every registered rule; unparsable source yields no findings (stage 2 reports it)."""
    try:
        context = CodeContext.parse(source)
    except SyntaxError:
        return []
    findings = []
    for code_rule in RULES.values():
        for node, message in code_rule.check(context):
            findings.append(Finding(id=code_rule.id, severity=code_rule.severity,
                                    message=message, line=getattr(node, "lineno", None),
                                    cwe=code_rule.cwe))
    findings.sort(key=lambda f: (f.line or 0, f.id, f.message))
    return findings
