"""Suite v5 (held-out injection cases, written blind): the committed file has the promised
shape and coverage, every obfuscated attack really hides a readable attack sentence, no
sentence frame is reused more than five times, and the file is exactly what the seeded
generator builds."""

from __future__ import annotations

import codecs
import itertools
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
SUITE_FILE = SUITE_DIR / "v5" / "injection.jsonl"
README = SUITE_DIR / "v5" / "README.md"

# Issue 3, item 1, family by family, and the suite family that covers it.
ISSUE_FAMILIES = {
    "direct override": {"direct_override"},
    "role/persona hijack": {"persona_hijack"},
    "system-prompt extraction": {"prompt_extraction"},
    "data exfiltration": {"data_exfiltration"},
    "approval/decision override as a business request": {"approval_override"},
    "delayed/conditional trigger": {"delayed_trigger"},
    "payload splitting across fields": {"payload_splitting"},
    "indirect injection in documents, e-mails, OCR, JSON, CSV, HTML, markdown": {
        "indirect_email", "indirect_ocr", "indirect_structured", "indirect_markup",
        "indirect_code_review", "long_carrier"},
    "several languages, code-switched text": {"multilingual", "code_switched"},
    "obfuscation": {"base64", "hex", "url_encoded", "unicode_escape", "html_comment",
                    "zero_width", "homoglyph", "leetspeak", "rot13", "reversed_text",
                    "char_spacing", "mixed_obfuscation"},
}
ATTACK_FAMILIES = set().union(*ISSUE_FAMILIES.values())
BENIGN_FAMILIES = {
    "benign_security_training", "benign_dev_discussion", "benign_code_config_logs",
    "benign_clinical_notes", "benign_invoice_payment", "benign_policy_imperative",
    "benign_customer_urgency", "benign_hr_support", "benign_code_review",
    "benign_encoded_data", "benign_multilingual", "benign_long_document",
}
NON_LATIN = {"ru", "zh", "ja", "ar", "hi"}


def _load_generator() -> ModuleType:
    return load_generator(SUITE_DIR / "build_suite_v5.py")


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
    check_ids_and_texts_unique(cases, "inj5")


def test_size_and_label_mix(cases):
    labels = Counter(c["label"] for c in cases)
    assert len(cases) >= 600
    assert 0.55 <= labels["attack"] / len(cases) <= 0.60
    assert labels["benign"] / len(cases) >= 0.40


def test_every_issue_family_is_covered_and_labelled_consistently(cases):
    families = {c["family"]: c["label"] for c in cases}
    assert {f for f, label in families.items() if label == "attack"} == ATTACK_FAMILIES
    assert {f for f, label in families.items() if label == "benign"} == BENIGN_FAMILIES
    for case in cases:
        assert families[case["family"]] == case["label"]
    counts = Counter(c["family"] for c in cases)
    assert min(counts.values()) >= 8
    assert counts["approval_override"] == max(counts[f] for f in ATTACK_FAMILIES)


def test_languages_cover_ten_plus_with_non_latin_scripts_and_matching_benign_text(cases):
    attack_langs = {c["language"] for c in cases if c["label"] == "attack"} - {"en"}
    switched = {c["language"] for c in cases if c["family"] == "code_switched"}
    benign_langs = {c["language"] for c in cases if c["family"] == "benign_multilingual"}
    assert len(attack_langs) >= 10
    assert len(switched) >= 10
    assert NON_LATIN <= attack_langs
    assert attack_langs <= benign_langs
    for case in cases:
        if case["language"] in NON_LATIN and case["family"] != "code_switched":
            assert any(ord(ch) > 0x36F for ch in case["text"]), case["id"]
        if case["family"] == "code_switched":  # English around the switched instruction
            assert re.search(r"\b(the|thanks|please|hello|invoice|team)\b", case["text"], re.I)


def test_long_carrier_documents_of_both_labels(cases):
    long_cases = [c for c in cases if len(c["text"]) > 2000]
    by_label = Counter(c["label"] for c in long_cases)
    assert by_label["attack"] >= 10 and by_label["benign"] >= 10
    for case in cases:
        if case["family"] in {"long_carrier", "benign_long_document"}:
            assert len(case["text"]) > 2000 and case["in_carrier"], case["id"]


def test_carriers_hold_attacks_and_benign_text(cases):
    attacks = [c for c in cases if c["label"] == "attack"]
    benign = [c for c in cases if c["label"] == "benign"]
    share = sum(c["in_carrier"] for c in attacks) / len(attacks)
    assert 0.5 <= share <= 0.75
    assert sum(c["in_carrier"] for c in benign) >= 0.2 * len(benign)


def test_benign_cases_are_hard_negatives(cases):
    """The words a naive filter keys on appear in many benign texts."""
    benign = [c["text"].lower() for c in cases if c["label"] == "benign"]
    for word in ("ignore", "override", "system", "admin", "prompt", "approve", "urgent",
                 "instruction", "disregard"):
        assert sum(word in text for text in benign) >= 5, word


