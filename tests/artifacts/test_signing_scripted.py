"""Ed25519 signing: keys, compile --sign-key, sign, and a runtime that requires a trusted key.

The artifact is compiled once with a ScriptedProvider (the model's reply is scripted).
"""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiled_ai.artifacts.canonical import sha256_bytes
from compiled_ai.artifacts.manifest import MANIFEST, SIGNATURE_FILE
from compiled_ai.artifacts.signing import (
    generate_keys,
    load_private_key,
    load_public_key,
    signature_for,
)
from compiled_ai.artifacts.store import read_verified, write_artifact
from compiled_ai.cli import compile_cmd
from compiled_ai.cli.main import cli
from compiled_ai.compiler import compile_spec
from compiled_ai.errors import ArtifactError, ConfigurationError
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.runtime import open_workflow
from compiled_ai.spec import load_spec
from tests.prior_auth_replies import CASES, CORRECT, SPEC_PATH


@pytest.fixture(scope="module")
def compiled():
    return compile_spec(load_spec(SPEC_PATH), SPEC_PATH.read_bytes(), ScriptedProvider([CORRECT]))


@pytest.fixture(scope="module")
def keys(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("keys")
    own_private, own_public = generate_keys(root / "own")
    other_private, other_public = generate_keys(root / "other")
    return {"private": own_private, "public": own_public, "other_private": other_private,
            "other_public": other_public}


@pytest.fixture
def unsigned(compiled, tmp_path) -> Path:
    target = tmp_path / "artifact"
    write_artifact(target, compiled.files, compiled.manifest)
    return target


@pytest.fixture
def signed(compiled, keys, tmp_path) -> Path:
    target = tmp_path / "signed"
    signature = signature_for(compiled.manifest.to_bytes(), load_private_key(keys["private"]))
    write_artifact(target, compiled.files, compiled.manifest, signature)
    return target


def invoke(tmp_path: Path, *args: object):
    env = {"COMPILED_AI_HOME": str(tmp_path / "home"), "COMPILED_AI_CACHE": str(tmp_path / "c"),
           "COMPILED_AI_DEBUG": None, "NO_COLOR": "1", "COLUMNS": "300"}
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def one_error_line(result, code: int, *needles: str) -> None:
    assert result.exit_code == code, (result.exit_code, result.output, result.exception)
    assert isinstance(result.exception, SystemExit)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


# --- keys --------------------------------------------------------------------------------------

def test_keys_generate_writes_a_private_key_only_its_owner_can_read(tmp_path):
    result = invoke(tmp_path, "keys", "generate", "--out", tmp_path / "k")
    assert result.exit_code == 0, result.output
    private, public = tmp_path / "k" / "signing_key.pem", tmp_path / "k" / "signing_key.pub.pem"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert b"PRIVATE KEY" in private.read_bytes() and b"PUBLIC KEY" in public.read_bytes()
    key_id = load_public_key(public).key_id
    assert key_id in result.stdout
    assert load_public_key(public).key_id == key_id  # stable: derived from the key itself


def test_keys_generate_refuses_to_overwrite(tmp_path):
    assert invoke(tmp_path, "keys", "generate", "--out", tmp_path / "k").exit_code == 0
    before = (tmp_path / "k" / "signing_key.pem").read_bytes()
    one_error_line(invoke(tmp_path, "keys", "generate", "--out", tmp_path / "k"), 2,
                   "already exists")
    assert (tmp_path / "k" / "signing_key.pem").read_bytes() == before


def test_a_public_key_is_not_a_signing_key(keys, tmp_path):
    with pytest.raises(ConfigurationError, match="not an unencrypted PEM private key"):
        load_private_key(keys["public"])
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("hello")
    with pytest.raises(ConfigurationError, match="not a PEM public key"):
        load_public_key(garbage)


# --- the runtime with and without trusted keys --------------------------------------------------

def test_signing_leaves_the_manifest_and_artifact_identity_unchanged(compiled, signed, unsigned):
    assert (signed / MANIFEST).read_bytes() == (unsigned / MANIFEST).read_bytes()
    assert read_verified(signed).artifact_sha256 == read_verified(unsigned).artifact_sha256
    signature = json.loads((signed / SIGNATURE_FILE).read_bytes())
    assert signature["manifest_sha256"] == sha256_bytes((signed / MANIFEST).read_bytes())


def test_trusted_signature_is_accepted(signed, keys):
    trusted = [load_public_key(keys["other_public"]), load_public_key(keys["public"])]
    workflow = open_workflow(signed, trusted_keys=trusted)
    assert workflow.artifact.signed_by == trusted[1].key_id


def test_without_trusted_keys_a_signature_is_not_required(unsigned):
    assert read_verified(unsigned).signed_by is None


def test_unsigned_artifact_is_refused_when_a_key_is_trusted(unsigned, keys):
    with pytest.raises(ArtifactError, match="not signed"):
        open_workflow(unsigned, trusted_keys=[load_public_key(keys["public"])])


def test_signature_by_another_key_is_refused(signed, keys):
    with pytest.raises(ArtifactError, match="not among the trusted keys"):
        read_verified(signed, [load_public_key(keys["other_public"])])


def test_forged_key_id_is_refused(signed, keys):
    # a signature made with another key but claiming the trusted key's id
    sig = json.loads((signed / SIGNATURE_FILE).read_bytes())
    forged = json.loads(signature_for((signed / MANIFEST).read_bytes(),
                                      load_private_key(keys["other_private"])))
    sig["signature"] = forged["signature"]
    (signed / SIGNATURE_FILE).write_text(json.dumps(sig))
    with pytest.raises(ArtifactError, match="does not match manifest.json"):
        read_verified(signed, [load_public_key(keys["public"])])


def test_modified_manifest_is_refused_even_when_otherwise_consistent(signed, keys):
    # change the manifest in a way the hash check alone cannot see (the manifest is the root)
    manifest = json.loads((signed / MANIFEST).read_bytes())
    manifest["workflow"]["version"] = "9.9.9"
    (signed / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    read_verified(signed)  # every file still matches: only the signature catches it
    with pytest.raises(ArtifactError, match="does not match manifest.json"):
        read_verified(signed, [load_public_key(keys["public"])])


@pytest.mark.parametrize("content", [b"", b"not json", b'{"format": "other"}',
                                     b'{"format":"compiled-ai/signature","version":1,'
                                     b'"algorithm":"ed25519","key_id":5,"signature":"x"}',
                                     b"\xff\xfe"])
def test_garbage_signature_file_is_refused(signed, keys, content):
    (signed / SIGNATURE_FILE).write_bytes(content)
    with pytest.raises(ArtifactError, match="malformed signature file"):
        read_verified(signed, [load_public_key(keys["public"])])


def test_signature_that_is_not_base64_is_refused(signed, keys):
    sig = json.loads((signed / SIGNATURE_FILE).read_bytes())
    sig["signature"] = "%%%not base64%%%"
    (signed / SIGNATURE_FILE).write_text(json.dumps(sig))
    with pytest.raises(ArtifactError, match="does not match manifest.json"):
        read_verified(signed, [load_public_key(keys["public"])])


def test_other_unlisted_files_are_still_refused(signed):
    (signed / "manifest.sig.bak").write_text("x")
    with pytest.raises(ArtifactError, match="not listed"):
        read_verified(signed)
    shutil.move(signed / "manifest.sig.bak", signed / "steps" / SIGNATURE_FILE)
    with pytest.raises(ArtifactError, match="not listed"):  # only the root's manifest.sig
        read_verified(signed)


# --- CLI ---------------------------------------------------------------------------------------

def test_cli_sign_then_run_and_verify_with_trust_key(unsigned, keys, tmp_path):
    case = sorted(CASES.glob("*.json"))[0]
    refused = invoke(tmp_path, "run", unsigned, "-i", case, "--no-audit",
                     "--trust-key", keys["public"])
    one_error_line(refused, 3, "not signed")
    signed_now = invoke(tmp_path, "sign", unsigned, "--key", keys["private"])
    assert signed_now.exit_code == 0, signed_now.output
    assert load_public_key(keys["public"]).key_id in signed_now.stdout
    ran = invoke(tmp_path, "run", unsigned, "-i", case, "--no-audit",
                 "--trust-key", keys["other_public"], "--trust-key", keys["public"])
    assert ran.exit_code == 0, ran.output
    assert "decision" in json.loads(ran.stdout)
    verified = invoke(tmp_path, "verify", unsigned, "--trust-key", keys["public"])
    assert verified.exit_code == 0 and "valid, trusted key" in verified.stdout
    plain = invoke(tmp_path, "verify", unsigned)
    assert plain.exit_code == 0 and "not checked" in plain.stdout
    inspected = invoke(tmp_path, "inspect", unsigned, "--no-code")
    assert inspected.exit_code == 0
    assert f"signature key {load_public_key(keys['public']).key_id}" in inspected.stdout
    one_error_line(invoke(tmp_path, "verify", unsigned, "--trust-key", keys["other_public"]),
                   3, "not among the trusted keys")


def test_cli_sign_refuses_a_tampered_artifact(unsigned, keys, tmp_path):
    step = next((unsigned / "steps").glob("*.py"))
    step.write_text(step.read_text() + "\n# edited\n")
    one_error_line(invoke(tmp_path, "sign", unsigned, "--key", keys["private"]), 3, "modified")
    assert not (unsigned / SIGNATURE_FILE).exists()


def test_cli_bad_trust_key_file_is_a_usage_error(unsigned, tmp_path):
    missing = tmp_path / "nope.pem"
    one_error_line(invoke(tmp_path, "verify", unsigned, "--trust-key", missing), 2, "nope.pem")


def test_cli_compile_with_sign_key_scripted(keys, tmp_path, monkeypatch):
    monkeypatch.setattr(compile_cmd, "make_provider",
                        lambda *_args, **_kw: ScriptedProvider([CORRECT]))
    out = tmp_path / "compiled"
    result = invoke(tmp_path, "compile", SPEC_PATH, "-o", out, "--sign-key", keys["private"])
    assert result.exit_code == 0, result.output
    assert read_verified(out, [load_public_key(keys["public"])]).signed_by
    # a wrong key file is refused before any model call
    one_error_line(invoke(tmp_path, "compile", SPEC_PATH, "-o", tmp_path / "x",
                          "--sign-key", keys["public"]), 2, "private key")
    assert not (tmp_path / "x").exists()
