"""Where graphs live: one interface, two backends.

`MemoryStore` (rdflib Dataset) serves small one-off builds and graph files; `OxigraphStore`
(pyoxigraph, on disk, transactional) is the default for anything persistent. The pipeline only
ever calls `replace_document`, so a document's triples are swapped in one step and re-runs never
duplicate. Each document's triples live in the named graph named by the document's IRI; queries
see the union of all graphs as their default graph.

`open_store(target)` opens whichever fits: a directory is an Oxigraph store, a graph file
(.ttl .nt .nq .trig .jsonld .rdf .xml) is loaded into a MemoryStore, an http(s) URL is a remote
SPARQL 1.1 store (kg.remote.RemoteStore).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox
import rdflib.plugins.sparql
from rdflib import XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.errors import InputError, KgError
from kg.namespaces import KG, PREFIXES, bind_prefixes
from kg.query import QueryCancelled, QueryResult, QuerySyntaxError

__all__ = [
    "DUMP_FORMATS",
    "GRAPH_SUFFIXES",
    "MemoryStore",
    "OxigraphStore",
    "Store",
    "from_ox",
    "normalize_format",
    "open_store",
    "to_ox",
]

DUMP_FORMATS = ("turtle", "nt", "nquads", "trig", "json-ld", "xml")
"""RDF formats every store can `dump`; nquads, trig and json-ld keep the named graphs."""

_FORMAT_ALIASES = {
    "ttl": "turtle", "turtle": "turtle",
    "nt": "nt", "ntriples": "nt", "n-triples": "nt", "nt11": "nt",
    "nq": "nquads", "nquads": "nquads", "n-quads": "nquads",
    "trig": "trig",
    "json-ld": "json-ld", "jsonld": "json-ld",
    "xml": "xml", "rdf": "xml", "rdfxml": "xml", "rdf/xml": "xml", "pretty-xml": "xml",
}

GRAPH_SUFFIXES = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".nq": "nquads", ".nquads": "nquads",
    ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".xml": "xml",
    ".owl": "xml",
}
"""File suffix -> format for graph files that `open_store` loads into memory."""

# rdflib fetches the IRI of a `FROM <iri>` / `USING <iri>` it does not hold (http:, file:):
# a query would make the server read URLs and local files. Queries see the store, nothing else.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

_QUAD_FORMATS = {"nquads", "trig", "json-ld"}
_RDFLIB_FORMAT = {"turtle": "turtle", "nt": "nt11", "nquads": "nquads", "trig": "trig",
                  "json-ld": "json-ld", "xml": "xml"}
_OX_FORMAT = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
              "nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG,
              "xml": ox.RdfFormat.RDF_XML}
_XSD_STRING = str(XSD.string)


def normalize_format(fmt: str) -> str:
    """The canonical name of an RDF format (`ttl` -> `turtle`, `jsonld` -> `json-ld` ...)."""
    try:
        return _FORMAT_ALIASES[fmt.lower()]
    except KeyError:
        raise KgError(f"unknown RDF format {fmt!r}; use one of {', '.join(DUMP_FORMATS)}") from None


class Store(Protocol):
    def replace_document(self, doc: URIRef, graph: Graph) -> None:
        """Atomically replace the named graph `doc` with `graph` (insert if new)."""

    def document_hash(self, doc: URIRef) -> str | None:
        """The kg:contentHash stored for `doc`, or None when the document is unknown."""

    def to_dataset(self) -> Dataset:
        """Everything, as an rdflib Dataset with one named graph per document."""

    def documents(self) -> dict[str, str]:
        """Document IRI -> content hash, for every document graph in the store."""

    def remove_document(self, doc: URIRef) -> None:
        """Drop the named graph `doc` (nothing happens if it is unknown)."""

    def query(self, sparql: str, *, limit: int | None = None,
              cancel: threading.Event | None = None) -> QueryResult:
        """Run a SPARQL query as given (no checks, no prefixes added: see kg.query.run_query).

        The default graph is the union of all graphs. At most `limit` rows (or triples) are read;
        the store stops reading and raises QueryCancelled once `cancel` is set.
        """

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update as given, atomically."""

    def triple_count(self) -> int:
        """Number of quads (a triple in two graphs counts twice)."""

    def dump(self, format: str) -> bytes:
        """Serialise: turtle, nt and xml carry the union; nquads, trig, json-ld the graphs."""

    def close(self) -> None:
        """Release the store (flush to disk); it must not be used afterwards."""


