"""One long article through the real `kg build`: parsed in pieces, time and memory per character.

    python bench/long_document.py                  # a 1.5 MB article (spaCy alone refuses it)
    python bench/long_document.py --chars 300000

spaCy refuses a text over `nlp.max_length` (1,000,000 characters); kg cuts a long text into
pieces of at most `kg.nlp.CHUNK_CHARS` at paragraph ends and joins the parsed pieces. This
builds, each in its own `kg build` process:

* startup: a one-sentence article (loading Python, spaCy and the model);
* baseline: one piece's worth (`CHUNK_CHARS` characters) of the same generated article;
* long: the whole article (`--chars`), whose last paragraph holds one fact.

Prints seconds, characters per second and peak memory of each (speed and memory counted
above the startup run's), their ratios long / baseline (near 1 for speed: the pieces cost
nothing extra; memory grows slowly with the text, as the joined parse is kept whole), and
checks the last paragraph's fact came out with evidence offsets that point at its sentence
in the original text.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from reliability_helpers import filler_paragraphs  # noqa: E402

from kg.nlp import CHUNK_CHARS  # noqa: E402

LAST_SENTENCE = "Maria Okafor is the chief executive of Zorblax Industries."
LAST_PARAGRAPH = ("In a separate deal, Zorblax Industries acquired Quintera Robotics. "
                  + LAST_SENTENCE)


def build(path: Path, out: Path) -> tuple[float, float]:
    """Seconds and peak resident MB of `kg build path -o out` in a child process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-c",
               "import resource, sys, runpy; sys.argv = ['kg'] + sys.argv[1:]\n"
               "try:\n    runpy.run_module('kg', run_name='__main__')\n"
               "finally:\n"
               "    print('maxrss', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
               " file=sys.stderr)",
               "build", str(path), "-o", str(out), "--no-html", "--quiet", "--max-size", "0"]
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"kg build {path.name} failed:\n{done.stderr}")
    rss_kb = int(done.stderr.rsplit("maxrss", 1)[1].split()[0])
    return seconds, rss_kb / 1024


def check_last_fact(text: str, graph_path: Path) -> tuple[int, int]:
    from rdflib import Graph, Literal

    from kg.namespaces import KG

    graph = Graph().parse(graph_path)
    found = []
    for ev in graph.subjects(KG.sentence, Literal(LAST_SENTENCE)):
        start, end = int(graph.value(ev, KG.startOffset)), int(graph.value(ev, KG.endOffset))
        if text[start:end] != LAST_SENTENCE:
            raise SystemExit(f"evidence offsets {start}-{end} do not point at the sentence")
        found.append((start, end))
    if not found:
        raise SystemExit("the last paragraph's fact was not found")
    return found[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=1_500_000)
    args = parser.parse_args()
    text = filler_paragraphs(args.chars - len(LAST_PARAGRAPH) - 2, seed=11)
    text = text + "\n\n" + LAST_PARAGRAPH
    with tempfile.TemporaryDirectory(prefix="kg-long-") as tmp:
        folder = Path(tmp)
        (folder / "startup.txt").write_text(LAST_SENTENCE)
        (folder / "piece.txt").write_text(text[:CHUNK_CHARS].rsplit("\n\n", 1)[0])
        (folder / "long.txt").write_text(text)
        runs = {name: (len((folder / f"{name}.txt").read_text()),
                       *build(folder / f"{name}.txt", folder / f"out_{name}"))
                for name in ("startup", "piece", "long")}
        start, end = check_last_fact(text, folder / "out_long" / "graph.ttl")
    _chars, startup_s, startup_mb = runs["startup"]
    rates = {}
    print(f"{'':<22}{'chars':>11}{'seconds':>9}{'chars/s':>9}{'peak MB':>9}{'+MB':>7}")
    for name, label in (("startup", "startup (1 sentence)"), ("piece", "baseline (one piece)"),
                        ("long", f"long ({-(-len(text) // CHUNK_CHARS)} pieces)")):
        chars, seconds, mb = runs[name]
        rates[name] = chars / max(seconds - startup_s, 1e-9)
        rate = f"{rates[name]:>9.0f}" if name != "startup" else f"{'':>9}"
        print(f"{label:<22}{chars:>11,}{seconds:>9.1f}{rate}{mb:>9.0f}{mb - startup_mb:>7.0f}")
    long_extra, piece_extra = runs["long"][2] - startup_mb, runs["piece"][2] - startup_mb
    print(f"ratios long / baseline: chars/s x{rates['long'] / rates['piece']:.2f}, memory above "
          f"startup x{long_extra / piece_extra:.2f} for x{len(text) / runs['piece'][0]:.1f} "
          "the text")
    print(f"last paragraph's fact found, evidence at characters {start:,}-{end:,} "
          f"of {len(text):,}: offsets exact")
    print(f"(machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; "
          f"this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
