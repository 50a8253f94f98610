"""Artifacts built from a ScriptedProvider compile: manifest content, byte-identical
replay, and refusal of every kind of tampering."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from compiled_ai.artifacts.canonical import canonical_json, sha256_bytes
from compiled_ai.artifacts.compile_log import CompileLog
from compiled_ai.artifacts.store import read_verified, write_artifact
from compiled_ai.compiler import compile_spec
from compiled_ai.errors import ArtifactError, ProviderError
from compiled_ai.providers.replay import ReplayProvider
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.runtime import open_workflow
from compiled_ai.spec import load_spec, parse_spec
from tests.prior_auth_replies import CORRECT, SPEC_PATH, UNSAFE

STAGES = ["security", "syntax", "execution", "accuracy"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One compile (a failed attempt, then a good one) written to disk."""
    spec = load_spec(SPEC_PATH)
    provider = ScriptedProvider([UNSAFE, CORRECT], model="scripted-test-model")
    compiled = compile_spec(spec, SPEC_PATH.read_bytes(), provider)
    target = tmp_path_factory.mktemp("artifact") / "prior_auth"
    digest = write_artifact(target, compiled.files, compiled.manifest)
    return {"dir": target, "compiled": compiled, "digest": digest, "provider": provider,
            "spec": spec}


@pytest.fixture
def copy(built, tmp_path):
    """A private copy of the artifact for tests that tamper with it."""
    target = tmp_path / "copy"
    shutil.copytree(built["dir"], target)
    return target


def disk_files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def rewrite_manifest(root: Path, change) -> None:
    data = json.loads((root / "manifest.json").read_bytes())
    change(data)
    (root / "manifest.json").write_text(json.dumps(data, indent=2), encoding="utf-8")


# --- the manifest ------------------------------------------------------------------------------

def test_scripted_artifact_layout(built):
    files = disk_files(built["dir"])
    assert set(files) == {"manifest.json", "spec.json", "spec.yaml",
                          "compile_log.jsonl", "steps/decide.py"}
    assert files["manifest.json"] == built["compiled"].manifest.to_bytes()
    assert built["digest"] == sha256_bytes(files["manifest.json"])


def test_scripted_manifest_hashes_every_file(built):
    files = disk_files(built["dir"])
    manifest = json.loads(files.pop("manifest.json"))
    assert manifest["format"] == "compiled-ai/artifact"
    assert set(manifest["files"]) == set(files)
    for name, content in files.items():
        assert manifest["files"][name] == sha256_bytes(content), name
        assert manifest["files"][name].startswith("sha256:")
    step = manifest["steps"][0]
    assert step["file"] == "steps/decide.py"
    assert step["code_sha256"] == manifest["files"]["steps/decide.py"]


