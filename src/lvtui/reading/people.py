"""People as the cast list and the person card show them. No UI here.

The cast list reads rows of names; the film file holds references to people. A row is
made once per film, so searching and drawing never look a name up again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from lvtui.reading.wording import aggregate_figure, edition_title, names, spelled_date
from lvtui.text.clean import one_line

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.film.model import CrewCredit, Film, Organization, Person
    from lvtui.text.mentions import Mentions


class CastRow(NamedTuple):
    """One cast credit, with the actor's name looked up. A tuple: a film may have 100,000
    of them, and a frozen dataclass costs ten times as long to make."""

    actor: str
    role: str
    credited_as: str | None
    person: str  # the actor's id
    also: str = ""  # the other names of both, searched and not shown: "Nicolas Kim Coppola"

    def line(self) -> str:
        """The member as one line: actor, role and credited name, tab-separated, no empty
        field. As `lvtui cast` prints a member piped, and as `y` copies one."""
        return "\t".join(one_line(field) for field in (self.actor, self.role, self.credited_as)
                         if field)


def card_rows(film: Film) -> list[CastRow]:
    """A row for every person and organisation, for the palette to search: the name, the
    first character played (if any), and the other names the film uses for them."""
    roles: dict[str, str] = {}
    for credit in film.billed_cast:
        roles.setdefault(credit.person, credit.character)
    records: list[Person | Organization] = [*film.people, *film.organizations]
    return [CastRow(record.name, roles.get(record.id, ""), ", ".join(record.other_names) or None,
                    record.id, _full_name(record)) for record in records]


def cast_rows(film: Film) -> list[CastRow]:
    """The cast in billing order, as rows; searched by every name the actor and the
    character have."""
    rows = []
    for credit in film.billed_cast:
        actor = film.record(credit.person)
        also = [*credit.character_other_names, *actor.other_names, _full_name(actor)]
        rows.append(CastRow(actor.name, credit.character, credit.credited_as, credit.person,
                            ", ".join(name for name in also if name)))
    return rows


_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def filing_name(film: Film, id: str) -> str:
    """How a person is filed in a list sorted by name: their `sort_name`, else the surname
    first ("Beckel Graham" for Graham Beckel, "Hartwick Joe Jr." for Joe Hartwick Jr.)."""
    record = film.record(id)
    sort_name = getattr(record, "sort_name", None)  # an organisation has none
    if sort_name:
        return str(sort_name)
    words = record.name.split()
    last = len(words) - 1
    while last > 0 and words[last].lower() in _SUFFIXES:
        last -= 1
    return " ".join([*words[last:last + 1], *words[:last], *words[last + 1:]])


def _full_name(record: Person | Organization) -> str:
    return getattr(record, "full_name", None) or ""


def appearances(film: Film, id: str) -> list[tuple[str, str]]:
    """Every place the person or organisation with *id* appears, as (section id, sentence),
    in the order of the sections: credits, roles, quotes, reviews, awards, music, media."""
    found: list[tuple[str, str]] = []

    def add(section: str, text: str) -> None:
        found.append((section, text))

    headed = headed_credits(film)
    for crew in jobs_of(film, id):
        # The overview names who heads a department; the production section the rest.
        add("overview" if key(crew) in headed else "production", crew.job)
    if id in film.stars:
        add("overview", "Star")
    if id in film.production_companies:
        add("overview", "Produced the film")
    for work in film.source_works:
        if id in work.authors:
            published = f", {spelled_date(work.published)}" if work.published else ""
            add("overview", f"Author of the {work.kind} “{work.title}”{published}")
    for distribution in film.distribution:
        if distribution.company == id:
            add("overview", f"Distributor: {distribution.territory or 'everywhere'}")
    if film.marketing is not None and id in film.marketing.by:
        add("overview", "Marketed the film")
    for number, credit in enumerate(film.billed_cast, start=1):
        if credit.person == id:
            # A comma, not brackets: a credited name may hold its own ("Jane Doe (voice)").
            as_credited = f", credited as {credit.credited_as}" if credit.credited_as else ""
            add("cast", f"#{number}: {credit.character}{as_credited}")
    for section in film.production.notes:
        quotes = [p for p in section.passages if p.speaker == id]
        if quotes:
            times = {1: "once", 2: "twice"}.get(len(quotes), f"{len(quotes)} times")
            add("production", f"Quoted {times} in “{section.topic}”")
    reception = film.reception
    for aggregate in reception.aggregators:
        if aggregate.source == id:
            add("reception", f"Aggregated the reviews: {aggregate_figure(aggregate)}")
    for review in reception.reviews:
        if review.critic == id:
            outlet = f" for {film.name(review.outlet)}" if review.outlet else ""
            quoted = "; a passage is quoted" if review.quote else ""
            add("reception", f"Reviewed the film{outlet}{quoted}")
        elif review.outlet == id:
            add("reception", f"Ran {film.name(review.critic)}'s review")
    for best in reception.best_of:
        if best.critic == id:
            rank = f", number {best.rank}" if best.rank else ""
            add("reception", f"Listed the film: {best.list}{rank}")
    for accolade in film.accolades:
        if id in accolade.nominees:
            add("reception", f"{accolade.award}, {accolade.category}: {accolade.result}")
    soundtrack = film.soundtrack
    if soundtrack is not None:
        if soundtrack.label == id:
            add("soundtrack", "Released the soundtrack album")
        if id in soundtrack.performers:
            add("soundtrack", "Performs on the soundtrack album")
        for song in soundtrack.songs:
            if id in song.performers:
                add("soundtrack", f"Performs “{song.title}”")
    for edition in film.home_media:
        if edition.distributor == id:
            add("soundtrack", f"Released the {edition_title(edition)}")
    return found


# Crew jobs that credit the author of what a film is based on (TMDB's, and "Novel" in the
# shipped film), with the kind of work each stands for.
SOURCE_JOBS = {"novel": "novel", "book": "book", "short story": "short story",
               "comic book": "comic book", "play": "play", "graphic novel": "graphic novel"}

# Crew departments the overview names, in order, with the label each gets. "Story" is the
# writers credited with the story alone: Adalbert Stifter, whose 1845 novella Rock Crystal
# is, did not write its screenplay with Klaus Richter.
DEPARTMENTS = [("Directing", "Directed by"), ("Writing", "Written by"), ("Story", "Story by"),
               ("Sound", "Music"), ("Production", "Produced by"),
               ("Camera", "Cinematography"), ("Editing", "Edited by")]
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


def based_on_credits(film: Film) -> set[tuple[str, str, str]]:
    """The crew credits that "Based on" tells already: an author's "Novel" or "Book"."""
    authors = {author for work in film.source_works for author in work.authors}
    return {key(credit) for credit in film.crew
            if credit.person in authors and credit.job.lower() in SOURCE_JOBS}


