"""Where the film's text names someone: lvtui's own records, whole words, longest first."""

from __future__ import annotations

from lvtui.mentions import Mention, Mentions
from lvtui.model import Film


def named(mentions: Mentions, text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.target) for m in mentions.find(text)]


def test_the_shipped_plot_links_characters_to_their_actors(film: Film) -> None:
    mentions = Mentions.of(film)
    first = named(mentions, film.plot[0])
    assert first[0] == ("Ben Sanderson", "nicolas-cage")  # the whole name, not "Ben"
    assert ("Sera", "elisabeth-shue") in first
    assert named(mentions, film.plot[1])[1:3] == [("Yuri Butsov", "julian-sands"),
                                                   ("Yuri", "julian-sands")]


def test_names_other_names_and_full_names_all_link(film: Film) -> None:
    mentions = Mentions.of(film)
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
