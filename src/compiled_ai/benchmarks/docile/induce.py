"""Induce a layout profile (the data a compiled extractor runs on) from annotated examples.

For every annotated field: text that is identical at the same place on every
example becomes a fixed box (the vendor's own name and address); otherwise the
profile records the label whose first word never changes, and where the value
sits relative to it (on the same line after N words, or N lines below). The table
profile keeps the header's first words, each column's horizontal range and the
row pitch. Deterministic: same examples, same profile.

Anchors (used only with a model-written recogniser, see ``recogniser``): for the
fields whose values have a layout-specific format (invoice number, dates), the
median centre of the value in the examples and the kind of value it is.
"""

from __future__ import annotations

from collections import Counter
from statistics import median
from typing import Any

from compiled_ai.benchmarks.docile import engine
from compiled_ai.benchmarks.docile.loader import Doc

Words = list[dict[str, Any]]

# fieldtype -> the kind of value a per-layout recogniser decides on
VALUE_KINDS = {"document_id": "document_id", "date_issue": "date", "date_due": "date"}


def words_in(doc: Doc, annotation: dict[str, Any]) -> Words:
    """The OCR words an annotated box covers (by their centres), in reading order."""
    left, top, right, bottom = annotation["bbox"]
    inside = [w for w in doc.words if w["page"] == annotation["page"]
              and left <= engine.center(w)[0] <= right and top <= engine.center(w)[1] <= bottom]
    return sorted(inside, key=lambda w: (engine.center(w)[1], w["bbox"][0]))


def expected_output(doc: Doc, fieldtypes: list[str]) -> dict[str, Any]:
    """What a perfect extractor returns for ``doc``: the golden fixture output."""
    out: dict[str, Any] = {}
    by_type = {a["fieldtype"]: a for a in doc.kile}
    for fieldtype in sorted(fieldtypes):
        annotation = by_type.get(fieldtype)
        words = words_in(doc, annotation) if annotation else []
        out[fieldtype] = engine.field(fieldtype, words) if words else None
    items = []
    for a in sorted(doc.lir, key=lambda a: (a["line_item_id"], a["fieldtype"])):
        words = words_in(doc, a)
        if words:
            items.append({**engine.field(a["fieldtype"], words), "line_item_id": a["line_item_id"]})
    out["line_items"] = items
    return out


def induce_profile(examples: list[Doc]) -> dict[str, Any]:
    fieldtypes = sorted({a["fieldtype"] for doc in examples for a in doc.kile})
    rules = {}
    for fieldtype in fieldtypes:
        rule = _induce_field(examples, fieldtype)
        if rule is not None:
            rules[fieldtype] = rule
    return {"fields": rules, "table": _induce_table(examples), "anchors": induce_anchors(examples)}


def induce_anchors(examples: list[Doc]) -> dict[str, dict[str, Any]]:
    """fieldtype -> {value_kind, page, at}: where the examples put each formatted value."""
    anchors = {}
    for fieldtype, kind in sorted(VALUE_KINDS.items()):
        centres, pages = [], []
        for doc in examples:
            for a in doc.kile:
                if a["fieldtype"] == fieldtype:
                    words = words_in(doc, a)
                    if words:
                        box = engine.union(words)
                        centres.append(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2))
                        pages.append(words[0]["page"])
                    break
        if centres and len(set(pages)) == 1:
            anchors[fieldtype] = {"value_kind": kind, "page": pages[0],
                                  "at": [round(median(c[0] for c in centres), 6),
                                         round(median(c[1] for c in centres), 6)]}
    return anchors


def _induce_field(examples: list[Doc], fieldtype: str) -> dict[str, Any] | None:
    seen = []
    for doc in examples:
        for a in doc.kile:
            if a["fieldtype"] == fieldtype:
                words = words_in(doc, a)
                if words:
                    seen.append((doc, words))
                break
    if not seen:
        return None
    boxes = [engine.union(words) for _d, words in seen]
    pages = {words[0]["page"] for _d, words in seen}
    if len(pages) == 1 and all(
            max(abs(a - b) for a, b in zip(box, boxes[0], strict=True)) < 0.003 for box in boxes):
        box = [min(b[0] for b in boxes), min(b[1] for b in boxes),
               max(b[2] for b in boxes), max(b[3] for b in boxes)]
        return {"kind": "fixed", "box": [round(v, 6) for v in box], "page": pages.pop()}
    return _right_rule(seen) or _below_rule(seen)


def _band_of(doc: Doc, word: dict[str, Any]) -> tuple[list[Words], int]:
    all_bands = engine.bands(doc.words)
    for index, band in enumerate(all_bands):
        if any(w is word for w in band):
            return all_bands, index
    raise ValueError("word not in any band")


def _runs(words: Words) -> list[Words]:
    runs: list[Words] = []
    for word in words:
        if runs and word["bbox"][0] - runs[-1][-1]["bbox"][2] <= engine.GAP:
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def _common_prefix(token_lists: list[list[str]]) -> list[str]:
    """Leading tokens most examples agree on (one garbled example does not break it)."""
    prefix: list[str] = []
    for i in range(max(len(tokens) for tokens in token_lists)):
        column = [tokens[i] for tokens in token_lists if len(tokens) > i]
        best = Counter(engine.norm(t) for t in column).most_common(1)[0][0]
        agree = sum(1 for t in column if engine.same(engine.norm(t), best))
        if agree < max(1, round(0.6 * len(token_lists))):
            break
        prefix.append(next(t for t in column if engine.norm(t) == best))
    kept = []
    for token in prefix:  # stop at numbers: "VAT 19%" and "VAT 7%" share the label "VAT"
        if any(ch.isdigit() for ch in token):
            break
        if engine.norm(token):
            kept.append(token)
    return kept


