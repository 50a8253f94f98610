"""Child side of the sandbox: a standalone stdlib-only script (run with ``python -S``).

Lifecycle: read one JSON job from stdin; set resource limits; leave the network
namespace if the kernel lets us; install a PEP 578 audit hook; execute the step
module with restricted builtins; call the function on every case (``repeat`` times
each); write one JSON result to stdout. The parent enforces the wall-clock timeout.

Also imported by the runtime for :func:`restricted_builtins`, so it must stay
importable without side effects.
"""

import builtins
import json
import sys

_module_interface = None  # imported by main(), beside this file, before the audit hook

CLONE_NEWNET = 0x40000000
_DENIED_EVENT_PREFIXES = (
    "open", "os.", "socket.", "subprocess.", "shutil.", "ctypes.", "pty.", "signal.",
    "sys._getframe", "sys._current_frames", "sys.settrace", "sys.setprofile",
    "sys.addaudithook", "code.__new__", "function.__new__", "marshal.", "pickle.",
    "urllib.", "http.", "ftplib.", "smtplib.", "telnetlib.", "webbrowser.", "glob.",
    "tempfile.", "sqlite3.", "winreg.", "msvcrt.", "resource.", "gc.get_", "cpython.",
    "builtins.input", "mmap.", "fcntl.", "syslog.", "setopencodehook",
    # frames and code objects (tb_frame, gi_frame, __code__, ...): the way from a
    # traceback to the runner's locals, and from there to everything else
    "object.__getattr__", "object.__setattr__", "object.__delattr__",
    "_thread.start_new_thread", "sys.setrecursionlimit",
)


def restricted_builtins(allowed_builtins, allowed_imports):
    """A builtins dict holding only allowed names and an import that checks the allow-list.

    Imports return read-only views of modules without their private names and without
    other modules they happen to hold (``typing.sys``, ``statistics.random``), so an
    allowed module is never a bridge to a forbidden one.
    """
    _warm_lazy_imports()
    real_import = builtins.__import__
    allowed_roots = frozenset(allowed_imports)
    views = {}

    def guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
        if level != 0 or name.split(".")[0] not in allowed_roots:
            raise ImportError(f"import of {name!r} is not allowed in compiled steps")
        return _module_view(real_import(name, globals, locals, fromlist, level), views)

    table = {n: getattr(builtins, n) for n in allowed_builtins if hasattr(builtins, n)}
    table["__import__"] = guarded_import
    table["__build_class__"] = builtins.__build_class__  # TypedDict result definitions
    return table


def _warm_lazy_imports():
    """Run once the allowed stdlib calls that import a private helper on first use.

    ``datetime.strptime`` imports ``_strptime`` from C the first time it is called; under
    the guarded import that name is refused, so the first call is made here, before the
    guard exists, and later calls find the helper already loaded.
    """
    import datetime

    datetime.datetime.strptime("2000-01-02", "%Y-%m-%d")


def _module_view(module, views):
    import types

    name = module.__name__
    if name not in views:
        view = views[name] = types.ModuleType(name)
        for key, value in list(vars(module).items()):
            if key.startswith("_"):
                continue
            if isinstance(value, types.ModuleType):
                if not value.__name__.startswith(name + "."):
                    continue  # a foreign module re-exported by this one
                value = _module_view(value, views)
            setattr(view, key, value)
    return views[name]


def _limit_resources(limits):
    import resource

    def cap(kind, value):
        _soft, hard = resource.getrlimit(kind)
        value = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(kind, (value, value))

    seconds = int(limits["cpu_seconds"])
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))  # SIGXCPU first
    cap(resource.RLIMIT_AS, int(limits["memory_bytes"]))
    cap(resource.RLIMIT_FSIZE, 0)
    cap(resource.RLIMIT_CORE, 0)
    cap(resource.RLIMIT_NOFILE, int(limits["open_files"]))
    cap(resource.RLIMIT_NPROC, int(limits["processes"]))


