"""Undo the obfuscations a human reader undoes by eye: spaced letters, leetspeak, ROT13
and reversed text.

Unlike base64 or hex these leave no machine-readable marker, so each decoder first asks
whether a line *looks* obfuscated, with a cheap measurement, and only then decodes it:

* **spaced letters** ("i g n o r e", "D.r.o.p t.h.e", "T-h-e r-e-v-i-e-w"): a run of at
  least six single letters separated by spaces or by one of ``. - _ * / |``. The separator
  seen most often inside the run joins letters; any other separator (a wider gap, a slash,
  a space between dotted words) separates words; a run with a single kind of separator is
  split into words with the lexicon.
* **leetspeak** ("1gn0r3 pr3v10u5"): a line where at least three words, and at least a
  third of its words, mix letters with the digits 0 1 3 4 5 7 8 9 (or ``@``/``$``).
  Identifier-like tokens (upper-case ids such as ``HX9920114``, ``E11``; ordinals and
  units such as ``2nd``, ``40mg``) do not count. Ambiguous digits (1 = i or l, 6 = g or
  b) are resolved with the lexicon.
* **ROT13** and **reversed text**: a line whose words, once rotated (or reversed), hit
  the list of common English words at least twice and more often than the line as
  written does. Words whose image is itself a common word ("be"/"or", "no"/"on") are
  left out of the count.

Each decoder returns the whole text with only the decoded lines (or runs) replaced, so
the carrier around a hidden sentence stays as context, or None when nothing looked
obfuscated. The lexicon (``data/lexicon.txt``, one word per line, most frequent first) is
built offline by ``scripts/build_lexicon.py`` from the classifier's training texts; all
work is linear in the input and bounded per line.
"""

from __future__ import annotations

import codecs
import math
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

__all__ = [
    "COMMON_WORDS",
    "lexicon",
    "leetspeak",
    "reversed_text",
    "rot13",
    "segment_words",
    "spaced_letters",
]

LEXICON_PATH = Path(__file__).with_name("data") / "lexicon.txt"
MAX_LINE_CHARS = 2_000      # longer lines are not examined by these decoders
MAX_RUN_LETTERS = 400       # a spaced-letter run is cut to this many letters
MAX_LEET_COMBINATIONS = 64  # candidate spellings tried per leetspeak token

# Common English words: the measure of "this line reads as English" for ROT13 and
# reversal, and a floor for the lexicon when its file is missing.
COMMON_WORDS = frozenset("""
a about above account after again all also always am amount an and any approve approved
are as at back bank be because been before being below between both but by call can
change check claim could data day did do does done down each every file first follow
following for from full get give go had has have he her here him his how i if in into
invoice is it its just keep know last let like list make mark may me message more most
must my need new next no not note now of off on once only or other our out over paid
pay payment please policy previous print prompt read record release reply request
review rules said say secret see send set should show since skip so some status step
still such system take tell than that the their them then there these they this those
through time to today until up update us use user was we were what when where which
while who will with without would you your
""".split())


@lru_cache(maxsize=1)
def lexicon() -> dict[str, int]:
    """Word -> frequency rank (0 = most frequent), from ``data/lexicon.txt``; the common
    words alone when the file is missing."""
    words: list[str] = []
    try:
        words = [w.strip() for w in LEXICON_PATH.read_text(encoding="utf-8").splitlines()
                 if w.strip()]
    except FileNotFoundError:
        pass
    ranks = {w: i for i, w in enumerate(words)}
    for w in sorted(COMMON_WORDS):
        ranks.setdefault(w, len(ranks))
    return ranks


# --------------------------------------------------------------------------- segmentation

_MAX_WORD = 20


def _word_cost(word: str, ranks: dict[str, int]) -> float:
    rank = ranks.get(word)
    if rank is None:
        return 12.0 + 4.0 * len(word)   # unknown: allowed, but dearer than any known split
    if len(word) == 1 and word not in ("a", "i"):
        return 30.0                     # a stray letter is almost never the right split
    return math.log(rank + 2.0) + 2.0   # Zipf: a frequent word is a cheap word


def segment_words(letters: str) -> list[str]:
    """``letters`` (no spaces, lower case) split into the most probable words of the
    lexicon (dynamic programming over word costs; unknown stretches stay whole)."""
    ranks = lexicon()
    n = len(letters)
    best = [0.0] + [math.inf] * n
    back = [0] * (n + 1)
    for end in range(1, n + 1):
        for start in range(max(0, end - _MAX_WORD), end):
            cost = best[start] + _word_cost(letters[start:end], ranks)
            if cost < best[end]:
                best[end], back[end] = cost, start
    words: list[str] = []
    end = n
    while end > 0:
        words.append(letters[back[end]:end])
        end = back[end]
    return words[::-1]


