"""SPARQL over a `Store`: checks, common prefixes, time and size limits, result formats.

`run_query` is what the CLI and the server call. It

* refuses `SERVICE` and `LOAD` (no network access on behalf of a user) and SPARQL Update
  (this is the read-only path; `run_update` is the write path) before anything runs;
* declares the project's prefixes (`kg:`, `ent:`, `rdfs:` ...) that the query does not declare
  itself, on the query's first line so that error positions stay the user's own;
* reports syntax errors as ``query: <parser message> (line L, column C)``;
* stops after `limit` rows and gives up answering after `timeout` seconds.

The checks work on tokens (comments, strings and IRIs are skipped), so ``"SERVICE"`` in a string
or ``ex:load`` as a name are fine. `format_result` writes the W3C SPARQL 1.1 results formats
(JSON, XML, CSV, TSV), Turtle / N-Triples / JSON-LD / RDF/XML for graphs, and a rich table.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import KgError
from kg.namespaces import PREFIXES, bind_prefixes

if TYPE_CHECKING:
    from rich.table import Table

    from kg.store import Store

__all__ = [
    "QueryCancelled",
    "QueryRefused",
    "QueryResult",
    "QuerySyntaxError",
    "QueryTimeout",
    "RESULT_FORMATS",
    "analyze",
    "check_query",
    "check_update",
    "format_result",
    "render_table",
    "run_query",
    "run_update",
    "with_prologue",
]

Term = Node

QUERY_FORMS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}
UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD",
                   "WITH"}
FORBIDDEN = {"SERVICE", "LOAD"}

RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "nt", "json-ld")
"""Values `format_result` accepts (turtle, nt and json-ld only for CONSTRUCT/DESCRIBE)."""


# --------------------------------------------------------------------------- errors


class QuerySyntaxError(KgError):
    """A query or update the parser rejects; `line`/`column` are 1-based, None when unknown."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None,
                 what: str = "query") -> None:
        self.parser_message = message
        self.line = line
        self.column = column
        self.what = what
        super().__init__(self._render())

    def _render(self) -> str:
        where = ""
        if self.line is not None and self.column is not None:
            where = f" (line {self.line}, column {self.column})"
        elif self.line is not None:
            where = f" (line {self.line})"
        return f"{self.what}: {self.parser_message}{where}"

    def shifted(self, columns: int) -> QuerySyntaxError:
        """The same error with `columns` taken off positions on line 1 (the added prologue)."""
        column = self.column
        if self.line == 1 and column is not None and columns:
            column = max(1, column - columns)
        return QuerySyntaxError(self.parser_message, self.line, column, self.what)


class QueryRefused(KgError):
    """A query that is well-formed but not allowed here (SERVICE, LOAD, an update)."""


class QueryTimeout(KgError):
    """The query did not finish within its time limit."""

    exit_code = 1


class QueryCancelled(Exception):
    """Raised inside a store's result loop when the caller gave up (internal)."""


# --------------------------------------------------------------------------- results


