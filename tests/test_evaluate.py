"""`kg eval`: the scorer itself, and the extraction quality floors we hold ourselves to.

The floors are regression guards, set a little under what the extractor measures today
(README "Extraction quality"): a change that loses facts or invents wrong ones fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT

from kg.cli import main
from kg.errors import InputError
from kg.evaluate import evaluate, read_gold

GOLD = ROOT / "tests" / "gold"
SEEDS = ROOT.parent / "shared" / "seeds"


def _line(tmp_path: Path, record: dict) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_scores_only_annotated_relations_and_matches_aliases(tmp_path):
    record = {
        "id": "t1",
        "text": "Orbit Dynamics (OD) built Comet. OD is headquartered in Lisbon.",
        "entities": [{"name": "Orbit Dynamics", "aliases": ["OD"]}],
        "triples": [{"head": "Comet", "relation": "developedBy", "tail": "Orbit Dynamics"},
                    {"head": "Comet", "relation": "successorOf", "tail": "Meteor"}],
        "scored_relations": ["developedBy", "successorOf"],
    }
    report = evaluate(read_gold(_line(tmp_path, record)), use_known=False)
    assert report.per_relation["developedBy"].tp == 1
    assert report.per_relation["successorOf"].fn == 1
    assert "headquarteredIn" not in report.per_relation  # not annotated: never a false positive
    assert report.misses == [("t1", "Comet", "successorOf", "Meteor")]


def test_entailed_super_properties_count_when_gold_has_them(tmp_path):
    # ceoOf is a sub-property of leads and worksFor (ontology/kg.ttl): a gold file that scores
    # worksFor finds it; one leads triple the gold lacks is entailed, not stated: no false hit.
    record = {
        "id": "e1",
        "text": "Ada Lin is the chief executive of Orbit Dynamics.",
        "triples": [{"head": "Ada Lin", "relation": "worksFor", "tail": "Orbit Dynamics"}],
        "scored_relations": ["worksFor", "leads"],
    }
    report = evaluate(read_gold(_line(tmp_path, record)), use_known=False)
    assert report.per_relation["worksFor"].tp == 1
    assert report.per_relation["leads"].fp == 0
    assert report.false_positives == [] and report.misses == []


def test_gold_with_a_source_path_and_bad_lines(tmp_path):
    (tmp_path / "a.txt").write_text("Orbit Dynamics built Comet.", encoding="utf-8")
    record = {"id": "s", "source": "a.txt",
              "triples": [{"head": "Comet", "relation": "developedBy", "tail": "Orbit Dynamics"}]}
    assert read_gold(_line(tmp_path, record))[0]["text"] == "Orbit Dynamics built Comet."
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:1: a gold line needs"):
        read_gold(bad)
    missing = dict(record, source="nowhere.txt")
    with pytest.raises(InputError, match="does not exist"):
        read_gold(_line(tmp_path, missing))


def test_examples_quality_floor():
    overall = evaluate(read_gold(GOLD / "examples.jsonl")).overall
    assert overall.precision >= 0.95, overall
    assert overall.recall >= 0.88, overall


@pytest.mark.parametrize(("name", "precision", "recall"), [
    ("fresh.jsonl", 0.92, 0.82), ("fresh2.jsonl", 0.89, 0.75), ("fresh3.jsonl", 0.89, 0.74),
    ("fresh4.jsonl", 0.95, 0.74), ("fresh5.jsonl", 0.88, 0.70), ("fresh6.jsonl", 0.89, 0.76),
    ("fresh7.jsonl", 0.82, 0.66), ("fresh8.jsonl", 0.84, 0.68), ("fresh9.jsonl", 0.83, 0.64),
    ("fresh10.jsonl", 0.80, 0.67), ("fresh11.jsonl", 0.85, 0.67),
    ("fresh12.jsonl", 0.84, 0.65), ("fresh13.jsonl", 0.75, 0.57),
    ("fresh14.jsonl", 0.77, 0.56), ("fresh15.jsonl", 0.79, 0.64),
    ("fresh16.jsonl", 0.90, 0.72), ("fresh17.jsonl", 0.88, 0.75),
    ("fresh18.jsonl", 0.84, 0.67), ("fresh19.jsonl", 0.94, 0.64),
    ("fresh20.jsonl", 0.84, 0.73), ("fresh21.jsonl", 0.87, 0.71),
    ("fresh22.jsonl", 0.91, 0.83), ("fresh23.jsonl", 0.89, 0.65),
    ("fresh24.jsonl", 0.92, 0.81), ("fresh25.jsonl", 0.82, 0.64),
    ("fresh26.jsonl", 0.95, 0.76), ("fresh27.jsonl", 0.92, 0.77),
    ("fresh28.jsonl", 0.95, 0.86), ("fresh29.jsonl", 0.93, 0.80),
    ("fresh30.jsonl", 0.90, 0.76), ("fresh31.jsonl", 0.87, 0.76),
    ("fresh32.jsonl", 0.91, 0.81), ("fresh33.jsonl", 0.80, 0.66),
    ("fresh34.jsonl", 0.76, 0.69), ("fresh35.jsonl", 0.92, 0.89),
    ("fresh36.jsonl", 0.85, 0.65), ("fresh37.jsonl", 0.91, 0.77),
    ("fresh38.jsonl", 0.85, 0.77), ("fresh39.jsonl", 0.85, 0.75),
    ("fresh40.jsonl", 0.90, 0.81), ("fresh41.jsonl", 0.83, 0.74)])
def test_fresh_articles_quality_floor(name, precision, recall):
    """Articles written after the rules, by people who did not read them (tests/gold/README)."""
    overall = evaluate(read_gold(GOLD / name)).overall
    assert overall.precision >= precision, overall
    assert overall.recall >= recall, overall


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not on this machine")
def test_seeds_quality_floor():
    overall = evaluate(read_gold(GOLD / "seeds.jsonl")).overall
    assert overall.precision >= 0.95, overall
    assert overall.recall >= 0.86, overall


def test_cli_prints_table_and_errors(tmp_path, capsys):
    record = {"id": "t2", "text": "Orbit Dynamics built Comet.",
              "triples": [{"head": "Comet", "relation": "developedBy", "tail": "Orbit Dynamics"},
                          {"head": "Comet", "relation": "codeName", "tail": "Dart"}]}
    with pytest.raises(SystemExit) as exit_info:
        main(["eval", str(_line(tmp_path, record)), "--no-known"])
    assert exit_info.value.code in (0, None)
    out = capsys.readouterr().out
    assert "overall" in out and "t2: Comet --codeName--> Dart" in out
