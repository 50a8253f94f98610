"""Evaluation: the paper's metrics, measured side by side with runtime inference.

    metrics          the formulas (break-even, token reduction, entropy, percentiles)
    pricing, cost    the dated price table; cost and TCO at a monthly volume
    compile_metrics  compile tokens, first-pass rate per stage, attempts, time to valid
    code_quality     radon complexity, ruff findings, annotated share of the step files
    baseline         the runtime-inference baseline ("Direct LLM")
    inputs           the inputs file; checkpoint: resumable runs; runner: the run itself
    run_metrics      latency, determinism, task completion from recorded runs
    result, figures  the result document and its figure table; report: HTML with plots
"""
