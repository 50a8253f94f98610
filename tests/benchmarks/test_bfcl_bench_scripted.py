"""The BFCL benchmark end to end on 2 items, each protocol, with scripted model replies.

The compiler, its four validation stages, the artifact store, the runtime and BFCL's
checker are all real; only the model's replies are scripted (ScriptedProvider).
"""

from __future__ import annotations

import json

import pytest

pytest.importorskip("bfcl_eval", reason="bfcl-eval is not installed (pip install --no-deps "
                                        "bfcl-eval==2026.3.23)")

from compiled_ai.benchmarks.bfcl.blind_demonstration import blind_demonstration  # noqa: E402
from compiled_ai.benchmarks.bfcl.data import load_items  # noqa: E402
from compiled_ai.benchmarks.bfcl.protocols import BenchOptions  # noqa: E402
from compiled_ai.benchmarks.bfcl.requests import example_requests  # noqa: E402
from compiled_ai.benchmarks.bfcl.runner import run_benchmark  # noqa: E402
from compiled_ai.benchmarks.bfcl.staleness import changed_items  # noqa: E402
from compiled_ai.benchmarks.bfcl.summary import (  # noqa: E402
    _compiled_but_wrong,
    _correct_within_attempts,
    _never_compiled,
    summarise,
)
from compiled_ai.errors import ConfigurationError, ProviderError  # noqa: E402
from compiled_ai.providers.scripted import ScriptedProvider  # noqa: E402

# simple_python_0: calculate_triangle_area(base, height, unit); simple_python_1: math.factorial
TRIANGLE_CALL = "[calculate_triangle_area(base=10, height=5)]"
FACTORIAL_CALL = "[math.factorial(number=5)]"
TRIANGLE_CODE = '''```python
import re


def extract_arguments(question: str) -> ExtractArgumentsResult:
    numbers = [int(n) for n in re.findall(r"\\d+", question)]
    return {"base": numbers[0], "height": numbers[1], "unit": None}
```'''
FACTORIAL_CODE = '''```python
import re


def extract_arguments(question: str) -> ExtractArgumentsResult:
    numbers = re.findall(r"\\d+", question)
    return {"number": int(numbers[-1]) if numbers else None}
```'''
OPTIONS = BenchOptions(max_attempts=1, entropy_sample=1, entropy_runs=50, baseline_repeats=1,
                       baseline_repeat_sample=1, prompt_style="classic")


@pytest.fixture(scope="module")
def items():
    return load_items(2)


