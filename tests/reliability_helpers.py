"""Helpers of the reliability tests: run the real `kg` command and write generated articles.

The articles use invented names only, so no data file (ontology/entities.toml) types them and
every fact comes from the text stages.
"""

from __future__ import annotations

import http.server
import os
import random
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KG = [sys.executable, "-m", "kg"]

FIRMS = ["Zentrix Analytics", "Holloway Freight", "Marisol Biotech", "Quarrendon Capital",
         "Tellurian Mining", "Ostrava Textiles", "Brightwater Energy", "Kessler Aerospace"]
PLACES = ["Lisbon", "Osaka", "Nairobi", "Toronto", "Krakow", "Santiago", "Dublin", "Perth"]
THINGS = ["battery storage", "container shipping", "wind turbines", "cloud software",
          "rail freight", "medical imaging", "solar panels", "water treatment"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
SENTENCES = [
    "{firm} said on {day} that its revenue rose by {n} percent in the third quarter.",
    "Analysts in {place} expect demand for {thing} to grow by {n} percent next year.",
    "Shares of {firm} fell {n} percent in early trading in {place} on {day}.",
    "The report, published on {day}, counted {n} new projects in {thing} across the region.",
    "Officials in {place} approved a plan for {thing} after a vote of {n} to {m}.",
    "Executives at {firm} told investors that costs for {thing} would fall by {n} percent.",
]


def run_kg(*args: str, cwd: Path | None = None, timeout: float = 900,
           prefix: list[str] | None = None) -> subprocess.CompletedProcess:
    """`python -m kg ARGS` in a real process (this checkout on PYTHONPATH); text output."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.run([*(prefix or []), *KG, *args], cwd=cwd, env=env, timeout=timeout,
                          capture_output=True, text=True, errors="replace")


def filler_paragraphs(chars: int, seed: int = 1) -> str:
    """Real English sentences in paragraphs of four, about `chars` characters in all."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        sentences = [
            rng.choice(SENTENCES).format(
                firm=rng.choice(FIRMS), place=rng.choice(PLACES), thing=rng.choice(THINGS),
                day=rng.choice(DAYS), n=rng.randint(2, 90), m=rng.randint(1, 9))
            for _ in range(4)
        ]
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


FIRST_NAMES = ["Dana", "Ravi", "Mirela", "Tomas", "Ingrid", "Kwame", "Leila", "Oskar", "Priya",
               "Julian", "Sanna", "Mateo", "Yara", "Felix", "Noor", "Emil", "Clara", "Hugo",
               "Amara", "Lucas"]
LAST_NAMES = ["Whitcombe", "Okonkwo", "Varga", "Lindqvist", "Moreau", "Castellanos", "Haddad",
              "Brennan", "Sorensen", "Takeda", "Abernathy", "Kowalczyk", "Ferreira", "Nakamura",
              "Delacroix", "Osei", "Halvorsen", "Quintero", "Ashworth", "Petrov"]
STEMS = ["Korv", "Belm", "Tarn", "Ulv", "Myr", "Dax", "Orl", "Pem", "Sovr", "Quel", "Ravn",
         "Fenw", "Isk", "Lorv", "Brax", "Cind", "Elv", "Gald", "Hosk", "Jarn"]


def write_articles(folder: Path, count: int) -> list[Path]:
    """`count` short, independent articles: each names its own company, chief and acquisition,
    so what one says never depends on another (a clean build and an interrupted one that
    resumes must agree fact for fact)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        stem = STEMS[i % len(STEMS)]
        company, target = f"{stem}ana Systems", f"{stem}ello Robotics"
        chief = f"{FIRST_NAMES[i % 20]} {LAST_NAMES[(i * 7) % 20]}"
        text = (f"{company} buys a robot maker\n\n"
                f"{chief} is the chief executive of {company}. "
                f"{company} acquired {target} in 2023. "
                f"The deal was announced in {PLACES[i % len(PLACES)]} on {DAYS[i % 5]}.\n")
        path = folder / f"article_{i:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@contextmanager
def serving(app):
    """Serve an ASGI `app` with uvicorn in a thread on a free 127.0.0.1 port; yield its URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@contextmanager
def recording_http_server():
    """A plain HTTP server on 127.0.0.1 that notes every path asked for and answers Turtle:
    the witness that a query made (or did not make) an outbound request."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            hits.append(self.path)
            body = b"<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n"
            self.send_response(200)
            self.send_header("Content-Type", "text/turtle")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()
