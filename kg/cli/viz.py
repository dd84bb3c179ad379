"""`kg viz`: write the interactive HTML view of a graph."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli import app


@app.command(
    "viz",
    help="Write an interactive, offline HTML view of a graph.\n\n"
    "Entities are coloured by class and sized by PageRank; click one for its details, click "
    "a relation for the sentences that state it.\n\n"
    "Example: kg viz out/graph.ttl -o graph.html --focus 'Muse Spark' --depth 2\n\n"
    "Example: kg viz out/graph.trig -o path.html --path 'Alexandr Wang' Meta",
)
def viz(
    graph: Annotated[
        Path,
        typer.Argument(
            help="RDF graph file: .ttl, .nt, .nq, .trig, .jsonld or .rdf.",
            metavar="GRAPH",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="HTML file to write (default: GRAPH with the extension .html).",
            show_default=False,
        ),
    ] = None,
    focus: Annotated[
        str | None,
        typer.Option(
            "--focus", help="Draw only the neighbourhood of this entity (label, alias or IRI)."
        ),
    ] = None,
    depth: Annotated[int, typer.Option("--depth", min=0, help="Hops around --focus.")] = 1,
    path: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--path", metavar="A B", help="Highlight the shortest connection between A and B."
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Page title (default: the file name).")
    ] = None,
    size_by: Annotated[
        str, typer.Option("--size-by", help="Node size from 'pagerank' or 'degree'.")
    ] = "pagerank",
) -> None:
    from kg.errors import InputError
    from kg.netgraph import load_rdf, to_networkx
    from kg.viz import render_html, write_atomic

    if size_by not in ("pagerank", "degree"):
        raise InputError(f"--size-by must be 'pagerank' or 'degree', not {size_by!r}")
    target = output if output is not None else graph.with_suffix(".html")
    G = to_networkx(load_rdf(graph))
    page = render_html(
        G,
        focus=focus,
        depth=depth,
        path_between=tuple(path) if path else None,
        title=title or graph.name,
        size_by=size_by,  # type: ignore[arg-type]
    )
    try:
        write_atomic(target, page)
    except OSError as exc:
        raise InputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    typer.echo(
        f"wrote {target} ({G.number_of_nodes()} entities, {G.number_of_edges()} facts, "
        f"{len(page.encode('utf-8')) / 1024:.0f} KB)"
    )
