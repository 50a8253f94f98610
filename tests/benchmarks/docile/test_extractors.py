"""Clustering purity, the rules baseline and a compiled per-layout extractor."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from compiled_ai.benchmarks.docile import official
from compiled_ai.benchmarks.docile.cluster import Clusters, purity
from compiled_ai.benchmarks.docile.compiled import compile_cluster, run_extractor, to_predictions
from compiled_ai.benchmarks.docile.loader import load_docs
from compiled_ai.benchmarks.docile.rules import extract_rules


def test_clusters_are_pure_and_unseen_layouts_match_none(corpus: Path) -> None:
    _, train = load_docs(corpus, "train")
    _, test = load_docs(corpus, "test")
    clusters = Clusters()
    assigned = {d.docid: clusters.add(d.docid, d.words) for d in train}
    assert purity(assigned, {d.docid: d.cluster_id for d in train}) == 1.0
    assert len(clusters.members) <= 2 * len({d.cluster_id for d in train})
    seen = {d.cluster_id for d in train}
    for doc in test:
        cluster, _score = clusters.nearest(doc.words)
        if doc.cluster_id not in seen:
            assert cluster is None
        elif cluster is not None:
            members = {d.cluster_id for d in train if assigned[d.docid] == cluster}
            assert members == {doc.cluster_id}


def test_rules_baseline_finds_some_fields_but_not_all(corpus: Path) -> None:
    dataset, test = load_docs(corpus, "test")
    preds = {d.docid: extract_rules(d.words) for d in test}
    scores = official.evaluate(dataset, {k: v[0] for k, v in preds.items()},
                               {k: v[1] for k, v in preds.items()})
    assert 0.05 < scores["kile"]["primary"] < 0.9


def test_compiled_extractor_passes_validation_and_extracts_held_out_documents(
        corpus: Path) -> None:
    _, train = load_docs(corpus, "train")
    _, val = load_docs(corpus, "val")
    dataset, test = load_docs(corpus, "test")
    by_layout = defaultdict(list)
    for doc in train:
        by_layout[doc.cluster_id].append(doc)
    layout = max(by_layout, key=lambda k: (len(by_layout[k]), -k))
    extractor = compile_cluster(layout, by_layout[layout],
                                [d for d in val if d.cluster_id == layout])
    assert extractor.passed
    assert "import os" not in extractor.source and "PROFILE" in extractor.source
    docs = [d for d in test if d.cluster_id == layout]
    assert docs
    results = run_extractor(extractor, docs)
    kile = {d: to_predictions(r)[0] for d, r in results.items()}
    lir = {d: to_predictions(r)[1] for d, r in results.items()}
    subset = dataset.from_documents("one-layout", [dataset[d.docid] for d in docs])
    scores = official.evaluate(subset, kile, lir)
    assert scores["kile"]["primary"] > 0.6
