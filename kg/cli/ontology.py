"""`kg validate`, `kg infer` and `kg ontology`: check, complete and document graphs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.cli import app
from kg.errors import InputError, KgError
from kg.namespaces import KG, bind_prefixes

# File extension -> rdflib format name.
_FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".n3": "n3",
}
_QUAD_FORMATS = {"nquads", "trig", "json-ld"}


def _format_of(path: Path) -> str:
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(_FORMATS))
        raise InputError(f"{path}: unknown graph format '{path.suffix}' (use one of {known})")
    return fmt


def read_graph(path: Path) -> Dataset:
    """Parse a graph file, choosing the format by extension; named graphs are kept."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    fmt = _format_of(path)
    dataset = bind_prefixes(Dataset())
    try:
        dataset.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises parser-specific exception types
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise InputError(f"{path}: cannot parse as {fmt}: {first[:200]}") from exc
    return dataset


def write_graph_atomic(graph: Graph, path: Path) -> None:
    """Serialise by extension, then write through kg.export.write_atomic (temp file + rename)."""
    from kg.export import write_atomic

    data = graph.serialize(format=_format_of(path), encoding="utf-8")
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise KgError(f"{path}: cannot write ({exc.strerror})") from exc


def _triple_count(dataset: Dataset) -> int:
    return sum(1 for _ in dataset.quads((None, None, None, None)))


@app.command(
    "validate",
    short_help="Check a graph against the kg SHACL shapes; exit 1 on violations.",
    help="Check a graph against the kg SHACL shapes (ontology/shapes.ttl). "
    "Prints one line per violation, naming the node at fault, then a summary. "
    "Exit code 0 when the graph conforms, 1 when it does not, 2 when the file cannot be read.",
    epilog="Example: kg validate out/graph.ttl",
)
def validate_command(
    graph: Annotated[
        Path,
        typer.Argument(
            help="Graph file (.ttl, .nt, .nq, .trig, .jsonld, .rdf); named graphs are merged."
        ),
    ],
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", min=0, help="Show at most this many violations (0: all)."),
    ] = 100,
) -> None:
    """Check a graph against the kg SHACL shapes."""
    from kg.validate import validate

    dataset = read_graph(graph)
    report = validate(dataset)
    shown = report.violations if limit == 0 else report.violations[:limit]
    for v in shown:
        typer.echo(f"{v.severity:<9} {v.message}")
    if len(shown) < len(report.violations):
        typer.echo(f"... and {len(report.violations) - len(shown)} more (use --limit 0)")
    triples = _triple_count(dataset)
    if report.conforms:
        typer.echo(f"{graph}: conforms ({triples} triples)")
        return
    n = len(report.violations)
    plural = "s" if n != 1 else ""
    typer.echo(f"{graph}: does not conform, {n} violation{plural} ({triples} triples)")
    raise typer.Exit(1)


@app.command(
    "infer",
    short_help="Add inverse, symmetric, super- and transitive-property facts.",
    help="Add the facts the ontology entails (inverses, symmetric pairs, super-properties, "
    "transitive sub-organisations), each reified as a kg:InferredFact with kg:status "
    "kg:Inferred. The output format follows OUTPUT's extension; in TriG and N-Quads the new "
    "triples go to the named graph <https://w3id.org/kg-news/graph/inferred>.",
    epilog="Example: kg infer out/graph.ttl -o out/graph-inferred.ttl",
)
def infer_command(
    graph: Annotated[
        Path, typer.Argument(help="Graph file to complete (.ttl, .nt, .nq, .trig ...).")
    ],
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help="File to write: the graph plus the inferred triples."),
    ],
) -> None:
    """Write GRAPH plus the triples the ontology entails to OUTPUT."""
    from kg.inference import INFERRED_GRAPH, infer

    fmt = _format_of(output)  # fail on a bad extension before the slow part
    dataset = read_graph(graph)
    inferred = infer(dataset)

    if fmt in _QUAD_FORMATS:
        result: Graph = bind_prefixes(Dataset())
        for s, p, o, context in dataset.quads((None, None, None, None)):
            name = getattr(context, "identifier", context)
            if name == INFERRED_GRAPH:
                continue  # replaced below
            if name is None or name == DATASET_DEFAULT_GRAPH_ID:
                result.add((s, p, o))
            else:
                result.graph(URIRef(name)).add((s, p, o))
        target = result.graph(INFERRED_GRAPH)
        for triple in inferred:
            target.add(triple)
    else:
        result = bind_prefixes(Graph())
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            result.add((s, p, o))
        for triple in inferred:
            result.add(triple)

    write_graph_atomic(result, output)
    facts = len(set(inferred.subjects(RDF.type, KG.InferredFact)))
    typer.echo(f"{output}: {facts} inferred fact{'s' if facts != 1 else ''} added", err=True)


@app.command(
    "ontology",
    short_help="Print the ontology reference (Markdown).",
    help="Print a Markdown reference of the kg ontology: classes, relations, literal facts and "
    "provenance terms, with domains, ranges, inverses and schema.org / Wikidata matches.",
    epilog="Example: kg ontology > ontology.md   (or: kg ontology --turtle)",
)
def ontology_command(
    turtle: Annotated[
        bool, typer.Option("--turtle", help="Print ontology/kg.ttl itself instead.")
    ] = False,
) -> None:
    """Print the ontology reference."""
    from kg.ontology import ONTOLOGY_PATH, describe

    if turtle:
        typer.echo(ONTOLOGY_PATH.read_text(encoding="utf-8"), nl=False)
        return
    typer.echo(describe())
