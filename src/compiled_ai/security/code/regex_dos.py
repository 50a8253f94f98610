"""Spot regular expressions that backtrack catastrophically (CWE-1333).

The pattern is parsed with the standard library's own regex parser. An unbounded
repeat is flagged when one iteration can match text of different lengths (an inner
quantifier, an optional piece, alternatives of different shapes) and nothing it must
match separates one iteration from the next: ``(a+)+``, ``(\\w+\\s?)*``, ``(a|aa)+``,
``(.*a)*``. ``(,\\d+)*`` is safe: every iteration must start with a comma, which the
digits cannot match. A heuristic over ASCII character sets: it finds the classic
exponential shapes, not every polynomial one.
"""

from __future__ import annotations

import re
import string
from typing import Any

try:  # the parser moved in Python 3.11
    import re._parser as _parser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import sre_parse as _parser  # type: ignore[no-redef]

_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_UNBOUNDED = 100  # more repetitions than this count as unbounded
_ALL = frozenset(range(128))
_CATEGORIES = {
    "CATEGORY_DIGIT": frozenset(map(ord, string.digits)),
    "CATEGORY_WORD": frozenset(map(ord, string.ascii_letters + string.digits + "_")),
    "CATEGORY_SPACE": frozenset(map(ord, " \t\n\r\f\v")),
}
Items = list[tuple[Any, Any]]


def redos_risk(pattern: str) -> str | None:
    """Why ``pattern`` can backtrack exponentially, or None."""
    try:
        parsed = list(_parser.parse(pattern))
    except (re.error, RecursionError, OverflowError):
        return None
    return _scan(parsed)


def _scan(items: Items) -> str | None:
    for op, value in items:
        name = str(op)
        if name in _REPEATS:
            low, high, body = value
            if high > _UNBOUNDED and name != "POSSESSIVE_REPEAT":
                found = _ambiguous_iteration(list(body))
                if found:
                    return found
            found = _scan(list(body))
        elif name == "SUBPATTERN":
            found = _scan(list(value[-1]))
        elif name == "BRANCH":
            found = next((f for b in value[1] if (f := _scan(list(b)))), None)
        else:
            found = None
        if found:
            return found
    return None


def _ambiguous_iteration(body: Items) -> str | None:
    pieces = _flatten(body)
    variable: set[int] = set()
    is_variable = False
    for op, value in pieces:
        name = str(op)
        if name in _REPEATS and (value[1] > _UNBOUNDED or value[0] != value[1]):
            is_variable = True
            variable |= _chars(list(value[2]))
        elif name == "BRANCH":
            alternatives = [list(b) for b in value[1]]
            shapes = [repr(a) for a in alternatives]
            if len(set(shapes)) < len(shapes):
                return "identical alternatives under a quantifier backtrack exponentially"
            sets = [_chars(a) for a in alternatives]
            lengths = {len(_flatten(a)) for a in alternatives}
            overlap = any(a & b for i, a in enumerate(sets) for b in sets[i + 1:])
            if overlap or len(lengths) > 1:
                is_variable = True
                variable |= set().union(*sets)
    if not is_variable:
        return None
    separators = [p for p in pieces if str(p[0]) in ("LITERAL", "NOT_LITERAL", "IN", "ANY")]
    if any(_chars([p]).isdisjoint(variable) for p in separators):
        return None
    return "an iteration can match the same text in several ways (exponential backtracking)"


def _flatten(items: Items) -> Items:
    """Inline plain groups, so ``((a+)b)`` is seen as the pieces ``a+`` and ``b``."""
    flat: Items = []
    for op, value in items:
        if str(op) == "SUBPATTERN":
            flat.extend(_flatten(list(value[-1])))
        else:
            flat.append((op, value))
    return flat


def _chars(items: Items) -> frozenset[int]:
    """Every ASCII character the pieces can consume."""
    found: set[int] = set()
    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            found.add(value)
        elif name == "NOT_LITERAL":
            found |= _ALL - {value}
        elif name == "ANY":
            found |= _ALL
        elif name == "IN":
            found |= _class(value)
        elif name in _REPEATS:
            found |= _chars(list(value[2]))
        elif name == "SUBPATTERN":
            found |= _chars(list(value[-1]))
        elif name == "BRANCH":
            for branch in value[1]:
                found |= _chars(list(branch))
    return frozenset(found)


def _class(items: Items) -> frozenset[int]:
    chars: set[int] = set()
    negate = False
    for kind, item in items:
        name = str(kind)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            chars.add(item)
        elif name == "RANGE":
            chars.update(range(item[0], min(item[1], 127) + 1))
        elif name == "CATEGORY":
            category = str(item)
            base = category.replace("CATEGORY_NOT_", "CATEGORY_")
            members = _CATEGORIES.get(base, _ALL)
            chars |= (_ALL - members) if "NOT_" in category else members
    return frozenset(_ALL - chars if negate else chars)
