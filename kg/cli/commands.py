"""Every sub-command module, imported for its side effect of registering on `kg.cli.app`."""

from kg.cli import analytics, build, evaluate, ontology, query, viz  # noqa: F401
