"""lvtui: a terminal browser for one film."""

# The one place the version is written; pyproject.toml reads it from here. A literal, not
# importlib.metadata: that import alone costs a sixth of a bare Textual app's start-up.
__version__ = "0.4.0"