@dataclass
class QueryResult:
    """The answer to one query, whatever the backend.

    kind is "select" (variables + rows), "ask" (boolean) or "graph" (CONSTRUCT/DESCRIBE: graph).
    Row cells are rdflib terms, or None where a variable is unbound. `truncated` is True when a
    row limit cut the answer.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    truncated: bool = False

    def __len__(self) -> int:
        if self.kind == "select":
            return len(self.rows)
        if self.kind == "graph":
            return len(self.graph) if self.graph is not None else 0
        return 1


# --------------------------------------------------------------------------- tokens

_PN_PREFIX = r"[^\W\d_](?:[\w.-]*[\w-])?"
_PN_LOCAL = r"(?:[\w:%-]|\\[^\s]|\.(?=[\w:%-]))*"
_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
             | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
             | '(?:[^'\\\r\n]|\\.)*'
             | "(?:[^"\\\r\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<bnode>_:[\w.-]*\w|_:\w)
  | (?P<pname>(?:"""
    + _PN_PREFIX
    + r""")?:"""
    + _PN_LOCAL
    + r""")
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<word>[^\W\d]\w*)
  | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass
class Token:
    kind: str
    text: str
    offset: int


@dataclass
class Analysis:
    """What a token-level look at a SPARQL string finds."""

    kind: str  # "query" | "update" | "unknown"
    form: str | None  # SELECT, CONSTRUCT, ... or the first update keyword
    form_offset: int | None  # where that keyword starts
    declared_prefixes: dict[str, int]  # prefix -> offset of its declaration
    used_prefixes: list[tuple[str, int]]  # (prefix, offset) of each prefixed name
    forbidden: list[tuple[str, int]]  # (KEYWORD, offset)
    update_keywords: list[tuple[str, int]]


def _tokens(text: str) -> list[Token]:
    out: list[Token] = []
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup or "other"
        if kind in ("ws", "comment"):
            continue
        out.append(Token(kind, match.group(), match.start()))
    return out


def offset_of(text: str, line: int, column: int) -> int:
    """The character offset of a 1-based line and column."""
    start = 0
    for _ in range(line - 1):
        found = text.find("\n", start)
        if found < 0:
            return len(text)
        start = found + 1
    return start + column - 1


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def analyze(sparql: str) -> Analysis:
    """Classify a SPARQL string and list its prefixes and forbidden keywords, by tokens."""
    tokens = _tokens(sparql)
    declared: dict[str, int] = {}
    used: list[tuple[str, int]] = []
    forbidden: list[tuple[str, int]] = []
    updates: list[tuple[str, int]] = []
    form: str | None = None
    form_offset: int | None = None
    previous: Token | None = None
    for token in tokens:
        if token.kind == "word":
            upper = token.text.upper()
            if form is None and (upper in QUERY_FORMS or upper in UPDATE_KEYWORDS):
                form, form_offset = upper, token.offset
            if upper in FORBIDDEN:
                forbidden.append((upper, token.offset))
            if upper in UPDATE_KEYWORDS:
                updates.append((upper, token.offset))
        elif token.kind == "pname":
            prefix = token.text.split(":", 1)[0]
            after_prefix = previous is not None and previous.kind == "word" and \
                previous.text.upper() == "PREFIX"
            if after_prefix:
                declared[prefix] = token.offset
            else:
                used.append((prefix, token.offset))
        previous = token
    if form in QUERY_FORMS:
        kind = "query"
    elif form in UPDATE_KEYWORDS:
        kind = "update"
    else:
        kind = "unknown"
    return Analysis(kind, form, form_offset, declared, used, forbidden, updates)


def _check_common(sparql: str, info: Analysis, what: str) -> None:
    if info.forbidden:
        keyword, offset = info.forbidden[0]
        line, column = _position(sparql, offset)
        reason = ("federated queries are not allowed" if keyword == "SERVICE"
                  else "loading remote data is not allowed")
        raise QueryRefused(f"{what}: {keyword} refused: {reason} (line {line}, column {column})")
    known = set(PREFIXES) | set(info.declared_prefixes)
    for prefix, offset in info.used_prefixes:
        if prefix not in known:
            line, column = _position(sparql, offset)
            raise QuerySyntaxError(f"undefined prefix '{prefix}:'", line, column, what)


def check_query(sparql: str) -> Analysis:
    """Refuse what may not run on the read-only path; raise before anything runs."""
    if not sparql.strip():
        raise QuerySyntaxError("the query is empty")
    info = analyze(sparql)
    if info.kind == "update":
        keyword, offset = info.update_keywords[0]
        line, column = _position(sparql, offset)
        raise QueryRefused(
            f"query: this is a SPARQL Update ({keyword}, line {line}, column {column}); "
            "updates are not allowed here"
        )
    _check_common(sparql, info, "query")
    return info


def check_update(sparql: str) -> Analysis:
    """Refuse LOAD and SERVICE in an update; raise for undefined prefixes."""
    if not sparql.strip():
        raise QuerySyntaxError("the update is empty", what="update")
    info = analyze(sparql)
    if info.kind == "query":
        raise QueryRefused(f"update: this is a query ({info.form}), not a SPARQL Update")
    _check_common(sparql, info, "update")
    return info


def with_prologue(sparql: str, info: Analysis | None = None) -> tuple[str, int]:
    """The query with every common prefix it does not declare, all on its first line.

    Returns the text and the number of characters added before the user's first line, so error
    columns on line 1 can be given back in the user's terms.
    """
    info = info or analyze(sparql)
    missing = [p for p in PREFIXES if p not in info.declared_prefixes]
    if not missing:
        return sparql, 0
    head = "".join(f"PREFIX {p}: <{PREFIXES[p]}> " for p in missing)
    return head + sparql, len(head)


# --------------------------------------------------------------------------- running


def _with_deadline(work: Callable[[threading.Event], Any], timeout: float | None) -> Any:
    """Run `work(cancel)` in a worker thread; after `timeout` s set `cancel` and give up.

    Stores check `cancel` between result rows, so a query that streams rows stops there. A
    backend computing before its first row (a sort, a big aggregate) cannot be interrupted from
    Python (neither rdflib nor pyoxigraph 0.5 offers it): that thread runs on, as a daemon, until
    the backend returns, and its answer is dropped.
    """
    cancel = threading.Event()
    if timeout is None:
        return work(cancel)
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = work(cancel)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target, name="kg-query", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        cancel.set()
        raise QueryTimeout(f"query: timed out after {timeout:g} s (narrow it or add a LIMIT)")
    if "error" in box:
        raise box["error"]
    return box["value"]


def run_query(store: Store, sparql: str, *, timeout: float | None = None,
              limit: int | None = None) -> QueryResult:
    """Check, complete with the common prefixes, and run a query on `store`.

    Raises QuerySyntaxError (with line and column), QueryRefused (SERVICE, LOAD, updates),
    QueryTimeout; `limit` cuts the rows (or triples) and sets `truncated`.
    """
    info = check_query(sparql)
    full, shift = with_prologue(sparql, info)

    def work(cancel: threading.Event) -> QueryResult:
        try:
            return store.query(full, limit=limit, cancel=cancel)
        except QuerySyntaxError as exc:
            raise exc.shifted(shift) from None
        except QueryCancelled:
            raise QueryTimeout(f"query: timed out after {timeout:g} s") from None

    return _with_deadline(work, timeout)


def run_update(store: Store, sparql: str) -> None:
    """Check (no LOAD, no SERVICE) and run a SPARQL Update, with the common prefixes."""
    info = check_update(sparql)
    full, shift = with_prologue(sparql, info)
    try:
        store.update(full)
    except QuerySyntaxError as exc:
        raise exc.shifted(shift) from None


# --------------------------------------------------------------------------- formats


def _is_string(lit: Literal) -> bool:
    return lit.language is None and (lit.datatype is None or lit.datatype == XSD.string)


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None and term.datatype != XSD.string:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "literal", "value": str(term)}


def _to_json(result: QueryResult) -> str:
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)})
    bindings = []
    for row in result.rows:
        pairs = zip(result.variables, row, strict=False)
        bindings.append({v: _json_term(t) for v, t in pairs if t is not None})
    doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False)


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(value: str) -> str:
    return xml_escape(_XML_BAD.sub("\ufffd", value))


def _xml_term(term: Term) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{_xml_text(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{_xml_text(str(term))}</bnode>"
    assert isinstance(term, Literal)
    attrs = ""
    if term.language:
        attrs = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype is not None and term.datatype != XSD.string:
        attrs = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attrs}>{_xml_text(str(term))}</literal>"


def _to_xml(result: QueryResult) -> str:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.kind == "ask":
        out.append("  <head/>")
        out.append(f"  <boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        out.append("  <head>")
        out.extend(f"    <variable name={quoteattr(v)}/>" for v in result.variables)
        out.append("  </head>")
        out.append("  <results>")
        for row in result.rows:
            out.append("    <result>")
            for var, term in zip(result.variables, row, strict=False):
                if term is not None:
                    out.append(f"      <binding name={quoteattr(var)}>{_xml_term(term)}</binding>")
            out.append("    </result>")
        out.append("  </results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _to_csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["true" if result.boolean else "false"])
        return buffer.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_value(t) for t in row])
    return buffer.getvalue()


_NT_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def nt_term(term: Term) -> str:
    """A term in N-Triples syntax (also the TSV results encoding)."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        body = "".join(_NT_ESCAPES.get(ch, ch) for ch in str(term))
        if term.language:
            return f'"{body}"@{term.language}'
        if term.datatype is not None and term.datatype != XSD.string:
            return f'"{body}"^^<{term.datatype}>'
        return f'"{body}"'
    return str(term)


