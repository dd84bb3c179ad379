"""Check a graph against the SHACL shapes of the kg-news ontology.

``validate(graph)`` runs pyshacl with ``ontology/shapes.ttl`` and the ontology as ``ont_graph``
and turns its report into plain Python objects with one readable line per problem, e.g.
``ent:Muse_Spark kg:developedBy: value ent:Alexandr_Wang is not a kg:Organization``.

Inference: none. SHACL's ``sh:targetClass`` and ``sh:class`` already count instances of
subclasses (through rdfs:subClassOf in the data graph merged with the ontology), so an
``ent:Meta a kg:Company`` satisfies ``sh:class kg:Organization``. RDFS inference would add
types from rdfs:domain and rdfs:range and so hide exactly the domain and range errors the
shapes are there to catch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import RDF, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.errors import InputError
from kg.namespaces import bind_prefixes
from kg.ontology import SHAPES_PATH, load_ontology, load_shapes

SH = Namespace("http://www.w3.org/ns/shacl#")
KGSH = Namespace("https://w3id.org/kg-news/shapes#")

_IRI = re.compile(r"<?https?://[^\s<>\"]+>?")

_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Violation:
    """One SHACL result, with names already shortened to prefixed form (``ent:Meta``)."""

    focus: str
    path: str | None
    message: str  # the whole readable line, focus node first
    severity: str = "Violation"
    value: str | None = None

    def __str__(self) -> str:
        return self.message


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.conforms

    def summary(self) -> str:
        if self.conforms:
            return "conforms: 0 violations"
        counts: dict[str, int] = {}
        for v in self.violations:
            counts[v.severity] = counts.get(v.severity, 0) + 1
        parts = [f"{n} {sev.lower()}{'s' if n != 1 else ''}" for sev, n in sorted(counts.items())]
        return "does not conform: " + ", ".join(parts)


def _union(graph: Graph) -> Graph:
    """A plain Graph with every triple of `graph` (the union of a Dataset's named graphs)."""
    if isinstance(graph, Dataset):
        union = Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return graph


class _Namer:
    """Prefixed names for nodes of the data graph, shapes graph and report."""

    def __init__(self) -> None:
        self.graph = bind_prefixes(Graph())
        self.graph.bind("sh", SH)
        self.graph.bind("kgsh", KGSH)

    def __call__(self, node: Node | None) -> str:
        if node is None:
            return ""
        if isinstance(node, URIRef):
            try:
                qname = self.graph.namespace_manager.curie(node, generate=False)
            except (ValueError, KeyError):
                return f"<{node}>"
            return qname
        if isinstance(node, Literal):
            text = str(node)
            shown = text if len(text) <= 60 else text[:57] + "..."
            if node.datatype is not None:
                return f'"{shown}"^^{self(node.datatype)}'
            if node.language:
                return f'"{shown}"@{node.language}'
            return f'"{shown}"'
        if isinstance(node, BNode):
            return f"_:{node}"
        return str(node)

    def bare(self, node: Node | None) -> str:
        """Like calling the namer, but a number or string literal shows as its lexical form."""
        if isinstance(node, Literal):
            return str(node)
        return self(node)

    def path(self, results: Graph, path: Node | None) -> str | None:
        if path is None:
            return None
        if isinstance(path, BNode):
            inverse = results.value(path, SH.inversePath)
            if inverse is not None:
                return "^" + self(inverse)
            if results.value(path, RDF.first) is not None:
                return "/".join(self(p) for p in Collection(results, path))
            return "(path)"
        return self(path)


def _or_members(shapes: Graph, shape: Node, key: URIRef) -> list[Node]:
    """The sh:class / sh:datatype values listed in a shape's sh:or, if any."""
    out: list[Node] = []
    for lst in shapes.objects(shape, SH["or"]):
        for member in Collection(shapes, lst):
            value = shapes.value(member, key)
            if value is None:
                return []  # a mixed sh:or: the shape's own sh:message says it better
            out.append(value)
    return out


def _describe(
    name: _Namer, shapes: Graph, result: Graph, node: Node, path: str | None, given: str
) -> str:
    """The explanation part of a message: what is wrong, given the constraint component."""
    component = result.value(node, SH.sourceConstraintComponent)
    shape = result.value(node, SH.sourceShape)
    value = result.value(node, SH.value)
    shown = name(value) if value is not None else ""
    local = str(component).rsplit("#", 1)[-1] if component is not None else ""

    def one(key: URIRef) -> Node | None:
        return shapes.value(shape, key) if shape is not None else None

    if local in (
        "ClassConstraintComponent",
        "OrConstraintComponent",
        "DatatypeConstraintComponent",
    ):
        if local == "ClassConstraintComponent":
            wanted = [one(SH["class"])]
        elif local == "DatatypeConstraintComponent":
            wanted = [one(SH.datatype)]
        else:
            wanted = _or_members(shapes, shape, SH["class"]) or _or_members(
                shapes, shape, SH.datatype
            )
        wanted_names = [name(w) for w in wanted if w is not None]
        if wanted_names:
            expected = " or ".join(wanted_names)
            if path is None:
                used = [name(p) for p in shapes.objects(shape, SH.targetSubjectsOf)]
                as_subject = f" (it is the subject of {', '.join(used)})" if used else ""
                return f"is not a {expected}{as_subject}"
            return f"value {shown} is not a {expected}"
    if local == "MinCountConstraintComponent":
        n = one(SH.minCount)
        return f"is missing (at least {n} required)" if n is not None else "is missing"
    if local == "MaxCountConstraintComponent":
        return f"has too many values (at most {one(SH.maxCount)} allowed)"
    if local == "MinInclusiveConstraintComponent":
        return f"value {name.bare(value)} is below the minimum {name.bare(one(SH.minInclusive))}"
    if local == "MaxInclusiveConstraintComponent":
        return f"value {name.bare(value)} is above the maximum {name.bare(one(SH.maxInclusive))}"
    if local == "InConstraintComponent":
        allowed = []
        for lst in shapes.objects(shape, SH["in"]):
            allowed = [name(m) for m in Collection(shapes, lst)]
        return f"value {shown} is not one of {', '.join(allowed)}"
    if local == "HasValueConstraintComponent":
        return f"must include the value {name(one(SH.hasValue))}"
    if local == "NodeKindConstraintComponent":
        kind = name(one(SH.nodeKind)).replace("sh:", "")
        return f"value {shown} is not an {kind}" if path else f"is not an {kind}"
    if local == "PatternConstraintComponent":
        return f"value {shown} does not match {one(SH.pattern)}"
    if local == "LessThanOrEqualsConstraintComponent":
        return f"value {name.bare(value)} is greater than {name(one(SH.lessThanOrEquals))}"
    return given or f"fails {name(component)}"


_TRIPLE_SHAPES = (KGSH.AssertedFactTripleShape, KGSH.HedgedFactTripleShape)


def _reified(data: Graph, fact: Node | None, name: _Namer) -> str:
    """' (ent:A kg:p ent:B)' for a reified fact node, or ''."""
    parts = [data.value(fact, p) for p in (RDF.subject, RDF.predicate, RDF.object)]
    if fact is None or any(p is None for p in parts):
        return ""
    return " (" + " ".join(name(p) for p in parts) + ")"


def _messages(results: Graph, shapes: Graph, data: Graph) -> list[Violation]:
    name = _Namer()
    out: list[Violation] = []
    for node in results.subjects(RDF.type, SH.ValidationResult):
        focus_node = results.value(node, SH.focusNode)
        focus = name(focus_node)
        path = name.path(results, results.value(node, SH.resultPath))
        value = results.value(node, SH.value)
        severity = _SEVERITY.get(results.value(node, SH.resultSeverity), "Violation")
        raw = str(results.value(node, SH.resultMessage) or "")
        hint = _IRI.sub(lambda m: name(URIRef(m.group(0).strip("<>"))), raw).strip()
        detail = _describe(name, shapes, results, node, path, hint)
        component = results.value(node, SH.sourceConstraintComponent)
        # Shapes carry a sh:message that states the rule; add it when ours is less specific.
        stated = component is not None and str(component).endswith(
            ("NotConstraintComponent", "SPARQLConstraintComponent")
        )
        if path and path.startswith("^"):
            stated = True  # "ev:1 ^kg:evidence: is missing" says less than the shape's message
        if stated and hint:
            message = f"{focus}: {hint}"
            if results.value(node, SH.sourceShape) in _TRIPLE_SHAPES:
                message += _reified(data, focus_node, name)
        elif path:
            message = f"{focus} {path}: {detail}"
        elif detail.startswith(("is ", "has ", "must ")):
            message = f"{focus} {detail}"
        else:
            message = f"{focus}: {detail}"
        out.append(
            Violation(
                focus=focus,
                path=path,
                message=message,
                severity=severity,
                value=name(value) if value is not None else None,
            )
        )
    out.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return out


def validate(graph: Graph) -> ValidationReport:
    """Validate `graph` (a Graph, or a Dataset whose named graphs are merged) against the shapes."""
    from pyshacl import validate as shacl_validate

    shapes = load_shapes()
    data = _union(graph)
    conforms, results, _text = shacl_validate(
        data,
        shacl_graph=shapes,
        ont_graph=load_ontology(),
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
        advanced=True,
        inplace=False,
    )
    if not isinstance(results, Graph):  # pyshacl reports a shape it cannot run this way
        raise InputError(f"{SHAPES_PATH}: a shape cannot be checked ({results})")
    violations = _messages(results, shapes, data)
    return ValidationReport(conforms=bool(conforms), violations=violations)
