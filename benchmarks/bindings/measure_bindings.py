#!/usr/bin/env python3
"""Measure load time, generation speed and determinism of a llama.cpp Python binding.

Usage:
    python measure_bindings.py MODEL.gguf {xllamacpp|llama-cpp-python} \
        [--runs 3] [--out result.json]

Prints a JSON object for the chosen binding (version, load_seconds,
tokens_per_second, deterministic, sample_output, ...). Install time is not
measured here; time the `pip install` separately and pass it with
--install-seconds if it should be recorded in the output.
"""
import argparse
import json
import time
from importlib import metadata

PROMPT = "Write a Python function is_leap(year: int) -> bool with a docstring. Only code."
MESSAGES = [{"role": "user", "content": PROMPT}]
N_CTX = 4096
N_THREADS = 2
MAX_TOKENS = 256
SEED = 42


def load_xllamacpp(model_path):
    import xllamacpp as x

    p = x.CommonParams()
    p.model.path = model_path
    p.n_ctx = N_CTX
    p.cpuparams.n_threads = N_THREADS
    p.cpuparams_batch.n_threads = N_THREADS
    p.n_parallel = 1
    server = x.Server(p)

    def generate():
        r = server.handle_chat_completions({
            "messages": MESSAGES,
            "temperature": 0,
            "seed": SEED,
            "max_tokens": MAX_TOKENS,
            "cache_prompt": False,
        })
        if "error" in r:
            raise RuntimeError(r["error"])
        text = r["choices"][0]["message"]["content"]
        n = r["usage"]["completion_tokens"]
        reported = r.get("timings", {}).get("predicted_per_second")
        return text, n, reported

    return generate, metadata.version("xllamacpp")


def load_llama_cpp_python(model_path):
    import llama_cpp

    llm = llama_cpp.Llama(model_path=model_path, n_ctx=N_CTX, n_threads=N_THREADS,
                          seed=SEED, verbose=False)

    def generate():
        llm.reset()  # do not reuse the previous run's KV cache
        r = llm.create_chat_completion(messages=MESSAGES, temperature=0, max_tokens=MAX_TOKENS)
        text = r["choices"][0]["message"]["content"]
        n = r["usage"]["completion_tokens"]
        return text, n, None  # no per-phase timings in the response

    return generate, metadata.version("llama_cpp_python")


LOADERS = {"xllamacpp": load_xllamacpp, "llama-cpp-python": load_llama_cpp_python}


def measure(binding, model_path, runs):
    t0 = time.perf_counter()
    generate, version = LOADERS[binding](model_path)
    load_s = time.perf_counter() - t0

    outputs, wall_tps, reported_tps, tokens = [], [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        text, n, reported = generate()
        dt = time.perf_counter() - t0
        outputs.append(text)
        tokens.append(n)
        wall_tps.append(n / dt)
        if reported is not None:
            reported_tps.append(reported)

    result = {
        "version": version,
        "load_seconds": round(load_s, 2),
        "tokens_per_second": round(sum(wall_tps) / runs, 2),
        "tokens_per_second_runs": [round(v, 2) for v in wall_tps],
        "completion_tokens": tokens,
        "deterministic": len(set(o.encode() for o in outputs)) == 1,
        "sample_output": outputs[0][:300],
    }
    if reported_tps:
        result["reported_predicted_per_second"] = round(sum(reported_tps) / len(reported_tps), 2)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model")
    ap.add_argument("binding", choices=sorted(LOADERS))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--install-seconds", type=float, default=None)
    ap.add_argument("--out", help="also write the JSON to this file")
    args = ap.parse_args()

    res = measure(args.binding, args.model, args.runs)
    if args.install_seconds is not None:
        res = {"install_seconds": args.install_seconds, **res}
    res = {"binding": args.binding, **res}
    text = json.dumps(res, indent=2)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
