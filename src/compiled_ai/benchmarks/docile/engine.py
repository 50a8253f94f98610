"""Word-and-box primitives every DocILE extractor is built from.

This module is also the tested template body of each compiled per-layout extractor:
its source is copied verbatim into the generated step module (so it must stay
within the generated-code rules: standard-library ``re`` only, no I/O, no
underscore attributes), followed by the layout's profile and a one-line entry point.
A profile is plain data: for each field, how to find it (a fixed box for text that
never changes, or a label and where the value sits relative to it) and, for line
items, the table's header words and column ranges. A profile may also carry anchors:
where a field's value sat in the examples and what kind of value it is; with a
model-written recogniser of the layout's value formats, a field whose label rule
finds nothing (a dropped or garbled label) is taken from the recognised value
nearest its anchor.
"""

import re
from typing import Any

GAP = 0.05  # horizontal gap (page widths) that ends a value
FIXED_MARGIN = 0.004
RADIUS = 0.12  # farthest (page units, |dx| + |dy|) a recognised value may sit from its anchor
LONGEST = 4  # words in the longest value candidate ("Mar 27, 2023")


def norm(text: str) -> str:
    """Lower-case letters and digits only; OCR look-alikes folded together."""
    folded = text.lower().replace("0", "o").replace("1", "l").replace("5", "s")
    folded = folded.replace("8", "b").replace("c", "e")
    return re.sub(r"[^a-z0-9]", "", folded)


def same(a: str, b: str) -> bool:
    """Token equality that survives one garbled character (OCR) in longer words."""
    if a == b:
        return True
    if len(a) != len(b) or len(a) < 4:
        return False
    return sum(1 for x, y in zip(a, b, strict=True) if x != y) == 1


