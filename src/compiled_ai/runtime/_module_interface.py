"""The ``modules`` object a compiled step receives: its declared operations and nothing else.

A step that declares ``uses: [database.query]`` is called with one extra keyword
argument, ``modules``; ``modules.database.query(sql, params)`` is the only thing it can
do with it. Any other module or operation raises :class:`UndeclaredOperation`. What
answers a call is a ``dispatch(operation, arguments)`` callable: at run time the run's
configured module registry, at compile time (and in replay) :class:`Replay`, which
answers from the fixture's recorded replies, in order, and refuses a call that was not
recorded.

Standard library only and free of side effects, like ``_template_runners``: the
runtime imports it as ``compiled_ai.runtime._module_interface`` and the sandbox child
(``python -S``) from its own directory, so compile-time validation and production
hand the generated code the same object.
"""

import json


class ModuleCallError(Exception):
    """A module call the step may not make, or one that diverges from the recording."""


class UndeclaredOperation(ModuleCallError):
    """The step asked for a module or operation it did not declare in ``uses``."""


class ReplayMismatch(ModuleCallError):
    """A call that the recording does not hold (more calls, another operation, other
    arguments), or recorded calls the step never made."""


class _Module:
    """``modules.database``: attribute access yields the declared operations only."""

    __slots__ = ("_label", "_operations", "_declared")

    def __init__(self, label, operations, declared):
        self._label = label
        self._operations = operations
        self._declared = declared

    def __getattr__(self, name):
        member = self._operations.get(name)
        if member is None:
            raise UndeclaredOperation(self._undeclared(name))
        return member

    def _undeclared(self, name):
        return (f"{self._label}.{name} is not declared in this step's 'uses' (it may call "
                f"only {', '.join(self._declared)})")

    def __repr__(self):
        return f"<module {self._label}: {', '.join(sorted(self._operations))}>"


class ModuleInterface(_Module):
    """``modules``: ``modules.<module>.<operation>(...)`` for each declared operation."""

    __slots__ = ()

    def __init__(self, bindings, dispatch):
        """``bindings``: operation -> {"parameters": [names in order], "required": [...]}."""
        declared = sorted(bindings)
        grouped = {}
        for name in declared:
            module, method = name.split(".", 1)
            grouped.setdefault(module, {})[method] = _operation(name, bindings[name], dispatch)
        super().__init__("modules", {m: _Module(m, ops, declared)
                                     for m, ops in grouped.items()}, declared)

    def _undeclared(self, name):
        return (f"module {name!r} is not declared in this step's 'uses' (it may call only "
                f"{', '.join(self._declared) or 'nothing'})")

    def __repr__(self):
        return f"<modules: {', '.join(self._declared)}>"


def _operation(name, binding, dispatch):
    """A function binding positional and keyword arguments by the operation's names."""
    names = list(binding["parameters"])
    required = list(binding["required"])

    def call(*args, **kwargs):
        if len(args) > len(names):
            raise TypeError(f"{name}() takes at most {len(names)} arguments "
                            f"({', '.join(names)}); {len(args)} given")
        arguments = dict(zip(names, args, strict=False))
        for key, value in kwargs.items():
            if key not in names:
                raise TypeError(f"{name}() has no parameter {key!r} (its parameters: "
                                f"{', '.join(names)})")
            if key in arguments:
                raise TypeError(f"{name}() got {key!r} twice")
            arguments[key] = value
        missing = [key for key in required if key not in arguments]
        if missing:
            raise TypeError(f"{name}() is missing {', '.join(missing)}")
        return dispatch(name, arguments)

    return call


def with_modules(function, interface):
    """``function`` with ``modules=interface`` added to every call (any template's runner
    calls it as it would call the step function itself)."""
    if interface is None:
        return function
    return lambda *args, **kwargs: function(*args, modules=interface, **kwargs)


def plain(value):
    """A private JSON copy: the code cannot change a recording through what it got."""
    return json.loads(json.dumps(value, allow_nan=False))


def _canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=False)


class Replay:
    """Answer module calls from recorded ones, in order (a fixture's or an earlier run's).

    Each recorded call is ``{"operation": "database.query", "result": {...}}`` with an
    optional ``"args"``: the arguments (all or some) the call must be made with.
    """

    def __init__(self, calls):
        self._calls = list(calls or [])
        self._next = 0

    def __call__(self, name, arguments):
        index = self._next
        if index >= len(self._calls):
            raise ReplayMismatch(
                f"{name} call #{index + 1} was not recorded: the fixture records "
                f"{len(self._calls)} module call(s){_listing(self._calls)}")
        recorded = self._calls[index]
        if recorded["operation"] != name:
            raise ReplayMismatch(f"module call #{index + 1} is {name}, but the fixture "
                                 f"records {recorded['operation']} there")
        for key, want in (recorded.get("args") or {}).items():
            try:
                got = _canonical(arguments.get(key))
            except (TypeError, ValueError):
                got = repr(arguments.get(key))
            if got != _canonical(want):
                raise ReplayMismatch(f"{name} call #{index + 1}: {key} is {got}, the fixture "
                                     f"expects {_canonical(want)}")
        if "result" not in recorded:
            raise ReplayMismatch(f"the recording of module call #{index + 1} ({name}) "
                                 "holds no reply (it was not JSON)")
        self._next += 1
        return plain(recorded["result"])

    def unused(self):
        """The recorded calls not made yet."""
        return [call["operation"] for call in self._calls[self._next:]]


def _listing(calls):
    return f" ({', '.join(call['operation'] for call in calls)})" if calls else ""


def replayed_call(call, case, bindings, calls):
    """``call(case, interface)`` with module calls answered by ``calls``; every recorded
    call must have been made."""
    replay = Replay(calls)
    result = call(case, ModuleInterface(bindings, replay))
    left = replay.unused()
    if left:
        made = len(calls) - len(left)
        raise ReplayMismatch(f"the code made {made} of the {len(calls)} recorded module "
                             f"call(s); never called: {', '.join(left)}")
    return result


class CallLog:
    """Wraps a dispatch: remembers each call (operation, arguments, result) in order."""

    def __init__(self, dispatch):
        self._dispatch = dispatch
        self.calls = []
        self.attempted = []  # operation names, including calls that failed

    def __call__(self, name, arguments):
        self.attempted.append(name)
        result = self._dispatch(name, arguments)
        call = {"operation": name}
        for key, value in (("args", arguments), ("result", result)):
            try:
                call[key] = plain(value)
            except (TypeError, ValueError):  # bytes from a BLOB column: kept out of the log
                pass
        self.calls.append(call)
        return result