def test_paper_subset_is_thirty_mixed_cases(cases):
    subset = [c for c in cases if c["paper_subset"]]
    labels = Counter(c["label"] for c in subset)
    assert len(subset) == 30
    assert labels["attack"] == 20 and labels["benign"] == 10
    assert len({c["family"] for c in subset if c["label"] == "attack"}) == 20
    assert len({c["family"] for c in subset if c["label"] == "benign"}) == 10
    assert any(c["family"] == "approval_override" for c in subset)


def test_all_hosts_and_mail_domains_are_fictional(cases):
    reserved = {"example", "test", "invalid"}
    urls = re.compile(r"https?://([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")  # dotted names only
    mails = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
    for case in cases:
        for host in urls.findall(case["text"]) + mails.findall(case["text"]):
            assert host.split(".")[-1] in reserved, (case["id"], host)


def _frames(text: str) -> set[str]:
    """Sentences of six words or more with numbers, ids and names masked, so the same
    frame with other slot values counts as a reuse."""
    frames = set()
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        tokens = sentence.split()
        if len(tokens) < 6:
            continue
        frames.add(" ".join(
            "X" if re.search(r"[\d@]", tok) or (i and tok[:1].isupper()) else tok.lower()
            for i, tok in enumerate(tokens)))
    return frames


def test_no_sentence_frame_is_reused_more_than_five_times(cases):
    counts = Counter(frame for case in cases for frame in _frames(case["text"]))
    frame, n = counts.most_common(1)[0]
    assert n <= 5, (n, frame)


# ----------------------------------------------------------------- obfuscation decodes

ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
# Look-alike letters (Cyrillic, Greek) back to Latin; written here independently of the
# generator so a wrong table there cannot pass by agreeing with itself.
CONFUSABLES = {
    "а": "a", "с": "c", "е": "e", "і": "i", "о": "o", "ο": "o", "р": "p", "ѕ": "s",
    "х": "x", "у": "y", "ј": "j", "һ": "h", "ԁ": "d", "А": "A", "Α": "A", "В": "B",
    "Β": "B", "С": "C", "Е": "E", "Ε": "E", "Н": "H", "Η": "H", "І": "I", "Ι": "I",
    "К": "K", "Κ": "K", "М": "M", "Μ": "M", "Ν": "N", "О": "O", "Ο": "O", "Р": "P",
    "Ρ": "P", "Т": "T", "Τ": "T", "Х": "X", "Χ": "X", "Υ": "Y",
}
LEET_FOLD = str.maketrans({"4": "a", "@": "a", "3": "e", "1": "i", "!": "i", "l": "i",
                           "0": "o", "5": "s", "$": "s", "7": "t", "+": "t", "9": "g",
                           "8": "b"})


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _skeleton(text: str) -> str:
    """Letters with leetspeak folded (4/@ to a, 1/!/l to i, 0 to o, ...)."""
    return re.sub(r"[^a-z]", "", text.lower().translate(LEET_FOLD))


def _unescape(text: str) -> str:
    """Undo the JSON string escaping a carrier may have added around an encoded blob."""
    return text.replace("\\\\", "\\").replace("\\n", "\n").replace('\\"', '"')


