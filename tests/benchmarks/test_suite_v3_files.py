"""Checks on the committed blind injection suite v3: shape, coverage, reproducibility.

The decoders here are written independently of the generator, so an encoded attack
that does not actually decode to readable text (a bug in an encoder) fails the test.
"""

from __future__ import annotations

import base64
import binascii
import importlib.util
import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest

SUITE_DIR = Path(__file__).resolve().parents[2] / "benchmarks" / "security" / "suite"
SUITE_FILE = SUITE_DIR / "v3" / "injection.jsonl"
GENERATOR = SUITE_DIR / "build_suite_v3.py"

KEYS = {"id", "text", "label", "family", "language", "in_carrier", "paper_subset"}
ATTACK_FAMILIES = {
    "direct_override", "approval_override", "hidden_in_data", "system_prompt_spoofing",
    "system_prompt_exfiltration", "roleplay_jailbreak", "tool_call_injection",
    "markdown_exfiltration", "payload_splitting", "multilingual", "base64", "hex", "url_encoded",
    "unicode_escape", "html_comment", "zero_width", "homoglyph",
}
NON_LATIN_LANGUAGES = {"ru", "uk", "el", "ar", "he", "hi", "zh", "ja", "ko"}

ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# Look-alike letters mapped back to Latin (independent of the generator's table).
CONFUSABLES = {
    "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0445": "x",
    "\u0443": "y", "\u0456": "i", "\u0455": "s", "\u0391": "A", "\u0392": "B", "\u0395": "E",
    "\u0397": "H", "\u0399": "I", "\u039a": "K", "\u039c": "M", "\u039f": "O", "\u03a1": "P",
    "\u03a4": "T", "\u03a7": "X", "\u03bd": "v", "\u03bf": "o", "\u03b1": "a",
}


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    lines = SUITE_FILE.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _load_generator():
    spec = importlib.util.spec_from_file_location("build_suite_v3", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _is_text(decoded: str) -> bool:
    """Readable English-like text: several words, mostly letters and spaces."""
    words = re.findall(r"[A-Za-z]{2,}", decoded)
    if len(words) < 4 or not decoded.isprintable():
        return False
    letters = sum(ch.isalpha() or ch.isspace() for ch in decoded)
    return letters / len(decoded) > 0.7


def _decode_base64(text: str) -> list[str]:
    found = []
    for blob in re.findall(r"[A-Za-z0-9+/]{16,}={0,2}", text):
        try:
            found.append(base64.b64decode(blob, validate=True).decode("utf-8"))
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
    return found


def _decode_hex(text: str) -> list[str]:
    found = []
    for blob in re.findall(r"[0-9a-fA-F]{16,}", text):
        if len(blob) % 2:
            continue
        try:
            found.append(bytes.fromhex(blob).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
    return found


def _decode_url(text: str) -> list[str]:
    found = []
    for token in re.findall(r"[^\s\"]*%[0-9A-Fa-f]{2}[^\s\"]*", text):
        value = token.split("=", 1)[1] if "=" in token else token
        found.append(unquote(value))
    return found


def _decode_unicode_escape(text: str) -> list[str]:
    runs = re.findall(r"(?:\\+u[0-9a-fA-F]{4}){8,}", text)
    return ["".join(chr(int(h, 16)) for h in re.findall(r"u([0-9a-fA-F]{4})", run)) for run in runs]


def _decode_html_comment(text: str) -> list[str]:
    return [body.strip() for body in re.findall(r"<!--(.*?)-->", text, flags=re.DOTALL)]


def _decode_zero_width(text: str) -> list[str]:
    marks = [m.start() for m in ZERO_WIDTH.finditer(text)]
    if len(marks) < 10:
        return []
    segment = text[max(marks[0] - 1, 0): marks[-1] + 1]
    return [ZERO_WIDTH.sub("", segment)]


def _decode_homoglyph(text: str) -> list[str]:
    """Restore the stretch of each line between its first and last look-alike letter."""
    found = []
    for line in text.splitlines():
        marks = [i for i, ch in enumerate(line) if ch in CONFUSABLES]
        if len(marks) < 3:
            continue
        start, end = marks[0], marks[-1] + 1
        while start > 0 and not line[start - 1].isspace() and line[start - 1] not in "\":":
            start -= 1
        while end < len(line) and not line[end].isspace() and line[end] != '"':
            end += 1
        found.append("".join(CONFUSABLES.get(ch, ch) for ch in line[start:end]))
    return found


DECODERS = {
    "base64": _decode_base64,
    "hex": _decode_hex,
    "url_encoded": _decode_url,
    "unicode_escape": _decode_unicode_escape,
    "html_comment": _decode_html_comment,
    "zero_width": _decode_zero_width,
    "homoglyph": _decode_homoglyph,
}


def test_every_line_has_exactly_the_case_keys_and_valid_values(cases):
    for case in cases:
        assert set(case) == KEYS, case["id"]
        assert case["label"] in {"attack", "benign"}
        assert isinstance(case["in_carrier"], bool) and isinstance(case["paper_subset"], bool)
        assert re.fullmatch(r"[a-z]{2}", case["language"]), case["id"]
        assert case["text"].strip()


def test_ids_are_unique_and_sequential(cases):
    ids = [case["id"] for case in cases]
    assert ids == [f"inj3-{n:03d}" for n in range(1, len(cases) + 1)]


def test_counts_meet_the_minimums(cases):
    labels = Counter(case["label"] for case in cases)
    assert labels["attack"] >= 300
    assert labels["benign"] >= 150


def test_every_attack_family_is_present_and_benign_families_are_marked(cases):
    attack_families = {c["family"] for c in cases if c["label"] == "attack"}
    assert attack_families == ATTACK_FAMILIES
    benign_families = {c["family"] for c in cases if c["label"] == "benign"}
    assert benign_families and all(f.startswith("benign_") for f in benign_families)
    assert len(benign_families) >= 8


def test_multilingual_attacks_cover_twelve_languages_with_non_latin_scripts(cases):
    languages = {c["language"] for c in cases if c["family"] == "multilingual"}
    assert len(languages) >= 12
    assert len(languages & NON_LATIN_LANGUAGES) >= 5


def test_attacks_appear_both_standalone_and_inside_carriers(cases):
    carried = Counter(c["in_carrier"] for c in cases if c["label"] == "attack")
    assert carried[True] >= 100 and carried[False] >= 100


def test_paper_subset_is_thirty_cases_about_two_to_one(cases):
    subset = [c for c in cases if c["paper_subset"]]
    assert len(subset) == 30
    labels = Counter(c["label"] for c in subset)
    assert labels["attack"] == 20 and labels["benign"] == 10


def test_no_text_appears_twice(cases):
    texts = Counter(case["text"] for case in cases)
    assert [t for t, n in texts.items() if n > 1] == []


@pytest.mark.parametrize("family", sorted(DECODERS))
def test_every_encoded_attack_decodes_to_readable_text(cases, family):
    members = [c for c in cases if c["family"] == family]
    assert members
    for case in members:
        assert case["label"] == "attack"
        decoded = [d for d in DECODERS[family](case["text"]) if _is_text(d)]
        assert decoded, f"{case['id']} ({family}) has no payload that decodes to text"


def test_encoded_payloads_are_hidden_from_a_plain_reading(cases):
    """The decoded sentence must not already be in the case text verbatim (it really is encoded)."""
    for case in cases:
        if case["family"] in DECODERS and case["family"] != "html_comment":
            for decoded in DECODERS[case["family"]](case["text"]):
                if _is_text(decoded):
                    assert decoded not in case["text"], case["id"]


def test_committed_file_equals_a_fresh_build():
    generator = _load_generator()
    assert generator.render(generator.build()) == SUITE_FILE.read_text(encoding="utf-8")
