"""Find across the film: every word, any case and accent, counted per section, in order."""

from __future__ import annotations

from lvtui.reading.cast import CastRow
from lvtui.reading.finding import FindIndex, Hit
from lvtui.reading.sections import SECTION_IDS

UNITS = [("overview", "Leaving Las Vegas, directed by Mike Figgis"),
         ("plot", "Ben Sanderson drinks."),
         ("plot", "Sera meets Ben."),
         ("production", "Figgis shot it on 16 mm."),
         ("reception", "Leonard Klady (Variety): “certainly among…”")]
CAST = [CastRow("Nicolas Cage", "Ben Sanderson", None, "nicolas-cage"),
        CastRow("Elisabeth Shue", "Sera", None, "elisabeth-shue"),
        CastRow("Zoë Bén", "Bartender #3 in Biker Bar", None, "zoe")]


def index() -> FindIndex:
    return FindIndex.over(UNITS, CAST)


def test_every_word_any_case_any_accent() -> None:
    found = index().find("BEN")
    assert found.counts() == {"plot": 2, "cast": 2}
    assert found.summary() == "plot 2 · cast 2"
    assert index().find("ben sera").counts() == {"plot": 2}  # both words, marked: two
    assert index().find("zoe bartender 3").counts() == {"cast": 1}
    assert not index().find("klady nobody")
    assert len(index().find("")) == 0


def test_matches_are_in_reading_order_with_the_cast_in_its_place() -> None:
    found = FindIndex.over([*UNITS, ("soundtrack", "Sting sings it.")], CAST).find("s")
    hits = [found[n] for n in range(len(found))]
    sections = [hit.section for hit in hits]
    assert sections == sorted(sections, key=SECTION_IDS.index)  # the cast in its place
    assert sections.count("plot") == 5  # "Sanderson" twice, "drinks", "Sera", "meets"
    assert hits[:3] == [Hit("overview", unit=0, occurrence=n) for n in range(3)]
    at = sections.index("cast")
    assert hits[at:at + 3] == [Hit("cast", member=0), Hit("cast", member=1),  # not Zoë
                               Hit("production", unit=3)]
    assert [found.position(hit) for hit in hits] == list(range(len(hits)))


def test_each_match_in_a_paragraph_is_counted_and_stepped_to() -> None:
    """"canal" three times in one paragraph is three matches, not one."""
    found = FindIndex.over([("plot", "The canal, the Canal and the canál."),
                            ("production", "No water here.")], []).find("canal")
    assert len(found) == 3 and found.summary() == "plot 3"
    first = found.next(None, 1)
    assert first == Hit("plot", unit=0, occurrence=0)
    second = found.next(first, 1)
    assert second == Hit("plot", unit=0, occurrence=1)
    assert found.next(found.next(second, 1), 1) == first  # the third, then round
    assert found.next(first, -1) == Hit("plot", unit=0, occurrence=2)


def test_next_goes_round_and_starts_over_when_the_match_is_gone() -> None:
    found = index().find("figgis")
    first = found.next(None, 1)
    assert first == Hit("overview", unit=0)
    second = found.next(first, 1)
    assert second == Hit("production", unit=3)
    assert found.next(second, 1) == first  # round at the end
    assert found.next(first, -1) == second  # and at the start
    assert found.position(second) == 1
    assert found.next(Hit("plot", unit=1), 1) == first  # not a match: from the top
    assert found.next(None, -1) == second


def test_a_query_narrowed_then_widened_again_is_answered_alike() -> None:
    search = index()
    counts = [search.find(q).counts() for q in ("s", "se", "ser", "se", "s")]
    assert counts[0] == counts[4] and counts[1] == counts[3]
    assert counts[2] == {"plot": 1, "cast": 1}


def test_a_new_find_starts_from_the_section_you_are_in() -> None:
    found = index().find("figgis")  # overview, then production
    assert found.next(None, 1, "plot") == Hit("production", unit=3)
    assert found.next(None, 1, "reception") == Hit("overview", unit=0)  # round the end
    assert found.next(None, -1, "plot") == Hit("overview", unit=0)
    assert found.next(None, -1, "overview") == Hit("production", unit=3)  # round the start
    assert found.next(None, 1, "overview") == Hit("overview", unit=0)


def test_a_text_that_matches_millions_of_times_is_counted_and_marked_only_so_far() -> None:
    """Counted exactly, every match stepped to; spans are made for the first MARKED of the
    film only, and for the one shown (the last, after shift+enter)."""
    from lvtui.reading.finding import MARKED
    from lvtui.text.folding import Narrowing, nth_span

    plot = " ".join(["a"] * 2_000_000)
    found = FindIndex([("plot", "Ben and a cab."), ("plot", plot)], Narrowing(list)).find("a")
    assert found.counts() == {"plot": 2_000_003}
    assert len(found.spans(0) or ()) == 3
    assert len(found.spans(1) or ()) == MARKED - 3  # the rest are counted, not spanned
    last = found.next(None, -1)
    assert last == Hit("plot", unit=1, occurrence=1_999_999)
    assert nth_span(plot, "a", last.occurrence) == (3_999_998, 3_999_999)
    assert found.position(last) == len(found) - 1 == 2_000_002
