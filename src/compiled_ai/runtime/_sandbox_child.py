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

CLONE_NEWNET = 0x40000000
_DENIED_EVENT_PREFIXES = (
    "open", "os.", "socket.", "subprocess.", "shutil.", "ctypes.", "pty.", "signal.",
    "sys._getframe", "sys._current_frames", "sys.settrace", "sys.setprofile",
    "sys.addaudithook", "code.__new__", "function.__new__", "marshal.", "pickle.",
    "urllib.", "http.", "ftplib.", "smtplib.", "telnetlib.", "webbrowser.", "glob.",
    "tempfile.", "sqlite3.", "winreg.", "msvcrt.", "resource.", "gc.get_", "cpython.",
    "builtins.input", "mmap.", "fcntl.", "syslog.", "setopencodehook",
)


def restricted_builtins(allowed_builtins, allowed_imports):
    """A builtins dict holding only allowed names and an import that checks the allow-list."""
    real_import = builtins.__import__
    allowed_roots = frozenset(allowed_imports)

    def guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
        if level != 0 or name.split(".")[0] not in allowed_roots:
            raise ImportError(f"import of {name!r} is not allowed in compiled steps")
        return real_import(name, globals, locals, fromlist, level)

    table = {n: getattr(builtins, n) for n in allowed_builtins if hasattr(builtins, n)}
    table["__import__"] = guarded_import
    table["__build_class__"] = builtins.__build_class__  # TypedDict result definitions
    return table


def _limit_resources(limits):
    import resource

    def cap(kind, value):
        soft, hard = resource.getrlimit(kind)
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


def _install_audit_hook(allowed_imports, budget):
    allowed_roots = frozenset(allowed_imports)

    def hook(event, args):
        if event == "compile":  # harmless without exec; typing compiles forward references
            return
        if event == "exec":
            if budget["exec"] > 0:  # the step module itself, once
                budget["exec"] -= 1
                return
            raise PermissionError("sandbox: exec is not allowed")
        if event == "import":
            if str(args[0]).split(".")[0] not in allowed_roots:
                raise PermissionError(f"sandbox: import of {args[0]!r} is not allowed")
            return
        if event.startswith(_DENIED_EVENT_PREFIXES):
            raise PermissionError(f"sandbox: {event} is not allowed")

    sys.addaudithook(hook)


def _canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def _run_case(function, case, repeat):
    outputs = []
    for _ in range(repeat):
        try:
            result = function(**case)
            outputs.append(_canonical(result))
        except RecursionError:
            return {"ok": False, "error": "RecursionError: maximum recursion depth exceeded"}
        except MemoryError:
            return {"ok": False, "error": "MemoryError: memory limit exceeded"}
        except (TypeError, ValueError) as exc:
            if outputs or "JSON" not in str(exc) and "serializable" not in str(exc):
                return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
            return {"ok": False, "error": f"result is not JSON-serialisable: {exc}"}
        except Exception as exc:
            return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    return {"ok": True, "outputs": outputs}


def main():
    out = sys.stdout
    job = json.loads(sys.stdin.read())
    for module in job["allowed_imports"]:  # load before the hook: imports read files
        __import__(module)
    _limit_resources(job["limits"])
    isolated = _leave_network()
    table = restricted_builtins(job["allowed_builtins"], job["allowed_imports"])
    sys.setrecursionlimit(int(job["limits"].get("recursion", 1000)))
    _install_audit_hook(job["allowed_imports"], {"exec": 1})
    sys.stdout = sys.stderr = None  # generated code has no print anyway
    namespace = {"__builtins__": table, "__name__": "compiled_step"}
    try:
        code = compile(job["source"], job.get("filename", "step.py"), "exec")
        exec(code, namespace)
        function = namespace[job["function"]]
    except BaseException as exc:  # report import-time failures as such
        results = [{"ok": False, "error": f"module failed to load: {type(exc).__name__}: {exc}"}]
    else:
        results = [_run_case(function, case, int(job["repeat"])) for case in job["cases"]]
    out.write(json.dumps({"results": results, "network_isolated": isolated}))
    out.flush()


if __name__ == "__main__":
    main()
