"""Stage 1: turn paths, folders, globs or stdin into `Document`s with clean text.

Encoding is detected (UTF-8 with or without BOM, UTF-16, then charset-normalizer's best
guess), binary files are refused by content, and HTML loses its boilerplate so the NLP stage
sees only what a reader would read.
"""

from __future__ import annotations

import glob
import hashlib
import re
import sys
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from kg.errors import InputError
from kg.model import Document

SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".text", ""}
STDIN = "-"
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
                raise InputError(f"{spec}: no file matches this pattern")
            sources.extend(matches)
        else:
            raise InputError(f"{spec}: no such file or directory")
    return list(dict.fromkeys(sources))


def read_document(source: str) -> Document:
    """Read one source into a Document; raises InputError('<source>: <reason>')."""
    if source == STDIN:
        raw = sys.stdin.buffer.read()
    else:
        try:
            raw = Path(source).read_bytes()
        except OSError as exc:
            raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from exc
    return parse_document(raw, source)


def parse_document(raw: bytes, source: str) -> Document:
    """Decode and clean `raw`; the source decides the id and, by suffix, the markup."""
    text = decode(raw, source)
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
        raise InputError(f"{source}: empty document (no text to read)")
    content_hash = "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest()
    identity = content_hash if source == STDIN else str(Path(source).resolve())
    return Document(
        id=hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16],
        source=source,
        title=title or Path(source).stem,
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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", " ", text)
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


def read_all(specs: list[str]) -> Iterator[Document | InputError]:
    """Every document of `specs`, or the per-document error: one bad file never stops a build."""
    for source in expand_sources(specs):
        try:
            yield read_document(source)
        except InputError as exc:
            yield exc
