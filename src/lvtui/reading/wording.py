"""How lvtui words a film's facts in English: money, releases, scores, the timeline.

The model holds facts and dates; the sentences that word them (money, dates, releases,
scores, credits, the timeline's events) are built here, once. Headings and labels stay
with the widgets that show them. No textual import here; a test proves it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from lvtui.text.folding import fold

if TYPE_CHECKING:  # pydantic is not needed to word a film that is already loaded
    from lvtui.film.fields import PartialDate
    from lvtui.film.model import (
        Aggregate,
        ExternalIds,
        Film,
        HomeMediaEdition,
        Marketing,
        Money,
        Release,
        Source,
        SourceWork,
    )

def spelled_date(date: PartialDate) -> str:
    """The date as a person writes it, at its real precision: "27 October 1995",
    "April 1994", "1990"."""
    if date.month is None:
        return str(date.year)
    month = calendar.month_name[date.month]
    if date.day is None:
        return f"{month} {date.year}"
    return f"{date.day} {month} {date.year}"


SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
QUALIFIERS = {"exactly": "", "about": "about ", "under": "less than ", "over": "more than "}


def amount(value: int, currency: str = "USD") -> str:
    """$49.8 million, €2 million, $950,000, 1.2 billion KRW."""
    if value >= 1_000_000_000:
        figure = f"{value / 1_000_000_000:.1f} billion".replace(".0 ", " ")
    elif value >= 1_000_000:
        figure = f"{value / 1_000_000:.1f} million".replace(".0 ", " ")
    else:
        figure = f"{value:,}"
    symbol = SYMBOLS.get(currency)
    return f"{symbol}{figure}" if symbol else f"{figure} {currency}"


def money(money: Money) -> str:
    """"reportedly less than $2 million": the amount as the source states it."""
    reported = "reportedly " if money.reported else ""
    return f"{reported}{QUALIFIERS[money.qualifier]}{amount(money.amount, money.currency)}"


def spending(film: Film, marketing: Marketing) -> str:
    """"MGM/UA reportedly spent less than $2 million (TV spots, ads)"."""
    by = names(film, marketing.by) or "The marketing"
    spend = marketing.spend
    figure = ""
    if spend is not None:
        reported = "reportedly " if spend.reported else ""
        figure = (f"{reported}spent {QUALIFIERS[spend.qualifier]}"
                  f"{amount(spend.amount, spend.currency)}")
    included = ", ".join(marketing.included)
    if not figure:
        return f"{by}: {included}" if included else ""
    return f"{by} {figure}" + (f" ({included})" if included else "")


def short_money(money: Money) -> str:
    """"less than $2 million": the amount and its qualifier in the words `money` uses,
    without "reportedly", for a bar's label."""
    return QUALIFIERS[money.qualifier] + amount(money.amount, money.currency)


