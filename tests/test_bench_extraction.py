"""bench/extraction.py's baseline and scorer, on invented sentences: the baseline finds the plain
subject-verb-object triple, misses what only appositions and relative clauses state (which our
extractor finds), and the bench scores a system exactly as `kg eval` does."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from kg.evaluate import evaluate, rows
from kg.nlp import parse_texts

BENCH = Path(__file__).resolve().parents[1] / "bench" / "extraction.py"

ACTIVE = "Acme Corp developed the Widget model in 2023."
PASSIVE = "The Widget model was built by Acme Corp."
RELATIVE = "Priya Natarajan, who heads the Deep Reasoning Group, spoke on Monday."
PARTICIPLE = ("Zorblax Robotics unveiled Quill-7, a language model developed by the Deep "
              "Reasoning Group.")


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_extraction", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def baseline(bench, text: str) -> set[tuple[str, str, str]]:
    return bench.svo_triples(next(parse_texts([text])))


def test_baseline_finds_subject_verb_object_in_both_voices(bench):
    assert ("Widget", "developedBy", "Acme Corp") in baseline(bench, ACTIVE)  # head slot "obj"
    assert ("Widget", "developedBy", "Acme Corp") in baseline(bench, PASSIVE)  # "by" agent
    assert ("Hollis Vane", "founderOf", "Brightwater Analytics") in baseline(
        bench, "Hollis Vane founded Brightwater Analytics in 2009.")  # head slot "subj"


def test_baseline_misses_relative_clause_and_participle_that_ours_finds(bench):
    record = {"id": "r", "text": f"{RELATIVE} {PARTICIPLE}", "triples": [
        {"head": "Priya Natarajan", "relation": "leads", "tail": "Deep Reasoning Group"},
        {"head": "Quill-7", "relation": "developedBy", "tail": "Deep Reasoning Group"},
    ]}
    base = bench.score_records([record], bench.baseline_predict).overall
    ours = bench.score_records([record], bench.ours(False)).overall
    assert (base.tp, base.fn) == (0, 2)
    assert (ours.tp, ours.fn) == (2, 0)


def test_bench_scores_our_extractor_as_kg_eval_does(bench):
    record = {"id": "e", "text": f"{ACTIVE} {RELATIVE} {PARTICIPLE}", "triples": [
        {"head": "Widget", "relation": "developedBy", "tail": "Acme Corp"},
        {"head": "Priya Natarajan", "relation": "leads", "tail": "Deep Reasoning Group"},
        {"head": "Quill-7", "relation": "developedBy", "tail": "Acme Corp"},  # a planted miss
    ]}
    expected = evaluate([record], use_known=False)
    got = bench.score_records([record], bench.ours(False))
    assert rows(got) == rows(expected)
    assert (got.false_positives, got.misses) == (expected.false_positives, expected.misses)
    _, tp, _, fn, *_ = rows(got)[-1]
    assert tp >= 2 and fn >= 1  # a scored hit and the planted miss: not an empty comparison
