"""The DocILE benchmark run: cluster, compile, extract, score with the official metrics.

Methods side by side on the test split: ``rules`` (generic keywords, no model, no
training data), ``compiled`` (one validated extractor per layout cluster, induced
profile only; test documents of layouts no cluster matches go to the review queue
and get no predictions) and, given a compile provider, ``compiled_model``: per cluster
the model writes, through the compiler, the field locator (``locator``: every field
found in the layout text; the default), one locator per field (``field_locators``: the
fields that fail keep their induced rule) or value recognisers (``recogniser``, called by
the induced extractor when a label is missing); a cluster whose model-written part or
combined extractor fails keeps its induced-only extractor, and is counted. With locators
the run also scores ``model_written_only``: only the clusters whose extractor holds
model-written code, every other cluster's documents sent to review. Scores: the official
KILE AP / LIR F1 (and their text-exact variants) from ``docile-benchmark``, overall and on
documents of seen and unseen layouts, plus per-field accuracy (the predicted words equal the
annotated words).
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
    layout_table,
    run_extractor,
    to_predictions,
)
from compiled_ai.benchmarks.docile.field_locators import (
    combined_locator,
    compile_field_locators,
)
from compiled_ai.benchmarks.docile.induce import expected_output
from compiled_ai.benchmarks.docile.loader import Doc, load_docs
from compiled_ai.benchmarks.docile.locator import compile_locator
from compiled_ai.benchmarks.docile.model_part import ModelPart
from compiled_ai.benchmarks.docile.recogniser import compile_recognisers
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
               compile_attempts: int = 3, model_writes: str = "fields") -> dict[str, Any]:
    """``model_writes``: what the model writes per cluster, "fields" (the field locator,
    ``locator``), "each-field" (a locator per field, ``field_locators``) or "recognisers"
    (value recognisers, ``recogniser``). ``model_clusters``
    caps how many clusters (the largest first) get model-written code: on a slow CPU model
    the others keep the induced profile, and are counted."""
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
    written: dict[int, list[ModelPart]] = {}
    left_out: dict[int, list[str]] = {}  # compiled field locators the extractor cannot take
    if compile_provider is not None:
        chosen = sorted(by_cluster, key=lambda c: (-len(by_cluster[c]), c))[:model_clusters]
        advance = tick("model", len(chosen))
        model_extractors = dict(extractors)  # the fallback: induced only
        folder = artifacts or root.parent / "docile_artifacts"
        for cluster in sorted(chosen):
            docs = by_cluster[cluster]
            held = holdouts[cluster] or docs[MAX_EXAMPLES:]
            if model_writes == "recognisers":
                written[cluster] = compile_recognisers(
                    cluster, docs[:MAX_EXAMPLES], held, compile_provider, folder,
                    max_attempts=compile_attempts)
                kwargs: dict[str, Any] = {"recognisers": written[cluster]}
            elif model_writes == "each-field":
                written[cluster] = compile_field_locators(
                    cluster, docs[:MAX_EXAMPLES], held, layout_table(docs), compile_provider,
                    folder, max_attempts=compile_attempts)
                part, left_out[cluster] = combined_locator(cluster, written[cluster])
                kwargs = {"locator": part}
            else:
                part = compile_locator(cluster, docs[:MAX_EXAMPLES], held, layout_table(docs),
                                       compile_provider, folder, max_attempts=compile_attempts)
                written[cluster] = [part] if part is not None else []
                kwargs = {"locator": part}
            if any(p.passed for p in written[cluster]):
                combined = compile_cluster(cluster, docs, holdouts[cluster], **kwargs)
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
        if model_writes != "recognisers":  # clusters with model-written code; others to review
            runs["model_written_only"] = {c: e for c, e in model_extractors.items()
                                          if e.model_parts}
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
        "compile_model": _model_summary(written, model_extractors, compile_provider,
                                        len(by_cluster), compile_attempts, model_writes,
                                        left_out)
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
        if cluster is None or cluster not in extractors or not extractors[cluster].passed:
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


def _model_summary(written: dict[int, list[ModelPart]],
                   extractors: dict[int, CompiledExtractor], provider: Provider,
                   clusters_total: int, attempts: int, model_writes: str,
                   left_out: dict[int, list[str]]) -> dict[str, Any]:
    """Per attempted cluster: each model-written part's compile record, and whether the
    extractor uses them; clusters not attempted (``model_clusters``) keep the induced
    profile."""
    clusters: dict[str, Any] = {}
    what = "recogniser" if model_writes == "recognisers" else "locator"
    noun = f"{what}s"
    for cluster, parts in sorted(written.items()):
        used = bool(extractors[cluster].model_parts)
        fallback = None
        if not any(p.passed for p in parts):
            fallback = f"no {what} compiled" if parts else "nothing for the model to write"
        elif not used:
            fallback = f"extractor with the {what} failed validation"
        clusters[str(cluster)] = {
            noun: {p.kind: p.record() for p in parts}, "used": used,
            "uses": extractors[cluster].model_parts, "fallback": fallback,
            "dropped_fields": extractors[cluster].dropped if used else None,
            **({"left_out": left_out[cluster]} if cluster in left_out else {}),
            "compile_tokens": sum(p.compile_tokens for p in parts),
            "compile_seconds": round(sum(p.compile_seconds for p in parts), 2)}
    every = [p for parts in written.values() for p in parts]
    return {
        "model_written": True, "model_writes": model_writes,
        "provider": provider.identity.model_dump(mode="json"),
        "max_attempts": attempts, "clusters_attempted": len(written),
        "clusters_not_attempted": clusters_total - len(written),
        noun: len(every), f"{noun}_passed": sum(p.passed for p in every),
        "used": sum(c["used"] for c in clusters.values()),
        "fallback_clusters": sum(1 for c in clusters.values() if not c["used"]),
        "compile_tokens": sum(p.compile_tokens for p in every),
        "compile_seconds": round(sum(p.compile_seconds for p in every), 2),
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