# --------------------------------------------------------------------------- spaced letters

_LETTER = r"[^\W\d_]"
_SEP = r"(?:[ \t]{1,4}|[ \t]?[./|*_~\-·][ \t]?)"
# at least six single letters, each followed by a separator and not part of a longer word
_SPACED_RUN = re.compile(rf"(?<![^\W_]){_LETTER}(?:{_SEP}{_LETTER}(?![^\W_])){{5,}}")
_SPACED_HINT = re.compile(rf"(?<![^\W_]){_LETTER}{_SEP}{_LETTER}{_SEP}{_LETTER}(?![^\W_])")
_LETTER_RE = re.compile(_LETTER)


def _decode_run(run: str) -> str | None:
    spans = [m.span() for m in _LETTER_RE.finditer(run)]
    letters = [run[a:b] for a, b in spans]
    # the separator between two letters is exactly the text between them
    seps = [run[spans[i][1]:spans[i + 1][0]] for i in range(len(spans) - 1)]
    if len(letters) < 6:
        return None
    counts: dict[str, int] = {}
    for sep in seps:
        counts[sep] = counts.get(sep, 0) + 1
    inner = max(counts, key=lambda s: (counts[s], -len(s)))
    words: list[str] = []
    current = letters[0]
    for sep, letter in zip(seps, letters[1:], strict=True):
        if sep == inner:
            current += letter
        else:
            words.append(current)
            current = letter
    words.append(current)
    if len(words) == 1:   # one kind of separator: find the words with the lexicon
        joined = words[0][:MAX_RUN_LETTERS]
        lowered = joined.lower()
        words, pos = [], 0
        for word in segment_words(lowered):
            words.append(joined[pos:pos + len(word)])
            pos += len(word)
    return " ".join(words)


def spaced_letters(text: str) -> str | None:
    """``text`` with every run of spaced single letters joined into words."""
    if not _SPACED_HINT.search(text):
        return None
    changed = False

    def sub(match: re.Match[str]) -> str:
        nonlocal changed
        decoded = _decode_run(match.group(0))
        if decoded is None:
            return match.group(0)
        changed = True
        return decoded

    out = _SPACED_RUN.sub(sub, text)
    return out if changed else None


# --------------------------------------------------------------------------- leetspeak

_LEET_TOKEN = re.compile(r"[A-Za-z0-9@$]+")
_LEET_DIGITS = frozenset("01345789@$")
# ordinals, units and times written with digits are not leetspeak
_NOT_LEET = re.compile(r"\d+(?:st|nd|rd|th|am|pm|mg|mcg|ml|kg|g|h|hr|hrs|min|s|x|k|m|km|cm|"
                       r"mm|px|gb|mb|kb|d|w|y|yr|yrs|mo|v|ft|in|lb|lbs|oz)", re.IGNORECASE)
_LEET_MAP = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
             "6": "g", "2": "z", "@": "a", "$": "s"}
_LEET_ALTERNATIVES = {"1": "il", "6": "gb", "9": "gq", "0": "o"}
_LEET_HINT = re.compile(r"[A-Za-z][0134578@$]|[0134578@$][A-Za-z]")


def _is_leet(token: str) -> bool:
    if len(token) < 3 or len(token) > 24:
        return False   # "0B", "7C" (a hex dump) or a blob
    if not any(c.isalpha() for c in token) or not any(c in _LEET_DIGITS for c in token):
        return False
    if _NOT_LEET.fullmatch(token):
        return False
    letters = [c for c in token if c.isalpha()]
    if all(c.isupper() for c in letters) and len(letters) <= 3 and token[0].isalpha():
        return False   # an id such as E11, HX9920114, A1, PO4471
    if all(c.isupper() for c in letters) and sum(c.isdigit() for c in token) >= 4:
        return False
    return True


def _unleet(token: str) -> str | None:
    """The most frequent lexicon word ``token`` can spell, else the default spelling when
    ``token`` is leetspeak by itself, else None."""
    ranks = lexicon()
    lowered = token.lower()
    candidates = [""]
    for c in lowered:
        options = _LEET_ALTERNATIVES.get(c, _LEET_MAP.get(c, c))
        candidates = [p + o for p in candidates for o in options][:MAX_LEET_COMBINATIONS]
    known = [c for c in candidates if c in ranks and len(c) > 1]
    if known:
        return min(known, key=lambda c: ranks[c])
    if _is_leet(token):
        return "".join(_LEET_MAP.get(c, c) for c in lowered)
    return None


