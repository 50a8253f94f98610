"""What generated code may use: imports, builtins and syntax.

Shared by the code gate (stage 1) and the sandbox.
"""

from __future__ import annotations

import ast

ALLOWED_IMPORTS = frozenset({
    "__future__", "math", "re", "decimal", "fractions", "datetime", "statistics",
    "itertools", "functools", "collections", "string", "typing", "enum", "dataclasses",
})

ALLOWED_BUILTINS = frozenset({
    "abs", "all", "any", "bool", "chr", "dict", "divmod", "enumerate", "filter", "float",
    "format", "frozenset", "int", "isinstance", "len", "list", "map", "max", "min", "ord",
    "pow", "range", "reversed", "round", "set", "sorted", "str", "sum", "tuple", "zip",
    "True", "False", "None", "NotImplemented", "Ellipsis", "bytes", "complex", "issubclass",
    "slice", "ascii", "bin", "hex", "oct", "repr", "callable", "iter", "next",
    "property", "staticmethod", "classmethod",  # for the plain classes SEC001 admits
    "Exception", "ValueError", "TypeError", "KeyError", "IndexError", "ArithmeticError",
    "ZeroDivisionError", "LookupError", "RuntimeError", "OverflowError", "StopIteration",
    "AssertionError", "NotImplementedError",
})

# Syntax generated business logic may use. Everything else (async, global, nonlocal,
# with-blocks, class patterns in match) is outside the narrow-function brief.
ALLOWED_NODES: frozenset[type[ast.AST]] = frozenset({
    ast.Module, ast.FunctionDef, ast.arguments, ast.arg, ast.Return, ast.Assign,
    ast.AugAssign, ast.AnnAssign, ast.For, ast.While, ast.If, ast.Raise, ast.Try,
    ast.ExceptHandler, ast.Assert, ast.Import, ast.ImportFrom, ast.alias, ast.Expr,
    ast.Pass, ast.Break, ast.Continue, ast.Delete, ast.BoolOp, ast.NamedExpr, ast.BinOp,
    ast.UnaryOp, ast.Lambda, ast.IfExp, ast.Dict, ast.Set, ast.ListComp, ast.SetComp,
    ast.DictComp, ast.GeneratorExp, ast.Compare, ast.Call, ast.FormattedValue,
    ast.JoinedStr, ast.Constant, ast.Attribute, ast.Subscript, ast.Starred, ast.Name,
    ast.List, ast.Tuple, ast.Slice, ast.Load, ast.Store, ast.Del, ast.And, ast.Or,
    ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow, ast.LShift,
    ast.RShift, ast.BitOr, ast.BitXor, ast.BitAnd, ast.MatMult, ast.Invert, ast.Not,
    ast.UAdd, ast.USub, ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Is,
    ast.IsNot, ast.In, ast.NotIn, ast.comprehension, ast.keyword,
    ast.Yield, ast.YieldFrom, ast.Match, ast.match_case, ast.MatchValue, ast.MatchSingleton,
    ast.MatchSequence, ast.MatchMapping, ast.MatchStar, ast.MatchAs, ast.MatchOr,
    ast.ClassDef,  # plain data holders only; checked by rule SEC001
})
