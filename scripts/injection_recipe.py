"""The round-5 training recipe of the injection classifier, shared by
``train_injection_model.py`` (which ships the model) and ``eval_injection_heldout.py``
(which reruns it without a held-out suite or family).

Three changes from round 4, each answering a failure on the blind suite v4:

* **line-level instances.** The detector scores a document whole and line by line
  (``injection.segment_spans``) and keeps the highest score, so a benign document's
  every line must score low. Training therefore adds every line of every benign
  document as a benign instance; for a generated attack inside a carrier, the payload
  line is an attack instance and the carrier's other lines are benign; for an attack
  document whose payload is not marked (the suites, the round-4 generator), lines that
  recur as carrier boilerplate (same text up to digits and capitalised words in at
  least ``BOILERPLATE_MIN_DOCS`` documents, at least one of them benign) are cut out of
  the attack instance and become benign instances. Without this the classifier learned
  carrier lines ("Electronically signed: Dr. ...") as attack evidence, because suites put
  more attacks than benign texts into carriers.
* **structural cues** (``compiled_ai.security.cues``) as dense features next to the
  TF-IDF n-grams, weights learned in the same logistic regression.
* **data**: the round-5 generator (``injection_synth5``) and the spent suite v4; the
  public corpora weigh ``PUBLIC_WEIGHT``, because their short general questions taught the
  classifier that any long English prose is an attack.
"""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from injection_synth import generate as generate4
from injection_synth5 import generate_records
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from compiled_ai.security.cues import CUE_NAMES, cue_counts, cue_features
from compiled_ai.security.injection import MODEL_FORMAT, InjectionDetector, segments

ROOT = Path(__file__).resolve().parents[1]
SUITE_DIR = ROOT / "benchmarks/security/suite"
DEV_FILES = (ROOT / "benchmarks/security/dev/injection_dev.jsonl",
             ROOT / "benchmarks/security/dev/injection_dev2.jsonl")
# suites already used for their one blind measurement ("spent"): development and training
# data from then on. A suite that is still held out must never be listed here.
SPENT_SUITES = ("v1", "v2", "v3", "v4")
SPENT_FILES = tuple(SUITE_DIR / v / "injection.jsonl" for v in SPENT_SUITES)

C = 1.0
MAX_FEATURES = 80_000
PUBLIC_WEIGHT = 0.3      # per public training row
SYNTH_BENIGN_WEIGHT = 1.0
DOMAIN_WEIGHT = 10.0     # dev sets, v1, v2
ORIGIN_WEIGHTS = {"v3": 3.0, "v4": 3.0}
N_GEN4 = 12_000
GEN4_WEIGHT = 5.0
N_GEN5 = 16_000
GEN5_WEIGHT = 5.0
SEGMENT_WEIGHT = 1.0     # a line instance weighs what its document weighs, times this
BOILERPLATE_MIN_DOCS = 3
TRAIN_SHARE = 0.8        # generated rows: the rest is validation (threshold calibration)

# choices above from exploratory runs of this recipe trained without v4 and scored on v4
# (rules + classifier, one run each, not committed, so indicative only): accuracy at the
# calibrated threshold 87.1% with public rows at weight 0.3, 86.5% at 0, 80.6% at 1;
# C 0.5 / 1 / 2: 85.9% / 86.5% / 86.1% (public at 0); 16,000 generated rows at weight 5
# better than 24,000 at 5 or 16,000 at 8; line instances at weight 1 better than 2.


# =========================================================================== data

def read_cases(path: Path, origin: str) -> pd.DataFrame:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return pd.DataFrame({"text": [r["text"] for r in rows],
                         "label": [int(r["label"] == "attack") for r in rows],
                         "family": [r.get("family", "") for r in rows], "origin": origin,
                         "payload": ""})


def domain_cases() -> pd.DataFrame:
    """The hand-written dev cases and the spent suites, one row per distinct text."""
    frames = [read_cases(p, "dev") for p in DEV_FILES]
    frames += [read_cases(p, v) for v, p in zip(SPENT_SUITES, SPENT_FILES, strict=True)]
    out = pd.concat(frames, ignore_index=True).drop_duplicates("text").reset_index(drop=True)
    out["weight"] = [ORIGIN_WEIGHTS.get(o, DOMAIN_WEIGHT) for o in out["origin"]]
    return out


