"""CWE rules: name the weakness a piece of code has, beyond "not on the allow-list".

The allow-list already refuses the imports most of these need; these rules say *why*
code is dangerous (with its CWE), so reports and benchmarks can be read per weakness,
and they keep working for code checked outside compiled steps (``compiled-ai check code``).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from compiled_ai.security.code.regex_dos import redos_risk
from compiled_ai.security.code.registry import CodeContext, first_argument, is_constant, rule

Hits = Iterator[tuple[ast.AST, str]]


def _matches(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") or
               (p.endswith(".") and name.startswith(p)) for p in prefixes)


@rule("DYN001", "code generation or dynamic import", cwe=94)
def dynamic_import(ctx: CodeContext) -> Hits:
    """Loading modules or building functions from run-time data:
    ``importlib.import_module``, ``__import__``, ``types.FunctionType``, ``runpy``."""
    targets = ("importlib.import_module", "importlib.__import__", "__import__",
               "builtins.__import__", "types.FunctionType", "types.CodeType",
               "runpy.run_path", "runpy.run_module", "pkgutil.get_loader")
    for call, name in ctx.calls():
        if name in targets:
            yield call, f"{name}() loads or builds code at run time"


@rule("DYN002", "eval or exec of data", cwe=95)
def eval_injection(ctx: CodeContext) -> Hits:
    """``eval``/``exec``/``compile`` (also via ``builtins``) evaluate text as code."""
    for call, name in ctx.calls():
        if name.removeprefix("builtins.") in ("eval", "exec", "compile"):
            yield call, f"{name}() evaluates text as Python code"


@rule("CMD001", "OS command execution", cwe=78)
def command_execution(ctx: CodeContext) -> Hits:
    """Starting processes or shell commands: ``os.system``, ``os.popen``, ``os.exec*``,
    ``os.spawn*``, ``subprocess.*``, ``pty.spawn``, ``commands.getoutput``."""
    for call, name in ctx.calls():
        if _matches(name, ("subprocess", "os.system", "os.popen", "os.posix_spawn", "pty.spawn",
                           "commands", "asyncio.create_subprocess_exec",
                           "asyncio.create_subprocess_shell")) \
                or re.match(r"os\.(exec|spawn)\w*$", name):
            yield call, f"{name}() runs an operating-system command"


_SQL = re.compile(r"^\s*(select|insert|update|delete|replace|merge|with|create|drop|alter)\b",
                  re.IGNORECASE)


@rule("SQL001", "SQL built from data", cwe=89)
def sql_injection(ctx: CodeContext) -> Hits:
    """An SQL statement assembled with an f-string, ``%``, ``+`` or ``.format`` instead
    of bound parameters, whether passed to ``execute`` directly or built first."""
    covered: set[int] = set()  # parts of an expression already reported (a + b + c)
    for node in ast.walk(ctx.tree):  # breadth first: outer expressions come first
        text = _formatted_text(node)
        if text is not None and _SQL.match(text) and id(node) not in covered:
            covered.update(id(n) for n in ast.walk(node))
            yield node, "SQL statement built by string formatting (use bound parameters)"
    for call, name in ctx.calls():
        if name.rsplit(".", 1)[-1] in ("execute", "executemany", "executescript", "raw") \
                and call.args and isinstance(call.args[0], ast.Name):
            yield call, f"{name}() runs a query held in a variable; check it is not built from data"


def _formatted_text(node: ast.AST) -> str | None:
    """The literal text of a string built with f-string, %, + or .format, else None."""
    if isinstance(node, ast.JoinedStr) and any(isinstance(v, ast.FormattedValue)
                                               for v in node.values):
        return "".join(v.value for v in node.values
                       if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
        left = node.left
        while isinstance(left, ast.BinOp):
            left = left.left
        if isinstance(left, ast.Constant) and isinstance(left.value, str) and \
                not (is_constant(node.left) and is_constant(node.right)):
            return left.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
            node.func.attr == "format" and isinstance(node.func.value, ast.Constant) and \
            isinstance(node.func.value.value, str) and (node.args or node.keywords):
        return node.func.value.value
    return None


@rule("PATH001", "file path from data", cwe=22)
def path_traversal(ctx: CodeContext) -> Hits:
    """Opening, sending or removing a file whose path comes from data (``open``,
    ``os.path.join``, ``pathlib.Path``, ``send_file``, ``shutil``) allows ``../`` traversal."""
    sinks = ("open", "io.open", "codecs.open", "os.open", "os.remove", "os.unlink",
             "os.path.join", "pathlib.Path", "flask.send_file", "flask.send_from_directory",
             "send_file", "send_from_directory", "shutil.copy", "shutil.copyfile",
             "shutil.move", "shutil.rmtree", "os.listdir", "os.scandir", "FileResponse",
             "fastapi.responses.FileResponse", "starlette.responses.FileResponse")
    for call, name in ctx.calls():
        if name in sinks and any(not is_constant(a) for a in call.args):
            yield call, f"{name}() with a path computed at run time (path traversal)"
        elif name.rsplit(".", 1)[-1] in ("read_text", "read_bytes", "open", "write_text") and \
                isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.BinOp):
            yield call, "file access on a path joined from data (path traversal)"


@rule("DESER001", "unsafe deserialisation", cwe=502)
def unsafe_deserialisation(ctx: CodeContext) -> Hits:
    """``pickle``/``cPickle``/``dill``/``marshal``/``shelve``/``jsonpickle`` loads, and
    ``yaml.load`` without a safe loader, can run code chosen by the data."""
    for call, name in ctx.calls():
        if _matches(name, ("pickle.load", "pickle.loads", "pickle.Unpickler", "cPickle",
                           "_pickle", "dill.load", "dill.loads", "marshal.load",
                           "marshal.loads", "shelve.open", "jsonpickle.decode",
                           "joblib.load", "torch.load", "numpy.load", "yaml.unsafe_load",
                           "yaml.full_load")):
            yield call, f"{name}() deserialises data into arbitrary objects"
        elif name in ("yaml.load", "yaml.load_all"):
            loader = next((kw.value for kw in call.keywords if kw.arg == "Loader"),
                          call.args[1] if len(call.args) > 1 else None)
            if loader is None or "Safe" not in ast.unparse(loader):
                yield call, f"{name}() without SafeLoader can construct arbitrary objects"


@rule("SSRF001", "request to a URL from data", cwe=918)
def server_side_request(ctx: CodeContext) -> Hits:
    """HTTP and socket clients (``requests``, ``httpx``, ``urllib``, ``aiohttp``,
    ``http.client``, ``socket``) called with a URL or host computed at run time."""
    clients = ("requests.", "httpx.", "urllib.request.urlopen", "urllib.request.Request",
               "urllib.request.urlretrieve", "urllib3.", "aiohttp.", "http.client.",
               "socket.create_connection", "socket.getaddrinfo", "pycurl.")
    for call, name in ctx.calls():
        target = first_argument(call, "url")
        if _matches(name, clients) and target is not None and not is_constant(target):
            yield call, f"{name}() fetches a URL computed at run time (SSRF)"


@rule("REDIR001", "redirect to a URL from data", cwe=601)
def open_redirect(ctx: CodeContext) -> Hits:
    """Redirecting to, or setting a ``Location`` header from, a URL computed at run time.

    A header is a ``Location`` key set on something named like headers or a response
    (``response.headers["Location"] = ...``, ``resp["Location"] = ...``,
    ``headers = {"Location": ...}``) or in a dict passed as ``headers=``; a plain result
    dict with a ``location`` field (a weather query's city) is not one."""
    sinks = ("redirect", "HttpResponseRedirect", "HttpResponsePermanentRedirect",
             "RedirectResponse")
    for call, name in ctx.calls():
        target = first_argument(call, "url") or first_argument(call, "location")
        if name.rsplit(".", 1)[-1] in sinks and target is not None and not is_constant(target):
            yield call, f"{name}() redirects to a URL computed at run time (open redirect)"
    header_dicts = [kw.value for call, _name in ctx.calls() for kw in call.keywords
                    if kw.arg == "headers" and isinstance(kw.value, ast.Dict)]
    for node in ctx.nodes(ast.Assign):
        assert isinstance(node, ast.Assign)
        if isinstance(node.value, ast.Dict) and any(_names_headers(t) for t in node.targets):
            header_dicts.append(node.value)
        for target in node.targets:
            if isinstance(target, ast.Subscript) and isinstance(target.slice, ast.Constant) \
                    and str(target.slice.value).lower() == "location" \
                    and _names_headers(target.value) and not is_constant(node.value):
                yield node, "Location header set from data (open redirect)"
    for headers in header_dicts:
        assert isinstance(headers, ast.Dict)
        for key, value in zip(headers.keys, headers.values, strict=True):
            if isinstance(key, ast.Constant) and str(key.value).lower() == "location" and \
                    not is_constant(value):
                yield headers, "Location header set from data (open redirect)"


def _names_headers(node: ast.AST) -> bool:
    """``headers``, ``self.headers``, ``response``: a name about headers or a response (a
    Django response sets a header by item assignment)."""
    text = ast.unparse(node).lower()
    return "header" in text or "resp" in text


@rule("TPL001", "template compiled from data", cwe=1336)
def template_injection(ctx: CodeContext) -> Hits:
    """Template engines (Jinja2, Mako, ``string.Template``, Django) compiling a template
    text that comes from data let that data run template code."""
    engines = ("jinja2.Template", "Template", "string.Template", "mako.template.Template",
               "jinja2.Environment.from_string", "Environment.from_string", "from_string",
               "django.template.Template", "jinja2.Environment().from_string")
    for call, name in ctx.calls():
        short = name.rsplit(".", 1)[-1]
        argument = first_argument(call, "source")
        if (name in engines or short == "from_string") and argument is not None and \
                not is_constant(argument):
            yield call, f"{name}() compiles a template taken from data (template injection)"


@rule("REDOS001", "regular expression with catastrophic backtracking", cwe=1333)
def regex_dos(ctx: CodeContext) -> Hits:
    """A regex whose nested or overlapping quantifiers make matching exponential on
    crafted input, e.g. ``(a+)+$`` or ``(\\w+\\s?)*$``."""
    functions = ("compile", "match", "search", "fullmatch", "sub", "subn", "findall",
                 "finditer", "split")
    for call, name in ctx.calls():
        head, _, short = name.rpartition(".")
        if head in ("re", "regex") and short in functions and call.args and \
                isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
            reason = redos_risk(call.args[0].value)
            if reason:
                yield call, f"regex {call.args[0].value!r}: {reason}"


_SECRET_NAME = re.compile(r"(pass(word|wd|phrase)?|secret|api_?key|access_?key|private_?key|"
                          r"auth_?token|token|credential|client_secret|pwd)$", re.IGNORECASE)
_SECRET_VALUE = re.compile(
    r"AKIA[0-9A-Z]{16}|ASIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_\w{40,}|"
    r"xox[abpors]-[\w-]{10,}|sk_(live|test)_\w{16,}|rk_live_\w{16,}|sk-[A-Za-z0-9_-]{20,}|"
    r"AIza[0-9A-Za-z_-]{35}|-----BEGIN [A-Z ]*PRIVATE KEY-----|eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.")


@rule("SECRET001", "hard-coded credential", cwe=798)
def hardcoded_secret(ctx: CodeContext) -> Hits:
    """A password, key or token written into the code: a string literal assigned to,
    compared with or passed as a credential-like name, or shaped like a known key."""
    def credential(name: str, value: ast.AST | None) -> bool:
        return bool(_SECRET_NAME.search(name)) and isinstance(value, ast.Constant) and \
            isinstance(value.value, str) and len(value.value) >= 6 and " " not in value.value

    for node in ast.walk(ctx.tree):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                name = target.id if isinstance(target, ast.Name) else \
                    target.attr if isinstance(target, ast.Attribute) else ""
                if credential(name, node.value):
                    yield node, f"hard-coded credential assigned to {name!r}"
        elif isinstance(node, ast.keyword) and node.arg and credential(node.arg, node.value):
            yield node.value, f"hard-coded credential passed as {node.arg}="
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and isinstance(key.value, str) and \
                        credential(key.value, value):
                    yield node, f"hard-coded credential under key {key.value!r}"
        elif isinstance(node, ast.Compare) and len(node.comparators) == 1:
            sides = [node.left, node.comparators[0]]
            names = [s.id if isinstance(s, ast.Name) else s.attr if isinstance(s, ast.Attribute)
                     else "" for s in sides]
            for name, other in ((names[0], sides[1]), (names[1], sides[0])):
                if credential(name, other):
                    yield node, f"{name!r} compared with a hard-coded credential"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                _SECRET_VALUE.search(node.value):
            yield node, "string literal shaped like an API key, token or private key"


@rule("CRYPTO001", "weak hash", cwe=328)
def weak_hash(ctx: CodeContext) -> Hits:
    """MD5 and SHA-1 (``hashlib.md5``, ``hashlib.sha1``, ``hashlib.new('md5')``) are broken
    for signatures and passwords."""
    for call, name in ctx.calls():
        if name in ("hashlib.md5", "hashlib.sha1", "md5.new", "sha.new",
                    "Crypto.Hash.MD5.new", "Crypto.Hash.SHA.new") or (
                name == "hashlib.new" and call.args and isinstance(call.args[0], ast.Constant)
                and str(call.args[0].value).lower() in ("md5", "sha1", "md4")):
            yield call, f"{name}() uses a broken hash function"


@rule("CRYPTO002", "weak cipher or mode", cwe=327)
def weak_cipher(ctx: CodeContext) -> Hits:
    """DES, 3DES, RC4, Blowfish and ECB mode, in PyCryptodome or ``cryptography``."""
    weak = re.compile(r"(^|\.)(DES3?|ARC4|ARC2|Blowfish|TripleDES|MODE_ECB|ECB|PROTOCOL_SSLv[23]|"
                      r"PROTOCOL_TLSv1(_1)?)$")
    for node in ast.walk(ctx.tree):
        if isinstance(node, ast.Attribute | ast.Name):
            name = ctx.qualified(node)
            if weak.search(name) and not isinstance(getattr(node, "ctx", None), ast.Store):
                yield node, f"{name} is a weak cipher, mode or protocol"


@rule("RAND001", "predictable randomness", cwe=330)
def insecure_random(ctx: CodeContext) -> Hits:
    """The ``random`` module is predictable: never for tokens, passwords or one-time codes
    (use ``secrets``); and it makes a compiled step nondeterministic."""
    for call, name in ctx.calls():
        if name.startswith("random.") or name.startswith("numpy.random."):
            yield call, f"{name}() is not a secure (or deterministic) source of randomness"


@rule("XXE001", "XML parser open to external entities", cwe=611)
def xml_external_entities(ctx: CodeContext) -> Hits:
    """Standard-library and lxml XML parsers resolve external entities or expand entity
    bombs on untrusted input (use ``defusedxml``)."""
    parsers = ("xml.etree.ElementTree.", "xml.etree.cElementTree.", "xml.dom.minidom.",
               "xml.dom.pulldom.", "xml.sax.", "lxml.etree.", "xml.dom.expatbuilder.",
               "xml.parsers.expat.")
    for call, name in ctx.calls():
        short = name.rsplit(".", 1)[-1]
        if _matches(name, parsers) and short in ("parse", "fromstring", "XML", "iterparse",
                                                 "parseString", "make_parser", "XMLParser",
                                                 "XMLPullParser", "ParserCreate"):
            yield call, f"{name}() parses XML without protection against external entities"


@rule("TMP001", "insecure temporary file", cwe=377)
def insecure_temp_file(ctx: CodeContext) -> Hits:
    """``tempfile.mktemp``/``os.tempnam`` race with attackers; so do fixed ``/tmp`` paths."""
    for call, name in ctx.calls():
        if name in ("tempfile.mktemp", "os.tempnam", "os.tmpnam"):
            yield call, f"{name}() returns a name another process can claim first"
    for node in ctx.nodes(ast.Constant):
        assert isinstance(node, ast.Constant)
        if isinstance(node.value, str) and re.match(r"^/(var/)?tmp/\w", node.value):
            yield node, f"fixed temporary path {node.value!r} can be pre-created by another user"
