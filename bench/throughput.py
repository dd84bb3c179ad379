"""End-to-end `kg build` throughput against the parser alone, and the gain from a second worker.

    python bench/throughput.py                      # 300 documents, 3 rounds, Oxigraph store
    python bench/throughput.py --docs 600 --rounds 5 --store memory

The parser is the floor of this design: spaCy's `nlp.pipe` over the same texts, with the same
model and components as kg (`kg.nlp.load_pipeline()`, its entity ruler included) and the same
spaCy batch size. The end-to-end run is `kg.pipeline.build_stream` exactly as `kg build` runs
it: files read from disk, parsed, entities resolved, facts found, per-document RDF graphs
written to the store. Texts are the development set in ../shared/eval (its `text` field),
repeated to `--docs` files, or generated sentences of the same shape when it is absent.

Prints documents/s and words/s of each, end-to-end / bare (target >= 0.75), and the speed-up
from 1 to 2 workers, with and without worker start-up (spawning the processes and loading
spaCy in each, timed as a 2-document build). The runs are interleaved for `--rounds` rounds
and the best time of each is kept: on this kind of shared machine the same parse takes from
15 to 20 s from one minute to the next, so a single round can show any ratio from 0.7 to 1.1.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEV_SET = ROOT.parent / "shared" / "eval" / "redocred-dev.jsonl"

_NAMES = ["Orbit Labs", "Helio Systems", "Northwind AI", "Comet", "Atlas 3", "Mira Chen",
          "Jonas Berg", "Oslo", "Lisbon", "Quill"]
_SENTENCES = [
    "{a} unveiled {b}, a language model built over nine months.",
    "{a}, led by chief executive {b}, is based in {c}.",
    "{a} has invested more than $2 billion in {b}.",
    "Analysts expect {a} to compete with {b} and {c} for corporate customers.",
    "{a} acquired {b} in 2024 and moved its team to {c}.",
    "The company said {a} will power new features in {b} next year.",
]


def corpus_texts(count: int) -> tuple[list[str], str]:
    """`count` texts: the development set repeated, or generated news-like paragraphs."""
    if DEV_SET.is_file():
        rows = [json.loads(line)["text"] for line in DEV_SET.read_text().splitlines() if line]
        return [rows[i % len(rows)] for i in range(count)], f"{DEV_SET.name} repeated"
    rng = random.Random(7)
    texts = []
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(8, 14)):
            a, b, c = rng.sample(_NAMES, 3)
            sentences.append(rng.choice(_SENTENCES).format(a=a, b=b, c=c))
        texts.append(" ".join(sentences))
    return texts, "generated (no ../shared/eval)"


def write_corpus(texts: list[str], folder: Path) -> None:
    for i, text in enumerate(texts):
        (folder / f"doc{i:06d}.txt").write_text(text, encoding="utf-8")


def time_bare(texts: list[str], batch_size: int) -> float:
    from kg.nlp import load_pipeline

    nlp = load_pipeline()
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def time_build(paths: list[str], store_kind: str, workers: int, batch_size: int) -> float:
    from kg.documents import read_all
    from kg.pipeline import build_stream
    from kg.store import MemoryStore, OxigraphStore

    with tempfile.TemporaryDirectory(prefix="kg-bench-store-") as where:
        store = MemoryStore() if store_kind == "memory" else OxigraphStore(where)
        with store:
            start = time.perf_counter()
            for _batch in build_stream(read_all(paths), store, workers=workers,
                                       batch_size=batch_size):
                pass
            return time.perf_counter() - start


def rate(count: float, seconds: float) -> str:
    return f"{count / seconds:10,.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=300, help="documents in the corpus")
    parser.add_argument("--store", choices=["oxigraph", "memory"], default="oxigraph")
    parser.add_argument("--rounds", type=int, default=3, help="keep the best of N runs")
    parser.add_argument("--batch-size", type=int, default=64, help="kg documents per batch")
    parser.add_argument("--no-workers", action="store_true", help="skip the 2-worker run")
    args = parser.parse_args()

    from kg.nlp import load_pipeline

    texts, origin = corpus_texts(args.docs)
    words = sum(len(t.split()) for t in texts)
    nlp = load_pipeline()
    spacy_batch = 16  # what kg.pipeline.extract passes to nlp.pipe
    print(f"corpus: {len(texts)} documents, {words:,} words ({origin})")
    print(f"model: {nlp.meta['name']} {nlp.meta['version']}, components: "
          f"{', '.join(nlp.pipe_names)}; kg batch {args.batch_size}, spaCy batch {spacy_batch}, "
          f"store: {args.store}")
    time_bare(texts[:8], spacy_batch)  # warm-up: first calls allocate
    runs: dict[str, list[float]] = {"bare": [], "kg1": [], "kg2": [], "start": []}
    with tempfile.TemporaryDirectory(prefix="kg-bench-corpus-") as folder:
        write_corpus(texts, Path(folder))
        tiny = Path(folder) / "tiny"  # two documents: the cost of starting two workers
        tiny.mkdir()
        write_corpus(texts[:2], tiny)
        corpus = [str(p) for p in sorted(Path(folder).glob("*.txt"))]
        for _ in range(args.rounds):
            runs["bare"].append(time_bare(texts, spacy_batch))
            runs["kg1"].append(time_build(corpus, args.store, 1, args.batch_size))
            if not args.no_workers:
                runs["kg2"].append(time_build(corpus, args.store, 2, args.batch_size))
                runs["start"].append(time_build([str(tiny)], args.store, 2, 2))
    best = {name: min(times) for name, times in runs.items() if times}
    labels = {"bare": "spaCy nlp.pipe (bare)", "kg1": "kg build, 1 worker",
              "kg2": "kg build, 2 workers"}
    print(f"\n{'run':<24}{'seconds':>9}{'docs/s':>11}{'words/s':>11}")
    for name, seconds in best.items():
        if name == "start":
            continue
        print(f"{labels[name]:<24}{seconds:9.2f}{rate(len(texts), seconds)}"
              f"{rate(words, seconds)}")
    ratio = best["bare"] / best["kg1"]
    verdict = "met" if ratio >= 0.75 else "NOT met"
    print(f"\nend-to-end / bare parser: {ratio:.2f} (target >= 0.75: {verdict})")
    if "kg2" in best:
        steady = best["kg2"] - best["start"]
        print(f"speed-up 1 -> 2 workers: {best['kg1'] / best['kg2']:.2f}x with worker start-up "
              f"({best['start']:.1f} s: spawning 2 processes that load spaCy), "
              f"{best['kg1'] / steady:.2f}x without it")


if __name__ == "__main__":
    main()
