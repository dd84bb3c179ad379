"""Property-based tests (hypothesis) over hostile names and texts. Examples per run:

* `entity_iri` (1,000 names + 500 near-miss pairs): for any string (every Unicode category,
  control characters included; surrogates excluded, as no decoder yields them) the IRI is
  valid for rdflib and for Oxigraph's strict IRI and N-Triples parsers, stable under NFC/NFD
  and whitespace changes, and decodes back to the NFC-normalised, whitespace-normalised name,
  so two different names never share one.
* the reading stage (300 texts and file names): what it passes on holds only characters XML
  1.0 allows, and paths are one printable line.
* RDF export (200 documents x 2 stores x 6 formats = 2,400 round trips): hostile names,
  sentences, titles and file names, read by the reading stage and put into an Extraction, come
  back as the same statements from turtle, nt, nquads, trig, json-ld and RDF/XML, written by
  MemoryStore and by OxigraphStore and read by strict parsers.
* HTML (200 graphs): whatever the labels, aliases, sentences and title, a kg.viz page has the
  tag structure of a page built from harmless text, and its embedded data gives the text back.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from datetime import datetime, timezone
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import unquote
from xml.etree import ElementTree

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rdflib import RDFS, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.term import _is_valid_uri

from kg.documents import clean_text, display_path, normalise_whitespace, parse_document
from kg.errors import InputError
from kg.model import Document, Entity, Evidence, Extraction, Fact, Mention
from kg.namespaces import ENT
from kg.rdf import document_graphs, entity_iri
from kg.store import DUMP_FORMATS, MemoryStore, OxigraphStore, to_ox
from kg.viz import html_string

ANY_CHAR = st.characters(exclude_categories=("Cs",))  # every category but surrogates
NAMES = st.text(ANY_CHAR, max_size=40)
# names that stress the encoder: separators, "_", "%", ".", quotes, markup, escapes
TRICKY = st.text(st.sampled_from(list(" _%.~-\t\n\x00\x1f\x7f\u00a0\u2028\u200f\u202e\"'<>&\\#/?:@"
                                      "aZ0\u00e9\u0301\U0001f680")), max_size=12)
ROUND_TRIP_EXAMPLES = 200
HTML_EXAMPLES = 200


def normalised(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split())


def decoded(iri: str) -> str:
    """The name an entity IRI was minted from (the inverse of `entity_iri`)."""
    local = iri[len(str(ENT)):]
    if local == "%20":
        return ""
    return " ".join(unquote(part) for part in local.split("_"))


# --------------------------------------------------------------------------- IRIs


@settings(max_examples=1000, deadline=None)
@given(st.one_of(NAMES, TRICKY))
def test_entity_iri_is_valid_stable_and_reversible(name):
    iri = str(entity_iri(name))
    assert iri.isascii() and _is_valid_uri(iri)
    assert ox.NamedNode(iri).value == iri  # Oxigraph checks RFC 3987 syntax
    line = f"<{iri}> <https://example.org/p> <{iri}> .\n".encode()
    (quad,) = ox.parse(line, format=ox.RdfFormat.N_TRIPLES)
    assert quad.subject.value == iri
    assert entity_iri(name) == entity_iri(unicodedata.normalize("NFD", name)) == entity_iri(
        "\n " + name.replace(" ", " \t ") + " ")
    assert decoded(iri) == normalised(name)


@settings(max_examples=500, deadline=None)
@given(TRICKY, st.sampled_from([
    lambda s: s.replace(" ", "_"), lambda s: s.replace("_", " "), lambda s: s + ".",
    lambda s: s.replace(".", "%2E"), lambda s: s.replace(" ", "%20"), lambda s: s.upper(),
    lambda s: "." * (len(s) + 1), lambda s: s.replace("%", "%25"),
]))
def test_different_names_never_share_an_iri(name, variant):
    other = variant(name)
    assume(normalised(other) != normalised(name))
    assert entity_iri(other) != entity_iri(name)


# --------------------------------------------------------------------------- RDF exports


def file_names() -> st.SearchStrategy[str]:
    """File names as the OS gives them: any bytes but NUL and "/", decoded like os.listdir."""
    raw = st.binary(min_size=1, max_size=20).map(lambda b: b.replace(b"\0", b"").replace(b"/", b""))
    return raw.filter(lambda b: b not in (b"", b".", b"..")).map(os.fsdecode)


@st.composite
def extractions(draw) -> Extraction:
    """A document read by the reading stage from hostile text, with entities and facts whose
    names and sentences come from that text, as the pipeline's would."""
    names = draw(st.lists(NAMES, min_size=2, max_size=4))
    title, sentence = draw(NAMES), draw(NAMES)
    body = "\n\n".join([title, sentence, *names, "end"])
    try:
        document = parse_document(body.encode("utf-8"), "/corpus/" + draw(file_names()) + ".txt")
    except InputError:
        assume(False)
    labels = list(dict.fromkeys(" ".join(normalise_whitespace(n).split()) or "x" for n in names))
    assume(len(labels) >= 2)
    sentence = normalise_whitespace(sentence) or "x"
    confidence = draw(st.floats(0, 1))
    return small_extraction(document, labels, sentence, confidence)