# --------------------------------------------------------------------------- term conversion


def to_ox(term: Node, bnodes: dict[BNode, ox.BlankNode] | None = None) -> Any:
    """An rdflib term as a pyoxigraph term.

    A plain rdflib literal becomes xsd:string (the same literal in RDF 1.1); blank nodes get fresh
    pyoxigraph ids, consistently within one `bnodes` map.
    """
    if isinstance(term, URIRef):
        try:
            return ox.NamedNode(str(term))
        except ValueError as exc:
            raise KgError(f"invalid IRI <{term}>: {exc}") from None
    if isinstance(term, BNode):
        if bnodes is None:
            return ox.BlankNode(_bnode_id(term))
        found = bnodes.get(term)
        if found is None:
            found = bnodes[term] = ox.BlankNode()
        return found
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise KgError(f"cannot store the term {term!r} in Oxigraph")


def _bnode_id(term: BNode) -> str:
    text = str(term)
    return text if re.fullmatch(r"[A-Za-z0-9_]+", text) else "b" + re.sub(r"\W", "_", text)


def from_ox(term: Any) -> Node | None:
    """A pyoxigraph term as an rdflib term; xsd:string literals come back as plain literals
    (so ``"DE"`` matches what rdflib's own parser produced)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.DefaultGraph):
        return DATASET_DEFAULT_GRAPH_ID
    # RDF 1.2 triple terms have no rdflib counterpart: show them in N-Triples.
    return Literal(str(term))


# --------------------------------------------------------------------------- shared helpers


def _jsonld_context() -> dict[str, str]:
    return {p: str(ns) for p, ns in PREFIXES.items()}


def _union_graph(triples: Iterable[tuple[Node, Node, Node]]) -> Graph:
    graph = bind_prefixes(Graph())
    for triple in triples:
        graph.add(triple)
    return graph


def _parse_error(path: Path, fmt: str, exc: Exception) -> InputError:
    """One readable line for a parser's complaint, with a line number when there is one."""
    line = None
    message = str(exc)
    if hasattr(exc, "getLineNumber"):  # xml.sax.SAXParseException
        line = exc.getLineNumber()
        message = exc.getMessage()
    elif getattr(exc, "lineno", None):  # json.JSONDecodeError, pyparsing
        line = exc.lineno
        message = getattr(exc, "msg", message)
    elif getattr(exc, "_why", None) is not None:  # rdflib notation3 BadSyntax
        match = re.search(r"at line (\d+)", message)
        line = int(match.group(1)) if match else None
        message = f"bad syntax ({exc._why})"
    else:
        match = re.search(r"line (\d+)", message)
        line = int(match.group(1)) if match else None
    message = " ".join(message.split())
    if len(message) > 200:
        message = message[:197] + "..."
    where = f", line {line}" if line else ""
    return InputError(f"{path}: cannot parse as {fmt}{where}: {message}")


# --------------------------------------------------------------------------- memory


class _UnionDataset(Dataset):
    """A Dataset whose default graph (for queries) is the union, and where SPARQL Update's
    INSERT into the default graph works: rdflib 7.6 hands triples to Dataset.__iadd__, which
    wants quads ("not enough values to unpack")."""

    def __iadd__(self, other: Iterable[Any]) -> _UnionDataset:  # type: ignore[override]
        default = self.default_graph
        for item in other:
            if len(item) == 3:
                default.add(item)
            else:
                self.add(item)
        return self


