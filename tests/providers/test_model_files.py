"""Assembling the local model from chunk packages: verified before use, never half-written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from compiled_ai.errors import ConfigurationError
from compiled_ai.providers.model_files import PRESETS, ModelPreset, resolve_model

CHUNKS = [b"GGUF-chunk-one|", b"chunk-two|", b"chunk-three"]


@pytest.fixture
def chunk_packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three importable packages fakemodel_part1..3, each holding data/partNN.bin."""
    site = tmp_path / "site"
    for number, content in enumerate(CHUNKS, 1):
        package = site / f"fakemodel_part{number}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "data" / f"part{number:02d}.bin").write_bytes(content)
    monkeypatch.syspath_prepend(str(site))
    return site


def _preset(monkeypatch: pytest.MonkeyPatch, sha256: str, parts: int = 3) -> None:
    monkeypatch.setitem(PRESETS, "fake-model", ModelPreset(
        name="fake-model", package_prefix="fakemodel_part", parts=parts, sha256=sha256,
        install_hint="pip install fake-model-parts"))


def test_chunks_are_concatenated_in_order_and_verified(chunk_packages, tmp_path, monkeypatch):
    whole = b"".join(CHUNKS)
    _preset(monkeypatch, hashlib.sha256(whole).hexdigest())
    model = resolve_model("fake-model", tmp_path / "cache")
    assert model.path.read_bytes() == whole
    assert model.sha256 == "sha256:" + hashlib.sha256(whole).hexdigest()
    # second use: the verified file is reused, not rebuilt
    stamp = model.path.stat().st_mtime_ns
    assert resolve_model("fake-model", tmp_path / "cache").path.stat().st_mtime_ns == stamp


def test_hash_mismatch_is_refused_and_leaves_no_file(chunk_packages, tmp_path, monkeypatch):
    _preset(monkeypatch, "0" * 64)
    with pytest.raises(ConfigurationError, match="expected 0000.*reinstall"):
        resolve_model("fake-model", tmp_path / "cache")
    leftovers = list((tmp_path / "cache" / "models").iterdir())
    assert leftovers == []


def test_missing_chunk_package_names_the_package_and_the_fix(chunk_packages, tmp_path,
                                                             monkeypatch):
    _preset(monkeypatch, "0" * 64, parts=4)
    with pytest.raises(ConfigurationError, match="fakemodel-part4 is not installed.*pip install"):
        resolve_model("fake-model", tmp_path / "cache")


def test_a_gguf_path_is_used_as_given_and_a_bad_one_is_refused(tmp_path):
    gguf = tmp_path / "custom.gguf"
    gguf.write_bytes(b"GGUF")
    model = resolve_model(str(gguf), tmp_path / "cache")
    assert model.path == gguf and model.sha256 is None
    with pytest.raises(ConfigurationError, match="neither a preset"):
        resolve_model(str(tmp_path / "missing.gguf"), tmp_path / "cache")
