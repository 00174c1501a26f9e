"""How lvtui words a film's facts: figures people read at a glance."""

from __future__ import annotations

from lvtui.model import Aggregate, Film
from lvtui.wording import aggregate_figure, aggregate_sentence, runtime


def test_large_counts_have_thousands_separators(film: Film) -> None:
    source = film.reception.aggregators[0].source
    approval = Aggregate(source=source, kind="approval", value=91, count=25_000)
    score = Aggregate(source=source, kind="score", value=3.9, best=5, count=1_204_000)
    assert aggregate_figure(approval) == "91% of 25,000 reviews"
    assert aggregate_figure(score) == "3.9/5, 1,204,000 reviews"
    assert "25,000 reviews are positive" in aggregate_sentence(film, approval)
    assert "from 1,204,000 reviews" in aggregate_sentence(film, score)


def test_runtime_reads_as_minutes_and_hours() -> None:
    assert [runtime(m) for m in (1, 45, 60, 139)] == [
        "1 minute", "45 minutes", "60 minutes (1 h)", "139 minutes (2 h 19 min)"]


def test_a_bar_s_money_reads_as_the_text_s_money() -> None:
    from lvtui.model import Money
    from lvtui.wording import money, short_money

    about = Money(amount=1_200_000, currency="EUR", qualifier="about", reported=True)
    assert short_money(about) == "about €1.2 million"
    assert money(about) == "reportedly about €1.2 million"
    assert short_money(Money(amount=2_000_000, qualifier="under")) == "less than $2 million"
