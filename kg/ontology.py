"""The kg-news ontology (``ontology/kg.ttl``) and its SHACL shapes, as Python data.

Other modules ask this one about classes and properties instead of parsing Turtle
themselves: labels for the visualisation, domains and ranges for the extractor, the
Markdown reference printed by ``kg ontology``.

The ``ontology/`` folder is found next to the package (the repository root); set the
environment variable ``KG_ONTOLOGY_DIR`` to use another copy (e.g. in an installed wheel).
"""

from __future__ import annotations

import copy
import os
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS

from kg.errors import KgError
from kg.namespaces import KG, ONTOLOGY_IRI, bind_prefixes


def ontology_dir() -> Path:
    """The folder holding ``kg.ttl`` and ``shapes.ttl``."""
    override = os.environ.get("KG_ONTOLOGY_DIR")
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent.parent / "ontology"
    return here


ONTOLOGY_PATH: Path = ontology_dir() / "kg.ttl"
"""The OWL ontology, in Turtle."""

SHAPES_PATH: Path = ontology_dir() / "shapes.ttl"
"""The SHACL shapes every graph written by kg must satisfy."""

_PROPERTY_KINDS = {
    OWL.ObjectProperty: "object",
    OWL.DatatypeProperty: "datatype",
}


def _parse(path: Path, what: str) -> Graph:
    if not path.is_file():
        raise KgError(f"the {what} {path} is missing; set KG_ONTOLOGY_DIR to the folder holding it")
    graph = bind_prefixes(Graph())
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many kinds of parse errors
        raise KgError(f"cannot parse the {what} {path}: {exc}") from exc
    return graph


@lru_cache(maxsize=1)
def load_ontology() -> Graph:
    """The ontology graph, parsed once. Treat it as read-only: copy it before adding triples."""
    return _parse(ONTOLOGY_PATH, "ontology")


@lru_cache(maxsize=1)
def load_shapes() -> Graph:
    """The SHACL shapes graph, parsed once. Treat it as read-only."""
    return _parse(SHAPES_PATH, "SHACL shapes file")


# --------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------


def is_kg_term(node: object) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(str(KG))


def local_name(node: URIRef) -> str:
    return str(node)[len(str(KG)) :]


