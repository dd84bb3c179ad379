"""A corpus of bad inputs through the real `kg build`: every failure is one line, nothing crashes.

The corpus is written into tmp_path at test time: empty and blank files, binary files named
.txt (a PDF, a PNG, NUL-riddled bytes), UTF-8 with a BOM, UTF-16 LE and BE, Windows-1252 and
Latin-1, a 50 MB article (refused by size before it is read), an article longer than
`kg.nlp.CHUNK_CHARS` (parsed in pieces), HTML full of scripts, styles and event handlers, text
whose names hold quotes, ampersands, angle brackets, percent signs, emoji and control
characters, and files whose names hold newlines, quotes, bidi overrides and bytes that are not
UTF-8.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import struct
import sys
import zlib
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.namespace import DCTERMS, RDFS

sys.path.insert(0, str(Path(__file__).parent))
from reliability_helpers import filler_paragraphs, run_kg  # noqa: E402

from kg.documents import DEFAULT_MAX_BYTES, MB, display_path, read_document  # noqa: E402
from kg.errors import InputError  # noqa: E402
from kg.namespaces import KG  # noqa: E402
from kg.nlp import CHUNK_CHARS, parse_texts, split_for_parsing  # noqa: E402

LAST_PARAGRAPH = ("In a separate deal, Zorblax Industries acquired Quintera Robotics. "
                  "Maria Okafor is the chief executive of Zorblax Industries.")
CP1252_TITLE = "\u201cCaf\u00e9 Z\u00fcrich\u201d raises \u20ac5 million \u2014 report"
LATIN1_TITLE = "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale opens a bureau in M\u00fcnchen"
UTF16_TITLE = "\u00dcber-Kraft \u2018Lumi\u00e8re\u2019 \u65b0\u95fb report"
BOM_TITLE = "\u00c5ngstr\u00f6m Optics \u2013 quarterly news"
MARKS = ("SCRIPTMARK", "STYLEMARK", "HANDLERMARK", "JSURLMARK", "NOSCRIPTMARK", "IFRAMEMARK")
AWKWARD_TEXT = (
    "Awkward names\n\n"
    "O'Brien & Sons acquired \"Acme\" Widgets in 2030. "
    "The company <Bolt> Systems hired Jane Doe. "
    "100% Capital invested in Rocket \U0001f680 Labs. "
    "Tim Cook is the CEO of Apple.\x01\x02\x1b[31m "
    "Percent%20Encoded Inc was founded by Back\\Slash Ltd. "
    "Shalom\u200fNet acquired http://evil.example/<x>?a=1&b=2#frag Corp.\n"
)
GOOD_ARTICLE = "Tim Cook is the CEO of Apple. Apple acquired Beats Electronics in 2014.\n"
AWKWARD_FILE_NAMES = [
    "quote\"s 'and' back\\slash.txt",
    "emoji \U0001f680 <b>&amp; 100%.txt",
    "rtl\u202eevil.txt",
    "tab\tand\x01control.txt",
]


# --------------------------------------------------------------------------- the corpus


def pdf_bytes() -> bytes:
    stream = zlib.compress(b"BT /F1 12 Tf 72 712 Td (Acme acquired Beta.) Tj ET\n" * 200)
    return (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length " + str(len(stream)).encode()
            + b" /Filter /FlateDecode >>\nstream\n" + stream
            + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def png_bytes() -> bytes:
    rng = random.Random(7)

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    pixels = b"".join(b"\x00" + rng.randbytes(96) for _ in range(32))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 32, 32, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b""))


def html_page() -> str:
    return """<!DOCTYPE html>
