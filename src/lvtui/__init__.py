"""lvtui: a terminal browser for one film."""

# The one place the version is written; pyproject.toml reads it from here. A literal, not
# importlib.metadata, whose import alone is a measurable part of every start-up.
__version__ = "0.4.0"