class MemoryStore:
    """An rdflib Dataset in memory: no files, fine up to some hundred thousand triples."""

    def __init__(self) -> None:
        self.dataset = _UnionDataset(default_union=True)
        bind_prefixes(self.dataset)
        self._lock = threading.RLock()

    @classmethod
    def from_file(cls, path: str | Path, format: str | None = None) -> MemoryStore:
        """Load a graph file; quads formats (nquads, trig, json-ld) keep their named graphs."""
        path = Path(path)
        fmt = normalize_format(format) if format else GRAPH_SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            raise InputError(f"{path}: unknown graph format (use one of "
                             f"{', '.join(sorted(GRAPH_SUFFIXES))})")
        store = cls()
        try:
            if fmt in _QUAD_FORMATS:
                store.dataset.parse(str(path), format=_RDFLIB_FORMAT[fmt])
            else:
                store.dataset.default_graph.parse(str(path), format=_RDFLIB_FORMAT[fmt])
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read: {exc}") from None
        except Exception as exc:  # noqa: BLE001 - every parser has its own exception type
            raise _parse_error(path, fmt, exc) from None
        bind_prefixes(store.dataset)
        return store

    def replace_document(self, doc: URIRef, graph: Graph) -> None:
        with self._lock:
            self.dataset.remove_graph(doc)
            target = self.dataset.graph(doc)
            target.addN((s, p, o, target) for s, p, o in graph)

    def document_hash(self, doc: URIRef) -> str | None:
        for _s, _p, value, _g in self.dataset.quads((doc, KG.contentHash, None, doc)):
            return str(value)
        return None

    def to_dataset(self) -> Dataset:
        return self.dataset

    def documents(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for s, _p, o, ctx in self.dataset.quads((None, KG.contentHash, None, None)):
            graph_id = getattr(ctx, "identifier", ctx)
            if s == graph_id:
                out[str(s)] = str(o)
        return out

    def remove_document(self, doc: URIRef) -> None:
        with self._lock:
            self.dataset.remove_graph(doc)

    def query(self, sparql: str, *, limit: int | None = None,
              cancel: threading.Event | None = None) -> QueryResult:
        from pyparsing import ParseBaseException

        _CANCEL.event = cancel
        try:
            result = self.dataset.query(sparql)
            return _collect_rdflib(result, limit, cancel)
        except ParseBaseException as exc:
            raise _syntax_error(sparql, "query", rdflib_exc=exc) from None
        except QueryCancelled:
            raise
        except Exception as exc:  # noqa: BLE001 - rdflib raises bare Exceptions
            text = str(exc)
            if text.startswith("Unknown namespace prefix"):
                raise QuerySyntaxError(text.replace(" : ", " ")) from None
            raise KgError(f"query failed: {type(exc).__name__}: {text}", exit_code=1) from None
        finally:
            _CANCEL.event = None

    def update(self, sparql: str) -> None:
        from pyparsing import ParseBaseException

        with self._lock:
            try:
                self.dataset.update(sparql)
            except ParseBaseException as exc:
                raise _syntax_error(sparql, "update", rdflib_exc=exc) from None
            except Exception as exc:  # noqa: BLE001
                raise KgError(f"update failed: {type(exc).__name__}: {exc}",
                              exit_code=1) from None

    def triple_count(self) -> int:
        return sum(1 for _ in self.dataset.quads((None, None, None, None)))

    def dump(self, format: str) -> bytes:
        fmt = normalize_format(format)
        if fmt == "json-ld":
            return self.dataset.serialize(format="json-ld", context=_jsonld_context(),
                                          auto_compact=True, encoding="utf-8")
        if fmt in _QUAD_FORMATS:
            return self.dataset.serialize(format=_RDFLIB_FORMAT[fmt], encoding="utf-8")
        graph = _union_graph(self.dataset.triples((None, None, None)))
        return graph.serialize(format=_RDFLIB_FORMAT[fmt], encoding="utf-8")

    def close(self) -> None:
        pass

    def __enter__(self) -> MemoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# rdflib evaluates lazily, so a query that streams rows is stopped between rows; this hook
# also checks between the solutions of every basic graph pattern, so a query that grinds
# through a cross product without producing rows (a FILTER that rejects everything, a COUNT
# over a join) stops too. It is active only in threads running MemoryStore.query with a cancel
# event; everywhere else it steps aside (NotImplementedError is rdflib's "not mine").
_CANCEL = threading.local()


def _cancellable_bgp(ctx: Any, part: Any) -> Any:
    event = getattr(_CANCEL, "event", None)
    if event is None or part.name != "BGP":
        raise NotImplementedError
    from rdflib.plugins.sparql.evaluate import evalBGP

    # the same order rdflib's own evalPart uses: patterns with more bound terms first
    triples = sorted(part.triples, key=lambda t: len([n for n in t if ctx[n] is None]))
    return _checked(evalBGP(ctx, triples), event)


def _checked(solutions: Iterable[Any], event: threading.Event) -> Iterator[Any]:
    for solution in solutions:
        if event.is_set():
            raise QueryCancelled
        yield solution


def _install_cancel_hook() -> None:
    from rdflib.plugins.sparql import CUSTOM_EVALS

    CUSTOM_EVALS["kg-cancel"] = _cancellable_bgp


_install_cancel_hook()


def _pyparsing_message(exc: Exception) -> str:
    message = getattr(exc, "msg", str(exc))
    found = re.search(r", found ('.*?'|end of text)", str(exc))
    if found and "found" not in message:
        message = f"{message}, found {found.group(1)}"
    return message


def _collect_rdflib(result: Any, limit: int | None, cancel: threading.Event | None
                    ) -> QueryResult:
    if result.type == "ASK":
        return QueryResult("ask", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = bind_prefixes(Graph())
        truncated = False
        for n, triple in enumerate(result.graph):
            if limit is not None and n >= limit:
                truncated = True
                break
            graph.add(triple)
        return QueryResult("graph", graph=graph, truncated=truncated)
    variables = [str(v) for v in (result.vars or [])]
    rows: list[tuple[Node | None, ...]] = []
    truncated = False
    for row in result:
        if cancel is not None and cancel.is_set():
            raise QueryCancelled
        if limit is not None and len(rows) >= limit:
            truncated = True
            break
        rows.append(tuple(row))
    return QueryResult("select", variables, rows, truncated=truncated)


# --------------------------------------------------------------------------- oxigraph

_OX_SYNTAX = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)


def _ox_message(exc: SyntaxError, what: str) -> QuerySyntaxError:
    message = str(exc.args[0] if exc.args else exc)
    match = _OX_SYNTAX.match(message)
    if match:
        return QuerySyntaxError(match.group(3).strip(), int(match.group(1)), int(match.group(2)),
                                what)
    return QuerySyntaxError(message, what=what)


def _syntax_error(text: str, what: str, *, ox_exc: SyntaxError | None = None,
                  rdflib_exc: Exception | None = None) -> QuerySyntaxError:
    """The more telling of Oxigraph's and rdflib's complaints about `text`.

    Oxigraph reports the furthest point its parser reached ("error at 4:2: expected one of
    ABS, AVG, ..."), often past the mistake; rdflib's parser names the token where the failing
    rule began, which reads better, except when that is the query's first keyword ("Expected
    end of text, found 'INSERT'"), where Oxigraph's is the useful one. The parser that was not
    asked yet is asked here (Oxigraph on an empty throwaway store).
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    from kg.query import analyze, offset_of

    if rdflib_exc is None:
        try:
            (parseUpdate if what == "update" else parseQuery)(text)
        except ParseBaseException as exc:
            rdflib_exc = exc
        except Exception:  # noqa: BLE001 - rdflib's non-syntax complaints do not count
            pass
    if ox_exc is None:
        try:
            scratch = ox.Store()
            if what == "update":
                scratch.update(text)
            else:
                scratch.query(text)
        except SyntaxError as exc:
            ox_exc = exc
        except Exception:  # noqa: BLE001
            pass
    rd = None
    if isinstance(rdflib_exc, ParseBaseException):
        rd = QuerySyntaxError(_pyparsing_message(rdflib_exc), rdflib_exc.lineno, rdflib_exc.col,
                              what)
    oxe = _ox_message(ox_exc, what) if ox_exc is not None else None
    if rd is not None and oxe is not None:
        form_offset = analyze(text).form_offset or 0
        if offset_of(text, rd.line or 1, rd.column or 1) <= form_offset:
            return oxe
        return rd
    return rd or oxe or QuerySyntaxError("syntax error", what=what)


_SNAPSHOT = "urn:x-kg:union-before-update"

# After a user's SPARQL Update, in the same request: triples the update wrote to the default
# graph alone move to DEFAULT_DATA_GRAPH; triples it deleted from the default graph (the union)
# leave every graph; then the default graph is rebuilt as the exact union.
_RESYNC = """
INSERT {{ GRAPH <{data}> {{ ?s ?p ?o }} }} WHERE {{
  ?s ?p ?o
  FILTER NOT EXISTS {{ GRAPH <{snap}> {{ ?s ?p ?o }} }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{snap}>) }}
}} ;
DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{
  GRAPH <{snap}> {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ ?s ?p ?o }}
  GRAPH ?g {{ ?s ?p ?o }}
}} ;
DROP SILENT GRAPH <{snap}> ;
DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }} }} ;
INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}
"""

DEFAULT_DATA_GRAPH = "https://w3id.org/kg-news/graph/default"
"""Where an OxigraphStore keeps triples a SPARQL Update wrote to the default graph alone."""


class OxigraphStore:
    """A pyoxigraph Store on disk (RocksDB): transactional, fast, survives a killed process.

    Every triple lives in a named graph (one per document). The store's default graph is kept
    equal to their union, each triple once, in the same transaction as every change: pyoxigraph
    0.5's `use_default_graph_as_union` counts a triple once per graph that holds it (Oxigraph
    issue #1919, fixed after 0.5.13), and our documents share their entities' triples. Queries
    read that default graph.

    SPARQL Update works on that union view: a DELETE on the default graph removes the triples
    from every graph, an INSERT into the default graph alone lands in the named graph
    `DEFAULT_DATA_GRAPH`; GRAPH <iri> { } writes to one graph. The default graph is rebuilt
    after each update (a full pass: updates are for small edits).

    Only one process may open a store for writing; `read_only=True` opens a static snapshot that
    can be read while another process writes.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            if read_only:
                self._store: ox.Store | None = ox.Store.read_only(str(self.path))
            else:
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            hint = ""
            if "lock" in str(exc).lower():
                hint = " (is another kg process using it? read-only commands can share it)"
            raise InputError(f"{self.path}: cannot open the Oxigraph store: "
                             f"{' '.join(str(exc).split())}{hint}") from None
        # A store filled by other tools has named graphs but no union in its default graph.
        self._union_mode = False
        if not self._has_union():
            if read_only:
                self._union_mode = True  # pyoxigraph's union (duplicates shared triples)
            else:
                self.rebuild_union()

    def _has_union(self) -> bool:
        named = bool(self.ox.query("ASK { GRAPH ?g { ?s ?p ?o } }"))
        return not named or bool(self.ox.query("ASK { ?s ?p ?o }"))

    @property
    def ox(self) -> ox.Store:
        if self._store is None:
            raise KgError(f"{self.path}: the store is closed")
        return self._store

    def _graph_name(self, doc: URIRef) -> ox.NamedNode:
        return to_ox(URIRef(doc))

    @staticmethod
    def _drop_from_union(name: str) -> str:
        """Update text: remove from the default graph the triples only graph `name` holds."""
        return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} "
                f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {name}) }} "
                f"}} ;\nDROP SILENT GRAPH {name} ;\n")

    def replace_document(self, doc: URIRef, graph: Graph) -> None:
        """One SPARQL Update: take the old graph out of the union, drop it, insert the new one
        into its graph and into the union. Oxigraph runs all of an update's operations in one
        transaction, so readers and crashes see the old document or the new, never half."""
        name = str(self._graph_name(doc))
        bnodes: dict[BNode, ox.BlankNode] = {}
        lines = [f"{to_ox(s, bnodes)} {to_ox(p)} {to_ox(o, bnodes)} ." for s, p, o in graph]
        parts = [self._drop_from_union(name)]
        if lines:
            body = "\n".join(lines)
            parts.append(f"INSERT DATA {{\nGRAPH {name} {{\n{body}\n}}\n{body}\n}}")
        self._update("".join(parts), "update")

    def document_hash(self, doc: URIRef) -> str | None:
        name = self._graph_name(doc)
        for quad in self.ox.quads_for_pattern(name, ox.NamedNode(str(KG.contentHash)), None, name):
            return quad.object.value
        return None

    def documents(self) -> dict[str, str]:
        results = self.ox.query(
            f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?g <{KG.contentHash}> ?h }} }}"
        )
        return {row["g"].value: row["h"].value for row in results}

    def remove_document(self, doc: URIRef) -> None:
        self._update(self._drop_from_union(str(self._graph_name(doc))), "update")

    def rebuild_union(self) -> None:
        """Make the default graph exactly the union of the named graphs (after bulk loads)."""
        self._update("CLEAR DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
                     "update")

    def _named_quads(self) -> Iterator[Any]:
        for quad in self.ox:
            if not isinstance(quad.graph_name, ox.DefaultGraph):
                yield quad

    def quads(self) -> Iterator[tuple[Node, Node, Node, Node]]:
        """Every quad of the named graphs (the default graph is their union: not repeated)."""
        for quad in self._named_quads():
            yield (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object),
                   from_ox(quad.graph_name))

    def to_dataset(self) -> Dataset:
        dataset = Dataset(default_union=True)
        bind_prefixes(dataset)
        graphs: dict[Node, Graph] = {}
        batch: list[tuple[Node, Node, Node, Graph]] = []
        for s, p, o, g in self.quads():
            target = graphs.get(g)
            if target is None:
                target = graphs[g] = dataset.graph(g)
            batch.append((s, p, o, target))
            if len(batch) >= 10000:
                dataset.addN(batch)
                batch = []
        dataset.addN(batch)
        return dataset

    def query(self, sparql: str, *, limit: int | None = None,
              cancel: threading.Event | None = None) -> QueryResult:
        results: Any = None
        try:
            results = self.ox.query(sparql, use_default_graph_as_union=self._union_mode)
            if isinstance(results, ox.QueryBoolean):
                return QueryResult("ask", boolean=bool(results))
            if isinstance(results, ox.QueryTriples):
                graph = bind_prefixes(Graph())
                truncated = False
                for n, triple in enumerate(results):
                    if cancel is not None and cancel.is_set():
                        raise QueryCancelled
                    if limit is not None and n >= limit:
                        truncated = True
                        break
                    graph.add((from_ox(triple.subject), from_ox(triple.predicate),
                               from_ox(triple.object)))
                return QueryResult("graph", graph=graph, truncated=truncated)
            variables = [v.value for v in results.variables]
            rows: list[tuple[Node | None, ...]] = []
            truncated = False
            for solution in results:
                if cancel is not None and cancel.is_set():
                    raise QueryCancelled
                if limit is not None and len(rows) >= limit:
                    truncated = True
                    break
                rows.append(tuple(from_ox(solution[i]) for i in range(len(variables))))
            return QueryResult("select", variables, rows, truncated=truncated)
        except SyntaxError as exc:
            raise _syntax_error(sparql, "query", ox_exc=exc) from None
        except OSError as exc:
            raise KgError(f"query failed: {exc}", exit_code=1) from None
        finally:
            # pyoxigraph's result iterators must be dropped by the thread that made them, not
            # later by whoever ends up holding this frame's traceback.
            del results

    def _update(self, sparql: str, what: str) -> None:
        if self.read_only:
            raise KgError(f"{self.path}: the store is open read-only")
        try:
            self.ox.update(sparql)
        except SyntaxError as exc:
            raise _syntax_error(sparql, what, ox_exc=exc) from None
        except (OSError, ValueError) as exc:
            raise KgError(f"{what} failed: {exc}", exit_code=1) from None

    def update(self, sparql: str) -> None:
        """Run a user's SPARQL Update on the union view (see the class doc), atomically."""
        from kg.query import _tokens, analyze

        if self.read_only:
            raise KgError(f"{self.path}: the store is open read-only")
        if "LOAD" not in {k for k, _ in analyze(sparql).forbidden}:
            try:  # the user's text alone first, so that error positions point into it
                ox.Store().update(sparql)
            except SyntaxError as exc:
                raise _syntax_error(sparql, "update", ox_exc=exc) from None
            except Exception:  # noqa: BLE001 - run on an empty scratch store: syntax only
                pass
        tokens = _tokens(sparql)
        # Oxigraph wants the prologue first (it does not take one after a ';'): the snapshot
        # goes right after the user's PREFIX and BASE declarations.
        cut, i = 0, 0
        while i < len(tokens) and tokens[i].text.upper() in ("PREFIX", "BASE"):
            i += 3 if tokens[i].text.upper() == "PREFIX" else 2
            if i <= len(tokens):
                last = tokens[i - 1]
                cut = last.offset + len(last.text)
        joiner = "\n" if tokens and tokens[-1].text == ";" else "\n;"
        full = (f"{sparql[:cut]}\nCOPY SILENT DEFAULT TO <{_SNAPSHOT}> ;\n{sparql[cut:]}"
                f"{joiner}" + _RESYNC.format(data=DEFAULT_DATA_GRAPH, snap=_SNAPSHOT))
        self._update(full, "update")

    def triple_count(self) -> int:
        """Quads in the named graphs (the default graph, their union, is not counted)."""
        if self._union_mode:
            return len(self.ox)
        rows = self.ox.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(rows))["n"].value)

    def dump(self, format: str) -> bytes:
        fmt = normalize_format(format)
        prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
        if fmt == "json-ld":
            # Oxigraph writes expanded JSON-LD; rdflib compacts with our @context.
            return self.to_dataset().serialize(format="json-ld", context=_jsonld_context(),
                                               auto_compact=True, encoding="utf-8")
        if fmt in _QUAD_FORMATS:
            return ox.serialize(self._named_quads(), format=_OX_FORMAT[fmt],
                                prefixes=prefixes if fmt == "trig" else None)
        use_prefixes = prefixes if fmt in ("turtle", "xml") else None
        if self._union_mode:
            triples = self.ox.query(
                "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
                use_default_graph_as_union=True)
            return ox.serialize(triples, format=_OX_FORMAT[fmt], prefixes=use_prefixes)
        # the default graph is the union, each triple once
        return self.ox.dump(format=_OX_FORMAT[fmt], from_graph=ox.DefaultGraph(),
                            prefixes=use_prefixes)

    def bulk_load(self, path: str | Path, format: str | None = None) -> None:
        """Load a big quads file fast (not transactional: for fresh stores, benchmarks,
        imports), then rebuild the union."""
        fmt = normalize_format(format) if format else GRAPH_SUFFIXES.get(Path(path).suffix)
        fmt_ox = None if fmt is None or fmt == "json-ld" else _OX_FORMAT[fmt]
        try:
            self.ox.bulk_load(path=str(path), format=fmt_ox)
        except SyntaxError as exc:
            raise InputError(f"{path}: cannot parse: {exc}") from None
        self.rebuild_union()

    def flush(self) -> None:
        """Write buffered changes to disk. A long build calls it after each batch: RocksDB
        otherwise keeps every write in memory tables that grow with the corpus."""
        if self._store is not None and not self.read_only:
            self._store.flush()

    def close(self) -> None:
        if self._store is not None:
            if not self.read_only:
                self._store.flush()
            self._store = None

    def __enter__(self) -> OxigraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------- opening


