"""The compiler: spec -> prompt -> model -> four validation stages -> artifact files."""

from compiled_ai.compiler.compile import CompiledArtifact, CompileOptions, compile_spec

__all__ = ["CompileOptions", "CompiledArtifact", "compile_spec"]
