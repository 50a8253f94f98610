#!/usr/bin/env python3
"""Build the compiled-ai security benchmark suite, version 1.

Writes four JSON Lines files and a README under ``benchmarks/security/suite/v1``:

* ``injection.jsonl`` -- prompt-injection attacks and hard benign negatives (input gate)
* ``pii.jsonl``       -- texts with / without PII and PHI (input gate, redaction)
* ``code.jsonl``      -- small generated-looking Python functions, vulnerable or benign (code gate)
* ``leakage.jsonl``   -- outputs that do / do not leak a planted canary token (output gate)

Every text in this file was written for compiled-ai. All people, addresses, card numbers,
IBANs, keys and canaries are invented: card numbers get a computed Luhn check digit, IBANs a
computed ISO 7064 mod-97 checksum, encodings (base64, hex, URL, \\uXXXX) are computed from the
plain sentences below, and all random choices come from ``random.Random(SEED)`` so that a
rebuild is byte-for-byte identical.

Run:  python benchmarks/security/suite/build_suite_v1.py
"""

from __future__ import annotations

import base64
import collections
import hashlib
import json
import random
import re
import string
import unicodedata
import urllib.parse
from pathlib import Path
from typing import Any, Callable, Iterable

SUITE_VERSION = "v1"
SEED = 20250611
OUT_DIR = Path(__file__).resolve().parent / SUITE_VERSION

PAPER_SUBSET_SIZES = {
    "injection": {"attack": 24, "benign": 6},
    "pii": {"pii": 20, "clean": 5},
    "code": {"vulnerable": 20, "benign": 20},
    "leakage": {"leak": 20, "clean": 20},
}

PII_KINDS = (
    "person_name", "ssn", "mrn", "member_id", "date_of_birth", "phone",
    "email", "postal_address", "card_number", "iban", "api_key",
)

# --------------------------------------------------------------------------------------
# encoding / checksum helpers
# --------------------------------------------------------------------------------------


def b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def b64_bytes(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hexenc(text: str) -> str:
    return text.encode("utf-8").hex()


def hex_escaped(text: str) -> str:
    """Python-style ``\\xNN`` escapes for every byte."""
    return "".join(f"\\x{b:02x}" for b in text.encode("utf-8"))


def hex_spaced(text: str) -> str:
    return " ".join(f"{b:02x}" for b in text.encode("utf-8"))


def url_quote(text: str) -> str:
    return urllib.parse.quote(text, safe="")


def url_quote_plus(text: str) -> str:
    return urllib.parse.quote_plus(text, safe="")


def url_full(text: str) -> str:
    """Percent-encode every byte, even unreserved characters."""
    return "".join(f"%{b:02X}" for b in text.encode("utf-8"))


def u_escape(text: str) -> str:
    return "".join(f"\\u{ord(c):04x}" for c in text)


ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")


def zero_width(text: str, rng: random.Random) -> str:
    """Insert one zero-width character inside every word of three or more letters."""

    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        pos = rng.randint(1, len(word) - 1)
        return word[:pos] + rng.choice(ZERO_WIDTH) + word[pos:]

    return re.sub(r"[A-Za-z]{3,}", repl, text)


# Latin letter -> visually identical Cyrillic letter
HOMOGLYPHS = {
    "a": "\u0430", "c": "\u0441", "e": "\u0435", "o": "\u043e", "p": "\u0440",
    "x": "\u0445", "y": "\u0443", "i": "\u0456", "s": "\u0455", "A": "\u0410",
    "E": "\u0415", "O": "\u041e", "P": "\u0420", "C": "\u0421", "T": "\u0422",
    "H": "\u041d", "K": "\u041a", "M": "\u041c", "B": "\u0412", "X": "\u0425",
}


def homoglyph(text: str, rng: random.Random) -> str:
    """Swap at least one letter of every word that has a look-alike for its Cyrillic twin."""

    def repl(m: re.Match[str]) -> str:
        chars = list(m.group(0))
        idx = [i for i, c in enumerate(chars) if c in HOMOGLYPHS]
        if not idx:
            return m.group(0)
        k = max(1, len(idx) // 2)
        for i in rng.sample(idx, k):
            chars[i] = HOMOGLYPHS[chars[i]]
        return "".join(chars)

    return re.sub(r"[A-Za-z]{2,}", repl, text)


def luhn_check_digit(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    return len(digits) > 1 and luhn_check_digit(digits[:-1]) == digits[-1]


IBAN_LENGTHS = {"DE": 22, "GB": 22, "FR": 27, "ES": 24, "NL": 18, "IT": 27,
                "BE": 16, "AT": 20, "CH": 21, "IE": 22, "PT": 25}


def _iban_int(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s))


def iban_valid(iban: str) -> bool:
    s = iban.replace(" ", "").upper()
    if len(s) < 15 or not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s):
        return False
    return _iban_int(s[4:] + s[:4]) % 97 == 1


def make_iban(country: str, bban: str) -> str:
    check = 98 - _iban_int(bban + country + "00") % 97
    iban = f"{country}{check:02d}{bban}"
    assert iban_valid(iban) and len(iban) == IBAN_LENGTHS[country], iban
    return iban


def group4(s: str) -> str:
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def ssn_valid(ssn: str) -> bool:
    m = re.fullmatch(r"(\d{3})-(\d{2})-(\d{4})", ssn)
    if not m:
        return False
    area, group, serial = m.groups()
    return area not in ("000", "666") and not area.startswith("9") and group != "00" and serial != "0000"


def jsonl_line(obj: dict[str, Any]) -> str:
    """One JSON object per line; invisible format characters are written as \\u escapes."""
    text = json.dumps(obj, ensure_ascii=False)
    out = []
    for ch in text:
        if unicodedata.category(ch) in ("Cf", "Cc", "Zl", "Zp") or ch in "\u00a0\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def stratified_pick(items: list[dict[str, Any]], n: int, key: Callable[[dict[str, Any]], Any],
                    rng: random.Random) -> list[dict[str, Any]]:
    """Pick n items round-robin over the groups given by key (groups and members shuffled)."""
    groups: dict[Any, list[dict[str, Any]]] = collections.defaultdict(list)
    for it in items:
        groups[key(it)].append(it)
    order = sorted(groups, key=str)
    rng.shuffle(order)
    for g in order:
        rng.shuffle(groups[g])
    picked: list[dict[str, Any]] = []
    while len(picked) < n:
        progressed = False
        for g in order:
            if groups[g] and len(picked) < n:
                picked.append(groups[g].pop())
                progressed = True
        if not progressed:
            raise ValueError("not enough items for the requested subset")
    return picked


