"""The one definition of how each template calls its generated function.

Standard library only and free of side effects: the in-process runtime imports it as
``compiled_ai.runtime._template_runners`` and the sandbox child (``python -S``, which
cannot see the installed package) imports it from its own directory as
``_template_runners``, so compile-time validation and production run the same wrapper.

A runner takes the generated function, the step's inputs and the template's
normalised options (a plain dict; ``spec.template_options`` builds it) and returns the
step's result dict. Exceptions raised by the generated function propagate unchanged
unless the template says otherwise; the caller wraps them for its own audience.
"""

import hashlib
import json

BATCH = "batch_processor@1"
VALIDATOR = "input_validator@1"
STREAM = "streaming_processor@1"
SYNC = "sync_handler@1"


class TemplateError(Exception):
    """The generated function broke the template's contract (wrong return shape)."""


class RecordError(Exception):
    """A batch record failed and the step aborts on errors; names the record's index."""


def run_sync(function, inputs, options, checkpoint=None, salt=""):
    """sync_handler@1: keyword arguments in, the function's dict out."""
    return function(**inputs)


# --- batch_processor@1 ---------------------------------------------------------------------------

def batch_key(inputs, options, salt=""):
    """Identity of one batch: the records, the shared inputs and the code (``salt``).

    A checkpoint written for another batch, or by other code, never answers for this one.
    """
    text = json.dumps({"inputs": inputs, "options": options, "code": salt}, sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False, default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_arguments(record, index, options, shared):
    """One record's keyword arguments: its declared fields (missing ones as None) + shared."""
    if not isinstance(record, dict):
        raise TemplateError(f"record {index} is {type(record).__name__}, not an object")
    arguments = {name: record.get(name) for name in options["record_fields"]}
    arguments.update(shared)
    return arguments


def run_batch(function, inputs, options, checkpoint=None, salt=""):
    """batch_processor@1: call ``function`` once per record of ``inputs[options['batch']]``.

    With a checkpoint (an object with ``get(key)`` and ``put(key, entry)``), finished
    records are recorded by index together with the batch's hash; a restarted run of the
    same batch reuses them instead of calling the function again, so nothing is redone
    or counted twice. Results come back in record order; a record that raised is listed
    under the errors field (``on_error: collect``) or stops the step (``abort``).
    """
    records = inputs.get(options["batch"])
    if not isinstance(records, list):
        raise TemplateError(f"input {options['batch']!r} is not a list")
    shared = {k: v for k, v in inputs.items() if k != options["batch"]}
    key = entry = None
    done = {}
    if checkpoint is not None:
        key = options["step"]
        digest = batch_key(inputs, options, salt)
        entry = checkpoint.get(key)
        if not isinstance(entry, dict) or entry.get("batch_sha256") != digest \
                or not isinstance(entry.get("done"), dict):
            entry = {"template": BATCH, "batch_sha256": digest, "records": len(records),
                     "done": {}}
        done = entry["done"]
        for index in [i for i, outcome in done.items() if not _well_formed(outcome)]:
            del done[index]  # a damaged record of the checkpoint is simply redone
    every = int(options.get("checkpoint_every", 1))
    pending = 0
    for index, record in enumerate(records):
        if str(index) in done:
            continue
        try:
            result = function(**record_arguments(record, index, options, shared))
            if not isinstance(result, dict):
                raise TemplateError(f"returned {type(result).__name__}, not a dict")
            outcome = {"ok": True, "result": result}
        except Exception as exc:
            if options["on_error"] == "abort":
                if key is not None and pending:
                    checkpoint.put(key, entry)
                raise RecordError(f"record {index}: {type(exc).__name__}: {exc}") from None
            outcome = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        done[str(index)] = outcome
        pending += 1
        if key is not None and pending >= every:
            checkpoint.put(key, entry)
            pending = 0
    if key is not None:
        entry["complete"] = True
        checkpoint.put(key, entry)
    return _batch_result(records, done, options)


def _well_formed(outcome):
    if not isinstance(outcome, dict):
        return False
    if outcome.get("ok") is True:
        return isinstance(outcome.get("result"), dict)
    return outcome.get("ok") is False and isinstance(outcome.get("error"), str)


def _batch_result(records, done, options):
    results, errors = [], []
    for index in range(len(records)):
        outcome = done[str(index)]
        if outcome["ok"]:
            results.append(outcome["result"])
        else:
            errors.append({"index": index, "error": outcome["error"]})
    produced = {options["results"]: results}
    if options.get("errors"):
        produced[options["errors"]] = errors
    return produced


# --- input_validator@1 ---------------------------------------------------------------------------

def run_validator(function, inputs, options, checkpoint=None, salt=""):
    """input_validator@1: the cleaned value with ``valid: true``, or the fallback.

    The function returns a dict of cleaned fields when the input is acceptable and a
    string (the reason) when it is not; raising counts as a rejection too. On rejection
    the spec's fallback fields are returned, never anything the function made up.
    """
    try:
        outcome = function(**inputs)
    except Exception as exc:
        outcome = f"{type(exc).__name__}: {exc}"
    if isinstance(outcome, str):
        reason = outcome.strip() or "rejected"
        return {**_copy(options["fallback"]), "valid": False, "reason": reason}
    if not isinstance(outcome, dict):
        raise TemplateError(f"returned {type(outcome).__name__}; expected the cleaned fields "
                            "(a dict) or a reason (a str)")
    return {**outcome, "valid": True, "reason": None}


# --- streaming_processor@1 -----------------------------------------------------------------------

def iterate_stream(function, events, initial_state, shared=None, emits=False):
    """Fold ``function`` over ``events`` in order, yielding each emitted item as it comes.

    ``events`` may be any iterable (a generator reading a file, a socket): only the
    current state is kept, never the events already seen. The final state is the
    generator's return value (``StopIteration.value``; see :func:`fold_stream`).
    """
    state = _copy(initial_state)
    shared = shared or {}
    for index, event in enumerate(events):
        returned = function(state, event, **shared)
        if emits:
            if not (isinstance(returned, tuple) and len(returned) == 2
                    and isinstance(returned[1], list)):
                raise TemplateError(f"event {index}: expected (new_state, emitted_list), got "
                                    f"{type(returned).__name__}")
            returned, emitted = returned
            yield from emitted
        if not isinstance(returned, dict):
            raise TemplateError(f"event {index}: the new state is "
                                f"{type(returned).__name__}, not a dict")
        state = returned
    return state


def fold_stream(function, events, initial_state, shared=None, emits=False, sink=None):
    """Run :func:`iterate_stream` to the end; emitted items go to ``sink`` (a callable).

    Returns the final state.
    """
    stream = iterate_stream(function, events, initial_state, shared, emits)
    while True:
        try:
            item = next(stream)
        except StopIteration as stop:
            return stop.value
        if sink is not None:
            sink(item)


def run_stream(function, inputs, options, checkpoint=None, salt=""):
    """streaming_processor@1: the final state's fields, plus the emitted items if declared."""
    events = inputs.get(options["events"])
    if events is None:
        events = []
    if not isinstance(events, list):
        raise TemplateError(f"input {options['events']!r} is not a list")
    shared = {k: v for k, v in inputs.items() if k != options["events"]}
    emitted = []
    emit = options.get("emit")
    state = fold_stream(function, events, options["initial_state"], shared, emits=bool(emit),
                        sink=emitted.append)
    produced = dict(state)
    if emit:
        produced[emit] = emitted
    return produced


def _copy(value):
    """A private deep copy of JSON data, so no run can change the spec's own values."""
    return json.loads(json.dumps(value))


RUNNERS = {SYNC: run_sync, BATCH: run_batch, VALIDATOR: run_validator, STREAM: run_stream}
