"""``compiled-ai bench docile``: the DocILE benchmark on real data or the synthetic corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from compiled_ai.cli.output import console, err_console
from compiled_ai.errors import InputError
from compiled_ai.providers.registry import PROVIDER_NAMES, make_provider


@click.command("docile")
@click.option("--synthetic", is_flag=True, help="Generate the offline synthetic corpus and "
              "benchmark on it.")
@click.option("--seed", type=int, default=0, show_default=True, help="Synthetic corpus seed.")
@click.option("--docs", type=click.IntRange(min=1), default=240, show_default=True,
              help="Synthetic documents (over 24 vendor layouts).")
@click.option("--data", type=click.Path(path_type=Path),
              help="A DocILE dataset directory (annotations/, ocr/, pdfs/, train/val/test.json).")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N test documents.")
@click.option("--llm-docs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Also run the Direct-LLM baseline (and compiled with LLM fallback) on this "
                   "many test documents; replies are cached in OUT, so reruns resume.")
@click.option("--provider", type=click.Choice(PROVIDER_NAMES), default="local",
              show_default=True, help="Model provider for the Direct-LLM baseline.")
@click.option("--compile-provider", type=click.Choice(("none", *PROVIDER_NAMES)),
              default="none", show_default=True,
              help="Model that writes code for each layout cluster through the compiler "
                   "(adds the compiled_model method; zero tokens at run time).")
@click.option("--model-writes", type=click.Choice(("fields", "each-field", "recognisers")),
              default="fields", show_default=True,
              help="fields: the cluster's field locator (the model finds every field in the "
                   "layout text; adds model_written_only); each-field: one locator per field, "
                   "compiled on its own (fields that fail keep the induced rule); "
                   "recognisers: value recognisers the induced profile calls when a label is "
                   "missing.")
@click.option("--model-clusters", type=click.IntRange(min=1),
              help="Only the N largest clusters get model-written code (the others "
                   "keep the induced profile): bounds the compile time of a CPU model.")
@click.option("--compile-attempts", type=click.IntRange(min=1, max=10), default=3,
              show_default=True, help="Attempts per model-written part (each failure's "
                                      "findings are fed back).")
@click.option("--replay-from", type=click.Path(path_type=Path),
              help="With --compile-provider replay: an artifact or compile log to replay.")
@click.option("-o", "--out", type=click.Path(path_type=Path, file_okay=False),
              default=Path("benchmarks/docile/results"), show_default=True,
              help="Directory for the JSON result (and the synthetic corpus).")
def docile_command(synthetic: bool, seed: int, docs: int, data: Path | None,
                   limit: int | None, llm_docs: int, provider: str, compile_provider: str,
                   model_writes: str, model_clusters: int | None, compile_attempts: int,
                   replay_from: Path | None, out: Path) -> None:
    """Cluster layouts, compile one extractor per cluster, score it and the rules baseline
    with DocILE's official KILE and LIR metrics."""
    from compiled_ai.benchmarks.docile.official import require_docile

    if synthetic == (data is not None):
        raise InputError("give exactly one of --synthetic or --data DIR")
    require_docile()
    from compiled_ai.benchmarks.docile.run import run_docile
    from compiled_ai.settings import load_settings

    chosen = make_provider(provider, load_settings()) if llm_docs else None
    compiler = None
    if compile_provider == "replay" and replay_from is None:
        raise InputError("--compile-provider replay needs --replay-from ARTIFACT_OR_LOG")
    if compile_provider != "none":
        compiler = make_provider(compile_provider, load_settings(), replay_from)
    tag = f"synthetic_seed{seed}_docs{docs}" if synthetic else "real"
    if compiler is not None:
        tag += f"_model-{compile_provider}{_model_suffix(compiler.identity.model)}"
        if model_writes != "recognisers":  # the first mode's results keep their names
            tag += f"_{model_writes}"

    columns = (TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        def tick(label: str, total: int) -> Any:
            task = progress.add_task(label, total=total)
            return lambda: progress.advance(task)

        if synthetic:
            from compiled_ai.benchmarks.docile.synth.corpus import generate_corpus

            data = out / f"corpus-seed{seed}-docs{docs}"
            advance = tick("generate", docs)
            try:
                generate_corpus(data, seed=seed, docs=docs, tick=advance)
            except ValueError as exc:
                raise InputError(f"--docs: {exc}") from None
        assert data is not None
        result = run_docile(data, tick, limit, provider=chosen, llm_docs=llm_docs,
                            llm_cache=out / f"docile_{tag}_llm_replies.jsonl",
                            compile_provider=compiler,
                            artifacts=out / f"docile_{tag}_artifacts",
                            model_clusters=model_clusters, compile_attempts=compile_attempts,
                            model_writes=model_writes)
    result["corpus"] = ({"kind": "synthetic", "seed": seed, "docs": docs} if synthetic
                        else {"kind": "real", "path": str(data)})
    name = f"docile_{tag}.json"
    out.mkdir(parents=True, exist_ok=True)
    (out / name).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    _print(result)
    console.print(f"result written to {escape(str(out / name))}")


def _model_suffix(model: str) -> str:
    """"" for the default local model (the committed results' names), else the model's
    name: a run with another model never overwrites them."""
    from compiled_ai.settings import DEFAULT_LOCAL_MODEL

    if model == DEFAULT_LOCAL_MODEL:
        return ""
    return "-" + re.sub(r"[^A-Za-z0-9.]+", "-", Path(model).name).strip("-")


def _print(result: dict[str, Any]) -> None:
    kind = result["corpus"]["kind"]
    table = Table(title=f"DocILE official metrics ({kind} test split, "
                        f"{result['test_documents']} documents)")
    for column in ("method", "subset", "KILE AP", "KILE F1", "LIR F1", "LIR AP",
                   "field acc.", "tokens"):
        table.add_column(column, justify="right")
    for method, scores in result["methods"].items():
        for subset, metrics in scores["official"].items():
            kile, lir = metrics["kile"]["metrics"], metrics["lir"]["metrics"]
            table.add_row(method, subset, f"{kile['AP']:.3f}", f"{kile['f1']:.3f}",
                          f"{lir['f1']:.3f}", f"{lir['AP']:.3f}",
                          f"{scores['field_accuracy']['_all']:.3f}" if subset == "all" else "",
                          str(scores["tokens"]))
    console.print(table)
    llm = result.get("llm_subset")
    if llm:
        table = Table(title=f"Direct LLM beside the others ({len(llm['documents'])} test "
                            f"documents, {llm['unseen_layout_documents']} of unseen layouts)")
        for column in ("method", "KILE AP", "LIR F1", "field acc.", "tokens"):
            table.add_column(column, justify="right")
        for method, scores in llm.items():
            if isinstance(scores, dict) and "official" in scores:
                table.add_row(method, f"{scores['official']['kile']['primary']:.3f}",
                              f"{scores['official']['lir']['primary']:.3f}",
                              f"{scores['field_accuracy']['_all']:.3f}", str(scores["tokens"]))
        console.print(table)
    c = result["clustering"]
    console.print(f"clusters {c['clusters']}, purity train {c['train_purity']} / test "
                  f"{c['test_purity']}; {c['test_unassigned']} test documents matched no "
                  f"layout ({c['test_unseen_layout_docs']} are from unseen layouts); "
                  f"compiled extractors passing validation: {result['compile']['passed']}/"
                  f"{result['compile']['extractors']}")
    model = result.get("compile_model")
    if model:
        noun = "recognisers" if model.get("model_writes", "recognisers") == "recognisers" \
            else "locators"
        console.print(f"model-written {noun}: {model[f'{noun}_passed']}/"
                      f"{model[noun]} compiled, used by {model['used']} clusters "
                      f"({model['fallback_clusters']} fell back to the induced profile); "
                      f"{model['compile_tokens']} compile tokens in "
                      f"{model['compile_seconds']} s; 0 tokens at run time")
