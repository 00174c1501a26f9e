"""Strings, no film, no Textual: cleaning, folding for search, names in a text, history."""