def _unleet_in_line(match: re.Match[str]) -> str:
    token = match.group(0)
    if not any(c in _LEET_DIGITS for c in token):
        return token
    # inside a leetspeak line "4nd", "80th" and "1157" are words too, when they spell one
    return _unleet(token) or token


def leetspeak(text: str) -> str | None:
    """``text`` with each line that reads as leetspeak spelt in letters."""
    if not _LEET_HINT.search(text):
        return None
    lines = text.split("\n")
    changed = False
    for i, line in enumerate(lines):
        if len(line) > MAX_LINE_CHARS or not _LEET_HINT.search(line):
            continue
        tokens = _LEET_TOKEN.findall(line)
        words = [t for t in tokens if any(c.isalpha() for c in t)]
        leet = [t for t in words if _is_leet(t)]
        if len(leet) < 3 or len(leet) * 3 < len(words):
            continue
        # leetspeak spells words: most of the odd tokens must become lexicon words
        # (base64 blobs, \\u00e9 escapes and serial numbers do not)
        ranks = lexicon()
        if sum(1 for t in leet if _unleet(t) in ranks) * 2 < len(leet):
            continue
        lines[i] = _LEET_TOKEN.sub(_unleet_in_line, line)
        changed = True
    return "\n".join(lines) if changed else None


# --------------------------------------------------------------------------- ROT13, reversal

_WORD = re.compile(r"[A-Za-z]+")
# images of common words of three letters or more: shorter ones ("su", "na", "em") are
# words of other languages
_ROT13_WORDS = frozenset(codecs.encode(w, "rot13") for w in COMMON_WORDS if len(w) > 2) \
    - COMMON_WORDS
_REVERSED_WORDS = frozenset(w[::-1] for w in COMMON_WORDS if len(w) > 2) - COMMON_WORDS


def _hits(words: list[str], vocabulary: frozenset[str]) -> int:
    return sum(1 for w in words if w in vocabulary)


# a line is also read piece by piece: "Note (reversed for privacy): .tnemyap ..." has a
# plain prefix that must not be turned round with the hidden sentence
_CHUNK_SPLIT = re.compile(r"(:\s+|\|+|\s+-+>?\s+|\t+)")


def _looks_coded(words: list[str], vocabulary: frozenset[str]) -> bool:
    """At least two coded common words, more than plain ones, and at least a fifth of
    the words."""
    coded = _hits(words, vocabulary)
    return coded >= 2 and coded > _hits(words, COMMON_WORDS) and coded * 5 >= len(words)


def _decode_line(line: str, vocabulary: frozenset[str],
                 decode: Callable[[str], str]) -> str | None:
    parts = _CHUNK_SPLIT.split(line)
    if len(parts) > 1:
        out = [decode(part) if i % 2 == 0 and _looks_coded(
            [w.lower() for w in _WORD.findall(part)], vocabulary) else part
            for i, part in enumerate(parts)]
        if out != parts:
            return "".join(out)
    if _looks_coded([w.lower() for w in _WORD.findall(line)], vocabulary):
        return decode(line)
    return None


def _decode_lines(text: str, vocabulary: frozenset[str],
                  decode: Callable[[str], str]) -> str | None:
    lines = text.split("\n")
    changed = False
    for i, line in enumerate(lines):
        if len(line) > MAX_LINE_CHARS or not any(
                w.lower() in vocabulary for w in _WORD.findall(line)):
            continue
        out = _decode_line(line, vocabulary, decode)
        if out is not None:
            lines[i] = out
            changed = True
    return "\n".join(lines) if changed else None


def rot13(text: str) -> str | None:
    """``text`` with each line that reads as ROT13-encoded English rotated back."""
    if not any(w.lower() in _ROT13_WORDS for w in _WORD.findall(text[:MAX_LINE_CHARS * 4])):
        return None
    return _decode_lines(text, _ROT13_WORDS, lambda s: codecs.encode(s, "rot13"))


def _reverse_line(line: str) -> str:
    words = line.split()
    # "kraM siht eciovni": each word reversed in place (capitals end the words)
    if words and words[0][-1:].isupper() and words[0][:1].islower():
        return " ".join(w[::-1] for w in words)
    return line[::-1]


def reversed_text(text: str) -> str | None:
    """``text`` with each line that reads as reversed English turned round."""
    if not any(w.lower() in _REVERSED_WORDS for w in _WORD.findall(text[:MAX_LINE_CHARS * 4])):
        return None
    return _decode_lines(text, _REVERSED_WORDS, _reverse_line)
