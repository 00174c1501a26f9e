"""How lvtui words a film's facts: figures people read at a glance."""

from __future__ import annotations

from lvtui.film.model import Aggregate, Film
from lvtui.reading.wording import aggregate_figure, aggregator_words, runtime


def test_large_counts_have_thousands_separators(film: Film) -> None:
    source = film.reception.aggregators[0].source
    approval = Aggregate(source=source, kind="approval", value=91, count=25_000)
    score = Aggregate(source=source, kind="score", value=3.9, best=5, count=1_204_000)
    assert aggregate_figure(approval) == "91% of 25,000 reviews"
    assert aggregate_figure(score) == "3.9/5, 1,204,000 reviews"


def test_an_aggregator_s_words_are_quoted_as_theirs_not_called_a_verdict(film: Film) -> None:
    """AlloCiné's "press average" is a label, not a verdict; Metacritic's "universal
    acclaim" is a verdict. Both are the aggregator's words."""
    source = film.reception.aggregators[0].source
    label = Aggregate(source=source, kind="score", value=4.2, best=5, verdict="press average")
    name = film.name(source)
    assert aggregator_words(film, label) == f"In {name}'s words: “press average”."


def test_runtime_reads_as_minutes_and_hours() -> None:
    assert [runtime(m) for m in (1, 45, 60, 139)] == [
        "1 minute", "45 minutes", "60 minutes (1 h)", "139 minutes (2 h 19 min)"]


def test_a_bar_s_money_reads_as_the_text_s_money() -> None:
    from lvtui.film.model import Money
    from lvtui.reading.wording import money, short_money

    about = Money(amount=1_200_000, currency="EUR", qualifier="about", reported=True)
    assert short_money(about) == "about €1.2 million"
    assert money(about) == "reportedly about €1.2 million"
    assert short_money(Money(amount=2_000_000, qualifier="under")) == "less than $2 million"
