"""``compiled-ai bench bfcl``: one-line errors, and a scripted run through the CLI."""

from __future__ import annotations

import importlib.util
import json
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiled_ai.benchmarks.bfcl import data
from compiled_ai.cli.main import cli
from compiled_ai.providers import registry
from compiled_ai.providers.scripted import ScriptedProvider

ROOT = Path(__file__).resolve().parents[2]


def invoke(tmp_path: Path, *args: str):
    env = {"COMPILED_AI_HOME": str(tmp_path / "home"), "COMPILED_AI_CACHE": str(tmp_path / "c"),
           "COMPILED_AI_DEBUG": None, "NO_COLOR": "1", "COLUMNS": "200"}
    return CliRunner().invoke(cli, ["bench", "bfcl", *args], env=env)


def one_error_line(result, code: int) -> str:
    assert result.exit_code == code, (result.output, result.exception)
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def test_missing_bfcl_extra_gives_the_install_hint_and_exit_2(tmp_path, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "bfcl_eval" else real(name, *a))
    line = one_error_line(invoke(tmp_path, "--protocol", "baseline", "--out",
                                 str(tmp_path / "o")), 2)
    assert "pip install --no-deps 'bfcl-eval==" in line


def test_install_hint_names_the_version_pinned_in_pyproject():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"]
    assert extras["bfcl"] == ["bfcl-eval==2026.3.23"]
    assert extras["bfcl"][0] in data.INSTALL_HINT


def test_unknown_protocol_is_a_usage_error(tmp_path):
    result = invoke(tmp_path, "--protocol", "psychic")
    assert result.exit_code == 2 and "Traceback" not in result.output


@pytest.mark.skipif(importlib.util.find_spec("bfcl_eval") is None,
                    reason="bfcl-eval is not installed")
def test_cli_runs_scripted_and_refuses_to_overwrite_without_resume(tmp_path, monkeypatch):
    replies = ["[calculate_triangle_area(base=10, height=5)]", "[math.factorial(number=5)]",
               "[calculate_triangle_area(base=10, height=5)]"]
    monkeypatch.setattr(registry, "make_provider",
                        lambda name, settings, replay_from=None: ScriptedProvider(replies))
    out = tmp_path / "baseline"
    result = invoke(tmp_path, "--protocol", "baseline", "--limit", "2", "--out", str(out),
                    "--baseline-repeats", "1", "--baseline-repeat-sample", "1",
                    "--prompt-style", "classic")
    assert result.exit_code == 0, result.output
    assert "accuracy" in result.stdout and "1.0" in result.stdout
    # stderr is not a terminal here, as in a background run's log: one line per item
    assert re.search(r"bfcl baseline: simple_python_1 done, 2/3, \d+:\d\d:\d\d this run",
                     result.stderr), result.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["items_scored"] == 2 and summary["correct"] == 2
    line = one_error_line(invoke(tmp_path, "--protocol", "baseline", "--limit", "2",
                                 "--out", str(out), "--prompt-style", "classic"), 2)
    assert "--resume" in line
    line = one_error_line(invoke(tmp_path, "--protocol", "blind", "--limit", "2",
                                 "--out", str(out), "--resume"), 2)
    assert "cannot resume" in line


@pytest.mark.parametrize(("args", "says"), [
    (("--redo", "simple_python_0"), "--redo needs --resume and --because REASON"),
    (("--resume", "--redo", "simple_python_0"), "--redo needs --resume and --because REASON"),
    (("--resume", "--because", "a rule changed"), "--because is the reason for --redo ID"),
])
def test_redo_needs_resume_and_a_reason(tmp_path, args, says):
    result = invoke(tmp_path, "--protocol", "paper", "--out", str(tmp_path / "o"), *args)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert says in result.output
