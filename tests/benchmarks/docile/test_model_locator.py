"""The model-written field locator: the layout text it reads, its compile through the
compiler, the extractor template that turns its answer into words and boxes, and the run
with it (scripted model replies: a locator written from the induced profile)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compiled_ai.artifacts.canonical import canonical_json
from compiled_ai.artifacts.store import read_verified
from compiled_ai.benchmarks.docile import engine, locator
from compiled_ai.benchmarks.docile.compiled import compile_cluster, run_extractor
from compiled_ai.benchmarks.docile.induce import expected_output, induce_profile, words_in
from compiled_ai.benchmarks.docile.loader import Doc
from compiled_ai.benchmarks.docile.run import run_docile
from compiled_ai.compiler import CompileOptions, compile_spec
from compiled_ai.providers.scripted import ScriptedProvider
from tests.benchmarks.docile.clusters import members

HELPERS = locator.DEMO_ANSWER.split("```python\n")[1].split("\ndef locate_fields_of_invoice")[0]


def result_type(function: str) -> str:
    return "".join(part.capitalize() for part in function.split("_")) + "Result"


def profile_reply(cluster: int, examples: list[Doc], table: dict[str, Any]) -> str:
    """A locator in the worked example's style, written from the induced profile: what a
    model that read the examples well would write (labels, places, line counts)."""
    profile = induce_profile(examples)
    function = f"locate_fields_layout_{cluster}"
    _given, expected = locator.located_fixture(examples[0], sorted(profile["fields"]), table)
    calls = []
    for name, rule in sorted(profile["fields"].items()):
        label = " ".join(rule.get("label", []))
        if rule["kind"] == "right":
            call = f"right_of(lines, {label!r}, skip={rule.get('skip', 0)})"
        elif rule["kind"] == "below":
            call = (f"below(lines, {label!r}, count={rule.get('lines', 1)}, "
                    f"skip={rule.get('skip_lines', 0)})")
        elif expected.get(name):
            row, column, _text = expected[name]
            count = len({round(engine.center(w)[1], 3) for w in _words(examples[0], name)})
            call = f"place(lines, {row}, {column}, count={count})"
        else:
            call = "None"
        calls.append(f"        {name!r}: {call},")
    return ("```python\n" + HELPERS + f"\ndef {function}(lines: list[str]) -> "
            f"{result_type(function)}:\n    return {{\n" + "\n".join(calls) + "\n    }\n```")


def _words(doc: Doc, fieldtype: str) -> list[dict[str, Any]]:
    return next(words_in(doc, a) for a in doc.kile if a["fieldtype"] == fieldtype)


def test_every_annotated_value_is_found_again_from_its_place_in_the_layout_text(
        corpus: Path) -> None:
    by_cluster, _val = members(corpus)
    checked = 0
    for docs in by_cluster.values():
        table = induce_profile(docs[:5])["table"]
        for doc in docs[:3]:
            text, lines = engine.layout(doc.words, table)
            assert len(text) == len(lines)
            for annotation in doc.kile:
                place = locator.placement(doc, annotation, lines)
                assert place is not None
                row, column, value = place
                assert text[row][column:].startswith(value.split()[0])
                assert engine.words_at(lines, place) == words_in(doc, annotation)
                checked += 1
    assert checked > 100


def test_layout_text_leaves_the_line_item_rows_out(corpus: Path) -> None:
    by_cluster, _val = members(corpus)
    docs = max(by_cluster.values(), key=len)
    table = induce_profile(docs[:5])["table"]
    doc = docs[0]
    assert doc.lir
    text, _lines = engine.layout(doc.words, table)
    described = {" ".join(w["text"] for w in words_in(doc, a)) for a in doc.lir
                 if a["fieldtype"] == "line_item_description"}
    assert described and not any(d in line for d in described for line in text)
    full, _ = engine.layout(doc.words, {})
    assert len(full) > len(text)  # with no table profile every row stays


def test_the_locator_reads_the_text_it_was_compiled_on_after_the_items_are_dropped(
        corpus: Path) -> None:
    """A failing table is dropped from the profile; the layout text keeps leaving its rows
    out, or every line index the locator learnt would shift."""
    by_cluster, _val = members(corpus)
    docs = max(by_cluster.values(), key=len)
    table = induce_profile(docs[:5])["table"]
    doc = docs[0]
    seen: list[list[str]] = []

    def locate(lines: list[str]) -> dict[str, Any]:
        seen.append(lines)
        return {}

    profile = {"fields": {}, "table": {}, "layout_table": table}
    result = engine.extract(doc.words, profile, None, locate)
    assert result["line_items"] == []  # the items are dropped ...
    assert seen == [engine.layout(doc.words, table)[0]]  # ... their rows stay out of the text
    assert seen[0] != engine.layout(doc.words, {})[0]


@pytest.mark.parametrize("place", [None, "x", [1, 2], ["1", 2, "a"], [0, 0, 7], [999, 0, "a"],
                                   [0, 0, ""], {"line": 0, "column": 0, "text": "a"}])
def test_a_malformed_place_locates_nothing(corpus: Path, place: Any) -> None:
    by_cluster, _val = members(corpus)
    doc = next(iter(by_cluster.values()))[0]
    _text, lines = engine.layout(doc.words, {})
    assert engine.words_at(lines, place) == []


def test_a_locator_that_raises_locates_nothing() -> None:
    def broken(_lines: list[str]) -> dict[str, Any]:
        raise ValueError("odd document")

    assert engine.located(broken, ["a"]) == {}
    assert engine.located(lambda _lines: ["not", "a", "dict"], ["a"]) == {}


def test_the_worked_example_passes_the_four_stages_scripted(tmp_path: Path) -> None:
    spec = locator.demonstration_spec()
    compiled = compile_spec(spec, canonical_json(spec.model_dump(mode="json")),
                            ScriptedProvider([locator.DEMO_ANSWER]),
                            CompileOptions(max_attempts=1))
    assert compiled.manifest.steps[0].attempts[0].passed
    request, answer = locator.demonstration()
    assert answer.content == locator.DEMO_ANSWER
    for lines in locator.DEMO_LINES:
        assert json.dumps(list(lines), ensure_ascii=False) in request.content


def test_locator_spec_shows_examples_and_keeps_holdouts_out(corpus: Path) -> None:
    by_cluster, val = members(corpus)
    cluster, docs = max(by_cluster.items(), key=lambda kv: (len(kv[1]), -kv[0]))
    held = [d for d in val if d.cluster_id == docs[0].cluster_id]
    table = induce_profile(docs[:5])["table"]
    built = locator.locator_spec(cluster, docs[:5], held, table)
    assert built is not None
    spec, _bytes = built
    shown = [f for f in spec.fixtures if not f.holdout]
    hidden = [f for f in spec.fixtures if f.holdout]
    assert len(shown) == locator.SHOWN_DOCS and len(hidden) == min(len(held),
                                                                   locator.HOLDOUT_DOCS)
    step = spec.steps[0]
    assert set(step.outputs) == {a["fieldtype"] for d in docs[:locator.SHOWN_DOCS]
                                 for a in d.kile}
    first = shown[0].expected
    assert all(v is None or (isinstance(v, list) and len(v) == 3) for v in first.values())


def test_locator_compiles_and_the_extractor_takes_its_fields_scripted(
        corpus: Path, tmp_path: Path) -> None:
    by_cluster, val = members(corpus)
    passed = 0
    for cluster, docs in sorted(by_cluster.items()):
        held = [d for d in val if d.cluster_id == docs[0].cluster_id]
        table = induce_profile(docs[:5])["table"]
        provider = ScriptedProvider([profile_reply(cluster, docs[:5], table)])
        part = locator.compile_locator(cluster, docs[:5], held, table, provider, tmp_path,
                                       max_attempts=1)
        assert part is not None
        if part.error and "input gate" in part.error:  # the gate refused the fixtures
            assert part.attempts == 0 and not part.passed
            continue
        assert part.attempts == 1 and part.compile_tokens > 0
        if not part.passed:
            assert (tmp_path / "failed" / f"layout_{cluster}_fields.json").is_file()
            continue
        passed += 1
        verified = read_verified(tmp_path / f"layout_{cluster}_fields")
        assert part.source == verified.files[f"steps/{part.function}.py"].decode()
        extractor = compile_cluster(cluster, docs, held, locator=part)
        assert extractor.passed and extractor.model_parts == [part.function]
        assert f"extract(words, PROFILE, None, {part.function})" in extractor.source
        located = [f for f in extractor.fields if f not in extractor.dropped]
        assert located
        doc = (held or docs)[0]
        got = run_extractor(extractor, [doc])[doc.docid]
        want = expected_output(doc, extractor.fields)
        assert any(got[f] == want[f] and want[f] is not None for f in located)
        assert got["line_items"] == engine.extract_items(doc.words, table)
        if passed == 2:
            break
    assert passed == 2


def test_run_with_model_written_locators_scripted(small_corpus: Path, tmp_path: Path) -> None:
    by_cluster, _val = members(small_corpus)
    replies = []
    for cluster, docs in sorted(by_cluster.items()):
        table = induce_profile(docs[:5])["table"]
        reply = profile_reply(cluster, docs[:5], table)
        replies += ["```python\nnot python\n```"] * 2 if cluster == 0 else [reply]
    provider = ScriptedProvider(replies)
    result = run_docile(small_corpus, lambda _l, _t: (lambda: None),
                        compile_provider=provider, artifacts=tmp_path, compile_attempts=2)
    model = result["compile_model"]
    assert model["model_writes"] == "fields" and model["locators"] == len(by_cluster)
    first = model["clusters"]["0"]
    assert first["fallback"] == "no locator compiled" and first["locators"]["fields"][
        "attempts"] == 2
    assert model["used"] + model["fallback_clusters"] == len(by_cluster)
    methods = result["methods"]
    assert set(methods) == {"rules", "compiled", "compiled_model", "model_written_only"}
    only = methods["model_written_only"]
    assert only["review_queue"] > methods["compiled"]["review_queue"]  # cluster 0 to review
    assert all(m["tokens"] == 0 for m in methods.values())