# --------------------------------------------------------------------------------------
# invented personal data
# --------------------------------------------------------------------------------------

FIRST_NAMES = [
    "Maribel", "Tobias", "Ayesha", "Joaquin", "Henrike", "Darnell", "Priyanka", "Ewan",
    "Lucinda", "Kofi", "Annelise", "Ravi", "Svetlana", "Marcus", "Ingrid", "Tomasz",
    "Noelle", "Bartholomew", "Yuki", "Fernanda", "Oskar", "Delphine", "Amara", "Cormac",
    "Rosalind", "Emeka", "Giulia", "Hamish", "Leticia", "Anders", "Mei-Ling", "Quentin",
]
LAST_NAMES = [
    "Ferreira-Lowe", "Brightwater", "Okonkwo", "Valdermoor", "Castellanos", "Whitcombe",
    "Rasmussen", "Thibodeaux", "Nakagawa", "Pemberton", "Achterberg", "Kowalczyk",
    "Lindqvist", "Montague", "Abernathy", "Delacroix", "Szymanski", "Hargreave",
    "Oyelaran", "Vasquez-Hill", "Marchetti", "Quillfeather", "Dunmore", "Esterhazy",
]
STREETS = [
    "Larkspur Hollow Rd", "Quarry Bend Ave", "Winterberry Ln", "Old Tannery St",
    "Saltmarsh Way", "Copperleaf Ct", "Harrowgate Blvd", "Mistletoe Dr", "Foxglove Terrace",
    "Beacon Mill Rd", "Juniper Crossing", "Ashcombe Pl",
]
TOWNS = [
    ("Millbrook", "OR", "973"), ("Cedar Falls", "NE", "683"), ("Port Averly", "ME", "041"),
    ("Dunmore Springs", "TX", "787"), ("Halverson", "MN", "556"), ("Glenrock", "PA", "174"),
    ("Westhaven", "AZ", "853"), ("Lake Orrin", "WI", "549"),
]
EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "mail.example", "clinic.test"]


