"""News that reports no new casualty event, or uses casualty words figuratively: no figure.

A live feed is mostly such text, and every false figure inflates the tallies users read.
Every sentence here is written for this test (none comes from the evaluation data). Each row
gives the expected ``best`` of killed, wounded and displaced for the text as one event
(``None`` = no figure); rows that mix a real event with such sentences keep the event's.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extraction.figures import combine_figures, find_figures
from extraction.text import split_sentences

PUBLISHED = dt.date(2026, 11, 24)


def totals(text: str) -> tuple[int | None, int | None, int | None]:
    values, _kind = combine_figures(find_figures(text, split_sentences(text), PUBLISHED))
    return tuple(None if values[k] is None else values[k].best for k in ("killed", "wounded", "displaced"))


NONE = (None, None, None)

HYPOTHETICAL = [
    pytest.param("Experts warned that a major earthquake on the fault could kill up to 1,000 people in the capital.",
                 NONE, id="could-kill"),
    pytest.param("The drought threatens to displace 2 million people across the region, the agency said.",
                 NONE, id="threatens-to-displace"),
    pytest.param("If the dam breaks, as many as 50,000 people living downstream would have to be evacuated.",
                 NONE, id="would-have-to-be-evacuated"),
    pytest.param("A category five storm could leave 100,000 homeless, a government simulation found.",
                 NONE, id="could-leave-homeless"),
    pytest.param("Models suggest that heatwaves may kill 30,000 more people in Europe by 2050.",
                 NONE, id="may-kill"),
    pytest.param("Rising seas could force 200 million people from their homes this century, the study said.",
                 NONE, id="could-force-from-homes"),
    pytest.param("The new vaccine could prevent 10,000 deaths, the minister said.", NONE, id="could-prevent-deaths"),
    pytest.param("Authorities fear the eruption could force the evacuation of 80,000 residents.",
                 NONE, id="could-force-the-evacuation-of"),
    pytest.param("Officials plan to evacuate 10,000 residents if the river rises above the danger mark.",
                 NONE, id="plan-to-evacuate"),
    pytest.param("The cyclone may force up to 1 million people to flee, forecasters warned.", NONE,
                 id="may-force-to-flee"),
    pytest.param("Had the second device gone off, hundreds would have been killed, police said.", NONE,
                 id="would-have-been-killed"),
    pytest.param("The opposition said the reform would hurt 3 million pensioners.", NONE, id="would-hurt"),
    # the modal in another clause, or an uncertain report of a death that happened
    pytest.param("The blast, which could be heard for miles, killed 12 people.", (12, None, None),
                 id="modal-in-a-relative-clause-keeps-the-toll"),
    pytest.param("Officials said the strike may have killed 30 people.", (30, None, None),
                 id="may-have-killed-is-a-report"),
    pytest.param("A landslide killed 11 people on Tuesday. Experts warned that further slides could kill hundreds "
                 "more if the rains continue.", (11, None, None), id="forecast-after-an-event-adds-nothing"),
    pytest.param("Heavy rain could cause more landslides in the district where 9 people were killed on Monday.",
                 (9, None, None), id="cause-before-a-where-clause-keeps-the-toll"),
]


@pytest.mark.parametrize(("text", "expected"), HYPOTHETICAL)
def test_a_forecast_a_hypothesis_or_a_plan_counts_no_one(text: str,
                                                          expected: tuple[int | None, int | None, int | None]) -> None:
    assert totals(text) == expected
