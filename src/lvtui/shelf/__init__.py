"""The films a person keeps: the library, its cache, people across films, settings."""
