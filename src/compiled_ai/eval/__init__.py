"""Evaluation: the paper's metrics (tokens, break-even, cost, latency, determinism)."""
