"""PII/PHI detection and redaction for the input gate.

``find_pii`` runs a set of independent detectors over a text and resolves overlaps in
favour of the more specific kind; ``redact`` replaces every match with
``[REDACTED:<kind>]``. Standard library only.

Design notes:

* Weak shapes (a bare 9-digit number, a capitalised word pair, a ten-digit run) are only
  reported next to a label ("SSN:", "Patient:", "Phone:") or an identifier; strong shapes
  are validated (Luhn and issuer prefixes for cards, mod-97 for IBANs, SSA rules for SSNs).
* Every pattern is linear on adversarial input: repetitions are bounded, a run of one
  character class is only entered at its first character (a negative lookbehind on the
  same class), and alternatives inside repetitions cannot match the same text two ways.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

__all__ = ["PII_KINDS", "PIIMatch", "find_pii", "redact", "contains_pii"]

PII_KINDS = (
    "person_name", "ssn", "mrn", "member_id", "date_of_birth", "phone", "email",
    "postal_address", "card_number", "iban", "api_key",
)

# Most specific first: an overlap between two kinds keeps the earlier one.
_SPECIFICITY = (
    "api_key", "iban", "card_number", "email", "ssn", "date_of_birth", "mrn", "member_id",
    "phone", "postal_address", "person_name",
)
_RANK = {kind: i for i, kind in enumerate(_SPECIFICITY)}


@dataclass(frozen=True)
class PIIMatch:
    kind: str
    start: int
    end: int
    text: str


# --------------------------------------------------------------------------- helpers

def _m(text: str, kind: str, start: int, end: int) -> PIIMatch:
    return PIIMatch(kind, start, end, text[start:end])


def _digits(s: str) -> str:
    return "".join(c for c in s if "0" <= c <= "9")


# Before an unlabelled number: a label saying it is some other kind of reference.
_OTHER_NUMBER_LABEL = re.compile(
    r"(?i:(?<![a-z])(?:order|invoice|inv|po|p\.o\.|purchase[ \t]+order|ref|reference|acct|"
    r"account|claim|tracking|confirmation|conf|case|ticket|sku|item|part|serial|lot|batch|"
    r"check|cheque|transaction|txn|receipt|quote|job|shipment|rma|npi|ein|tin|tax[ \t]+id|"
    r"ndc|auth(?:orization)?|control|document|doc|file|contract|model|version|build))"
    r"\.?[ \t]*(?:no\.?|num(?:ber)?\.?|\#|id)?[ \t]*[:#.\-]?[ \t]*$",
    re.IGNORECASE,
)


def _after_other_label(text: str, start: int) -> bool:
    return _OTHER_NUMBER_LABEL.search(text, max(0, start - 40), start) is not None


# --------------------------------------------------------------------------- SSN

_SSN_RE = re.compile(r"(?=\d)(?<![\w-])(\d{3})-(\d{2})-(\d{4})(?![\w-])")
_SSN_LABELLED_RE = re.compile(
    r"(?=[A-Za-z])(?i:(?<![a-z])(?:ssn|s\.s\.n\.?|ss[ \t]*\#|social[ \t]+security"
    r"(?:[ \t]+(?:number|num|no))?|soc\.?[ \t]+sec\.?(?:[ \t]+(?:number|no))?))(?![a-z])"
    r"\.?[ \t]*\#?[ \t]*[:=\-]?[ \t]*(\d{3}([ -]?)\d{2}\2\d{4})(?![\w-])"
)


def _ssn_valid(area: str, group: str, serial: str) -> bool:
    return (area not in ("000", "666") and not area.startswith("9")
            and group != "00" and serial != "0000")


def _find_ssn(text: str) -> Iterator[PIIMatch]:
    for m in _SSN_LABELLED_RE.finditer(text):
        d = _digits(m.group(1))
        if _ssn_valid(d[:3], d[3:5], d[5:]):
            yield _m(text, "ssn", m.start(1), m.end(1))
    for m in _SSN_RE.finditer(text):
        if _ssn_valid(*m.groups()) and not _after_other_label(text, m.start()):
            yield _m(text, "ssn", m.start(), m.end())


# --------------------------------------------------------------------------- cards

_CARD_RE = re.compile(
    r"(?=\d)(?<!\d)(?<!\d[ -])"
    r"(?:\d{13,19}"
    r"|\d{4}([ -])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?(?!\1\d)"
    r"|\d{4}([ -])\d{6}\2\d{4,5}(?!\2\d))"
    r"(?!\d)(?!-\d)"
)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = ord(ch) - 48
        if i % 2:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def _card_issuer_ok(d: str) -> bool:
    """Whether ``d`` starts with a known issuer prefix and has that issuer's length."""
    n = len(d)
    p2, p3, p4, p6 = int(d[:2]), int(d[:3]), int(d[:4]), int(d[:6])
    if d[0] == "4":                                   # Visa
        return n in (13, 16, 19)
    if 51 <= p2 <= 55 or 2221 <= p4 <= 2720:          # Mastercard
        return n == 16
    if p2 in (34, 37):                                # American Express
        return n == 15
    if 2200 <= p4 <= 2204:                            # Mir
        return 16 <= n <= 19
    if p4 == 6011 or 644 <= p3 <= 649 or p2 == 65 or 622126 <= p6 <= 622925:  # Discover
        return 16 <= n <= 19
    if p2 == 62:                                      # UnionPay
        return 16 <= n <= 19
    if 3528 <= p4 <= 3589:                            # JCB
        return 16 <= n <= 19
    if 300 <= p3 <= 305 or p2 in (36, 38, 39):        # Diners Club
        return 14 <= n <= 19
    if p2 == 50 or 56 <= p2 <= 58 or p2 == 67 or p4 in (6304, 6759):  # Maestro
        return 13 <= n <= 19
    return False


def _find_cards(text: str) -> Iterator[PIIMatch]:
    for m in _CARD_RE.finditer(text):
        d = _digits(m.group())
        if 13 <= len(d) <= 19 and _card_issuer_ok(d) and _luhn_ok(d):
            yield _m(text, "card_number", m.start(), m.end())


# --------------------------------------------------------------------------- IBAN

_IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
    "BH": 22, "BR": 29, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22,
    "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LI": 21,
    "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27,
    "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25,
    "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
    "TN": 24, "TR": 26, "UA": 29, "VG": 24, "XK": 20,
}
_IBAN_START_RE = re.compile(r"(?=[A-Z])(?<![A-Za-z0-9])([A-Z]{2})(\d{2})(?=[ ]?[A-Z0-9])")
_IBAN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _iban_checksum_ok(iban: str) -> bool:
    moved = iban[4:] + iban[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return int(number) % 97 == 1


def _find_ibans(text: str) -> Iterator[PIIMatch]:
    n = len(text)
    for m in _IBAN_START_RE.finditer(text):
        length = _IBAN_LENGTHS.get(m.group(1))
        if length is None:
            continue
        chars = [m.group(1), m.group(2)]
        need = length - 4
        i = m.end()
        while need and i < n:
            c = text[i]
            if c in _IBAN_CHARS:
                chars.append(c)
                need -= 1
                i += 1
            elif c == " " and i + 1 < n and text[i + 1] in _IBAN_CHARS and text[i - 1] != " ":
                i += 1
            else:
                break
        if need or (i < n and text[i].isalnum()):
            continue
        if _iban_checksum_ok("".join(chars)):
            yield _m(text, "iban", m.start(), i)


# --------------------------------------------------------------------------- email

_EMAIL_RE = re.compile(
    r"(?=[A-Za-z0-9_%+-])(?<![\w.%+-])[A-Za-z0-9_%+-](?:[A-Za-z0-9_.%+-]{0,62}[A-Za-z0-9_%+-])?"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}"
    r"(?![A-Za-z0-9-])"
)


def _find_emails(text: str) -> Iterator[PIIMatch]:
    for m in _EMAIL_RE.finditer(text):
        yield _m(text, "email", m.start(), m.end())


# --------------------------------------------------------------------------- phone

_EXT = r"(?:[ \t]*(?:x|ext\.?|extension)[ \t]*\d{1,6})?"
_US_PHONE_RE = re.compile(
    r"(?=[+(1-9])(?<![\w.+/\-])"
    r"(?:"
    r"(?:(?:\+1|1)[ .-]?)?\([2-9]\d{2}\)[ .-]?\d{3}[ .-]\d{4}"          # (555) 123-4567
    r"|(?:(?:\+1|1)[ .-])?[2-9]\d{2}([.-])\d{3}\1\d{4}"                  # 555-123-4567
    r"|\+1[ ]?[2-9]\d{2}[ ]\d{3}[ ]\d{4}"                                # +1 555 123 4567
    r"|(?<![\d,.][ ])[2-9]\d{2}[ ][2-9]\d{2}[ ]\d{4}"                       # 555 234 5678
    r")" + _EXT + r"(?![\w])(?![.-]\d)"
)
_INTL_PHONE_RE = re.compile(
    r"(?=\+)(?<![\w+])\+[1-9]\d{0,14}(?:(?:[ .-]|[ ]?\(|\)[ ]?)\d{1,12}){0,7}(?![\w])"
)
_LABELLED_PHONE_RE = re.compile(
    r"(?=[A-Za-z])(?i:(?<![a-z])(?:phone|telephone|tel|mobile|cell(?:phone)?|fax|ph|mob|"
    r"contact[ \t]+(?:no|number)|call[ \t]*back(?:[ \t]+number)?)(?![a-z]))"
    r"\.?[ \t]*(?:\((?i:home|work|cell|mobile|office|h|w|c|m)\)[ \t]*)?"
    r"(?i:no\.?|number|\#)?[ \t]*[:#.\-]?[ \t]*"
    r"(\+?\(?\d[\d ().-]{5,20}\d)(?![\w])"
)
_DATE_LIKE_RE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")


def _find_phones(text: str) -> Iterator[PIIMatch]:
    for m in _US_PHONE_RE.finditer(text):
        if not _after_other_label(text, m.start()):
            yield _m(text, "phone", m.start(), m.end())
    for m in _INTL_PHONE_RE.finditer(text):
        s = m.group()
        d = _digits(s)
        if s.count("(") != s.count(")") or not 8 <= len(d) <= 15:
            continue
        if d.startswith("1") and len(d) != 11:
            continue
        if not _after_other_label(text, m.start()):
            yield _m(text, "phone", m.start(), m.end())
    for m in _LABELLED_PHONE_RE.finditer(text):
        s = m.group(1)
        if 7 <= len(_digits(s)) <= 15 and not _DATE_LIKE_RE.fullmatch(s):
            yield _m(text, "phone", m.start(1), m.end(1))


# --------------------------------------------------------------------------- date of birth

# A form may put the value on the line after "Label:".
_NEXT_LINE_AFTER_COLON = r"(?:(?:(?<=:)|(?<=:[ \t]))\r?\n[ \t]*)?"

_MONTH_WORDS = (
    # English
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    # German
    "januar jänner jaenner februar märz maerz mai juni juli oktober dezember "
    # Spanish
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre "
    "noviembre diciembre "
    # French
    "janvier février fevrier mars avril juin juillet août aout septembre octobre novembre "
    "décembre decembre"
).split()
_MONTHS = "|".join(sorted(set(_MONTH_WORDS), key=lambda w: (-len(w), w)))
_MONTH_NUMBER = {name: number for number, names in enumerate((
    "january jan januar jänner jaenner enero janvier",
    "february feb februar febrero février fevrier",
    "march mar märz maerz marzo mars",
    "april apr abril avril",
    "may mai mayo",
    "june jun juni junio juin",
    "july jul juli julio juillet",
    "august aug agosto août aout",
    "september sep sept septiembre setiembre septembre",
    "october oct oktober octubre octobre",
    "november nov noviembre novembre",
    "december dec dezember diciembre décembre decembre",
), start=1) for name in names.split()}

