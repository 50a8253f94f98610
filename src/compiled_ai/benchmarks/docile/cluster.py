"""Group documents by layout without a model: keyword-and-position fingerprints.

A fingerprint is the set of first-page words that look like labels (letters only,
three or more) tagged with a coarse page cell. Two invoices from the same vendor
template share their labels in the same places and differ in customer names and
numbers, so their Jaccard similarity is high; different templates share little.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from compiled_ai.benchmarks.docile.engine import center, norm

THRESHOLD = 0.45
HEADER_BAND = 0.4  # top of the first page: labels and vendor; below, rows vary per document


def fingerprint(words: list[dict[str, Any]]) -> frozenset[str]:
    keys = set()
    for word in words:
        if word["page"] != 0 or center(word)[1] > HEADER_BAND:
            continue
        key = norm(word["text"])
        if len(key) < 3 or not word["text"].strip(":.#").isalpha():
            continue
        x, y = center(word)
        keys.add(f"{key}@{int(x * 4)},{int(y * 10)}")
    return frozenset(keys)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def containment(core: frozenset[str], print_: frozenset[str]) -> float:
    """How much of a layout's stable core a document shows."""
    return len(core & print_) / len(core) if core else 0.0


@dataclass
class Clusters:
    """Greedy clustering against each cluster's core: the keys most of its members share.

    Customer names and numbers drop out of the core as members accumulate, so a
    cluster is matched on its labels and vendor block.
    """

    threshold: float = THRESHOLD
    prints: list[list[frozenset[str]]] = field(default_factory=list)
    members: list[list[str]] = field(default_factory=list)

    def core(self, index: int) -> frozenset[str]:
        prints = self.prints[index]
        counts: dict[str, int] = {}
        for print_ in prints:
            for key in print_:
                counts[key] = counts.get(key, 0) + 1
        return frozenset(k for k, n in counts.items() if 2 * n >= len(prints))

    def nearest(self, words: list[dict[str, Any]]) -> tuple[int | None, float]:
        """(cluster, similarity); cluster is None when no layout is similar enough."""
        print_ = fingerprint(words)
        best, score = None, 0.0
        for index in range(len(self.prints)):
            similarity = containment(self.core(index), print_)
            if similarity > score:
                best, score = index, similarity
        return (best if score >= self.threshold else None), round(score, 4)

    def add(self, docid: str, words: list[dict[str, Any]]) -> int:
        index, _score = self.nearest(words)
        if index is None:
            self.prints.append([])
            self.members.append([])
            index = len(self.members) - 1
        self.prints[index].append(fingerprint(words))
        self.members[index].append(docid)
        return index


def purity(assigned: Mapping[str, int | None], truth: dict[str, Any]) -> float:
    """Share of documents whose cluster's majority true layout is their own layout."""
    groups: dict[int, list[Any]] = {}
    for docid, cluster in assigned.items():
        if cluster is not None:
            groups.setdefault(cluster, []).append(truth[docid])
    total = sum(len(g) for g in groups.values())
    agree = sum(max(g.count(v) for v in set(g)) for g in groups.values())
    return round(agree / total, 4) if total else 0.0
