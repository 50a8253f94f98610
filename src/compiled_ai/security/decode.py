"""Decoded views of a text, so the injection gate sees what an obfuscated payload says.

``decoded_variants(text)`` returns ``("original", text)`` first and then every decoded
view that differs from the views before it: invisible characters removed, look-alike
letters folded to Latin, the content of HTML comments, percent-decoding, ``\\uXXXX`` /
``\\xXX`` escapes, HTML character references, Unicode tag characters ("ASCII smuggling"),
base64 runs and hex runs, and the tricks a human reader undoes by eye (spaced letters,
leetspeak, ROT13, reversed text; :mod:`compiled_ai.security.obfuscation`, which decodes a
line only when it measures as obfuscated). A view can itself be decoded once more (base64 of
percent-encoded text, hex holding Cyrillic look-alikes, ...), up to ``MAX_DEPTH``.

All work is bounded so crafted input cannot make it slow: at most ``MAX_INPUT_CHARS`` of
the text are looked at, at most ``MAX_SEGMENTS`` runs per encoding are decoded (each cut
to ``MAX_SEGMENT_CHARS``), at most ``MAX_VARIANTS`` views are returned, and every pattern
is linear (no nested quantifiers over overlapping classes; comment scanning uses
``str.find``).
"""

from __future__ import annotations

import base64
import binascii
import html
import re
import unicodedata
from collections.abc import Callable
from urllib.parse import unquote

from compiled_ai.security.obfuscation import leetspeak, reversed_text, rot13, spaced_letters

__all__ = [
    "MAX_DEPTH",
    "MAX_INPUT_CHARS",
    "MAX_SEGMENTS",
    "MAX_SEGMENT_CHARS",
    "MAX_VARIANTS",
    "decoded_variants",
    "fold_confusables",
    "strip_invisible",
]

MAX_INPUT_CHARS = 20_000
MAX_SEGMENTS = 16          # per encoding family and per text
MAX_SEGMENT_CHARS = 8_192  # one encoded run is cut to this many characters
MAX_VARIANTS = 12          # including "original"
MAX_DEPTH = 2              # a decoded view may be decoded once more

# --------------------------------------------------------------------------- invisible

# zero-width and other invisible format characters used to split trigger words
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d"
    "\u206e\u206f\u3164\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09"
    "\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f\ufeff\uffa0"
)
_INVISIBLE_TABLE = {ord(c): None for c in _INVISIBLE}
# Unicode tag characters (U+E0000..U+E007F) render as nothing; U+E0020..U+E007E mirror
# printable ASCII and are used to smuggle text past a human reader.
_INVISIBLE_TABLE.update({cp: None for cp in range(0xE0000, 0xE0080)})
_TAG_RE = re.compile("[\U000e0020-\U000e007e]+")


def strip_invisible(text: str) -> str:
    """``text`` without zero-width, bidi-control, variation-selector and tag characters."""
    return text.translate(_INVISIBLE_TABLE)


def _zero_width(text: str) -> str | None:
    out = strip_invisible(text)
    return out if out != text else None


def _unicode_tags(text: str) -> str | None:
    runs = _TAG_RE.findall(text)
    if not runs:
        return None
    return "\n".join("".join(chr(ord(c) - 0xE0000) for c in run) for run in runs[:MAX_SEGMENTS])


# --------------------------------------------------------------------------- homoglyphs