def _name(graph: Graph, node: object) -> str:
    """A local name for kg: terms, a prefixed name (``xsd:decimal``) for the others."""
    if is_kg_term(node):
        return local_name(node)  # type: ignore[arg-type]
    if isinstance(node, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(node)
        except Exception:  # pragma: no cover - rdflib refuses some IRIs
            return str(node)
    return str(node)


def _members(graph: Graph, node: object) -> list[object]:
    """The classes of a class expression: itself, or the members of an owl:unionOf."""
    if isinstance(node, BNode):
        union = graph.value(node, OWL.unionOf)
        if union is not None:
            return list(Collection(graph, union))
        return []
    return [node] if node is not None else []


def _text(graph: Graph, node: URIRef, prop: URIRef) -> str:
    """The English (or untagged) value of an annotation, or ""."""
    best = ""
    for value in graph.objects(node, prop):
        if isinstance(value, Literal):
            if value.language in (None, "en"):
                return str(value)
            best = best or str(value)
    return best


def _sorted_names(graph: Graph, nodes: object) -> list[str]:
    return sorted(_name(graph, n) for n in nodes)  # type: ignore[union-attr]


# --------------------------------------------------------------------------------------
# Classes and properties as dicts
# --------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _classes() -> dict[str, dict]:
    g = load_ontology()
    out: dict[str, dict] = {}
    for cls in sorted(set(g.subjects(RDF.type, OWL.Class))):
        if not is_kg_term(cls):
            continue
        out[local_name(cls)] = {
            "iri": str(cls),
            "label": _text(g, cls, RDFS.label),
            "comment": _text(g, cls, RDFS.comment),
            "superclasses": _sorted_names(g, g.objects(cls, RDFS.subClassOf)),
            "equivalent": _sorted_names(g, g.objects(cls, OWL.equivalentClass)),
            "close_match": _sorted_names(g, g.objects(cls, SKOS.closeMatch)),
            "individuals": _sorted_names(
                g, (i for i in g.subjects(RDF.type, cls) if is_kg_term(i))
            ),
        }
    return out


def _inverse(g: Graph, prop: URIRef) -> str | None:
    for other in g.objects(prop, OWL.inverseOf):
        return _name(g, other)
    for other in g.subjects(OWL.inverseOf, prop):
        return _name(g, other)
    return None


@lru_cache(maxsize=1)
def _properties() -> dict[str, dict]:
    g = load_ontology()
    out: dict[str, dict] = {}
    for kind_class, kind in _PROPERTY_KINDS.items():
        for prop in sorted(set(g.subjects(RDF.type, kind_class))):
            if not is_kg_term(prop):
                continue
            types = set(g.objects(prop, RDF.type))
            out[local_name(prop)] = {
                "iri": str(prop),
                "kind": kind,
                "label": _text(g, prop, RDFS.label),
                "comment": _text(g, prop, RDFS.comment),
                "domain": [_name(g, m) for m in _members(g, g.value(prop, RDFS.domain))],
                "range": [_name(g, m) for m in _members(g, g.value(prop, RDFS.range))],
                "inverse": _inverse(g, prop),
                "symmetric": OWL.SymmetricProperty in types,
                "transitive": OWL.TransitiveProperty in types,
                "functional": OWL.FunctionalProperty in types,
                "super_properties": _sorted_names(g, g.objects(prop, RDFS.subPropertyOf)),
                "equivalent": _sorted_names(g, g.objects(prop, OWL.equivalentProperty)),
                "close_match": _sorted_names(g, g.objects(prop, SKOS.closeMatch)),
            }
    return out


def classes() -> dict[str, dict]:
    """Every kg: class by local name.

    Each value has ``iri``, ``label``, ``comment``, ``superclasses``, ``equivalent``,
    ``close_match`` and ``individuals`` (lists of names: local names for kg: terms,
    prefixed names such as ``prov:Entity`` or ``schema:Person`` for the others).
    """
    return copy.deepcopy(_classes())


def properties() -> dict[str, dict]:
    """Every kg: property by local name.

    Each value has ``iri``, ``kind`` ("object" or "datatype"), ``label``, ``comment``,
    ``domain`` and ``range`` (lists: one name, or the members of an owl:unionOf),
    ``inverse`` (a name or None), ``symmetric``, ``transitive``, ``functional`` (bools),
    ``super_properties``, ``equivalent`` and ``close_match`` (lists of names). Names follow
    the convention of :func:`classes`; datatypes read ``xsd:decimal``.
    """
    return copy.deepcopy(_properties())


def label(name: str) -> str:
    """The label of a kg: class or property by local name, or the name itself."""
    for table in (_classes(), _properties()):
        if name in table and table[name]["label"]:
            return table[name]["label"]
    return name


# --------------------------------------------------------------------------------------
# Markdown reference
# --------------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Make text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _term(name: str) -> str:
    return f"`{name}`" if ":" in name else f"`kg:{name}`"


def _terms(names: list[str], joiner: str = ", ") -> str:
    return joiner.join(_term(n) for n in names) if names else ""


_PROVENANCE_CLASSES = ("Document", "Fact", "InferredFact", "Evidence", "Status")
_PROVENANCE_PROPERTIES = (
    "evidence",
    "status",
    "sentence",
    "startOffset",
    "endOffset",
    "confidence",
    "rule",
    "sourcePath",
    "contentHash",
    "readAt",
)


def describe() -> str:
    """A Markdown reference of the ontology, generated from ``ontology/kg.ttl``."""
    g = load_ontology()
    onto = URIRef(ONTOLOGY_IRI)
    version = g.value(onto, OWL.versionInfo)
    license_ = g.value(onto, DCTERMS.license)
    cls = _classes()
    props = _properties()

    lines = [
        f"# {_text(g, onto, RDFS.label) or 'kg ontology'}",
        "",
        _md(_text(g, onto, RDFS.comment)),
        "",
        f"- IRI: `{ONTOLOGY_IRI}` (version {version})",
        f"- Namespace: `kg:` = `{KG}`",
        f"- License: {license_}",
        "- Source: `ontology/kg.ttl`; shapes: `ontology/shapes.ttl`",
        "",
        "## Entity classes",
        "",
        "| Class | Subclass of | Matches | Description |",
        "|---|---|---|---|",
    ]
    for name, info in cls.items():
        if name in _PROVENANCE_CLASSES:
            continue
        matches = _terms(info["equivalent"] + info["close_match"])
        lines.append(
            f"| {_term(name)} ({_md(info['label'])}) | {_terms(info['superclasses'])} "
            f"| {matches} | {_md(info['comment'])} |"
        )

    def prop_rows(names: list[str]) -> list[str]:
        rows = [
            "| Property | Domain | Range | Characteristics | Description |",
            "|---|---|---|---|---|",
        ]
        for name in names:
            info = props[name]
            traits = []
            if info["inverse"]:
                traits.append(f"inverse {_term(info['inverse'])}")
            if info["symmetric"]:
                traits.append("symmetric")
            if info["transitive"]:
                traits.append("transitive")
            if info["functional"]:
                traits.append("functional")
            if info["super_properties"]:
                traits.append(f"sub-property of {_terms(info['super_properties'])}")
            matches = info["equivalent"] + info["close_match"]
            if matches:
                traits.append(f"matches {_terms(matches)}")
            rows.append(
                f"| {_term(name)} | {_terms(info['domain'], ' or ')} "
                f"| {_terms(info['range'], ' or ')} | {'; '.join(traits)} "
                f"| {_md(info['comment'])} |"
            )
        return rows

    relations = [n for n, i in props.items() if i["kind"] == "object"]
    relations = [n for n in relations if n not in _PROVENANCE_PROPERTIES]
    literals = [n for n, i in props.items() if i["kind"] == "datatype"]
    literals = [n for n in literals if n not in _PROVENANCE_PROPERTIES]
    provenance = [n for n in _PROVENANCE_PROPERTIES if n in props]

    lines += ["", "## Relations between entities", "", *prop_rows(relations)]
    lines += ["", "## Literal facts", "", *prop_rows(literals)]
    lines += [
        "",
        "## Provenance",
        "",
        "Each fact is asserted as a triple and reified as a `kg:Fact` whose `kg:evidence` "
        "points at the sentences stating it (see `docs/rdf-model.md`).",
        "",
        "| Class | Subclass of | Description |",
        "|---|---|---|",
    ]
    for name in _PROVENANCE_CLASSES:
        if name in cls:
            info = cls[name]
            lines.append(
                f"| {_term(name)} | {_terms(info['superclasses'])} | {_md(info['comment'])}"
                + (f" Values: {_terms(info['individuals'])}." if info["individuals"] else "")
                + " |"
            )
    lines += ["", *prop_rows(provenance), ""]
    return "\n".join(lines)
