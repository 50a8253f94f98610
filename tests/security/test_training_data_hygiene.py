"""The classifier's domain training data (benchmarks/security/dev) stays apart from the
held-out suites, and the PII development cases stay detected.

scripts/train_injection_model.py trains on injection_dev.jsonl and injection_dev2.jsonl and,
from round 3 on, on the spent suites v1 and v2, from round 4 on also v3 (each scored once
before); a suite still held out (v4) must never be read by it.
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
    script = (ROOT / "scripts" / "train_injection_model.py").read_text(encoding="utf-8")
    assert "benchmarks/security/dev/injection_dev.jsonl" in script
    assert 'SPENT_SUITES = ("v1", "v2", "v3")' in script
    for name in ("train_injection_model.py", "injection_synth.py", "eval_injection_heldout.py"):
        text = (ROOT / "scripts" / name).read_text(encoding="utf-8")
        assert '"v4"' not in text and "suite/v4" not in text, name


@pytest.mark.parametrize("line", (DEV / "pii_dev.jsonl").read_text(encoding="utf-8")
                         .splitlines())
def test_pii_dev_cases_stay_detected(line):
    case = json.loads(line)
    found = {m.kind for m in find_pii(case["text"])}
    assert set(case["contains"]) <= found, (case["id"], found)
    if not case["contains"]:
        assert not found, (case["id"], found)
