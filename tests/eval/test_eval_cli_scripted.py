"""`compiled-ai eval` and `report` end to end, with the baseline's model scripted.

The resume tests interrupt a run after k model calls (a scripted provider that runs out
of answers, or raises KeyboardInterrupt like Ctrl-C), resume it with a provider holding
exactly the answers still needed, and check that nothing was redone or counted twice.
"""

from __future__ import annotations

import json
import os
import re
import signal

import pytest
from click.testing import CliRunner

from compiled_ai.cli import eval_cmds
from compiled_ai.cli.main import cli
from compiled_ai.providers.scripted import ScriptedProvider
from tests.prior_auth_replies import CORRECT, SPEC_PATH


def reply(expected: dict) -> str:
    return json.dumps(expected)


WARM_UP = reply({"decision": "approve", "reason_code": "T2D_DIAGNOSIS"})  # untimed, uncounted


class InterruptAfter(ScriptedProvider):
    """Answers ``calls`` times, then behaves as if the user pressed Ctrl-C."""

    def __init__(self, answers: list[str], calls: int) -> None:
        super().__init__(answers)
        self._left = calls

    def complete(self, request):
        if self._left == 0:
            raise KeyboardInterrupt
        self._left -= 1
        return super().complete(request)


@pytest.fixture
def invoke(tmp_path, monkeypatch):
    runner = CliRunner()
    env = {"COMPILED_AI_HOME": str(tmp_path / "home"), "COMPILED_AI_CACHE": str(tmp_path / "c"),
           "COMPILED_AI_DEBUG": None, "NO_COLOR": "1", "COLUMNS": "200"}
    used: list[ScriptedProvider] = []

    def run(*args, provider: ScriptedProvider | None = None):
        if provider is not None:
            used.append(provider)
            monkeypatch.setattr(eval_cmds, "make_provider", lambda name, settings: provider)
        return runner.invoke(cli, [str(a) for a in args], env=env)
    return run


def one_line_error(result, code: int) -> str:
    assert result.exit_code == code, (result.output, result.exception)
    lines = [line for line in result.stderr.splitlines() if line.strip()
             and not re.search(r"━|\d+/\d+", line)]  # progress bars are not errors
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_eval_without_baseline_measures_the_compiled_side(invoke, scripted_artifact,
                                                          inputs_file, tmp_path):
    out = tmp_path / "r.json"
    result = invoke("eval", scripted_artifact, "--inputs", inputs_file, "--repeats", 250,
                    "-o", out)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    compiled = data["compiled"]
    assert compiled["task_completion"] == {"scored": 4, "completed": 4, "rate": 1.0}
    assert compiled["determinism"] == {"repeats": 250, "distinct_outputs": 1,
                                       "entropy_bits": 0.0, "reproducibility": 1.0}
    assert compiled["latency"]["all_calls"]["n"] == 254
    assert data["baseline"] is None and data["tokens"]["break_even_tx"] is None
    assert data["compile"]["attempts_distribution"] == {"2": 1}
    assert "task completion" in result.stdout and "100.0% (4/4)" in result.stdout
    assert not (tmp_path / "r.json.checkpoint.jsonl").exists()


def test_interrupted_baseline_resumes_without_redoing_work_scripted(
        invoke, scripted_artifact, inputs_file, fixtures, tmp_path):
    answers = [reply(f["expected"]) for f in fixtures[:4]]
    probe = reply(fixtures[0]["expected"])
    out = tmp_path / "r.json"
    args = ("eval", scripted_artifact, "--inputs", inputs_file, "--baseline",
            "--baseline-repeats", 3, "--repeats", 120, "-o", out)
    # 4 inputs + 3 repeats = 7 counted calls; the first run dies after 3 of them
    first = ScriptedProvider([WARM_UP, *answers[:3]])
    line = one_line_error(invoke(*args, provider=first), 1)
    assert "no answers left" in line and "run the same command to resume" in line
    assert not out.exists() and (tmp_path / "r.json.checkpoint.jsonl").exists()
    assert len(first.requests) == 4
    # the resumed run needs exactly the 4 calls left (plus its warm-up): one more would
    # exhaust the queue
    second = ScriptedProvider([WARM_UP, answers[3], probe, probe, probe])
    resumed = invoke(*args, provider=second)
    assert resumed.exit_code == 0, resumed.output
    assert "resuming from" in resumed.stderr
    assert len(second.requests) == 5
    data = json.loads(out.read_text())
    baseline = data["baseline"]
    assert baseline["transactions"] == 4 and baseline["determinism"]["repeats"] == 3
    assert baseline["latency"]["all_calls"]["n"] == 7
    assert baseline["task_completion"]["completed"] == 4
    assert data["compiled"]["latency"]["all_calls"]["n"] == 124
    assert data["settings"]["resumed"] is True
    # tokens are the provider's own counts, per input (not per repeat)
    assert baseline["tokens"]["per_tx"] > 0
    assert data["tokens"]["break_even_tx"] == pytest.approx(
        data["compile"]["tokens"]["total"] / baseline["tokens"]["per_tx"])
    assert not (tmp_path / "r.json.checkpoint.jsonl").exists()