class Fake:
    """Seeded generator of invented identifiers. Nothing here refers to a real person."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def digits(self, n: int) -> str:
        return "".join(self.rng.choice(string.digits) for _ in range(n))

    def name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def ssn(self) -> str:
        while True:
            s = f"{self.rng.randint(1, 899):03d}-{self.rng.randint(1, 99):02d}-{self.rng.randint(1, 9999):04d}"
            if ssn_valid(s):
                return s

    def mrn(self) -> str:
        return self.rng.choice(["", "", "A", "MR"]) + self.digits(8)

    def member_id(self) -> str:
        prefix = "".join(self.rng.choice(string.ascii_uppercase) for _ in range(3))
        return prefix + self.digits(9)

    def dob(self) -> str:
        y, m, d = self.rng.randint(1938, 2008), self.rng.randint(1, 12), self.rng.randint(1, 28)
        months = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]
        return self.rng.choice([
            f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{d} {months[m - 1]} {y}",
            f"{months[m - 1][:3]} {d}, {y}",
        ])

    def phone(self) -> str:
        area = self.rng.choice(["415", "503", "612", "207", "312", "480"])
        line = f"01{self.rng.randint(0, 99):02d}"  # 555-0100..0199 is reserved for fiction
        return self.rng.choice([
            f"({area}) 555-{line}", f"{area}-555-{line}", f"+1 {area} 555 {line}",
            f"{area}.555.{line}",
        ])

    def email(self) -> str:
        first = self.rng.choice(FIRST_NAMES).lower().replace("-", "")
        last = self.rng.choice(LAST_NAMES).lower().replace("-", "")
        local = self.rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{self.rng.randint(1, 99)}"])
        return f"{local}@{self.rng.choice(EMAIL_DOMAINS)}"

    def address(self) -> str:
        town, state, zip3 = self.rng.choice(TOWNS)
        unit = self.rng.choice(["", f", Apt {self.rng.randint(1, 40)}", f" Unit {self.rng.randint(100, 999)}"])
        return f"{self.rng.randint(12, 9899)} {self.rng.choice(STREETS)}{unit}, {town}, {state} {zip3}{self.digits(2)}"

    def card(self, valid: bool = True) -> str:
        brand = self.rng.choice(["visa", "mc", "amex", "disc"])
        if brand == "visa":
            partial = "4" + self.digits(14)
        elif brand == "mc":
            partial = "5" + str(self.rng.randint(1, 5)) + self.digits(13)
        elif brand == "amex":
            partial = self.rng.choice(["34", "37"]) + self.digits(12)
        else:
            partial = "6011" + self.digits(11)
        check = luhn_check_digit(partial)
        if not valid:
            check = str((int(check) + self.rng.randint(1, 9)) % 10)
        number = partial + check
        assert luhn_valid(number) == valid
        if brand == "amex":
            groups = [number[:4], number[4:10], number[10:]]
        else:
            groups = [number[i:i + 4] for i in range(0, 16, 4)]
        return self.rng.choice([" ".join(groups), "-".join(groups), number])

    def iban(self, country: str | None = None, valid: bool = True, grouped: bool | None = None) -> str:
        country = country or self.rng.choice(sorted(IBAN_LENGTHS))
        letters = lambda n: "".join(self.rng.choice(string.ascii_uppercase) for _ in range(n))  # noqa: E731
        bban = {
            "DE": lambda: self.digits(18), "GB": lambda: letters(4) + self.digits(14),
            "FR": lambda: self.digits(23), "ES": lambda: self.digits(20),
            "NL": lambda: letters(4) + self.digits(10), "IT": lambda: letters(1) + self.digits(22),
            "BE": lambda: self.digits(12), "AT": lambda: self.digits(16),
            "CH": lambda: self.digits(17), "IE": lambda: letters(4) + self.digits(14),
            "PT": lambda: self.digits(21),
        }[country]()
        iban = make_iban(country, bban)
        if not valid:
            bad = (int(iban[2:4]) + self.rng.randint(1, 40)) % 97
            bad = max(bad, 2)
            iban = iban[:2] + f"{bad:02d}" + iban[4:]
            if iban_valid(iban):  # pragma: no cover - cannot happen for a changed check pair
                raise AssertionError(iban)
        if grouped is None:
            grouped = self.rng.random() < 0.6
        return group4(iban) if grouped else iban

    def api_key(self) -> str:
        # Vendor-neutral shapes on purpose, so repository secret scanners do not flag the suite.
        alnum = string.ascii_letters + string.digits
        body = "".join(self.rng.choice(alnum) for _ in range(32))
        hexbody = "".join(self.rng.choice("0123456789abcdef") for _ in range(40))
        return self.rng.choice([
            f"ak_live_{body}", f"cai-key-{hexbody}", f"svc_{body[:12]}_{body[12:]}",
            f"pk.prod.{body}", hexbody,
        ])

    def hexid(self, n: int = 16) -> str:
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))
