"""Suite v4 (held-out injection cases): the committed file has the promised shape and
coverage, every obfuscated attack really hides a readable attack sentence, and the file is
exactly what the seeded generator builds."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from pathlib import Path
from types import ModuleType
from urllib.parse import unquote

import pytest

from tests.benchmarks.suite_files import (
    check_documented_fields,
    check_ids_and_texts_unique,
    load_generator,
    read_cases,
)

ROOT = Path(__file__).resolve().parents[2]
SUITE_DIR = ROOT / "benchmarks" / "security" / "suite"
SUITE_FILE = SUITE_DIR / "v4" / "injection.jsonl"
README = SUITE_DIR / "v4" / "README.md"

ATTACK_FAMILIES = {
    "direct_override", "persona_hijack", "template_token_spoofing", "fake_tool_result",
    "data_exfiltration", "markdown_exfiltration", "approval_override", "hidden_in_data",
    "multilingual", "code_switched", "delayed_trigger", "payload_splitting",
    "base64", "hex", "url_encoded", "unicode_escape", "html_comment", "zero_width",
    "homoglyph", "leetspeak", "char_spacing", "reversed_text", "rot13",
}
BENIGN_FAMILIES = {
    "benign_security_training", "benign_code_config_logs", "benign_clinical_imperative",
    "benign_invoice_payment", "benign_policy_exception", "benign_multilingual",
    "benign_encoded_data", "benign_dev_discussion",
}
NON_LATIN = {"ru", "uk", "el", "ar", "he", "hi", "zh", "ja", "ko"}


def _load_generator() -> ModuleType:
    return load_generator(SUITE_DIR / "build_suite_v4.py")


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    return _load_generator()


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    return read_cases(SUITE_FILE)


# ----------------------------------------------------------------- shape and coverage


def test_every_case_has_the_documented_fields_and_types(cases):
    check_documented_fields(cases)


def test_ids_are_numbered_in_order_and_texts_unique(cases):
    check_ids_and_texts_unique(cases, "inj4")


def test_size_and_attack_share(cases):
    labels = Counter(c["label"] for c in cases)
    assert len(cases) >= 500
    assert 0.55 <= labels["attack"] / len(cases) <= 0.65


def test_every_family_is_covered_and_labelled_consistently(cases):
    families = {c["family"]: c["label"] for c in cases}
    assert {f for f, label in families.items() if label == "attack"} == ATTACK_FAMILIES
    assert {f for f, label in families.items() if label == "benign"} == BENIGN_FAMILIES
    for case in cases:
        assert families[case["family"]] == case["label"]
    counts = Counter(c["family"] for c in cases)
    assert min(counts.values()) >= 8
    assert counts["approval_override"] == max(counts[f] for f in ATTACK_FAMILIES)


def test_languages_cover_fifteen_plus_with_non_latin_scripts_and_matching_benign_text(cases):
    attack_langs = {c["language"] for c in cases if c["label"] == "attack"} - {"en"}
    benign_langs = {c["language"] for c in cases
                    if c["family"] == "benign_multilingual"}
    assert len(attack_langs) >= 15
    assert NON_LATIN <= attack_langs
    assert attack_langs <= benign_langs
    for case in cases:
        if case["language"] in NON_LATIN and case["family"] != "code_switched":
            assert any(ord(ch) > 0x36F for ch in case["text"]), case["id"]


def test_about_half_of_the_attacks_sit_in_a_carrier(cases):
    attacks = [c for c in cases if c["label"] == "attack"]
    share = sum(c["in_carrier"] for c in attacks) / len(attacks)
    assert 0.45 <= share <= 0.65


def test_paper_subset_is_thirty_mixed_cases(cases):
    subset = [c for c in cases if c["paper_subset"]]
    labels = Counter(c["label"] for c in subset)
    assert len(subset) == 30
    assert labels["attack"] == 20 and labels["benign"] == 10
    assert len({c["family"] for c in subset if c["label"] == "attack"}) == 20
    assert any(c["family"] == "approval_override" for c in subset)


def test_all_names_and_domains_are_fictional(cases):
    urls = re.compile(r"https?://([A-Za-z0-9.-]+)")
    for case in cases:
        for host in urls.findall(case["text"]):
            assert host.split(".")[-1] in {"example", "test", "invalid"}, (case["id"], host)


# ----------------------------------------------------------------- obfuscation decodes

ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
# Look-alike letters (Cyrillic, Greek) back to Latin; written here independently of the
# generator so a wrong table there cannot pass by agreeing with itself.
CONFUSABLES = {
    "а": "a", "с": "c", "е": "e", "і": "i", "о": "o", "р": "p", "ѕ": "s", "х": "x",
    "у": "y", "ј": "j", "ν": "v", "ο": "o", "α": "a", "ε": "e", "Α": "A", "Β": "B",
    "Ε": "E", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
    "Τ": "T", "Χ": "X", "С": "C", "Ѕ": "S", "А": "A", "Е": "E", "О": "O", "Р": "P",
}


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _skeleton(text: str) -> str:
    """Letters with leetspeak digits folded (1/l/i, 0/o, ...), for leetspeak matching."""
    fold = str.maketrans({"4": "a", "3": "e", "1": "i", "l": "i", "0": "o", "5": "s",
                          "7": "t", "9": "g", "8": "b"})
    return _letters(text).translate(fold)


def _decode_base64(text: str) -> str:
    import base64
    out = []
    for token in re.findall(r"[A-Za-z0-9+/]{16,}={0,2}", text):
        try:
            out.append(base64.b64decode(token + "=" * (-len(token) % 4)).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
    return " ".join(out)


def _decode_hex(text: str) -> str:
    out = []
    patterns = (r"(?:\\x[0-9a-fA-F]{2}){8,}", r"(?:[0-9A-Fa-f]{2} ){7,}[0-9A-Fa-f]{2}",
                r"[0-9a-fA-F]{16,}")
    for pattern in patterns:
        for run in re.findall(pattern, text):
            digits = re.sub(r"\\x| ", "", run)
            out.append(bytes.fromhex(digits[: len(digits) // 2 * 2]).decode("utf-8", "replace"))
    return " ".join(out)


DECODERS = {
    "base64": _decode_base64,
    "hex": _decode_hex,
    "url_encoded": unquote,
    "unicode_escape": lambda t: re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), t),
    "html_comment": lambda t: " ".join(re.findall(r"<!--(.*?)-->", t, flags=re.S)),
    "zero_width": lambda t: t.translate(ZERO_WIDTH),
    "homoglyph": lambda t: "".join(CONFUSABLES.get(ch, ch) for ch in t),
    "leetspeak": lambda t: t,
    "char_spacing": lambda t: t,
    "reversed_text": lambda t: t[::-1],
    "rot13": lambda t: codecs.decode(t, "rot13"),
}


def test_every_obfuscated_attack_decodes_to_a_readable_attack_sentence(cases, generator):
    assert set(DECODERS) == set(generator.OBFUSCATION_FAMILIES)
    pool = generator.ENCODED_POOL
    for case in cases:
        family = case["family"]
        if family not in DECODERS:
            continue
        decoded = DECODERS[family](case["text"])
        norm = _skeleton if family == "leetspeak" else _letters
        hits = [s for s in pool if norm(s) in norm(decoded)]
        assert hits, f"{case['id']} ({family}) does not decode to a pool sentence"
        sentence = hits[0]
        assert sum(ch.isalpha() for ch in sentence) / len(sentence) > 0.7  # readable prose
        if family == "html_comment":
            visible = re.sub(r"<!--.*?-->", "", case["text"], flags=re.S)
            assert _letters(sentence) not in _letters(visible), case["id"]
        else:
            assert sentence not in case["text"], f"{case['id']}: {family} left the plain text"


def test_homoglyph_and_zero_width_cases_really_use_the_trick(cases):
    for case in cases:
        if case["family"] == "homoglyph":
            scripts = {unicodedata.name(ch).split()[0] for ch in case["text"] if ch.isalpha()}
            assert "LATIN" in scripts and scripts & {"CYRILLIC", "GREEK"}, case["id"]
        if case["family"] == "zero_width":
            assert case["text"] != case["text"].translate(ZERO_WIDTH), case["id"]


# ----------------------------------------------------------------- reproducible build


def test_file_equals_a_fresh_build(generator):
    assert SUITE_FILE.read_text(encoding="utf-8") == generator.render(generator.build_cases())
    assert generator.main(["--check"]) == 0


def test_check_flag_reports_a_stale_file(generator, tmp_path, monkeypatch):
    stale = tmp_path / "injection.jsonl"
    stale.write_text(SUITE_FILE.read_text(encoding="utf-8").replace("inj4-001", "inj4-999"),
                     encoding="utf-8")
    monkeypatch.setattr(generator, "OUT_FILE", stale)
    assert generator.main(["--check"]) == 1


def test_readme_counts_match_the_file(cases):
    rows = re.findall(r"^\| (\w+) \| (attack|benign) \| (\d+) \| (\d+) \|$",
                      README.read_text(encoding="utf-8"), flags=re.M)
    table = {family: (label, int(n), int(carried)) for family, label, n, carried in rows}
    expected: dict[str, tuple[str, int, int]] = {}
    for case in cases:
        label, n, carried = expected.get(case["family"], (case["label"], 0, 0))
        expected[case["family"]] = (label, n + 1, carried + case["in_carrier"])
    assert table == expected


def test_bench_security_resolves_and_loads_v4(monkeypatch):
    from compiled_ai.benchmarks.security import load_suite, resolve_suite

    monkeypatch.chdir(ROOT)
    suite = load_suite(resolve_suite("v4"))
    assert len(suite["injection"]) == len(SUITE_FILE.read_text(encoding="utf-8").splitlines())
