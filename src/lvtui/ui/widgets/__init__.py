"""One module per pane or reusable widget."""