_DOB_LABEL = (
    r"(?i:(?<![a-z])(?:d\.?[ \t]?o\.?[ \t]?b|date[ \t]+of[ \t]+birth|birth[ \t]*date|birthday"
    r"|born(?:[ \t]+on)?|geb\.|geboren(?:[ \t]+am)?|geburtsdatum|fecha[ \t]+de[ \t]+nacimiento"
    r"|f\.[ \t]*(?:de[ \t]*)?nac\.?|date[ \t]+de[ \t]+naissance|n[ée]e?[ \t]+le"
    r"|data[ \t]+di[ \t]+nascita|geboortedatum|födelsedatum)(?![a-z]))"
)
_DOB_DATE = (
    r"(?P<iso>(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2}))"
    r"|(?P<num>(?P<na>\d{1,2})[-/.](?P<nb>\d{1,2})[-/.](?P<ny>\d{4}|\d{2}))"
    r"|(?P<dmy>(?P<dd>\d{1,2})(?:st|nd|rd|th)?(?:\.?[ \t]*(?:de[ \t]+)?|[-/])"
    r"(?P<dm>(?i:" + _MONTHS + r"))\.?(?:,?[ \t]*(?:de[ \t]+)?|[-/])(?P<dy>\d{4}|\d{2}))"
    r"|(?P<mdy>(?P<mm>(?i:" + _MONTHS + r"))\.?[ \t]+(?P<md>\d{1,2})(?:st|nd|rd|th)?,?[ \t]+"
    r"(?P<my>\d{4}))"
)
_DOB_RE = re.compile(
    r"(?=[A-Za-z])" + _DOB_LABEL
    + r"\.?[ \t]*(?:\([^()\n]{0,24}\)[ \t]*)?(?:[:=#\-–]|(?i:is|was))?[ \t]*:?[ \t]*"
    + _NEXT_LINE_AFTER_COLON
    + r"(?P<date>" + _DOB_DATE + r")(?![\d])"
)


def _plausible_date(m: re.Match[str]) -> bool:
    def year_ok(y: str) -> bool:
        return len(y) == 2 or 1880 <= int(y) <= 2100

    if m.group("iso"):
        mo, d = int(m.group("im")), int(m.group("id"))
        return year_ok(m.group("iy")) and 1 <= mo <= 12 and 1 <= d <= 31
    if m.group("num"):
        a, b = int(m.group("na")), int(m.group("nb"))
        ok = (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)
        return ok and year_ok(m.group("ny"))
    if m.group("dmy"):
        return (m.group("dm").lower() in _MONTH_NUMBER and 1 <= int(m.group("dd")) <= 31
                and year_ok(m.group("dy")))
    return (m.group("mm").lower() in _MONTH_NUMBER and 1 <= int(m.group("md")) <= 31
            and year_ok(m.group("my")))


def _find_dobs(text: str) -> Iterator[PIIMatch]:
    for m in _DOB_RE.finditer(text):
        if _plausible_date(m):
            yield _m(text, "date_of_birth", m.start("date"), m.end("date"))


# --------------------------------------------------------------------------- MRN / member ids

_ID_SEP = (r"\.?[ \t]*(?:\([A-Za-z .#]{1,16}\)[ \t]*)?(?i:\#|no\.?|num(?:ber)?)?"
           r"[ \t]*[:=\#\-–.]?[ \t]*" + _NEXT_LINE_AFTER_COLON
           + r"(?:(?i:is|was)[ \t]+(?:(?i:now)[ \t]+)?)?")
_ID_VALUE = (
    r"(?P<value>(?:[A-Z]{1,4}[ ](?=\d))?[A-Za-z0-9](?:[A-Za-z0-9]|[-/.](?=[A-Za-z0-9])){2,24})"
    r"(?![A-Za-z0-9])"
)
_MRN_RE = re.compile(
    r"(?=[A-Za-z])(?i:(?<![a-z])(?:mrn|m\.r\.n\.?|mr[ \t]*\#|med(?:ical)?[ \t]*rec(?:ord)?s?"
    r"(?:[ \t]*(?:number|num|no\.?|\#|id))?"
    r"|patient[ \t]*(?:identifier|id|number|no\.?|\#|acct\.?|account)"
    r"(?:[ \t]*(?:number|no\.?|\#))?"
    r"|chart[ \t]*(?:number|no\.?|\#|id)|hospital[ \t]*(?:number|no\.?|\#)"
    r"|unit[ \t]+number|health[ \t]+record[ \t]+(?:number|no\.?|\#)))(?![a-z])"
    + _ID_SEP + _ID_VALUE
)
_MEMBER_RE = re.compile(
    r"(?=[A-Za-z])(?i:(?<![a-z])(?:member(?:ship)?[ \t]*"
    r"(?:identification|identifier|id|number|num|no\.?|\#)"
    r"|subscriber[ \t]*(?:identification|identifier|id|number|no\.?|\#)"
    r"|policy(?:[ \t]*holder)?[ \t]*(?:id|number|num|no\.?|\#)"
    r"|insurance[ \t]*(?:member[ \t]*id|policy[ \t]*(?:number|no\.?|\#)|id|number|no\.?|\#)"
    r"|insured'?s?[ \t]*(?:id|i\.d\.)(?:[ \t]*(?:number|no\.?|\#))?"
    r"|(?:medicare|medicaid)(?:[ \t]+beneficiary)?[ \t]*(?:identifier|id|number|no\.?|\#)"
    r"|mbi|hicn|beneficiary[ \t]*(?:identifier|id|number|no\.?|\#)"
    r"|health[ \t]*plan[ \t]*(?:id|number)|enrollee[ \t]*(?:id|number)"
    r"|cardholder[ \t]*id|id[ \t]*card[ \t]*(?:number|no\.?|\#)"
    r"|rx[ \t]*(?:member[ \t]*)?id|(?:holds?|under|on)[ \t]+policy))(?![a-z])"
    + _ID_SEP + _ID_VALUE
)


# A bare "ID" / "ID number" is a member id when insurance words come shortly before it
# ("Insurance card: Jun-ho Park, ID YHA220019483", "Coverage verified ... ID number ...").
_BARE_ID_RE = re.compile(
    r"(?<![\w-])(?:ID|Id|id|I\.D\.)(?:[ \t]*(?i:number|no\.?|\#))?" + _ID_SEP + _ID_VALUE)
_INSURANCE_CONTEXT_RE = re.compile(
    r"(?i:insur\w*|member\w*|subscriber|enrollee|beneficiary|coverage|covered|health[ \t]+plan"
    r"|plan|payer|medicaid|medicare|policy|eligib\w*|card|benefits?|copay|deductible"
    r"|claim)")
_CONTEXT_WINDOW = 80


def _id_value_ok(value: str) -> bool:
    alnum = [c for c in value if c.isalnum()]
    return len(alnum) >= 4 and any(c.isdigit() for c in alnum)


def _find_labelled_ids(text: str) -> Iterator[PIIMatch]:
    for kind, pattern in (("mrn", _MRN_RE), ("member_id", _MEMBER_RE)):
        for m in pattern.finditer(text):
            if _id_value_ok(m.group("value")):
                yield _m(text, kind, m.start("value"), m.end("value"))
    for m in _BARE_ID_RE.finditer(text):
        value = m.group("value")
        if (_id_value_ok(value) and len([c for c in value if c.isalnum()]) >= 6
                and _INSURANCE_CONTEXT_RE.search(text, max(0, m.start() - _CONTEXT_WINDOW),
                                                 m.start())):
            yield _m(text, "member_id", m.start("value"), m.end("value"))