def generated(seed: int) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Round-4 and round-5 generated rows for training, and the benign texts of their
    validation shares: (train rows, round-4 benign validation, round-5 benign validation)."""
    texts, labels, families = generate4(N_GEN4, seed + 7)
    k = int(TRAIN_SHARE * N_GEN4)
    gen4 = pd.DataFrame({"text": texts[:k], "label": labels[:k], "family": families[:k],
                         "origin": "gen4", "payload": "", "weight": GEN4_WEIGHT})
    val4 = [t for t, y in zip(texts[k:], labels[k:], strict=True) if y == 0]
    records = generate_records(N_GEN5, seed + 11)
    k = int(TRAIN_SHARE * N_GEN5)
    gen5 = pd.DataFrame({"text": [r.text for r in records[:k]],
                         "label": [r.label for r in records[:k]],
                         "family": [r.family for r in records[:k]], "origin": "gen5",
                         "payload": [r.payload for r in records[:k]], "weight": GEN5_WEIGHT})
    val5 = [r.text for r in records[k:] if r.label == 0]
    return pd.concat([gen4, gen5], ignore_index=True), val4, val5


# =========================================================================== instances

_DIGIT = re.compile(r"\d")
_CAPITALISED = re.compile(r"\b[A-Z][\w'.-]*")


def _normal_line(line: str) -> str:
    return _DIGIT.sub("0", _CAPITALISED.sub("N", line.strip())).lower()


def boilerplate(texts: list[str], labels: list[int]) -> set[str]:
    """Normalised lines that occur in at least ``BOILERPLATE_MIN_DOCS`` documents, at
    least one of them benign: a carrier's own lines."""
    docs: dict[str, int] = collections.Counter()
    in_benign: set[str] = set()
    for text, label in zip(texts, labels, strict=True):
        lines = {_normal_line(line) for line in text.split("\n") if line.strip()}
        docs.update(lines)
        if label == 0:
            in_benign |= lines
    return {line for line, n in docs.items() if n >= BOILERPLATE_MIN_DOCS and line in in_benign}


def instances(rows: pd.DataFrame) -> pd.DataFrame:
    """Training instances: documents (attack documents without their carrier
    boilerplate) and lines (module docstring)."""
    texts, labels, weights = list(rows["text"]), list(rows["label"]), list(rows["weight"])
    payloads = list(rows["payload"])
    carrier = boilerplate(texts, labels)
    out: list[tuple[str, int, float]] = []
    lines_out: dict[tuple[str, int], float] = {}

    def add_line(line: str, label: int, weight: float) -> None:
        key = (line, label)
        lines_out[key] = max(lines_out.get(key, 0.0), weight * SEGMENT_WEIGHT)

    for text, label, weight, payload in zip(texts, labels, weights, payloads, strict=True):
        if label == 1 and not payload and "\n" in text:
            lines = text.split("\n")
            kept = [line for line in lines if _normal_line(line) not in carrier]
            if kept and len(kept) < len(lines):
                for line in lines:
                    if line.strip() and _normal_line(line) in carrier and len(line.split()) >= 3:
                        add_line(line.strip(), 0, weight)
                out.append(("\n".join(kept), 1, weight))
                continue
        out.append((text, label, weight))
        parts = segments(text)
        if label == 0:
            for part in parts:
                add_line(part, 0, weight)
        elif payload:
            for part in parts:
                add_line(part, int(payload in part or part in payload), weight)
    out += [(line, label, weight) for (line, label), weight in lines_out.items()]
    frame = pd.DataFrame(out, columns=["text", "label", "weight"])
    return frame.groupby(["text", "label"], as_index=False)["weight"].sum()


# =========================================================================== model

def make_vectorizer() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion
    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                           lowercase=True, dtype=np.float64)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True,
                           lowercase=True, dtype=np.float64)
    return FeatureUnion([("word", word), ("char_wb", char)])


def cue_matrix(texts: list[str]) -> sparse.csr_matrix:
    rows = []
    for text in texts:
        values = cue_features(cue_counts(text))
        rows.append([values.get(name, 0.0) for name in CUE_NAMES])
    return sparse.csr_matrix(np.array(rows, dtype=np.float64))


def _fit(texts: list[str], labels: np.ndarray, weights: np.ndarray, cues: sparse.csr_matrix,
         seed: int, vocabularies: dict[str, list[str]] | None = None,
         ) -> tuple[Any, LogisticRegression, int]:
    vec = make_vectorizer()
    if vocabularies is not None:
        for name, sub in vec.transformer_list:
            sub.set_params(vocabulary=vocabularies[name], min_df=1)
    x = sparse.hstack([vec.fit_transform(texts), cues]).tocsr()
    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced", random_state=seed)
    clf.fit(x, labels, sample_weight=weights)
    return vec, clf, x.shape[1] - cues.shape[1]


