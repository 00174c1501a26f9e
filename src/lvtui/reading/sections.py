"""The browser's sections, in the order of their number keys. No UI here."""

from __future__ import annotations

SECTIONS: dict[str, str] = {
    "overview": "Overview",
    "plot": "Plot",
    "cast": "Cast",
    "production": "Production",
    "timeline": "Timeline",
    "reception": "Reception",
    "soundtrack": "Soundtrack & home media",
}
SECTION_IDS = tuple(SECTIONS)