def test_ctrl_c_keeps_the_checkpoint_and_the_rerun_finishes_scripted(
        invoke, scripted_artifact, inputs_file, fixtures, tmp_path):
    answers = [reply(f["expected"]) for f in fixtures[:4]]
    out = tmp_path / "r.json"
    args = ("eval", scripted_artifact, "--inputs", inputs_file, "--baseline",
            "--baseline-repeats", 2, "--repeats", 10, "-o", out)
    interrupted = invoke(*args, provider=InterruptAfter([WARM_UP, *answers], calls=3))
    assert interrupted.exit_code == 130
    assert "interrupted" in interrupted.stderr and "resume" in interrupted.stderr
    wrong = reply({"decision": "deny", "reason_code": "BMI_BELOW_30"})
    second = ScriptedProvider([WARM_UP, answers[2], wrong, answers[0], wrong])
    finished = invoke(*args, provider=second)
    assert finished.exit_code == 0, finished.output
    assert len(second.requests) == 5
    baseline = json.loads(out.read_text())["baseline"]
    assert baseline["task_completion"] == {"scored": 4, "completed": 3, "rate": 0.75}
    assert baseline["determinism"]["distinct_outputs"] == 2
    assert baseline["determinism"]["entropy_bits"] == pytest.approx(1.0)
    assert baseline["determinism"]["reproducibility"] == pytest.approx(0.5)


class KillAfter(ScriptedProvider):
    """Answers ``calls`` times, then the process receives SIGTERM (as from `kill`)."""

    def __init__(self, answers: list[str], calls: int) -> None:
        super().__init__(answers)
        self._left = calls

    def complete(self, request):
        if self._left == 0:
            os.kill(os.getpid(), signal.SIGTERM)
        self._left -= 1
        return super().complete(request)


def test_sigterm_keeps_the_checkpoint_and_restores_the_handler_scripted(
        invoke, scripted_artifact, inputs_file, fixtures, tmp_path):
    answers = [reply(f["expected"]) for f in fixtures[:4]]
    out = tmp_path / "r.json"
    args = ("eval", scripted_artifact, "--inputs", inputs_file, "--baseline",
            "--baseline-repeats", 1, "--repeats", 10, "-o", out)
    before = signal.getsignal(signal.SIGTERM)
    killed = invoke(*args, provider=KillAfter([WARM_UP, *answers], calls=2))
    assert killed.exit_code == 130 and "progress kept" in killed.stderr
    assert signal.getsignal(signal.SIGTERM) is before
    second = ScriptedProvider([WARM_UP, *answers[1:], answers[0]])
    assert invoke(*args, provider=second).exit_code == 0
    assert len(second.requests) == 5
    assert json.loads(out.read_text())["baseline"]["latency"]["all_calls"]["n"] == 5


def test_a_checkpoint_from_other_options_is_refused(invoke, scripted_artifact, inputs_file,
                                                    fixtures, tmp_path):
    out = tmp_path / "r.json"
    base = ("eval", scripted_artifact, "--inputs", inputs_file, "--baseline", "-o", out)
    invoke(*base, "--probe", 0, provider=ScriptedProvider([]))
    line = one_line_error(invoke(*base, "--probe", 1, provider=ScriptedProvider([])), 2)
    assert "checkpoint of a different run" in line
    answers = [reply(f["expected"]) for f in fixtures[:4]] * 2
    fresh = invoke(*base, "--probe", 1, "--baseline-repeats", 1, "--fresh",
                   provider=ScriptedProvider([WARM_UP, *answers[:5]]))
    assert fresh.exit_code == 0, fresh.output