# --------------------------------------------------------------------------- postal address

_STATES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR VI GU"
).split()
_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|"
    "Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|"
    "New[ \t]+Hampshire|New[ \t]+Jersey|New[ \t]+Mexico|New[ \t]+York|North[ \t]+Carolina|"
    "North[ \t]+Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode[ \t]+Island|"
    "South[ \t]+Carolina|South[ \t]+Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West[ \t]+Virginia|Wisconsin|Wyoming"
)
_STRONG_SUFFIXES = ("Street", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Parkway",
                    "Pkwy", "Highway", "Hwy")
_SUFFIXES = _STRONG_SUFFIXES + (
    "St", "Lane", "Ln", "Drive", "Dr", "Court", "Ct", "Place", "Pl", "Way", "Terrace", "Ter",
    "Circle", "Cir", "Trail", "Trl", "Square", "Sq", "Loop", "Plaza", "Close", "Crescent",
    "Gardens", "Grove", "Mews", "Row", "Pike", "Turnpike", "Alley",
)
_SUFFIX_ALT = "|".join(sorted(_SUFFIXES, key=lambda s: (-len(s), s)))
_UK_POSTCODE = r"(?:GIR[ \t]?0AA|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})(?![A-Za-z0-9])"
_CITY = r"[A-Z][A-Za-z.'’-]*(?:[ \t]+[A-Z][A-Za-z.'’-]*){0,3}"
_US_TAIL = (
    r"(?P<tail>,?[ \t]*(?:\r?\n[ \t]*)?(?:"
    r"" + _CITY + r",?[ \t]+(?:" + "|".join(_STATES) + "|" + _STATE_NAMES + r")"
    r"(?:[ \t]+\d{5}(?:-\d{4})?)?(?![\w-])"
    r"|(?:" + _CITY + r",?[ \t]+)?" + _UK_POSTCODE + r"))?"
)
_US_STREET_RE = re.compile(
    r"(?=\d)(?<![\w.,/-])(?P<num>\d{1,6}(?:-\d{1,6})?[A-Za-z]?)[ \t]+"
    r"(?:(?:[A-Z][A-Za-z'’.-]*|\d{1,3}(?:st|nd|rd|th))[ \t]+){1,5}?"
    r"(?P<suffix>" + _SUFFIX_ALT + r")(?![\w'’-])\.?"
    r"(?:[ \t]+(?:NE|NW|SE|SW|N|S|E|W)\.?(?![\w'’-]))?"
    r"(?P<unit>,?[ \t]*(?:(?:Apt|Apartment|Suite|Ste|Unit|Bldg|Building|Floor|Fl|Rm|Room|Flat)"
    r"(?![A-Za-z])|\#)\.?[ \t]*\#?[ \t]*[A-Za-z0-9-]{1,8}(?![\w]))?"
    + _US_TAIL
)
_PO_BOX_RE = re.compile(
    r"(?=[A-Za-z])(?i:(?<![a-z])p\.?[ \t]?o\.?[ \t]*box)[ \t]+\#?\d{1,7}(?![\w])" + _US_TAIL
)
_ADDRESS_CONTEXT_RE = re.compile(
    r"(?:(?:^|[\n:;(])[ \t]*"
    r"|(?i:(?<![a-z])(?:at|to|from|address|addr|resides|reside|resident|lives|living|located|"
    r"moved|mail(?:ed)?|send|sent|ship(?:ped)?|deliver(?:ed|y)?|visit(?:ed)?|remit))"
    r"[ \t]*:?[ \t]*)$"
)
_EU_POSTCODE_CITY = (
    r",?[ \t]*(?:\r?\n[ \t]*)?(?:(?:D|A|CH|NL|B|L|F|E|I|P)-)?"
    r"(?:\d{4}[ \t]?[A-Z]{2}|\d{4,5})[ \t]+[A-ZÀ-ÖØ-Þ][\w'’.-]*"
    r"(?:[ \t]+[A-ZÀ-ÖØ-Þ(][\w'’.)-]*){0,2}"
)
_EU_STREET_RE = re.compile(
    r"(?=[\dA-ZÀ-ÖØ-Þ])(?<![\w.-])(?:"
    # Hauptstraße 5 / Keizersgracht 123 / Lange Straße 10 / Hauptstr. 5 / Straße des 17. Juni 135
    r"[A-ZÀ-ÖØ-Þ][\w.-]{0,40}?[ \t]?(?i:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer"
    r"|gracht|straat|laan|plein|kade|vej|gade|gatan|vägen|veien)"
    r"(?:[ \t]+[\w.-]{1,30}){0,2}?[ \t]+\d{1,4}[a-zA-Z]?(?:[ \t]*[-/][ \t]*\d{1,4}[a-zA-Z]?)?"
    # 12 rue de la Paix / 5 bis avenue Foch
    r"|\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?i:rue|avenue|av\.|boulevard|bd|place|chemin|allée"
    r"|impasse|quai|cours|route)[ \t]+[\w'’ .-]{2,40}?"
    # Calle Mayor 10 / Via Roma 1 / Rua Augusta 25
    r"|(?:Calle|C/|Avenida|Avda\.?|Paseo|Plaza|Carrer|Via|Viale|Corso|Piazza|Largo|Rua|Travessa)"
    r"[ \t]+[\w'’ .-]{2,40}?,?[ \t]*(?:n[º°o]\.?[ \t]*)?\d{1,4}[a-zA-Z]?"
    r"(?:[ \t]*[,-][ \t]*\d{1,2}[º°]?[ \t]*[A-Za-z]?(?![\w]))?"
    r")" + _EU_POSTCODE_CITY
)
_STREET_BEFORE_RE = re.compile(
    r"(?<![\d/.,:-])\d{1,6}[A-Za-z]?(?:[ \t]+[A-Z0-9][\w.'’-]*){0,4}[ \t]*$"
)


def _find_addresses(text: str) -> Iterator[PIIMatch]:
    for m in _US_STREET_RE.finditer(text):
        confident = (m.group("tail") or m.group("unit")
                     or m.group("suffix") in _STRONG_SUFFIXES
                     or _ADDRESS_CONTEXT_RE.search(text, max(0, m.start() - 30), m.start()))
        if confident and not _after_other_label(text, m.start()):
            yield _m(text, "postal_address", m.start(), m.end())
    for m in _PO_BOX_RE.finditer(text):
        yield _m(text, "postal_address", m.start(), m.end())
    for m in _EU_STREET_RE.finditer(text):
        yield _m(text, "postal_address", m.start(), m.end())


