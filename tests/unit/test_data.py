"""The curated film: every fact of the seed article, none of its excerpt noise."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lvtui.loading import shipped_film_path
from lvtui.model import Film

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
    assert [(m.actor, m.role) for m in film.cast] == CAST
    goorjian = film.cast[24]
    assert goorjian.credited_as == "Michael A. Goorjian"
    assert [m.actor for m in film.cast if m.credited_as] == ["Michael Goorjian"]


def test_credits_and_novel(film: Film) -> None:
    assert (film.director, film.screenwriter, film.composer) == ("Mike Figgis",) * 3
    assert film.stars == ["Nicolas Cage", "Elisabeth Shue"]
    novel = film.source_novel
    assert novel is not None
    assert (novel.title, novel.author, str(novel.published)) == (
        "Leaving Las Vegas",
        "John O'Brien",
        "1990",
    )
    assert "semi-autobiographical" in novel.description
    assert film.film_format is not None and film.film_format.gauge == "Super 16 mm"
    assert film.production.filming_days == 28
    assert film.marketing is not None and film.marketing.spend_under_usd == 2_000_000
    territories = {d.territory: d.companies for d in film.distributors}
    assert territories == {
        "North America": ["United Artists"],
        "Europe": ["RCV Film Distribution", "Atalanta Filmes"],
        "Australia": ["21st Century Film Corporation"],
    }


def test_dated_events_keep_their_precision(film: Film) -> None:
    events = [(str(e.date), e.date.precision, e.kind) for e in film.events()]
    assert events == [
        ("1990", "year", "novel"),
        ("1994-04", "month", "death"),
        ("1995-10-27", "day", "release"),
        ("1995-11-07", "day", "soundtrack"),
        ("1996-02-09", "day", "release"),
        ("1996-11-12", "day", "home media"),
        ("1998-01-01", "day", "home media"),
    ]
    assert sorted(m.format for m in film.undated_home_media()) == [
        "Australian edition",
        "Blu-ray",
        "HD DVD",
        "LaserDisc",
        "UK edition",
    ]


def test_reception_figures(film: Film) -> None:
    reception = film.reception
    assert reception.box_office_usd == 49_800_000
    rt, mc = reception.rotten_tomatoes, reception.metacritic
    assert rt is not None and (rt.approval_percent, rt.reviews, rt.average) == (91, 53, 7.6)
    assert rt.consensus.startswith("Oscar-awarded Nicolas Cage finds humanity")
    assert mc is not None and (mc.score, mc.critics, mc.verdict) == (82, 23, "universal acclaim")
    assert [(c.critic, c.outlet) for c in reception.critics] == [
        ("Roger Ebert", "Chicago Sun-Times"),
        ("Rick Groen", "The Globe and Mail"),
        ("Leonard Klady", "Variety"),
    ]
    assert [(b.list_name, b.rank) for b in reception.best_of] == [
        ("Best of 1995", None),
        ("Best of the decade", 8),
    ]


def test_accolades(film: Film) -> None:
    won = {(a.award, a.category, a.nominee) for a in film.accolades if a.result == "won"}
    assert ("Academy Awards", "Best Actor", "Nicolas Cage") in won
    assert ("Golden Globe Awards", "Best Actor – Motion Picture Drama", "Nicolas Cage") in won
    oscars = [a for a in film.accolades if a.award == "Academy Awards"]
    assert len(oscars) == 4  # "earned four Academy Award nominations"


def test_quotes_are_attributed(film: Film) -> None:
    quotes = [p for s in film.production.sections for p in s.passages if p.is_quote]
    assert {q.speaker for q in quotes} == {"Mike Figgis", "Nicolas Cage"}
    casting = next(q for q in quotes if q.context == "to Film Critic")
    assert "I encouraged them [Cage and Shue] to do their own research" in casting.text


def test_soundtrack(film: Film) -> None:
    assert film.soundtrack is not None
    assert str(film.soundtrack.released) == "1995-11-07"
    assert [s.title for s in film.soundtrack.left_out] == ["Lonely Teardrops"]


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
    bios = {m.actor: m.bio for m in film.cast if m.bio is not None}
    assert bios["Ed Lauter"].died is not None and str(bios["Ed Lauter"].died) == "2013-10-16"
    assert "Richard Lewis" not in bios  # his excerpt was a disambiguation page
    for actor, bio in bios.items():
        assert bio.summary.endswith("."), actor
        assert bio.born is not None and bio.born.precision == "day", actor
