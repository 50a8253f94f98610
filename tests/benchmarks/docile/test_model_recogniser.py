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
from compiled_ai.benchmarks.docile.recogniser import compile_recogniser, recogniser_spec
from compiled_ai.benchmarks.docile.run import run_docile
from compiled_ai.providers.scripted import ScriptedProvider

DATES = (r"\d{2}[./]\d{2}[./]\d{4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+ \d{1,2}, \d{4}"
         r"|\d{1,2} [A-Z][a-z]{2} \d{4}")
IDS = r"[A-Z]{0,3}\d{4}-\d{5}"


def good_reply(function: str, kinds: list[str]) -> str:
    """A correct recogniser for every date and invoice-number format of the synthetic corpus."""
    checks = {"date": f"bool(re.fullmatch(r\"{DATES}\", text))",
              "document_id": f"bool(re.fullmatch(r\"{IDS}\", text))"}
    keys = ", ".join(f'"{k}": {checks[k]}' for k in kinds)
    return ("```python\nimport re\n\n\n"
            f"def {function}(text: str) -> {engine_result(function)}:\n"
            f"    return {{{keys}}}\n```")


def engine_result(function: str) -> str:
    return "".join(part.capitalize() for part in function.split("_")) + "Result"


def bad_reply(function: str, kinds: list[str]) -> str:
    """Syntactically fine, wrong on every value: fails the accuracy stage."""
    keys = ", ".join(f'"{k}": False' for k in kinds)
    return f"```python\ndef {function}(text: str) -> {engine_result(function)}:\n" \
           f"    return {{{keys}}}\n```"


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
    built = recogniser_spec(layout, docs[:5], held)
    assert built is not None
    spec, _bytes = built
    shown = [f for f in spec.fixtures if not f.holdout]
    hidden = [f for f in spec.fixtures if f.holdout]
    assert shown and hidden
    assert {f.input["text"] for f in shown}.isdisjoint(f.input["text"] for f in hidden)
    assert any(any(f.expected.values()) for f in shown)  # values of the layout's formats
    assert any(not any(f.expected.values()) for f in shown)  # and counter-examples
    example_values = {" ".join(w["text"] for w in words_in(d, a))
                      for d in docs[:5] for a in d.kile}
    assert all(f.input["text"] in example_values for f in shown)  # only the <= 5 examples


def test_recogniser_compiles_into_a_verified_artifact_scripted(split: tuple,
                                                               tmp_path: Path) -> None:
    train, val, _test = split
    layout, docs = max(by_layout(train).items(), key=lambda kv: (len(kv[1]), -kv[0]))
    built = recogniser_spec(layout, docs[:5], [d for d in val if d.cluster_id == layout])
    assert built is not None
    kinds = sorted(built[0].steps[0].outputs)
    function = f"recognise_layout_{layout}"
    provider = ScriptedProvider([good_reply(function, kinds)])
    recogniser = compile_recogniser(layout, docs[:5], [d for d in val if d.cluster_id == layout],
                                    provider, tmp_path)
    assert recogniser is not None and recogniser.passed, recogniser and recogniser.failures
    assert recogniser.attempts == 1 and recogniser.compile_tokens > 0
    assert recogniser.holdout_fixtures > 0
    verified = read_verified(tmp_path / f"layout_{layout}")
    assert verified.artifact_sha256 == recogniser.artifact_sha256
    assert recogniser.source == verified.files[f"steps/{function}.py"].decode()
    prompt = "\n".join(m.content for m in provider.requests[0].messages)
    for fixture in built[0].fixtures:
        assert (json.dumps(fixture.input["text"]) in prompt) == (not fixture.holdout)

    # the extractor template calls it: a document whose invoice-number label is gone
    extractor = compile_cluster(layout, docs, [d for d in val if d.cluster_id == layout],
                                recogniser)
    assert extractor.passed and f"extract(words, PROFILE, {function})" in extractor.source
    doc = docs[0]
    want = expected_output(doc, ["document_id"])["document_id"]
    assert want is not None
    profile = induce_profile(docs[:5])
    label_gone = {**profile, "fields": {k: v for k, v in profile["fields"].items()
                                        if k != "document_id"}}
    assert engine.extract(doc.words, label_gone).get("document_id") is None
    from compiled_ai.runtime.loader import load_function

    recognise = load_function(recogniser.source, function, function)
    found = engine.extract(doc.words, label_gone, recognise)["document_id"]
    assert found is not None and found["bbox"] == want["bbox"]


