"""The film format: fields, schema 2 and its parts, schema 1, the walks, loading. No Textual."""
