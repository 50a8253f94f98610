"""Write a synthetic corpus to disk in DocILE's layout.

``DIR/pdfs/ID.pdf``, ``DIR/ocr/ID.json`` (docTR export format, as DocILE ships it,
with ``snapped_geometry`` precomputed so the official evaluator needs no page
images), ``DIR/annotations/ID.json`` and the split index files ``train.json``,
``val.json``, ``test.json``. Everything is a function of the seed.

Splits are by layout: most layouts have documents in all three splits, two layouts
appear only in validation and four only in test, so a part of the test set comes
from vendors no extractor has seen.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from compiled_ai.benchmarks.docile.synth.content import make_content
from compiled_ai.benchmarks.docile.synth.render import Annotated, Rendered, render
from compiled_ai.benchmarks.docile.synth.styles import Style, make_style

OCR_CONFUSIONS = {"0": "O", "O": "0", "1": "l", "l": "1", "5": "S", "S": "5", "8": "B",
                  "B": "8", "e": "c", "a": "o", ",": ".", ".": ","}
VAL_ONLY, TEST_ONLY = 2, 4


def layout_split(seed: int, layouts: int) -> dict[str, str]:
    """layout id -> "shared", "val" or "test" (the last two: seen in no other split)."""
    order = list(range(layouts))
    random.Random(f"docile-split:{seed}").shuffle(order)
    kinds = {layout: "shared" for layout in order}
    for layout in order[:TEST_ONLY]:
        kinds[layout] = "test"
    for layout in order[TEST_ONLY:TEST_ONLY + VAL_ONLY]:
        kinds[layout] = "val"
    return {str(k): v for k, v in sorted(kinds.items())}


def generate_corpus(out: Path, seed: int = 0, docs: int = 240, layouts: int = 24,
                    tick: Callable[[], None] | None = None) -> dict[str, list[str]]:
    """Write ``docs`` documents over ``layouts`` vendor layouts; returns the splits."""
    if layouts < TEST_ONLY + VAL_ONLY + 1 or docs < layouts:
        raise ValueError(f"need at least {TEST_ONLY + VAL_ONLY + 1} layouts and one document "
                         "per layout")
    for sub in ("pdfs", "ocr", "annotations"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    kinds = layout_split(seed, layouts)
    splits: dict[str, list[str]] = {"train": [], "val": [], "test": []}
    for index in range(docs):
        layout = index % layouts
        doc_index = index // layouts
        style = make_style(seed, layout)
        docid = hashlib.sha1(f"{seed}:{layout}:{doc_index}".encode()).hexdigest()[:16]
        rendered = render(style, make_content(seed, style, doc_index),
                          f"docile-render:{seed}:{docid}")
        rendered.document.write_pdf(str(out / "pdfs" / f"{docid}.pdf"))
        _write_json(out / "ocr" / f"{docid}.json", ocr_json(rendered, style, docid))
        _write_json(out / "annotations" / f"{docid}.json",
                    annotation_json(rendered, style, layout))
        splits[_split_of(kinds[str(layout)], doc_index)].append(docid)
        if tick:
            tick()
    for name, ids in splits.items():
        _write_json(out / f"{name}.json", ids)
    _write_json(out / "synthetic.json", {"generator": "compiled-ai synthetic DocILE",
                                         "seed": seed, "docs": docs, "layouts": layouts,
                                         "layout_split": kinds})
    return splits


def _split_of(kind: str, doc_index: int) -> str:
    if kind != "shared":
        return kind
    return ("train", "train", "train", "val", "test")[doc_index % 5]


def ocr_json(rendered: Rendered, style: Style, docid: str) -> dict[str, Any]:
    doc = rendered.document
    rng = random.Random(f"docile-ocr:{docid}")
    pages = []
    for page in range(doc.page_count):
        blocks = []
        runs: dict[int, list[dict[str, Any]]] = {}
        for word in (w for w in doc.words if w.page == page):
            box = doc.normalised(word.box)
            loose = [max(0.0, box[0] - 0.001), max(0.0, box[1] - 0.001),
                     min(1.0, box[2] + 0.001), min(1.0, box[3] + 0.001)]
            runs.setdefault(word.line, []).append({
                "value": _garble(word.text, rng, style.ocr_error_rate),
                "confidence": 0.99,
                "geometry": [loose[:2], loose[2:]],
                "snapped_geometry": [box[:2], box[2:]],
            })
        for words in runs.values():
            left = min(w["geometry"][0][0] for w in words)
            top = min(w["geometry"][0][1] for w in words)
            right = max(w["geometry"][1][0] for w in words)
            bottom = max(w["geometry"][1][1] for w in words)
            geometry = [[left, top], [right, bottom]]
            blocks.append({"geometry": geometry, "lines": [{"geometry": geometry,
                                                            "words": words}],
                           "artefacts": []})
        pages.append({"page_idx": page,
                      "dimensions": [round(doc.height * 200 / 72), round(doc.width * 200 / 72)],
                      "orientation": {"value": None, "confidence": None},
                      "language": {"value": None, "confidence": None}, "blocks": blocks})
    return {"pages": pages}


def _garble(text: str, rng: random.Random, rate: float) -> str:
    if rate == 0 or rng.random() >= rate:
        return text
    positions = [i for i, ch in enumerate(text) if ch in OCR_CONFUSIONS]
    if not positions:
        return text
    i = rng.choice(positions)
    return text[:i] + OCR_CONFUSIONS[text[i]] + text[i + 1:]


def annotation_json(rendered: Rendered, style: Style, layout: int) -> dict[str, Any]:
    doc = rendered.document

    def field(item: Annotated) -> dict[str, Any]:
        words = item.words
        box = (min(w.box[0] for w in words), min(w.box[1] for w in words),
               max(w.box[2] for w in words), max(w.box[3] for w in words))
        out: dict[str, Any] = {"bbox": doc.normalised(box), "page": words[0].page,
                               "fieldtype": item.fieldtype,
                               "text": " ".join(w.text for w in words)}
        if item.line_item_id is not None:
            out["line_item_id"] = item.line_item_id
        return out

    size = [round(doc.width * 200 / 72), round(doc.height * 200 / 72)]
    return {
        "field_extractions": [field(f) for f in rendered.kile],
        "line_item_extractions": [field(f) for f in rendered.lir],
        "line_item_headers": [field(f) for f in rendered.headers],
        "metadata": {
            "page_count": doc.page_count, "cluster_id": layout,
            "page_sizes_at_200dpi": [size] * doc.page_count,
            "document_type": "tax_invoice", "currency": style.currency.lower(),
            "language": style.locale, "source": "synthetic", "original_filename": "",
            "page_to_table_grid": {},
        },
    }


def _write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n",
                    encoding="utf-8")
