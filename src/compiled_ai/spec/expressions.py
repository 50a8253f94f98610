"""The validation-expression language of bounded steps, and its evaluator.

A bounded step's ``validate`` entries are small boolean expressions over the step's
inputs and outputs, e.g. ``bmi is None or 10 <= bmi <= 80``. They are checked against
the output of a model at run time, so they are parsed with :mod:`ast` and evaluated by
the tree walker below, never by ``eval``: only comparisons (``in`` and ``is None``
included), ``and``/``or``/``not``, arithmetic on numbers, constants, tuple and list
literals, names of the step's fields and calls of ``len``, ``abs``, ``min`` and ``max``
are accepted. Attribute access, subscripts, other calls, lambdas, comprehensions and
``**`` (a cheap way to make huge numbers) are refused when the spec is loaded.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

MAX_EXPRESSION_CHARS = 500

FUNCTIONS: dict[str, Callable[..., Any]] = {"len": len, "abs": abs, "min": min, "max": max}

_ARITHMETIC: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
}
_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Is: operator.is_, ast.IsNot: operator.is_not,
    ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b,
}


class ExpressionError(ValueError):
    """An expression that is not in the language, or that cannot be evaluated."""


@dataclass(frozen=True)
class Expression:
    """A parsed, checked validation expression; ``names`` are the fields it reads."""

    text: str
    tree: ast.Expression
    names: frozenset[str]

    def holds(self, values: Mapping[str, Any]) -> bool:
        """True when the expression evaluates to True; raises ExpressionError when it
        cannot be evaluated (a missing field, None compared with a number, ...)."""
        result = _evaluate(self.tree.body, values)
        if not isinstance(result, bool):
            raise ExpressionError(f"{self.text!r} gives {type(result).__name__}, not true/false")
        return result


def parse_expression(text: str) -> Expression:
    """Parse and check ``text``; raise ExpressionError naming the first refused construct."""
    if len(text) > MAX_EXPRESSION_CHARS:
        raise ExpressionError(f"expression longer than {MAX_EXPRESSION_CHARS} characters")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"{text!r} is not a valid expression ({exc.msg})") from None
    names: set[str] = set()
    callees = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    for node in ast.walk(tree):
        _check_node(node, text, names, callees)
    return Expression(text=text, tree=tree, names=frozenset(names))


def _check_node(node: ast.AST, text: str, names: set[str], callees: set[int]) -> None:
    def refuse(what: str) -> ExpressionError:
        return ExpressionError(f"{text!r}: {what} is not allowed in a validation expression")

    match node:
        case ast.Expression() | ast.Load() | ast.And() | ast.Or() | ast.Not() | ast.USub() \
                | ast.UAdd() | ast.Tuple() | ast.List():
            return
        case ast.BoolOp() | ast.UnaryOp():
            return
        case ast.BinOp(op=op):
            if type(op) not in _ARITHMETIC:
                raise refuse(f"the operator {type(op).__name__}")
        case ast.Compare(ops=ops, comparators=comparators):
            for comparison, right in zip(ops, comparators, strict=True):
                if type(comparison) not in _COMPARE:
                    raise refuse(f"the comparison {type(comparison).__name__}")
                if isinstance(comparison, ast.Is | ast.IsNot) and not (
                        isinstance(right, ast.Constant) and right.value is None):
                    raise refuse("'is' with anything but None")
        case ast.Name(id=name):
            if name.startswith("_"):
                raise refuse(f"the name {name!r}")
            if id(node) not in callees:  # function names are not field names
                names.add(name)
        case ast.Constant(value=value):
            if not isinstance(value, int | float | str | bool | type(None)):
                raise refuse(f"the constant {value!r}")
        case ast.Call(func=func, args=args, keywords=keywords):
            if not isinstance(func, ast.Name) or func.id not in FUNCTIONS:
                raise refuse(f"calling {ast.unparse(func)}")
            if keywords or any(isinstance(a, ast.Starred) for a in args):
                raise refuse("keyword or starred arguments")
        case ast.cmpop() | ast.operator():
            return  # checked with their Compare/BinOp
        case _:
            raise refuse(type(node).__name__)


def _evaluate(node: ast.AST, values: Mapping[str, Any]) -> Any:
    match node:
        case ast.Constant(value=value):
            return value
        case ast.Name(id=name):
            if name not in values:
                raise ExpressionError(f"unknown field {name!r}")
            return values[name]
        case ast.Tuple(elts=elts) | ast.List(elts=elts):
            return tuple(_evaluate(e, values) for e in elts)
        case ast.BoolOp(op=ast.And(), values=parts):
            result: Any = True
            for part in parts:  # short-circuit, so 'x is not None and x > 3' is safe
                result = _evaluate(part, values)
                if not result:
                    return result
            return result
        case ast.BoolOp(op=ast.Or(), values=parts):
            result = False
            for part in parts:
                result = _evaluate(part, values)
                if result:
                    return result
            return result
        case ast.UnaryOp(op=ast.Not(), operand=operand):
            return not _evaluate(operand, values)
        case ast.UnaryOp(op=op, operand=operand):
            number = _number(_evaluate(operand, values), node)
            return -number if isinstance(op, ast.USub) else number
        case ast.BinOp(op=op, left=left, right=right):
            a = _number(_evaluate(left, values), node)
            b = _number(_evaluate(right, values), node)
            try:
                return _ARITHMETIC[type(op)](a, b)
            except ZeroDivisionError:
                raise ExpressionError(f"division by zero in {ast.unparse(node)!r}") from None
        case ast.Compare(left=left, ops=ops, comparators=comparators):
            current = _evaluate(left, values)
            for comparison, right_node in zip(ops, comparators, strict=True):
                right = _evaluate(right_node, values)
                try:
                    ok = _COMPARE[type(comparison)](current, right)
                except TypeError:
                    raise ExpressionError(
                        f"cannot evaluate {ast.unparse(node)!r}: compares "
                        f"{type(current).__name__} with {type(right).__name__}") from None
                if not ok:
                    return False
                current = right
            return True
        case ast.Call(func=ast.Name(id=name), args=args):
            arguments = [_evaluate(a, values) for a in args]
            try:
                return FUNCTIONS[name](*arguments)
            except (TypeError, ValueError) as exc:
                raise ExpressionError(f"cannot evaluate {ast.unparse(node)!r}: {exc}") from None
    raise ExpressionError(f"cannot evaluate {ast.unparse(node)!r}")  # refused at parse time


def _number(value: Any, node: ast.AST) -> int | float:
    """Arithmetic only on numbers: no string or list repetition to blow up memory."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ExpressionError(f"cannot evaluate {ast.unparse(node)!r}: arithmetic on "
                              f"{type(value).__name__}")
    return value
