"""`lvtui import tmdb`: real recorded TMDB responses (tests/tmdb/SOURCES.md) become a film file."""

from __future__ import annotations

import itertools
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import AppFactory, Run, a_device, each_section, screen_text
from lvtui.cli.commands import main
from lvtui.film.loading import parse_film
from lvtui.film.model import Film
from lvtui.reading.card import appearances
from lvtui.reading.departments import further_crew
from lvtui.reading.wording import ratings, work_words
from lvtui.tmdb import build as tmdb
from lvtui.tmdb.characters import names_given, short_names
from lvtui.ui.screens.person_card import PersonCard
from lvtui.ui.widgets.fact_list import FactList

RESPONSES = Path(__file__).parent / "responses"
FIGHT_CLUB = ["movies-details.json", "movies-credits.json", "movies-release_dates.json",
              "movies-keywords.json", "movies-external_ids.json"]


def imported(*names: str) -> bytes:
    return tmdb.import_files([(name, (RESPONSES / name).read_bytes()) for name in names])


def lvtui(*args: str, cwd: Path = RESPONSES) -> subprocess.CompletedProcess[str]:
    """The real command line, in its own process."""
    return subprocess.run([sys.executable, "-m", "lvtui", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=60)


@pytest.fixture(scope="module")
def fight_club() -> Film:
    return parse_film(imported(*FIGHT_CLUB))


def raw(name: str) -> Any:
    return json.loads((RESPONSES / name).read_text(encoding="utf-8"))


def test_fight_club_from_five_responses_is_right(fight_club: Film) -> None:
    film = fight_club
    details, credits = raw("movies-details.json"), raw("movies-credits.json")
    assert (film.title, film.year, film.runtime, film.tagline) == (
        "Fight Club", 1999, 139, "Mischief. Mayhem. Soap.")
    assert film.countries == ["Germany", "United States"]
    assert film.languages == ["English"]
    # Cast: all 76, in billing order, people as records with their TMDB ids.
    assert len(film.cast) == len(credits["cast"]) == 76
    norton, pitt = film.billed_cast[:2]
    assert (film.name(norton.person), norton.character) == ("Edward Norton", "The Narrator")
    assert (film.name(pitt.person), pitt.character) == ("Brad Pitt", "Tyler Durden")
    assert pitt.character_other_names == ["Tyler"]  # the plot's "Tyler" links to him
    bob = next(c for c in film.cast if c.character == 'Robert "Bob" Paulson')
    assert "Bob" in bob.character_other_names and film.name(bob.person) == "Meat Loaf"
    person = film.person(pitt.person)
    assert person.external_ids is not None and person.external_ids.tmdb == 287
    # Crew: every credit, each person and job once; the novel is a source work.
    assert len(film.crew) == len({(c["id"], c["job"]) for c in credits["crew"]}) == 175
    director = next(c for c in film.crew if c.job == "Director")
    assert film.name(director.person) == "David Fincher"
    [novel] = film.source_works
    assert (novel.kind, [film.name(a) for a in novel.authors]) == ("novel", ["Chuck Palahniuk"])
    assert film.stars == [norton.person, pitt.person, film.billed_cast[2].person]
    # Money, as recorded (SOURCES.md: this recording says 2.8 billion).
    assert film.production.budget is not None and film.production.budget.amount == 63_000_000
    assert [g.amount for g in film.reception.box_office] == [details["revenue"]]
    # Releases: every dated one of TMDB's six types, in date order, with its territory.
    recorded = [r for country in raw("movies-release_dates.json")["results"]
                for r in country["release_dates"] if r["type"] in tmdb.RELEASE_KINDS]
    assert len(film.releases) == len(recorded)
    assert film.releases[0].kind == "premiere" and film.releases[0].territory == "Italy"
    assert film.releases[0].detail == "Venice Film Festival"
    assert [r.date.sort_key for r in film.releases] == sorted(r.date.sort_key
                                                              for r in film.releases)
    assert {r.kind for r in film.releases} <= set(tmdb.RELEASE_KINDS.values())
    assert any(c.territory == "United States" and c.rating == "R" for c in film.certifications)
    # Companies are organisations with TMDB ids; keywords; ids; where it came from.
    assert [film.name(c) for c in film.production_companies][:2] == [
        "Regency Enterprises", "Fox 2000 Pictures"]
    assert film.organization(film.production_companies[0]).external_ids.tmdb == 508  # type: ignore[union-attr]
    assert "dual identity" in film.keywords
    assert film.external_ids is not None
    assert (film.external_ids.tmdb, film.external_ids.imdb) == (550, "tt0137523")
    [source] = film.sources
    assert source.attribution == tmdb.NOTICE and source.url.endswith("/movie/550")


def test_the_same_responses_in_any_order_give_the_same_bytes() -> None:
    first = imported(*FIGHT_CLUB)
    for order in itertools.islice(itertools.permutations(FIGHT_CLUB), 1, None, 17):
        assert imported(*order) == first


def test_a_details_response_with_its_parts_appended_is_a_film_on_its_own() -> None:
    film = parse_film(imported("movies-details_with_append_to_response.json"))
    appended = raw("movies-details_with_append_to_response.json")
    assert (film.title, film.year) == ("Rock Crystal", 2004)
    assert len(film.cast) == len(appended["credits"]["cast"])
    assert [r.territory for r in film.releases] == ["Germany", "Austria"]
    assert [(c.territory, c.rating) for c in film.certifications] == [("Germany", "6")]
    assert film.keywords == ["mountain village"]
    assert film.external_ids is not None and film.external_ids.imdb == "tt0409732"
    assert film.external_ids.wikidata is None  # recorded as "wikidata": not an item id


def test_import_writes_the_file_and_it_opens(tmp_path: Path, run: Run) -> None:
    out = tmp_path / "films" / "fight-club.json"
    out.parent.mkdir()  # as for a shell's `>`, the folder is not made: see below
    result = lvtui("import", "tmdb", *FIGHT_CLUB, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == result.stderr == ""
    assert out.read_bytes() == imported(*FIGHT_CLUB)
    assert [p.name for p in out.parent.iterdir()] == ["fight-club.json"]  # no part file left
    assert run("validate", str(out)).returncode == 0


def test_import_without_o_writes_the_film_to_standard_output(
        capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(RESPONSES)
    assert main(["import", "tmdb", *reversed(FIGHT_CLUB)]) == 0
    assert capsysbinary.readouterr() == (imported(*FIGHT_CLUB), b"")


@pytest.mark.parametrize(("document", "says"), [
    ('{"status_code": 34, "status_message": "The resource you requested could not be found.",'
     ' "success": false}', "is a TMDB error (34: The resource you requested could not be found.)"),
    ('{"Title": "Fight Club", "Year": "1999", "Response": "True"}', "looks like an OMDb response"),
    (None, "is a film file, not a TMDB response"),
    ("[1, 2]", "is not a TMDB response (not a JSON object)"),
    ("{not json", "is not JSON"),
])
def test_what_is_not_a_tmdb_response_is_refused_in_one_line(
        tmp_path: Path, run: Run, document: str | None, says: str) -> None:
    path = tmp_path / "input.json"
    if document is None:
        path.write_bytes((Path(__file__).parents[2] / "data" / "film.json").read_bytes())
    else:
        path.write_text(document, encoding="utf-8")
    out = tmp_path / "out.json"
    result = run("import", "tmdb", "movies-credits.json", str(path), "-o", str(out),
                 cwd=RESPONSES)
    status, stdout, stderr = result.returncode, result.stdout, result.stderr
    assert (status, stdout) == (65, "")
    assert stderr.count("\n") == 1 and says in stderr, stderr
    assert stderr.startswith(str(path))
    assert not out.exists() and list(tmp_path.iterdir()) == [path]


def test_responses_for_two_movies_or_none_are_refused(run: Run) -> None:
    def import_(*names: str) -> tuple[int, str, str]:
        result = run("import", "tmdb", *names, cwd=RESPONSES)
        return result.returncode, result.stdout, result.stderr

    assert import_("movies-credits.json", "movies-details_with_append_to_response.json") == (
        65, "", "movies-details_with_append_to_response.json: is for TMDB movie 12313, the "
                "others for 550\n")
    status, _, stderr = import_("search-movie.json")
    assert status == 65 and "is a TMDB search result" in stderr
    assert import_("movies-credits.json") == (
        65, "", "no movie details response among them (/movie/{id})\n")
    # A person the film's credits do not name is another film's: refused, never dropped.
    assert import_(*FIGHT_CLUB, "people-details.json") == (
        65, "", "people-details.json: is TMDB person 12312 (Richard Anderson), whom the "
                "credits of movie 550 do not name\n")
    status, _, stderr = import_("nowhere.json")
    assert status == 66 and stderr.startswith("nowhere.json: cannot be read")


def test_a_character_gives_a_name_only_where_it_is_a_persons_name(fight_club: Film) -> None:
    """Fight Club's 76 real characters: a short name is derived from a person's name alone,
    never from a description, a title, a quote or a role (it would link every "Next" and
    "Car" of the text to an actor)."""
    derived = {name for credit in fight_club.cast for name in credit.character_other_names}
    assert derived == {"Tyler", "Marla", "Bob", "Richard", "Salvator", "Susan", "Raymond",
                       "Riley Wilde", "Riley"}
    assert [names_given(character) for character in (
        "Commissioner Jacobs", "Next Month's Opponent", "Car Salesman", "BMW Salesman",
        "Angel Face", "Fight Patron Saying 'I don't know. What's going on?' (uncredited)",
        "Mr. Simpson", "The Narrator", "Chief Zed", "Security Guard", "Van Driver")] == [[]] * 11
    assert names_given('Robert "Bob" Paulson') == ["Bob"]
    assert names_given("Kang Sae-byeok / Player 067") == ["Kang Sae-byeok", "Kang"]
    # Two more real films: their agents, captains, players and sailors give no name.
    for response, names in (
            ("movie-607-men-in-black-appended.json", {"James Edwards", "James", "Jack"}),
            ("movie-10140-narnia-appended.json", {"Lucy", "Edmund", "Eustace", "Susan",
                                                  "Peter"})):
        film = Film.model_validate_json(imported(response))
        assert {name for credit in film.cast for name in credit.character_other_names} == names
    # Credits in another language: the words of roles are known in English alone.
    assert names_given("Bürgermeister Andreas", english=False) == []
    assert names_given('Robert "Bob" Paulson', english=False) == ["Bob"]
    # A name two characters, or a character and a person, could answer to is no one's.
    assert short_names(["Tyler Durden", "Tyler Smith", "Ed Roe"]) == [[], [], ["Ed"]]
    assert short_names(["Tyler Durden"], taken=["Tyler"]) == [[]]


EXPECTED = {
    "overview": ["Fight Club (1999)", "“Mischief. Mayhem. Soap.”", "139 minutes (2 h 19 min)",
                 "David Fincher", "A novel by Chuck Palahniuk", "Regency Enterprises",
                 "Germany 18", "dual identity", "IMDb tt0137523 · TMDB 550",
                 "$2.8 billion", "This product uses the TMDB API"],
    "plot": ["This film file has no plot."],
    "cast": ["76 of 76", "Edward Norton", "The Narrator"],
    "production": ["Crew", "Sound", "Foley Artist"],
    "timeline": ["Premiere, Italy · 10 September 1999"],
}


async def test_a_film_from_tmdb_reads_in_every_section_and_its_cards(
        make_app: AppFactory) -> None:
    film = parse_film(imported(*FIGHT_CLUB))
    app = make_app(film)
    async with app.run_test(size=(100, 200)) as pilot:
        async for section, text in each_section(pilot):
            for expected in EXPECTED.get(section, []):
                assert expected in text, f"{expected!r} not in {section}"
            assert "None" not in text and "()" not in text
        # The overview names who heads each department; the rest are in production.
        assert "Mike Topoozian" not in app.film_screen.query_one("#overview").query_one(FactList).plain_text()
        await pilot.press("3", "j", "enter")
        assert isinstance(app.screen, PersonCard)
        card = screen_text(app)
        assert "Brad Pitt" in card and "TMDB 287" in card and "#2: Tyler Durden" in card
        foley = next(c.person for c in film.crew if c.job == "Foley Artist")
        app.film_screen.open_record(foley)
        await pilot.pause()
        assert "Foley Artist" in screen_text(app)
        assert [where for where, _ in appearances(film, foley)] == ["production"]


def test_a_person_response_gives_the_record_its_dates_bio_names_and_ids() -> None:
    """Richard Anderson's recorded /person response, for a credit that names him."""
    responses = tmdb.read_responses([(n, (RESPONSES / n).read_bytes()) for n in (
        "movies-details_with_append_to_response.json", "people-details.json")])
    assert list(responses.people) == [12312]
    builder = tmdb._Builder(responses, responses.movie or {})
    id = builder._person({"id": 12312, "name": "Richard Anderson"})
    person = builder.people[12312]
    assert id == person["id"] == "richard-anderson"
    assert (person["born"], person["died"]) == ("1926-08-08", "2017-08-31")
    assert person["bio"].startswith("Richard Norman Anderson\xa0(born August 8, 1926)")
    # Other names in the script of his name; the Cyrillic ones would crowd his card.
    assert person["other_names"] == ["Dick Anderson", "Richard Norman Anderson"]
    assert person["external_ids"] == {"tmdb": 12312, "imdb": "nm0027323"}


@pytest.mark.parametrize(("name", "responses"), [
    ("fight-club", FIGHT_CLUB), ("rock-crystal", ["movies-details_with_append_to_response.json"])])
def test_the_films_kept_in_tests_films_are_what_import_makes(name: str,
                                                            responses: list[str]) -> None:
    """Two real films nobody tuned lvtui for, kept beside the example films; made again
    whenever the importer changes (lvtui import tmdb ... -o tests/films/NAME.json)."""
    kept = Path(__file__).parents[1] / "films" / f"{name}.json"
    assert kept.read_bytes() == imported(*responses)


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_response_that_is_no_file_is_refused_at_once(run: Run, tmp_path: Path,
                                                       kind: str) -> None:
    path = tmp_path / "movie.json"
    if kind == "fifo":
        os.mkfifo(path)  # read as a file, it would wait for a writer for ever
    else:
        path.symlink_to(a_device(tmp_path / "zero"))
    result = run("import", "tmdb", str(path))
    assert (result.returncode, result.stdout) == (66, "")
    assert result.stderr == f"{path}: cannot be read (is not a regular file (a pipe, socket " \
                            "or device))\n"


def test_based_on_says_what_tmdb_knows_and_invents_no_title() -> None:
    """TMDB credits the author of a comic book or a novel, not its title: the film's own
    title is not the book's (Men in Black's comic book was "The Men in Black")."""
    film = Film.model_validate_json(imported("movie-607-men-in-black-appended.json"))
    [work] = film.source_works
    assert (work.title, work.kind, film.name(work.authors[0])) == \
        (None, "comic book", "Lowell Cunningham")
    assert work_words(film, work) == "A comic book by Lowell Cunningham"
    assert ("overview", "Author of the comic book the film is based on") in \
        appearances(film, work.authors[0])


@pytest.mark.parametrize("response", sorted(path.name for path in RESPONSES.glob("*.json")))
def test_a_tmdb_answer_opened_as_a_film_says_so_in_one_line(run: Run, response: str) -> None:
    """Not 37 schema errors: what the file is, and how to make a film of it."""
    result = run("validate", str(RESPONSES / response))
    assert (result.returncode, result.stdout) == (65, "")
    assert result.stderr == (f"{RESPONSES / response}: is a TMDB answer, not a film file: 'lvtui import "
                   "tmdb FILE ...' makes a film of it (with the film's credits and other "
                   "answers, in any order)\n")


def test_the_crew_comes_in_the_order_credits_give_departments(fight_club: Film) -> None:
    """Not TMDB's order (Production, Costume & Make-Up, Art, ... Crew, Directing): the one
    film credits use; "Crew" is a department under its heading, not the heading too."""
    assert list(further_crew(fight_club)) == [
        "Directing", "Production", "Camera", "Editing", "Art", "Costume & Make-Up", "Sound",
        "Visual Effects", "Lighting", "Crew"]


def test_import_o_honours_the_umask_and_says_why_it_cannot_write(tmp_path: Path) -> None:
    out = tmp_path / "fight-club.json"
    before = os.umask(0o027)
    try:  # the child lvtui inherits it
        assert lvtui("import", "tmdb", *FIGHT_CLUB, "-o", str(out)).returncode == 0
    finally:
        os.umask(before)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # not mkstemp's 0600
    folder = lvtui("import", "tmdb", *FIGHT_CLUB, "-o", str(tmp_path))
    assert (folder.returncode, folder.stderr) == (
        73, f"{tmp_path}: cannot be written (it is a folder: give a file name in it)\n")
    nowhere = lvtui("import", "tmdb", *FIGHT_CLUB, "-o", str(tmp_path / "none" / "f.json"))
    assert (nowhere.returncode, nowhere.stderr) == (
        73, f"{tmp_path / 'none' / 'f.json'}: cannot be written (there is no folder "
            f"{tmp_path / 'none'}: make it first)\n")
    assert not (tmp_path / "none").exists()


def test_ratings_come_in_the_order_of_the_names_shown(fight_club: Film) -> None:
    """TMDB lists them by country code: "Belgium · Bulgaria · Brazil" read as no order."""
    said = ratings(fight_club)
    territories = [c.territory for c in fight_club.certifications]
    assert said.index("Belgium") < said.index("Brazil") < said.index("Bulgaria")
    assert said.startswith("Argentina 18 · Australia R18+") and \
        said.count(" · ") == len(territories) - 1
