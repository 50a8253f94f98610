"""The DocILE benchmark run: cluster, compile, extract, score with the official metrics.

Methods side by side on the test split: ``rules`` (generic keywords, no model, no
training data), ``compiled`` (one validated extractor per layout cluster, induced
profile only; test documents of layouts no cluster matches go to the review queue
and get no predictions) and, given a compile provider, ``compiled_model`` (the same
extractors calling a per-cluster recogniser the model wrote through the compiler;
a cluster whose recogniser or combined extractor fails keeps its induced-only
extractor, and is counted). Scores: the official KILE AP / LIR F1 (and their text-exact
variants) from ``docile-benchmark``, overall and on documents of seen and unseen
layouts, plus per-field accuracy (the predicted words equal the annotated words).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from compiled_ai.benchmarks.docile import official
from compiled_ai.benchmarks.docile.cluster import Clusters, purity
from compiled_ai.benchmarks.docile.compiled import (
    MAX_EXAMPLES,
    CompiledExtractor,
    compile_cluster,
    run_extractor,
    to_predictions,
)
from compiled_ai.benchmarks.docile.induce import expected_output
from compiled_ai.benchmarks.docile.loader import Doc, load_docs
from compiled_ai.benchmarks.docile.recogniser import Recogniser, compile_recognisers
from compiled_ai.benchmarks.docile.rules import extract_rules
from compiled_ai.providers.base import Provider

Tick = Callable[[str, int], Callable[[], None]]

PAPER = {"kile_llm_judge": 80.0, "lir_llm_judge": 80.4,
         "note": "paper's Code Factory, scored by an LLM judge, not DocILE's metrics"}
LEADERBOARD = {"kile_ap": 71.25, "lir_f1": 75.93,
               "note": "best DocILE'23 results on the real test set"}


def run_docile(root: Path, tick: Tick, limit: int | None = None,
               provider: Provider | None = None, llm_docs: int = 0,
               llm_cache: Path | None = None, compile_provider: Provider | None = None,
               artifacts: Path | None = None, model_clusters: int | None = None,
               compile_attempts: int = 3) -> dict[str, Any]:
    """``model_clusters`` caps how many clusters (the largest first) get a model-written
    recogniser: on a slow CPU model the others keep the induced profile, and are counted."""
    started = time.monotonic()
    _, train = load_docs(root, "train")
    _, val = load_docs(root, "val")
    dataset, test = load_docs(root, "test", limit)
    seen_layouts = {d.cluster_id for d in train}

    clusters = Clusters()
    advance = tick("cluster", len(train))
    assigned: dict[str, int] = {}
    for doc in train:
        assigned[doc.docid] = clusters.add(doc.docid, doc.words)
        advance()
    by_cluster: dict[int, list[Doc]] = defaultdict(list)
    for doc in train:
        by_cluster[assigned[doc.docid]].append(doc)
    val_cluster = {d.docid: clusters.nearest(d.words)[0] for d in val}
    test_cluster = {d.docid: clusters.nearest(d.words)[0] for d in test}

    advance = tick("compile", len(by_cluster))
    extractors: dict[int, CompiledExtractor] = {}
    holdouts = {c: [d for d in val if val_cluster[d.docid] == c] for c in by_cluster}
    for cluster, docs in sorted(by_cluster.items()):
        extractors[cluster] = compile_cluster(cluster, docs, holdouts[cluster])
        advance()
    model_extractors: dict[int, CompiledExtractor] = {}
    recognisers: dict[int, list[Recogniser]] = {}
    if compile_provider is not None:
        chosen = sorted(by_cluster, key=lambda c: (-len(by_cluster[c]), c))[:model_clusters]
        advance = tick("model", len(chosen))
        model_extractors = dict(extractors)  # the fallback: induced only
        for cluster in sorted(chosen):
            docs = by_cluster[cluster]
            written = compile_recognisers(
                cluster, docs[:MAX_EXAMPLES], holdouts[cluster] or docs[MAX_EXAMPLES:],
                compile_provider, artifacts or root.parent / "docile_artifacts",
                max_attempts=compile_attempts)
            recognisers[cluster] = written
            if any(r.passed for r in written):
                combined = compile_cluster(cluster, docs, holdouts[cluster], written)
                if combined.passed:
                    model_extractors[cluster] = combined
            advance()

    predictions: dict[str, dict[str, tuple[list[Any], list[Any]]]] = {"rules": {}}
    advance = tick("rules", len(test))
    for doc in test:
        predictions["rules"][doc.docid] = extract_rules(doc.words)
        advance()
    reviews: dict[str, list[str]] = {}
    seconds: dict[str, float] = {}
    runs = {"compiled": extractors}
    if compile_provider is not None:
        runs["compiled_model"] = model_extractors
    for method, extractors_used in runs.items():
        predictions[method], reviews[method], seconds[method] = _run_compiled(
            extractors_used, test, test_cluster, tick(method, len(test)))
    review = reviews["compiled"]
    subsets = {"all": [d.docid for d in test],
               "seen_layouts": [d.docid for d in test if d.cluster_id in seen_layouts],
               "unseen_layouts": [d.docid for d in test if d.cluster_id not in seen_layouts]}
    methods = {}
    for method, preds in predictions.items():
        scores = {}
        for name, docids in subsets.items():
            if not docids:
                continue
            subset = dataset.from_documents(f"test-{name}",
                                            [dataset[d] for d in docids])
            scores[name] = official.evaluate(subset, {d: preds[d][0] for d in docids},
                                             {d: preds[d][1] for d in docids})
        methods[method] = {"official": scores, "field_accuracy": _field_accuracy(test, preds),
                           "tokens": 0}
    for method in runs:
        methods[method]["review_queue"] = len(reviews[method])
        methods[method]["extraction_seconds"] = round(seconds[method], 2)
    llm_subset = None
    if provider is not None and llm_docs > 0:
        llm_subset = _llm_comparison(dataset, test, seen_layouts, predictions, set(review),
                                     provider, llm_docs, llm_cache, tick)
    return {
        "dataset": str(root), "test_documents": len(test), "train_documents": len(train),
        "val_documents": len(val),
        "clustering": {"clusters": len(by_cluster),
                       "train_purity": purity(assigned, {d.docid: d.cluster_id for d in train}),
                       "test_purity": purity(test_cluster, {d.docid: d.cluster_id for d in test}),
                       "test_unassigned": sum(1 for c in test_cluster.values() if c is None),
                       "test_unseen_layout_docs": len(subsets["unseen_layouts"])},
        "compile": {"extractors": len(extractors),
                    "passed": sum(e.passed for e in extractors.values()),
                    "model_written": False,
                    "dropped_fields": {str(c): e.dropped for c, e in extractors.items()
                                       if e.dropped}},
        "compile_model": _model_summary(recognisers, model_extractors, compile_provider,
                                        len(by_cluster), compile_attempts)
        if compile_provider is not None else None,
        "methods": methods, "llm_subset": llm_subset, "paper": PAPER,
        "leaderboard": LEADERBOARD,
        "seconds": round(time.monotonic() - started, 1),
    }


def _run_compiled(extractors: dict[int, CompiledExtractor], test: list[Doc],
                  test_cluster: dict[str, int | None], advance: Callable[[], None]
                  ) -> tuple[dict[str, tuple[list[Any], list[Any]]], list[str], float]:
    """(predictions, review queue, seconds): one sandboxed batch per cluster, zero tokens."""
    predictions: dict[str, tuple[list[Any], list[Any]]] = {}
    review = []
    groups: dict[int, list[Doc]] = defaultdict(list)
    for doc in test:
        cluster = test_cluster[doc.docid]
        if cluster is None or not extractors[cluster].passed:
            review.append(doc.docid)
            predictions[doc.docid] = ([], [])
            advance()
        else:
            groups[cluster].append(doc)
    started = time.monotonic()
    for cluster, docs in sorted(groups.items()):
        for docid, result in run_extractor(extractors[cluster], docs).items():
            predictions[docid] = to_predictions(result)
            advance()
    return predictions, review, time.monotonic() - started


def _model_summary(recognisers: dict[int, list[Recogniser]],
                   extractors: dict[int, CompiledExtractor], provider: Provider,
                   clusters_total: int, attempts: int) -> dict[str, Any]:
    """Per attempted cluster: each recogniser's compile record, and whether the extractor
    uses them; clusters not attempted (``model_clusters``) keep the induced profile."""
    clusters: dict[str, Any] = {}
    for cluster, written in sorted(recognisers.items()):
        used = bool(extractors[cluster].recognisers)
        fallback = None
        if not any(r.passed for r in written):
            fallback = "no recogniser compiled" if written else "no formatted values"
        elif not used:
            fallback = "extractor with the recognisers failed validation"
        clusters[str(cluster)] = {
            "recognisers": {r.kind: r.record() for r in written}, "used": used,
            "uses": extractors[cluster].recognisers, "fallback": fallback,
            "dropped_fields": extractors[cluster].dropped if used else None,
            "compile_tokens": sum(r.compile_tokens for r in written),
            "compile_seconds": round(sum(r.compile_seconds for r in written), 2)}
    every = [r for written in recognisers.values() for r in written]
    return {
        "model_written": True, "provider": provider.identity.model_dump(mode="json"),
        "max_attempts": attempts, "clusters_attempted": len(recognisers),
        "clusters_not_attempted": clusters_total - len(recognisers),
        "recognisers": len(every), "recognisers_passed": sum(r.passed for r in every),
        "used": sum(c["used"] for c in clusters.values()),
        "fallback_clusters": sum(1 for c in clusters.values() if not c["used"]),
        "compile_tokens": sum(r.compile_tokens for r in every),
        "compile_seconds": round(sum(r.compile_seconds for r in every), 2),
        "runtime_tokens": 0, "clusters": clusters}


def _field_accuracy(test: list[Doc], preds: dict[str, tuple[list[Any], list[Any]]]
                    ) -> dict[str, float]:
    """Per KILE field: share of annotated occurrences whose predicted words are exact."""
    hits: dict[str, list[bool]] = defaultdict(list)
    for doc in test:
        fieldtypes = sorted({a["fieldtype"] for a in doc.kile})
        want = expected_output(doc, fieldtypes)
        got = {p["fieldtype"]: p for p in reversed(preds[doc.docid][0])}
        for fieldtype in fieldtypes:
            if want[fieldtype] is None:
                continue
            mine = got.get(fieldtype)
            hits[fieldtype].append(mine is not None and mine["bbox"] == want[fieldtype]["bbox"])
    per = {k: round(sum(v) / len(v), 4) for k, v in sorted(hits.items())}
    flat = [x for v in hits.values() for x in v]
    per["_all"] = round(sum(flat) / len(flat), 4) if flat else 0.0
    return per


def _llm_comparison(dataset: Any, test: list[Doc], seen_layouts: set[Any],
                    predictions: dict[str, dict[str, tuple[list[Any], list[Any]]]],
                    review: set[str], provider: Provider, count: int,
                    cache: Path | None, tick: Tick) -> dict[str, Any]:
    """All methods on a few documents (half seen, half unseen layouts) with Direct LLM,
    and compiled with the Direct-LLM call as the fallback for unmatched documents."""
    from compiled_ai.benchmarks.docile.direct_llm import DirectLLM

    # the shortest documents first: a CPU-bound model answers them in minutes, not hours
    by_size = sorted(test, key=lambda d: (len(d.words), d.docid))
    seen = [d for d in by_size if d.cluster_id in seen_layouts]
    unseen = [d for d in by_size if d.cluster_id not in seen_layouts]
    chosen = seen[:(count + 1) // 2] + unseen[:count // 2]
    chosen += [d for d in by_size if d not in chosen][:count - len(chosen)]
    llm = DirectLLM(provider, cache or Path("docile_llm_cache.jsonl"))
    direct: dict[str, tuple[list[Any], list[Any]]] = {}
    tokens: dict[str, int] = {}
    advance = tick("LLM", len(chosen))
    for doc in chosen:
        kile, lir, used = llm.predict(doc)
        direct[doc.docid], tokens[doc.docid] = (kile, lir), used
        advance()
    fallback = {d.docid: direct[d.docid] if d.docid in review
                else predictions["compiled"][d.docid] for d in chosen}
    runs = {"rules": (predictions["rules"], 0), "direct_llm": (direct, sum(tokens.values())),
            "compiled": (predictions["compiled"], 0),
            "compiled_with_llm_fallback": (fallback, sum(tokens[d] for d in tokens
                                                         if d in review))}
    docids = [d.docid for d in chosen]
    subset = dataset.from_documents("test-llm-subset", [dataset[d] for d in docids])
    out: dict[str, Any] = {"documents": docids,
                           "unseen_layout_documents": sum(d in unseen for d in chosen)}
    for method, (preds, used) in runs.items():
        out[method] = {"official": official.evaluate(subset, {d: preds[d][0] for d in docids},
                                                     {d: preds[d][1] for d in docids}),
                       "field_accuracy": _field_accuracy(chosen, preds), "tokens": used}
    return out
