"""Add the import a generated function forgot, and drop allow-listed imports it never uses.

Small models often write ``re.search(...)`` or ``Decimal(...)`` without the import, and
the type check then fails every attempt on ``Name "re" is not defined``. When a name
from this table is used but bound nowhere in the code, its import is added: the name
can only mean that module (or that class), every module here is on the sandbox's
allow-list, and the added line sits in the artifact's code for anyone to read.

They also import names that do not exist (``from statistics import statistics``),
which fails the type check although the code never uses them. An import of an
allow-listed module binding no name the code uses is dropped; an import of anything
else stays, so the security stage still sees and refuses it.
"""

from __future__ import annotations

import ast
from collections.abc import Set as AbstractSet

from compiled_ai.security.allowlist import ALLOWED_IMPORTS

KNOWN_IMPORTS = {
    "re": "import re",
    "math": "import math",
    "decimal": "import decimal",
    "fractions": "import fractions",
    "statistics": "import statistics",
    "itertools": "import itertools",
    "functools": "import functools",
    "collections": "import collections",
    "string": "import string",
    "Decimal": "from decimal import Decimal",
    "ROUND_HALF_UP": "from decimal import ROUND_HALF_UP",
    "ROUND_HALF_EVEN": "from decimal import ROUND_HALF_EVEN",
    "InvalidOperation": "from decimal import InvalidOperation",
    "Fraction": "from fractions import Fraction",
    "Counter": "from collections import Counter",
    "defaultdict": "from collections import defaultdict",
    "OrderedDict": "from collections import OrderedDict",
    "timedelta": "from datetime import timedelta",
}


def missing_imports(source: str, already: AbstractSet[str] = frozenset()) -> list[str]:
    """Import lines for table names that ``source`` uses but never binds.

    ``already``: names the surrounding module binds (the frame's header imports).
    Code that does not parse gets nothing: the syntax stage reports it as it is.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    used: set[str] = set()
    bound: set[str] = set(already)
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (used if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            bound.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
    return [KNOWN_IMPORTS[name] for name in sorted(used - bound) if name in KNOWN_IMPORTS]


def droppable_import(node: ast.Import | ast.ImportFrom, used: set[str]) -> bool:
    """An import of allow-listed modules that binds no name in ``used``."""
    if isinstance(node, ast.ImportFrom):
        if node.level or any(alias.name == "*" for alias in node.names):
            return False  # relative: refused later; star: may supply any name used
        modules = [node.module or ""]
    else:
        modules = [alias.name for alias in node.names]
    if not all(module.split(".")[0] in ALLOWED_IMPORTS for module in modules):
        return False
    return not any((alias.asname or alias.name).split(".")[0] in used for alias in node.names)


def loaded_names(tree: ast.AST) -> set[str]:
    """Every name the code reads (``re`` in ``re.search``, ``Decimal`` in ``Decimal(x)``)."""
    return {node.id for node in ast.walk(tree)
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}