def _to_tsv(result: QueryResult) -> str:
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else nt_term(t) for t in row))
    return "\n".join(lines) + "\n"


def _graph_rows(result: QueryResult) -> QueryResult:
    graph = result.graph if result.graph is not None else Graph()
    rows = sorted(graph, key=lambda t: tuple(str(x) for x in t))
    return QueryResult("select", ["subject", "predicate", "object"], [tuple(r) for r in rows],
                       truncated=result.truncated)


def _graph_bytes(graph: Graph, fmt: str) -> bytes:
    out = Graph()
    bind_prefixes(out)
    for prefix, namespace in graph.namespaces():
        if prefix and prefix not in PREFIXES:
            out.bind(prefix, namespace)
    for triple in graph:
        out.add(triple)
    if fmt == "json-ld":
        context = {p: str(ns) for p, ns in PREFIXES.items()}
        return out.serialize(format="json-ld", context=context, auto_compact=True,
                             encoding="utf-8")
    rdflib_format = {"turtle": "turtle", "nt": "nt11", "xml": "xml"}[fmt]
    return out.serialize(format=rdflib_format, encoding="utf-8")


_TABLE_NS: Any = None


def _namespace_manager() -> Any:
    global _TABLE_NS
    if _TABLE_NS is None:
        _TABLE_NS = bind_prefixes(Graph()).namespace_manager
    return _TABLE_NS


