"""factcheck: cross-check the facts several sources report, and flag contradictions."""

__version__ = "0.1.0"