def listing(items: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def names(film: Film, ids: list[str]) -> str:
    """The names of the records with *ids*, as a listing."""
    return listing([film.name(id) for id in ids])


def runtime(minutes: int) -> str:
    """"139 minutes (2 h 19 min)"; "45 minutes"."""
    hours, rest = divmod(minutes, 60)
    clock = f" ({hours} h {rest} min)" if hours and rest else f" ({hours} h)" if hours else ""
    return f"{minutes} minute{'s' if minutes != 1 else ''}{clock}"


def external_ids(ids: ExternalIds | None) -> str:
    """"IMDb tt0137523 · TMDB 550 · Wikidata Q190050": ids to look up, as plain text."""
    if ids is None:
        return ""
    parts = [f"IMDb {ids.imdb}" if ids.imdb else "", f"TMDB {ids.tmdb}" if ids.tmdb else "",
             f"Wikidata {ids.wikidata}" if ids.wikidata else ""]
    return " · ".join(part for part in parts if part)


def source_sentence(source: Source) -> str:
    """"From The Movie Database (TMDB), 30 November 2026: https://…"."""
    when = f", {spelled_date(source.retrieved)}" if source.retrieved else ""
    where = f": {source.url}" if source.url else ""
    return f"From {source.name}{when}{where}."


def ratings(film: Film) -> str:
    """The age ratings, by the name of the territory as it is shown ("Belgium KNT/ENA ·
    Brazil 18 · Bulgaria c"), not in the file's order (TMDB's is by country code)."""
    return " · ".join(f"{c.territory} {c.rating}" for c in
                      sorted(film.certifications, key=lambda c: fold(c.territory)))


def work_words(film: Film, work: SourceWork) -> str:
    """What "Based on" says of *work*: "Leaving Las Vegas, 1990 novel by John O'Brien";
    where its title is not known, only what is: "A novel by Chuck Palahniuk", "Characters by
    Robert B. Parker"."""
    published = f", {spelled_date(work.published)}" if work.published else ""
    by = f" by {names(film, work.authors)}" if work.authors else ""
    if work.title is None:
        article = "" if work.kind.endswith("s") else "An " if work.kind[:1] in "aeiou" else "A "
        kind = f"{article}{work.kind}" if article else work.kind.capitalize()
        return f"{kind}{published}{by}"
    return f"{work.title}{published} {work.kind}{by}"


def work_title(work: SourceWork) -> str:
    """The work by its title where it is known: "the novel “Leaving Las Vegas”"; else "the
    novel the film is based on"."""
    if work.title is None:
        return f"the {work.kind} the film is based on"
    return f"the {work.kind} “{work.title}”"


def release_title(release: Release) -> str:
    """"Limited release", "Premiere", "Festival screening"."""
    kind = release.kind.strip()
    named = {"premiere": "Premiere", "festival": "Festival screening",
             "physical": "Release on disc or tape", "digital": "Digital release",
             "television": "Television premiere"}.get(kind.lower())
    return named or f"{kind[:1].upper()}{kind[1:]} release"


def edition_title(edition: HomeMediaEdition) -> str:
    """"DVD", "VHS (Australia)", "Edition for the United Kingdom"."""
    where = ", ".join(edition.territories)
    if edition.format is None:
        return f"Edition for {where}" if where else "Edition"
    return f"{edition.format} ({where})" if where else edition.format


def edition_detail(film: Film, edition: HomeMediaEdition) -> str:
    parts = []
    if edition.distributor is not None:
        parts.append(f"From {film.name(edition.distributor)}.")
    if edition.languages:
        parts.append(f"In {listing(edition.languages)}.")
    if edition.detail:
        parts.append(edition.detail)
    return " ".join(parts)


def aggregate_figure(aggregate: Aggregate) -> str:
    """"91% of 53 reviews", "82/100 from 23 critics": short enough for a bar's label."""
    if aggregate.kind == "approval":
        figure = f"{aggregate.value:g}%"
        return f"{figure} of {aggregate.count:,} reviews" if aggregate.count else figure
    figure = f"{aggregate.value:g}/{aggregate.best:g}"
    return f"{figure}, {aggregate.count:,} reviews" if aggregate.count else figure


def aggregator_words(film: Film, aggregate: Aggregate) -> str:
    """The aggregator's own words, quoted as theirs and named as nothing more: a verdict
    ("universal acclaim") and a label ("press average") both read right."""
    return f"In {film.name(aggregate.source)}'s words: “{aggregate.verdict}”."


# -- the timeline ----------------------------------------------------------------------------

EventKind = Literal["source", "death", "release", "soundtrack", "home media"]


@dataclass(frozen=True)
class Event:
    """One dated fact on the timeline, gathered from wherever the film keeps it."""

    date: PartialDate
    title: str
    detail: str
    kind: EventKind


def events(film: Film) -> list[Event]:
    """Every dated fact of the film, in date order (stable for equal dates): its source
    works and their authors' deaths, its releases, its album and its home media."""
    found: list[Event] = []
    for work in film.source_works:
        by = f"by {names(film, work.authors)}. " if work.authors else ""
        if work.published is not None:
            title = f" “{work.title}”" if work.title else ""
            found.append(Event(work.published, f"{work.kind[:1].upper()}{work.kind[1:]}{title} "
                               "published",
                               f"{by}{work.description}".strip(), "source"))
        for author in work.authors:
            person = film.person(author)
            if person.died is not None:
                found.append(Event(person.died, f"{person.name} dies", person.bio, "death"))
    for release in film.releases:
        # Where, in the title: a film from TMDB has seventy releases, most on the same days.
        title = release_title(release)
        if release.territory:
            title += f", {release.territory}"
        rated = f"Rated {release.certification}" if release.certification else ""
        detail = "\n".join(part for part in (release.detail, rated) if part)
        found.append(Event(release.date, title, detail, "release"))
    soundtrack = film.soundtrack
    if soundtrack is not None and soundtrack.released is not None:
        found.append(Event(soundtrack.released, "Soundtrack album released",
                           " ".join(soundtrack.description), "soundtrack"))
    for edition in film.home_media:
        if edition.date is not None:
            found.append(Event(edition.date, f"{edition_title(edition)} released",
                               edition_detail(film, edition), "home media"))
    return sorted(found, key=lambda event: event.date.sort_key)


def undated_home_media(film: Film) -> list[HomeMediaEdition]:
    return [edition for edition in film.home_media if edition.date is None]