def test_failed_recogniser_is_reported_not_raised_scripted(split: tuple, tmp_path: Path) -> None:
    train, val, _test = split
    layout, docs = max(by_layout(train).items(), key=lambda kv: (len(kv[1]), -kv[0]))
    held = [d for d in val if d.cluster_id == layout]
    built = recogniser_spec(layout, docs[:5], held)
    assert built is not None
    kinds = sorted(built[0].steps[0].outputs)
    replies = [bad_reply(f"recognise_layout_{layout}", kinds)] * 2
    recogniser = compile_recogniser(layout, docs[:5], held, ScriptedProvider(replies), tmp_path,
                                    max_attempts=2)
    assert recogniser is not None and not recogniser.passed and not recogniser.source
    assert recogniser.attempts == 2 and recogniser.compile_tokens > 0
    assert [f["stage"] for f in recogniser.failures] == ["accuracy", "accuracy"]
    assert not (tmp_path / f"layout_{layout}").exists()


def test_run_uses_compiled_recognisers_and_falls_back_scripted(small_corpus: Path,
                                                               tmp_path: Path) -> None:
    """Every cluster gets a good reply except the first, whose three replies are wrong."""
    corpus = small_corpus
    _, train = load_docs(corpus, "train")
    _, val = load_docs(corpus, "val")
    clusters = Clusters()
    members: dict[int, list[Doc]] = defaultdict(list)
    for doc in train:
        members[clusters.add(doc.docid, doc.words)].append(doc)
    holdout = {c: [d for d in val if clusters.nearest(d.words)[0] == c] for c in members}
    replies: list[str] = []
    for cluster, docs in sorted(members.items()):
        built = recogniser_spec(cluster, docs[:5], holdout[cluster] or docs[5:])
        assert built is not None
        kinds = sorted(built[0].steps[0].outputs)
        function = f"recognise_layout_{cluster}"
        replies += [bad_reply(function, kinds)] * 3 if cluster == 0 \
            else [good_reply(function, kinds)]

    def tick(_label: str, _total: int):  # type: ignore[no-untyped-def]
        return lambda: None

    provider = ScriptedProvider(replies)
    result = run_docile(corpus, tick, compile_provider=provider, artifacts=tmp_path / "art")
    assert result["compile_model"]["clusters_not_attempted"] == 0
    model = result["compile_model"]
    assert model["recognisers"] == len(members) and model["runtime_tokens"] == 0
    assert model["recognisers_passed"] == len(members) - 1
    assert model["clusters"]["0"]["fallback"] == "recogniser failed to compile"
    assert model["clusters"]["0"]["attempts"] == 3
    assert model["fallback_clusters"] >= 1 and model["used"] >= 1
    assert (tmp_path / "art" / "failed" / "layout_0.json").is_file()
    assert model["compile_tokens"] == sum(c.get("compile_tokens", 0)
                                          for c in model["clusters"].values())
    assert all(c["compile_seconds"] >= 0 for c in model["clusters"].values() if c["kinds"])
    assert len(provider.requests) == len(replies)  # every scripted reply was asked for
    methods = result["methods"]
    assert methods["compiled_model"]["tokens"] == 0
    seen = methods["compiled_model"]["official"]["seen_layouts"]["kile"]["primary"]
    assert seen >= methods["compiled"]["official"]["seen_layouts"]["kile"]["primary"] - 0.02
    used = [c for c, info in model["clusters"].items() if info["used"]]
    for cluster in used:
        assert read_verified(tmp_path / "art" / f"layout_{cluster}").manifest.steps


def test_model_clusters_caps_the_compiles_scripted(small_corpus: Path, tmp_path: Path) -> None:
    """One cluster attempted, its two replies wrong: nothing used, the run still scores."""
    _, train = load_docs(small_corpus, "train")
    clusters = Clusters()
    members: dict[int, list[Doc]] = defaultdict(list)
    for doc in train:
        members[clusters.add(doc.docid, doc.words)].append(doc)
    first = sorted(members, key=lambda c: (-len(members[c]), c))[0]
    built = recogniser_spec(first, members[first][:5], members[first][5:])
    assert built is not None
    replies = [bad_reply(f"recognise_layout_{first}", sorted(built[0].steps[0].outputs))] * 2
    result = run_docile(small_corpus, lambda _l, _t: (lambda: None),
                        compile_provider=ScriptedProvider(replies), artifacts=tmp_path,
                        model_clusters=1, compile_attempts=2)
    model = result["compile_model"]
    assert model["clusters_attempted"] == 1 and model["used"] == 0
    assert model["clusters_not_attempted"] == len(members) - 1
    assert model["clusters"][str(first)]["attempts"] == 2
    same = result["methods"]["compiled_model"]["official"]["all"]
    assert same == result["methods"]["compiled"]["official"]["all"]  # the induced fallback
