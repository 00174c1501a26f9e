"""The command line: each command's words (arguments) and what runs it (commands)."""
