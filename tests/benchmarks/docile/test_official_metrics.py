"""The official DocILE evaluator loads and scores the synthetic corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compiled_ai.benchmarks.docile import official
from compiled_ai.benchmarks.docile.loader import load_docs
from compiled_ai.errors import InputError


def _annotations(corpus: Path, docids: list[str]) -> tuple[dict, dict]:
    kile, lir = {}, {}
    for docid in docids:
        ann = json.loads((corpus / "annotations" / f"{docid}.json").read_text())
        kile[docid], lir[docid] = ann["field_extractions"], ann["line_item_extractions"]
    return kile, lir


def test_perfect_predictions_score_one(corpus: Path) -> None:
    dataset = official.load_dataset(corpus, "test")
    kile, lir = _annotations(corpus, dataset.docids)
    result = official.evaluate(dataset, kile, lir)
    assert result["kile"]["primary"] == 1.0 and result["lir"]["primary"] == 1.0
    assert result["kile"]["metrics"]["FN"] == 0 and result["kile"]["metrics_with_text"]["AP"] == 1


def test_empty_and_shifted_predictions_score_low(corpus: Path) -> None:
    dataset = official.load_dataset(corpus, "test")
    empty = official.evaluate(dataset, {}, {})
    assert empty["kile"]["primary"] == 0.0 and empty["lir"]["primary"] == 0.0
    kile, lir = _annotations(corpus, dataset.docids)
    half = {d: fields[::2] for d, fields in kile.items()}
    shifted = {d: [{**f, "bbox": [f["bbox"][0], min(1, f["bbox"][1] + 0.03), f["bbox"][2],
                                   min(1, f["bbox"][3] + 0.03)]} for f in fields]
               for d, fields in kile.items()}
    assert 0.3 < official.evaluate(dataset, half, {})["kile"]["metrics"]["recall"] < 0.7
    assert official.evaluate(dataset, shifted, {})["kile"]["primary"] < 0.2


def test_loader_reads_words_and_annotations(corpus: Path) -> None:
    _dataset, docs = load_docs(corpus, "val", limit=3)
    assert len(docs) == 3
    doc = docs[0]
    assert doc.words and {"text", "bbox", "page"} <= set(doc.words[0])
    assert any(f["fieldtype"] == "vendor_name" for f in doc.kile)


def test_loader_rejects_a_directory_that_is_not_docile(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="missing annotations/, ocr/"):
        load_docs(tmp_path, "test")
    (tmp_path / "annotations").mkdir()
    (tmp_path / "ocr").mkdir()
    with pytest.raises(InputError, match="no split file test.json"):
        load_docs(tmp_path, "test")
