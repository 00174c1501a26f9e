"""The screens: a film's own (film.py), and the boxes over it: a person card and the
help (sheets, sheet.py), and the shelf."""
