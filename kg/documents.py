"""Stage 1: turn paths, folders, globs or stdin into `Document`s with clean text.

Encoding is detected (UTF-8 with or without BOM, UTF-16, then charset-normalizer's best
guess), binary files are refused by content, and HTML loses its boilerplate so the NLP stage
sees only what a reader would read.

Size is checked with stat() before a byte is read: a file over `max_bytes` (10 MB unless
`kg build --max-size` says otherwise) is refused, and reading never takes more than
`max_bytes + 1` bytes, so a 200 MB dump costs neither the memory nor the half hour of parsing.
Text leaves this stage holding only characters every RDF syntax can carry (XML 1.0 forbids C0
controls other than tab, newline and carriage return, and U+FFFE/U+FFFF), so no writer ever
meets one; paths are shown as one printable line (see `display_path`).
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import sys
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from kg.errors import InputError
from kg.model import Document

SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".text", ""}
STDIN = "-"
MB = 1_000_000
DEFAULT_MAX_BYTES = 10 * MB
"""Documents larger than this are refused unless `kg build --max-size` raises the limit."""
_NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
# controls, line separators and bidi overrides (which could make a message read backwards)
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                          "\ufffe\uffff]")
_BOILERPLATE_TAGS = [
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
    "svg", "button", "template",
]
_BLOCK_TAGS = [
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "figcaption", "td",
]


def expand_sources(specs: list[str]) -> list[str]:
    """Files, folders (recursively, supported suffixes only), globs and "-" in a stable order.

    A spec that matches nothing is an error for the whole job: the user mistyped something.
    """
    sources: list[str] = []
    for spec in specs:
        if spec == STDIN:
            sources.append(STDIN)
            continue
        path = Path(spec)
        if path.is_dir():
            _check_folder(path)
            found = sorted(
                str(p) for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES - {""}
                and not p.name.startswith(".") and p.name.lower() != "readme.md"
            )
            sources.extend(found)
        elif path.is_file():
            sources.append(str(path))
        elif glob.has_magic(spec):
            matches = sorted(p for p in glob.glob(spec, recursive=True) if Path(p).is_file())
            if not matches:
                raise InputError(f"{display_path(spec)}: no file matches this pattern")
            sources.extend(matches)
        else:
            raise InputError(f"{display_path(spec)}: no such file or directory")
    return list(dict.fromkeys(sources))


def _check_folder(path: Path) -> None:
    """rglob silently skips a folder it cannot list; a folder the user named must not be."""
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        raise InputError(f"{display_path(str(path))}: cannot read this folder "
                         f"({exc.strerror or exc})") from None


def display_path(source: str) -> str:
    """`source` as one printable line: undecodable bytes of a file name become U+FFFD and
    control characters their escapes, so a name holding a newline cannot break the one-line
    error rule, and the kg:sourcePath literal is valid in every RDF syntax."""
    text = source.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def clean_text(text: str) -> str:
    """Drop the characters XML 1.0 cannot hold (C0 controls but tab, newline and carriage
    return; U+FFFE, U+FFFF; lone surrogates): they are never part of what a reader reads, and
    an RDF/XML file holding one would not parse."""
    return _NOT_XML_CHARS.sub(" ", text)


def megabytes(size: int) -> str:
    """10000000 -> "10", 2500000 -> "2.5": how limits are shown."""
    return f"{size / MB:.3f}".rstrip("0").rstrip(".")


def read_document(source: str, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Document:
    """Read one source into a Document; raises InputError('<source>: <reason>').

    The size is checked before reading (stat), and at most `max_bytes + 1` bytes are read
    (a file may grow meanwhile; stdin has no size); None means no limit.
    """
    shown = display_path(source)
    limit = -1 if max_bytes is None else max_bytes + 1
    if source == STDIN:
        raw = sys.stdin.buffer.read(limit)
    else:
        try:
            _check_size(Path(source).stat().st_size, max_bytes, shown)
            with open(source, "rb") as handle:
                raw = handle.read(limit)
        except OSError as exc:
            raise InputError(f"{shown}: cannot read ({exc.strerror or exc})") from exc
    _check_size(len(raw), max_bytes, shown)
    return parse_document(raw, source)


def _check_size(size: int, max_bytes: int | None, shown: str) -> None:
    if max_bytes is not None and size > max_bytes:
        size_text = f"{size / MB:.1f} MB"
        if size < MB or round(size / MB, 1) * MB <= max_bytes:  # "10.0 MB is over 10 MB"
            size_text = f"{size:,} bytes"
        raise InputError(f"{shown}: {size_text} is over the {megabytes(max_bytes)} MB limit "
                         "(--max-size)")


def parse_document(raw: bytes, source: str) -> Document:
    """Decode and clean `raw`; the source decides the id and, by suffix, the markup."""
    text = decode(raw, display_path(source))
    suffix = Path(source).suffix.lower() if source != STDIN else ""
    looks_html = suffix in {".html", ".htm"} or (
        suffix in {"", ".txt"} and re.match(r"\s*<(!doctype html|html)\b", text, re.I)
    )
    if looks_html:
        title, body, media = *html_to_text(text), "text/html"
    elif suffix in {".md", ".markdown"}:
        title, body, media = *markdown_to_text(text), "text/markdown"
    else:
        body = normalise_whitespace(text)
        title, media = first_line(body), "text/plain"
    if not body.strip():
        raise InputError(f"{display_path(source)}: empty document (no text to read)")
    content_hash = "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest()
    # the path's own bytes: a file name that is not UTF-8 still gets a stable id
    identity = content_hash.encode() if source == STDIN else os.fsencode(Path(source).resolve())
    title = " ".join(clean_text(title).split())[:200]
    return Document(
        id=hashlib.sha256(identity).hexdigest()[:16],
        source=display_path(source),
        title=title or display_path(Path(source).stem),
        text=body,
        content_hash=content_hash,
        read_at=datetime.now(timezone.utc).replace(microsecond=0),
        media_type=media,
    )


def decode(raw: bytes, source: str) -> str:
    """Bytes to text, refusing binary content whatever the file is called."""
    if not raw.strip():
        raise InputError(f"{source}: empty document (no text to read)")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    if b"\x00" not in raw[:8192]:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return _decode_guess(raw, source)


def _decode_guess(raw: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(raw[: 1 << 20]).best()
    if best is None or best.encoding is None:
        raise InputError(f"{source}: binary content, not text (refused)")
    text = raw.decode(best.encoding, errors="replace")
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(f"{source}: binary content, not text (refused)")
    return text


def normalise_whitespace(text: str) -> str:
    """Unify line ends and drop control characters; paragraphs stay on their own lines."""
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def html_to_text(html: str) -> tuple[str, str]:
    """The article a reader sees: main/article content, one block per line, no scripts."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    title_tag = soup.find("title")
    for tag in soup.find_all(_BOILERPLATE_TAGS):
        if tag.name == "header" and tag.find_parent(["article", "main"]) is not None:
            continue  # an article's own header holds its headline
        tag.decompose()
    junk = re.compile(r"cookie|banner|advert|share|related", re.I)
    for tag in soup.find_all(attrs={"class": junk}):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = [b.get_text(" ", strip=True) for b in root.find_all(_BLOCK_TAGS)]
    blocks = [b for b in blocks if b]
    body = normalise_whitespace("\n".join(blocks) if blocks else root.get_text("\n", strip=True))
    heading = root.find("h1")
    title = (heading.get_text(" ", strip=True) if heading else "") or (
        title_tag.get_text(" ", strip=True) if title_tag else ""
    )
    return title or first_line(body), body


def markdown_to_text(markdown: str) -> tuple[str, str]:
    """Markdown to plain text: headings, emphasis, links and code marks removed."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^[ \t]{0,3}#{1,6}[ \t]*", "", text, flags=re.M)
    text = re.sub(r"^[ \t]{0,3}(>|[-*+]|\d+\.)[ \t]+", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1", r"\2", text)
    text = re.sub(r"^\s*([-*_]\s*){3,}$", "", text, flags=re.M)
    body = normalise_whitespace(text)
    return first_line(body), body


def read_all(
    specs: list[str], max_bytes: int | None = DEFAULT_MAX_BYTES
) -> Iterator[Document | InputError]:
    """Every document of `specs`, or the per-document error: one bad file never stops a build."""
    for source in expand_sources(specs):
        try:
            yield read_document(source, max_bytes)
        except InputError as exc:
            yield exc
