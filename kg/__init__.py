"""kg: build RDF knowledge graphs from news articles.

    >>> from kg import build
    >>> g = build(["examples/articles"])
    >>> g.query("SELECT ?m WHERE { ?m kg:developedBy ?org }")
"""

__version__ = "0.1.0"

from kg.api import KnowledgeGraph, build, load  # noqa: E402

__all__ = ["KnowledgeGraph", "build", "load", "__version__"]