def lines(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_baseline_scripted_scores_with_the_official_checker(items, tmp_path):
    provider = ScriptedProvider([TRIANGLE_CALL, "[math.factorial(number=6)]", TRIANGLE_CALL])
    summary = run_benchmark(items, "baseline", provider, tmp_path, OPTIONS)
    records = lines(tmp_path / "instances.jsonl")
    assert [(r["id"], r["valid"]) for r in records] == [("simple_python_0", True),
                                                       ("simple_python_1", False)]
    assert "Expected one of [5]" in records[1]["error"]
    assert all(r["tokens"] == r["input_tokens"] + r["output_tokens"] > 0 for r in records)
    assert summary["correct"] == 1 and summary["accuracy"] == 0.5
    assert summary["baseline"]["tokens_per_transaction"] == sum(
        r["tokens"] for r in records) / 2
    assert summary["baseline"]["entropy"] == {"questions": 1, "calls_per_question": 2,
                                              "mean_bits": 0.0, "max_bits": 0.0,
                                              "identical_answers_share": 1.0}
    assert json.loads((tmp_path / "summary.json").read_text()) == summary


def test_baseline_resumes_after_an_interruption_without_double_counting(items, tmp_path):
    with pytest.raises(ProviderError):  # the model "dies" on the second question
        run_benchmark(items, "baseline", ScriptedProvider([TRIANGLE_CALL]), tmp_path, OPTIONS)
    assert [r["id"] for r in lines(tmp_path / "instances.jsonl")] == ["simple_python_0"]
    with (tmp_path / "instances.jsonl").open("a") as handle:
        handle.write('{"id": "simple_python_1", "valid": tr')  # a torn last line
    with pytest.raises(ConfigurationError, match="--resume"):
        run_benchmark(items, "baseline", ScriptedProvider([]), tmp_path, OPTIONS)
    provider = ScriptedProvider([FACTORIAL_CALL, TRIANGLE_CALL])
    summary = run_benchmark(items, "baseline", provider, tmp_path, OPTIONS, resume=True)
    assert provider.requests[0].messages[1].content == items[1].question  # item 0 not re-asked
    assert [r["id"] for r in lines(tmp_path / "instances.jsonl")] == ["simple_python_0",
                                                                     "simple_python_1"]
    assert summary["items_scored"] == 2 and summary["correct"] == 2
    again = run_benchmark(items, "baseline", ScriptedProvider([]), tmp_path, OPTIONS,
                          resume=True)
    assert again["items_scored"] == 2  # nothing left to do, nothing counted twice


def test_paper_protocol_compiles_from_the_question_labelled_by_the_model_scripted(
        items, tmp_path):
    baseline = tmp_path / "baseline"
    run_benchmark(items, "baseline", ScriptedProvider([TRIANGLE_CALL, FACTORIAL_CALL,
                                                       TRIANGLE_CALL]), baseline, OPTIONS)
    provider = ScriptedProvider([TRIANGLE_CALL, TRIANGLE_CODE, FACTORIAL_CALL, FACTORIAL_CODE])
    summary = run_benchmark(items, "paper", provider, tmp_path / "paper", OPTIONS)
    compile_prompt = provider.requests[1].messages[-1].content
    assert items[0].question in compile_prompt  # the paper's protocol: it saw the question
    assert compile_prompt.startswith("Task: This workflow serves exactly one request")
    demonstration = provider.requests[1].messages[2].content  # answers with literals
    assert demonstration.count("\n") == 3 and 'return {"parcels": 3' in demonstration
    records = lines(tmp_path / "paper" / "instances.jsonl")
    assert [(r["compiled"], r["valid"]) for r in records] == [(True, True), (True, True)]
    first = records[0]
    assert first["predicted"] == [{"calculate_triangle_area": {"base": 10, "height": 5}}]
    assert first["attempts"] == 1 and first["code_sha256"] and "re.findall" in first["code"]
    assert first["compile_tokens"] > first["label_tokens"] > 0
    assert first["entropy"] == {"runs": 50, "bits": 0.0, "reproducibility": 1.0}
    assert "entropy" not in records[1]  # entropy sample of 1
    assert (tmp_path / "paper" / "artifacts" / "simple_python_0" / "manifest.json").is_file()
    assert summary["accuracy"] == 1.0
    assert summary["by_question_wording"] == {
        "worded as the requests": {"items": 1, "compiled": 1, "correct": 1},
        "leaves a required parameter unnamed": {"items": 1, "compiled": 1, "correct": 1}}
    assert summary["compiled"]["workflows_compiled"] == 2
    assert summary["compiled"]["execution_tokens_per_transaction"] == 0
    versus = summary["versus_baseline"]
    assert versus["baseline_items"] == 2 and versus["baseline_accuracy"] == 1.0
    per_workflow = summary["compiled"]["compile_tokens_per_workflow"]
    per_tx = versus["baseline_tokens_per_transaction"]
    assert versus["break_even_transactions"] == pytest.approx(round(per_workflow) / per_tx,
                                                              abs=0.01)


def test_blind_protocol_never_shows_the_question_and_counts_failed_compiles_scripted(
        items, tmp_path):
    provider = ScriptedProvider(["I cannot write code.", FACTORIAL_CODE])
    summary = run_benchmark(items, "blind", provider, tmp_path, OPTIONS)
    for request in provider.requests:
        assert all(item.question not in m.content for item in items for m in request.messages)
    shown = provider.requests[1].messages[-1].content
    visible = [e for e in example_requests(items[1].function, items[1].id) if not e.holdout]
    assert all(e.question in shown for e in visible)  # the generated requests, not the item's
    assert tuple(provider.requests[1].messages[1:3]) == blind_demonstration()  # worked example
    records = lines(tmp_path / "instances.jsonl")
    assert records[0]["compiled"] is False and records[0]["error_type"] == "compile"
    assert records[0]["compile_tokens"] > 0 and records[0]["attempts"] == 1
    assert records[0]["compile_failures"][0]["stage"] in ("security", "syntax")
    assert records[0]["compile_failures"][0]["finding"]
    failed = json.loads((tmp_path / "failed" / "simple_python_0.json").read_text())
    assert failed[0]["code"] and failed[0]["passed"] is False
    assert records[1]["compiled"] is True and records[1]["valid"] is True
    assert records[1]["predicted"] == [{"math.factorial": {"number": 5}}]
    assert summary["accuracy"] == 0.5 and summary["compiled"]["compile_success_rate"] == 0.5
    assert summary["versus_baseline"] is None  # no baseline run beside it
    # "a base of 10 units and height of 5" names both; "the factorial of 5" not `number`
    assert summary["by_question_wording"] == {
        "worded as the requests": {"items": 1, "compiled": 0, "correct": 0},
        "leaves a required parameter unnamed": {"items": 1, "compiled": 1, "correct": 1}}
    stopped = records[0]["compile_failures"][0]
    rule = stopped["finding"][1:stopped["finding"].index("]")]
    assert summary["compiled"]["never_compiled"] == {
        "items": 1, "furthest_stage_failed": {stopped["stage"]: 1},
        "failed_attempts_by_rule": {f"{stopped['stage']} {rule}": 1}}


def test_resume_refuses_another_protocol_in_the_same_directory(items, tmp_path):
    run_benchmark(items, "baseline", ScriptedProvider([TRIANGLE_CALL, FACTORIAL_CALL,
                                                       TRIANGLE_CALL]), tmp_path, OPTIONS)
    with pytest.raises(ConfigurationError, match="protocol='baseline'"):
        run_benchmark(items, "blind", ScriptedProvider([]), tmp_path, OPTIONS, resume=True)


def test_paper_protocol_resumes_after_an_interruption_scripted(items, tmp_path):
    with pytest.raises(ProviderError):
        run_benchmark(items, "paper", ScriptedProvider([TRIANGLE_CALL, TRIANGLE_CODE]),
                      tmp_path, OPTIONS)
    provider = ScriptedProvider([FACTORIAL_CALL, FACTORIAL_CODE])
    summary = run_benchmark(items, "paper", provider, tmp_path, OPTIONS, resume=True)
    assert len(provider.requests) == 2
    assert [r["id"] for r in lines(tmp_path / "instances.jsonl")] == ["simple_python_0",
                                                                     "simple_python_1"]
    assert summary["items_scored"] == 2 and summary["correct"] == 2


def test_no_break_even_is_claimed_when_no_workflow_compiled_scripted(items, tmp_path):
    run_benchmark(items, "baseline", ScriptedProvider([TRIANGLE_CALL, FACTORIAL_CALL,
                                                       TRIANGLE_CALL]), tmp_path / "baseline",
                  OPTIONS)
    summary = run_benchmark(items, "paper", ScriptedProvider(
        [TRIANGLE_CALL, "no code", FACTORIAL_CALL, "no code"]), tmp_path / "paper", OPTIONS)
    assert summary["compiled"]["workflows_compiled"] == 0
    assert summary["compiled"]["compile_tokens_per_workflow"] > 0
    assert summary["versus_baseline"]["break_even_transactions"] is None
    assert summary["versus_baseline"]["token_reduction_at_1000"] is None
    # the baseline answered both; every compiled miss is counted by its error type
    assert summary["versus_baseline"]["only_baseline_correct"] == {"compile": 2}
    assert summary["versus_baseline"]["only_compiled_correct"] == 0


def test_runtime_fallback_figure_answers_uncompiled_workflows_with_the_baseline_scripted(
        items, tmp_path):
    wrong_triangle = "[calculate_triangle_area(base=11, height=5)]"
    run_benchmark(items, "baseline", ScriptedProvider([wrong_triangle, FACTORIAL_CALL,
                                                       wrong_triangle]),
                  tmp_path / "baseline", OPTIONS)
    baseline = {r["id"]: r for r in lines(tmp_path / "baseline" / "instances.jsonl")}
    summary = run_benchmark(items, "paper", ScriptedProvider(
        [TRIANGLE_CALL, TRIANGLE_CODE, FACTORIAL_CALL, "no code"]), tmp_path / "paper",
        OPTIONS)
    assert summary["correct"] == 1 and summary["versus_baseline"]["baseline_correct"] == 1
    fallback = summary["versus_baseline"]["with_runtime_fallback"]
    # item 0: the compiled workflow (right, where the baseline was wrong); item 1: no
    # workflow, so the model answers it, as the baseline did (right)
    assert fallback == {"workflows_calling_the_model": 1, "correct": 2, "accuracy": 1.0,
                        "tokens_per_transaction": round(
                            baseline["simple_python_1"]["tokens"] / 2, 1)}


def test_tools_style_baseline_asks_in_the_models_tool_format_and_reads_its_calls_scripted(
        items, tmp_path):
    tagged = ('<tool_call>\n{"name": "calculate_triangle_area", '
              '"arguments": {"base": 10, "height": 5}}\n</tool_call>')
    fenced = '```json\n{"name": "math.factorial", "arguments": {"number": 5}}\n```'
    provider = ScriptedProvider([tagged, fenced, tagged])
    options = BenchOptions(baseline_repeats=1, baseline_repeat_sample=1, prompt_style="tools")
    summary = run_benchmark(items, "baseline", provider, tmp_path, options)
    assert summary["prompt_style"] == "tools" and summary["correct"] == 2
    system = provider.requests[0].messages[0].content
    assert "<tools>" in system and '"type": "object"' in system  # BFCL's dict -> JSON object
    assert summary["baseline"]["entropy"]["max_bits"] == 0.0
    with pytest.raises(ConfigurationError, match="prompt_style='tools'"):
        run_benchmark(items, "baseline", ScriptedProvider([]), tmp_path,
                      BenchOptions(prompt_style="classic"), resume=True)


def test_resuming_with_more_attempts_compiles_the_failed_items_again_scripted(items, tmp_path):
    first = ScriptedProvider([TRIANGLE_CALL, "I cannot write code.", FACTORIAL_CALL,
                              FACTORIAL_CODE])
    before = run_benchmark(items, "paper", first, tmp_path, OPTIONS)
    assert before["correct"] == 1 and before["errors_by_type"] == {"compile": 1}
    again = ScriptedProvider([TRIANGLE_CALL, "I cannot write code.", TRIANGLE_CODE])
    after = run_benchmark(items, "paper", again, tmp_path,
                          BenchOptions(**{**vars(OPTIONS), "max_attempts": 2}), resume=True)
    assert len(again.requests) == 3  # the label, attempt 1 again, then attempt 2
    records = lines(tmp_path / "instances.jsonl")
    assert sorted((r["id"], r["attempts"], r["valid"]) for r in records) == [
        ("simple_python_0", 2, True), ("simple_python_1", 1, True)]
    superseded = lines(tmp_path / "superseded.jsonl")
    assert [(r["id"], r["error_type"]) for r in superseded] == [("simple_python_0", "compile")]
    assert not (tmp_path / "failed" / "simple_python_0.json").exists()  # it compiled now
    assert (tmp_path / "failed" / "superseded" / "simple_python_0.json").is_file()
    assert after["correct"] == 2
    unchanged = ScriptedProvider([])
    run_benchmark(items, "paper", unchanged, tmp_path,
                  BenchOptions(**{**vars(OPTIONS), "max_attempts": 2}), resume=True)
    assert unchanged.requests == []  # nothing short of the budget is left


def test_redo_changed_compiles_again_only_items_whose_compile_request_changed_scripted(
        items, tmp_path):
    first = ScriptedProvider([TRIANGLE_CALL, TRIANGLE_CODE, FACTORIAL_CALL, FACTORIAL_CODE])
    run_benchmark(items, "paper", first, tmp_path, OPTIONS)
    assert changed_items(items, lines(tmp_path / "instances.jsonl"), tmp_path, "paper",
                         OPTIONS.prompt_style) == {}  # rebuilt without a model: identical
    idle = ScriptedProvider([])
    run_benchmark(items, "paper", idle, tmp_path, OPTIONS, resume=True, redo_changed=True)
    assert idle.requests == []
    # the fixture item 1 would get now differs (here: its recorded label does)
    records = lines(tmp_path / "instances.jsonl")
    records[1]["label_reply"] = "[math.factorial(number=6)]"
    (tmp_path / "instances.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    changed = changed_items(items, records, tmp_path, "paper", OPTIONS.prompt_style)
    assert list(changed) == ["simple_python_1"] and "first compile request" in changed[
        "simple_python_1"]
    again = ScriptedProvider([FACTORIAL_CALL, FACTORIAL_CODE])
    summary = run_benchmark(items, "paper", again, tmp_path, OPTIONS, resume=True,
                            redo_changed=True)
    assert len(again.requests) == 2 and summary["correct"] == 2
    superseded = lines(tmp_path / "superseded.jsonl")
    assert [r["id"] for r in superseded] == ["simple_python_1"]
    assert superseded[0]["superseded_because"] == changed["simple_python_1"]
    assert (tmp_path / "artifacts" / "superseded" / "simple_python_1" / "manifest.json").is_file()
    assert (tmp_path / "artifacts" / "simple_python_1" / "manifest.json").is_file()
    assert sorted(r["id"] for r in lines(tmp_path / "instances.jsonl")) == [
        "simple_python_0", "simple_python_1"]


def test_redo_compiles_the_named_items_again_with_their_reason_kept_scripted(items, tmp_path):
    first = ScriptedProvider([TRIANGLE_CALL, TRIANGLE_CODE, FACTORIAL_CALL, FACTORIAL_CODE])
    run_benchmark(items, "paper", first, tmp_path, OPTIONS)
    with pytest.raises(ConfigurationError, match="not a finished item of this run: nope"):
        run_benchmark(items, "paper", ScriptedProvider([]), tmp_path, OPTIONS, resume=True,
                      redo={"nope": "a typo"})
    again = ScriptedProvider([TRIANGLE_CALL, TRIANGLE_CODE])
    summary = run_benchmark(items, "paper", again, tmp_path, OPTIONS, resume=True,
                            redo={"simple_python_0": "a validation rule it met changed"})
    assert len(again.requests) == 2 and summary["correct"] == 2  # only item 0 was asked again
    superseded = lines(tmp_path / "superseded.jsonl")
    assert [(r["id"], r["superseded_because"]) for r in superseded] == [
        ("simple_python_0", "a validation rule it met changed")]
    assert (tmp_path / "artifacts" / "superseded" / "simple_python_0" / "manifest.json").is_file()
    assert sorted(r["id"] for r in lines(tmp_path / "instances.jsonl")) == [
        "simple_python_0", "simple_python_1"]


def test_never_compiled_items_count_their_best_attempt_and_every_failed_rule():
    def failure(stage, rule):
        return {"attempt": 1, "stage": stage, "finding": f"[{rule}] message"}

    records = [
        {"id": "a", "error_type": "compile", "compile_failures": [
            failure("syntax", "RUFF-F821"), failure("accuracy", "ACC001"),
            failure("syntax", "RUFF-F821")]},
        {"id": "b", "error_type": "compile", "compile_failures": [
            failure("security", "SEC002"), {"attempt": 2, "stage": "syntax", "finding": None}]},
        {"id": "c", "error_type": "simple_function_checker:missing_required", "compiled": True},
        {"id": "d", "error_type": "input_gate"},
    ]
    assert _never_compiled(records) == {
        "items": 2, "furthest_stage_failed": {"syntax": 1, "accuracy": 1},
        "failed_attempts_by_rule": {"syntax RUFF-F821": 2, "accuracy ACC001": 1,
                                    "security SEC002": 1, "syntax no error finding": 1}}


def test_compiled_but_wrong_counts_workflows_that_found_no_argument_in_the_question():
    records = [
        {"id": "a", "compiled": True, "valid": False, "predicted": [{"math.hypot": {}}],
         "error_type": "simple_function_checker:missing_required"},
        {"id": "b", "compiled": True, "valid": False, "predicted": [{"f": {"x": 2}}],
         "error_type": "value_error:others"},
        {"id": "c", "compiled": True, "valid": True, "predicted": [{"f": {}}]},
        {"id": "d", "compiled": False, "valid": False, "predicted": None,
         "error_type": "compile"},
    ]
    assert _compiled_but_wrong(records) == {
        "items": 2, "no_argument_found": 1,
        "by_error_type": {"simple_function_checker:missing_required": 1,
                          "value_error:others": 1}}


def test_fallback_on_missing_required_also_hands_over_incomplete_compiled_results():
    def compiled(item_id, valid, predicted):
        return {"id": item_id, "compiled": True, "valid": valid, "predicted": predicted,
                "compile_tokens": 10, "attempts": 1, "run_latency_ms": 0.1}

    records = [
        compiled("empty", False, [{"f": {}}]),        # found nothing: lacks the required x
        compiled("wrong", False, [{"f": {"x": 2}}]),  # complete, wrong: nothing shows it
        compiled("right", True, [{"f": {"x": 1}}]),   # the optional y left out: complete
        {"id": "none", "compiled": False, "valid": False, "predicted": None,
         "error_type": "compile", "compile_tokens": 10, "attempts": 1},
    ]
    ids = [r["id"] for r in records]
    baseline = [{"id": i, "valid": True, "tokens": 100, "latency_ms": 1.0} for i in ids]
    run = {"protocol": "blind", "provider": "scripted", "model": "m", "model_sha256": "s",
           "bfcl_eval": "v", "items": 4}
    versus = summarise(run, records, baseline, [], dict.fromkeys(ids, "kind"),
                       dict.fromkeys(ids, ["x"]))["versus_baseline"]
    assert versus["with_runtime_fallback"] == {
        "workflows_calling_the_model": 1, "correct": 2, "accuracy": 0.5,
        "tokens_per_transaction": 25.0}
    assert versus["with_runtime_fallback_on_missing_required"] == {
        "workflows_calling_the_model": 2, "correct": 3, "accuracy": 0.75,
        "tokens_per_transaction": 50.0}


def test_correct_within_attempts_counts_what_a_smaller_budget_would_have_scored():
    compiled = [{"attempts": 1, "valid": True}, {"attempts": 3, "valid": True},
                {"attempts": 3, "valid": False}, {"attempts": 1, "valid": False}]
    assert _correct_within_attempts(compiled) == {1: 1, 2: 1, 3: 2}
    assert _correct_within_attempts([]) == {}
