"""Load BFCL's simple-Python category from the installed ``bfcl-eval`` package.

The data ships inside the wheel (``bfcl_eval/data``), so nothing is fetched at run
time; the version is pinned by the ``bfcl`` extra in pyproject.toml.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compiled_ai.errors import ConfigurationError

CATEGORY = "simple_python"
# BFCL's parameter types (Python names) as JSON Schema types; ``any`` has none.
JSON_SCHEMA_TYPES = {"integer": "integer", "float": "number", "string": "string",
                     "boolean": "boolean", "array": "array", "tuple": "array", "dict": "object"}
DATA_FILE = "BFCL_v4_simple_python.json"
INSTALL_HINT = ("the BFCL benchmark needs the bfcl-eval package: "
                "pip install --no-deps 'bfcl-eval==2026.3.23' (or pip install -e '.[bfcl]')")


@dataclass(frozen=True)
class BfclItem:
    """One test item: the user's question, the one function offered, the accepted answers."""

    id: str
    question: str
    function: dict[str, Any]
    possible_answer: list[dict[str, Any]]

    @property
    def function_name(self) -> str:
        return str(self.function["name"])

    @property
    def required_parameters(self) -> list[str]:
        """The parameters a call of the function must give (BFCL's ``required``)."""
        return list(self.function.get("parameters", {}).get("required") or [])


def package_dir() -> Path:
    """Where ``bfcl_eval`` is installed; found without importing it."""
    spec = importlib.util.find_spec("bfcl_eval")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigurationError(INSTALL_HINT)
    return Path(next(iter(spec.submodule_search_locations)))


def package_version() -> str:
    try:
        return importlib.metadata.version("bfcl-eval")
    except importlib.metadata.PackageNotFoundError:
        raise ConfigurationError(INSTALL_HINT) from None


def load_items(limit: int | None = None) -> list[BfclItem]:
    """The category's items in file order, each joined with its possible answer."""
    data = package_dir() / "data"
    questions = _read_jsonl(data / DATA_FILE)
    answers = {row["id"]: row["ground_truth"] for row in _read_jsonl(
        data / "possible_answer" / DATA_FILE)}
    items = []
    for row in questions:
        turns = row["question"]
        if len(turns) != 1 or len(turns[0]) != 1 or len(row["function"]) != 1:
            raise ConfigurationError(f"{DATA_FILE}: item {row['id']} is not a single-turn, "
                                     "single-function item")
        if row["id"] not in answers:
            raise ConfigurationError(f"{DATA_FILE}: no possible answer for {row['id']}")
        items.append(BfclItem(id=row["id"], question=turns[0][0]["content"],
                              function=row["function"][0],
                              possible_answer=answers[row["id"]]))
    return items[:limit] if limit is not None else items


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise ConfigurationError(f"bfcl-eval is installed but has no {path.name} "
                                 f"(expected at {path}); {INSTALL_HINT}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
