"""The persisted human-review queue: add, list, show, resolve against the step's schema."""

from __future__ import annotations

import sqlite3
import stat

import pytest

from compiled_ai.errors import InputError
from compiled_ai.runtime.review import ReviewQueue

SCHEMA = {"bmi": {"type": ["number", "null"]}, "a1c": {"type": ["number", "null"]}}


def _add(queue: ReviewQueue, note: str = "BMI 34, A1C 81") -> int:
    return queue.add(workflow="glp1", step="extract", transaction="tx-1",
                     reason="check 'a1c is None or 3 <= a1c <= 20' is false",
                     last_reply='{"bmi": 34, "a1c": 81}', inputs={"note": note},
                     output_schema=SCHEMA)


def test_items_persist_across_queue_objects_and_the_file_is_private(tmp_path):
    path = tmp_path / "home" / "review.sqlite"
    item_id = _add(ReviewQueue(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    item = ReviewQueue(path).get(item_id)
    assert item.status == "pending" and item.inputs == {"note": "BMI 34, A1C 81"}
    assert item.output_schema == SCHEMA and item.last_reply == '{"bmi": 34, "a1c": 81}'
    assert [i.id for i in ReviewQueue(path).items("pending")] == [item_id]


def test_summary_leaves_out_inputs_and_reply(tmp_path):
    queue = ReviewQueue(tmp_path / "r.sqlite")
    summary = queue.get(_add(queue)).summary()
    assert "inputs" not in summary and "last_reply" not in summary
    assert "BMI 34" not in repr(summary)


def test_resolve_validates_against_the_steps_schema(tmp_path):
    queue = ReviewQueue(tmp_path / "r.sqlite")
    item_id = _add(queue)
    with pytest.raises(InputError, match="does not match step 'extract'"):
        queue.resolve(item_id, {"bmi": 34}, by="dr.lee")  # a1c missing
    with pytest.raises(InputError, match="does not match"):
        queue.resolve(item_id, {"bmi": "34", "a1c": 8.1}, by="dr.lee")
    with pytest.raises(InputError, match="does not match"):
        queue.resolve(item_id, {"bmi": 34, "a1c": 8.1, "extra": 1}, by="dr.lee")
    assert queue.get(item_id).status == "pending"
    done = queue.resolve(item_id, {"bmi": 34, "a1c": 8.1}, by="dr.lee", note="typo in note")
    assert done.status == "resolved" and done.resolution == {"bmi": 34, "a1c": 8.1}
    assert done.resolved_by == "dr.lee" and done.note == "typo in note" and done.resolved_at
    assert queue.items("pending") == [] and len(queue.items("resolved")) == 1


def test_an_item_is_resolved_only_once(tmp_path):
    queue = ReviewQueue(tmp_path / "r.sqlite")
    item_id = _add(queue)
    queue.resolve(item_id, {"bmi": 34, "a1c": 8.1}, by="a")
    with pytest.raises(InputError, match="already resolved by a"):
        queue.resolve(item_id, {"bmi": 30, "a1c": 8.0}, by="b")
    assert queue.get(item_id).resolution == {"bmi": 34, "a1c": 8.1}


def test_unknown_item_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no review item 7"):
        ReviewQueue(tmp_path / "r.sqlite").get(7)


def test_latest_for_matches_exact_inputs_only(tmp_path):
    queue = ReviewQueue(tmp_path / "r.sqlite")
    first = _add(queue, "note A")
    _add(queue, "note B")
    assert queue.latest_for("glp1", "extract", {"note": "note A"}).id == first
    assert queue.latest_for("glp1", "extract", {"note": "note C"}) is None
    assert queue.latest_for("other", "extract", {"note": "note A"}) is None


def test_latest_for_with_a_schema_ignores_items_parked_for_other_outputs(tmp_path):
    queue = ReviewQueue(tmp_path / "r.sqlite")
    first = _add(queue, "note A")
    assert queue.latest_for("glp1", "extract", {"note": "note A"}, SCHEMA).id == first
    changed = {**SCHEMA, "weight_kg": {"type": "number"}}
    assert queue.latest_for("glp1", "extract", {"note": "note A"}, changed) is None


def test_items_cannot_be_deleted(tmp_path):
    queue = ReviewQueue(tmp_path / "r.sqlite")
    _add(queue)
    with sqlite3.connect(queue.path) as db, pytest.raises(sqlite3.IntegrityError):
        db.execute("DELETE FROM items")
