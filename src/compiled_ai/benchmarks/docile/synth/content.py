"""Per-document content: vendor (fixed per layout), customer, dates, items, totals."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from compiled_ai.benchmarks.docile.synth.styles import Style

COMPANY_WORDS = ("Acme", "Nordwind", "Bluefin", "Cedar", "Granite", "Helios", "Juniper",
                 "Kestrel", "Lumen", "Meridian", "Northgate", "Orion", "Pinnacle", "Quarry",
                 "Redwood", "Silverline", "Tidewater", "Umbra", "Vantage", "Westbrook",
                 "Yellowstone", "Zephyr", "Atlas", "Beacon", "Crescent", "Delta")
COMPANY_KINDS = ("Supplies", "Logistics", "Systems", "Foods", "Print", "Consulting",
                 "Electric", "Labs", "Trading", "Tools", "Media", "Textiles")
SUFFIXES = ("Inc.", "LLC", "GmbH", "Ltd", "s.r.o.", "SARL", "AG", "Corp.")
STREETS = ("Main St", "Oak Avenue", "Hauptstraße", "Rue de la Paix", "High Street",
           "Baker Road", "Industrial Park", "Mill Lane", "Lake Drive", "Station Road")
CITIES = (("Springfield", "IL 62704"), ("Berlin", "10115"), ("Lyon", "69002"),
          ("London", "EC1A 1BB"), ("Praha", "110 00"), ("Austin", "TX 73301"),
          ("Zürich", "8001"), ("Leeds", "LS1 4AP"), ("Brno", "602 00"), ("Munich", "80331"))
PRODUCTS = ("Paper A4 box", "Toner cartridge", "Consulting hours", "Steel bolts M8",
            "Shipping fee", "Office chair", "USB-C cable", "Label printer", "Coffee beans 1kg",
            "Cleaning service", "Software license", "Safety gloves", "LED panel 60x60",
            "Maintenance visit", "Packing tape", "Desk lamp", "Monitor stand", "Hard hat",
            "Pallet wrap", "Travel expenses", "Training session", "Spare parts kit")
TERMS = ("Net 30", "Net 14", "Due on receipt", "30 days net", "2% 10 Net 30")
TAX_RATES = {"us": (Decimal("0.0625"), Decimal("0.08")), "uk": (Decimal("0.20"),),
             "de": (Decimal("0.19"), Decimal("0.07")), "fr": (Decimal("0.20"),),
             "cz": (Decimal("0.21"),)}
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Party:
    name: str
    address: tuple[str, ...]  # printed lines


@dataclass(frozen=True)
class Item:
    code: str
    description: str
    quantity: int
    unit_price: Decimal  # as printed (net or gross per the style)
    amount: Decimal


@dataclass(frozen=True)
class Content:
    vendor: Party
    vendor_email: str
    vendor_tax_id: str
    iban: str
    bic: str
    customer: Party
    document_id: str
    customer_id: str
    order_id: str
    payment_terms: str
    issued: date
    due: date
    items: tuple[Item, ...]
    total_net: Decimal
    total_tax: Decimal
    total_gross: Decimal
    tax_rate: Decimal


def _party(rng: random.Random) -> Party:
    name = f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)} {rng.choice(SUFFIXES)}"
    city, postcode = rng.choice(CITIES)
    street = f"{rng.randint(1, 250)} {rng.choice(STREETS)}"
    return Party(name=name, address=(street, f"{postcode} {city}"))


def vendor_for(seed: int, layout_id: int) -> tuple[Party, str, str, str, str]:
    """The vendor is the same on every document of a layout (as in real template clusters)."""
    rng = random.Random(f"docile-vendor:{seed}:{layout_id}")
    vendor = _party(rng)
    slug = vendor.name.split()[0].lower()
    tax_id = f"{rng.choice(('DE', 'GB', 'FR', 'CZ', 'US'))}{rng.randint(10**8, 10**9 - 1)}"
    iban = f"DE{rng.randint(10, 99)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)} " \
           f"{rng.randint(1000, 9999)} {rng.randint(1000, 9999)} {rng.randint(10, 99)}"
    bic = f"{slug[:4].upper():X<4}DEFF{rng.randint(100, 999)}"
    return vendor, f"billing@{slug}.example", tax_id, iban, bic


def make_content(seed: int, style: Style, doc_index: int) -> Content:
    rng = random.Random(f"docile-doc:{seed}:{style.layout_id}:{doc_index}")
    vendor, email, tax_id, iban, bic = vendor_for(seed, style.layout_id)
    issued = date(2023, 1, 1) + timedelta(days=rng.randint(0, 700))
    rate = rng.choice(TAX_RATES[style.locale])
    items = []
    for _ in range(rng.randint(1, style.max_items)):
        quantity = rng.randint(1, 40)
        unit = (Decimal(rng.randint(150, 250000)) / 100).quantize(CENT)
        items.append(Item(code=f"{rng.choice('ABCKMPX')}{rng.randint(1000, 99999)}",
                          description=rng.choice(PRODUCTS), quantity=quantity, unit_price=unit,
                          amount=(unit * quantity).quantize(CENT)))
    lines_total = sum((item.amount for item in items), Decimal(0))
    if style.price_kind == "net":
        net = lines_total
        tax = (net * rate).quantize(CENT, ROUND_HALF_UP)
        gross = net + tax
    else:
        gross = lines_total
        net = (gross / (1 + rate)).quantize(CENT, ROUND_HALF_UP)
        tax = gross - net
    return Content(
        vendor=vendor, vendor_email=email, vendor_tax_id=tax_id, iban=iban, bic=bic,
        customer=_party(rng),
        document_id=f"{rng.choice(('INV', 'RE', 'F', ''))}{issued.year}-"
                    f"{rng.randint(1, 99999):05d}",
        customer_id=f"C{rng.randint(10000, 99999)}", order_id=f"PO-{rng.randint(100000, 999999)}",
        payment_terms=rng.choice(TERMS), issued=issued,
        due=issued + timedelta(days=rng.choice((14, 30, 45))), items=tuple(items),
        total_net=net, total_tax=tax, total_gross=gross, tax_rate=rate)


def format_amount(value: Decimal, style: Style) -> str:
    whole, frac = f"{value:.2f}".split(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return style.thousands.join(groups) + style.decimal + frac


def format_date(value: date, style: Style) -> str:
    return value.strftime(style.date_format)