def small_extraction(document: Document, labels: list[str], sentence: str,
                     confidence: float = 0.8) -> Extraction:
    person, companies = labels[0], labels[1:]
    entities = {
        label: Entity(key=label, label=label, type="Person" if label == person else "Company",
                      aliases={label + " (alias)"},
                      mentions=[Mention(document.id, 0, 0, 1, label, "ORG", 0)])
        for label in labels
    }
    evidence = Evidence(document.id, sentence, 0, len(sentence), confidence, "rule \"x\" <y>")
    facts = [Fact(person, "ceoOf", company, [evidence]) for company in companies]
    facts += [Fact(companies[0], "acquired", company, [evidence]) for company in companies[1:]]
    return Extraction(documents=[document], entities=entities, facts=facts)


_OX_DIR = tempfile.TemporaryDirectory(prefix="kg-properties-")
_STORES = {"memory": MemoryStore(), "oxigraph": OxigraphStore(os.path.join(_OX_DIR.name, "s"))}
_OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
               "nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG,
               "json-ld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML}
_QUADS = {"nquads", "trig", "json-ld"}


_XSD = "http://www.w3.org/2001/XMLSchema#"


def by_value(term):
    """Numbers as their value: serialisers write one xsd:decimal as "1.0" (rdflib) or "1"
    (Oxigraph), one xsd:dateTime as "+00:00" or "Z"; everything else stays the term it is."""
    if not isinstance(term, ox.Literal):
        return term
    kind = term.datatype.value
    if kind in (_XSD + "decimal", _XSD + "integer"):
        return (kind, Decimal(term.value))
    if kind == _XSD + "dateTime":
        return (kind, datetime.fromisoformat(term.value.replace("Z", "+00:00")))
    return term


def statements(quads, with_graph: bool) -> set:
    if with_graph:
        return {(q[0], q[1], by_value(q[2]), q[3]) for q in quads}
    return {(q[0], q[1], by_value(q[2])) for q in quads}


def parsed_back(data: bytes, fmt: str) -> set:
    """The statements of `data` read by Oxigraph's strict parsers, as (s, p, o[, graph]).

    Oxigraph's RDF/XML reader lets C0 controls through, so XML is first read by expat, which
    holds it to XML 1.0 (the parser behind rdflib's RDF/XML reader, and most others').
    """
    if fmt == "xml":
        ElementTree.fromstring(data)
    quads = ox.parse(data, format=_OX_FORMATS[fmt])
    return statements(((q.subject, q.predicate, q.object, q.graph_name) for q in quads),
                      fmt in _QUADS)


