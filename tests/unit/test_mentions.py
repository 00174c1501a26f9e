"""Where the film's text names someone: lvtui's own records, whole words, longest first."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lvtui.film.loading import load_film
from lvtui.film.model import Film
from lvtui.film.walk import names
from lvtui.text.mentions import LONGEST_NAME, Mention, Mentions


def named(mentions: Mentions, text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.target) for m in mentions.find(text)]


def test_the_shipped_plot_links_characters_to_their_actors(film: Film) -> None:
    mentions = Mentions(names(film))
    first = named(mentions, film.plot[0])
    assert first[0] == ("Ben Sanderson", "nicolas-cage")  # the whole name, not "Ben"
    assert ("Sera", "elisabeth-shue") in first
    assert named(mentions, film.plot[1])[1:3] == [("Yuri Butsov", "julian-sands"),
                                                   ("Yuri", "julian-sands")]


def test_names_other_names_and_full_names_all_link(film: Film) -> None:
    mentions = Mentions(names(film))
    text = "Figgis adapted John O'Brien; Nicolas Kim Coppola, MGM/UA and Sting's album."
    assert named(mentions, text) == [
        ("Figgis", "mike-figgis"), ("John O'Brien", "john-o-brien"),
        ("Nicolas Kim Coppola", "nicolas-cage"), ("MGM/UA", "mgm-ua"), ("Sting", "sting")]


def test_only_whole_words_exactly_as_written() -> None:
    mentions = Mentions([("Ann", "ann"), ("Bo", "bo"), ("Sting", "sting")])
    assert named(mentions, "Annual Anna ann ANN Ann's (Ann) Bob Bo_ Stinging") == [
        ("Ann", "ann"), ("Ann", "ann")]


def test_the_longest_name_wins_and_mentions_never_overlap() -> None:
    mentions = Mentions([("Marc", "marc"), ("Marc Coppola", "marc-coppola"),
                         ("Coppola", "someone")])
    assert named(mentions, "Marc Coppola, then Marc, then Coppola.") == [
        ("Marc Coppola", "marc-coppola"), ("Marc", "marc"), ("Coppola", "someone")]


def test_a_name_two_records_share_links_to_neither() -> None:
    mentions = Mentions([("Coppola", "marc-coppola"), ("Coppola", "nicolas-cage"),
                         ("Marc Coppola", "marc-coppola"), ("Nicolas", "nicolas-cage")])
    assert named(mentions, "Coppola met Marc Coppola and Nicolas.") == [
        ("Marc Coppola", "marc-coppola"), ("Nicolas", "nicolas-cage")]
    # The same name twice for one record is not shared.
    assert named(Mentions([("Sting", "sting"), ("Sting", "sting")]), "Sting") == [
        ("Sting", "sting")]


def test_hostile_names_are_found_as_plain_text_or_not_at_all() -> None:
    mentions = Mentions([("[b]Bo[/b]", "markup"), ("Zoë [@click=app.quit]x[/]", "click"),
                         ("X", "one-letter"), ("", "empty"), ("\u200b", "no-word"),
                         ("Élodie", "accented")])
    text = "[b]Bo[/b] and Bo[/b] and Zoë [@click=app.quit]x[/] and X and Élodie."
    # A name starting with "[" is no word: it can never be found, so it is never a link.
    assert named(mentions, text) == [("Zoë [@click=app.quit]x[/]", "click"),
                                     ("Élodie", "accented")]


def test_a_mention_carries_its_section_only_when_lvtui_gives_one() -> None:
    assert Mention(0, 3, "sting").section is None
    assert Mention(0, 3, "sting", "cast").section == "cast"


def reference(names: list[tuple[str, str]], text: str) -> list[tuple[int, int, str]]:
    """The rules, written as plainly as possible (and slowly): at each word of the text,
    not inside an earlier mention, try every name, longest first."""
    owners: dict[str, str] = {}
    for name, target in names:
        if 2 <= len(name) <= LONGEST_NAME and re.match(r"\w", name):
            owners[name] = target if owners.get(name, target) == target else ""
    found, taken = [], 0
    for word in re.finditer(r"\w+", text):
        start = word.start()
        if start < taken:
            continue
        for name in sorted(owners, key=len, reverse=True):
            end = start + len(name)
            if text.startswith(name, start) and not (
                    end < len(text) and (text[end].isalnum() or text[end] == "_")
                    and (name[-1].isalnum() or name[-1] == "_")):
                if owners[name]:
                    found.append((start, end, owners[name]))
                taken = end
                break
    return found


WORDS = st.sampled_from(["Ann", "Anna", "An", "Bo", "Bob", "é", "Émile", "x_y", "9"])
SEPARATORS = st.sampled_from([" ", "  ", "'", "-", ", ", "\n", "_", "s "])


@st.composite
def phrases(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORDS, min_size=1, max_size=4))
    return "".join(word + draw(SEPARATORS) for word in words[:-1]) + words[-1]


@given(names=st.lists(st.tuples(phrases(), st.sampled_from(["a", "b", "c"])), max_size=12),
       text=st.lists(phrases(), max_size=12).map(" ".join))
@settings(max_examples=300, deadline=None)
def test_find_follows_the_rules_as_plainly_written(names: list[tuple[str, str]],
                                                   text: str) -> None:
    assert [(m.start, m.end, m.target) for m in Mentions(names).find(text)] == \
        reference(names, text)


def test_names_over_the_longest_are_never_looked_for() -> None:
    long = "Ann " * LONGEST_NAME
    mentions = Mentions([(long, "long"), ("Ann", "ann")])
    assert {m.target for m in mentions.find(long)} == {"ann"}


def test_a_hostile_film_naming_someone_100_000_times_is_linked_in_seconds(
        write_film: Callable[..., Path]) -> None:
    """A valid film file: 10,000 people whose names all start with the word its plot says
    100,000 times. Tried name by name at each word, as lvtui once did, this takes minutes
    (1,000,000,000 comparisons); in one pass, well under a second."""
    people = [{"id": f"p{number}", "name": f"Amélie Poulain {number}"}
              for number in range(10_000)]
    path = write_film({
        "schema_version": 2, "title": "Le Fabuleux Destin", "year": 2001,
        "people": [*people, {"id": "audrey", "name": "Audrey Tautou"}],
        "cast": [{"person": "audrey", "character": "Amélie Poulain",
                  "character_other_names": ["Amélie"]}],
        "plot": ["Amélie " * 100_000]})
    film = load_film(path)
    outcome: list[list[Mention]] = []
    worker = threading.Thread(target=lambda: outcome.append(Mentions(names(film)).find(film.plot[0])),
                              daemon=True)
    worker.start()
    worker.join(timeout=30)  # a generous bound for a loaded machine: the pass takes ~0.5 s
    assert not worker.is_alive(), "finding the names took minutes, as a quadratic pass would"
    assert len(outcome[0]) == 100_000 and {m.target for m in outcome[0]} == {"audrey"}


def test_the_film_s_title_is_the_film_never_a_person(film: Film) -> None:
    """A lead whose character has the film's name ("Amélie"): the title, wherever it is
    written, and any name inside the original title, link to no one."""
    titled = film.model_copy(update={"title": "Sera",
                                     "original_title": "Sera und Ben Sanderson"})
    mentions = Mentions(names(titled))
    assert named(mentions, "Sera (1995) won. Sera und Ben Sanderson, in German.") == []
    assert named(mentions, "Elisabeth Shue plays her; Ben Sanderson drinks.") == [
        ("Elisabeth Shue", "elisabeth-shue"), ("Ben Sanderson", "nicolas-cage")]
