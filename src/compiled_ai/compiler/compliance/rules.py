"""Static compliance rules, chosen by the spec's compliance tags and run in stage 1.

The prompt blocks (``hipaa.md``, ...) tell the model what to do; these rules check
what it did, where a check is possible from the code and the step's schemas. They
see which parameters carry regulated data and which result fields may hold it, which
the generic code gate cannot, so they live here and not in ``security/code``.

* **HIPAA** (``CMP-HIPAA-001``, CWE-359): a parameter that is PHI (its schema says
  ``x-phi: true``, or its name is a HIPAA identifier such as ``patient_name``, ``mrn``,
  ``ssn``, ``date_of_birth``) must not flow into a result field that is not declared PHI
  itself (``x-phi: true`` on the output), whether returned as is, converted, or
  formatted into a string. The allow-list already refuses every other sink (``print``,
  ``logging``, ``open``, sockets), so the return value is the one left to check.
* **PCI DSS** (``CMP-PCI-001``, CWE-359; requirement 3.4): a card number (``x-pan:
  true``, or named ``card_number``, ``pan``, ...) may be returned only masked: nothing
  of it but a slice of its last four characters (``card_number[-4:]``) may reach a result.
* **SOC 2**: no code-level rule. Its criteria are organisational (access control,
  change management, monitoring); what code can show (no hard-coded secrets, no
  network or file access, an audit trail) is enforced for every spec by the code gate,
  the sandbox and the audit log, so a SOC 2 tag adds only its prompt block.

Data flow is tracked by name through assignments, loops, calls and
``append``-style mutation; a comparison or a
``len`` yields a fact about the value, not the value, so a decision computed from PHI
(``"approve" if bmi >= 30 else "deny"``) is allowed.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from compiled_ai.security.findings import Finding
from compiled_ai.spec.models import Spec, parse_reference

PHI_NAMES = re.compile(
    r"^(patient_|member_|subscriber_|beneficiary_)?(name|full_name|first_name|last_name|"
    r"mrn|medical_record_number|ssn|social_security_number|dob|date_of_birth|birth_date|"
    r"address|street_address|phone|phone_number|email|email_address|member_id|"
    r"health_plan_id|account_number|license_number|device_id|ip_address)$")
PAN_NAMES = re.compile(r"^(pan|card_number|card_no|cc_number|credit_card_number|"
                       r"primary_account_number)$")
# calls whose result says something about a value without containing it
_FACT_CALLS = frozenset({"len", "bool", "isinstance"})
# methods that put their argument into the object they are called on
_MUTATORS = frozenset({"append", "extend", "insert", "add", "update", "setdefault"})


@dataclass(frozen=True)
class ComplianceContext:
    """What the rules need to know about one step: its tags and schemas."""

    tags: tuple[str, ...]
    function: str
    inputs: dict[str, dict[str, Any]]
    outputs: dict[str, dict[str, Any]]


def context_for(spec: Spec, step: Any, function: str) -> ComplianceContext:
    """The context of a compiled step; a parameter fed from a workflow input marked
    ``x-phi`` (or ``x-pan``) is marked too, so the annotation is needed only once."""
    marked = {name: {k: True for k in ("x-phi", "x-pan") if schema.get(k)}
              for name, schema in spec.input_schema["properties"].items()
              if isinstance(schema, dict)}
    inputs: dict[str, dict[str, Any]] = {}
    for name, schema in step.inputs.items():
        source = name
        bound = getattr(step, "args", {}).get(name)
        reference = parse_reference(bound) if isinstance(bound, str) else None
        if reference is not None and reference.root == "input" and reference.path:
            source = reference.path[0]
        elif bound is not None:
            source = ""  # bound to another step's output or a literal
        inputs[name] = {**schema, **marked.get(source, {})}
    return ComplianceContext(tuple(spec.compliance), function, inputs, dict(step.outputs))


def is_phi(name: str, schema: dict[str, Any]) -> bool:
    return bool(schema.get("x-phi")) or bool(PHI_NAMES.match(name))


def is_pan(name: str, schema: dict[str, Any]) -> bool:
    return bool(schema.get("x-pan")) or bool(PAN_NAMES.match(name))


def check_compliance(source: str, context: ComplianceContext) -> list[Finding]:
    """Every compliance finding for ``source``; unparsable code has none (stage 2 says why)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    findings: list[Finding] = []
    if "hipaa" in context.tags:
        phi = {n for n, s in context.inputs.items() if is_phi(n, s)}
        allowed = {n for n, s in context.outputs.items() if s.get("x-phi")}
        for line, source_name, field in _leaks(tree, context.function, phi, allowed,
                                               masked_ok=False):
            findings.append(Finding(
                id="CMP-HIPAA-001", severity="error", cwe=359, line=line,
                message=f"HIPAA: PHI parameter {source_name!r} flows into result field "
                        f"{field!r}, which is not declared PHI (x-phi); return a decision or "
                        "a code, not the identifier"))
    if "pci-dss" in context.tags:
        pans = {n for n, s in context.inputs.items() if is_pan(n, s)}
        for line, source_name, field in _leaks(tree, context.function, pans, set(),
                                               masked_ok=True):
            findings.append(Finding(
                id="CMP-PCI-001", severity="error", cwe=359, line=line,
                message=f"PCI DSS 3.4: card number {source_name!r} flows into result field "
                        f"{field!r} unmasked; return at most its last four digits "
                        f"({source_name}[-4:])"))
    return findings


