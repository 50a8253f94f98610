"""``compiled-ai bench docile``: bad input is one line and a non-zero exit."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from compiled_ai.cli.main import cli


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["bench", "docile", *args])
    return result.exit_code, result.output


def test_needs_exactly_one_source(tmp_path: Path) -> None:
    for args in ((), ("--synthetic", "--data", str(tmp_path))):
        code, output = _run(*args)
        assert code == 2
        assert output.strip() == "error: give exactly one of --synthetic or --data DIR"


def test_missing_or_wrong_dataset_is_one_line(tmp_path: Path) -> None:
    code, output = _run("--data", str(tmp_path / "nope"), "--out", str(tmp_path / "o"))
    assert code == 2 and output.strip().count("\n") == 0 and "no dataset at" in output
    code, output = _run("--data", str(tmp_path), "--out", str(tmp_path / "o"))
    assert code == 2 and "is not a DocILE dataset" in output


def test_too_few_synthetic_documents_is_one_line(tmp_path: Path) -> None:
    code, output = _run("--synthetic", "--docs", "3", "--out", str(tmp_path))
    assert code == 2 and output.strip().startswith("error: --docs:")


def test_replay_compile_provider_needs_a_log(tmp_path: Path) -> None:
    code, output = _run("--synthetic", "--compile-provider", "replay", "--out", str(tmp_path))
    assert code == 2 and output.strip() == \
        "error: --compile-provider replay needs --replay-from ARTIFACT_OR_LOG"


def test_unknown_model_part_is_refused(tmp_path: Path) -> None:
    code, output = _run("--synthetic", "--model-writes", "everything", "--out", str(tmp_path))
    assert code == 2
    assert "'everything' is not one of 'fields', 'each-field', 'recognisers'" in output


def test_a_run_with_another_model_gets_its_own_result_name() -> None:
    from compiled_ai.cli.bench_docile import _model_suffix

    assert _model_suffix("qwen2.5-coder-0.5b") == ""  # the committed results keep their names
    assert _model_suffix("qwen2.5-coder-1.5b") == "-qwen2.5-coder-1.5b"
    assert _model_suffix("/models/My Model.gguf") == "-My-Model.gguf"