def _right_rule(seen: list[tuple[Doc, Words]]) -> dict[str, Any] | None:
    labels = []
    for doc, words in seen:
        all_bands, index = _band_of(doc, words[0])
        left = words[0]["bbox"][0]
        before = [w for w in all_bands[index] if w["bbox"][2] <= left + 1e-9
                  and left - w["bbox"][2] < 0.35]
        runs = _runs(before)
        if runs and left - runs[-1][-1]["bbox"][2] <= engine.GAP and len(runs[-1]) == 1 \
                and len(runs[-1][0]["text"]) <= 3 and ":" not in runs[-1][0]["text"]:
            runs = runs[:-1]  # a currency symbol or code stuck to the value is not its label
        if not runs:
            return None
        labels.append(runs[-1])
    prefix = _common_prefix([[w["text"] for w in run] for run in labels])
    if not prefix:
        return None
    skips, gaps = [], []
    for (doc, words), run in zip(seen, labels, strict=True):
        all_bands, index = _band_of(doc, words[0])
        band = all_bands[index]
        end = next(i for i, w in enumerate(band) if w is run[0]) + len(prefix)
        first = next(i for i, w in enumerate(band) if w is words[0])
        skips.append(first - end)
        gaps.append(words[0]["bbox"][0] - band[first - 1]["bbox"][2])
    counts = {len(words) for _d, words in seen}
    rule = {"kind": "right", "label": prefix, "skip": Counter(skips).most_common(1)[0][0],
            "max_gap": round(max(gaps) * 1.5 + 0.02, 4),
            "nth": _nth(seen, [run[0] for run in labels], prefix)}
    numeric = any(ch.isdigit() for _d, words in seen for w in words for ch in w["text"])
    if len(counts) == 1 and not numeric:  # a currency code: one word, not the amount after it
        rule["count"] = counts.pop()
    return rule


def _nth(seen: list[tuple[Doc, Words]], anchors: list[dict[str, Any]],
         label: list[str]) -> int:
    """Which occurrence of the label is the anchor (the title can repeat a label's word)."""
    found = []
    for (doc, _words), anchor in zip(seen, anchors, strict=True):
        all_bands = engine.bands(doc.words)
        for n in range(20):
            hit = engine.find_label(all_bands, label, n)
            if hit is None:
                break
            if all_bands[hit[0]][hit[1]] is anchor:
                found.append(n)
                break
    return Counter(found).most_common(1)[0][0] if found else 0


def _below_rule(seen: list[tuple[Doc, Words]]) -> dict[str, Any] | None:
    ups: list[list[Words]] = []
    lines = []
    for doc, words in seen:
        all_bands, index = _band_of(doc, words[0])
        left = words[0]["bbox"][0]
        runs = []
        for band in reversed(all_bands[:index]):
            if band[0]["page"] != words[0]["page"]:
                break
            starts = [i for i, w in enumerate(band) if abs(w["bbox"][0] - left) < 0.02]
            if starts:
                runs.append(engine.run_from(band, starts[0]))
        ups.append(runs)
        lines.append(len({round(engine.center(w)[1], 3) for w in words}))
    for k in range(min(6, min(len(u) for u in ups))):
        prefix = _common_prefix([[w["text"] for w in u[k]] for u in ups])
        if prefix:
            return {"kind": "below", "label": prefix, "skip_lines": k,
                    "lines": Counter(lines).most_common(1)[0][0],
                    "nth": _nth(seen, [u[k][0] for u in ups], prefix)}
    return None


def _induce_table(examples: list[Doc]) -> dict[str, Any]:
    columns: dict[str, list[float]] = {}
    headers, pitches = [], []
    for doc in examples:
        for a in doc.lir:
            words = words_in(doc, a)
            if not words:
                continue
            box = engine.union(words)
            span = columns.setdefault(a["fieldtype"], [box[0], box[2]])
            span[0], span[1] = min(span[0], box[0]), max(span[1], box[2])
        first = [a for a in doc.lir if a["line_item_id"] == 0]
        if first:
            words = words_in(doc, first[0])
            if words:
                all_bands, index = _band_of(doc, words[0])
                if index > 0:
                    headers.append([w["text"] for w in all_bands[index - 1]])
        tops: dict[int, float] = {}
        for a in doc.lir:
            if a["page"] == 0:
                tops.setdefault(a["line_item_id"], a["bbox"][1])
        ordered = [tops[k] for k in sorted(tops)]
        pitches += [b - a for a, b in zip(ordered, ordered[1:], strict=False)]
    if not columns or not headers:
        return {}
    prefix = _common_prefix(headers)[:2]
    if not prefix:
        return {}
    ordered_columns = sorted(columns.items(), key=lambda item: item[1][0])
    key = "line_item_description" if "line_item_description" in columns \
        else ordered_columns[0][0]
    return {"header": prefix, "key": key,
            "pitch": round(median(pitches), 6) if pitches else 0.03,
            "columns": [{"fieldtype": ft, "left": round(span[0] - 0.005, 6),
                         "right": round(span[1] + 0.005, 6)} for ft, span in ordered_columns]}
