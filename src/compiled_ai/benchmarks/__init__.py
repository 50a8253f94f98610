"""Benchmarks: each loads its data, runs the product on it, scores it and writes a result."""
