"""Vendor layouts: one deterministic style per layout index.

A style fixes what differs between vendors in real invoices: label wording, where
blocks sit, label beside or above its value, date and number formats, currency and
how it is printed, table columns and their order, and how noisy the OCR is. Every
document of a layout shares its style and its vendor; customers, dates, amounts
and line items change per document.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

LABELS: dict[str, tuple[str, ...]] = {
    "document_id": ("Invoice No.", "Invoice #", "Invoice Number:", "Bill No:", "Document No.",
                    "Rechnung Nr.", "Facture N°", "Ref:"),
    "date_issue": ("Invoice Date:", "Date:", "Issued:", "Date of issue", "Datum:",
                   "Billing date"),
    "date_due": ("Due Date:", "Payment due:", "Due by", "Pay before:", "Fällig am:",
                 "Due"),
    "customer_id": ("Customer No.", "Account #", "Client ID:", "Kundennr.:", "Cust. ID"),
    "order_id": ("PO Number:", "Order No.", "Your order:", "Purchase Order", "Bestellnr.:"),
    "payment_terms_label": ("Terms:", "Payment terms:", "Conditions:"),
    "customer_block": ("Bill To:", "Customer:", "Invoice to", "Sold to:", "Rechnungsempfänger:",
                       "Billed to"),
    "vendor_tax_id": ("VAT ID:", "Tax ID:", "TIN", "VAT Reg. No.", "USt-IdNr.:"),
    "currency": ("Currency:", "Curr.", "Währung:"),
    "amount_total_net": ("Subtotal", "Net amount", "Total excl. tax", "Netto", "Sub-total:"),
    "amount_total_tax": ("Tax", "VAT", "Sales tax", "MwSt.", "Tax amount:"),
    "amount_total_gross": ("Total", "Grand total", "Total incl. tax", "Gesamtbetrag",
                           "Invoice total:"),
    "amount_due": ("Amount due", "Balance due", "Please pay", "Zu zahlen:", "Total due:"),
    "iban": ("IBAN:", "IBAN", "Bank account (IBAN):"),
    "bic": ("BIC:", "SWIFT:", "BIC/SWIFT"),
}
TITLES = ("INVOICE", "Tax Invoice", "Invoice", "RECHNUNG", "FACTURE", "Sales Invoice")
COLUMN_HEADERS: dict[str, tuple[str, ...]] = {
    "line_item_code": ("Item", "Code", "SKU", "Art.-Nr."),
    "line_item_description": ("Description", "Item description", "Product", "Bezeichnung",
                              "Service"),
    "line_item_quantity": ("Qty", "Quantity", "Units", "Menge"),
    "line_item_unit_price": ("Unit price", "Price", "Rate", "Einzelpreis", "Unit cost"),
    "line_item_amount": ("Amount", "Total", "Line total", "Betrag", "Net"),
}
LOCALES = {
    # name: (date formats, thousands sep, decimal sep, currencies, page size)
    "us": (("%m/%d/%Y", "%b %d, %Y", "%B %d, %Y"), ",", ".", ("USD",), "letter"),
    "uk": (("%d/%m/%Y", "%d %b %Y"), ",", ".", ("GBP",), "a4"),
    "de": (("%d.%m.%Y",), ".", ",", ("EUR", "CHF"), "a4"),
    "fr": (("%d/%m/%Y", "%Y-%m-%d"), " ", ",", ("EUR",), "a4"),
    "cz": (("%d.%m.%Y", "%Y-%m-%d"), " ", ",", ("CZK", "EUR"), "a4"),
}
CURRENCY_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "CHF": "CHF", "CZK": "Kč"}


@dataclass(frozen=True)
class Style:
    layout_id: int
    locale: str
    date_format: str
    thousands: str
    decimal: str
    currency: str
    page_size: str  # "letter" or "a4"
    font_size: float
    title: str
    labels: dict[str, str]
    vendor_side: str  # "left" or "right": where the vendor block sits in the header
    meta_side: str  # "left" or "right": the invoice number/date block
    label_position: str  # "beside" (label: value) or "above" (label over value)
    meta_fields: tuple[str, ...]  # order of key-value fields in the meta block
    columns: tuple[str, ...]  # LIR column kinds, in order
    column_headers: dict[str, str]
    price_kind: str  # "net" or "gross": what unit price and line amount are
    currency_display: str  # "meta" (Currency: EUR line), "totals" (code before total), "none"
    symbol_in_amounts: bool  # "$ 1,234.56" on totals
    show_payment: bool  # IBAN/BIC footer
    show_vendor_tax: bool
    max_items: int  # items per document up to this; above ~18 rows the table breaks pages
    rows_per_page: int
    ocr_error_rate: float  # probability that OCR garbles a word
    missing_label_rate: float  # probability that a meta label is left off a document
    header_offset: float  # vertical shift of the whole header block, points


def make_style(seed: int, layout_id: int) -> Style:
    rng = random.Random(f"docile-style:{seed}:{layout_id}")
    locale = sorted(LOCALES)[layout_id % len(LOCALES)]
    dates, thousands, decimal, currencies, page_size = LOCALES[locale]
    labels = {key: rng.choice(options) for key, options in LABELS.items()}
    optional = ["customer_id", "order_id", "payment_terms"]
    rng.shuffle(optional)
    meta = ["document_id", "date_issue", "date_due", *optional[: rng.randint(0, 3)]]
    if rng.random() < 0.5:
        meta[1], meta[0] = meta[0], meta[1]
    columns = ["line_item_description", "line_item_quantity", "line_item_unit_price",
               "line_item_amount"]
    if rng.random() < 0.5:
        columns.insert(0, "line_item_code")
    if rng.random() < 0.3:  # quantity before description
        i = columns.index("line_item_quantity")
        columns.insert(columns.index("line_item_description"), columns.pop(i))
    currency_display = rng.choice(("meta", "totals", "none"))
    return Style(
        layout_id=layout_id, locale=locale, date_format=rng.choice(dates),
        thousands=thousands, decimal=decimal, currency=rng.choice(currencies),
        page_size=page_size, font_size=rng.choice((8.5, 9.0, 9.5, 10.0)),
        title=rng.choice(TITLES), labels=labels,
        vendor_side=rng.choice(("left", "right")), meta_side=rng.choice(("left", "right")),
        label_position=rng.choice(("beside", "beside", "above")), meta_fields=tuple(meta),
        columns=tuple(columns),
        column_headers={kind: rng.choice(options) for kind, options in COLUMN_HEADERS.items()},
        price_kind=rng.choice(("net", "gross")), currency_display=currency_display,
        symbol_in_amounts=rng.random() < 0.4, show_payment=rng.random() < 0.6,
        show_vendor_tax=rng.random() < 0.7,
        max_items=rng.choice((4, 8, 12, 30)), rows_per_page=rng.choice((14, 18, 22)),
        ocr_error_rate=rng.choice((0.0, 0.02, 0.05)),
        missing_label_rate=rng.choice((0.0, 0.0, 0.1)),
        header_offset=rng.choice((0.0, 12.0, 24.0)),
    )