# --------------------------------------------------------------------------- API keys / tokens

_SECRET_VALUE = (
    r"""(?P<value>[^\s"'`,;<>(){}\[\]&=:]{8,512}+={0,3})(?![^\s"'`,;<>(){}\[\]&])"""
)
_API_KEY_RES = tuple(re.compile(p) for p in (
    r"(?<![A-Za-z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z0-9]{16}"
    r"(?![A-Za-z0-9])",
    r"(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,255}(?![A-Za-z0-9_])",
    r"(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}(?![A-Za-z0-9_])",
    r"(?<![A-Za-z0-9])xox[abposre]-[A-Za-z0-9-]{10,250}(?![A-Za-z0-9-])",
    r"https://hooks\.slack\.com/services/[A-Za-z0-9/]{20,120}",
    r"(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,247}(?![A-Za-z0-9])",
    r"(?<![A-Za-z0-9_])whsec_[A-Za-z0-9]{24,128}(?![A-Za-z0-9])",
    r"(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])",
    r"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,4096}\.eyJ[A-Za-z0-9_-]{5,8192}"
    r"\.[A-Za-z0-9_-]{8,4096}(?![A-Za-z0-9_-])",
    r"(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,64}(?![A-Za-z0-9_-])",
    r"(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])",
    r"(?<![A-Za-z0-9_])hf_[A-Za-z0-9]{34,40}(?![A-Za-z0-9_])",
    r"(?<![A-Za-z0-9_-])pypi-AgE[A-Za-z0-9_-]{50,250}(?![A-Za-z0-9_-])",
))
# OpenAI / Anthropic style: sk-..., sk-proj-..., sk-ant-api03-...
_SK_RE = re.compile(r"(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{20,250}(?![A-Za-z0-9_-])")
_AWS_SECRET_RE = re.compile(
    r"(?=[A-Za-z])(?i:aws[_\- ]?secret(?:[_\- ]?access)?(?:[_\- ]?key)?"
    r"|secret[_\- ]?access[_\- ]?key)"
    r"""["']?[ \t]*(?:=>|:=|[:=])[ \t]*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"""
)
_GENERIC_SECRET_RE = re.compile(
    r"(?=[A-Za-z])(?i:(?<![A-Za-z0-9])(?P<label>api[_\- ]?key|apikey|x-api-key|api[_\- ]?secret"
    r"|access[_\- ]?key(?:[_\- ]?id)?|access[_\- ]?token|auth[_\- ]?token|refresh[_\- ]?token"
    r"|id[_\- ]?token|session[_\- ]?(?:token|key|secret)|bearer[_\- ]?token"
    r"|client[_\- ]?secret|app[_\- ]?secret|private[_\- ]?key|secret[_\- ]?key"
    r"|signing[_\- ]?key|encryption[_\- ]?key|webhook[_\- ]?secret|token|secret"
    r"|password|passwd|pwd|passphrase)(?![A-Za-z0-9]))"
    r"""["']?[ \t]*(?:=>|:=|[:=])[ \t]*["']?""" + _SECRET_VALUE
)
_BEARER_RE = re.compile(
    r"(?=[A-Za-z])(?i:(?<![A-Za-z0-9])(?:bearer|token|basic))[ \t]+([A-Za-z0-9._~+/-]{16,4096}=*)"
    r"(?![A-Za-z0-9._~+/=-])"
)
# scheme://user:password@host
_URL_CREDENTIALS_RE = re.compile(
    r"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\s:/@]{1,64}:([^\s:/@]{3,128})@"
)
_PEM_BEGIN_RE = re.compile(r"-----BEGIN[ A-Z0-9]{0,30}PRIVATE KEY(?: BLOCK)?-----")
_PEM_END_RE = re.compile(r"-----END[ A-Z0-9]{0,30}PRIVATE KEY(?: BLOCK)?-----")
_PLACEHOLDER_RE = re.compile(
    r"(?i:your|xxxx|\*\*\*|example|placeholder|redacted|changeme|dummy|sample|<|\$\{|\{\{)"
)
_PASSWORD_LABELS = frozenset({"password", "passwd", "pwd", "passphrase"})


def _entropy(s: str) -> float:
    counts: dict[str, int] = {}
    for c in s:
        counts[c] = counts.get(c, 0) + 1
    n = len(s)
    return -sum(k / n * math.log2(k / n) for k in counts.values())


def _char_classes(s: str) -> int:
    return (any(c.islower() for c in s) + any(c.isupper() for c in s)
            + any(c.isdigit() for c in s) + any(not c.isalnum() for c in s))


def _looks_secret(value: str, password: bool) -> bool:
    if _PLACEHOLDER_RE.search(value):
        return False
    if password:
        return len(value) >= 8 and _char_classes(value) >= 2
    return (len(value) >= 16 and any(c.isdigit() for c in value)
            and any(c.isalpha() for c in value) and _entropy(value) >= 3.0)


def _find_api_keys(text: str) -> Iterator[PIIMatch]:
    for pattern in _API_KEY_RES:
        for m in pattern.finditer(text):
            yield _m(text, "api_key", m.start(), m.end())
    for m in _SK_RE.finditer(text):
        body = m.group()[3:]
        if any(c.isdigit() for c in body) and any(c.isalpha() for c in body):
            yield _m(text, "api_key", m.start(), m.end())
    for m in _AWS_SECRET_RE.finditer(text):
        yield _m(text, "api_key", m.start(1), m.end(1))
    for m in _GENERIC_SECRET_RE.finditer(text):
        label = re.sub(r"[_\- ]", "", m.group("label").lower())
        if _looks_secret(m.group("value"), label in _PASSWORD_LABELS):
            yield _m(text, "api_key", m.start("value"), m.end("value"))
    for m in _URL_CREDENTIALS_RE.finditer(text):
        if not _PLACEHOLDER_RE.search(m.group(1)):
            yield _m(text, "api_key", m.start(1), m.end(1))
    for m in _BEARER_RE.finditer(text):
        if _looks_secret(m.group(1), password=False):
            yield _m(text, "api_key", m.start(1), m.end(1))
    ends = [m for m in _PEM_END_RE.finditer(text)]
    end_starts = [m.start() for m in ends]
    for m in _PEM_BEGIN_RE.finditer(text):
        i = bisect_left(end_starts, m.end())
        if i < len(ends) and ends[i].start() - m.end() <= 20000:
            yield _m(text, "api_key", m.start(), ends[i].end())
        else:
            yield _m(text, "api_key", m.start(), m.end())


