"""The training documents of a test corpus grouped as a run groups them, for the tests of
the model-written parts."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from compiled_ai.benchmarks.docile.cluster import Clusters
from compiled_ai.benchmarks.docile.loader import Doc, load_docs


def members(corpus: Path) -> tuple[dict[int, list[Doc]], list[Doc]]:
    """(cluster -> its training documents, the validation documents)."""
    _, train = load_docs(corpus, "train")
    clusters = Clusters()
    out: dict[int, list[Doc]] = defaultdict(list)
    for doc in train:
        out[clusters.add(doc.docid, doc.words)].append(doc)
    return out, load_docs(corpus, "val")[1]
