"""`kg build`: articles in, graph files (and/or a persistent store) out."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.cli import app
from kg.errors import InputError, KgError
from kg.pipeline import DEFAULT_BATCH_SIZE

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
    sink: str | None = typer.Option(
        None, "--sink", help="SPARQL store to write the documents to, one named graph each: "
        "gsp+http://host/store (Graph Store Protocol) or sparql+http://host/update "
        "(SPARQL Update); see the README.",
    ),
    sink_query: str | None = typer.Option(
        None, "--sink-query", help="The --sink store's SPARQL query endpoint, when not the "
        "--sink URL (read for content hashes).",
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
    max_size: float = typer.Option(
        10.0, "--max-size", metavar="MB", min=0,
        help="Skip documents larger than this many megabytes (checked before reading; "
        "0 = no limit).",
    ),
    batch_size: int = typer.Option(
        DEFAULT_BATCH_SIZE, "--batch-size", min=1,
        help="Documents parsed and resolved together; memory grows with it, not the corpus.",
    ),
    workers: int = typer.Option(
        1, "--workers", min=1, help="Worker processes on this machine, each parsing batches.",
    ),
    dask: str | None = typer.Option(
        None, "--dask", metavar="SCHEDULER",
        help="Run the batches on an existing Dask cluster (e.g. tcp://10.0.0.5:8786); its "
        "workers need kg installed. See the README.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Build a knowledge graph from news articles.

    Writes OUTPUT/graph.ttl (and the other --format files) and OUTPUT/graph.html, or adds the
    documents to a persistent --store or a SPARQL --sink. Exit code 1 when some documents
    failed (they are listed, the others are still built), 2 on bad usage.
    """
    from kg.api import KnowledgeGraph
    from kg.documents import expand_sources, read_all
    from kg.store import MemoryStore

    if output is None and store is None and sink is None:
        raise KgError("give -o OUTDIR, --store DIR or --sink URL")
    if store is not None and sink is not None:
        raise KgError("give --store DIR or --sink URL, not both (copy a store to a SPARQL "
                      "store with: kg export --store DIR --sink URL)")
    if dask is not None and workers > 1:
        raise KgError("give --workers N or --dask SCHEDULER, not both")
    wanted = _parse_formats(formats)
    console = Console(stderr=True, quiet=quiet)
    max_bytes = int(max_size * 1_000_000) or None
    sources = expand_sources(paths)  # a path that matches nothing stops the job here
    if strict:
        _check_readable(sources, max_bytes)
    items = _first_readable(read_all(sources, max_bytes))
    with _open_target(store, sink, sink_query) if store or sink else MemoryStore() as target:
        totals = _stream(items, target, len(sources), console, strict=strict,
                         batch_size=batch_size, workers=workers, dask=dask, use_known=known,
                         provenance=provenance)
        if (store is not None or sink is not None) and not quiet:
            typer.echo(f"kg: {store or _shown(sink)}: {totals.new} document(s) added, "
                       f"{totals.changed} replaced, {totals.unchanged} unchanged "
                       "(skipped)", err=True)
        failures = totals.failures
        graph = KnowledgeGraph(target, failures)
        if infer:
            _add_inferred(target)
        elif totals.changed and _has_inferred(target):
            typer.echo("kg: warning: the inferred graph predates the replaced documents; "
                       "add --infer to recompute it", err=True)
        if output is not None:
            _write_outputs(graph, output, wanted, html, console)
        if not quiet and sink is None:  # a remote store's summary would download all of it
            print_summary(graph, Console())
    if failures:
        typer.echo(f"kg: {len(failures)} of {len(failures) + totals.read} documents "
                   "failed", err=True)
        raise typer.Exit(1)


@dataclass
class _Totals:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.new + self.changed + self.unchanged


def _check_readable(sources: list[str], max_bytes: int | None) -> None:
    """--strict: read every file once before building, so a bad one stops the job before
    anything is written (stdin cannot be read twice: it is checked as it is built)."""
    from kg.documents import STDIN, read_all

    failures = [str(item) for item in read_all([s for s in sources if s != STDIN], max_bytes)
                if isinstance(item, InputError)]
    for failure in failures:
        typer.echo(f"kg: skipped {failure}", err=True)
    if failures:
        raise KgError(f"{len(failures)} document(s) failed and --strict is set", 1)


def _first_readable(items: Iterator) -> Iterator:
    """`items` unchanged, once one readable document is among them (read ahead to it), so a
    job without any stops before a store is opened."""
    read: list = []
    for item in items:
        read.append(item)
        if not isinstance(item, InputError):
            return itertools.chain(read, items)
    for failure in read:
        typer.echo(f"kg: skipped {failure}", err=True)
    raise KgError("no readable document among the inputs", 1)


def _stream(items: Iterable, target, total: int, console: Console, *, strict: bool,
            **options) -> _Totals:
    """The streaming build behind a progress bar; unreadable files are listed as met."""
    from kg.pipeline import build_stream

    totals = _Totals()
    with _progress(console) as bar:
        task = bar.add_task("building", total=total)
        for batch in build_stream(items, target, **options):
            for failure in batch.failures:
                typer.echo(f"kg: skipped {failure}", err=True)
            if strict and batch.failures:
                raise KgError(f"{len(batch.failures)} document(s) failed and --strict is set", 1)
            totals.new += batch.new
            totals.changed += batch.changed
            totals.unchanged += batch.unchanged
            totals.failures += batch.failures
            bar.advance(task, batch.seen)
    return totals


EXTENSIONS = {"turtle": "ttl", "nt": "nt", "nquads": "nq", "trig": "trig", "json-ld": "jsonld",
              "xml": "rdf", "graphml": "graphml", "gexf": "gexf", "csv": "csv"}


def _parse_formats(spec: str) -> list[str]:
    from kg.store import normalize_format

    formats = []
    for name in (f.strip().lower() for f in spec.split(",") if f.strip()):
        formats.append(name if name in EXTENSIONS else normalize_format(name))
    return list(dict.fromkeys(formats))


def _open_target(path: Path | None, sink: str | None = None, sink_query: str | None = None):
    from kg.store import OxigraphStore

    if sink is not None:
        from kg.remote import RemoteStore

        return RemoteStore.open(sink, query_url=sink_query)
    return OxigraphStore(path)


def _shown(url: str | None) -> str:
    from kg.remote import shown

    return shown(url or "")


def _add_inferred(store) -> None:
    from kg.inference import INFERRED_GRAPH, infer

    union = store.to_dataset()
    store.replace_document(INFERRED_GRAPH, infer(union))


def _has_inferred(store) -> bool:
    from kg.inference import INFERRED_GRAPH

    return bool(store.query(f"ASK {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }} }}").boolean)


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
        for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            table.add_row(name, str(count))  # most first; ties by name, the same every run
        console.print(table)
