"""The synthetic corpus: deterministic, in DocILE's layout, split by layout."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from compiled_ai.benchmarks.docile.synth.corpus import generate_corpus, layout_split
from compiled_ai.benchmarks.docile.synth.styles import make_style


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def test_same_seed_gives_byte_identical_corpus(tmp_path: Path) -> None:
    generate_corpus(tmp_path / "a", seed=5, docs=30, layouts=10)
    generate_corpus(tmp_path / "b", seed=5, docs=30, layouts=10)
    generate_corpus(tmp_path / "c", seed=6, docs=30, layouts=10)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_layouts_differ_in_wording_formats_and_currency() -> None:
    styles = [make_style(0, i) for i in range(24)]
    assert len({s.labels["document_id"] for s in styles}) >= 5
    assert len({s.date_format for s in styles}) >= 4
    assert {s.decimal for s in styles} == {".", ","}
    assert len({s.currency for s in styles}) >= 4
    assert any(s.max_items > s.rows_per_page for s in styles)  # some tables break pages
    assert any(s.ocr_error_rate > 0 for s in styles) and any(s.missing_label_rate > 0
                                                              for s in styles)


def test_split_keeps_some_test_layouts_unseen(corpus: Path) -> None:
    meta = json.loads((corpus / "synthetic.json").read_text())
    layout_of = {}
    for docid in json.loads((corpus / "train.json").read_text()):
        layout_of[docid] = "train"
    train_layouts = set()
    test_layouts = set()
    for split, layouts in (("train", train_layouts), ("test", test_layouts)):
        for docid in json.loads((corpus / f"{split}.json").read_text()):
            ann = json.loads((corpus / "annotations" / f"{docid}.json").read_text())
            layouts.add(ann["metadata"]["cluster_id"])
    unseen = test_layouts - train_layouts
    assert len(unseen) == 4
    assert unseen == {int(k) for k, v in meta["layout_split"].items() if v == "test"}
    assert test_layouts & train_layouts  # and some test layouts were seen
    assert layout_split(3, 24) == meta["layout_split"]


def test_every_document_has_pdf_ocr_and_annotations_in_docile_format(corpus: Path) -> None:
    docids = [d for s in ("train", "val", "test")
              for d in json.loads((corpus / f"{s}.json").read_text())]
    assert len(docids) == len(set(docids)) == 120
    multi_page = 0
    for docid in docids:
        assert (corpus / "pdfs" / f"{docid}.pdf").read_bytes().startswith(b"%PDF")
        ocr = json.loads((corpus / "ocr" / f"{docid}.json").read_text())
        ann = json.loads((corpus / "annotations" / f"{docid}.json").read_text())
        assert len(ocr["pages"]) == ann["metadata"]["page_count"]
        multi_page += ann["metadata"]["page_count"] > 1
        word = ocr["pages"][0]["blocks"][0]["lines"][0]["words"][0]
        (left, top), (right, bottom) = word["geometry"]
        assert 0 <= left < right <= 1 and 0 <= top < bottom <= 1
        kinds = {f["fieldtype"] for f in ann["field_extractions"]}
        assert {"document_id", "vendor_name", "amount_total_gross", "date_issue"} <= kinds
        items = ann["line_item_extractions"]
        assert items and all("line_item_id" in f for f in items)
    assert multi_page > 0


def test_text_layer_holds_the_ocr_words(corpus: Path) -> None:
    import pypdfium2

    docid = json.loads((corpus / "train.json").read_text())[0]
    pdf = pypdfium2.PdfDocument(str(corpus / "pdfs" / f"{docid}.pdf"))
    text = pdf[0].get_textpage().get_text_range()
    ann = json.loads((corpus / "annotations" / f"{docid}.json").read_text())
    for field in ann["field_extractions"]:
        if field["page"] == 0:
            assert field["text"].split()[0] in text