def test_a_resumed_run_may_change_the_repeat_counts_reusing_recorded_work_scripted(
        invoke, scripted_artifact, inputs_file, fixtures, tmp_path):
    answers = [reply(f["expected"]) for f in fixtures[:4]]
    out = tmp_path / "r.json"
    checkpoint = tmp_path / "r.json.checkpoint.jsonl"
    base = ("eval", scripted_artifact, "--inputs", inputs_file, "--baseline", "-o", out)
    # 150 compiled repeats (chunks of 100 + 50), then the model runs out after 1 of 3 repeats
    first = invoke(*base, "--repeats", 150, "--baseline-repeats", 3,
                   provider=ScriptedProvider([WARM_UP, *answers, answers[0]]))
    assert first.exit_code == 1
    records = [json.loads(line) for line in checkpoint.read_text().splitlines()[1:]]
    chunk0 = next(r for r in records if r["phase"] == "compiled_repeat" and r["index"] == 0)
    # resume asking for 250 compiled repeats and only 1 baseline repeat: no model call at all
    second = ScriptedProvider([])
    resumed = invoke(*base, "--repeats", 250, "--baseline-repeats", 1, provider=second)
    assert resumed.exit_code == 0, resumed.output
    assert second.requests == []
    data = json.loads(out.read_text())
    assert data["baseline"]["determinism"]["repeats"] == 1
    assert data["compiled"]["determinism"]["repeats"] == 250
    latencies = data["compiled"]["latencies_ms"]  # 4 inputs, then the repeats in order
    assert latencies[4:104] == [run["latency_ms"] for run in chunk0["runs"]]


def test_baseline_may_answer_only_the_first_inputs_scripted(invoke, scripted_artifact,
                                                            inputs_file, fixtures, tmp_path):
    answers = [reply(f["expected"]) for f in fixtures[:2]]
    out = tmp_path / "r.json"
    provider = ScriptedProvider([WARM_UP, reply({"decision": "deny",
                                                 "reason_code": "BMI_BELOW_30"}), answers[1],
                                 answers[0]])
    result = invoke("eval", scripted_artifact, "--inputs", inputs_file, "--baseline",
                    "--baseline-inputs", 2, "--baseline-repeats", 1, "--repeats", 10, "-o", out,
                    provider=provider)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert len(provider.requests) == 4
    assert data["settings"]["baseline_inputs"] == 2
    assert data["baseline"]["task_completion"] == {"scored": 2, "completed": 1, "rate": 0.5}
    assert data["compiled"]["task_completion"]["scored"] == 4


def test_compile_inside_eval_times_the_artifact_scripted(invoke, inputs_file, tmp_path):
    target = tmp_path / "built"
    out = tmp_path / "r.json"
    result = invoke("eval", target, "--compile", SPEC_PATH, "--inputs", inputs_file,
                    "--repeats", 5, "-o", out, provider=ScriptedProvider([CORRECT]))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["compile"]["time_to_valid_s"] > 0
    assert (target / "manifest.json").is_file()
    assert data["compile"]["attempts_distribution"] == {"1": 1}


@pytest.mark.parametrize("extra, code, needle", [
    (("--inputs", "missing.jsonl"), 2, "no such file"),
    (("--inputs", "INPUTS", "--probe", 9), 2, "--probe 9"),
    (("--inputs", "INPUTS", "--prices", "missing.json"), 2, "no such file"),
])
def test_bad_usage_is_one_line(invoke, scripted_artifact, inputs_file, tmp_path, extra, code,
                               needle):
    args = [inputs_file if a == "INPUTS" else a for a in extra]
    line = one_line_error(invoke("eval", scripted_artifact, *args, "-o", tmp_path / "r.json"),
                          code)
    assert line.startswith("error: ") and needle in line


def test_eval_refuses_a_tampered_artifact(invoke, scripted_artifact, inputs_file, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(scripted_artifact, copy)
    step = copy / "steps" / "decide.py"
    step.write_text(step.read_text() + "\n# edited\n")
    line = one_line_error(invoke("eval", copy, "--inputs", inputs_file, "-o",
                                 tmp_path / "r.json"), 3)
    assert "has been modified" in line


def test_report_writes_a_self_contained_page(invoke, scripted_artifact, inputs_file, fixtures,
                                             tmp_path):
    out = tmp_path / "r.json"
    answers = [WARM_UP] + [reply(f["expected"]) for f in fixtures[:5]]
    assert invoke("eval", scripted_artifact, "--inputs", inputs_file, "--baseline",
                  "--baseline-repeats", 1, "--repeats", 20, "-o", out,
                  provider=ScriptedProvider(answers)).exit_code == 0
    page = tmp_path / "report.html"
    table = tmp_path / "table.md"
    result = invoke("report", out, "-o", page, "--markdown", table)
    assert result.exit_code == 0, result.output
    rows = table.read_text().splitlines()
    assert rows[0] == "| figure | compiled | runtime inference |"
    assert any(r.startswith("| task completion | 100.0% (4/4) |") for r in rows)
    html = page.read_text()
    for plot in ("plot-tokens", "plot-latency", "plot-first-pass"):
        assert f'id="{plot}"' in html
    assert html.count("<svg") == 3 and "break-even n*" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing fetched
    assert "<script" not in html


def test_report_refuses_a_file_that_is_not_a_result(invoke, tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"a": 1}')
    line = one_line_error(invoke("report", path, "-o", tmp_path / "r.html"), 2)
    assert "not a compiled-ai eval result" in line
