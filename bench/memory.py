"""Peak memory of a streaming build as the corpus grows, against the whole-corpus build.

    python bench/memory.py                          # 1,000 documents
    python bench/memory.py --sizes 1000,10000       # what `make bench-memory` runs
    python bench/memory.py --sizes 200,1000 --whole-max 1000 --store memory

Each build runs in a fresh process (so peaks do not mix) that writes its corpus to a temporary
folder (the development set in ../shared/eval repeated, or generated text of the same shape:
see bench/throughput.py), loads the model, then builds it with `kg.pipeline.build_stream`
into an Oxigraph store on disk, as `kg build --store` does. Its peak RSS (getrusage) is read
after loading the model and after the build. For sizes up to `--whole-max` the pre-streaming
build runs too as the baseline: every document parsed and kept, resolved at once, then written.

Prints, per size: time, documents/s, peak RSS, and the ratios that matter: the streaming peak
at each size over the smallest size's (flat means about 1.0; target: under 1 GB at 10,000), and
the whole-corpus peak over the streaming peak at the same size.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KB


def child(size: int, mode: str, store_kind: str, batch_size: int) -> dict:
    """One build in this process; returns what the parent prints."""
    from throughput import corpus_texts, write_corpus

    from kg.documents import read_all
    from kg.parallel import warm_up
    from kg.pipeline import build_stream, extract, write_batch
    from kg.store import MemoryStore, OxigraphStore

    with tempfile.TemporaryDirectory(prefix="kg-bench-mem-") as where:
        folder = Path(where) / "corpus"
        folder.mkdir()
        texts, origin = corpus_texts(size)
        write_corpus(texts, folder)
        del texts
        warm_up()
        floor = peak_mb()
        start = time.perf_counter()
        store = MemoryStore() if store_kind == "memory" else OxigraphStore(Path(where) / "s")
        with store:
            items = read_all([str(folder)])
            if mode == "stream":
                for _batch in build_stream(items, store, batch_size=batch_size):
                    pass
            else:
                write_batch(store, extract([d for d in items if not isinstance(d, Exception)]))
            triples = store.triple_count()
        return {"size": size, "mode": mode, "seconds": time.perf_counter() - start,
                "peak": peak_mb(), "floor": floor, "triples": triples, "origin": origin}


def run_child(size: int, mode: str, args: argparse.Namespace) -> dict:
    command = [sys.executable, __file__, "--child", str(size), "--mode", mode,
               "--store", args.store, "--batch-size", str(args.batch_size)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{mode} build of {size} documents failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000", help="comma-separated corpus sizes")
    parser.add_argument("--whole-max", type=int, default=1000,
                        help="also run the whole-corpus baseline up to this size (0: never)")
    parser.add_argument("--store", choices=["oxigraph", "memory"], default="oxigraph")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="stream", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.mode, args.store, args.batch_size)))
        return

    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    print(f"store: {args.store}, batch size {args.batch_size}; one fresh process per build")
    print(f"{'docs':>7} {'build':<7}{'seconds':>9}{'docs/s':>8}{'triples':>10}"
          f"{'model MB':>10}{'peak MB':>9}  ratio")
    first_peak = None
    for size in sizes:
        stream = run_child(size, "stream", args)
        first_peak = first_peak or stream["peak"]
        rows = [(stream, f"{stream['peak'] / first_peak:.2f}x the {sizes[0]:,}-doc stream")]
        if size <= args.whole_max:
            whole = run_child(size, "whole", args)
            rows.append((whole, f"{whole['peak'] / stream['peak']:.2f}x the stream"))
        for row, ratio in rows:
            print(f"{row['size']:>7,} {row['mode']:<7}{row['seconds']:9.1f}"
                  f"{row['size'] / row['seconds']:8.1f}{row['triples']:>10,}"
                  f"{row['floor']:10.0f}{row['peak']:9.0f}  {ratio}", flush=True)
    print(f"corpus: {stream['origin']}; target: flat, peak under 1,024 MB at 10,000")


if __name__ == "__main__":
    main()
