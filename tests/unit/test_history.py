"""Back and forward bookkeeping, without a screen."""

from __future__ import annotations

from lvtui.text.history import History, Place


def test_a_new_visit_forgets_the_way_forward_and_repeats_count_once() -> None:
    history = History(limit=3)
    a, b, c, d = (Place("film-0", section) for section in ("overview", "plot", "cast", "timeline"))
    history.left(a)
    history.left(a)  # the same place twice in a row is one step
    history.left(b)
    assert history.back(c) == b and history.back(b) == a and history.back(a) is None
    assert history.forward(a) == b
    history.left(b)  # somewhere new from b: c is no longer ahead
    assert not history.can_go_forward
    for place in (a, b, c, d):
        history.left(place)
    assert [history.back(d), history.back(d), history.back(d), history.back(d)] == [d, c, b, None]


def test_a_new_visit_in_the_film_before_forgets_the_film_left() -> None:
    # One history across films: back from a film and then somewhere new in the film before,
    # the film left is no longer ahead (as a browser forgets the pages ahead).
    history: History[Place] = History()
    first = Place("film-0", "overview")
    history.left(first)  # film-0 -> film-1
    assert history.back(Place("film-1", "cast")) == first and history.can_go_forward
    history.left(first)  # somewhere new in film-0
    assert not history.can_go_forward and history.forward(Place("film-0", "plot")) is None