def center(word: dict[str, Any]) -> tuple[float, float]:
    box = word["bbox"]
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def bands(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped into horizontal text bands, top to bottom, page by page."""
    ordered = sorted(words, key=lambda w: (w["page"], center(w)[1], w["bbox"][0]))
    out: list[list[dict[str, Any]]] = []
    for word in ordered:
        height = word["bbox"][3] - word["bbox"][1]
        if out:
            last = out[-1]
            same_page = last[0]["page"] == word["page"]
            if same_page and abs(center(last[0])[1] - center(word)[1]) < 0.4 * height:
                last.append(word)
                continue
        out.append([word])
    return [sorted(band, key=lambda w: w["bbox"][0]) for band in out]


def union(words: list[dict[str, Any]]) -> list[float]:
    return [min(w["bbox"][0] for w in words), min(w["bbox"][1] for w in words),
            max(w["bbox"][2] for w in words), max(w["bbox"][3] for w in words)]


def field(fieldtype: str, words: list[dict[str, Any]]) -> dict[str, Any]:
    return {"fieldtype": fieldtype, "page": words[0]["page"], "bbox": union(words),
            "text": " ".join(w["text"] for w in words)}


def find_label(all_bands: list[list[dict[str, Any]]], label: list[str],
               nth: int = 0) -> tuple[int, int, int] | None:
    """(band index, first word, last word + 1) of the nth match of the label tokens."""
    want = [norm(t) for t in label]
    seen = 0
    for b, band in enumerate(all_bands):
        keys = [norm(w["text"]) for w in band]
        for i in range(len(keys) - len(want) + 1):
            if all(same(keys[i + j], want[j]) for j in range(len(want))):
                if seen == nth:
                    return b, i, i + len(want)
                seen += 1
    return None


def run_from(band: list[dict[str, Any]], start: int) -> list[dict[str, Any]]:
    """Words from ``start`` on while the gap to the previous word stays small."""
    out: list[dict[str, Any]] = []
    for word in band[start:]:
        if out and word["bbox"][0] - out[-1]["bbox"][2] > GAP:
            break
        out.append(word)
    return out


Bands = list[list[dict[str, Any]]]
Lines = list[list[tuple[int, dict[str, Any]]]]  # per layout line: (column, word)


def value_right(all_bands: Bands, rule: dict[str, Any]) -> list[dict[str, Any]]:
    hit = find_label(all_bands, rule["label"], rule.get("nth", 0))
    if hit is None:
        return []
    b, _first, end = hit
    band = all_bands[b]
    start = end + rule.get("skip", 0)
    if start >= len(band) or band[start]["bbox"][0] - band[start - 1]["bbox"][2] > rule["max_gap"]:
        return []
    words = run_from(band, start)
    return words[:rule["count"]] if rule.get("count") else words


def value_below(all_bands: Bands, rule: dict[str, Any]) -> list[dict[str, Any]]:
    hit = find_label(all_bands, rule["label"], rule.get("nth", 0))
    if hit is None:
        return []
    b, first, _end = hit
    anchor = all_bands[b][first]
    left, page = anchor["bbox"][0], anchor["page"]
    out: list[dict[str, Any]] = []
    step = 0
    for band in all_bands[b + 1:]:
        if band[0]["page"] != page:
            break
        starts = [i for i, w in enumerate(band) if abs(w["bbox"][0] - left) < 0.02]
        if not starts:
            continue
        step += 1
        if step <= rule.get("skip_lines", 0):
            continue
        out += run_from(band, starts[0])
        if step >= rule.get("skip_lines", 0) + rule.get("lines", 1):
            break
    return out


def value_fixed(words: list[dict[str, Any]], rule: dict[str, Any]) -> list[dict[str, Any]]:
    box, page = rule["box"], rule.get("page", 0)
    inside = []
    for word in words:
        x, y = center(word)
        if word["page"] == page and box[0] - FIXED_MARGIN <= x <= box[2] + FIXED_MARGIN \
                and box[1] - FIXED_MARGIN <= y <= box[3] + FIXED_MARGIN:
            inside.append(word)
    return sorted(inside, key=lambda w: (center(w)[1], w["bbox"][0]))


def extract_fields(words: list[dict[str, Any]], rules: dict[str, dict[str, Any]],
                   anchors: dict[str, dict[str, Any]] | None = None,
                   recognise: Any = None,
                   placed: tuple[dict[str, Any], Lines] | None = None) -> dict[str, Any]:
    """fieldtype -> field dict (or None when neither the rule nor the recogniser finds it).

    ``placed``: what a model-written locator returned, and the layout lines it read;
    rules of kind "located" take their field from it."""
    all_bands = bands(words)
    out: dict[str, Any] = {}
    taken: list[list[float]] = []
    for fieldtype in sorted(rules):
        rule = rules[fieldtype]
        if rule["kind"] == "fixed":
            found = value_fixed(words, rule)
        elif rule["kind"] == "right":
            found = value_right(all_bands, rule)
        elif rule["kind"] == "located":
            found = words_at(placed[1], placed[0].get(fieldtype)) if placed else []
        else:
            found = value_below(all_bands, rule)
        out[fieldtype] = field(fieldtype, found) if found else None
        taken += [w["bbox"] for w in found]
    if recognise is None or not anchors:
        return out
    for fieldtype in sorted(anchors):
        if out.get(fieldtype) is None:
            found = value_by_kind(all_bands, anchors[fieldtype], recognise, taken)
            out[fieldtype] = field(fieldtype, found) if found else None
            taken += [w["bbox"] for w in found]
    return out


def candidates(all_bands: Bands, page: int) -> list[list[dict[str, Any]]]:
    """Every run of one to LONGEST neighbouring words on a page: the possible values."""
    out: list[list[dict[str, Any]]] = []
    for band in all_bands:
        if band[0]["page"] != page:
            continue
        for start in range(len(band)):
            for end in range(start + 1, min(start + LONGEST, len(band)) + 1):
                if end - start > 1 and band[end - 1]["bbox"][0] - band[end - 2]["bbox"][2] > GAP:
                    break
                out.append(band[start:end])
    return out


def recognised(recognise: Any, text: str, kind: str) -> bool:
    """The recogniser's verdict; one that fails on an odd text says no."""
    try:
        verdict = recognise(text)
    except Exception:
        return False
    return isinstance(verdict, dict) and verdict.get(kind) is True


def value_by_kind(all_bands: Bands, anchor: dict[str, Any], recognise: Any,
                  taken: list[list[float]]) -> list[dict[str, Any]]:
    """The recognised value of the anchor's kind nearest the anchor (the longest on a tie)."""
    best: list[dict[str, Any]] = []
    best_distance = RADIUS
    for words in candidates(all_bands, anchor["page"]):
        if any(w["bbox"] in taken for w in words):
            continue
        box = union(words)
        distance = abs((box[0] + box[2]) / 2 - anchor["at"][0]) + \
            abs((box[1] + box[3]) / 2 - anchor["at"][1])
        closer = distance < best_distance - 1e-9
        tie = abs(distance - best_distance) <= 1e-9 and len(words) > len(best)
        if not (closer or tie):
            continue
        if recognised(recognise, " ".join(w["text"] for w in words), anchor["value_kind"]):
            best, best_distance = words, distance
    return best


def extract_items(words: list[dict[str, Any]], table: dict[str, Any]) -> list[dict[str, Any]]:
    """Line-item fields (with line_item_id) from every table whose header matches."""
    if not table:
        return []
    all_bands = bands(words)
    header = [norm(t) for t in table["header"]]
    out: list[dict[str, Any]] = []
    item = 0
    b = 0
    while b < len(all_bands):
        keys = [norm(w["text"]) for w in all_bands[b]]
        matched = all(same(k, h) for k, h in zip(keys, header, strict=False))
        if len(keys) < len(header) or not matched:
            b += 1
            continue
        previous_top = all_bands[b][0]["bbox"][1]
        b += 1
        while b < len(all_bands):
            band = all_bands[b]
            top = band[0]["bbox"][1]
            if band[0]["page"] != all_bands[b - 1][0]["page"] or \
                    top - previous_top > table["pitch"] * 1.5:
                break
            cells: dict[str, list[dict[str, Any]]] = {}
            for word in band:
                x = center(word)[0]
                for column in table["columns"]:
                    if column["left"] <= x <= column["right"]:
                        cells.setdefault(column["fieldtype"], []).append(word)
            if table["key"] not in cells:
                break
            for fieldtype in sorted(cells):
                found = field(fieldtype, cells[fieldtype])
                found["line_item_id"] = item
                out.append(found)
            item += 1
            previous_top = top
            b += 1
    return out


def extract(words: list[dict[str, Any]], profile: dict[str, Any],
            recognise: Any = None, locate: Any = None) -> dict[str, Any]:
    """The whole document: KILE fields by fieldtype, then the line items. ``locate``: a
    model-written locator over the layout text (for the rules of kind "located")."""
    placed = None
    if locate is not None:  # the text the locator was compiled on, even if items are dropped
        text, lines = layout(words, profile.get("layout_table", profile["table"]))
        placed = (located(locate, text), lines)
    result = extract_fields(words, profile["fields"], profile.get("anchors"), recognise, placed)
    result["line_items"] = extract_items(words, profile["table"])
    return result


# --- the layout text a model-written locator reads ----------------------------------------------

COLUMNS = 50  # characters per page width (few: every space is a prompt token)
RUN_APART = 3  # least spaces between two runs of words (one value's words are one space apart)
NEAR = 1  # columns a located value may start off the column of the word it names


def layout(words: list[dict[str, Any]], table: dict[str, Any]) -> tuple[list[str], Lines]:
    """The document as lines of text: one per text band, each run of words at its page
    column, line-item rows left out (the table profile reads them), a "--- page N ---"
    line before every page after the first. Also each line's words with their columns,
    to turn a located value back into words and boxes."""
    items = extract_items(words, table)
    text: list[str] = []
    lines: Lines = []
    page = 0
    for band in bands(words):
        if band[0]["page"] != page:
            page = band[0]["page"]
            text.append(f"--- page {page + 1} ---")
            lines.append([])
        if items and all(in_item(word, items) for word in band):
            continue
        line = ""
        placed: list[tuple[int, dict[str, Any]]] = []
        for index, word in enumerate(band):
            if index and word["bbox"][0] - band[index - 1]["bbox"][2] <= GAP:
                line += " "
            elif line:
                line += " " * max(round(word["bbox"][0] * COLUMNS) - len(line), RUN_APART)
            else:
                line = " " * round(word["bbox"][0] * COLUMNS)
            placed.append((len(line), word))
            line += word["text"]
        text.append(line)
        lines.append(placed)
    return text, lines


def in_item(word: dict[str, Any], items: list[dict[str, Any]]) -> bool:
    x, y = center(word)
    return any(i["page"] == word["page"] and i["bbox"][0] <= x <= i["bbox"][2]
               and i["bbox"][1] <= y <= i["bbox"][3] for i in items)


def located(locate: Any, text: list[str]) -> dict[str, Any]:
    """The locator's answer; one that fails on an odd document locates nothing."""
    try:
        answer = locate(text)
    except Exception:
        return {}
    return answer if isinstance(answer, dict) else {}


def words_at(lines: Lines, place: Any) -> list[dict[str, Any]]:
    """The words of a located value ([line, column, text]): on its line from its column,
    continued at that column on the lines below for a value of several lines."""
    if not isinstance(place, list | tuple) or len(place) != 3:
        return []
    row, column, text = place
    if not isinstance(row, int) or not isinstance(column, int) or not isinstance(text, str) \
            or not 0 <= row < len(lines):
        return []
    tokens = text.split()
    if not tokens:
        return []
    out: list[dict[str, Any]] = []
    for placed in lines[row:row + 2 * len(tokens) + 2]:
        starts = [i for i, (col, _w) in enumerate(placed) if abs(col - column) <= NEAR]
        if not starts:
            if not out:
                return []
            continue  # a line with nothing at the value's column (as below labels)
        previous = None
        for _col, word in placed[starts[0]:]:
            if previous is not None and word["bbox"][0] - previous["bbox"][2] > GAP:
                break  # the run ended: the value goes on below, if it does
            if word["text"] != tokens[len(out)]:
                return []
            out.append(word)
            previous = word
            if len(out) == len(tokens):
                return out
    return []
