"""`kg query`, `kg serve` and `kg export`: read a graph file or a store and answer SPARQL."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.cli import app
from kg.errors import InputError, KgError

_TARGET_HELP = ("A graph file (.ttl .nt .nq .trig .jsonld .rdf), an Oxigraph store directory "
                "or a remote SPARQL endpoint URL (http://host/sparql).")


@app.command("query", epilog="Example: kg query out/graph.ttl "
             "'SELECT ?m ?c WHERE { ?m kg:developedBy ?c }'")
def query_command(
    target: Annotated[str, typer.Argument(help=_TARGET_HELP, show_default=False)],
    query: Annotated[str | None, typer.Argument(
        help="The SPARQL query. The common prefixes (kg: ent: doc: rdfs: schema: ...) "
        "are declared for you.", show_default=False)] = None,
    file: Annotated[Path | None, typer.Option(
        "--file", "-f", help="Read the query from FILE ('-' for standard input).",
        show_default=False)] = None,
    fmt: Annotated[str, typer.Option(
        "--format", help="table, csv, tsv, json, xml (SPARQL results formats); "
        "turtle, nt, json-ld for CONSTRUCT/DESCRIBE.")] = "table",
    limit: Annotated[int | None, typer.Option(
        "--limit", help="Stop after N rows.", show_default=False)] = None,
    timeout: Annotated[float | None, typer.Option(
        "--timeout", help="Give up after SECONDS.", show_default=False)] = None,
) -> None:
    """Run a SPARQL query on a graph file or a store. An ASK query exits 0 for true, 1 for false.

    Also: kg query out/store -f examples/queries/who_leads_the_lab.rq --format csv
    """
    from kg.query import RESULT_FORMATS, format_result, render_table, run_query
    from kg.store import open_store

    fmt = fmt.lower()
    if fmt not in RESULT_FORMATS:
        raise KgError(f"--format {fmt}: use one of {', '.join(RESULT_FORMATS)}")
    sparql = _read_query(query, file)
    store = open_store(target, read_only=True)
    try:
        result = run_query(store, sparql, timeout=timeout, limit=limit)
        if fmt == "table" and result.kind == "ask":
            typer.echo("true" if result.boolean else "false")
        elif fmt == "table":
            from rich.console import Console

            Console(highlight=False).print(render_table(result))
        else:
            out = format_result(result, fmt)
            if isinstance(out, str):
                sys.stdout.write(out if out.endswith("\n") or fmt == "csv" else out + "\n")
            else:
                sys.stdout.buffer.write(out)
            sys.stdout.flush()
    finally:
        store.close()
    if result.kind == "ask" and not result.boolean:
        raise typer.Exit(1)


def _read_query(query: str | None, file: Path | None) -> str:
    if (query is None) == (file is None):
        raise KgError("give a query or -f FILE (one of the two)")
    if file is None:
        assert query is not None
        return query
    if str(file) == "-":
        return sys.stdin.read()
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{file}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{file}: cannot read: {exc}") from None


@app.command("serve", epilog="Example: kg serve out/store --port 7878   "
             "# then open http://127.0.0.1:7878/")
def serve_command(
    target: Annotated[str, typer.Argument(help=_TARGET_HELP, show_default=False)],
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 7878,
    allow_update: Annotated[bool, typer.Option(
        "--allow-update", help="Accept SPARQL Update (a graph file is changed in memory "
        "only; a store directory on disk; a URL passes it to the endpoint).")] = False,
    timeout: Annotated[float, typer.Option("--timeout",
                                           help="Seconds a query may run.")] = 10.0,
    max_results: Annotated[int, typer.Option("--max-results",
                                             help="Rows (or triples) at most.")] = 10000,
    cors: Annotated[list[str] | None, typer.Option(
        "--cors", help="Allow browser pages from ORIGIN (repeatable; '*' for any).",
        show_default=False)] = None,
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host", help="Also accept this Host header (repeatable; on loopback only "
        "loopback names are accepted by default).", show_default=False)] = None,
) -> None:
    """Serve a SPARQL 1.1 endpoint at /sparql and a query page at / (offline, no CDN)."""
    from kg.remote import is_remote, shown
    from kg.server import serve
    from kg.store import open_store

    store = open_store(target, read_only=not allow_update)
    try:
        name = shown(target) if is_remote(target) else target
        typer.echo(f"kg: serving {name} at http://{host}:{port}/ (SPARQL endpoint /sparql; "
                   "Ctrl-C stops)", err=True)
        from kg.server import default_allowed_hosts

        hosts = (*default_allowed_hosts(host), *(allowed_host or ()))
        serve(store, host=host, port=port, allow_update=allow_update, timeout=timeout,
              max_results=max_results, cors_origins=tuple(cors or ()), allowed_hosts=hosts)
    finally:
        store.close()


@app.command("export", epilog="Example: kg export --store out/store --format trig "
             "-o out/graph.trig")
def export_command(
    graph: Annotated[Path | None, typer.Argument(help="A graph file to convert.",
                                                 show_default=False)] = None,
    store_dir: Annotated[Path | None, typer.Option(
        "--store", help="An Oxigraph store directory.", show_default=False)] = None,
    fmt: Annotated[str | None, typer.Option(
        "--format", help="turtle, nt, nquads, trig, json-ld or xml (RDF/XML); "
        "by default from the -o suffix.", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write ('-' for stdout).", show_default=False)] = None,
    sink: Annotated[str | None, typer.Option(
        "--sink", help="Copy every named graph to a SPARQL store instead: "
        "gsp+http://host/store (Graph Store Protocol) or sparql+http://host/update "
        "(SPARQL Update).", show_default=False)] = None,
    sink_query: Annotated[str | None, typer.Option(
        "--sink-query", help="The store's SPARQL query endpoint, when not the --sink URL.",
        show_default=False)] = None,
) -> None:
    """Export a graph file or a store in another format; the file is replaced atomically.

    With --sink URL the graphs go to a SPARQL 1.1 store, one named graph per document, each
    replacing its earlier copy.
    """
    from kg.export import WRITERS, export, format_for_path
    from kg.store import open_store

    if (graph is None) == (store_dir is None):
        raise KgError("give a GRAPH file or --store DIR (one of the two)")
    if sink is not None:
        _export_to_sink(graph if graph is not None else store_dir, sink, sink_query,
                        store_dir is not None)
        return
    if output is None:
        raise KgError("give -o FILE (or -o - for standard output), or --sink URL")
    chosen = fmt.lower() if fmt else format_for_path(output)
    if chosen is None:
        raise KgError(f"cannot tell the format from {output}; add --format "
                      f"({', '.join(WRITERS)})")
    if chosen not in WRITERS:
        raise KgError(f"--format {chosen}: use one of {', '.join(WRITERS)}")
    source = graph if graph is not None else store_dir
    assert source is not None
    if store_dir is not None and not store_dir.is_dir():
        raise InputError(f"{store_dir}: not a store directory")
    store = open_store(source, read_only=True)
    try:
        size = export(store, chosen, output)
    finally:
        store.close()
    if str(output) != "-":
        typer.echo(f"kg: wrote {output} ({chosen}, {size:,} bytes)", err=True)


def _export_to_sink(source: Path | None, sink: str, sink_query: str | None,
                    is_store: bool) -> None:
    """Copy every named graph of a local graph file or store into a remote store."""
    from kg.remote import RemoteStore, copy_graphs, shown
    from kg.store import open_store

    assert source is not None
    if is_store and not source.is_dir():
        raise InputError(f"{source}: not a store directory")
    remote = RemoteStore.open(sink, query_url=sink_query)
    local = open_store(source, read_only=True)
    try:
        graphs, triples = copy_graphs(local, remote)
    finally:
        local.close()
        remote.close()
    typer.echo(f"kg: wrote {graphs:,} graph(s), {triples:,} triples to {shown(sink)}", err=True)
