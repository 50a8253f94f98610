"""A small synthetic DocILE corpus shared by the tests (needs the 'docile' extra)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docile.evaluation", reason="needs the 'docile' extra "
                    "(pip install 'compiled-ai[docile]')")
pytest.importorskip("reportlab", reason="needs the 'docile' extra")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from compiled_ai.benchmarks.docile.synth.corpus import generate_corpus

    root = tmp_path_factory.mktemp("docile") / "corpus"
    generate_corpus(root, seed=3, docs=120, layouts=24)
    return root


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three shared layouts (and the val-only and test-only ones): a whole run in seconds."""
    from compiled_ai.benchmarks.docile.synth.corpus import generate_corpus

    root = tmp_path_factory.mktemp("docile-small") / "corpus"
    generate_corpus(root, seed=5, docs=54, layouts=9)
    return root