@settings(max_examples=ROUND_TRIP_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(extractions())
def test_every_rdf_export_parses_back_isomorphic(extraction):
    """Oxigraph's parsers are strict (an invalid IRI, escape or XML character is an error), and
    without blank nodes isomorphic graphs are equal sets of statements."""
    (doc_iri, graph), = document_graphs(extraction)
    built = [(to_ox(s), to_ox(p), to_ox(o), to_ox(doc_iri)) for s, p, o in graph]
    triples, quads = statements(built, False), statements(built, True)
    for name, store in _STORES.items():
        store.replace_document(doc_iri, graph)
        try:
            for fmt in DUMP_FORMATS:
                expected = quads if fmt in _QUADS else triples
                assert parsed_back(store.dump(fmt), fmt) == expected, (name, fmt)
        finally:
            store.remove_document(doc_iri)


def test_round_trip_check_sees_a_broken_export():
    """The check above is not blind: RDF/XML holding a C0 control character is refused."""
    graph = Graph()
    graph.add((ENT.a, RDFS.label, Literal("bell\x07")))
    data = graph.serialize(format="xml", encoding="utf-8")
    with pytest.raises(ElementTree.ParseError, match="not well-formed"):
        parsed_back(data, "xml")
    assert isomorphic(Graph().parse(data=graph.serialize(format="nt"), format="nt"), graph)


@settings(max_examples=300, deadline=None)
@given(st.text(ANY_CHAR, max_size=60), file_names())
def test_reading_stage_leaves_only_xml_characters(text, name):
    allowed = re.compile("[^\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]*")
    assert allowed.fullmatch(clean_text(text))
    assert allowed.fullmatch(normalise_whitespace(text))
    shown = display_path(name)
    assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", shown)
    shown.encode("utf-8")  # no surrogates left


# --------------------------------------------------------------------------- HTML


class TagRecorder(HTMLParser):
    """Every start tag with its attribute names, and comments: the page's structure."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.structure: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.structure.append((tag, tuple(sorted(name for name, _ in attrs))))

    def handle_endtag(self, tag):
        self.structure.append(("/" + tag,))

    def handle_comment(self, data):
        self.structure.append(("!--",))


def structure(page: str) -> list[tuple]:
    recorder = TagRecorder()
    recorder.feed(page)
    recorder.close()
    return recorder.structure


def raw_extraction(labels: list[str], sentence: str, title: str) -> Extraction:
    """Hostile strings straight into the model, not cleaned: the page must cope alone."""
    document = Document(id="d1", source="<b>x</b>.txt", title=title, text=sentence,
                        content_hash="sha256:0", read_at=datetime(2025, 1, 1, tzinfo=timezone.utc))
    return small_extraction(document, labels, sentence)


def page_for(labels: list[str], sentence: str, title: str) -> str:
    (_iri, graph), = document_graphs(raw_extraction(labels, sentence, title))
    return html_string(graph, title=title)


def own_markup(page: str) -> str:
    """The page without the vendored vis-network code, which may contain anything ("x<E")."""
    return re.sub(r"<script(?![^>]*kg-data)[^>]*>.*?</script>", "", page, flags=re.S)


BASELINE_PAGE = page_for(["Ann Lee", "Acme", "Beta"], "Ann Lee leads Acme.", "kg graph")
BASELINE = structure(BASELINE_PAGE)
BASELINE_MARKUP = own_markup(BASELINE_PAGE)


@settings(max_examples=HTML_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(NAMES, TRICKY), min_size=3, max_size=3, unique_by=normalised),
       st.one_of(NAMES, TRICKY), st.one_of(NAMES, TRICKY))
def test_html_never_carries_markup_from_the_text(labels, sentence, title):
    assume(all(normalised(label) for label in labels))
    page = page_for(labels, sentence, title)
    assert structure(page) == BASELINE
    assert page.lower().count("</script") == 3
    ours = own_markup(page)
    for text in (*labels, sentence, title):
        # could open a tag, a comment or close a script; "</" alone is in any page
        if re.search("<[A-Za-z/!?]", text) and text not in BASELINE_MARKUP:
            assert text not in ours
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>',
                                page, re.S).group(1))
    shown = {node["label"] for node in data["nodes"]}
    assert set(labels) <= shown