def is_oxigraph_dir(path: Path) -> bool:
    """True for a directory that holds an Oxigraph (RocksDB) store."""
    return path.is_dir() and (path / "CURRENT").is_file()


def open_store(target: str | Path, *, read_only: bool = False, create: bool = False) -> Store:
    """A store for `target`: a directory -> OxigraphStore, a graph file -> MemoryStore.

    A missing path is an InputError, unless `create` is set (then a new Oxigraph store is made
    there). A directory that holds other things than a store is refused rather than filled.
    An http(s) URL is a SPARQL endpoint: a RemoteStore (see kg.remote for the URL forms).
    """
    from kg.remote import RemoteStore, is_remote

    if is_remote(target):
        return RemoteStore.open(str(target), read_only=read_only)
    path = Path(target)
    if not path.exists():
        if create and path.suffix.lower() not in GRAPH_SUFFIXES:
            return OxigraphStore(path)
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir():
        if is_oxigraph_dir(path):
            return OxigraphStore(path, read_only=read_only)
        if not any(path.iterdir()):
            if read_only:
                raise InputError(f"{path}: empty directory, not an Oxigraph store")
            return OxigraphStore(path)
        raise InputError(f"{path}: not an Oxigraph store (no CURRENT file); "
                         "give a store directory or a graph file")
    return MemoryStore.from_file(path)