# --------------------------------------------------------------------------- person names

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_TITLE_TOK = rf"[{_UP}](?:['’][{_UP}])?[{_LO}]+(?:[-'’]?[{_UP}][{_LO}]+|-[{_LO}]{{2,}})?"
_CAPS_TOK = rf"[{_UP}](?:['’]?[{_UP}])+(?:-[{_UP}]{{2,}})?"
_TOKEN = rf"(?:{_TITLE_TOK}|{_CAPS_TOK})(?![\w'’])"
_INITIAL = rf"[{_UP}]\.?"
_PARTICLE = r"(?:van|von|de|der|den|del|della|da|das|do|dos|di|du|la|le|bin|ibn|al|el|ten|ter)"
_SUFFIX = r"(?:,?[ ](?:Jr|Sr|II|III|IV)\.?)?"
# Name parts are separated by one space: wider gaps separate columns of a form.
_NAME = rf"{_TOKEN}(?:[ ](?:{_INITIAL}[ ])?(?:{_PARTICLE}[ ]){{0,2}}{_TOKEN}){{1,3}}{_SUFFIX}"
_LAST_FIRST = rf"{_TOKEN},[ ]?{_TOKEN}(?:[ ](?:{_TOKEN}|{_INITIAL}))?"
_INITIAL_NAME = rf"{_INITIAL}[ ]{_TOKEN}"
_TITLES = r"(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Herr|Frau|Mme|Mlle|Sra?)"

_NAME_LABEL_RE = re.compile(
    r"(?=[A-Za-z])(?i:(?<![a-z])(?P<label>"
    r"(?:patient|member|subscriber|insured|policy[ \t]*holder|beneficiary|guarantor|employee"
    r"|claimant|customer|client|cardholder|card[ \t]+holder|account[ \t]*holder"
    r"|emergency[ \t]+contact|contact|responsible[ \t]+party|parent|guardian|spouse|recipient"
    r"|applicant|enrollee|resident|caller|physician|provider|doctor|nurse|prescriber"
    r"|referring[ \t]+(?:physician|provider)|attending(?:[ \t]+physician)?|pcp)"
    r"(?:'s)?(?:[ \t]+(?:full[ \t]+)?name)?"
    r"|(?:(?:full|first|last|legal|given|family|maiden|preferred)[ \t]+)?name"
    r"|pt|attn|attention|bill[ \t]*to|ship[ \t]*to|sold[ \t]*to|signed"
    r"|c/o|care[ \t]+of|dear|hi|hello|good[ \t]+(?:morning|afternoon|evening)"
    r"|(?:reported|submitted|prepared|requested|ordered|entered"
    r"|approved|reviewed|authored|written|completed|dictated|signed)[ \t]+by"
    r"|kontoinhaber(?:in)?|versicherte[rn]?|vorname|nachname|paciente|nombre(?:[ \t]+completo)?"
    r"|apellidos?|titular|nom|pr[ée]nom|nom[ \t]+complet)"
    r")(?![A-Za-z])\.?(?P<sep>[ \t]*(?::[ \t]*(?:\r?\n[ \t]*)?|[\-–][ \t]*)|[ \t]+)"
    rf"(?:(?P<title>{_TITLES})\.?[ \t]+)?"
    rf"(?P<name>{_LAST_FIRST}|{_NAME}|{_INITIAL_NAME}|{_TOKEN})"
)
_TITLE_NAME_RE = re.compile(
    rf"(?=[A-Z])(?<![\w])(?P<title>{_TITLES})\.?[ \t]+(?P<name>{_NAME}|{_INITIAL_NAME}|{_TOKEN})"
)
# Identifiers a name is often written right before: "John Smith (DOB ...)", "Smith, John
# MRN ...", "Jane Doe <jane@...>", "John Smith, (555) 123-4567".
_NAME_TRIGGER_RE = re.compile(
    r"(?=[A-Za-z<(\d])(?<![\w])"
    r"(?:(?i:d\.?[ \t]?o\.?[ \t]?b\b|date[ \t]+of[ \t]+birth|born\b|mrn\b|ssn\b"
    r"|member[ \t]*id|patient[ \t]*id|medical[ \t]+record|policy[ \t]*(?:\#|no\b|number)"
    r"|subscriber[ \t]*id|age[ \t]*:?[ \t]*\d|\d{1,3}[ \t]*(?:y/?o\b|yo\b|-?years?[ -]old))"
    r"|[<(][\w.%+-]{1,64}@"
    r"|(?P<phone>[2-9]\d{2}\)?[ .-]\d{3}[.-]\d{4}(?!\d)))"
)
_NAME_BEFORE_ID_RE = re.compile(
    rf"(?<![\w'’.])(?:(?P<title>{_TITLES})\.?[ \t]+)?(?P<name>{_LAST_FIRST}|{_NAME})"
    r"[ \t]*(?:[,;(|:\-–][ \t]*)?(?:(?:is|was)[ \t]+)?(?:an?[ \t]+)?$"
)
_NAME_BEFORE_PHONE_RE = re.compile(
    rf"(?<![\w'’.])(?P<name>{_NAME})[ \t]*(?:[,(]|(?:at|on|via|by)[ \t])[ \t]*\(?$"
)

