"""lvtui serve: the app in a web browser."""
