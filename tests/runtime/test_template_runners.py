"""The run-time half of the templates, with real functions (no model, no compiler).

Batch: order, shared inputs, collected and aborting errors, and checkpoints that make
a restarted batch resume without redoing or double-counting records, including after
a real process crash. Validator: the fallback path. Stream: state order, emitted
items, and that the template keeps no event it has finished with. Sandbox: the child
runs the same runner definitions as the runtime.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import textwrap
import weakref
from pathlib import Path

import pytest

from compiled_ai.errors import InputError, StepExecutionError
from compiled_ai.runtime import _template_runners as core
from compiled_ai.runtime.checkpoint import FileCheckpoint, MemoryCheckpoint
from compiled_ai.runtime.sandbox import run_in_sandbox
from compiled_ai.runtime.templates import call_template, runner_for
from compiled_ai.spec.template_options import normalised

ITEM = {"type": "object", "properties": {"sku": {"type": "string"},
                                         "quantity": {"type": "integer"}}}
BATCH_INPUTS = {"lines": {"type": "array", "items": ITEM}, "rate": {"type": "number"}}
BATCH_OUTPUTS = {"priced": {"type": "array", "items": ITEM}, "errors": {"type": "array"}}


def batch_options(**raw):
    return normalised("batch_processor", {"batch": "lines", "results": "priced", **raw},
                      "price", BATCH_INPUTS, BATCH_OUTPUTS)


def lines(n: int) -> list[dict]:
    return [{"sku": f"s{i}", "quantity": i} for i in range(n)]


class Counting:
    """A record function that counts its calls per sku and may crash at one record."""

    def __init__(self, crash_at: int | None = None) -> None:
        self.calls: list[str] = []
        self.crash_at = crash_at

    def __call__(self, sku: str, quantity: int | None, rate: float) -> dict:
        if quantity == self.crash_at:
            raise KeyboardInterrupt  # stands in for the process dying mid-batch
        self.calls.append(sku)
        if quantity is not None and quantity < 0:
            raise ValueError("negative quantity")
        return {"sku": sku.upper(), "quantity": (quantity or 0) * 10}


def batch(function, records, options, checkpoint=None, rate=1.0, salt="code-v1"):
    return call_template(core.BATCH, function, "price", {"lines": records, "rate": rate},
                         options, checkpoint=checkpoint, salt=salt)


# --- batch_processor ----------------------------------------------------------------------------

def test_batch_results_in_record_order_with_shared_input_and_missing_fields_as_none():
    seen = []

    def price(sku, quantity, rate):
        seen.append((sku, quantity, rate))
        return {"sku": sku, "quantity": -1 if quantity is None else quantity}

    out = batch(price, [{"sku": "a", "quantity": 2}, {"sku": "b"}], batch_options(), rate=0.5)
    assert out == {"priced": [{"sku": "a", "quantity": 2}, {"sku": "b", "quantity": -1}],
                   "errors": []}
    assert seen == [("a", 2, 0.5), ("b", None, 0.5)]


def test_batch_collects_failing_records_and_goes_on():
    records = [{"sku": "a", "quantity": 1}, {"sku": "b", "quantity": -3}, "not a record",
               {"sku": "c", "quantity": 2}]
    out = batch(Counting(), records, batch_options())
    assert out["priced"] == [{"sku": "A", "quantity": 10}, {"sku": "C", "quantity": 20}]
    assert out["errors"] == [
        {"index": 1, "error": "ValueError: negative quantity"},
        {"index": 2, "error": "TemplateError: record 2 is str, not an object"}]


def test_batch_abort_stops_at_the_first_failing_record_and_names_it():
    function = Counting()
    records = [{"sku": "a", "quantity": 1}, {"sku": "b", "quantity": -3},
               {"sku": "c", "quantity": 2}]
    with pytest.raises(StepExecutionError, match=r"step 'price': record 1: ValueError: negative"):
        batch(function, records, batch_options(on_error="abort"))
    assert function.calls == ["a", "b"]


def test_batch_a_non_dict_result_is_a_record_error():
    out = batch(lambda sku, quantity, rate: [sku], lines(2), batch_options())
    assert out["priced"] == []
    assert [e["error"] for e in out["errors"]] == ["TemplateError: returned list, not a dict"] * 2


def test_batch_resumes_after_a_crash_without_redoing_or_double_counting():
    records = lines(8)
    checkpoint = MemoryCheckpoint()
    first = Counting(crash_at=5)
    with pytest.raises(KeyboardInterrupt):
        batch(first, records, batch_options(), checkpoint)
    assert first.calls == ["s0", "s1", "s2", "s3", "s4"]
    assert sorted(checkpoint.entries["price"]["done"], key=int) == ["0", "1", "2", "3", "4"]
    assert "complete" not in checkpoint.entries["price"]

    second = Counting()
    resumed = batch(second, records, batch_options(), checkpoint)
    assert second.calls == ["s5", "s6", "s7"]  # nothing before the crash is redone
    uninterrupted = batch(Counting(), records, batch_options())
    assert resumed == uninterrupted  # every record once, in order: nothing counted twice
    assert sum(r["quantity"] for r in resumed["priced"]) == 10 * sum(range(8))
    assert checkpoint.entries["price"]["complete"] is True

    third = Counting()
    assert batch(third, records, batch_options(), checkpoint) == uninterrupted
    assert third.calls == []  # a finished batch is answered from its checkpoint


def test_batch_collected_errors_are_checkpointed_too():
    records = [{"sku": "a", "quantity": -1}, {"sku": "b", "quantity": 1}, {"sku": "c",
                                                                          "quantity": 2}]
    checkpoint = MemoryCheckpoint()
    with pytest.raises(KeyboardInterrupt):
        batch(Counting(crash_at=2), records, batch_options(), checkpoint)
    again = Counting()
    out = batch(again, records, batch_options(), checkpoint)
    assert again.calls == ["c"]
    assert out["errors"] == [{"index": 0, "error": "ValueError: negative quantity"}]
    assert [r["sku"] for r in out["priced"]] == ["B", "C"]


@pytest.mark.parametrize("change", ["records", "shared", "code"])
def test_batch_checkpoint_of_another_batch_or_other_code_is_not_reused(change):
    checkpoint = MemoryCheckpoint()
    batch(Counting(), lines(3), batch_options(), checkpoint)
    records = lines(4) if change == "records" else lines(3)
    rate = 2.0 if change == "shared" else 1.0
    salt = "code-v2" if change == "code" else "code-v1"
    again = Counting()
    batch(again, records, batch_options(), checkpoint, rate=rate, salt=salt)
    assert again.calls == [r["sku"] for r in records]


def test_batch_checkpoint_every_n_records():
    checkpoint = MemoryCheckpoint()
    batch(Counting(), lines(7), batch_options(checkpoint_every=3), checkpoint)
    assert checkpoint.saves == 3  # after records 3 and 6, and the final one


def test_batch_damaged_checkpoint_records_are_redone():
    checkpoint = MemoryCheckpoint()
    batch(Counting(), lines(3), batch_options(), checkpoint)
    checkpoint.entries["price"]["done"]["1"] = {"ok": True, "result": "garbage"}
    again = Counting()
    out = batch(again, lines(3), batch_options(), checkpoint)
    assert again.calls == ["s1"]
    assert out["priced"][1] == {"sku": "S1", "quantity": 10}


CRASHING_RUN = textwrap.dedent("""
    import os, sys
    from compiled_ai.runtime import _template_runners as core
    from compiled_ai.runtime.checkpoint import FileCheckpoint
    from compiled_ai.runtime.templates import call_template
    options = {options!r}

    def price(sku, quantity, rate):
        if quantity == 6:
            os._exit(17)  # the process dies: no exception handler, no cleanup runs
        return {{"sku": sku.upper(), "quantity": quantity * 10}}

    call_template(core.BATCH, price, "price", {{"lines": {records!r}, "rate": 1.0}}, options,
                  checkpoint=FileCheckpoint(sys.argv[1]), salt="code-v1")
