"""Extraction quality of `kg` against a subject-verb-object baseline, on the same gold, in one run.

    python bench/extraction.py                          # every gold set present
    python bench/extraction.py --sets examples,dev --limit 20

Systems, both reading the same spaCy parse (`kg.nlp.load_pipeline()`, its entity ruler included):

* ours: `kg.pipeline.extract`, one record at a time, exactly as `kg eval` runs it;
* baseline: the textbook extractor that the issue compares against. spaCy NER names, and for each
  verb its `nsubj` (or the "by" agent of a passive) as subject and its `dobj`, `nsubjpass` or
  the object of a preposition on the verb as object. The verb's lemma picks the property: it must
  be a trigger of a `pos = "verb"` rule of ontology/relations.toml (with the rule's `requires`
  words among the verb's children); the rule's head slot orients the pair ("obj" -> the object
  is the head). No types, no coreference, no appositions, relative clauses or coordination.

Both are scored by one function (`kg.evaluate.score_records`, the loop of `kg eval` with the
extractor as a parameter, entailed super-properties included), with the same entity matching
(gold names and aliases by `name_key`), the same `scored_relations` and the same `rows`. Gold sets:

* examples: tests/gold/examples.jsonl, with and without ontology/entities.toml (`--known`);
* fresh: tests/gold/fresh*.jsonl, articles written without reading the rules (unknown-entity
  mode);
* seeds: tests/gold/seeds.jsonl, whose texts live in ../shared/seeds (skipped when absent);
* dev: ../shared/eval/redocred-dev.jsonl, unknown-entity mode (skipped when absent).

Prints, per set, P/R/F1 and wall and CPU time of each system, F1 per property and the ratio
ours / baseline F1. The model is loaded and warmed before either system is timed.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.entities import name_key  # noqa: E402
from kg.evaluate import (  # noqa: E402
    EvalReport,
    _triple,
    predicted_triples,
    read_gold,
    rows,
    score_records,
)
from kg.knowledge import RelationRule, relation_knowledge, schema  # noqa: E402
from kg.model import Document  # noqa: E402
from kg.nlp import NAME_LABELS, normalise_name, parse_texts  # noqa: E402
from kg.pipeline import extract  # noqa: E402

GOLD = ROOT / "tests" / "gold"
SHARED = ROOT.parent / "shared"
DEV_SET = SHARED / "eval" / "redocred-dev.jsonl"
ALL_SETS = ("examples", "fresh", "seeds", "dev")

Triple = tuple[str, str, str]
Predictor = Callable[[Document, dict[str, str]], set[Triple]]
"""(document, gold name key -> gold name) -> predicted (head, property, tail), sides renamed."""


# ---- the baseline: NER + subject-verb-object, mapped by the verb -------------------------------


def verb_rules() -> dict[str, list[RelationRule]]:
    """Verb lemma -> the `pos = "verb"` rules it triggers: the only domain knowledge used."""
    table: dict[str, list[RelationRule]] = {}
    for rule in relation_knowledge().rules:
        if rule.pos == "verb":
            for trigger in rule.triggers:
                table.setdefault(trigger, []).append(rule)
    return table


def name_spans(doc) -> dict[int, object]:
    """Token index -> the NER span (a name label: ORG, PERSON, ...) that covers it."""
    return {token.i: ent for ent in doc.ents if ent.label_ in NAME_LABELS for token in ent}


def phrase_entity(token, spans: dict[int, object]):
    """The name in the noun phrase a token heads, reading the token and its pre-modifiers
    ("the Widget model" -> Widget), as textbook SVO extractors read noun chunks."""
    for i in range(token.i, token.left_edge.i - 1, -1):
        if i in spans:
            return spans[i]
    return None


def subject_tokens(verb) -> list:
    """The doer: `nsubj`, or the object of the "by" agent of a passive."""
    found = [c for c in verb.children if c.dep_ == "nsubj"]
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        found += [c for c in agent.children if c.dep_ == "pobj"]
    return found


def object_tokens(verb) -> list:
    """The thing done to: `dobj`, the subject of a passive, or a preposition's object."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        found += [c for c in prep.children if c.dep_ == "pobj"]
    return found


def rules_for(verb, table: dict[str, list[RelationRule]]) -> list[RelationRule]:
    """The rules the verb's lemma triggers whose required child words are present."""
    children = {c.lemma_.lower() for c in verb.children}
    rules = table.get(verb.lemma_.lower(), [])
    return [r for r in rules if not r.requires or r.requires & children]


def svo_triples(doc, table: dict[str, list[RelationRule]] | None = None) -> set[Triple]:
    """(head name, property, tail name) for every verb with a named subject and object."""
    table = verb_rules() if table is None else table
    spans = name_spans(doc)
    found: set[Triple] = set()
    for verb in (t for t in doc if t.pos_ in ("VERB", "AUX")):
        rules = rules_for(verb, table)
        if not rules:
            continue
        subjects = named(subject_tokens(verb), spans)
        objects = named(object_tokens(verb), spans)
        for subj in subjects:
            for obj in (o for o in objects if o != subj):
                for rule in rules:
                    head, tail = (obj, subj) if "obj" in rule.head else (subj, obj)
                    found.add((head, rule.property, tail))
    return found


def named(tokens: list, spans: dict[int, object]) -> list[str]:
    """The names of the noun phrases these tokens head, for those that hold one."""
    entities = (phrase_entity(t, spans) for t in tokens)
    return [normalise_name(e.text) for e in entities if e is not None]


