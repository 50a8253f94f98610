"""Pull the candidate function out of a model's reply.

Models wrap code in Markdown fences, repeat the type definitions they were shown, and
add example calls. We keep the fenced block that defines the wanted function and,
from it, only top-level imports, function definitions and UPPER_CASE constants:
anything else would run at import time and is not the function we asked for.

A reply cut off by the token limit (small models like to append example calls until
they run out) ends in a broken statement; if the text up to the last complete
top-level statement parses and still defines the function, that prefix is used.
"""

from __future__ import annotations

import ast
import re

_FENCE = re.compile(r"```[ \t]*(?:python|py|python3)?[ \t]*\n(.*?)(?:```|\Z)", re.DOTALL)


def extract_code(reply: str, function_name: str) -> str:
    blocks = _FENCE.findall(reply) or [reply]
    wanted = re.compile(rf"^\s*def\s+{re.escape(function_name)}\s*\(", re.MULTILINE)
    chosen = next((b for b in blocks if wanted.search(b)), blocks[0])
    return _keep_definitions(chosen.strip("\n")) + "\n"


def _keep_definitions(source: str) -> str:
    tree = _parse_complete_prefix(source)
    if tree is None:
        return source  # stage 2 reports the syntax error with its line
    lines = source.splitlines()
    kept: list[str] = []
    for node in tree.body:
        if not _is_definition(node):
            continue
        start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        kept.append("\n".join(lines[start - 1: node.end_lineno]))
    return "\n\n\n".join(kept)


def _parse_complete_prefix(source: str) -> ast.Module | None:
    """The whole source parsed, or else its longest prefix of whole top-level statements."""
    try:
        return ast.parse(source)
    except SyntaxError:
        pass
    lines = source.splitlines()
    starts = [i for i, line in enumerate(lines) if line[:1].strip() and line[:1] not in ")]}"]
    for cut in reversed(starts[1:]):
        try:
            tree = ast.parse("\n".join(lines[:cut]))
        except SyntaxError:
            continue
        if any(isinstance(node, ast.FunctionDef) for node in tree.body):
            return tree
        return None
    return None


def _is_definition(node: ast.stmt) -> bool:
    if isinstance(node, ast.Import | ast.ImportFrom | ast.FunctionDef):
        return True
    if isinstance(node, ast.Assign | ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return all(isinstance(t, ast.Name) and t.id.isupper() for t in targets)
    return False
