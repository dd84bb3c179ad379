"""`kg eval`: precision, recall and F1 of the extractor on gold files."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from kg.cli import app


@app.command(
    name="eval",
    epilog="Example: kg eval tests/gold/examples.jsonl --show-errors",
)
def eval_command(
    gold: list[Path] = typer.Argument(..., help="Gold JSONL files (id, text, triples ...)."),
    known: bool = typer.Option(
        True, "--known/--no-known", help="Use ontology/entities.toml (off: a fair test on "
        "entities the data files do not list)."
    ),
    show_errors: bool = typer.Option(
        True, "--show-errors/--no-show-errors", help="List false positives and misses."
    ),
    limit: int = typer.Option(0, "--limit", help="Score only the first N records (0: all)."),
) -> None:
    """Score extraction on gold triples: per relation and overall P/R/F1, then the errors."""
    from kg.evaluate import evaluate, read_gold, rows

    records = [r for path in gold for r in read_gold(path)]
    if limit:
        records = records[:limit]
    report = evaluate(records, use_known=known)
    console = Console()
    table = Table(title=f"{len(records)} documents", title_justify="left")
    for column in ("relation", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "relation" else "right")
    for relation, tp, fp, fn, p, r, f in rows(report):
        style = "bold" if relation == "overall" else None
        table.add_row(relation, str(tp), str(fp), str(fn), f"{p:.3f}", f"{r:.3f}", f"{f:.3f}",
                      style=style)
    console.print(table)
    if show_errors:
        for title, items in (("false positives", report.false_positives),
                             ("misses", report.misses)):
            console.print(f"[bold]{title}[/] ({len(items)})")
            for doc_id, head, relation, tail in items:
                console.print(f"  {doc_id}: {head} --{relation}--> {tail}", markup=False)
