"""Direct-LLM baseline: reply values are located as word boxes; replies cache and resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compiled_ai.benchmarks.docile import official
from compiled_ai.benchmarks.docile.direct_llm import DirectLLM, parse_reply
from compiled_ai.benchmarks.docile.loader import load_docs
from compiled_ai.errors import ProviderError
from compiled_ai.providers.scripted import ScriptedProvider


def _reply_from_annotations(doc) -> str:  # type: ignore[no-untyped-def]
    values = {f["fieldtype"]: f["text"] for f in doc.kile}
    items: dict[int, dict[str, str]] = {}
    names = {"line_item_description": "description", "line_item_quantity": "quantity",
             "line_item_code": "code"}
    for f in doc.lir:
        key = names.get(f["fieldtype"])
        if key:
            items.setdefault(f["line_item_id"], {})[key] = f["text"]
    return "Here you go:\n" + json.dumps({**values, "line_items": list(items.values())})


def test_scripted_reply_is_located_and_scored(corpus: Path, tmp_path: Path) -> None:
    dataset, docs = load_docs(corpus, "test", limit=1)
    doc = docs[0]
    provider = ScriptedProvider([_reply_from_annotations(doc)])
    llm = DirectLLM(provider, tmp_path / "replies.jsonl")
    kile, lir, tokens = llm.predict(doc)
    assert tokens > 0 and len(provider.requests) == 1
    assert doc.words[0]["text"] in provider.requests[0].messages[1].content
    scores = official.evaluate(dataset, {doc.docid: kile}, {doc.docid: lir})
    # values copied from the document text land on the annotated words (OCR noise aside)
    assert scores["kile"]["metrics"]["recall"] > 0.6
    assert scores["lir"]["metrics"]["TP"] > 0


def test_replies_are_cached_so_a_rerun_spends_nothing_scripted(corpus: Path,
                                                               tmp_path: Path) -> None:
    _dataset, docs = load_docs(corpus, "test", limit=1)
    cache = tmp_path / "replies.jsonl"
    first = DirectLLM(ScriptedProvider(['{"document_id": null, "line_items": []}']), cache)
    first.predict(docs[0])
    empty = ScriptedProvider([])
    kile, lir, tokens = DirectLLM(empty, cache).predict(docs[0])
    assert empty.requests == [] and tokens > 0 and kile == [] and lir == []
    with pytest.raises(ProviderError):
        DirectLLM(empty, tmp_path / "other.jsonl").predict(docs[0])


def test_truncated_reply_keeps_complete_items() -> None:
    text = '{"document_id": "A1", "line_items": [{"description": "x"}, {"descr'
    assert parse_reply(text) == {"document_id": "A1", "line_items": [{"description": "x"}]}
    assert parse_reply("no json here") is None
