"""Pull the candidate function out of a model's reply.

Models wrap code in Markdown fences, repeat the type definitions they were shown, and
add example calls. We keep the fenced block that defines the wanted function and,
from it, only top-level imports, function definitions and UPPER_CASE constants:
anything else would run at import time and is not the function we asked for.
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
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source  # stage 2 reports the syntax error with its line
    lines = source.splitlines()
    kept: list[str] = []
    for node in tree.body:
        if not _is_definition(node):
            continue
        start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        kept.append("\n".join(lines[start - 1: node.end_lineno]))
    return "\n\n\n".join(kept)


def _is_definition(node: ast.stmt) -> bool:
    if isinstance(node, ast.Import | ast.ImportFrom | ast.FunctionDef):
        return True
    if isinstance(node, ast.Assign | ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return all(isinstance(t, ast.Name) and t.id.isupper() for t in targets)
    return False
