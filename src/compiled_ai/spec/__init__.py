"""Workflow specs: pydantic models, YAML loading with located errors, JSON Schema export."""

from compiled_ai.spec.loader import load_spec, parse_spec
from compiled_ai.spec.models import Fixture, FunctionStep, Spec, Tolerance

__all__ = ["Fixture", "FunctionStep", "Spec", "Tolerance", "load_spec", "parse_spec"]
