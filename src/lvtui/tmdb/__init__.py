"""Films from TMDB: answers checked, a film built from them, fetching. No Textual."""
