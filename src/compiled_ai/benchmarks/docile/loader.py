"""Read a dataset in DocILE's layout (the real one, or the synthetic corpus) into plain data.

Extractors work on plain JSON: per document a list of OCR words (text, normalised
box, page) and, for scoring and for compiling, the annotated fields. Reading goes
through the official package's ``Dataset``/``Document`` classes so the real
dataset's quirks (zip archives, OCR format) are handled the way DocILE handles them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compiled_ai.benchmarks.docile.official import load_dataset
from compiled_ai.errors import InputError


@dataclass
class Doc:
    docid: str
    page_count: int
    words: list[dict[str, Any]]  # {"text", "bbox": [l, t, r, b], "page"}
    kile: list[dict[str, Any]] = field(default_factory=list)  # annotated KILE fields
    lir: list[dict[str, Any]] = field(default_factory=list)  # annotated line-item fields
    cluster_id: int | None = None  # the dataset's own layout cluster (never used to predict)


def check_layout(root: Path, split: str) -> None:
    """One clear error when ``root`` is not a DocILE dataset or lacks the split."""
    if not root.exists():
        raise InputError(f"no dataset at {root}")
    if root.suffix == ".zip":
        return
    missing = [p for p in ("annotations", "ocr") if not (root / p).is_dir()]
    if missing:
        raise InputError(f"{root} is not a DocILE dataset: missing "
                         f"{', '.join(m + '/' for m in missing)}")
    if not (root / f"{split}.json").is_file():
        raise InputError(f"{root} has no split file {split}.json")


def load_docs(root: Path, split: str, limit: int | None = None) -> tuple[Any, list[Doc]]:
    """The official ``Dataset`` (for scoring) and the same documents as plain data."""
    check_layout(root, split)
    if root.suffix != ".zip":
        try:
            ids = json.loads((root / f"{split}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"unreadable split file {root / (split + '.json')}: {exc}") from None
        if not isinstance(ids, list) or not all(isinstance(d, str) for d in ids):
            raise InputError(f"{split}.json must be a JSON list of document ids")
    dataset = load_dataset(root, split)
    if limit is not None:
        dataset = dataset[:limit] if limit < len(dataset) else dataset
    docs = []
    for document in dataset:
        try:
            words = [{"text": w.text, "bbox": list(w.bbox.to_tuple()), "page": w.page}
                     for page in range(document.page_count)
                     for w in document.ocr.get_all_words(page)]
            docs.append(Doc(
                docid=document.docid, page_count=document.page_count, words=words,
                kile=[_plain(f) for f in document.annotation.fields],
                lir=[_plain(f) for f in document.annotation.li_fields],
                cluster_id=document.annotation.content["metadata"].get("cluster_id")))
        except (OSError, KeyError, ValueError, TypeError) as exc:
            raise InputError(f"document {document.docid}: unreadable OCR or annotation "
                             f"({type(exc).__name__}: {exc})") from None
    return dataset, docs


def _plain(field_: Any) -> dict[str, Any]:
    out = {"fieldtype": field_.fieldtype, "page": field_.page,
           "bbox": list(field_.bbox.to_tuple()), "text": field_.text}
    if field_.line_item_id is not None:
        out["line_item_id"] = field_.line_item_id
    return out