<html><head><title>Vantor Labs news</title>
<style>.STYLEMARK { color: red }</style>
<script>alert("SCRIPTMARK")</script>
<script src="https://tracker.example/t.js"></script>
</head>
<body onload="HANDLERMARK()">
<noscript>NOSCRIPTMARK enable scripts</noscript>
<article>
<h1 onclick="HANDLERMARK()">Vantor Labs releases Hexa-9</h1>
<p onmouseover="HANDLERMARK()">Vantor Labs released Hexa-9, a new language model.</p>
<p>Hexa-9 was developed by Vantor Labs. <a href="javascript:JSURLMARK()">More</a></p>
<script>document.write("SCRIPTMARK")</script>
<iframe srcdoc="IFRAMEMARK"></iframe>
<img src=x onerror="HANDLERMARK()">
</article>
</body></html>
"""


def long_article() -> str:
    """Real sentences, longer than one parsing piece; its one fact is in the last paragraph."""
    return (filler_paragraphs(int(CHUNK_CHARS * 1.4), seed=3) + "\n\n" + LAST_PARAGRAPH + "\n")


def write_corpus(folder: Path) -> dict[str, str]:
    """Write every file; return {file name: the reason it must fail} for the bad ones."""
    folder.mkdir()
    bad = {
        "empty.txt": "empty document (no text to read)",
        "blank.txt": "empty document (no text to read)",
        "report.txt": "binary content, not text (refused)",
        "image.txt": "binary content, not text (refused)",
        "nul.txt": "binary content, not text (refused)",
        "huge.txt": "50.0 MB is over the 10 MB limit (--max-size)",
        "bad\nname.txt": "empty document (no text to read)",
    }
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\t\r\n   \n")
    (folder / "report.txt").write_bytes(pdf_bytes())
    (folder / "image.txt").write_bytes(png_bytes())
    (folder / "nul.txt").write_bytes(b"Acme acquired Beta.\x00\x00\x00\x00" * 50)
    (folder / "bad\nname.txt").write_bytes(b"\n\n")
    write_huge(folder / "huge.txt", 50 * MB)

    (folder / "bom.txt").write_bytes(
        b"\xef\xbb\xbf" + f"{BOM_TITLE}\n\nLena Marsh is the CEO of Norvik Optics.\n".encode())
    utf16 = f"{UTF16_TITLE}\n\nOrlan Freight acquired Tessaly Ports in 2029.\n"
    (folder / "utf16le.txt").write_bytes(b"\xff\xfe" + utf16.encode("utf-16-le"))
    (folder / "utf16be.txt").write_bytes(b"\xfe\xff" + utf16.encode("utf-16-be"))
    (folder / "cp1252.txt").write_bytes(
        f"{CP1252_TITLE}\n\nThe caf\u00e9 chain said on Monday that it had raised \u20ac5 "
        "million. \u201cWe\u2019re thrilled,\u201d said its founder, Ana M\u00fcller.\n"
        .encode("cp1252"))
    (folder / "latin1.txt").write_bytes(
        f"{LATIN1_TITLE}\n\nThe bank said the office would employ 40 people. Its chief, "
        "Fran\u00e7ois L\u00e9ger, called it a \u00abstep forward\u00bb.\n".encode("latin-1"))
    (folder / "long.txt").write_text(long_article(), encoding="utf-8")
    (folder / "page.html").write_text(html_page(), encoding="utf-8")
    (folder / "awkward.txt").write_text(AWKWARD_TEXT, encoding="utf-8")
    for name in AWKWARD_FILE_NAMES:
        (folder / name).write_text(GOOD_ARTICLE, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9-latin1-name.txt"), "wb") as handle:
        handle.write(GOOD_ARTICLE.encode())
    return bad


def write_huge(path: Path, size: int) -> None:
    """A generated article of exactly `size` bytes, written in 1 MB blocks."""
    block = (filler_paragraphs(MB, seed=9) + "\n\n").encode()[:MB]
    with open(path, "wb") as handle:
        for _ in range(size // MB):
            handle.write(block)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad") / "corpus"
    bad = write_corpus(folder)
    out = folder.parent / "out"
    result = run_kg("build", str(folder), "-o", str(out), "-f",
                    "turtle,nt,nquads,trig,jsonld,xml", "--quiet")
    return folder, out, bad, result


# --------------------------------------------------------------------------- the build


def test_build_reports_each_bad_file_on_one_line(corpus):
    folder, _out, bad, result = corpus
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("kg: skipped ")]
    expected = {f"kg: skipped {display_path(str(folder / name))}: {reason}"
                for name, reason in bad.items()}
    assert set(skipped) == expected
    assert len(skipped) == len(bad)
    total = len(list(folder.iterdir()))
    assert f"kg: {len(bad)} of {total} documents failed" in result.stderr


def test_good_files_are_built_whatever_their_encoding(corpus):
    folder, out, bad, _result = corpus
    graph = Graph().parse(out / "graph.ttl")
    titles = {str(o) for o in graph.objects(None, DCTERMS.title)}
    for title in (BOM_TITLE, UTF16_TITLE, CP1252_TITLE, LATIN1_TITLE):
        assert title in titles
    assert "Vantor Labs releases Hexa-9" in titles
    sources = {str(o) for o in graph.objects(None, KG.sourcePath)}
    good = len(list(folder.iterdir())) - len(bad)
    assert len(sources) == good
    for source in sources:  # one printable line each, whatever the file was called
        assert not re.search("[\x00-\x1f\x7f\u202e]", source), source
    names = {Path(s).name for s in sources}
    assert "caf\ufffd-latin1-name.txt" in names
    assert "rtl\\u202eevil.txt" in names and "tab\\tand\\x01control.txt" in names


def test_every_output_parses(corpus):
    _folder, out, _bad, _result = corpus
    triples = len(Graph().parse(out / "graph.ttl"))
    assert triples > 100
    for name, fmt in (("graph.nt", "nt"), ("graph.rdf", "xml")):
        assert len(Graph().parse(out / name, format=fmt)) == triples
    for name, fmt in (("graph.nq", "nquads"), ("graph.trig", "trig"), ("graph.jsonld", "json-ld")):
        dataset = Dataset().parse(out / name, format=fmt)
        assert len({(s, p, o) for s, p, o, _g in dataset.quads()}) == triples
    # Oxigraph's strict parsers agree
    for name, fmt in (("graph.nt", ox.RdfFormat.N_TRIPLES), ("graph.nq", ox.RdfFormat.N_QUADS),
                      ("graph.rdf", ox.RdfFormat.RDF_XML), ("graph.trig", ox.RdfFormat.TRIG)):
        assert len(list(ox.parse(path=str(out / name), format=fmt))) >= triples
    check = run_kg("validate", str(out / "graph.ttl"))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "conforms" in check.stdout


def test_awkward_names_survive_intact(corpus):
    _folder, out, _bad, _result = corpus
    graph = Graph().parse(out / "graph.ttl")
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    assert "O'Brien & Sons" in labels
    assert "Rocket \U0001f680 Labs" in labels
    assert any("Bolt" in label for label in labels)
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "<Bolt>" not in page and "Bolt> Systems" not in page
    sentences = {str(o) for o in graph.objects(None, KG.sentence)}
    assert not any(re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", s) for s in sentences)


def test_scripts_styles_and_handlers_never_reach_the_graph(corpus):
    _folder, out, _bad, _result = corpus
    for path in out.iterdir():
        text = path.read_text(encoding="utf-8")
        for mark in MARKS:
            assert mark not in text, (path.name, mark)
    graph = Graph().parse(out / "graph.ttl")
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    assert {"Hexa-9", "Vantor Labs"} <= labels  # the article itself was read


def test_long_article_is_parsed_in_pieces_with_exact_offsets(corpus):
    folder, out, _bad, _result = corpus
    text = (folder / "long.txt").read_text(encoding="utf-8").strip()
    assert len(text) > CHUNK_CHARS
    graph = Graph().parse(out / "graph.ttl")
    evidence = [
        (int(graph.value(ev, KG.startOffset)), int(graph.value(ev, KG.endOffset)),
         str(graph.value(ev, KG.sentence)))
        for ev in graph.subjects(KG.sentence, Literal(
            "Maria Okafor is the chief executive of Zorblax Industries."))
    ]
    assert evidence, "the fact of the last paragraph was not found"
    for start, end, sentence in evidence:
        assert start > CHUNK_CHARS  # it lies in the second piece
        assert text[start:end] == sentence


# --------------------------------------------------------------------------- usage errors


def test_missing_path_is_one_line_exit_2(tmp_path):
    result = run_kg("build", str(tmp_path / "missing" / "path"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"kg: error: {tmp_path / 'missing' / 'path'}: no such file or directory"]
    assert not (tmp_path / "out").exists()


def test_bad_option_is_exit_2_without_traceback(tmp_path):
    result = run_kg("build", str(tmp_path), "--max-size", "-3", "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "--max-size" in result.stderr


def test_strict_makes_one_bad_file_fatal(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD_ARTICLE)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    result = run_kg("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--strict")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"kg: skipped {tmp_path / 'in' / 'empty.txt'}: empty document (no text to read)",
        "kg: error: 1 document(s) failed and --strict is set",
    ]
    assert not (tmp_path / "out").exists()


def test_max_size_option_moves_the_limit(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_ARTICLE * 20)  # 1,440 bytes
    result = run_kg("build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"),
                    "--max-size", "0.001", "--quiet")
    assert result.returncode == 1
    assert (f"kg: skipped {tmp_path / 'a.txt'}: 1,440 bytes is over the 0.001 MB limit "
            "(--max-size)") in result.stderr.splitlines()


def _without_file_access() -> list[str] | None:
    """A command prefix under which chmod 000 holds: nothing for a normal user; for root,
    setpriv dropping the capabilities that bypass file permissions; None if impossible."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def test_unreadable_folder_is_one_line_exit_2(tmp_path):
    prefix = _without_file_access()
    if prefix is None:
        pytest.skip("running as root without setpriv: chmod 000 cannot be enforced")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD_ARTICLE)
    locked.chmod(0)
    try:
        result = run_kg("build", str(locked), "-o", str(tmp_path / "out"), prefix=prefix)
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"kg: error: {locked}: cannot read this folder (Permission denied)"]


