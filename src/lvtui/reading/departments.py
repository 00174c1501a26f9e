"""The crew as the overview and the production notes name it: who heads each department
(the overview), and the rest (production). No UI here."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lvtui.film.jobs import KEY_JOBS, SOURCE_JOBS, STORY_JOBS
from lvtui.reading.wording import names

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.film.model import CrewCredit, Film

# Crew departments the overview names, in order, with the label each gets. "Story" is the
# writers credited with the story alone: Adalbert Stifter, whose 1845 novella Rock Crystal
# is, did not write its screenplay with Klaus Richter.
DEPARTMENTS = [("Directing", "Directed by"), ("Writing", "Written by"), ("Story", "Story by"),
               ("Sound", "Music"), ("Production", "Produced by"),
               ("Camera", "Cinematography"), ("Editing", "Edited by")]


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


# The order film credits give departments in (TMDB's names); any other comes after these,
# by name.
CREDITS_ORDER = ("Directing", "Writing", "Production", "Camera", "Editing", "Art",
                 "Costume & Make-Up", "Sound", "Visual Effects", "Lighting", "Crew")


def further_crew(film: Film, departments: Iterable[str] = tuple(dict(DEPARTMENTS))
                 ) -> dict[str, list[tuple[str, str]]]:
    """The crew the overview does not name (it names who heads *departments*): per
    department, in the order credits give them (CREDITS_ORDER), each job in the file's
    order with its people: {"Sound": [("Foley Artist", "Jane Doe and John Roe")]}."""
    named = headed_credits(film, departments) | based_on_credits(film)
    jobs: dict[str, dict[str, list[str]]] = {}
    for credit in film.crew:
        if key(credit) not in named:
            people = jobs.setdefault(credit.department, {}).setdefault(credit.job, [])
            if credit.person not in people:
                people.append(credit.person)
    order = {department: number for number, department in enumerate(CREDITS_ORDER)}
    ranked = sorted(jobs, key=lambda department: (order.get(department, len(order)),
                                                  department))
    return {department: [(job, names(film, people)) for job, people in jobs[department].items()]
            for department in ranked}