_NAME_STOPWORDS = frozenset("""
patient patients pt name names member members subscriber insured policy holder policyholder
beneficiary guarantor employee claimant customer customers client clients contact provider
providers physician doctor nurse attending referring dear attn attention re subject from to cc
date birth dob d.o.b mrn ssn id no number account acct ship sold signed signature
the and or of for in on at by with not none unknown n/a na tbd pending same see above
below attached self other sir madam team colleague colleagues all valued friend friends hello
hi thanks thank regards sincerely please note regarding forwarding forwarded called
spoke seen saw met per via reported submitted prepared requested ordered entered approved
reviewed npi tin ein dea upin rn md np lpn phd dds dmd facs
inc llc ltd corp corporation co company gmbh ag plc lp llp pc group holdings industries
services service solutions systems system technologies technology partners associates
consulting enterprises international global hospital clinic clinics medical medicine center
centre health healthcare care insurance mutual pharmacy pharmaceuticals pharma laboratory
laboratories labs lab bank university college school institute foundation department dept
office billing accounts payable receivable sales support desk management administration ward
practice network plan plans trust fund agency county city state federal national regional
community general memorial united american blue cross shield kaiser aetna cigna humana
medicare medicaid anthem
summary note notes report discharge admission progress history record records form claim
claims invoice statement results result visit encounter referral authorization request order
orders prescription rx diagnosis procedure procedures total amount balance due payment paid
subtotal tax quantity qty item items description product products price terms reference ref
page section table appendix line main fax phone tel mobile cell email e-mail address street
avenue road suite apt box po zip yes true false male female age sex gender dr mr mrs ms mx
miss prof jr sr herr frau status type code approved denied active inactive primary secondary
emergency room bed floor building unit units review reviewed signed electronically
department mg ml tablet tablets capsule capsules dose daily
january february march july september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
after hours toll free hotline helpline call text urgent appointments appointment scheduling
front reception switchboard operator voicemail
monday tuesday wednesday thursday friday saturday sunday
gold silver bronze platinum ppo hmo epo pos hsa hdhp dental vision rx group card
""".split())
_PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))
_TOKEN_RE = re.compile(r"[^\s,]+")
_SINGLE_NAME_LABELS = frozenset({
    "vorname", "nachname", "nombre", "apellido", "apellidos", "nom", "prenom", "prénom",
    "nomcomplet", "nombrecompleto", "kontoinhaber", "kontoinhaberin",
    "patient", "pt", "name", "dear", "attn", "attention", "member", "subscriber", "insured",
    "claimant", "patientname", "patientsname", "fullname", "lastname", "firstname",
    "givenname", "familyname", "legalname", "membername", "subscribername", "insuredname",
    "insuredsname", "physician", "doctor", "provider", "prescriber", "pcp",
    "hi", "hello", "goodmorning", "goodafternoon", "goodevening",
})
_COLONLESS_LABELS = frozenset({"dear", "attn", "attention", "hi", "hello", "goodmorning",
                               "goodafternoon", "goodevening"})
# greetings name someone only when the name is followed by a comma ("Hi Theodora,")
_GREETINGS = frozenset({"hi", "hello", "goodmorning", "goodafternoon", "goodevening"})
_COLONLESS_LOWER_LABELS = frozenset({"patient", "pt", "member", "subscriber", "insured",
                                     "claimant", "beneficiary"})
_ORG_WORDS = frozenset("""
inc llc ltd corp corporation co company gmbh ag plc lp llp pc group holdings industries
services solutions systems technologies partners associates consulting enterprises hospital
clinic clinics medical center centre health healthcare insurance mutual pharmacy
pharmaceuticals laboratory laboratories labs bank university college school institute
foundation department dept office billing accounts payable receivable sales support
traders trading supplies supply dentistry imaging logistics distributors distribution foods
motors electric energy works manufacturing products store stores shop market markets
bakery restaurant hotel airlines bancorp capital ventures studios media software labs
pharmaceutical diagnostics therapeutics biosciences orthopedics radiology cardiology
""".split())
_NAME_ONLY_LABELS = frozenset({"name", "fullname", "firstname", "lastname", "legalname",
                               "givenname", "familyname", "maidenname", "preferredname"})
_NAME_QUALIFIER_BEFORE_RE = re.compile(r"([A-Za-z]+)[ \t]*$")
_NAME_QUALIFIERS_OK = frozenset({"your", "his", "her", "their", "my", "patient", "member"})


def _norm(tok: str) -> str:
    tok = tok.lower().rstrip(".:;")
    return tok[:-2] if tok.endswith(("'s", "’s")) else tok


def _trim_name(text: str, start: int, end: int, *, from_left: bool,
               min_tokens: int) -> tuple[int, int] | None:
    """Cut stopwords off a name candidate; None if too few name tokens remain."""
    toks = [(t.start(), t.end(), _norm(t.group())) for t in _TOKEN_RE.finditer(text, start, end)]
    if any(t[2] in _ORG_WORDS for t in toks):
        return None   # "Acme Corp", "Springfield General Hospital"
    if from_left:
        last_stop = max((i for i, t in enumerate(toks) if t[2] in _NAME_STOPWORDS), default=-1)
        toks = toks[last_stop + 1:]
    else:
        first_stop = next((i for i, t in enumerate(toks) if t[2] in _NAME_STOPWORDS), len(toks))
        toks = toks[:first_stop]
    while toks and toks[-1][2] in _PARTICLES:
        toks.pop()
    while toks and toks[0][2] in _PARTICLES:
        toks.pop(0)
    real = [t for t in toks if len(t[2].rstrip(".")) > 1]
    if len(real) < min_tokens:
        return None
    s, e = toks[0][0], toks[-1][1]
    while e > s and text[e - 1] in ",;:":
        e -= 1
    return s, e


_CAPITAL_WORD_BEFORE_RE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)[ \t]+$")
_WORDS_BEFORE_TITLE = frozenset({"Dear", "Thanks", "Thank", "Hi", "Hello", "Attn", "Cc", "To",
                                 "From", "Per", "Via", "By", "With", "And", "Or", "Attending",
                                 "Referring", "Physician", "Provider", "Doctor", "Signed"})


def _street_before(text: str, start: int) -> bool:
    """Whether a "Dr" at ``start`` ends a street name ("12 Elm Dr.", "Oak Dr. Then ...")."""
    if _STREET_BEFORE_RE.search(text, max(0, start - 60), start):
        return True
    word = _CAPITAL_WORD_BEFORE_RE.search(text, max(0, start - 30), start)
    return word is not None and word.group(1) not in _WORDS_BEFORE_TITLE


