"""Errors a user can act on. The CLI prints them as one line, never as a traceback."""

from __future__ import annotations


class KgError(Exception):
    """A failure caused by the input or the environment, with a message fit for a user.

    `exit_code` follows the CLI convention: 2 for bad usage or input (missing path, bad
    option, unparsable query), 1 for a job that ran and failed (invalid graph, failed documents).
    """

    exit_code = 2

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class InputError(KgError):
    """A document, graph file or query that cannot be read; the message names the file."""