def test_scripted_manifest_records_spec_provider_tokens(built):
    m = built["compiled"].manifest
    assert m.spec_sha256 == sha256_bytes(SPEC_PATH.read_bytes())
    assert m.workflow == {"name": "glp1_prior_auth", "version": "1.0.0"}
    assert m.provider == {"provider": "scripted", "model": "scripted-test-model",
                          "model_sha256": None}
    assert set(m.compliance) == {"hipaa"}
    attempts = m.steps[0].attempts
    assert m.tokens.calls == 2 == len(attempts)
    assert m.tokens.input_tokens == sum(a.input_tokens for a in attempts) > 0
    assert m.tokens.output_tokens == sum(a.output_tokens for a in attempts) > 0
    # the scripted provider's usage: prompt chars // 4 and reply chars // 4
    requests = built["provider"].requests
    assert [a.input_tokens for a in attempts] == [
        sum(len(msg.content) for msg in r.messages) // 4 for r in requests]
    assert [a.output_tokens for a in attempts] == [len(UNSAFE) // 4, len(CORRECT) // 4]
    assert m.validation["max_attempts"] == 5
    assert m.validation["determinism_seeds"]


def test_scripted_manifest_records_per_stage_results(built):
    step = built["compiled"].manifest.steps[0]
    assert step.template == "sync_handler@1"
    assert step.function == "decide"
    failed, passed = step.attempts
    assert failed.passed is False and passed.passed is True
    assert [s["stage"] for s in failed.stages] == ["security"]
    assert failed.stages[0]["passed"] is False
    assert any(f["id"] == "SEC002" for f in failed.stages[0]["findings"])
    assert [s["stage"] for s in passed.stages] == STAGES
    assert all(s["passed"] for s in passed.stages)
    for stage in passed.stages:
        assert all(f["severity"] != "error" for f in stage["findings"])
    assert step.first_pass == {"security": False, "syntax": None, "execution": None,
                               "accuracy": None}
    code = built["compiled"].files["steps/decide.py"]
    assert passed.code_sha256 == step.code_sha256 == sha256_bytes(code)
    assert passed.response_sha256 == sha256_bytes(CORRECT.encode())


def test_scripted_spec_json_is_canonical_validated_spec(built):
    raw = (built["dir"] / "spec.json").read_bytes()
    assert raw == canonical_json(built["spec"].model_dump(mode="json"))


def test_scripted_compile_log_records_every_call(built):
    log = CompileLog.read(built["dir"] / "compile_log.jsonl")
    assert log.identity.model == "scripted-test-model"
    assert [r.key() for r, _ in log.entries] == [r.key() for r in built["provider"].requests]
    assert [c.text for _, c in log.entries] == [UNSAFE, CORRECT]


def test_scripted_read_verified_accepts_untouched_artifact(built):
    verified = read_verified(built["dir"])
    assert verified.artifact_sha256 == built["digest"]
    assert set(verified.files) == {"spec.json", "spec.yaml", "compile_log.jsonl",
                                   "steps/decide.py"}
    assert verified.files["steps/decide.py"] == built["compiled"].files["steps/decide.py"]


# --- replay ------------------------------------------------------------------------------------

def test_scripted_replay_rebuilds_byte_identical_artifact(built, tmp_path):
    replay = ReplayProvider.from_path(built["dir"])
    assert replay.identity.model == "scripted-test-model"
    compiled = compile_spec(load_spec(SPEC_PATH), SPEC_PATH.read_bytes(), replay)
    target = tmp_path / "replayed"
    digest = write_artifact(target, compiled.files, compiled.manifest)
    original, replayed = disk_files(built["dir"]), disk_files(target)
    assert sorted(original) == sorted(replayed)
    for name in original:
        assert original[name] == replayed[name], f"{name} differs after replay"
    assert digest == built["digest"]


def test_scripted_replay_from_log_file_path(built):
    replay = ReplayProvider.from_path(built["dir"] / "compile_log.jsonl")
    compiled = compile_spec(load_spec(SPEC_PATH), SPEC_PATH.read_bytes(), replay)
    assert compiled.files == built["compiled"].files


def test_scripted_replay_with_changed_spec_raises_provider_error(built):
    text = SPEC_PATH.read_text(encoding="utf-8")
    changed = text.replace("Apply these rules in this exact order",
                           "Apply these rules, in this exact order,")
    assert changed != text
    spec = parse_spec(changed, "changed.yaml")
    with pytest.raises(ProviderError, match="not in the compile log"):
        compile_spec(spec, changed.encode(), ReplayProvider.from_path(built["dir"]))


def test_scripted_replay_of_tampered_log_is_refused(copy):
    log = copy / "compile_log.jsonl"
    lines = log.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[1])
    record["request"]["max_tokens"] = 7  # no longer matches its key
    lines[1] = json.dumps(record)
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ArtifactError, match="key does not match"):
        ReplayProvider.from_path(copy)


# --- tampering ---------------------------------------------------------------------------------

def test_scripted_one_byte_edit_of_step_is_refused(copy):
    path = copy / "steps" / "decide.py"
    data = bytearray(path.read_bytes())
    index = data.index(b">= 30")
    data[index + 4] = ord("1")  # ">= 30" -> ">= 31"
    path.write_bytes(bytes(data))
    with pytest.raises(ArtifactError) as info:
        read_verified(copy)
    message = str(info.value)
    assert "steps/decide.py" in message
    assert "modified" in message
    assert info.value.exit_code == 3
    with pytest.raises(ArtifactError, match="steps/decide.py"):
        open_workflow(copy)