def display_term(term: Term | None) -> str:
    """A term as a person reads it: prefixed IRIs, bare literal text, `@lang` kept."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        try:
            prefix, namespace, local = _namespace_manager().compute_qname(str(term),
                                                                          generate=False)
            if local and re.fullmatch(r"[\w.~%-]+", local):
                return f"{prefix}:{local}"
        except (ValueError, KeyError):
            pass
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        if term.language:
            return f"{term}@{term.language}"
        return str(term)
    return str(term)


def render_table(result: QueryResult, *, title: str | None = None) -> Table:
    """A rich Table of the result (SELECT rows, ASK answer or a graph's triples)."""
    from rich.table import Table
    from rich.text import Text

    if result.kind == "ask":
        table = Table(title=title, show_header=True)
        table.add_column("ask")
        table.add_row(Text("true" if result.boolean else "false"))
        return table
    if result.kind == "graph":
        result = _graph_rows(result)
    count = len(result.rows)
    caption = f"{count} row{'s' if count != 1 else ''}"
    if result.truncated:
        caption += " (cut at the result limit)"
    table = Table(title=title, caption=caption, show_lines=False)
    for var in result.variables:
        table.add_column(var, overflow="fold")
    for row in result.rows:
        cells = []
        for term in row:
            style = ""
            if isinstance(term, URIRef):
                style = "cyan"
            elif isinstance(term, Literal) and not _is_string(term):
                style = "green"
            cells.append(Text(display_term(term), style=style))
        table.add_row(*cells)
    return table


def _to_table(result: QueryResult, width: int = 120) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None,
                      highlight=False)
    console.print(render_table(result))
    return buffer.getvalue()


def format_result(result: QueryResult, fmt: str = "table") -> str | bytes:
    """Serialise a result: table, csv, tsv, json, xml (the W3C results formats) for SELECT/ASK;
    turtle, nt, json-ld, xml (RDF/XML), and table/csv/tsv/json as triples, for graphs."""
    fmt = fmt.lower()
    if fmt not in RESULT_FORMATS:
        raise KgError(f"unknown result format {fmt!r}; use one of {', '.join(RESULT_FORMATS)}")
    if result.kind == "graph":
        graph = result.graph if result.graph is not None else Graph()
        if fmt in ("turtle", "nt", "json-ld", "xml"):
            return _graph_bytes(graph, fmt)
        if fmt == "json":
            return _graph_bytes(graph, "json-ld")
        result = _graph_rows(result)
    elif fmt in ("turtle", "nt", "json-ld"):
        raise KgError(f"--format {fmt} needs a CONSTRUCT or DESCRIBE query; "
                      "use table, csv, tsv, json or xml")
    if fmt == "table":
        return _to_table(result)
    if fmt == "json":
        return _to_json(result)
    if fmt == "xml":
        return _to_xml(result)
    if fmt == "csv":
        return _to_csv(result)
    return _to_tsv(result)
