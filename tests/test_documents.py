"""Stage 1: reading files of every kind into clean text."""

from __future__ import annotations

import pytest

from kg.documents import expand_sources, parse_document, read_all, read_document
from kg.errors import InputError


def test_plain_text_title_is_first_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Acme buys Widgetco\n\nAcme Corp said on Monday it bought Widgetco.\n")
    doc = read_document(str(path))
    assert doc.title == "Acme buys Widgetco"
    assert doc.text.startswith("Acme buys Widgetco\n")
    assert doc.content_hash.startswith("sha256:")


def test_same_path_same_id_and_changed_text_changes_hash(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("One sentence here.")
    first = read_document(str(path))
    path.write_text("Another sentence here.")
    second = read_document(str(path))
    assert first.id == second.id
    assert first.content_hash != second.content_hash


def test_html_boilerplate_is_stripped():
    html = b"""<!doctype html><html><head><title>T</title><script>var x = 'tracking';</script>
    </head><body><nav>Home | World</nav><div class="cookie-banner">We use cookies</div>
    <article><header><h1>Orbital launches Nimbus</h1></header><p>Orbital Inc. released Nimbus.</p>
    </article><footer>Copyright</footer></body></html>"""
    doc = parse_document(html, "page.html")
    assert doc.title == "Orbital launches Nimbus"
    assert "Orbital Inc. released Nimbus." in doc.text
    for junk in ("tracking", "cookies", "Home | World", "Copyright"):
        assert junk not in doc.text
    assert doc.media_type == "text/html"


def test_markdown_markup_is_removed():
    md = b"# Headline here\n\nSome **bold** text with a [link](http://x.y).\n\n## Section\n\nMore."
    doc = parse_document(md, "a.md")
    assert doc.title == "Headline here"
    assert "Some bold text with a link." in doc.text
    assert "\n\nSection\n\nMore." in doc.text
    assert "http" not in doc.text


@pytest.mark.parametrize(
    "raw",
    [
        "Café Zürich – “quoted”".encode("utf-8-sig"),
        "Café Zürich – “quoted”".encode("utf-16"),
        "Café Zürich – “quoted”".encode("cp1252"),
    ],
    ids=["utf8-bom", "utf16", "cp1252"],
)
def test_encodings_are_detected(raw):
    doc = parse_document(raw, "x.txt")
    assert doc.text == "Café Zürich – “quoted”"


def test_binary_and_empty_files_are_refused_with_the_path():
    with pytest.raises(InputError, match=r"^fake\.txt: binary content"):
        parse_document(bytes(range(256)) * 50, "fake.txt")
    with pytest.raises(InputError, match=r"^empty\.txt: empty document"):
        parse_document(b"  \n ", "empty.txt")


def test_missing_path_and_empty_glob_are_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        expand_sources([str(tmp_path / "nope.txt")])
    with pytest.raises(InputError, match="no file matches"):
        expand_sources([str(tmp_path / "*.txt")])


def test_folders_and_globs_expand_in_order_and_failures_are_collected(tmp_path):
    (tmp_path / "b.txt").write_text("Beta text.")
    (tmp_path / "a.md").write_text("# Alpha\n\nAlpha text.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "skip.json").write_text("{}")
    sources = expand_sources([str(tmp_path)])
    assert [s.rsplit("/", 1)[-1] for s in sources] == ["a.md", "b.txt", "empty.txt"]
    items = list(read_all([str(tmp_path / "*.txt")]))
    assert [type(i).__name__ for i in items] == ["Document", "InputError"]
