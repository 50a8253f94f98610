"""The four validation stages, one module each: security, syntax, execution, accuracy."""
