"""`kg build`: articles in, graph files (and/or a persistent store) out."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.cli import app
from kg.errors import KgError

DEFAULT_FORMATS = "turtle"


@app.command(
    epilog="Example: kg build examples/articles -o out --format turtle,trig,jsonld",
)
def build(
    paths: list[str] = typer.Argument(
        ..., help="Files, folders, globs or '-' for stdin (.txt, .md, .html)."
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Folder for graph.<ext> files and graph.html."
    ),
    store: Path | None = typer.Option(
        None, "--store", help="Persistent Oxigraph store folder to add the documents to."
    ),
    formats: str = typer.Option(
        DEFAULT_FORMATS, "--format", "-f",
        help="Comma-separated export formats: turtle, nt, nquads, trig, jsonld, xml, "
        "graphml, gexf, csv.",
    ),
    html: bool = typer.Option(True, "--html/--no-html", help="Also write graph.html."),
    provenance: bool = typer.Option(
        True, "--provenance/--no-provenance", help="Keep evidence and sources of every fact."
    ),
    known: bool = typer.Option(
        True, "--known/--no-known", help="Use ontology/entities.toml for typing and linking."
    ),
    infer: bool = typer.Option(False, "--infer", help="Add inverse/symmetric/super-property "
                               "triples (marked kg:InferredFact)."),
    strict: bool = typer.Option(False, "--strict", help="Fail if any document cannot be read."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Build a knowledge graph from news articles.

    Writes OUTPUT/graph.ttl (and the other --format files) and OUTPUT/graph.html, or adds the
    documents to a persistent --store. Exit code 1 when some documents failed (they are
    listed, the others are still built), 2 on bad usage.
    """
    from kg.api import KnowledgeGraph
    from kg.pipeline import extract, read_sources
    from kg.rdf import document_graphs
    from kg.store import MemoryStore

    if output is None and store is None:
        raise KgError("give -o OUTDIR, --store DIR, or both")
    wanted = _parse_formats(formats)
    console = Console(stderr=True, quiet=quiet)
    documents, failures = read_sources(paths)
    for failure in failures:
        typer.echo(f"kg: skipped {failure}", err=True)
    if strict and failures:
        raise KgError(f"{len(failures)} document(s) failed and --strict is set", 1)
    if not documents:
        raise KgError("no readable document among the inputs", 1)
    with _progress(console) as bar:
        task = bar.add_task("parsing", total=len(documents))
        extraction = extract(documents, use_known=known,
                             on_document=lambda _: bar.advance(task))
    target = _open_target(store) if store is not None else MemoryStore()
    for doc, graph in document_graphs(extraction, provenance=provenance):
        target.replace_document(doc, graph)
    graph = KnowledgeGraph(target, failures)
    if infer:
        _add_inferred(target)
    if output is not None:
        _write_outputs(graph, output, wanted, html, console)
    if not quiet:
        print_summary(graph, Console())
    if failures:
        typer.echo(f"kg: {len(failures)} of {len(failures) + len(documents)} documents "
                   "failed", err=True)
        raise typer.Exit(1)


EXTENSIONS = {"turtle": "ttl", "nt": "nt", "nquads": "nq", "trig": "trig", "json-ld": "jsonld",
              "xml": "rdf", "graphml": "graphml", "gexf": "gexf", "csv": "csv"}


def _parse_formats(spec: str) -> list[str]:
    from kg.store import normalize_format

    formats = []
    for name in (f.strip().lower() for f in spec.split(",") if f.strip()):
        formats.append(name if name in EXTENSIONS else normalize_format(name))
    return list(dict.fromkeys(formats))


def _open_target(path: Path):
    from kg.store import OxigraphStore

    return OxigraphStore(path)


def _add_inferred(store) -> None:
    from kg.inference import INFERRED_GRAPH, infer

    union = store.to_dataset()
    store.replace_document(INFERRED_GRAPH, infer(union))


def _write_outputs(graph, output: Path, formats: list[str], html: bool, console) -> None:
    from kg.export import export

    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KgError(f"{output}: cannot create output folder ({exc.strerror})") from exc
    for fmt in formats:
        path = output / f"graph.{EXTENSIONS[fmt]}"
        export(graph.store, fmt, path)
        console.print(f"wrote {path}")
    if html:
        path = graph.to_html(output / "graph.html", title="kg: " + output.name)
        console.print(f"wrote {path}")


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=console, transient=True,
    )


def print_summary(graph, console: Console) -> None:
    """Documents, entities by class and facts by property, as a user wants to see after a build."""
    summary = graph.summary()
    console.print(f"[bold]{summary['documents']}[/] documents, "
                  f"[bold]{sum(summary['entities'].values())}[/] entities, "
                  f"[bold]{sum(summary['facts'].values())}[/] facts, "
                  f"{summary['triples']} triples")
    for title, counts in (("entities by class", summary["entities"]),
                          ("facts by property", summary["facts"])):
        table = Table(title=title, title_justify="left")
        table.add_column(title.split()[-1])
        table.add_column("count", justify="right")
        for name, count in counts.items():
            table.add_row(name, str(count))
        console.print(table)