def _find_names(text: str) -> Iterator[PIIMatch]:
    for m in _NAME_LABEL_RE.finditer(text):
        raw_label = m.group("label")
        label = "".join(c for c in raw_label.lower() if c.isalpha())
        if label in _NAME_ONLY_LABELS:
            before = _NAME_QUALIFIER_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
            if before and before.group(1).lower() not in _NAME_QUALIFIERS_OK:
                continue   # "Product Name:", "Company Name:", "File name:"
        if not re.search(r"[:\-–]", m.group("sep")):
            # no colon: only "Dear John", "Attn Jane Doe", "... patient John Smith ..."
            if not (label in _COLONLESS_LABELS or (label in _COLONLESS_LOWER_LABELS
                                                    and raw_label.islower())):
                continue
        title = m.group("title")
        if title == "Dr" and _street_before(text, m.start("title")):
            continue
        if label in _GREETINGS and not text.startswith(",", m.end("name")):
            continue
        single_ok = title is not None or label in _SINGLE_NAME_LABELS
        span = _trim_name(text, m.start("name"), m.end("name"), from_left=False,
                          min_tokens=1 if single_ok else 2)
        if span:
            yield _m(text, "person_name", *span)
    for m in _TITLE_NAME_RE.finditer(text):
        if m.group("title") == "Dr" and _street_before(text, m.start()):
            continue
        span = _trim_name(text, m.start("name"), m.end("name"), from_left=False, min_tokens=1)
        if span:
            yield _m(text, "person_name", *span)
    previous_end = 0
    for trigger in _NAME_TRIGGER_RE.finditer(text):
        lo = max(previous_end, trigger.start() - 100)
        nl = text.rfind("\n", lo, trigger.start())
        lo = nl + 1 if nl >= 0 else lo
        previous_end = trigger.end()
        pattern = _NAME_BEFORE_PHONE_RE if trigger.group("phone") else _NAME_BEFORE_ID_RE
        before = pattern.search(text, lo, trigger.start())
        if before is None:
            continue
        titled = "title" in pattern.groupindex and before.group("title") is not None
        span = _trim_name(text, before.start("name"), before.end("name"), from_left=True,
                          min_tokens=1 if titled else 2)
        if span:
            yield _m(text, "person_name", *span)


# A name on the same line before an identifier's label, or right after its value
# ("Ines Albrecht (insurance no. HK...)", "Member ID 4471-0923-88 belongs to Gareth ...").
_ANY_NAME_RE = re.compile(rf"(?<![\w'’.])(?:{_LAST_FIRST}|{_NAME})")
_NAME_AFTER_ID_RE = re.compile(
    rf"[ \t,;)]*(?:belongs[ \t]+to|(?:is[ \t]+|was[ \t]+)?(?:held|owned|issued|registered|"
    rf"assigned)[ \t]+(?:by|to)|for)[ \t]+(?:(?:{_TITLES})\.?[ \t]+)?(?P<name>{_NAME})")
_NAME_WINDOW = 100


def _names_near_ids(text: str) -> Iterator[PIIMatch]:
    labelled = [m for pattern in (_MEMBER_RE, _MRN_RE) for m in pattern.finditer(text)
                if _id_value_ok(m.group("value"))]
    labelled += [m for m in _BARE_ID_RE.finditer(text)
                 if _id_value_ok(m.group("value"))
                 and _INSURANCE_CONTEXT_RE.search(text, max(0, m.start() - _CONTEXT_WINDOW),
                                                  m.start())]
    for m in labelled:
        lo = max(0, m.start() - _NAME_WINDOW)
        nl = text.rfind("\n", lo, m.start())
        lo = nl + 1 if nl >= 0 else lo
        candidates = list(_ANY_NAME_RE.finditer(text, lo, m.start()))
        if candidates:
            last = candidates[-1]
            span = _trim_name(text, last.start(), last.end(), from_left=True, min_tokens=2)
            if span:
                yield _m(text, "person_name", *span)
        after = _NAME_AFTER_ID_RE.match(text, m.end("value"))
        if after:
            span = _trim_name(text, after.start("name"), after.end("name"), from_left=False,
                              min_tokens=2)
            if span:
                yield _m(text, "person_name", *span)


# --------------------------------------------------------------------------- resolution

_DETECTORS: tuple[Callable[[str], Iterable[PIIMatch]], ...] = (
    _find_api_keys, _find_ibans, _find_cards, _find_emails, _find_ssn, _find_dobs,
    _find_labelled_ids, _find_phones, _find_addresses, _find_names, _names_near_ids,
)


def _resolve(candidates: list[PIIMatch]) -> list[PIIMatch]:
    """Keep non-overlapping matches, preferring the more specific kind, then the longer."""
    candidates.sort(key=lambda c: (_RANK[c.kind], c.start - c.end, c.start))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[PIIMatch] = []
    for c in candidates:
        i = bisect_right(starts, c.start)
        if i and ends[i - 1] > c.start:
            continue
        if i < len(starts) and starts[i] < c.end:
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        kept.insert(i, c)
    return kept


_FIRST_NAME_BEFORE_RE = re.compile(rf"(?<![\w'’.-])({_TITLE_TOK}|{_CAPS_TOK})[ ]$")
_SURNAME_SKIP = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _surname(name: str) -> str | None:
    if "," in name:
        last = name.split(",", 1)[0].strip()
    else:
        parts = [p for p in name.split() if _norm(p) not in _SURNAME_SKIP]
        last = parts[-1] if parts else ""
    if len(last) < 4 or " " in last or _norm(last) in _NAME_STOPWORDS:
        return None
    return last


def _name_repeats(text: str, names: list[PIIMatch]) -> Iterator[PIIMatch]:
    """Other occurrences of a name found next to a label or an identifier: the whole name,
    and the surname on its own (extended to a capitalised first name right before it)."""
    found = {n.text for n in names if len(n.text) >= 4}
    surnames = {s for s in map(_surname, found) if s}
    words = sorted(found | surnames, key=len, reverse=True)[:64]
    if not words:
        return
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w'’-])")
    for m in pattern.finditer(text):
        start = m.start()
        if m.group() in surnames:
            first = _FIRST_NAME_BEFORE_RE.search(text, max(0, start - 30), start)
            if first and _norm(first.group(1)) not in _NAME_STOPWORDS:
                start = first.start(1)
        yield _m(text, "person_name", start, m.end())


def find_pii(text: str) -> list[PIIMatch]:
    """Every PII/PHI match in ``text``, sorted by start, without overlaps."""
    candidates = [c for detect in _DETECTORS for c in detect(text) if c.end > c.start]
    names = [c for c in candidates if c.kind == "person_name"]
    candidates.extend(_name_repeats(text, names))
    return _resolve(candidates)


def redact(text: str) -> str:
    """``text`` with each match replaced by ``[REDACTED:<kind>]``."""
    out: list[str] = []
    pos = 0
    for match in find_pii(text):
        out.append(text[pos:match.start])
        out.append(f"[REDACTED:{match.kind}]")
        pos = match.end
    out.append(text[pos:])
    return "".join(out)


def contains_pii(text: str) -> bool:
    return any(c.end > c.start for detect in _DETECTORS for c in detect(text))
