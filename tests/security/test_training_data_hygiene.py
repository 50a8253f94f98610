"""The classifier's domain training data (benchmarks/security/dev) stays apart from the
held-out suites, and the PII development cases stay detected.

scripts/train_injection_model.py (with scripts/injection_recipe.py) trains on
injection_dev.jsonl and injection_dev2.jsonl and on the spent suites: v1 and v2 from round
3 on, v3 from round 4, v4 from round 5 (each scored once as a blind suite before); a suite
still held out (v5) must never be read by it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compiled_ai.security.pii import find_pii

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "benchmarks" / "security" / "dev"
SUITE = ROOT / "benchmarks" / "security" / "suite"


def _texts(path: Path) -> set[str]:
    return {" ".join(json.loads(line)["text"].split())
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def test_dev_training_texts_are_not_in_any_held_out_suite():
    dev = _texts(DEV / "injection_dev.jsonl") | _texts(DEV / "injection_dev2.jsonl")
    assert len(dev) >= 480
    for version in ("v1", "v2"):
        held_out = _texts(SUITE / version / "injection.jsonl")
        assert not dev & held_out, version


def test_training_script_reads_only_the_dev_files_and_the_spent_suites():
    recipe = (ROOT / "scripts" / "injection_recipe.py").read_text(encoding="utf-8")
    assert "benchmarks/security/dev/injection_dev.jsonl" in recipe
    assert 'SPENT_SUITES = ("v1", "v2", "v3", "v4")' in recipe
    for name in ("train_injection_model.py", "injection_recipe.py", "injection_synth.py",
                 "injection_synth5.py", "injection_synth5_lang.py", "eval_injection_heldout.py",
                 "build_lexicon.py"):
        text = (ROOT / "scripts" / name).read_text(encoding="utf-8")
        assert '"v5"' not in text and "suite/v5" not in text, name


@pytest.mark.parametrize("line", (DEV / "pii_dev.jsonl").read_text(encoding="utf-8")
                         .splitlines())
def test_pii_dev_cases_stay_detected(line):
    case = json.loads(line)
    found = {m.kind for m in find_pii(case["text"])}
    assert set(case["contains"]) <= found, (case["id"], found)
    if not case["contains"]:
        assert not found, (case["id"], found)