def jobs_of(film: Film, id: str) -> list[CrewCredit]:
    """What the person *id* did on the film, as crew: every credit but the one that says
    they wrote what it is based on (the shipped film files that under "Source")."""
    told = based_on_credits(film)
    return [credit for credit in film.crew if credit.person == id
            and credit.department != "Source" and key(credit) not in told]


def key(credit: CrewCredit) -> tuple[str, str, str]:
    """A crew credit, as the file cannot hold it twice (one entry per person and job)."""
    return credit.person, credit.department, credit.job


def overview_department(credit: CrewCredit) -> str:
    """The department the overview names *credit* under: its own, but "Story" for the
    writers of the story alone."""
    if credit.department == "Writing" and credit.job in STORY_JOBS:
        return "Story"
    return credit.department


def heads(film: Film, department: str) -> list[CrewCredit]:
    """The credits that head *department* (as the overview names departments); a
    department none of whose jobs is a known head's is given whole."""
    crew = [credit for credit in film.crew if overview_department(credit) == department]
    return [credit for credit in crew
            if credit.job in KEY_JOBS.get(credit.department, ())] or crew


def headed_credits(film: Film, departments: Iterable[str] = tuple(dict(DEPARTMENTS))
                   ) -> set[tuple[str, str, str]]:
    """The credits of who heads each of *departments*: those the overview names."""
    return {key(credit) for department in departments for credit in heads(film, department)}


def credits(film: Film, department: str) -> str:
    """Who heads *department*, in order, each once: "Mike Figgis"."""
    return names(film, list(dict.fromkeys(credit.person for credit in heads(film, department))))


def further_crew(film: Film, departments: Iterable[str] = tuple(dict(DEPARTMENTS))
                 ) -> dict[str, list[tuple[str, str]]]:
    """The crew the overview does not name (it names who heads *departments*): per
    department, in the file's order, each job with its people: {"Sound": [("Foley Artist",
    "Jane Doe and John Roe")]}."""
    named = headed_credits(film, departments) | based_on_credits(film)
    jobs: dict[str, dict[str, list[str]]] = {}
    for credit in film.crew:
        if key(credit) not in named:
            people = jobs.setdefault(credit.department, {}).setdefault(credit.job, [])
            if credit.person not in people:
                people.append(credit.person)
    return {department: [(job, names(film, people)) for job, people in by_job.items()]
            for department, by_job in jobs.items()}


# How much of a text is looked through for a card's "mentioned" lines: its first mention of
# someone is near the start, and a hostile text of a million letters must not hold up a card.
MENTION_SCAN = 20_000
SNIPPET_SIDE = 36  # letters of context on each side of a mention


def texts_by_section(film: Film) -> list[tuple[str, str]]:
    """The film's own prose, each paragraph with the section that shows it."""
    texts = [("overview", text) for text in film.summary]
    texts += [("plot", text) for text in film.plot]
    texts += [("production", passage.text) for note in film.production.notes
              for passage in note.passages]
    # What the timeline and the home media write of a release or an edition is theirs too:
    # its names are links there, and find finds them.
    texts += [("timeline", release.detail) for release in film.releases if release.detail]
    reception = film.reception
    texts += [("reception", text) for text in (
        *reception.notes, *(a.consensus for a in reception.aggregators),
        *(review.quote or "" for review in reception.reviews), *film.accolade_notes) if text]
    if film.soundtrack is not None:
        texts += [("soundtrack", text) for text in (
            *film.soundtrack.description, *(song.note for song in film.soundtrack.songs))
                  if text]
    texts += [("soundtrack", edition.detail) for edition in film.home_media if edition.detail]
    return texts


def mentioned_in(film: Film, id: str, mentions: Mentions) -> list[tuple[str, str]]:
    """Where the film's text names the record *id*: per paragraph that does, its section and
    a snippet around the first place ("…he nearly hits a woman, Sera, on the crosswalk…")."""
    found = []
    for section, text in texts_by_section(film):
        head = text[:MENTION_SCAN]
        hit = next((m for m in mentions.find(head) if m.target == id), None)
        if hit is not None:
            found.append((section, snippet(head, hit.start, hit.end)))
    return found


def snippet(text: str, start: int, end: int) -> str:
    """The words around text[start:end], cut at spaces, with "…" where the text goes on."""
    left = max(0, start - SNIPPET_SIDE)
    right = min(len(text), end + SNIPPET_SIDE)
    if left > 0:
        left = text.find(" ", left, start) + 1 or left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space > 0 else right
    return ("…" if left > 0 else "") + " ".join(text[left:right].split()) + \
        ("…" if right < len(text) else "")
