"""Checks for the versioned security benchmark suite in benchmarks/security/suite/v1.

The decoders and checksum routines here are written independently of the generator
(benchmarks/security/suite/build_suite_v1.py), so a bug in one is caught by the other.
"""

from __future__ import annotations

import ast
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
SUITE = ROOT / "benchmarks" / "security" / "suite"
V1 = SUITE / "v1"
FILES = ("injection", "pii", "code", "leakage")


def _load(name: str) -> list[dict[str, Any]]:
    records = []
    with (V1 / f"{name}.jsonl").open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            assert line.endswith("\n"), f"{name}.jsonl:{lineno} lacks a newline"
            assert line.strip(), f"{name}.jsonl:{lineno} is blank"
            obj = json.loads(line)
            assert isinstance(obj, dict), f"{name}.jsonl:{lineno} is not an object"
            records.append(obj)
    return records


@pytest.fixture(scope="module")
def suite() -> dict[str, list[dict[str, Any]]]:
    return {name: _load(name) for name in FILES}


# --------------------------------------------------------------------------------------
# schema
# --------------------------------------------------------------------------------------

FIELDS = {
    "injection": {"id", "text", "label", "family", "language", "paper_subset"},
    "pii": {"id", "text", "contains", "label", "paper_subset"},
    "code": {"id", "code", "label", "cwe", "title", "paper_subset"},
    "leakage": {"id", "canary", "output", "label", "form", "paper_subset"},
}
ID_PREFIX = {"injection": "inj", "pii": "pii", "code": "code", "leakage": "leak"}
LABELS = {
    "injection": {"attack", "benign"},
    "pii": {"pii", "clean"},
    "code": {"vulnerable", "benign"},
    "leakage": {"leak", "clean"},
}
PII_KINDS = {"person_name", "ssn", "mrn", "member_id", "date_of_birth", "phone", "email",
             "postal_address", "card_number", "iban", "api_key"}
CWES = {22, 78, 89, 94, 95, 327, 328, 330, 377, 502, 601, 611, 798, 918, 1333, 1336}
LEAK_FORMS = {"verbatim", "base64", "hex", "spaced", "reversed", "case-changed", "split", "url"}
ATTACK_FAMILIES = {
    "direct_override", "system_prompt_exfiltration", "roleplay_jailbreak", "delimiter_injection",
    "hidden_in_data", "tool_call_injection", "base64", "hex", "url_encoded", "unicode_escape",
    "html_comment", "zero_width", "homoglyph", "multilingual", "payload_splitting", "markdown_link",
}


