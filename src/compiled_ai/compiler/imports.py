"""Add the import a generated function forgot, for the few allow-listed names it means.

Small models often write ``re.search(...)`` or ``Decimal(...)`` without the import, and
the type check then fails every attempt on ``Name "re" is not defined``. When a name
from this table is used but bound nowhere in the code, its import is added: the name
can only mean that module (or that class), every module here is on the sandbox's
allow-list, and the added line sits in the artifact's code for anyone to read.
"""

from __future__ import annotations

import ast

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


def missing_imports(source: str, already: set[str] = frozenset()) -> list[str]:
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