def _leave_network():
    """New, empty network namespace (no interfaces at all); False where not permitted."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.unshare(CLONE_NEWNET) == 0
    except Exception:
        return False
    finally:  # step code must not find ctypes already loaded (importing it is refused)
        loaded = [m for m in sys.modules if m == "ctypes" or m.startswith(("ctypes.", "_ctypes"))]
        for name in loaded:
            del sys.modules[name]


def _install_audit_hook(allowed_imports, exec_budget=1):
    """Refuse file, network, process, native-code and frame-introspection events.

    Everything the hook consults is bound into its closure now, so step code that
    reaches this module's globals cannot loosen it afterwards.
    """
    allowed_roots = frozenset(allowed_imports)
    denied = tuple(_DENIED_EVENT_PREFIXES)
    remaining = [exec_budget]

    def hook(event, args, allowed_roots=allowed_roots, denied=denied, remaining=remaining):
        if event == "compile":  # harmless without exec; typing compiles forward references
            return
        if event == "exec":
            if remaining[0] > 0:  # the step module itself, once
                remaining[0] -= 1
                return
            raise PermissionError("sandbox: exec is not allowed")
        if event == "import":
            if str(args[0]).split(".")[0] not in allowed_roots:
                raise PermissionError(f"sandbox: import of {args[0]!r} is not allowed")
            return
        if event.startswith(denied):
            detail = f" ({args[1]})" if event.startswith("object.") and len(args) > 1 else ""
            raise PermissionError(f"sandbox: {event}{detail} is not allowed")

    sys.addaudithook(hook)


def _canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def _run_case(call, case, repeat, replay=None):
    """``replay``: (bindings, recorded calls) when the step uses modules; each repeat
    replays the recording afresh."""
    outputs = []
    for _ in range(repeat):
        try:
            if replay is None:
                result = call(case)
            else:
                result = _module_interface.replayed_call(call, case, *replay)
        except RecursionError:
            return {"ok": False, "error": "RecursionError: maximum recursion depth exceeded"}
        except MemoryError:
            return {"ok": False, "error": "MemoryError: memory limit exceeded"}
        except BaseException as exc:  # SystemExit too: step code may not end the process
            return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        try:
            outputs.append(_canonical(result))
        except (TypeError, ValueError) as exc:
            return {"ok": False, "error": f"result is not JSON-serialisable: {exc}"}
    return {"ok": True, "outputs": outputs}


def _private_report_channel():
    """Move the real stdout to a private descriptor; fds 1 and 2 then go nowhere.

    Step code that somehow writes to fd 1 cannot forge the report, which also
    carries a nonce from the parent that step code never sees.
    """
    import os

    report_fd = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)

    def send(data):
        view = memoryview(data)
        while view:
            view = view[os.write(report_fd, view):]

    return send


def _caller(function, template, options, runners):
    """A case runs through the template's runner, the one the runtime uses (default: a
    plain keyword call, sync_handler@1); a step that uses modules gets its interface."""
    runner = runners[template or "sync_handler@1"]
    return lambda case, modules=None: runner(
        _module_interface.with_modules(function, modules), case, options)


def _replays(job):
    """Per case: (bindings, recorded calls) for a step that uses modules, else None."""
    modules = job.get("modules")
    if not modules:
        return [None] * len(job["cases"])
    return [(modules["bindings"], calls) for calls in modules["calls"]]


def main():
    job = json.loads(sys.stdin.read())
    nonce = job.pop("nonce")
    send = _private_report_channel()
    # the runners sit beside this file (sys.path[0]); loaded before the audit hook
    global _module_interface
    import _module_interface
    import _template_runners
    for module in job["allowed_imports"]:  # load before the hook: imports read files
        __import__(module)
    _limit_resources(job["limits"])
    isolated = _leave_network()
    table = restricted_builtins(job["allowed_builtins"], job["allowed_imports"])
    sys.setrecursionlimit(int(job["limits"].get("recursion", 1000)))
    _install_audit_hook(job["allowed_imports"])
    sys.stdout = sys.stderr = None  # generated code has no print anyway
    namespace = {"__builtins__": table, "__name__": "compiled_step"}
    try:
        code = compile(job["source"], job.get("filename", "step.py"), "exec")
        exec(code, namespace)
        function = namespace[job["function"]]
        call = _caller(function, job.get("template"), job.get("options") or {},
                       _template_runners.RUNNERS)
    except BaseException as exc:  # report import-time failures as such
        results = [{"ok": False, "error": f"module failed to load: {type(exc).__name__}: {exc}"}]
    else:
        results = [_run_case(call, case, int(job["repeat"]), replay)
                   for case, replay in zip(job["cases"], _replays(job), strict=True)]
    report = {"nonce": nonce, "results": results, "network_isolated": isolated}
    send(json.dumps(report).encode("utf-8"))


if __name__ == "__main__":
    main()
