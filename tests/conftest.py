"""Shared fixtures: the example corpus built once per session, the seeds when present, and
headless Chromium for the page tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
QUERIES = ROOT / "examples" / "queries"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def chromium_browser():
    """Debian's headless Chromium under Playwright (tests/browsers.py); the tests that use it
    skip with a reason when it is not installed. One per module: Playwright's sync API allows
    one running instance at a time, and other modules start their own."""
    from browsers import chromium, chromium_path

    if chromium_path() is None:
        pytest.skip("headless Chromium not installed: apt-get install chromium")
    pytest.importorskip("playwright.sync_api")
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def examples_graph():
    from kg import build

    return build([EXAMPLES])


@pytest.fixture(scope="session")
def seeds_graph():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent on this machine")
    from kg import build

    return build([SEEDS])


def extract_text(text: str, *, use_known: bool = False):
    """Run the text stages on one string; unknown-entity mode by default (no data-file help)."""
    from kg.documents import parse_document
    from kg.pipeline import extract

    return extract([parse_document(text.encode("utf-8"), "t.txt")], use_known=use_known)


def fact_set(extraction, asserted_only: bool = True) -> set[tuple[str, str, str]]:
    return {
        (f.subject, f.predicate, f.object)
        for f in extraction.facts
        if f.asserted or not asserted_only
    }
