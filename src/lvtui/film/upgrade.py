"""Schema 1 -> schema 2: a validated schema-1 film as a schema-2 document.

Schema 1 named people by strings wherever they appeared; schema 2 keeps each person and
organisation once, as a record with an id, and refers to them. Names that are the same
after folding become one record. Sentences schema 1 kept in fields of their own
(the score note, the format's reason) become production notes, so no fact is lost.

No textual import here; a test proves it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from lvtui.film.model import SCHEMA_VERSION
from lvtui.film.schema_v1 import FilmV1
from lvtui.text.folding import fold


def upgrade(old: FilmV1) -> dict[str, Any]:
    """The schema-2 document for *old*, ready for :class:`lvtui.film.model.Film`."""
    records = _Records()
    person, organization = records.person, records.organization

    cast = []
    for member in old.cast:
        bio = member.bio
        pid = person(member.actor, full_name=bio.full_name if bio else None,
                     born=str(bio.born) if bio and bio.born else None,
                     died=str(bio.died) if bio and bio.died else None,
                     bio=bio.summary if bio else "")
        cast.append(_compact(person=pid, character=member.role, credited_as=member.credited_as))
    crew = [dict(person=person(old.director), job="Director", department="Directing"),
            dict(person=person(old.screenwriter), job="Screenplay", department="Writing"),
            dict(person=person(old.composer), job="Original music", department="Sound")]
    notes: list[dict[str, Any]] = []
    source_works = []
    novel = old.source_novel
    if novel is not None:
        author = person(novel.author, died=str(novel.author_died) if novel.author_died else None,
                        bio=" ".join(novel.about_author))
        source_works.append(_compact(title=novel.title, kind="novel", authors=[author],
                                     published=str(novel.published),
                                     description=novel.description))
        crew.append(dict(person=author, job="Novel", department="Source"))
    for section in old.production.sections:
        notes.append(dict(topic=section.topic, passages=[
            _compact(text=p.text, speaker=person(p.speaker) if p.speaker else None,
                     context=p.context) for p in section.passages]))
    formats = []
    if old.film_format is not None:
        fmt = old.film_format
        formats.append(fmt.gauge)
        instead = [f"Shot on {fmt.gauge} instead of {fmt.instead_of}."] if fmt.instead_of else []
        passages = [*instead, *(text for text in (fmt.reason, fmt.context) if text)]
        if passages:
            notes.append(dict(topic="Format", passages=[dict(text=t) for t in passages]))
    if old.score_note:
        notes.append(dict(topic="Music", passages=[dict(text=old.score_note)]))

    marketing = None
    if old.marketing is not None:
        m = old.marketing
        spend = None if m.spend_under_usd is None else dict(
            amount=m.spend_under_usd, currency="USD", qualifier="under", reported=m.reported)
        marketing = _compact(by=[organization(m.by)], spend=spend, included=list(m.included))

    reception = old.reception
    aggregators = []
    if reception.rotten_tomatoes is not None:
        rt = reception.rotten_tomatoes
        aggregators.append(_compact(
            source=organization("Rotten Tomatoes", description="A review aggregator."),
            kind="approval", value=rt.approval_percent, count=rt.reviews, average=rt.average,
            consensus=rt.consensus))
    if reception.metacritic is not None:
        mc = reception.metacritic
        aggregators.append(_compact(
            source=organization("Metacritic", description="A review aggregator."),
            kind="score", value=mc.score, count=mc.critics, verdict=mc.verdict))
    reviews = [_compact(critic=person(r.critic),
                        outlet=organization(r.outlet) if r.outlet else None,
                        verdict=r.verdict, quote=r.quote) for r in reception.critics]
    best_of = [_compact(critic=person(b.critic), list=b.list_name, rank=b.rank)
               for b in reception.best_of]
    box_office = ([dict(amount=reception.box_office_usd, currency="USD")]
                  if reception.box_office_usd is not None else [])

    accolades = []
    for accolade in old.accolades:
        film_itself = fold(accolade.nominee) == fold(old.title)
        accolades.append(dict(award=accolade.award, category=accolade.category,
                              nominees=[] if film_itself else [person(accolade.nominee)],
                              result=accolade.result))

    soundtrack = None
    if old.soundtrack is not None:
        s = old.soundtrack
        songs = [_compact(title=song.title,
                          performers=[person(song.performer)] if song.performer else [],
                          in_film=True, on_album=False, note=song.note) for song in s.left_out]
        soundtrack = _compact(released=str(s.released) if s.released else None,
                              description=list(s.contents), songs=songs)

    home = old.home_media
    distributor = organization(home.distributor) if home.distributor else None
    home_media = [_compact(format=r.format, date=str(r.date) if r.date else None,
                           distributor=distributor, detail=r.detail) for r in home.releases]
    home_media += [dict(detail=note) for note in home.notes]

    document = _compact(
        schema_version=SCHEMA_VERSION, title=old.title, year=old.year, genres=list(old.genres),
        countries=[old.country] if old.country else [],
        languages=[old.language] if old.language else [], summary=list(old.summary),
        cast=cast, crew=crew, stars=[person(star) for star in old.stars],
        source_works=source_works,
        distribution=[dict(company=organization(company), territory=d.territory)
                      for d in old.distributors for company in d.companies],
        marketing=marketing,
        production=_compact(notes=notes, filming_days=old.production.filming_days,
                            formats=formats),
        plot=list(old.plot),
        releases=[_compact(date=str(r.date), kind=_release_kind(r.title),
                           territory=r.territory, detail=r.detail) for r in old.releases],
        reception=_compact(box_office=box_office, aggregators=aggregators, reviews=reviews,
                           best_of=best_of, notes=[reception.box_office_note]
                           if reception.box_office_note else []),
        accolades=accolades,
        accolade_notes=[old.accolades_note] if old.accolades_note else [],
        soundtrack=soundtrack, home_media=home_media, categories=list(old.categories),
    )
    # Records last in the code, first in the file: they are only complete now.
    return {"schema_version": SCHEMA_VERSION, "people": records.people,
            "organizations": records.organizations, **document}


def _release_kind(title: str) -> str:
    """"Limited release" -> "limited"; anything else is kept as it was written."""
    kind = re.sub(r"\s+release$", "", title.strip(), flags=re.IGNORECASE)
    return kind.lower() if kind else title


def _compact(**fields: Any) -> dict[str, Any]:
    """The fields that hold something: schema 2 leaves defaults out."""
    return {key: value for key, value in fields.items() if value not in (None, "", [], {})}


class _Records:
    """People and organisations met while upgrading, each once, by folded name."""

    def __init__(self) -> None:
        self.people: list[dict[str, Any]] = []
        self.organizations: list[dict[str, Any]] = []
        self._ids: dict[str, str] = {}  # folded name -> id
        self._by_id: dict[str, dict[str, Any]] = {}
        self._numbers: dict[str, int] = {}  # the last number each id base was given

    def person(self, name: str, **facts: Any) -> str:
        return self._record(self.people, name, facts)

    def organization(self, name: str, **facts: Any) -> str:
        return self._record(self.organizations, name, facts)

    def _record(self, into: list[dict[str, Any]], name: str, facts: dict[str, Any]) -> str:
        key = fold(name)
        if key in self._ids:
            record = self._by_id[self._ids[key]]
            for field, value in _compact(**facts).items():
                record.setdefault(field, value)  # the first mention with a fact gives it
            return self._ids[key]
        id = self._new_id(name)
        record = _compact(id=id, name=name, **facts)
        into.append(record)
        self._ids[key], self._by_id[id] = id, record
        return id

    def _new_id(self, name: str) -> str:
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        base = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:56] or "record"
        # Numbered from where this base's last id left off, not from 2 each time: 20,000
        # names that all make "a" took 23 s, one try after another.
        id, number = base, self._numbers.get(base, 1)
        while id in self._by_id:
            number += 1
            id = f"{base}-{number}"
        self._numbers[base] = number
        return id
