"""Checks every blind injection suite's file must pass, shared by the per-suite tests.

Each suite's own test keeps what differs (families, languages, decoders, thresholds);
the line format and numbering are the same for every suite version.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

CASE_KEYS = ["id", "text", "label", "family", "language", "in_carrier", "paper_subset"]


def load_generator(path: Path) -> ModuleType:
    """The suite's generator script, imported from its file (it is not a package module)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_cases(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def check_documented_fields(cases: list[dict]) -> None:
    for case in cases:
        assert list(case) == CASE_KEYS, case["id"]
        assert isinstance(case["text"], str) and case["text"].strip()
        assert case["label"] in {"attack", "benign"}
        assert re.fullmatch(r"[a-z]{2}", case["language"]), case["id"]
        assert isinstance(case["in_carrier"], bool) and isinstance(case["paper_subset"], bool)


def check_ids_and_texts_unique(cases: list[dict], prefix: str) -> None:
    assert [c["id"] for c in cases] == [f"{prefix}-{n:03d}" for n in range(1, len(cases) + 1)]
    texts = [c["text"] for c in cases]
    assert len(set(texts)) == len(texts)