# --------------------------------------------------------------------------- units


def io_read_bytes() -> int:
    with open("/proc/self/io") as handle:
        return int(next(line for line in handle if line.startswith("rchar:")).split()[1])


def test_oversized_file_is_refused_before_it_is_read(tmp_path):
    if not Path("/proc/self/io").exists():
        pytest.skip("no /proc/self/io to count the bytes read")
    huge = tmp_path / "huge.txt"
    write_huge(huge, 50 * MB)
    before = io_read_bytes()
    with pytest.raises(InputError, match=r"50\.0 MB is over the 10 MB limit"):
        read_document(str(huge), DEFAULT_MAX_BYTES)
    assert io_read_bytes() - before < 64 * 1024  # not one block of the article


def test_split_for_parsing_a_long_article():
    text = filler_paragraphs(1_500_000, seed=5) + "\n\n" + LAST_PARAGRAPH
    pieces = split_for_parsing(text)
    assert "".join(pieces) == text
    assert len(pieces) >= 15 and all(len(p) <= CHUNK_CHARS for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # cut at paragraph ends
    no_paragraphs = text.replace("\n\n", " ")
    pieces = split_for_parsing(no_paragraphs, 10_000)
    assert "".join(pieces) == no_paragraphs
    assert all(re.search(r"[.!?] $", p) for p in pieces[:-1])  # then at sentence ends
    unbroken = "x" * 25_000
    assert split_for_parsing(unbroken, 10_000) == ["x" * 10_000, "x" * 10_000, "x" * 5_000]


def test_pieces_join_into_one_doc_with_original_offsets():
    text = filler_paragraphs(12_000, seed=8) + "\n\n" + LAST_PARAGRAPH
    short = "Maria Okafor is the chief executive of Zorblax Industries."
    docs = list(parse_texts([text, short, text[:3000]], chunk_chars=4_000))
    assert len(docs) == 3
    joined = docs[0]
    assert joined.text == text and docs[1].text == short and docs[2].text == text[:3000]
    assert all(text[t.idx:t.idx + len(t)] == t.text for t in joined)
    assert joined.has_annotation("DEP") and joined.has_annotation("SENT_START")
    last = [e for e in joined.ents if e.start_char > len(text) - len(LAST_PARAGRAPH)]
    assert {e.text for e in last} >= {"Maria Okafor", "Zorblax Industries"}
    for ent in last:
        assert text[ent.start_char:ent.end_char] == ent.text


def test_a_heading_is_parsed_apart_from_the_paragraph_under_it():
    """The parser read "Kelohaven Studios" above "Kelohaven Studios Oy is ..." as one run and
    cut the second name in two: a line without closing punctuation is parsed on its own."""
    title = "Kelohaven Studios\n\n"
    body = ("Kelohaven Studios Oy is a Finnish video game developer based in Tampere. "
            "Kelohaven also develops Emberfall, a game engine.")
    whole, alone = parse_texts([title + body, body])
    assert whole.text == title + body
    under = [(t.idx - len(title), t.dep_, t.head.i - t.i, t.ent_type_, t.is_sent_start)
             for t in whole if t.idx >= len(title)]
    assert under == [(t.idx, t.dep_, t.head.i - t.i, t.ent_type_, t.is_sent_start)
                     for t in alone]
    assert not any("\n" in e.text for e in whole.ents)
