"""Score the extractor against gold triples (the JSONL format of `kg eval`).

Each line: {"id", "text" (or "source", a path relative to the gold file), "triples":
[{"head", "relation", "tail"}], optional "entities":
[{"name", "aliases"}], optional "scored_relations"}. Entities match by name or any alias
(case, punctuation and possessives ignored); only the relations a line annotates are scored,
so a property the annotators ignored never counts as a false positive.

A stated fact also states what the ontology's sub-property axioms entail: "chief executive of
Y" (`ceoOf`) is `leads` and `worksFor` Y too. An entailed triple that the gold holds is found;
one it lacks is no false positive, since gold annotates the most specific property it can.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from kg.entities import name_key
from kg.errors import InputError
from kg.knowledge import schema
from kg.model import Document, Extraction
from kg.pipeline import extract


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalReport:
    per_relation: dict[str, Score] = field(default_factory=dict)
    false_positives: list[tuple[str, str, str, str]] = field(default_factory=list)  # id, h, r, t
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def overall(self) -> Score:
        total = Score()
        for score in self.per_relation.values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        return total


def read_gold(path: str | Path) -> list[dict]:
    records = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: invalid JSON ({exc.msg})") from exc
        if "triples" not in record or ("text" not in record and "source" not in record):
            raise InputError(f"{path}:{number}: a gold line needs 'triples' and 'text' or "
                             "'source'")
        if "text" not in record:
            record["text"] = _source_text(Path(path).parent / record["source"], path, number)
        records.append(record)
    return records


def _source_text(source: Path, gold: str | Path, number: int) -> str:
    """Gold for a document kept elsewhere ("source": a path relative to the gold file), so
    annotations of texts we may not copy can still live with the tests."""
    from kg.documents import read_document

    if not source.exists():
        raise InputError(f"{gold}:{number}: source {source} does not exist")
    return read_document(str(source)).text


def _document(record: dict, index: int) -> Document:
    from kg.documents import parse_document

    doc = parse_document(record["text"].encode("utf-8"), f"{record.get('id', index)}.txt")
    return Document(
        id=str(record.get("id", index)), source=doc.source, title=doc.title, text=doc.text,
        content_hash=doc.content_hash, read_at=datetime.now(timezone.utc),
    )


def _gold_names(record: dict) -> dict[str, str]:
    """Every name key of every gold entity -> the entity's gold name."""
    names: dict[str, str] = {}
    for entity in record.get("entities", []):
        for name in (entity["name"], *entity.get("aliases", [])):
            names.setdefault(name_key(name), entity["name"])
    for triple in record["triples"]:
        for side in (triple["head"], triple["tail"]):
            names.setdefault(name_key(side), side)
    return names


def predicted_triples(extraction: Extraction, gold_names: dict[str, str]) -> set[tuple]:
    """Asserted facts, with both sides renamed to the gold entity they match (or kept as is)."""
    symmetric = schema().symmetric
    found = set()
    for fact in extraction.facts:
        if not fact.asserted or fact.datatype is not None:  # gold holds entity pairs only
            continue
        sides = []
        for key in (fact.subject, fact.object):
            entity = extraction.entities[key]
            names = [entity.label, *sorted(entity.aliases)]
            match = next((gold_names[name_key(n)] for n in names if name_key(n) in gold_names),
                         entity.label)
            sides.append(match)
        found.add(_triple(sides[0], fact.predicate, sides[1], symmetric))
    return found


def entailed_triples(stated: set[tuple]) -> set[tuple]:
    """The super-property triples the stated ones entail (rdfs:subPropertyOf, transitively)."""
    sch = schema()
    entailed = set()
    for head, relation, tail in stated:
        todo = list(sch.super_properties.get(relation, ()))
        while todo:
            sup = todo.pop()
            triple = _triple(head, sup, tail, sch.symmetric)
            if triple not in entailed:
                entailed.add(triple)
                todo.extend(sch.super_properties.get(sup, ()))
    return entailed - stated


def _triple(head: str, relation: str, tail: str, symmetric) -> tuple[str, str, str]:
    if relation in symmetric and tail < head:
        head, tail = tail, head
    return head, relation, tail


def evaluate(records: list[dict], *, use_known: bool = True) -> EvalReport:
    """Build each gold text on its own and score what the extractor states."""

    def predict(document: Document, gold_names: dict[str, str]) -> set[tuple]:
        return predicted_triples(extract([document], use_known=use_known), gold_names)

    return score_records(records, predict)


def score_records(records: list[dict],
                  predict: Callable[[Document, dict[str, str]], set[tuple]]) -> EvalReport:
    """Per-relation counts of any system that states (head, relation, tail) triples for a
    document, its sides renamed to the gold names: `kg eval` and the baseline of
    bench/extraction.py are scored by this one loop."""
    report = EvalReport()
    symmetric = schema().symmetric
    for index, record in enumerate(records):
        document = _document(record, index)
        names = _gold_names(record)
        scored = set(record.get("scored_relations") or {t["relation"] for t in record["triples"]})
        gold = {_triple(t["head"], t["relation"], t["tail"], symmetric)
                for t in record["triples"] if t["relation"] in scored}
        stated = predict(document, names)
        predicted = {t for t in stated if t[1] in scored}
        found = predicted | {t for t in entailed_triples(stated) if t[1] in scored}
        for relation in scored:
            report.per_relation.setdefault(relation, Score())
        for triple in found & gold:
            report.per_relation[triple[1]].tp += 1
        for triple in sorted(predicted - gold):
            report.per_relation[triple[1]].fp += 1
            report.false_positives.append((document.id, *triple))
        for triple in sorted(gold - found):
            report.per_relation[triple[1]].fn += 1
            report.misses.append((document.id, *triple))
    return report


def rows(report: EvalReport) -> list[tuple[str, int, int, int, float, float, float]]:
    """(relation, tp, fp, fn, precision, recall, f1) per relation, then "overall"."""
    out = []
    for relation, s in sorted(report.per_relation.items()):
        out.append((relation, s.tp, s.fp, s.fn, s.precision, s.recall, s.f1))
    o = report.overall
    out.append(("overall", o.tp, o.fp, o.fn, o.precision, o.recall, o.f1))
    return out


def group_by_document(items) -> dict[str, list[tuple[str, str, str]]]:
    grouped: dict[str, list] = defaultdict(list)
    for doc_id, *triple in items:
        grouped[doc_id].append(tuple(triple))
    return grouped