""")


def test_batch_resumes_from_a_file_checkpoint_after_the_process_is_killed(tmp_path: Path):
    records, path = lines(10), tmp_path / "run.checkpoint.json"
    script = CRASHING_RUN.format(options=batch_options(), records=records)
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 17, done.stderr
    saved = json.loads(path.read_text())
    assert saved["format"] == "compiled-ai/checkpoint"
    assert sorted(saved["steps"]["price"]["done"], key=int) == [str(i) for i in range(6)]

    resumed = Counting()
    out = batch(resumed, records, batch_options(), FileCheckpoint(path))
    assert resumed.calls == ["s6", "s7", "s8", "s9"]
    assert out == batch(Counting(), records, batch_options())
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary files left


@pytest.mark.parametrize(("content", "needle"), [
    ("{not json", "not a JSON file"),
    ('{"steps": {}}', "not a compiled-ai checkpoint file"),
    ('{"format": "compiled-ai/checkpoint", "format_version": 9, "steps": {}}',
     "format version 9"),
])
def test_unreadable_checkpoint_file_is_one_clear_error(tmp_path: Path, content, needle):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(InputError, match=needle):
        FileCheckpoint(path)


# --- input_validator ----------------------------------------------------------------------------

VALIDATOR_OPTIONS = {"fallback": {"email": None, "domain": "unknown"}}


def clean_email(email: str) -> dict | str:
    if "@" not in email:
        return "no @ in the address"
    if email.count("@") > 1:
        raise ValueError("two @")
    local, domain = email.strip().lower().split("@")
    return {"email": f"{local}@{domain}", "domain": domain}


def validate(value: str, function=clean_email) -> dict:
    return call_template(core.VALIDATOR, function, "clean", {"email": value}, VALIDATOR_OPTIONS)


def test_validator_returns_the_cleaned_value_as_valid():
    assert validate(" Ann@Example.COM ") == {"email": "ann@example.com", "domain": "example.com",
                                             "valid": True, "reason": None}


def test_validator_rejection_gives_the_declared_fallback_and_the_reason():
    assert validate("nobody") == {"email": None, "domain": "unknown", "valid": False,
                                  "reason": "no @ in the address"}


def test_validator_exception_counts_as_a_rejection():
    assert validate("a@b@c") == {"email": None, "domain": "unknown", "valid": False,
                                 "reason": "ValueError: two @"}


def test_validator_fallback_is_a_fresh_copy_every_time():
    first = validate("nobody")
    first["domain"] = "changed by the caller"
    assert validate("nobody")["domain"] == "unknown"
    assert VALIDATOR_OPTIONS["fallback"]["domain"] == "unknown"


def test_validator_wrong_return_type_is_a_step_error():
    with pytest.raises(StepExecutionError, match="returned int; expected the cleaned fields"):
        validate("x", function=lambda email: 42)


# --- streaming_processor ------------------------------------------------------------------------

STREAM_OPTIONS = {"events": "events", "initial_state": {"trail": "", "total": 0}, "emit": "big"}


def fold(state: dict, event: dict, limit: int = 5) -> tuple[dict, list]:
    state["trail"] += event["name"]  # mutates the state it was given, as folds may
    state["total"] += event["value"]
    return state, ([{"name": event["name"]}] if event["value"] > limit else [])


def stream(events, function=fold, options=STREAM_OPTIONS, **shared) -> dict:
    return call_template(core.STREAM, function, "fold", {"events": events, **shared}, options)


def test_stream_folds_events_in_order_and_collects_emitted_items():
    events = [{"name": n, "value": v} for n, v in [("a", 1), ("b", 9), ("c", 2), ("d", 7)]]
    assert stream(events) == {"trail": "abcd", "total": 19,
                              "big": [{"name": "b"}, {"name": "d"}]}
    assert stream(list(reversed(events)))["trail"] == "dcba"
    assert stream(events, limit=1)["big"] == [{"name": "b"}, {"name": "c"}, {"name": "d"}]


def test_stream_initial_state_is_never_changed_by_a_run():
    stream([{"name": "x", "value": 3}])
    assert STREAM_OPTIONS["initial_state"] == {"trail": "", "total": 0}
    assert stream([]) == {"trail": "", "total": 0, "big": []}


def test_stream_without_emit_returns_the_final_state():
    options = {"events": "events", "initial_state": {"n": 0}, "emit": None}
    assert stream([{}, {}, {}], function=lambda s, e: {"n": s["n"] + 1}, options=options) == \
        {"n": 3}


def test_stream_contract_breaks_are_step_errors():
    with pytest.raises(StepExecutionError, match=r"event 0: expected \(new_state, emitted_list\)"):
        stream([{"name": "a", "value": 1}], function=lambda s, e: s)
    options = {"events": "events", "initial_state": {"n": 0}, "emit": None}
    with pytest.raises(StepExecutionError, match="event 1: the new state is list"):
        stream([{}, {}], function=lambda s, e: {"n": 1} if s["n"] == 0 else [], options=options)


class Event(dict):
    """A dict that can be weakly referenced, to see when the template lets go of it."""


def test_stream_keeps_no_event_it_has_finished_with():
    alive: list[weakref.ref] = []
    most_alive = 0

    def events():
        for index in range(200):
            event = Event(name="e", value=index)
            alive.append(weakref.ref(event))
            yield event

    def counting_fold(state, event):
        nonlocal most_alive
        gc.collect()
        most_alive = max(most_alive, sum(ref() is not None for ref in alive))
        return {"n": state["n"] + event["value"]}, []

    emitted = []
    final = core.fold_stream(counting_fold, events(), {"n": 0}, emits=True, sink=emitted.append)
    assert final == {"n": sum(range(200))}
    assert most_alive <= 2  # the event in hand (and at most one the generator holds)


def test_iterate_stream_yields_emitted_items_before_reading_further_events():
    consumed = []

    def events():
        for index in range(3):
            consumed.append(index)
            yield {"i": index}

    stream_ = core.iterate_stream(lambda s, e: (s, [e["i"]]), events(), {}, emits=True)
    assert next(stream_) == 0 and consumed == [0]
    assert next(stream_) == 1 and consumed == [0, 1]


# --- one definition, in process and in the sandbox ----------------------------------------------

SANDBOX_CASES = [
    (core.BATCH, "price", batch_options(), '''
def price(sku, quantity, rate):
    if quantity < 0:
        raise ValueError("negative")
    return {"sku": sku.upper(), "quantity": quantity * rate}
''', {"lines": [{"sku": "a", "quantity": 2}, {"sku": "b", "quantity": -1}], "rate": 3}),
    (core.VALIDATOR, "clean", VALIDATOR_OPTIONS, '''
def clean(email):
    return {"email": email.lower(), "domain": email.split("@")[1]} if "@" in email else "no @"
''', {"email": "nobody"}),
    (core.STREAM, "fold", STREAM_OPTIONS, '''
def fold(state, event):
    return {"trail": state["trail"] + event["name"], "total": state["total"] + 1}, [event]
''', {"events": [{"name": "x"}, {"name": "y"}]}),
]


@pytest.mark.parametrize(("template", "name", "options", "source", "inputs"), SANDBOX_CASES,
                         ids=[case[0] for case in SANDBOX_CASES])
def test_sandbox_runs_the_same_runner_as_the_runtime(template, name, options, source, inputs):
    namespace: dict = {}
    exec(source, namespace)  # noqa: S102 - the test's own code
    in_process = call_template(template, namespace[name], name, inputs, options)
    run = run_in_sandbox(source, name, [inputs], template=template, options=options)
    assert run.failure is None and run.cases[0].ok, run.cases[0].error
    assert run.cases[0].value == in_process
    direct = run_in_sandbox(source, name, [inputs])  # without the template: a plain call
    assert not direct.cases[0].ok or direct.cases[0].value != in_process


def test_unknown_template_is_refused():
    from compiled_ai.errors import ArtifactError

    with pytest.raises(ArtifactError, match="template 'fancy@9'"):
        runner_for("fancy@9")