@pytest.mark.parametrize("name", ["spec.json", "compile_log.jsonl"])
def test_scripted_edit_of_any_listed_file_is_refused(copy, name):
    path = copy / name
    path.write_bytes(path.read_bytes() + b" ")
    with pytest.raises(ArtifactError, match=name.replace(".", r"\.")):
        read_verified(copy)


def test_scripted_edited_manifest_hash_is_refused(copy):
    def change(data):
        data["files"]["steps/decide.py"] = sha256_bytes(b"something else")
    rewrite_manifest(copy, change)
    with pytest.raises(ArtifactError) as info:
        read_verified(copy)
    assert "steps/decide.py" in str(info.value)
    assert "modified" in str(info.value)


def test_scripted_edited_manifest_changes_artifact_identity(built, copy):
    def change(data):
        data["workflow"]["version"] = "9.9.9"
    rewrite_manifest(copy, change)
    verified = read_verified(copy)  # no listed file changed ...
    assert verified.artifact_sha256 != built["digest"]  # ... but the identity did


def test_scripted_deleted_file_is_refused(copy):
    (copy / "steps" / "decide.py").unlink()
    with pytest.raises(ArtifactError) as info:
        read_verified(copy)
    assert "steps/decide.py" in str(info.value)
    assert "missing" in str(info.value)


def test_scripted_deleted_manifest_is_refused(copy):
    (copy / "manifest.json").unlink()
    with pytest.raises(ArtifactError, match="not an artifact"):
        read_verified(copy)


def test_scripted_extra_file_is_refused(copy):
    (copy / "steps" / "helper.py").write_text("import os\n", encoding="utf-8")
    with pytest.raises(ArtifactError) as info:
        read_verified(copy)
    assert "steps/helper.py" in str(info.value)
    assert "not listed" in str(info.value)


def test_scripted_file_dropped_from_manifest_is_refused(copy):
    def change(data):
        del data["files"]["compile_log.jsonl"]
    rewrite_manifest(copy, change)
    with pytest.raises(ArtifactError, match="compile_log.jsonl"):
        read_verified(copy)


@pytest.mark.parametrize("unsafe", ["../outside.txt", "/etc/hostname", "steps/../../x.py"])
def test_scripted_unsafe_path_in_manifest_is_refused(copy, unsafe):
    outside = copy.parent / "outside.txt"
    outside.write_bytes(b"x")

    def change(data):
        data["files"][unsafe] = sha256_bytes(b"x")
    rewrite_manifest(copy, change)
    with pytest.raises(ArtifactError) as info:
        read_verified(copy)
    assert "unsafe path" in str(info.value)
    assert unsafe in str(info.value)


@pytest.mark.parametrize("content", [b"{not json", b"[]", b'{"format": "something-else"}'])
def test_scripted_malformed_manifest_is_refused(copy, content):
    (copy / "manifest.json").write_bytes(content)
    with pytest.raises(ArtifactError, match="manifest"):
        read_verified(copy)


def test_scripted_nonexistent_dir_is_refused(tmp_path):
    with pytest.raises(ArtifactError, match="not an artifact"):
        read_verified(tmp_path / "nothing-here")


def test_scripted_write_refuses_to_clobber_non_artifact_dir(built, tmp_path):
    target = tmp_path / "precious"
    target.mkdir()
    (target / "notes.txt").write_text("keep me", encoding="utf-8")
    compiled = built["compiled"]
    with pytest.raises(ArtifactError, match="refusing to overwrite"):
        write_artifact(target, compiled.files, compiled.manifest)
    assert (target / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_scripted_write_replaces_existing_artifact(built, copy):
    (copy / "steps" / "decide.py").write_bytes(b"garbage")
    compiled = built["compiled"]
    write_artifact(copy, compiled.files, compiled.manifest)
    assert disk_files(copy) == disk_files(built["dir"])
    assert not [p for p in copy.parent.iterdir() if p.name.startswith(".")]  # no leftovers


def test_scripted_manifest_step_file_not_listed_is_artifact_error(copy):
    def change(data):
        data["steps"][0]["file"] = "steps/other.py"
    rewrite_manifest(copy, change)
    with pytest.raises(ArtifactError):
        open_workflow(copy)
