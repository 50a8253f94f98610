"""The no-model baseline: generic label keywords and the nearest value.

Nothing here is learned from the dataset: one hand-written list of common invoice
label phrases per field (English and a few German/French ones), the value taken
to the right of the label on the same line, else on the next line below it; line
items from the first row that holds at least two known column headings.
"""

from __future__ import annotations

from typing import Any

from compiled_ai.benchmarks.docile import engine

KEYWORDS: dict[str, tuple[str, ...]] = {
    "document_id": ("invoice number", "invoice no", "invoice #", "invoice", "bill no",
                    "document no", "number"),
    "date_issue": ("invoice date", "date of issue", "issue date", "date", "datum"),
    "date_due": ("due date", "payment due", "due by", "due"),
    "customer_id": ("customer no", "customer id", "account", "client id"),
    "order_id": ("po number", "order no", "purchase order", "order"),
    "payment_terms": ("payment terms", "terms"),
    "vendor_tax_id": ("vat id", "tax id", "vat reg no", "tin"),
    "amount_total_net": ("subtotal", "net amount", "sub-total", "total excl tax"),
    "amount_total_tax": ("vat", "tax", "sales tax"),
    "amount_total_gross": ("grand total", "total incl tax", "invoice total", "total"),
    "amount_due": ("amount due", "balance due", "total due"),
    "iban": ("iban",),
    "bic": ("bic", "swift"),
    "customer_billing_name": ("bill to", "billed to", "customer", "invoice to", "sold to"),
}
HEADINGS: dict[str, tuple[str, ...]] = {
    "line_item_description": ("description", "product", "service", "item description"),
    "line_item_quantity": ("qty", "quantity", "units"),
    "line_item_unit_price_net": ("unit price", "price", "rate", "unit cost"),
    "line_item_amount_net": ("amount", "total", "line total", "net"),
    "line_item_code": ("code", "sku", "item"),
}
NUMERIC = {"amount_total_net", "amount_total_tax", "amount_total_gross", "amount_due"}


def extract_rules(words: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """KILE and LIR predictions for one document."""
    all_bands = engine.bands(words)
    kile = []
    for fieldtype, phrases in KEYWORDS.items():
        for phrase in phrases:
            label = phrase.split()
            found = engine.value_right(all_bands, {"label": label, "max_gap": 0.3})
            if fieldtype in NUMERIC:
                found = [w for w in found if any(ch.isdigit() for ch in w["text"])]
            if not found and fieldtype not in NUMERIC:
                found = engine.value_below(all_bands, {"label": label, "lines": 1})
            if found:
                kile.append(engine.field(fieldtype, found))
                break
    return kile, _items(all_bands)


def _items(all_bands: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    for b, band in enumerate(all_bands):
        columns = []
        for word in band:
            key = engine.norm(word["text"])
            for fieldtype, names in HEADINGS.items():
                if any(engine.norm(name.split()[0]) == key for name in names):
                    columns.append((fieldtype, engine.center(word)[0], word))
                    break
        if len({c[0] for c in columns}) < 2:
            continue
        spans = []
        for i, (fieldtype, x, _word) in enumerate(columns):
            left = (columns[i - 1][1] + x) / 2 if i else 0.0
            right = (columns[i + 1][1] + x) / 2 if i + 1 < len(columns) else 1.0
            spans.append({"fieldtype": fieldtype, "left": left, "right": right})
        pitch = 2 * (band[0]["bbox"][3] - band[0]["bbox"][1])
        table = {"header": [w["text"] for w in band[:2]], "key": spans[0]["fieldtype"],
                 "pitch": pitch, "columns": spans}
        return engine.extract_items([w for bd in all_bands[b:] for w in bd], table)
    return []
