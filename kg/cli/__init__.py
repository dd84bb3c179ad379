"""The `kg` command line: one Typer app, one module per group of sub-commands.

Each module under `kg.cli` registers its commands on `app`; `main` turns every KgError into a
one-line message and an exit code, and shows a traceback only with `--debug`.
"""

from __future__ import annotations

import os
import sys

import typer

from kg.errors import KgError

app = typer.Typer(
    name="kg",
    help="Build RDF knowledge graphs from news articles, then query, validate and explore them.\n\n"
    "Example: kg build examples/articles -o out && kg query out/graph.ttl "
    "'SELECT ?s WHERE { ?s a kg:Company }'",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show a traceback on errors."),
) -> None:
    if debug:
        os.environ["KG_DEBUG"] = "1"


def _register_commands() -> None:
    """Import the command modules so their @app.command decorators run."""
    from kg.cli import commands  # noqa: F401


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error on stderr and return the Exit to raise."""
    typer.echo(f"kg: error: {message}", err=True)
    return typer.Exit(code)


def main(argv: list[str] | None = None) -> None:
    _register_commands()
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        app(args=argv, prog_name="kg", standalone_mode=True)
    except KgError as exc:
        if debug:
            raise
        typer.echo(f"kg: error: {_one_line(str(exc))}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("kg: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - a failure nobody foresaw still gets one line
        if debug:
            raise
        typer.echo(f"kg: error: {type(exc).__name__}: {_one_line(str(exc))} "
                   "(run with --debug for the traceback)", err=True)
        sys.exit(1)


def _one_line(message: str) -> str:
    return " ".join(message.split())
