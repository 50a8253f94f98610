"""The source stays lint-clean and type-checks: regressions show up in CI, not in review."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*command: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, env={"PATH": "/usr/bin:/bin",
                                                       "HOME": str(tmp_path)})


def test_ruff_finds_nothing_in_src_and_tests(tmp_path):
    result = _run("ruff", "check", "--no-cache", "src", "tests", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing_in_src(tmp_path):
    result = _run("mypy", "--cache-dir", str(tmp_path / "mypy"), "src/compiled_ai",
                  tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
