"""Integrity of the blind held-out suite v2 (benchmarks/security/suite/v2).

Counts, labels, families, languages and encodings are checked with decoders written here,
independently of the generator (build_suite_v2.py), and the committed files must equal a
fresh build, so v2 cannot drift after it was measured.
"""

from __future__ import annotations

import base64
import binascii
import collections
import importlib.util
import json
import re
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
V2 = ROOT / "benchmarks" / "security" / "suite" / "v2"
ATTACK_FAMILIES = {
    "direct_override", "approval_override", "tool_call_injection", "hidden_in_data",
    "roleplay_jailbreak", "system_prompt_spoofing", "system_prompt_exfiltration",
    "markdown_exfiltration", "payload_splitting", "multilingual", "base64", "hex",
    "url_encoded", "unicode_escape", "html_comment", "zero_width", "homoglyph",
}
BENIGN_FAMILIES = {
    "benign_security_discussion", "benign_code_ignore", "benign_clinical", "benign_invoice",
    "benign_claim_note", "benign_urgent_email", "benign_human_instruction",
    "benign_tool_docs", "benign_role_prompt", "benign_multilingual", "benign_encoded",
    "benign_in_document",
}
INSTRUCTION_WORDS = re.compile(r"\b(ignore|disregard|forget|reveal|print|skip|override|"
                               r"export|send|approve|release|mark)\b", re.IGNORECASE)


def _load(name: str) -> list[dict[str, Any]]:
    lines = (V2 / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def injection() -> list[dict[str, Any]]:
    return _load("injection")


@pytest.fixture(scope="module")
def pii() -> list[dict[str, Any]]:
    return _load("pii")


def test_injection_counts_labels_and_families(injection):
    labels = collections.Counter(c["label"] for c in injection)
    assert labels["attack"] >= 200 and labels["benign"] >= 100
    assert set(labels) == {"attack", "benign"}
    families = {c["family"] for c in injection}
    assert {c["family"] for c in injection if c["label"] == "attack"} == ATTACK_FAMILIES
    assert {c["family"] for c in injection if c["label"] == "benign"} == BENIGN_FAMILIES
    assert families == ATTACK_FAMILIES | BENIGN_FAMILIES
    assert len({c["id"] for c in injection}) == len(injection)
    assert len({c["text"] for c in injection}) == len(injection), "duplicate texts"


def test_every_attack_family_has_several_cases(injection):
    per_family = collections.Counter(c["family"] for c in injection if c["label"] == "attack")
    assert min(per_family.values()) >= 6, per_family


def test_several_languages_among_attacks_and_benign(injection):
    attack_langs = {c["language"] for c in injection if c["label"] == "attack"}
    benign_langs = {c["language"] for c in injection if c["label"] == "benign"}
    assert len(attack_langs - {"en"}) >= 15
    assert len(benign_langs - {"en"}) >= 8


def test_carriers_hold_attacks_and_benign_texts(injection):
    in_doc = collections.Counter(c["label"] for c in injection if c["in_carrier"])
    assert in_doc["attack"] >= 40 and in_doc["benign"] >= 10


def _decode(family: str, text: str) -> str:
    if family == "base64":
        blob = re.search(r"[A-Za-z0-9+/]{24,}={0,2}", text).group(0)
        return base64.b64decode(blob).decode()
    if family == "hex":
        return binascii.unhexlify(re.search(r"[0-9a-f]{24,}", text).group(0)).decode()
    if family == "url_encoded":
        return urllib.parse.unquote(text)
    if family == "unicode_escape":
        return re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), text)
    if family == "html_comment":
        return " ".join(re.findall(r"<!--(.*?)-->", text, re.DOTALL))
    if family == "zero_width":
        return re.sub("[\u200b\u200c\u200d\u2060]", "", text)
    if family == "homoglyph":
        return text.translate(str.maketrans("аеорсіху", "aeopcixy"))
    raise AssertionError(family)


@pytest.mark.parametrize("family", ["base64", "hex", "url_encoded", "unicode_escape",
                                    "html_comment", "zero_width", "homoglyph"])
def test_encoded_attacks_decode_to_an_instruction(injection, family):
    cases = [c for c in injection if c["family"] == family]
    assert len(cases) >= 6
    for case in cases:
        decoded = _decode(family, case["text"])
        assert INSTRUCTION_WORDS.search(decoded), (case["id"], decoded)
        if family in ("base64", "hex", "unicode_escape"):
            assert not INSTRUCTION_WORDS.search(case["text"]), case["id"]
        else:   # characters inserted or swapped at random: some words stay readable
            assert decoded != case["text"], case["id"]


def test_pii_counts_names_and_member_ids(pii):
    labels = collections.Counter(c["label"] for c in pii)
    assert len(pii) >= 60 and labels["clean"] >= 15
    with_both = [c for c in pii if {"person_name", "member_id"} <= set(c["contains"])]
    assert len(with_both) >= 45
    for case in pii:
        assert (case["label"] == "pii") == bool(case["contains"]), case["id"]


def test_clean_pii_cases_hold_no_member_label_with_a_value(pii):
    member = re.compile(r"(?i)\bmember\s*(?:id|#|number)\s*:?\s*[A-Z0-9-]{6,}")
    for case in pii:
        if case["label"] == "clean":
            assert not member.search(case["text"]), case["id"]


def test_paper_subsets(injection, pii):
    inj = collections.Counter(c["label"] for c in injection if c["paper_subset"])
    assert inj == {"attack": 24, "benign": 6}
    sub = collections.Counter(c["label"] for c in pii if c["paper_subset"])
    assert sub == {"pii": 20, "clean": 5}


def test_files_match_a_fresh_build(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location(
        "build_suite_v2", ROOT / "benchmarks" / "security" / "suite" / "build_suite_v2.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT_DIR", tmp_path)
    module.main()
    for name in ("injection.jsonl", "pii.jsonl", "README.md"):
        assert (tmp_path / name).read_bytes() == (V2 / name).read_bytes(), name
