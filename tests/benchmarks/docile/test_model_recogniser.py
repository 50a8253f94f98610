"""The model-written recogniser: compiled through the compiler, called by the extractor
template, and the induced-only fallback when it fails (scripted model replies)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from compiled_ai.artifacts.store import read_verified
from compiled_ai.benchmarks.docile import engine
from compiled_ai.benchmarks.docile.cluster import Clusters
from compiled_ai.benchmarks.docile.compiled import compile_cluster
from compiled_ai.benchmarks.docile.induce import expected_output, induce_profile, words_in
from compiled_ai.benchmarks.docile.loader import Doc, load_docs
from compiled_ai.benchmarks.docile.recogniser import (
    compile_recogniser,
    compile_recognisers,
    recogniser_spec,
)
from compiled_ai.benchmarks.docile.run import run_docile
from compiled_ai.providers.scripted import ScriptedProvider

DATES = (r"\d{2}[./]\d{2}[./]\d{4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+ \d{1,2}, \d{4}"
         r"|\d{1,2} [A-Z][a-z]{2} \d{4}")
IDS = r"[A-Z]{0,3}\d{4}-\d{5}"


def good_reply(function: str, kind: str) -> str:
    """A correct recogniser for every date or invoice-number format of the synthetic corpus."""
    pattern = DATES if kind == "date" else IDS
    return ("```python\nimport re\n\n\n"
            f"def {function}(text: str) -> {result_type(function)}:\n"
            f"    return {{\"{kind}\": bool(re.fullmatch(r\"{pattern}\", text))}}\n```")


def result_type(function: str) -> str:
    return "".join(part.capitalize() for part in function.split("_")) + "Result"


def bad_reply(function: str, kind: str) -> str:
    """Syntactically fine, wrong on every value: fails the accuracy stage."""
    return f"```python\ndef {function}(text: str) -> {result_type(function)}:\n" \
           f"    return {{\"{kind}\": False}}\n```"


def by_layout(docs: list[Doc]) -> dict[int, list[Doc]]:
    out: dict[int, list[Doc]] = defaultdict(list)
    for doc in docs:
        assert doc.cluster_id is not None
        out[doc.cluster_id].append(doc)
    return out


@pytest.fixture(scope="module")
def split(corpus: Path) -> tuple[list[Doc], list[Doc], list[Doc]]:
    return load_docs(corpus, "train")[1], load_docs(corpus, "val")[1], load_docs(corpus, "test")[1]


def test_recogniser_spec_keeps_holdouts_out_of_the_examples(split: tuple) -> None:
    train, val, _test = split
    layout, docs = max(by_layout(train).items(), key=lambda kv: (len(kv[1]), -kv[0]))
    held = [d for d in val if d.cluster_id == layout]
    built = recogniser_spec(layout, "document_id", docs[:5], held)
    assert built is not None
    spec, _bytes = built
    shown = [f for f in spec.fixtures if not f.holdout]
    hidden = [f for f in spec.fixtures if f.holdout]
    assert shown and hidden
    assert {f.input["text"] for f in shown}.isdisjoint(f.input["text"] for f in hidden)
    assert any(f.expected == {"document_id": True} for f in shown)  # the layout's values
    assert any(f.expected == {"document_id": False} for f in shown)  # and counter-examples
    dates = {" ".join(w["text"] for w in words_in(d, a)) for d in docs[:5] for a in d.kile
             if a["fieldtype"] in ("date_issue", "date_due")}
    assert any(f.input["text"] in dates for f in shown if not f.expected["document_id"])
    example_values = {" ".join(w["text"] for w in words_in(d, a))
                      for d in docs[:5] for a in d.kile}
    assert all(f.input["text"] in example_values for f in shown)  # only the <= 5 examples


def test_recogniser_compiles_into_a_verified_artifact_scripted(split: tuple,
                                                               tmp_path: Path) -> None:
    train, val, _test = split
    layout, docs = max(by_layout(train).items(), key=lambda kv: (len(kv[1]), -kv[0]))
    held = [d for d in val if d.cluster_id == layout]
    provider = ScriptedProvider([good_reply(f"recognise_{kind}_layout_{layout}", kind)
                                 for kind in ("date", "document_id")])
    written = compile_recognisers(layout, docs[:5], held, provider, tmp_path)
    assert [r.kind for r in written] == ["date", "document_id"]
    for recogniser, request in zip(written, provider.requests, strict=True):
        assert recogniser.passed, recogniser.failures
        assert recogniser.attempts == 1 and recogniser.compile_tokens > 0
        assert recogniser.holdout_fixtures > 0
        verified = read_verified(tmp_path / f"layout_{layout}_{recogniser.kind}")
        assert verified.artifact_sha256 == recogniser.artifact_sha256
        assert recogniser.source == verified.files[f"steps/{recogniser.function}.py"].decode()
        built = recogniser_spec(layout, recogniser.kind, docs[:5], held)
        assert built is not None
        prompt = "\n".join(m.content for m in request.messages)
        for fixture in built[0].fixtures:
            assert (json.dumps(fixture.input["text"]) in prompt) == (not fixture.holdout)
    function = written[1].function

    # the extractor template calls it: a document whose invoice-number label is gone
    extractor = compile_cluster(layout, docs, held, written)
    assert extractor.passed
    assert "extract(words, PROFILE, recognise_values, None)" in extractor.source
    assert extractor.model_parts == [r.function for r in written]
    doc = docs[0]
    want = expected_output(doc, ["document_id"])["document_id"]
    assert want is not None
    profile = induce_profile(docs[:5])
    label_gone = {**profile, "fields": {k: v for k, v in profile["fields"].items()
                                        if k != "document_id"}}
    assert engine.extract(doc.words, label_gone).get("document_id") is None
    from compiled_ai.runtime.loader import load_function

    recognise = load_function(written[1].source, function, function)
    found = engine.extract(doc.words, label_gone, recognise)["document_id"]
    assert found is not None and found["bbox"] == want["bbox"]


def test_failed_recogniser_is_reported_not_raised_scripted(split: tuple, tmp_path: Path) -> None:
    train, val, _test = split
    layout, docs = max(by_layout(train).items(), key=lambda kv: (len(kv[1]), -kv[0]))
    held = [d for d in val if d.cluster_id == layout]
    replies = [bad_reply(f"recognise_date_layout_{layout}", "date")] * 2
    recogniser = compile_recogniser(layout, "date", docs[:5], held, ScriptedProvider(replies),
                                    tmp_path, max_attempts=2)
    assert recogniser is not None and not recogniser.passed and not recogniser.source
    assert recogniser.attempts == 2 and recogniser.compile_tokens > 0
    assert [f["stage"] for f in recogniser.failures] == ["accuracy", "accuracy"]
    assert not (tmp_path / f"layout_{layout}_date").exists()
    report = json.loads((tmp_path / "failed" / f"layout_{layout}_date.json").read_text())
    assert len(report) == 2 and all("def recognise_date_layout" in a["code"] for a in report)


def test_run_uses_compiled_recognisers_and_falls_back_scripted(small_corpus: Path,
                                                               tmp_path: Path) -> None:
    """Every cluster gets a good reply except the first, whose three replies are wrong."""
    corpus = small_corpus
    _, train = load_docs(corpus, "train")
    clusters = Clusters()
    members: dict[int, list[Doc]] = defaultdict(list)
    for doc in train:
        members[clusters.add(doc.docid, doc.words)].append(doc)
    replies: list[str] = []
    for cluster in sorted(members):
        for kind in ("date", "document_id"):
            function = f"recognise_{kind}_layout_{cluster}"
            replies += [bad_reply(function, kind)] * 3 if cluster == 0 \
                else [good_reply(function, kind)]

    def tick(_label: str, _total: int):  # type: ignore[no-untyped-def]
        return lambda: None

    provider = ScriptedProvider(replies)
    result = run_docile(corpus, tick, compile_provider=provider, artifacts=tmp_path / "art",
                        model_writes="recognisers")
    assert result["compile_model"]["clusters_not_attempted"] == 0
    model = result["compile_model"]
    assert model["recognisers"] == 2 * len(members) and model["runtime_tokens"] == 0
    assert model["recognisers_passed"] == 2 * len(members) - 2
    first = model["clusters"]["0"]
    assert first["fallback"] == "no recogniser compiled" and not first["used"]
    assert [r["attempts"] for r in first["recognisers"].values()] == [3, 3]
    assert model["fallback_clusters"] >= 1 and model["used"] >= 1
    assert (tmp_path / "art" / "failed" / "layout_0_date.json").is_file()
    assert model["compile_tokens"] == sum(c.get("compile_tokens", 0)
                                          for c in model["clusters"].values())
    assert all(c["compile_seconds"] >= 0 for c in model["clusters"].values())
    assert len(provider.requests) == len(replies)  # every scripted reply was asked for
    methods = result["methods"]
    assert methods["compiled_model"]["tokens"] == 0
    seen = methods["compiled_model"]["official"]["seen_layouts"]["kile"]["primary"]
    assert seen >= methods["compiled"]["official"]["seen_layouts"]["kile"]["primary"] - 0.02
    used = [c for c, info in model["clusters"].items() if info["used"]]
    for cluster in used:
        for kind in ("date", "document_id"):
            assert read_verified(tmp_path / "art" / f"layout_{cluster}_{kind}").manifest.steps


def test_model_clusters_caps_the_compiles_scripted(small_corpus: Path, tmp_path: Path) -> None:
    """One cluster attempted, its two replies wrong: nothing used, the run still scores."""
    _, train = load_docs(small_corpus, "train")
    clusters = Clusters()
    members: dict[int, list[Doc]] = defaultdict(list)
    for doc in train:
        members[clusters.add(doc.docid, doc.words)].append(doc)
    first = sorted(members, key=lambda c: (-len(members[c]), c))[0]
    replies = [bad_reply(f"recognise_{kind}_layout_{first}", kind)
               for kind in ("date", "document_id") for _ in range(2)]
    result = run_docile(small_corpus, lambda _l, _t: (lambda: None),
                        compile_provider=ScriptedProvider(replies), artifacts=tmp_path,
                        model_clusters=1, compile_attempts=2, model_writes="recognisers")
    model = result["compile_model"]
    assert model["clusters_attempted"] == 1 and model["used"] == 0
    assert model["clusters_not_attempted"] == len(members) - 1
    assert [r["attempts"] for r in model["clusters"][str(first)]["recognisers"].values()] \
        == [2, 2]
    same = result["methods"]["compiled_model"]["official"]["all"]
    assert same == result["methods"]["compiled"]["official"]["all"]  # the induced fallback


def test_a_rerun_replaces_the_earlier_outcome_of_a_recogniser_scripted(
        split: tuple, tmp_path: Path) -> None:
    train, val, _test = split
    layout, docs = max(by_layout(train).items(), key=lambda kv: (len(kv[1]), -kv[0]))
    held = [d for d in val if d.cluster_id == layout]
    function = f"recognise_date_layout_{layout}"
    report = tmp_path / "failed" / f"layout_{layout}_date.json"
    compile_recogniser(layout, "date", docs[:5], held,
                       ScriptedProvider([bad_reply(function, "date")]), tmp_path, max_attempts=1)
    assert report.is_file()
    passed = compile_recogniser(layout, "date", docs[:5], held,
                                ScriptedProvider([good_reply(function, "date")]), tmp_path,
                                max_attempts=1)
    assert passed is not None and passed.passed
    assert not report.exists() and (tmp_path / f"layout_{layout}_date").is_dir()
    compile_recogniser(layout, "date", docs[:5], held,
                       ScriptedProvider([bad_reply(function, "date")]), tmp_path, max_attempts=1)
    assert report.is_file() and not (tmp_path / f"layout_{layout}_date").exists()