# Cyrillic, Greek and a few Latin-extension letters that look like basic Latin ones.
# NFKC already folds full-width forms, mathematical alphanumerics, ligatures and the like.
_CONFUSABLE_PAIRS = (
    # Cyrillic lower case
    "аa", "вb", "еe", "ёe", "һh", "іi", "їi", "јj", "кk", "ӏl", "мm", "нh", "оo", "рp",
    "сc", "тt", "уy", "хx", "ѕs", "ԁd", "ԛq", "ԝw", "ьb", "ѡw", "үy", "ҺH",
    # Cyrillic upper case
    "АA", "ВB", "ЕE", "ЁE", "ІI", "ЇI", "ЈJ", "КK", "МM", "НH", "ОO", "РP", "СC", "ТT",
    "УY", "ХX", "ЅS", "ԀD", "ԌG", "ԚQ", "ԜW", "ӀI", "ЬB",
    # Greek lower case
    "αa", "βb", "γy", "εe", "ηn", "ιi", "κk", "νv", "οo", "ρp", "τt", "υu", "χx", "ωw",
    "ϲc", "ϳj", "ѕs",
    # Greek upper case
    "ΑA", "ΒB", "ΕE", "ΖZ", "ΗH", "ΙI", "ΚK", "ΜM", "ΝN", "ΟO", "ΡP", "ΤT", "ΥY", "ΧX",
    "ϹC", "ϺM",
    # Latin extensions and IPA letters
    "ɑa", "ɡg", "ɩi", "ıi", "ȷj", "ʏy", "ɢG", "ʜH", "ɪI", "ʟL", "ɴN", "ʀR", "ᴀA",
    "ᴄC", "ᴅD", "ᴇE", "ᴊJ", "ᴋK", "ᴍM", "ᴏO", "ᴘP", "ᴛT", "ᴜU", "ᴠV", "ᴡW", "ᴢZ",
    # Armenian
    "օo", "սu", "հh", "ոn",
)
_CONFUSABLES = {ord(pair[0]): pair[1] for pair in _CONFUSABLE_PAIRS}


def fold_confusables(text: str) -> str:
    """NFKC, then look-alike Cyrillic/Greek/IPA letters mapped to the Latin letter they mimic."""
    return unicodedata.normalize("NFKC", text).translate(_CONFUSABLES)


def _homoglyph(text: str) -> str | None:
    if text.isascii():
        return None
    out = fold_confusables(strip_invisible(text))
    return out if out != text else None


# --------------------------------------------------------------------------- markup

def _html_comment(text: str) -> str | None:
    """The content of every ``<!-- ... -->`` (an unclosed one runs to the end)."""
    parts: list[str] = []
    pos = 0
    while len(parts) < MAX_SEGMENTS:
        start = text.find("<!--", pos)
        if start < 0:
            break
        end = text.find("-->", start + 4)
        body = text[start + 4: end if end >= 0 else len(text)].strip()
        if body:
            parts.append(body)
        if end < 0:
            break
        pos = end + 3
    return "\n".join(parts) if parts else None


def _html_entities(text: str) -> str | None:
    if "&" not in text:
        return None
    out = html.unescape(text)
    return out if out != text else None


# --------------------------------------------------------------------------- escapes

_PERCENT_RE = re.compile(r"%[0-9A-Fa-f]{2}")


def _url(text: str) -> str | None:
    form_encoded = text.count("+") >= 2 and not any(c.isspace() for c in text)
    if not form_encoded and not _PERCENT_RE.search(text):
        return None
    out = unquote(text, errors="replace")
    if form_encoded:
        out = out.replace("+", " ")  # form encoding: spaces travel as '+'
    return out if out != text else None


_ESCAPE_RE = re.compile(
    r"\\u\{([0-9A-Fa-f]{1,6})\}"      # \u{1F600}
    r"|\\U([0-9A-Fa-f]{8})"           # \U0001F600
    r"|\\u([0-9A-Fa-f]{4})"           # \u0069
    r"|((?:\\x[0-9A-Fa-f]{2})+)"      # \x69\x67 (a run: may be UTF-8 bytes)
)


def _escape_sub(match: re.Match[str]) -> str:
    hexdigits = match.group(1) or match.group(2) or match.group(3)
    if hexdigits is not None:
        code = int(hexdigits, 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)
    raw = bytes.fromhex(match.group(4).replace("\\x", ""))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _escapes(text: str) -> str | None:
    if "\\" not in text:
        return None
    out, count = _ESCAPE_RE.subn(_escape_sub, text)
    if not count:
        return None
    # \ud83d\ude00-style surrogate pairs become one character; lone ones are replaced
    out = out.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return out if out != text else None


# --------------------------------------------------------------------------- base64 / hex

def _looks_like_text(decoded: str) -> bool:
    """Mostly printable, with letters in it: what a hidden instruction looks like."""
    if len(decoded) < 4:
        return False
    printable = sum(1 for c in decoded if c.isprintable() or c in "\n\r\t")
    letters = sum(1 for c in decoded if c.isalpha())
    return printable >= 0.95 * len(decoded) and letters >= max(3, 0.4 * len(decoded))


def _bytes_to_text(raw: bytes) -> str | None:
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return decoded if _looks_like_text(decoded) else None