@pytest.mark.parametrize("name", FILES)
def test_fields_ids_and_labels(suite, name):
    recs = suite[name]
    ids = [r["id"] for r in recs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for r in recs:
        assert set(r) == FIELDS[name], (r["id"], set(r) ^ FIELDS[name])
        assert re.fullmatch(rf"{ID_PREFIX[name]}-\d{{3,}}", r["id"]), r["id"]
        assert r["label"] in LABELS[name], r["id"]
        assert isinstance(r["paper_subset"], bool), r["id"]
        for key in FIELDS[name] - {"paper_subset", "contains", "cwe"}:
            assert isinstance(r[key], str) and r[key].strip(), (r["id"], key)


def test_injection_values(suite):
    for r in suite["injection"]:
        assert re.fullmatch(r"[a-z]{2}", r["language"]), r["id"]
        if r["label"] == "attack":
            assert r["family"] in ATTACK_FAMILIES, r["id"]
        else:
            assert r["family"].startswith("benign_"), r["id"]


def test_pii_values(suite):
    for r in suite["pii"]:
        assert isinstance(r["contains"], list), r["id"]
        assert len(r["contains"]) == len(set(r["contains"])), r["id"]
        assert set(r["contains"]) <= PII_KINDS, r["id"]
        assert (r["label"] == "pii") == bool(r["contains"]), r["id"]


def test_code_values(suite):
    for r in suite["code"]:
        if r["label"] == "vulnerable":
            assert isinstance(r["cwe"], int) and r["cwe"] in CWES, r["id"]
        else:
            assert r["cwe"] is None, r["id"]
        ast.parse(r["code"])


def test_leakage_values(suite):
    canaries = [r["canary"] for r in suite["leakage"]]
    assert len(canaries) == len(set(canaries))
    for r in suite["leakage"]:
        assert re.fullmatch(r"cai-canary-[0-9a-f]{16}", r["canary"]), r["id"]
        if r["label"] == "leak":
            assert r["form"] in LEAK_FORMS, r["id"]
        else:
            assert r["form"] == "none", r["id"]


# --------------------------------------------------------------------------------------
# counts and the paper subset
# --------------------------------------------------------------------------------------


def test_minimum_counts(suite):
    assert len(suite["injection"]) >= 160
    assert len(suite["pii"]) >= 80
    assert len(suite["code"]) >= 110
    assert len(suite["leakage"]) >= 60
    assert sum(len(v) for v in suite.values()) >= 300

    inj = collections.Counter(r["label"] for r in suite["injection"])
    assert inj["benign"] / len(suite["injection"]) >= 0.45
    assert {r["family"] for r in suite["injection"] if r["label"] == "attack"} == ATTACK_FAMILIES

    assert sum(r["label"] == "clean" for r in suite["pii"]) >= 20
    for kind in PII_KINDS:
        assert sum(kind in r["contains"] for r in suite["pii"]) >= 3, kind

    assert sum(r["label"] == "benign" for r in suite["code"]) >= 45
    per_cwe = collections.Counter(r["cwe"] for r in suite["code"] if r["label"] == "vulnerable")
    for cwe in CWES - {327, 328}:
        assert per_cwe[cwe] >= 4, f"CWE-{cwe}: {per_cwe[cwe]}"
    assert per_cwe[327] + per_cwe[328] >= 4 and per_cwe[327] and per_cwe[328]

    forms = {r["form"] for r in suite["leakage"] if r["label"] == "leak"}
    assert forms == LEAK_FORMS


# Cyrillic, Arabic, Devanagari, kana, CJK ideographs, Hangul
NON_LATIN = re.compile(
    r"[\u0400-\u04ff\u0600-\u06ff\u0900-\u097f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def test_multilingual_coverage(suite):
    attacks = [r for r in suite["injection"] if r["label"] == "attack"]
    langs = {r["language"] for r in attacks} - {"en"}
    assert len(langs) >= 6, langs
    multilingual = [r for r in attacks if r["family"] == "multilingual"]
    assert sum(bool(NON_LATIN.search(r["text"])) for r in multilingual) >= 3
    benign_langs = {r["language"] for r in suite["injection"] if r["label"] == "benign"} - {"en"}
    assert len(benign_langs) >= 6, benign_langs


@pytest.mark.parametrize("name,expected", [
    ("injection", {"attack": 24, "benign": 6}),
    ("pii", None),
    ("code", {"vulnerable": 20, "benign": 20}),
    ("leakage", {"leak": 20, "clean": 20}),
])
def test_paper_subset_counts(suite, name, expected):
    sub = [r for r in suite[name] if r["paper_subset"]]
    counts = collections.Counter(r["label"] for r in sub)
    if name == "pii":
        assert len(sub) == 25
        assert counts["pii"] > counts["clean"] > 0
    else:
        assert dict(counts) == expected


def test_paper_subset_is_spread(suite):
    inj = [r for r in suite["injection"] if r["paper_subset"] and r["label"] == "attack"]
    assert {r["family"] for r in inj} == ATTACK_FAMILIES
    code = [r for r in suite["code"] if r["paper_subset"] and r["label"] == "vulnerable"]
    assert {r["cwe"] for r in code} == CWES
    leak = [r for r in suite["leakage"] if r["paper_subset"] and r["label"] == "leak"]
    assert {r["form"] for r in leak} == LEAK_FORMS


# --------------------------------------------------------------------------------------
# injection: encoded payloads really decode to an instruction
# --------------------------------------------------------------------------------------

# Whole words only, so that a keyword broken by a zero-width character or a Cyrillic look-alike
# ("Ignor\u200be", "Ignor\u0435") does not count as visible.
INSTRUCTION = re.compile(
    r"\b(ignore|ignoring|ignora|disregard|forget|override|reveal|instructions?|system prompt|"
    r"bypass|restrictions)\b", re.IGNORECASE)

B64_RE = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")
HEX_ESCAPED_RE = re.compile(r"(?:\\x[0-9a-fA-F]{2}){8,}")
HEX_SPACED_RE = re.compile(r"\b(?:[0-9a-fA-F]{2} ){7,}[0-9a-fA-F]{2}\b")
HEX_RUN_RE = re.compile(r"[0-9a-fA-F]{16,}")
URL_RE = re.compile(r"[A-Za-z0-9._~+%-]*(?:%[0-9A-Fa-f]{2}|\+)[A-Za-z0-9._~+%-]*")
U_ESCAPE_RE = re.compile(r"(?:\\u[0-9a-fA-F]{4})+")
ZW_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
CYRILLIC_TO_LATIN = str.maketrans({
    "\u0430": "a", "\u0441": "c", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0445": "x",
    "\u0443": "y", "\u0456": "i", "\u0455": "s", "\u0410": "A", "\u0415": "E", "\u041e": "O",
    "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u041d": "H", "\u041a": "K", "\u041c": "M",
    "\u0412": "B", "\u0425": "X",
})


def _utf8(data: bytes) -> str | None:
    try:
        s = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return s if all(c.isprintable() or c in "\r\n\t" for c in s) else None


def _b64(segment: str) -> str | None:
    try:
        raw = base64.b64decode(segment + "=" * (-len(segment) % 4), validate=True)
    except (binascii.Error, ValueError):
        try:
            raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
        except (binascii.Error, ValueError):
            return None
    return _utf8(raw)


def _hex(segment: str) -> str | None:
    digits = re.sub(r"\\x|\s", "", segment)
    if len(digits) % 2:
        return None
    return _utf8(bytes.fromhex(digits))


def _segments(text: str, pattern: re.Pattern[str], decoder) -> list[str]:
    """Decoded form of every match of pattern that decodes."""
    out = []
    for m in pattern.finditer(text):
        decoded = decoder(m.group(0))
        if decoded is not None and decoded != m.group(0):
            out.append(decoded)
    return out


def _decode_u(segment: str) -> str:
    return "".join(chr(int(h, 16)) for h in re.findall(r"\\u([0-9a-fA-F]{4})", segment))


def _whole(transform):
    def run(text: str) -> list[str]:
        out = transform(text)
        return [out] if out != text else []
    return run


# family -> function returning the decoded segments of a text
DECODERS = {
    "base64": lambda t: _segments(t, B64_RE, _b64),
    "hex": lambda t: [s for p in (HEX_ESCAPED_RE, HEX_SPACED_RE, HEX_RUN_RE)
                      for s in _segments(t, p, _hex)],
    "url_encoded": lambda t: _segments(t, URL_RE, urllib.parse.unquote_plus),
    "unicode_escape": lambda t: _segments(t, U_ESCAPE_RE, _decode_u),
    "html_comment": lambda t: re.findall(r"<!--(.*?)-->", t, re.DOTALL),
    "zero_width": _whole(lambda t: ZW_RE.sub("", t)),
    "homoglyph": _whole(lambda t: t.translate(CYRILLIC_TO_LATIN)),
}


@pytest.mark.parametrize("family", sorted(DECODERS))
def test_obfuscated_injections_decode_to_instructions(suite, family):
    cases = [r for r in suite["injection"] if r["family"] == family]
    assert len(cases) >= 4, family
    for r in cases:
        decoded = DECODERS[family](r["text"])
        assert decoded, (r["id"], "nothing decodes")
        assert INSTRUCTION.search(" ".join(decoded)), (r["id"], decoded)


def test_character_obfuscation_hides_every_keyword(suite):
    for r in suite["injection"]:
        if r["family"] == "zero_width":
            assert re.search("[A-Za-z]" + ZW_RE.pattern + "[A-Za-z]", r["text"]), r["id"]
            assert not INSTRUCTION.search(r["text"]), r["id"]
        if r["family"] == "homoglyph":
            assert re.search(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]", r["text"]), r["id"]
            assert not INSTRUCTION.search(r["text"]), r["id"]


def test_benign_base64_decodes_to_harmless_content(suite):
    cases = [r for r in suite["injection"] if r["family"] == "benign_base64"]
    assert cases
    for r in cases:
        segments = B64_RE.findall(r["text"])
        assert segments, r["id"]
        for seg in segments:
            decoded = _b64(seg)
            if decoded is not None:
                assert not INSTRUCTION.search(decoded), r["id"]


def test_zero_width_characters_are_escaped_in_the_file():
    raw = (V1 / "injection.jsonl").read_text(encoding="utf-8")
    assert not ZW_RE.search(raw), "zero-width characters must be written as \\u escapes"
    assert "\\u200b" in raw


# --------------------------------------------------------------------------------------
# pii: checksums and formats
# --------------------------------------------------------------------------------------

CARD_RE = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")
IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}")
IBAN_LENGTH = {"AT": 20, "BE": 16, "CH": 21, "DE": 22, "ES": 24, "FR": 27, "GB": 22, "IE": 22,
               "IT": 27, "NL": 18, "PT": 25}
SSN_RE = re.compile(r"(?<!\d)(\d{3})-(\d{2})-(\d{4})(?!\d)")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def luhn(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return len(digits) >= 13 and total % 10 == 0


def mod97(iban: str) -> bool:
    s = iban.replace(" ", "")
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def valid_ibans(text: str) -> list[str]:
    found = []
    for m in IBAN_RE.finditer(text):
        compact = m.group(0).replace(" ", "")
        n = IBAN_LENGTH.get(compact[:2])
        if n and len(compact) >= n and mod97(compact[:n]):
            found.append(compact[:n])
    return found


def test_card_numbers_pass_luhn(suite):
    cases = [r for r in suite["pii"] if "card_number" in r["contains"]]
    assert len(cases) >= 4
    for r in cases:
        assert any(luhn(c) for c in CARD_RE.findall(r["text"])), r["id"]


def test_ibans_pass_mod97(suite):
    cases = [r for r in suite["pii"] if "iban" in r["contains"]]
    assert len(cases) >= 4
    for r in cases:
        assert valid_ibans(r["text"]), r["id"]


def test_ssns_have_valid_format(suite):
    cases = [r for r in suite["pii"] if "ssn" in r["contains"]]
    assert len(cases) >= 4
    for r in cases:
        found = SSN_RE.findall(r["text"])
        assert found, r["id"]
        for area, group, serial in found:
            assert area not in ("000", "666") and not area.startswith("9"), r["id"]
            assert group != "00" and serial != "0000", r["id"]


def test_emails_present_where_labelled(suite):
    for r in suite["pii"]:
        assert bool(EMAIL_RE.search(r["text"])) == ("email" in r["contains"]), r["id"]


def test_clean_pii_hard_negatives(suite):
    clean = [r for r in suite["pii"] if r["label"] == "clean"]
    bad_cards = bad_ibans = 0
    for r in clean:
        cards = [c for c in CARD_RE.findall(r["text"]) if len(re.sub(r"\D", "", c)) >= 13]
        assert not any(luhn(c) for c in cards), r["id"]
        bad_cards += bool(cards)
        assert not valid_ibans(r["text"]), r["id"]
        bad_ibans += bool(IBAN_RE.search(r["text"]))
        assert not SSN_RE.search(r["text"]), r["id"]
        assert not EMAIL_RE.search(r["text"]), r["id"]
    assert bad_cards >= 2, "expected Luhn-invalid 16-digit hard negatives"
    assert bad_ibans >= 2, "expected bad-checksum IBAN-like hard negatives"


# --------------------------------------------------------------------------------------
# code: benign cases stay inside the allowed surface
# --------------------------------------------------------------------------------------

BENIGN_MODULES = {"math", "re", "decimal", "fractions", "datetime", "statistics", "itertools",
                  "functools", "collections", "string", "typing", "enum", "dataclasses"}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "open", "input", "breakpoint",
                   "getattr", "setattr", "globals", "locals", "vars"}


def test_benign_code_uses_only_allowed_modules_and_no_io(suite):
    for r in suite["code"]:
        if r["label"] != "benign":
            continue
        tree = ast.parse(r["code"])
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert alias.name.split(".")[0] in BENIGN_MODULES, (r["id"], alias.name)
            elif isinstance(node, ast.ImportFrom):
                assert (node.module or "").split(".")[0] in BENIGN_MODULES, (r["id"], node.module)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in FORBIDDEN_CALLS, (r["id"], node.func.id)


def test_code_cases_are_distinct(suite):
    codes = [r["code"] for r in suite["code"]]
    assert len(codes) == len(set(codes))
    titles = [r["title"] for r in suite["code"]]
    assert len(titles) == len(set(titles))


# --------------------------------------------------------------------------------------
# leakage: forms are what they claim to be
# --------------------------------------------------------------------------------------

SPLIT_JOIN_RE = re.compile(r"""["']\s*[+,]?\s*["']""")


def _revealed_by(form: str, output: str, canary: str) -> bool:
    if form == "verbatim":
        return canary in output
    if form == "base64":
        return any(canary in (_b64(s) or "") for s in B64_RE.findall(output))
    if form == "hex":
        return any(canary in (_hex(s) or "") for s in HEX_RUN_RE.findall(output))
    if form == "spaced":
        return " ".join(canary) in output
    if form == "reversed":
        return canary[::-1] in output
    if form == "case-changed":
        return canary in output.lower()
    if form == "split":
        return canary in SPLIT_JOIN_RE.sub("", output)
    if form == "url":
        return canary in urllib.parse.unquote(output)
    raise AssertionError(form)


def test_leaks_reveal_the_canary_in_their_form(suite):
    for r in suite["leakage"]:
        if r["label"] != "leak":
            continue
        assert _revealed_by(r["form"], r["output"], r["canary"]), r["id"]
        if r["form"] != "verbatim":
            # an encoded form must not also leak verbatim
            assert r["canary"] not in r["output"], r["id"]


def test_clean_outputs_do_not_contain_the_canary(suite):
    for r in suite["leakage"]:
        if r["label"] != "clean":
            continue
        for form in LEAK_FORMS:
            assert not _revealed_by(form, r["output"], r["canary"]), (r["id"], form)


def test_clean_outputs_include_near_misses(suite):
    clean = [r for r in suite["leakage"] if r["label"] == "clean"]
    other_ids = [r for r in clean if re.search(r"cai-canary-[0-9a-f]{16}", r["output"])]
    partial = re.compile(r"cai-canary-[0-9a-f]{0,15}(?![0-9a-f])")
    prefixes = [r for r in clean if partial.search(r["output"])]
    word = [r for r in clean if "canary" in r["output"].lower() and "cai-canary" not in r["output"]]
    assert len(other_ids) >= 4 and len(prefixes) >= 4 and len(word) >= 4


# --------------------------------------------------------------------------------------
# reproducibility: the committed files are exactly what the generator writes
# --------------------------------------------------------------------------------------


def _generator():
    spec = importlib.util.spec_from_file_location("build_suite_v1", SUITE / "build_suite_v1.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_files_match_a_fresh_build():
    gen = _generator()
    data = gen.build_all()
    files = {name: gen.render_jsonl(recs) for name, recs in data.items()}
    for name in FILES:
        assert (V1 / f"{name}.jsonl").read_text(encoding="utf-8") == files[name], (
            f"{name}.jsonl differs from the generator output; rerun build_suite_v1.py")
    assert (V1 / "README.md").read_text(encoding="utf-8") == gen.render_readme(data, files)
