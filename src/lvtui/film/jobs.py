"""The crew jobs lvtui knows by name, as TMDB and the shipped film credit them: who wrote
what a film is based on, who wrote its story alone, and who heads each department."""

from __future__ import annotations

# Crew jobs that credit the author of what a film is based on (TMDB's, and "Novel" in the
# shipped film), with the kind of work each stands for.
SOURCE_JOBS = {"novel": "novel", "book": "book", "short story": "short story",
               "comic book": "comic book", "play": "play", "graphic novel": "graphic novel",
               "characters": "characters"}

# The writers credited with the story alone.
STORY_JOBS = {"Story", "Screenstory"}

# The jobs that head each department, as TMDB and the shipped film name them. A film from
# TMDB lists a whole department (its assistant directors, its sound editors): the overview
# names who heads it, as a film's poster does.
KEY_JOBS = {"Directing": {"Director"},
            "Writing": {"Screenplay", "Writer", "Story", "Screenstory", "Teleplay"},
            "Sound": {"Original Music Composer", "Original music", "Music", "Composer"},
            "Production": {"Producer"},
            "Camera": {"Director of Photography", "Cinematography"},
            "Editing": {"Editor"}}