def baseline_predict(document: Document, gold_names: dict[str, str]) -> set[Triple]:
    """The baseline's triples for one document, sides renamed to the gold entity they match."""
    doc = next(parse_texts([document.text]))
    symmetric = schema().symmetric
    return {
        _triple(gold_names.get(name_key(h), h), r, gold_names.get(name_key(t), t), symmetric)
        for h, r, t in svo_triples(doc)
    }


# ---- scoring: kg.evaluate's loop, the extractor as a parameter ---------------------------------


def ours(use_known: bool) -> Predictor:
    """`kg eval`'s extractor: one document per `extract` call, asserted entity facts only."""

    def predict(document: Document, gold_names: dict[str, str]) -> set[Triple]:
        return predicted_triples(extract([document], use_known=use_known), gold_names)

    return predict


def timed(records: list[dict], predict: Predictor) -> tuple[EvalReport, float, float]:
    """The report, wall seconds and CPU seconds (the CPU figure holds on a shared machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    report = score_records(records, predict)
    return report, time.perf_counter() - wall, time.process_time() - cpu


# ---- gold sets ----------------------------------------------------------------------------------


@dataclass
class GoldSet:
    name: str
    path: Path
    use_known: bool


def gold_sets(selected: list[str]) -> list[GoldSet]:
    """The requested sets that exist here; a note for each one skipped."""
    found = []
    for name in selected:
        if name == "examples":
            found += [GoldSet("examples --known", GOLD / "examples.jsonl", True),
                      GoldSet("examples --no-known", GOLD / "examples.jsonl", False)]
        elif name == "fresh":
            found += [GoldSet(f"{stem} --no-known", GOLD / f"{stem}.jsonl", False)
                      for stem in ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6",
                                   "fresh7", "fresh8", "fresh9", "fresh10", "fresh11",
                                   "fresh12", "fresh13", "fresh14", "fresh15", "fresh16",
                                   "fresh17", "fresh18", "fresh19", "fresh20", "fresh21",
                                   "fresh22", "fresh23", "fresh24", "fresh25", "fresh26",
                                   "fresh27", "fresh28", "fresh29", "fresh30", "fresh31",
                                   "fresh32", "fresh33", "fresh34", "fresh35",
                                   "fresh36", "fresh37", "fresh38", "fresh39",
                                   "fresh40", "fresh41")]
        elif name == "seeds" and (SHARED / "seeds").is_dir():
            found.append(GoldSet("seeds --known", GOLD / "seeds.jsonl", True))
        elif name == "dev" and DEV_SET.is_file():
            found.append(GoldSet("dev --no-known", DEV_SET, False))
        else:
            where = SHARED / "seeds" if name == "seeds" else DEV_SET
            print(f"skipped {name}: {where} is absent on this machine\n")
    return found


# ---- report -------------------------------------------------------------------------------------


def ratio(ours_f1: float, base_f1: float) -> str:
    if base_f1:
        return f"{ours_f1 / base_f1:.1f}x"
    return "inf (baseline 0)" if ours_f1 else "-"


def print_set(title: str, count: int, results: dict[str, tuple[EvalReport, float, float]]
              ) -> None:
    """Overall P/R/F1 and time per system, then F1 per property side by side."""
    print(f"== {title}: {count} documents ==")
    print(f"{'system':<10}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}{'wall s':>9}"
          f"{'cpu s':>8}")
    for system, (report, wall, cpu) in results.items():
        _, tp, fp, fn, p, r, f = rows(report)[-1]
        print(f"{system:<10}{p:>7.3f}{r:>7.3f}{f:>7.3f}{tp:>6}{fp:>6}{fn:>6}{wall:>9.2f}"
              f"{cpu:>8.2f}")
    ours_rows = {row[0]: row for row in rows(results["ours"][0])}
    base_rows = {row[0]: row for row in rows(results["baseline"][0])}
    print(f"\n{'property':<20}{'gold':>6}{'ours F1':>9}{'base F1':>9}  ours/base")
    for relation, row in ours_rows.items():
        base = base_rows[relation]
        gold = row[1] + row[3]
        print(f"{relation:<20}{gold:>6}{row[6]:>9.3f}{base[6]:>9.3f}  {ratio(row[6], base[6])}")
    (_, ours_wall, ours_cpu), (_, base_wall, base_cpu) = results["ours"], results["baseline"]
    print(f"time ours/baseline: wall {ours_wall / max(base_wall, 1e-9):.1f}x, "
          f"cpu {ours_cpu / max(base_cpu, 1e-9):.1f}x\n")


def warm_up() -> None:
    """Load the model and the data files once, so neither system is timed doing it."""
    record = {"id": "warm-up", "text": "Acme Corp developed the Widget model.", "triples": []}
    for predict in (ours(True), ours(False), baseline_predict):
        score_records([record], predict)


def run(selected: list[str], limit: int) -> None:
    warm_up()
    for gold_set in gold_sets(selected):
        records = read_gold(gold_set.path)
        records = records[:limit] if limit else records
        results = {"ours": timed(records, ours(gold_set.use_known)),
                   "baseline": timed(records, baseline_predict)}
        print_set(gold_set.name, len(records), results)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(ALL_SETS),
                        help="comma-separated: examples, seeds, dev (default: all)")
    parser.add_argument("--limit", type=int, default=0,
                        help="score only the first N records of each set (0: all)")
    args = parser.parse_args(argv)
    selected = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = sorted(set(selected) - set(ALL_SETS))
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(ALL_SETS)}")
    run(selected, args.limit)


if __name__ == "__main__":
    main()