def _leaks(tree: ast.Module, function: str, sources: set[str], allowed: set[str], *,
           masked_ok: bool) -> Iterator[tuple[int, str, str]]:
    """(line, source parameter, result field) for each flow of a source into a result."""
    if not sources:
        return
    taint = _Taint({name: {name} for name in sources}, masked_ok)
    taint.propagate(tree)
    target = next((n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)
                   and n.name == function), None)
    if target is None:
        return
    dicts = _dict_builders(target)
    seen: set[tuple[int, str, str]] = set()
    for node in ast.walk(target):
        if not isinstance(node, ast.Return) or node.value is None:
            continue
        fields = _result_fields(node.value, dicts)
        explained: set[str] = set()
        for field, value in fields:
            origins = taint.origins(value)
            explained |= origins
            if field in allowed:
                continue
            for origin in sorted(origins):
                hit = (getattr(value, "lineno", node.lineno), origin, field)
                if hit not in seen:
                    seen.add(hit)
                    yield hit
        # a dict filled in ways the field list does not show (a computed key, update())
        for origin in sorted(taint.origins(node.value) - explained):
            hit = (node.lineno, origin, "(the returned value)")
            if hit not in seen:
                seen.add(hit)
                yield hit


def _dict_builders(function: ast.FunctionDef) -> dict[str, list[tuple[str, ast.expr]]]:
    """name -> (field, value) for dicts built as ``r = {...}`` and ``r["k"] = v``."""
    built: dict[str, list[tuple[str, ast.expr]]] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and isinstance(node.value, ast.Dict):
                    built.setdefault(target.id, []).extend(_literal_fields(node.value))
                if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) \
                        and isinstance(target.slice, ast.Constant) \
                        and isinstance(target.slice.value, str) and node.value is not None:
                    built.setdefault(target.value.id, []).append(
                        (target.slice.value, node.value))
    return built


def _literal_fields(node: ast.Dict) -> list[tuple[str, ast.expr]]:
    fields = []
    for key, value in zip(node.keys, node.values, strict=True):
        name = key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) \
            else "(computed key)"
        fields.append((name, value))
    return fields


def _result_fields(value: ast.expr, dicts: dict[str, list[tuple[str, ast.expr]]]) \
        -> list[tuple[str, ast.expr]]:
    """The (field, expression) pairs a return statement produces, as far as they can be
    named; anything else counts as one unnamed result."""
    if isinstance(value, ast.Dict):
        return _literal_fields(value)
    if isinstance(value, ast.Call) and value.keywords and not value.args:  # Result(k=v)
        return [(kw.arg or "(**)", kw.value) for kw in value.keywords]
    if isinstance(value, ast.Name) and value.id in dicts:
        return dicts[value.id]
    return [("(the returned value)", value)]


class _Taint:
    """Which local names carry which sources, by a fixed point over assignments."""

    def __init__(self, carriers: dict[str, set[str]], masked_ok: bool) -> None:
        self.carriers = carriers
        self.masked_ok = masked_ok

    def origins(self, node: ast.AST) -> set[str]:
        """The sources whose value (not just a fact about it) ``node`` may contain."""
        match node:
            case ast.Name(id=name):
                return set(self.carriers.get(name, ()))
            case ast.Constant() | ast.Compare():
                return set()
            case ast.UnaryOp(op=ast.Not()):
                return set()
            case ast.IfExp(body=body, orelse=orelse):
                return self.origins(body) | self.origins(orelse)
            case ast.Call(func=ast.Name(id=name)) if name in _FACT_CALLS:
                return set()
            case ast.Call(func=ast.Attribute(attr=attr)) if attr in ("startswith", "endswith",
                                                                      "isdigit", "count"):
                return set()
            case ast.Subscript(slice=ast.Slice(lower=lower, upper=None, step=None)) \
                    if self.masked_ok and _last_four(lower):
                return set()
        found: set[str] = set()
        for child in ast.iter_child_nodes(node):
            found |= self.origins(child)
        return found

    def propagate(self, tree: ast.AST) -> None:
        changed = True
        while changed:
            changed = False
            for node in ast.walk(tree):
                pairs: list[tuple[ast.AST, ast.AST]] = []
                if isinstance(node, ast.Assign):
                    pairs = [(t, node.value) for t in node.targets]
                elif isinstance(node, ast.AnnAssign | ast.AugAssign) and node.value is not None:
                    pairs = [(node.target, node.value)]
                elif isinstance(node, ast.For | ast.comprehension):
                    pairs = [(node.target, node.iter)]
                elif isinstance(node, ast.NamedExpr):
                    pairs = [(node.target, node.value)]
                elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                        and node.func.attr in _MUTATORS:  # parts.append(word)
                    pairs = [(node.func.value, arg) for arg in node.args]
                for target, value in pairs:
                    origins = self.origins(value)
                    if not origins:
                        continue
                    for name in _bound_names(target):
                        before = self.carriers.setdefault(name, set())
                        if not origins <= before:
                            before |= origins
                            changed = True


def _bound_names(target: ast.AST) -> Iterator[str]:
    """Names an assignment target binds; ``r["k"] = v`` taints ``r`` as a whole."""
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, ast.Tuple | ast.List):
        for element in target.elts:
            yield from _bound_names(element)
    elif isinstance(target, ast.Subscript | ast.Attribute | ast.Starred):
        yield from _bound_names(target.value)


def _last_four(lower: ast.expr | None) -> bool:
    """``x[-4:]`` (or fewer characters): what PCI DSS allows to be shown."""
    if isinstance(lower, ast.UnaryOp) and isinstance(lower.op, ast.USub) \
            and isinstance(lower.operand, ast.Constant) and isinstance(lower.operand.value, int):
        return 1 <= lower.operand.value <= 4
    return False