# A run of at least 16 base64 characters; a run may continue on the next line when the
# line before it is at least 40 characters long (MIME-style wrapping). A run may follow
# "=" (``ref_token=U3Rv...``, a query or config value).
_B64_RE = re.compile(
    r"(?<![A-Za-z0-9+/_-])"
    r"(?:[A-Za-z0-9+/_-]{40,}\r?\n)*[A-Za-z0-9+/_-]{16,}={0,2}"
    r"(?![A-Za-z0-9+/=_-])"
)


def _decode_b64_run(run: str) -> str | None:
    run = "".join(run.split()).rstrip("=")[:MAX_SEGMENT_CHARS]
    if len(run) % 4 == 1:
        run = run[:-1]
    run += "=" * (-len(run) % 4)
    urlsafe = "-" in run or "_" in run
    if urlsafe and ("+" in run or "/" in run):
        return None
    try:
        raw = (base64.urlsafe_b64decode(run) if urlsafe
               else base64.b64decode(run, validate=True))
    except (binascii.Error, ValueError):
        return None
    return _bytes_to_text(raw)


def _base64(text: str) -> str | None:
    parts: list[str] = []
    for match in _B64_RE.finditer(text):
        run = match.group(0)
        if not any(c.isdigit() or c in "+/=" for c in run) and run.isalpha() and (
                run.islower() or run.isupper()):
            continue  # one long word in a single case: a word, not base64
        decoded = _decode_b64_run(run)
        if decoded is not None:
            parts.append(decoded)
        if len(parts) >= MAX_SEGMENTS:
            break
    return "\n".join(parts) if parts else None


_HEX_RE = re.compile(
    r"(?<![0-9A-Za-z])(?:0x)?((?:[0-9A-Fa-f]{2}){8,})(?![0-9A-Za-z])"   # 69676e6f7265...
    r"|(?<![0-9A-Za-z])((?:(?:0x)?[0-9A-Fa-f]{2}[ ,:-]){7,}(?:0x)?[0-9A-Fa-f]{2})"
    r"(?![0-9A-Za-z])"                                                  # 69 67 6e 6f ...
)


def _hex(text: str) -> str | None:
    parts: list[str] = []
    for index, match in enumerate(_HEX_RE.finditer(text)):
        if index >= 4 * MAX_SEGMENTS:
            break
        run = match.group(1) or re.sub(r"0x|[ ,:-]", "", match.group(2))
        run = run[: MAX_SEGMENT_CHARS - MAX_SEGMENT_CHARS % 2]
        decoded = _bytes_to_text(bytes.fromhex(run))
        if decoded is not None:
            parts.append(decoded)
            if len(parts) >= MAX_SEGMENTS:
                break
    return "\n".join(parts) if parts else None


# --------------------------------------------------------------------------- driver

_TRANSFORMS: tuple[tuple[str, Callable[[str], str | None]], ...] = (
    ("zero_width", _zero_width),
    ("homoglyph", _homoglyph),
    ("html_comment", _html_comment),
    ("url", _url),
    ("escape", _escapes),
    ("html_entity", _html_entities),
    ("unicode_tags", _unicode_tags),
    ("base64", _base64),
    ("hex", _hex),
    # what a reader undoes by eye; each looks before it decodes (see obfuscation.py)
    ("spaced", spaced_letters),
    ("leet", leetspeak),
    ("rot13", rot13),
    ("reversed", reversed_text),
)


def decoded_variants(text: str) -> list[tuple[str, str]]:
    """``[("original", text), (variant_name, decoded_text), ...]``, each text distinct.

    Names of second-level views join the steps with ``+`` (``"base64+homoglyph"``).
    Only the first ``MAX_INPUT_CHARS`` characters are examined.
    """
    text = text[:MAX_INPUT_CHARS]
    variants: list[tuple[str, str]] = [("original", text)]
    seen = {text}
    frontier = [("original", text)]
    for _depth in range(MAX_DEPTH):
        next_frontier: list[tuple[str, str]] = []
        for parent_name, parent_text in frontier:
            for name, transform in _TRANSFORMS:
                if len(variants) >= MAX_VARIANTS:
                    return variants
                out = transform(parent_text)
                if out is None:
                    continue
                out = out[:MAX_INPUT_CHARS]
                if out in seen or not out.strip():
                    continue
                seen.add(out)
                full_name = name if parent_name == "original" else f"{parent_name}+{name}"
                variants.append((full_name, out))
                next_frontier.append((full_name, out))
        frontier = next_frontier
        if not frontier:
            break
    return variants
