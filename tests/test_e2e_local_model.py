"""End to end with the real embedded model: compile the prior-auth example, run it.

Slow (model load plus one or a few generations on the CPU), hence the ``llm`` mark:
deselect with ``-m "not llm"``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compiled_ai.artifacts.canonical import canonical_json
from compiled_ai.artifacts.store import read_verified, write_artifact
from compiled_ai.compiler import CompileOptions, compile_spec
from compiled_ai.providers.registry import make_provider
from compiled_ai.providers.replay import ReplayProvider
from compiled_ai.runtime import open_workflow
from compiled_ai.settings import load_settings
from compiled_ai.spec import load_spec

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "prior_auth"

pytestmark = [pytest.mark.llm, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def compiled_with_local_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec_path = EXAMPLE / "spec.yaml"
    settings = load_settings()
    provider = make_provider("local", settings)
    compiled = compile_spec(load_spec(spec_path), spec_path.read_bytes(), provider,
                            CompileOptions(mypy_cache=settings.cache / "mypy"))
    target = tmp_path_factory.mktemp("artifact") / "prior_auth"
    write_artifact(target, compiled.files, compiled.manifest)
    return target


def test_local_model_compiles_prior_auth_through_all_four_stages(
        compiled_with_local_model: Path) -> None:
    manifest = read_verified(compiled_with_local_model).manifest
    assert manifest.provider["provider"] == "local"
    assert manifest.provider["model_sha256"] == (
        "sha256:1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32")
    (step,) = manifest.steps
    final = step.attempts[-1]
    assert final.passed
    assert [s["stage"] for s in final.stages] == ["security", "syntax", "execution", "accuracy"]
    assert all(s["passed"] for s in final.stages)
    assert step.fixtures == 14 and step.holdout_fixtures == 4
    assert manifest.tokens.calls == len(step.attempts) and manifest.tokens.output_tokens > 0


@pytest.mark.parametrize(("case", "decision", "reason"), [
    ("case1.json", "approve", "BMI_AND_STEP_THERAPY"),
    ("case2.json", "approve", "T2D_DIAGNOSIS"),
    ("case3.json", "review", "SUSPICIOUS_A1C"),
    ("case4.json", "deny", "BMI_BELOW_30"),
])
def test_compiled_prior_auth_decides_sample_cases(compiled_with_local_model: Path, case: str,
                                                  decision: str, reason: str) -> None:
    workflow = open_workflow(compiled_with_local_model)
    payload = json.loads((EXAMPLE / "cases" / case).read_text())
    result = workflow.run(payload)
    assert result.output == {"decision": decision, "reason_code": reason}
    assert result.tokens == 0


def test_thousand_runs_of_one_input_give_one_output(compiled_with_local_model: Path) -> None:
    workflow = open_workflow(compiled_with_local_model)
    payload = json.loads((EXAMPLE / "cases" / "case1.json").read_text())
    outputs = {canonical_json(workflow.run(payload).output) for _ in range(1000)}
    assert len(outputs) == 1


def test_replaying_the_compile_log_reproduces_the_artifact_byte_for_byte(
        compiled_with_local_model: Path, tmp_path: Path) -> None:
    spec_path = EXAMPLE / "spec.yaml"
    replayed = compile_spec(load_spec(spec_path), spec_path.read_bytes(),
                            ReplayProvider.from_path(compiled_with_local_model))
    write_artifact(tmp_path / "replayed", replayed.files, replayed.manifest)
    original = {p.relative_to(compiled_with_local_model): p.read_bytes()
                for p in compiled_with_local_model.rglob("*") if p.is_file()}
    again = {p.relative_to(tmp_path / "replayed"): p.read_bytes()
             for p in (tmp_path / "replayed").rglob("*") if p.is_file()}
    assert original == again


def test_openai_compatible_provider_against_a_real_llama_cpp_server_on_loopback() -> None:
    """The HTTP provider speaks the OpenAI API to llama.cpp's own server (xllamacpp)."""
    import xllamacpp

    from compiled_ai.providers.base import CompletionRequest, Message
    from compiled_ai.providers.model_files import resolve_model
    from compiled_ai.providers.openai_compatible import OpenAICompatibleProvider

    params = xllamacpp.CommonParams()
    params.model.path = str(resolve_model("qwen2.5-coder-0.5b", load_settings().cache).path)
    params.n_ctx = 2048
    params.verbosity = -1
    server = xllamacpp.Server(params)
    address = server.listening_address.rstrip("/")
    assert address.startswith("http://127.0.0.1:")
    provider = OpenAICompatibleProvider(address + "/v1", model="qwen2.5-coder-0.5b")
    request = CompletionRequest(messages=(Message(
        role="user", content="Reply with a Python function add(a: int, b: int) -> int."),),
        max_tokens=64)
    first, second = provider.complete(request), provider.complete(request)
    assert "def add" in first.text
    assert first.usage.input_tokens > 10 and 0 < first.usage.output_tokens <= 64
    assert second.text == first.text  # temperature 0 and a fixed seed


def test_recompile_check_with_the_live_local_model_reproduces_the_artifact(
        compiled_with_local_model: Path) -> None:
    """The model is asked again (not replayed): temperature 0 and a fixed seed give the same
    code, so the whole artifact comes out byte for byte the same."""
    from compiled_ai.compiler.recompile import check

    settings = load_settings()
    report = check(compiled_with_local_model, provider=make_provider("local", settings),
                   mypy_cache=settings.cache / "mypy")
    assert report.identical
    assert report.rebuilt_sha256 == read_verified(compiled_with_local_model).artifact_sha256
