"""Lay out one invoice in its vendor's style and record the annotated fields.

Returns the placed words (the PDF text layer) and DocILE-style annotations: KILE
fields, line-item fields with ``line_item_id``, and the table's column headers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from reportlab.pdfbase.pdfmetrics import stringWidth

from compiled_ai.benchmarks.docile.synth.canvas import Document, Word
from compiled_ai.benchmarks.docile.synth.content import (
    Content,
    format_amount,
    format_date,
)
from compiled_ai.benchmarks.docile.synth.styles import CURRENCY_SYMBOLS, Style

MARGIN = 48.0
LI_KIND = {"line_item_code": "line_item_code", "line_item_description": "line_item_description",
           "line_item_quantity": "line_item_quantity"}


@dataclass
class Annotated:
    fieldtype: str
    words: list[Word]
    line_item_id: int | None = None


@dataclass
class Rendered:
    document: Document
    kile: list[Annotated] = field(default_factory=list)
    lir: list[Annotated] = field(default_factory=list)
    headers: list[Annotated] = field(default_factory=list)


def render(style: Style, content: Content, doc_seed: str) -> Rendered:
    rng = random.Random(doc_seed)
    out = Rendered(Document(style.page_size))
    doc, size = out.document, style.font_size
    width = doc.width
    step = size * 1.45
    left_x, right_x = MARGIN, width / 2 + 40
    top = MARGIN + style.header_offset

    # vendor block
    vx = left_x if style.vendor_side == "left" else right_x
    y = top
    out.kile.append(Annotated("vendor_name", doc.text(0, vx, y, content.vendor.name, size + 3,
                                                       bold=True)))
    y += step + 4
    address: list[Word] = []
    for line in content.vendor.address:
        address += doc.text(0, vx, y, line, size)
        y += step
    out.kile.append(Annotated("vendor_address", address))
    out.kile.append(Annotated("vendor_email", doc.text(0, vx, y, content.vendor_email, size)))
    y += step
    if style.show_vendor_tax:
        label = style.labels["vendor_tax_id"]
        doc.text(0, vx, y, label, size)
        out.kile.append(Annotated("vendor_tax_id", doc.text(
            0, vx + _width(label, size) + 6, y, content.vendor_tax_id, size)))
        y += step
    vendor_bottom = y

    # title and meta block on the other column (or the same side below the vendor)
    mx = left_x if style.meta_side == "left" else right_x
    my = top if style.meta_side != style.vendor_side else vendor_bottom + step
    doc.text(0, mx, my, style.title, size + 6, bold=True)
    my += step + 10
    values = {"document_id": content.document_id, "date_issue": format_date(content.issued, style),
              "date_due": format_date(content.due, style), "customer_id": content.customer_id,
              "order_id": content.order_id, "payment_terms": content.payment_terms}
    meta = list(style.meta_fields)
    if style.currency_display == "meta":
        meta.append("currency_code_amount_due")
        values["currency_code_amount_due"] = style.currency
    label_width = max(_width(_label(style, f), size) for f in meta) + 10
    for name in meta:
        label = _label(style, name)
        dropped = rng.random() < style.missing_label_rate and name != "currency_code_amount_due"
        if style.label_position == "beside":
            if not dropped:
                doc.text(0, mx, my, label, size)
            out.kile.append(Annotated(name, doc.text(0, mx + label_width, my, values[name], size)))
            my += step
        else:
            if not dropped:
                doc.text(0, mx, my, label, size - 1)
            out.kile.append(Annotated(name, doc.text(0, mx, my + step - 2, values[name], size)))
            my += 2 * step + 2

    # customer block
    cy = max(vendor_bottom, my) + step
    cx = left_x if style.vendor_side == "right" or style.meta_side == "right" else right_x
    doc.text(0, cx, cy, style.labels["customer_block"], size, bold=True)
    cy += step
    out.kile.append(Annotated("customer_billing_name",
                              doc.text(0, cx, cy, content.customer.name, size)))
    cy += step
    address = []
    for line in content.customer.address:
        address += doc.text(0, cx, cy, line, size)
        cy += step
    out.kile.append(Annotated("customer_billing_address", address))

    y = _table(out, style, content, cy + 2 * step)
    y = _totals(out, style, content, y + step)
    if style.show_payment:
        page = out.document.page_count - 1
        for name, value in (("iban", content.iban), ("bic", content.bic)):
            label = style.labels[name]
            doc.text(page, MARGIN, y, label, size)
            out.kile.append(Annotated(name, doc.text(page, MARGIN + _width(label, size) + 6, y,
                                                     value, size)))
            y += step
    return out


def _table(out: Rendered, style: Style, content: Content, y: float) -> float:
    doc, size = out.document, style.font_size
    step = size * 1.6
    usable = doc.width - 2 * MARGIN
    weights = {"line_item_code": 0.14, "line_item_description": 0.42,
               "line_item_quantity": 0.1, "line_item_unit_price": 0.17,
               "line_item_amount": 0.17}
    total = sum(weights[c] for c in style.columns)
    edges, x = {}, MARGIN
    for column in style.columns:
        span = usable * weights[column] / total
        edges[column] = (x, x + span)
        x += span
    numeric = {"line_item_quantity", "line_item_unit_price", "line_item_amount"}
    kinds = {**LI_KIND,
             "line_item_unit_price": f"line_item_unit_price_{style.price_kind}",
             "line_item_amount": f"line_item_amount_{style.price_kind}"}

    def header(page: int, top: float) -> float:
        for column in style.columns:
            left, right = edges[column]
            text = style.column_headers[column]
            words = (doc.text(page, right - 4, top, text, size, bold=True, align="right")
                     if column in numeric else doc.text(page, left, top, text, size, bold=True))
            out.headers.append(Annotated(kinds[column], words))
        return top + step + 2

    page, y = 0, header(0, y)
    rows_left = style.rows_per_page
    for number, item in enumerate(content.items):
        if rows_left == 0:
            page, rows_left = page + 1, style.rows_per_page + 12
            y = header(page, MARGIN)
        cells = {"line_item_code": item.code, "line_item_description": item.description,
                 "line_item_quantity": str(item.quantity),
                 "line_item_unit_price": format_amount(item.unit_price, style),
                 "line_item_amount": format_amount(item.amount, style)}
        for column in style.columns:
            left, right = edges[column]
            words = (doc.text(page, right - 4, y, cells[column], size, align="right")
                     if column in numeric else doc.text(page, left, y, cells[column], size))
            out.lir.append(Annotated(kinds[column], words, line_item_id=number))
        y += step
        rows_left -= 1
    out.document.page_count = page + 1
    return y


def _totals(out: Rendered, style: Style, content: Content, y: float) -> float:
    doc, size = out.document, style.font_size
    page = doc.page_count - 1
    if y > doc.height - 200:
        page, y = page + 1, MARGIN
    step = size * 1.6
    value_right, label_right = doc.width - MARGIN, doc.width - MARGIN - 110
    symbol = CURRENCY_SYMBOLS[style.currency]
    rows = [("amount_total_net", content.total_net), ("amount_total_tax", content.total_tax),
            ("amount_total_gross", content.total_gross)]
    if style.layout_id % 3 == 0:
        rows.append(("amount_due", content.total_gross))
    for name, value in rows:
        label = style.labels[name]
        if name == "amount_total_tax":
            label = f"{label} {content.tax_rate * 100:.0f}%"
        doc.text(page, label_right, y, label, size, bold=name == "amount_total_gross",
                 align="right")
        text = format_amount(value, style)
        words = doc.text(page, value_right, y, text, size, align="right")
        out.kile.append(Annotated(name, words))
        prefix_right = words[0].box[0] - 4
        if name == "amount_total_gross" and style.currency_display == "totals":
            code = doc.text(page, prefix_right, y, style.currency, size, align="right")
            out.kile.append(Annotated("currency_code_amount_due", code))
        elif style.symbol_in_amounts:
            doc.text(page, prefix_right, y, symbol, size, align="right")
        y += step
    return y + step


def _label(style: Style, name: str) -> str:
    key = {"payment_terms": "payment_terms_label", "currency_code_amount_due": "currency"}
    return style.labels[key.get(name, name)]


def _width(text: str, size: float) -> float:
    return float(stringWidth(text, "Helvetica", size))