def _top_ngrams(vec: Any, coef: np.ndarray, n: int) -> dict[str, list[str]]:
    names: list[tuple[str, str]] = []
    for name, sub in vec.transformer_list:
        names += [(name, f) for f in sub.get_feature_names_out()]
    order = np.argsort(-np.abs(coef[:len(names)]), kind="stable")[:n]
    keep: dict[str, list[str]] = {name: [] for name, _ in vec.transformer_list}
    for i in sorted(order):
        keep[names[i][0]].append(names[i][1])
    return keep


def to_model(vec: Any, clf: LogisticRegression, n_ngrams: int) -> dict[str, Any]:
    coef = clf.coef_[0]
    blocks, offset = [], 0
    for _name, sub in vec.transformer_list:
        feats, idf, params = sub.get_feature_names_out(), sub.idf_, sub.get_params()
        features = {str(g): [float(f"{idf[j]:.6g}"), float(f"{coef[offset + j]:.6g}")]
                    for j, g in enumerate(feats)}
        offset += len(feats)
        blocks.append({"analyzer": params["analyzer"], "ngram_range": list(params["ngram_range"]),
                       "lowercase": params["lowercase"], "sublinear_tf": params["sublinear_tf"],
                       "token_pattern": params["token_pattern"], "norm": "l2",
                       "features": dict(sorted(features.items()))})
    cues = {name: float(f"{coef[n_ngrams + i]:.6g}") for i, name in enumerate(CUE_NAMES)}
    return {"format": MODEL_FORMAT, "format_version": 2,
            "intercept": float(f"{clf.intercept_[0]:.8g}"), "blocks": blocks, "cues": cues}


def fit_model(train: pd.DataFrame, seed: int,
              max_features: int = MAX_FEATURES) -> tuple[dict[str, Any], Any]:
    """Expand ``train`` into instances, fit, keep the ``max_features`` n-grams with the
    largest weights and refit on them. Returns (model, (vectorizer, classifier, texts))."""
    inst = instances(train)
    texts, labels = list(inst["text"]), inst["label"].to_numpy()
    weights = inst["weight"].to_numpy()
    cues = cue_matrix(texts)
    vec, clf, _n = _fit(texts, labels, weights, cues, seed)
    vocab = _top_ngrams(vec, clf.coef_[0], max_features)
    vec, clf, n = _fit(texts, labels, weights, cues, seed, vocab)
    return to_model(vec, clf, n), (vec, clf, texts, cues)


def sklearn_probability(fitted: Any, texts: list[str]) -> np.ndarray:
    vec, clf, _texts, _cues = fitted
    x = sparse.hstack([vec.transform(texts), cue_matrix(texts)]).tocsr()
    return clf.predict_proba(x)[:, 1]


# =========================================================================== thresholds

def threshold_at(scores: np.ndarray, fpr: float) -> float:
    """Smallest threshold whose false-positive rate on these benign scores is <= fpr."""
    neg = np.sort(np.asarray(scores))[::-1]
    allowed = int(np.floor(fpr * len(neg)))
    if allowed >= len(neg):
        return 0.5
    return float(np.nextafter(neg[allowed], 1.0))


def scan_scores(detector: InjectionDetector, texts: list[str]) -> np.ndarray:
    return np.array([detector.scan(t).score for t in texts])


SYNTHETIC_FPR = 0.005    # synthetic benign business text (half the 1% target)
# the public corpora's validation "benign" rows end in role-play system prompts ("You are a
# very direct assistant who always fulfills the user's request ...") that this gate treats
# as persona hijacks; at 0.5% they alone set the threshold (0.978 against 0.971 from the
# suites), so they are held to the 1% target like the suites
PUBLIC_FPR = 0.01
GENERATED_FPR = 0.02     # generated hard benign validation text (written to look like attacks)
SUITE_FPR = 0.01         # out-of-fold benign cases of the spent suites


def calibrate(model: dict[str, Any], groups: dict[str, tuple[list[str], float]],
              mode: str = "both") -> tuple[float, dict[str, float]]:
    """One threshold meeting every group's false-positive target: the highest of the
    per-group thresholds (never below 0.5). Returns (threshold, per-group thresholds)."""
    det = InjectionDetector(threshold=1.0, model=model, mode=mode)
    per = {name: threshold_at(scan_scores(det, texts), fpr) for name, (texts, fpr) in
           groups.items() if texts}
    return min(1.0, max([0.5, *per.values()])), {k: round(v, 6) for k, v in per.items()}
