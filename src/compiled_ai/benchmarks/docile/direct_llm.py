"""The Direct-LLM baseline: one model call per document, the paper's per-document cost.

The prompt carries the document's OCR text line by line and asks for the field
values as JSON; each value is then located among the OCR words (the same words in
the same order), because DocILE scores boxes, not strings. Replies are cached in a
JSONL file keyed by the request's hash, so an interrupted run resumes where it
stopped and a rerun spends no tokens on documents already answered.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from compiled_ai.benchmarks.docile import engine
from compiled_ai.benchmarks.docile.loader import Doc
from compiled_ai.providers.base import CompletionRequest, Message, Provider

KILE_FIELDS = {
    "document_id": "invoice number", "date_issue": "invoice date", "date_due": "due date",
    "vendor_name": "seller company name", "vendor_address": "seller address",
    "vendor_email": "seller e-mail", "vendor_tax_id": "seller VAT/tax id",
    "customer_billing_name": "billed customer name",
    "customer_billing_address": "billed customer address", "customer_id": "customer number",
    "order_id": "purchase order number", "payment_terms": "payment terms",
    "amount_total_net": "total before tax", "amount_total_tax": "tax amount",
    "amount_total_gross": "total including tax", "amount_due": "amount due",
    "currency_code_amount_due": "currency code", "iban": "IBAN", "bic": "BIC/SWIFT",
}
ITEM_FIELDS = {"description": "line_item_description", "quantity": "line_item_quantity",
               "unit_price": "line_item_unit_price_net", "amount": "line_item_amount_net",
               "code": "line_item_code"}
SYSTEM = ("You read invoices. Reply with one JSON object and nothing else. Copy every value "
          "exactly as it is written in the document text; use null when a field is absent.")
MAX_LINES = 90
MAX_TOKENS = 400  # a CPU-bound 0.5B model: long tables are cut, complete items kept


def document_text(doc: Doc) -> str:
    lines = []
    for band in engine.bands(doc.words):
        parts: list[str] = []
        for i, word in enumerate(band):
            if i:
                far = word["bbox"][0] - band[i - 1]["bbox"][2] > engine.GAP
                parts.append("  " if far else " ")
            parts.append(word["text"])
        lines.append("".join(parts))
    return "\n".join(lines[:MAX_LINES])


def build_request(doc: Doc) -> CompletionRequest:
    keys = "\n".join(f'- "{k}": {v}' for k, v in KILE_FIELDS.items())
    user = (f"Document text:\n{document_text(doc)}\n\nReturn a JSON object with these keys:\n"
            f"{keys}\n- \"line_items\": a list of objects with keys \"code\", \"description\", "
            "\"quantity\", \"unit_price\", \"amount\"")
    return CompletionRequest(messages=(Message(role="system", content=SYSTEM),
                                       Message(role="user", content=user)), max_tokens=MAX_TOKENS)


def parse_reply(text: str) -> dict[str, Any] | None:
    """The reply's JSON object; a reply cut off mid-list keeps its complete items."""
    start = text.find("{")
    if start < 0:
        return None
    ends = [i for i, ch in enumerate(text) if ch == "}" and i > start][::-1][:80]
    for end in ends:
        for suffix in ("", "]}", "}]}"):
            try:
                value = json.loads(text[start:end + 1] + suffix)
            except ValueError:
                continue
            return value if isinstance(value, dict) else None
    return None


def locate(words: list[dict[str, Any]], value: Any, start: int = 0) -> tuple[list[dict[str, Any]],
                                                                            int]:
    """The first run of OCR words (reading order, from ``start``) spelling ``value``."""
    if value is None or isinstance(value, dict | list):
        return [], start
    want = [engine.norm(t) for t in str(value).split() if engine.norm(t)]
    if not want:
        return [], start
    keys = [engine.norm(w["text"]) for w in words]
    for i in range(start, len(keys) - len(want) + 1):
        if all(engine.same(keys[i + j], want[j]) for j in range(len(want))):
            return words[i:i + len(want)], i + len(want)
    return [], start


def to_predictions(doc: Doc, reply: dict[str, Any] | None) -> tuple[list[dict[str, Any]],
                                                                     list[dict[str, Any]]]:
    if reply is None:
        return [], []
    ordered = [w for band in engine.bands(doc.words) for w in band]
    kile = []
    for fieldtype in KILE_FIELDS:
        found, _ = locate(ordered, reply.get(fieldtype))
        if found:
            kile.append(engine.field(fieldtype, found))
    lir: list[dict[str, Any]] = []
    cursor = 0
    items = reply.get("line_items")
    for number, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        row_start = cursor
        for key, fieldtype in ITEM_FIELDS.items():
            found, end = locate(ordered, item.get(key), row_start)
            if found:
                lir.append({**engine.field(fieldtype, found), "line_item_id": number})
                cursor = max(cursor, end)
    return kile, lir


class DirectLLM:
    """Ask once per document; answers cached in ``cache`` (JSONL) for resuming."""

    def __init__(self, provider: Provider, cache: Path) -> None:
        self.provider = provider
        self.cache = cache
        self.answers: dict[str, dict[str, Any]] = {}
        if cache.exists():
            for line in cache.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    entry = json.loads(line)
                    self.answers[entry["key"]] = entry

    def predict(self, doc: Doc) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
        """KILE and LIR predictions and the tokens this document cost."""
        request = build_request(doc)
        key = request.key()
        entry = self.answers.get(key)
        if entry is None:
            completion = self.provider.complete(request)
            entry = {"key": key, "docid": doc.docid, "text": completion.text,
                     "tokens": completion.usage.total}
            self.answers[key] = entry
            self.cache.parent.mkdir(parents=True, exist_ok=True)
            with self.cache.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
        kile, lir = to_predictions(doc, parse_reply(entry["text"]))
        return kile, lir, int(entry["tokens"])
