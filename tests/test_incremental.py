"""Incremental `kg build --store`: add, re-add unchanged, change, add more; through the CLI.

The articles are invented (names no model or data file knows), the pipeline is the real one
(spaCy included), the store a real Oxigraph directory. `extract` is wrapped, not replaced, to
see which documents were parsed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.pipeline
from kg.cli import main
from kg.inference import INFERRED_GRAPH
from kg.store import OxigraphStore

VELTRANO = (
    "Veltrano unveils the Quill model\n\n"
    "Veltrano, a software company based in Lisbon, on Monday released Quill, an AI model it "
    "developed in-house. Quill was built by Veltrano Research, a lab led by Ines Carvalho.\n")
VELTRANO_CHANGED = (
    "Veltrano unveils the Osprey model\n\n"
    "Veltrano, a software company based in Lisbon, on Monday released Osprey, an AI model it "
    "developed in-house. Osprey was built by Veltrano Research, a lab led by Joao Mendes.\n")
KESTREL = (
    "Brightmoor backs Kestrel Systems\n\n"
    "Brightmoor Capital said on Tuesday it invested in Kestrel Systems, a robotics startup. "
    "Kestrel Systems was founded by Tomas Lindqvist, who is also its chief executive.\n")
HARBIN = (
    "Harbin Dynamics launches Falcon\n\n"
    "Harbin Dynamics, a chip maker, on Friday launched Falcon, a new AI model developed by its "
    "research unit. The company is led by Mara Okafor.\n")

FACTS = """SELECT ?s ?p ?o WHERE {
  ?x ?p ?y . ?x rdfs:label ?s . ?y rdfs:label ?o . ?f rdf:subject ?x ; rdf:predicate ?p ;
  rdf:object ?y }"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "veltrano.txt").write_text(VELTRANO)
    (folder / "kestrel.txt").write_text(KESTREL)
    return folder


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """File names of the documents handed to the NLP stage, in order."""
    seen: list[str] = []
    real = kg.pipeline.extract

    def spy(documents, **options):
        documents = list(documents)
        seen.extend(Path(d.source).name for d in documents)
        return real(documents, **options)

    monkeypatch.setattr(kg.pipeline, "extract", spy)
    return seen


def build(capsys, *args: object) -> str:
    """`kg build ARGS` in this process; its stderr. Fails the test on a non-zero exit."""
    with pytest.raises(SystemExit) as done:
        main(["build", *map(str, args)])
    out, err = capsys.readouterr()
    assert not done.value.code, err + out
    return err


def quads(store_dir: Path) -> list[str]:
    """Every quad of the store, as sorted N-Quads lines (the store has no blank nodes)."""
    with OxigraphStore(store_dir, read_only=True) as store:
        return sorted(store.dump("nquads").decode().splitlines())


def graph_of(store_dir: Path, name: str) -> set[str]:
    """The quads of the named graph of the document whose path ends with `name`."""
    with OxigraphStore(store_dir, read_only=True) as store:
        [(doc,)] = store.query(
            "SELECT ?d WHERE { GRAPH ?d { ?d <https://w3id.org/kg-news/ontology#sourcePath> ?p } "
            f'FILTER(STRENDS(?p, "{name}")) }}').rows
    return {line for line in quads(store_dir) if line.endswith(f"<{doc}> .")}


def facts(store_dir: Path) -> set[tuple[str, str, str]]:
    """(subject label, property local name, object label) of every reified fact."""
    from kg.query import run_query

    with OxigraphStore(store_dir, read_only=True) as store:
        rows = run_query(store, FACTS).rows
    return {(str(s), str(p).rsplit("#", 1)[1], str(o)) for s, p, o in rows}


def test_readding_unchanged_articles_changes_nothing(capsys, corpus, parsed, tmp_path):
    store = tmp_path / "store"
    err = build(capsys, corpus, "--store", store, "--infer")
    assert "2 document(s) added, 0 replaced, 0 unchanged (skipped)" in err
    assert sorted(parsed) == ["kestrel.txt", "veltrano.txt"]
    built = facts(store)
    assert {("Quill", "developedBy", "Veltrano"), ("Ines Carvalho", "leads", "Veltrano Research"),
            ("Tomas Lindqvist", "founderOf", "Kestrel Systems")} <= built
    before = quads(store)
    assert any(f"<{INFERRED_GRAPH}>" in line for line in before)  # --infer did something

    parsed.clear()
    err = build(capsys, corpus, "--store", store, "--infer")
    assert "0 document(s) added, 0 replaced, 2 unchanged (skipped)" in err
    assert parsed == []  # not parsed again
    assert quads(store) == before  # not one quad differs (kg:readAt included)


def test_changed_article_replaces_its_old_facts(capsys, corpus, parsed, tmp_path):
    store = tmp_path / "store"
    build(capsys, corpus, "--store", store, "--infer")
    kestrel = graph_of(store, "kestrel.txt")
    old_veltrano = graph_of(store, "veltrano.txt")

    (corpus / "veltrano.txt").write_text(VELTRANO_CHANGED)
    parsed.clear()
    err = build(capsys, corpus, "--store", store, "--infer")
    assert "0 document(s) added, 1 replaced, 1 unchanged (skipped)" in err
    assert parsed == ["veltrano.txt"]
    now = facts(store)
    assert {("Osprey", "developedBy", "Veltrano"),
            ("Joao Mendes", "leads", "Veltrano Research")} <= now
    assert not any("Quill" in (s, o) or "Ines Carvalho" in (s, o) for s, _, o in now)
    everything = "\n".join(quads(store))
    assert "/entity/Quill>" not in everything and "Ines_Carvalho" not in everything
    assert "Osprey" in "\n".join(q for q in quads(store) if f"<{INFERRED_GRAPH}>" in q)
    assert graph_of(store, "kestrel.txt") == kestrel  # the other document: untouched
    assert graph_of(store, "veltrano.txt") != old_veltrano
    with OxigraphStore(store, read_only=True) as opened:
        hashes = set(opened.documents().values())
    assert len(hashes) == 2 and all(h.startswith("sha256:") for h in hashes)


def test_new_article_leaves_the_others_untouched(capsys, corpus, parsed, tmp_path):
    store = tmp_path / "store"
    build(capsys, corpus, "--store", store)
    before = set(quads(store))

    (corpus / "harbin.txt").write_text(HARBIN)
    parsed.clear()
    err = build(capsys, corpus, "--store", store)
    assert "1 document(s) added, 0 replaced, 2 unchanged (skipped)" in err
    assert parsed == ["harbin.txt"]
    after = set(quads(store))
    assert before <= after  # nothing of the earlier documents changed or went
    harbin = graph_of(store, "harbin.txt")
    assert after - before == harbin
    assert ("Mara Okafor", "leads", "Harbin Dynamics") in facts(store)


def test_stale_inferred_graph_is_reported(capsys, corpus, tmp_path):
    store = tmp_path / "store"
    build(capsys, corpus, "--store", store, "--infer")
    (corpus / "veltrano.txt").write_text(VELTRANO_CHANGED)
    err = build(capsys, corpus, "--store", store)
    assert "1 replaced" in err
    assert "the inferred graph predates the replaced documents; add --infer" in err