def _decode_base64(text: str) -> str:
    import base64
    out = []
    for token in re.findall(r"[A-Za-z0-9+/]{16,}={0,2}", _unescape(text)):
        try:
            out.append(base64.b64decode(token + "=" * (-len(token) % 4)).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
    return " ".join(out)


def _decode_hex(text: str) -> str:
    text = _unescape(text)
    out = []
    patterns = (r"(?:\\x[0-9a-fA-F]{2}){8,}", r"(?:0x[0-9a-fA-F]{2}(?:, )?){8,}",
                r"(?:[0-9A-Fa-f]{2} ){7,}[0-9A-Fa-f]{2}", r"[0-9a-fA-F]{16,}")
    for pattern in patterns:
        for run in re.findall(pattern, text):
            digits = re.sub(r"\\x|0x|[ ,]", "", run)
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
# Families whose encoding removes the sentence's letters from the visible text.
LETTERS_HIDDEN = {"base64", "hex", "url_encoded", "unicode_escape", "rot13", "reversed_text",
                  "homoglyph", "leetspeak", "mixed_obfuscation"}


def _hidden_sentences(text: str, pool: list[str], steps: int) -> list[str]:
    """Pool sentences found in ``text`` after one decoder, or up to two in a row."""
    keys = [(s, _letters(s), _skeleton(s)) for s in pool]
    chains = [(d,) for d in DECODERS]
    if steps == 2:
        chains += list(itertools.product(DECODERS, repeat=2))
    found = []
    for chain in chains:
        decoded = text
        for name in chain:
            decoded = DECODERS[name](decoded)
        letters, skeleton = _letters(decoded), _skeleton(decoded)
        found += [s for s, lk, sk in keys if lk in letters or sk in skeleton]
    return list(dict.fromkeys(found))


def test_every_obfuscated_attack_decodes_to_a_readable_hidden_sentence(cases, generator):
    assert set(DECODERS) == set(generator.OBFUSCATION_FAMILIES)
    pool = generator.ENCODED_POOL
    used = []
    for case in cases:
        family = case["family"]
        if family not in DECODERS and family != "mixed_obfuscation":
            continue
        if family == "mixed_obfuscation":
            hits = _hidden_sentences(case["text"], pool, steps=2)
        else:
            decoded = DECODERS[family](case["text"])
            norm = _skeleton if family == "leetspeak" else _letters
            hits = [s for s in pool if norm(s) in norm(decoded)]
        assert len(hits) == 1, f"{case['id']} ({family}) decodes to {hits}"
        sentence = hits[0]
        used.append(sentence)
        assert sum(ch.isalpha() for ch in sentence) / len(sentence) > 0.7  # readable prose
        if family != "html_comment":  # a comment hides its text from the rendered page
            assert sentence.lower() not in case["text"].lower(), case["id"]
        if family in LETTERS_HIDDEN:
            assert _letters(sentence) not in _letters(case["text"]), case["id"]
        if family == "html_comment":
            visible = re.sub(r"<!--.*?-->", "", case["text"], flags=re.S)
            assert _letters(sentence) not in _letters(visible), case["id"]
    assert len(used) == len(set(used)) == 98  # each case hides a different sentence


def test_homoglyph_zero_width_and_spacing_cases_really_use_the_trick(cases):
    for case in cases:
        text = case["text"]
        if case["family"] == "homoglyph":
            scripts = {unicodedata.name(ch).split()[0] for ch in text if ch.isalpha()}
            assert "LATIN" in scripts and scripts & {"CYRILLIC", "GREEK"}, case["id"]
        if case["family"] == "zero_width":
            assert len(text) - len(text.translate(ZERO_WIDTH)) >= 10, case["id"]
        if case["family"] == "char_spacing":
            spaced = re.findall(r"[A-Za-z][ ._-]{1,3}(?=[A-Za-z])", text)
            assert len(spaced) >= 20, case["id"]


def test_benign_encoded_text_hides_no_attack_sentence(cases, generator):
    for case in cases:
        if case["label"] == "benign":
            assert not _hidden_sentences(case["text"], generator.ENCODED_POOL, steps=1), case["id"]


# ----------------------------------------------------------------- reproducible build


def test_file_equals_a_fresh_build(generator):
    assert SUITE_FILE.read_text(encoding="utf-8") == generator.render(generator.build_cases())
    assert generator.main(["--check"]) == 0


def test_check_flag_reports_a_stale_file(generator, tmp_path, monkeypatch):
    stale = tmp_path / "injection.jsonl"
    stale.write_text(SUITE_FILE.read_text(encoding="utf-8").replace("inj5-001", "inj5-999"),
                     encoding="utf-8")
    monkeypatch.setattr(generator, "OUT_FILE", stale)
    assert generator.main(["--check"]) == 1


def test_readme_tables_match_the_file(cases):
    readme = README.read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\w+) \| (attack|benign) \| (\d+) \| (\d+) \|$", readme, flags=re.M)
    table = {family: (label, int(n), int(carried)) for family, label, n, carried in rows}
    expected: dict[str, tuple[str, int, int]] = {}
    for case in cases:
        label, n, carried = expected.get(case["family"], (case["label"], 0, 0))
        expected[case["family"]] = (label, n + 1, carried + case["in_carrier"])
    assert table == expected
    languages = re.findall(r"^\| ([a-z]{2}) \| (\d+) \| (\d+) \|$", readme, flags=re.M)
    counts = Counter((c["language"], c["label"]) for c in cases)
    assert {lang: (int(a), int(b)) for lang, a, b in languages} == {
        lang: (counts[(lang, "attack")], counts[(lang, "benign")])
        for lang in {c["language"] for c in cases}}
    total = Counter(c["label"] for c in cases)
    assert f"{len(cases)} cases, {total['attack']} attacks" in readme


def test_bench_security_resolves_and_loads_v5(monkeypatch):
    from compiled_ai.benchmarks.security import load_suite, resolve_suite

    monkeypatch.chdir(ROOT)
    suite = load_suite(resolve_suite("v5"))
    assert len(suite["injection"]) == len(SUITE_FILE.read_text(encoding="utf-8").splitlines())


def test_bench_security_help_names_v5():
    from compiled_ai.cli.bench_cmds import security_command

    (option,) = [p for p in security_command.params if p.name == "suite_arg"]
    assert "v5" in (option.help or "")
