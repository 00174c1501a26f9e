"""How a film reads, without Textual: sections, people, wording, find's index."""
