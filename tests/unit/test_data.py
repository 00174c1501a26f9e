"""The curated film: every fact of the seed article, none of its excerpt noise."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lvtui.film.loading import load_film, shipped_film_path
from lvtui.film.model import Film
from lvtui.reading.card import appearances
from lvtui.reading.cast import cast_rows
from lvtui.reading.wording import edition_title, events, undated_home_media

FILMS = Path(__file__).resolve().parents[1] / "films"

CAST = [
    ("Nicolas Cage", "Ben Sanderson"),
    ("Elisabeth Shue", "Sera"),
    ("Julian Sands", "Yuri Butsov"),
    ("Richard Lewis", "Peter"),
    ("Steven Weber", "Marc Nussbaum"),
    ("Emily Procter", "Debbie"),
    ("Valeria Golino", "Terri"),
    ("Thomas Kopache", "Mr. Simpson"),
    ("Laurie Metcalf", "Mrs. Van Houten"),
    ("French Stewart", "Business Man #2"),
    ("R. Lee Ermey", "Conventioneer"),
    ("Mariska Hargitay", "Hooker at Bar"),
    ("Julian Lennon", "Bartender #3 in Biker Bar"),
    ("Graham Beckel", "L.A. Bartender"),
    ("Albert Henderson", "Man at Strip Bar"),
    ("Carey Lowell", "Bank Teller"),
    ("Vincent Ward", "Businessman #1"),
    ("Lucinda Jenney", "Weird Woman"),
    ("Ed Lauter", "Mobster #3"),
    ("Mike Figgis", "Mobster #1"),
    ("Danny Huston", "Bartender #2"),
    ("Shawnee Smith", "Biker Girl"),
    ("Bob Rafelson", "Man at Mall"),
    ("Marc Coppola", "Dealer"),
    ("Michael Goorjian", "College Boy #1"),
    ("Jeremy Jordan", "College Boy #2"),
    ("Xander Berkeley", "Cynical Cabbie"),
    ("Lou Rawls", "Concerned Cabbie"),
]


def all_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_strings(item)


def test_cast_in_the_articles_order(film: Film) -> None:
    rows = cast_rows(film)
    assert [(row.actor, row.role) for row in rows] == CAST
    assert rows[24].credited_as == "Michael A. Goorjian"
    assert [row.actor for row in rows if row.credited_as] == ["Michael Goorjian"]


def test_every_person_and_organisation_once(film: Film) -> None:
    names = [record.name for record in [*film.people, *film.organizations]]
    assert len(names) == len(set(names))
    for name in ("John O'Brien", "Roger Ebert", "Rick Groen", "Leonard Klady", "Sting",
                 "Michael McDonald", "Mike Figgis"):
        assert name in names, name
    for name in ("United Artists", "RCV Film Distribution", "Atalanta Filmes",
                 "21st Century Film Corporation", "MGM/UA", "MGM Home Entertainment",
                 "Chicago Sun-Times", "The Globe and Mail", "Variety", "Rotten Tomatoes",
                 "Metacritic"):
        assert name in [o.name for o in film.organizations], name


def test_credits_and_novel(film: Film) -> None:
    figgis = [(c.job, c.department) for c in film.crew if c.person == "mike-figgis"]
    assert figgis == [("Director", "Directing"), ("Screenplay", "Writing"),
                      ("Original music", "Sound")]
    assert ("cast", "#20: Mobster #1") in appearances(film, "mike-figgis")
    assert [film.name(star) for star in film.stars] == ["Nicolas Cage", "Elisabeth Shue"]
    [novel] = film.source_works
    assert (novel.title, novel.kind, str(novel.published)) == ("Leaving Las Vegas", "novel",
                                                               "1990")
    assert [film.name(author) for author in novel.authors] == ["John O'Brien"]
    assert "semi-autobiographical" in novel.description
    obrien = film.person("john-o-brien")
    assert str(obrien.died) == "1994-04" and "suicide" in obrien.bio
    assert film.production.formats == ["Super 16 mm"]
    assert film.production.filming_days == 28
    marketing = film.marketing
    assert marketing is not None and marketing.spend is not None
    assert (marketing.spend.amount, marketing.spend.currency, marketing.spend.qualifier,
            marketing.spend.reported) == (2_000_000, "USD", "under", True)
    assert [film.name(by) for by in marketing.by] == ["MGM/UA"]
    assert [(d.territory, film.name(d.company)) for d in film.distribution] == [
        ("North America", "United Artists"),
        ("Europe", "RCV Film Distribution"),
        ("Europe", "Atalanta Filmes"),
        ("Australia", "21st Century Film Corporation"),
    ]
    filming = next(n for n in film.production.notes if n.topic == "Filming")
    assert any("instead of 35 mm" in p.text for p in filming.passages)
    assert any("composing his own score" in p.text for p in filming.passages)


def test_dated_events_keep_their_precision(film: Film) -> None:
    found = [(str(e.date), e.date.precision, e.kind) for e in events(film)]
    assert found == [
        ("1990", "year", "source"),
        ("1994-04", "month", "death"),
        ("1995-10-27", "day", "release"),
        ("1995-11-07", "day", "soundtrack"),
        ("1996-02-09", "day", "release"),
        ("1996-11-12", "day", "home media"),
        ("1998-01-01", "day", "home media"),
    ]
    assert sorted(edition_title(e) for e in undated_home_media(film)) == [
        "Blu-ray", "Edition for Australia", "Edition for United Kingdom", "HD DVD", "LaserDisc",
    ]
    dvd = next(e for e in film.home_media if e.format == "DVD")
    assert (dvd.territories, dvd.languages) == (["United States", "Canada"], ["English"])
    assert dvd.distributor == "mgm-home-entertainment"


def test_reception_figures(film: Film) -> None:
    reception = film.reception
    assert [(g.amount, g.currency) for g in reception.box_office] == [(49_800_000, "USD")]
    rt, mc = reception.aggregators
    assert (film.name(rt.source), rt.kind, rt.value, rt.count, rt.average) == (
        "Rotten Tomatoes", "approval", 91, 53, 7.6)
    assert rt.consensus.startswith("Oscar-awarded Nicolas Cage finds humanity")
    assert (film.name(mc.source), mc.kind, mc.value, mc.count, mc.verdict) == (
        "Metacritic", "score", 82, 23, "universal acclaim")
    assert [(film.name(r.critic), film.name(r.outlet or "")) for r in reception.reviews] == [
        ("Roger Ebert", "Chicago Sun-Times"),
        ("Rick Groen", "The Globe and Mail"),
        ("Leonard Klady", "Variety"),
    ]
    assert [(b.list, b.rank) for b in reception.best_of] == [
        ("Best of 1995", None),
        ("Best of the decade", 8),
    ]


def test_accolades(film: Film) -> None:
    won = {(a.award, a.category, tuple(a.nominees)) for a in film.accolades
           if a.result == "won"}
    assert ("Academy Awards", "Best Actor", ("nicolas-cage",)) in won
    assert ("Golden Globe Awards", "Best Actor – Motion Picture Drama", ("nicolas-cage",)) in won
    assert ("Independent Spirit Awards", "Best Film", ()) in won  # the film itself
    oscars = [a for a in film.accolades if a.award == "Academy Awards"]
    assert len(oscars) == 4  # "earned four Academy Award nominations"


def test_quotes_are_attributed(film: Film) -> None:
    quotes = [p for s in film.production.notes for p in s.passages if p.speaker]
    assert {q.speaker for q in quotes} == {"mike-figgis", "nicolas-cage"}
    casting = next(q for q in quotes if q.context == "to Film Critic")
    assert "I encouraged them [Cage and Shue] to do their own research" in casting.text


def test_soundtrack(film: Film) -> None:
    soundtrack = film.soundtrack
    assert soundtrack is not None
    assert str(soundtrack.released) == "1995-11-07"
    assert [film.name(p) for p in soundtrack.performers] == ["Mike Figgis", "Sting"]
    [song] = soundtrack.songs
    assert (song.title, song.performers, song.in_film, song.on_album) == (
        "Lonely Teardrops", ["michael-mcdonald"], True, False)


def test_the_schema_1_film_upgrades_to_the_shipped_facts(film: Film) -> None:
    """The 0.1.0 file, upgraded, holds the same cast, events and figures as the curation."""
    old = load_film(FILMS / "schema-1.json")
    # The same members as shown; schema 1 had no other names, which `also` holds.
    assert [row[:4] for row in cast_rows(old)] == [row[:4] for row in cast_rows(film)]
    assert [(e.date, e.kind) for e in events(old)] == [(e.date, e.kind) for e in events(film)]
    assert old.reception.aggregators == film.reception.aggregators
    assert old.accolades == film.accolades


NOISE = [
    r"\.\.\.\s*$",
    r" \.\.\.",
    r"may refer to",
    r"Golden means",
    r"Births, Marriages",
    r"review-aggregation website",
    r"daily newspaper",
    r"most populous city",
    r"West Slavic",
    r"Variety may refer",
    r"digital production company",
    r"home video division",
    r"age and Shueto",
    r"Grammy Hall of Fame",
    r"CSI: M\b",
    r"''",
]


def test_no_excerpt_noise() -> None:
    strings = list(all_strings(json.loads(shipped_film_path().read_text(encoding="utf-8"))))
    for pattern in NOISE:
        offenders = [s for s in strings if re.search(pattern, s)]
        assert not offenders, (pattern, offenders)


def test_nothing_invented() -> None:
    text = shipped_film_path().read_text(encoding="utf-8").lower()
    for absent in ("runtime", "budget_usd", "minutes"):
        assert absent not in text


def test_bios_are_complete_sentences(film: Film) -> None:
    people = {person.name: person for person in film.people}
    assert str(people["Ed Lauter"].died) == "2013-10-16"
    assert not people["Richard Lewis"].bio  # his excerpt was a disambiguation page
    for person in film.people:
        assert not person.bio or person.bio.endswith("."), person.name
        if person.born is not None:
            assert person.born.precision == "day", person.name


def test_people_are_filed_by_surname_or_their_sort_name(film: Film) -> None:
    from lvtui.reading.cast import filing_name

    assert filing_name(film, "graham-beckel") == "Beckel Graham"
    assert filing_name(film, "r-lee-ermey") == "Ermey R. Lee"
    assert filing_name(film, "sting") == "Sting"
    filed = film.model_copy(update={"people": [
        dataclasses.replace(person, sort_name="Penguern, Artus de")
        if person.id == "sting" else person for person in film.people]})
    filed.__dict__.pop("_records", None)  # the copy's look-up, made again from its people
    assert filing_name(filed, "sting") == "Penguern, Artus de"


def test_a_snippet_is_the_words_around_a_mention_and_a_huge_text_is_looked_at_in_part(
        film: Film) -> None:
    from lvtui.film.walk import names
    from lvtui.reading.card import MENTION_SCAN, mentioned_in, snippet
    from lvtui.text.mentions import Mentions

    text = "One two three four five six seven eight nine ten Sera eleven twelve thirteen."
    at = text.index("Sera")
    assert snippet(text, at, at + 4) == "…four five six seven eight nine ten Sera eleven twelve thirteen."
    assert snippet("Sera.", 0, 4) == "Sera."
    # A plot of a million letters naming her only past the part looked at: not listed, and
    # the card does not wait for the whole text to be searched.
    huge = film.model_copy(update={"plot": ["word " * (MENTION_SCAN // 5 + 10) + "Sera."]})
    assert [where for where, _ in mentioned_in(huge, "elisabeth-shue", Mentions(names(huge)))
            if where == "plot"] == []


def test_a_person_named_only_in_a_release_and_an_edition_is_mentioned_there(
        film_dict: dict[str, Any]) -> None:
    """The timeline links and finds a name in a release's detail, the soundtrack section in
    a home-media edition's: the card lists both among its mentions."""
    from lvtui.film.loading import parse_film
    from lvtui.film.walk import names
    from lvtui.reading.card import mentioned_in
    from lvtui.text.mentions import Mentions

    film_dict["people"].append({"id": "tess-orlov", "name": "Tess Orlov"})
    film_dict["releases"][0]["detail"] = "Introduced by Tess Orlov at the festival."
    film_dict["home_media"][0]["detail"] = "With a commentary by Tess Orlov."
    film = parse_film(json.dumps(film_dict).encode())
    assert mentioned_in(film, "tess-orlov", Mentions(names(film))) == [
        ("timeline", "Introduced by Tess Orlov at the festival."),
        ("soundtrack", "With a commentary by Tess Orlov.")]
