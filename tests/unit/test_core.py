"""The extraction pipeline: one article in, events, totals and primary out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extraction.core import EXTRACTOR_VERSION, ArticleInput, Extractor
from extraction.geo import Gazetteer
from extraction.text import MAX_SENTENCE_CHARS, blank_markup, split_sentences

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

ARTICLE = (
    "Militants stormed a police post in the hills on Friday.\n\n"
    "At least 12 officers were killed and 9 were wounded in the assault, a spokesman said.\n\n"
    "Twelve officers were killed in the attack, the ministry later confirmed.\n\n"
    "Last year a similar raid on the post killed 30 people."
)


def _extract(text: str, **kw: object) -> dict:
    return Extractor().extract(ArticleInput(id="a1", text=text, **kw)).to_json()


def test_article_with_one_incident_gives_one_event_and_its_totals() -> None:
    out = _extract(ARTICLE, published=dt.date(2024, 3, 2))
    assert len(out["events"]) == 1
    assert out["totals"]["killed"]["best"] == 12  # repeated toll counted once, background ignored
    assert out["totals"]["wounded"]["best"] == 9
    assert out["totals"]["displaced"] is None
    assert set(out["primary"]) == {"country", "admin1", "admin1_code", "location", "event_date", "event_type"}


def test_event_ids_are_stable_and_records_carry_version_and_evidence() -> None:
    first = Extractor().extract(ArticleInput(id="a1", text=ARTICLE))
    again = Extractor().extract(ArticleInput(id="a1", text=ARTICLE))
    assert [e.event_id for e in first.events] == [e.event_id for e in again.events]
    event = first.events[0]
    assert event.extractor_version == EXTRACTOR_VERSION
    assert event.evidence, "every figure keeps its evidence"
    for ev in event.evidence:
        assert ARTICLE[ev.start:ev.end] == ev.text
        assert ARTICLE[ev.sentence_start:ev.sentence_start + len(ev.sentence)] == ev.sentence


def test_article_without_event_has_null_totals_and_still_a_primary() -> None:
    out = _extract("The city council approved the new budget on Tuesday.", published=dt.date(2024, 1, 9))
    assert out["events"] == []
    assert out["totals"] == {"killed": None, "wounded": None, "displaced": None}
    assert "event_date" in out["primary"]


def test_explicit_zero_is_a_zero_range_not_null() -> None:
    out = _extract("Artillery shells hit an empty field near the village. No casualties were reported.")
    assert out["totals"]["killed"] == {"min": 0, "max": 0, "best": 0}
    assert out["totals"]["wounded"] == {"min": 0, "max": 0, "best": 0}


def test_event_without_any_figure_leaves_killed_null() -> None:
    out = _extract("Rebels shelled the outskirts of the town on Sunday.")
    assert out["totals"]["killed"] is None  # "none reported" is not "zero reported"


def test_two_distinct_incidents_become_two_events() -> None:
    text = ("A roadside bomb killed 4 soldiers in the north on Monday.\n\n"
            "In a separate attack in the south, gunmen killed 3 villagers.")
    out = _extract(text)
    assert len(out["events"]) == 2
    assert out["totals"]["killed"]["best"] == 7


def test_hard_wrapped_wire_copy_is_not_split_at_every_line() -> None:

    line = "GUNMEN AMBUSHED A BUS ON THE MAIN ROAD NEAR THE BORDER TOWN ON SUNDAY"
    text = "\n".join([line + " AND", "THREE PASSENGERS WERE KILLED WHILE TWO OTHER PEOPLE WERE WOUNDED IN", line + ".",
                      line + ", OFFICIALS SAID", "LATE ON SUNDAY NIGHT IN A STATEMENT RELEASED TO THE NATIONAL PRESS."])
    assert len(split_sentences(text)) == 2
    out = _extract(text)
    assert out["totals"]["killed"]["best"] == 3
    assert out["totals"]["wounded"]["best"] == 2


def _seed() -> tuple[str, str]:
    paths = sorted(SEEDS.glob("000_*.txt"))
    if not paths:
        pytest.fail("../shared/seeds (the project's starting article) must be beside the repository")
    ident, _, body = paths[0].read_text(encoding="utf-8").partition("\n")
    return ident.strip(), body


def test_seed_article_figures() -> None:
    ident, body = _seed()
    result = Extractor().extract(ArticleInput(id=ident, text=body, published=dt.date(2017, 11, 5)))
    killed, wounded, displaced = (result.totals[k] for k in ("killed", "wounded", "displaced"))
    assert killed is not None and killed.vague and (killed.min, killed.best, killed.max) == (12, 12, None)
    assert wounded is not None and wounded.vague and wounded.best == 12
    assert displaced is not None and displaced.best == 350_000  # "half of them children" adds nothing
    assert not displaced.vague


# Background paragraphs: an earlier incident or a running total told after the lead never
# replaces the lead's figure. Each text is written for this test; published 2025-04-10.
BACKGROUND = [
    pytest.param("A shell hit a bus depot in the port on Tuesday, killing 5 drivers.\n\n"
                 "The port has been shelled often since the fighting began. A rocket strike on the depot "
                 "last June killed 23 people.", 5, id="last-month-name"),
    pytest.param("Gunmen killed 8 herders near the river on Sunday, the governor said.\n\n"
                 "In August 2023, an attack on the same valley killed more than 90 people.", 8,
                 id="month-and-past-year"),
    pytest.param("A car bomb killed 4 people outside a court on Monday.\n\n"
                 "In December, a bomb at the same court killed 31 people.", 4, id="earlier-month-this-winter"),
    pytest.param("Landslides killed 12 villagers in the hills on Saturday.\n\n"
                 "Landslides in the province in 2021 killed over 200 people.", 12, id="in-past-year"),
    pytest.param("Fighting near the dam killed 6 fighters on Friday, a monitor said.\n\n"
                 "Clashes around the dam have killed hundreds of fighters over the past four months.", 6,
                 id="over-the-past-months"),
    pytest.param("Heavy rain killed 3 people in the capital on Wednesday.\n\n"
                 "The town was struck by similar floods two decades earlier, when 70 people died.", 3,
                 id="similar-earlier-incident"),
    pytest.param("Two drones hit a fuel depot on Thursday, killing 2 guards.\n\n"
                 "The war, which began in March 2021, has killed tens of thousands of people.", 2,
                 id="war-total-since-past-date"),
    pytest.param("A rockfall killed 6 quarry workers on Saturday.\n\n"
                 "The quarry collapsed four years earlier, killing 19 workers.", 6, id="years-earlier"),
    pytest.param("Mortar fire killed 3 civilians in the town on Thursday, the mayor said.\n\n"
                 "More than 900 civilians have been killed in the district since the siege began.", 3,
                 id="since-the-campaign-began"),
    pytest.param("Two people were killed when a drone hit a van on Monday.\n\n"
                 "Nearly 8,000 civilians have been killed in the war, according to monitors.", 2,
                 id="killed-in-the-war"),
    pytest.param("Police said 4 people died when a lorry overturned on Tuesday.\n\n"
                 "Road crashes kill about 3,000 people in the country every year.", 4, id="every-year"),
    pytest.param("A tremor killed 31 people in the hills on Sunday.\n\n"
                 "The 2016 earthquake killed nearly 700 people there.", 31, id="the-year-event"),
    pytest.param("A crush killed 12 pilgrims at the shrine on Friday.\n\n"
                 "A crush at the same shrine killed 60 people a decade ago.", 12, id="a-decade-ago"),
    pytest.param("A man was shot dead outside a club early Sunday, police said.\n\n"
                 "On Feb. 2, two men were killed outside a bar two blocks away.", 1,
                 id="day-and-month-long-before-publication"),
    pytest.param("Gunmen killed 5 traders near the border, officials said.\n\n"
                 "On Jan. 14, gunmen killed 9 traders on the same road.", 5,
                 id="day-and-month-months-before-publication"),
]


@pytest.mark.parametrize(("text", "killed"), BACKGROUND)
def test_background_paragraph_never_replaces_the_lead_figure(text: str, killed: int) -> None:
    out = _extract(text, published=dt.date(2025, 4, 10))
    assert len(out["events"]) == 1
    assert out["totals"]["killed"]["best"] == killed


def test_displacement_stock_in_a_background_paragraph_is_no_event() -> None:
    text = ("Ministers met donors in the capital on Monday to discuss next year's budget.\n\n"
            "About 3 million people are internally displaced across the country, the agency said.")
    out = _extract(text, published=dt.date(2025, 4, 10))
    assert out["events"] == []


def test_displacement_stock_leading_the_article_counts() -> None:
    out = _extract("The conflict has displaced more than 900,000 people since 2016, the agency said.",
                   published=dt.date(2025, 4, 10))
    assert out["totals"]["displaced"]["best"] == 900_000


def test_sentence_after_a_separate_incident_belongs_to_it() -> None:
    text = ("Shelling killed 3 people in the north on Monday.\n\n"
            "In a separate attack, a drone hit a depot in the south, wounding four guards. No one was killed there.")
    out = _extract(text)
    assert len(out["events"]) == 2
    second = out["events"][1]
    assert second["wounded"]["best"] == 4
    assert second["killed"]["best"] == 0


def test_a_much_larger_figure_far_below_the_lead_does_not_replace_it() -> None:
    text = ("A bomb killed 4 people at a bus stop in the old town on Monday, police said.\n\n"
            "The blast shattered shop windows along the street. Ambulances took the wounded to hospital. "
            "Police sealed off the area.\n\n"
            "A bomb at a cinema in the province killed 40 people.")
    assert _extract(text)["totals"]["killed"]["best"] == 4


def test_a_toll_update_far_below_the_lead_replaces_it() -> None:
    text = ("A bomb killed 4 people at a bus stop in the old town on Monday, police said.\n\n"
            "The blast shattered shop windows along the street. Ambulances took the wounded to hospital. "
            "Police sealed off the area.\n\n"
            "By the evening the death toll had risen to 11.")
    assert _extract(text)["totals"]["killed"]["best"] == 11


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The blast came at 2 a.m. Aug. 29 near the port. Police came.",
                 ["The blast came at 2 a.m. Aug. 29 near the port.", "Police came."], id="am-before-month"),
    pytest.param("Firing began at 9 p.m. Sunday in the town. Two died.",
                 ["Firing began at 9 p.m. Sunday in the town.", "Two died."], id="pm-before-weekday"),
    pytest.param("He left at 9 p.m. The next day he returned.",
                 ["He left at 9 p.m.", "The next day he returned."], id="pm-ends-a-sentence"),
])
def test_clock_times_do_not_end_a_sentence_before_their_day(text: str, expected: list[str]) -> None:

    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_article_without_figures_passes_no_anchor(monkeypatch: pytest.MonkeyPatch) -> None:
    import extraction.core as core

    seen: list[object] = []
    monkeypatch.setattr(core, "classify_event_type", lambda text, sentences, anchor: seen.append(anchor))
    _extract("The council met on Tuesday. It approved the budget.")
    assert seen == [None]


def test_elsewhere_opens_another_incident() -> None:
    text = ("A bomb killed 7 shoppers at a market in the north on Tuesday, police said.\n\n"
            "Elsewhere in the province, gunmen killed 2 farmers.")
    out = _extract(text, published=dt.date(2025, 6, 12))
    assert [e["killed"]["best"] for e in out["events"]] == [7, 2]


@pytest.mark.parametrize(("second", "killed"), [
    pytest.param("Separately, militants ambushed a convoy near the border, killing 4.", [3, 4],
                 id="separately-comma"),
    pytest.param("Separately , gunmen killed 2 herders in the hills.", [3, 2], id="separately-space-comma"),
    pytest.param("In a separate attack, gunmen killed 2 herders in the hills.", [3, 2], id="in-a-separate-attack"),
    pytest.param("Another strike on the port killed 2 dockers.", [3, 2], id="another-strike-on-a-place-killed"),
    pytest.param("Another drone attack near Kupiansk killed 4 soldiers.", [3, 4], id="another-drone-attack-near"),
    pytest.param("Another soldier was killed on Tuesday.", [4], id="another-person-is-no-other-incident"),
    pytest.param("The army separately said that 4 soldiers were killed in the raid.", [4],
                 id="separately-inside-the-sentence-is-no-opening"),
])
def test_a_sentence_opening_on_separately_is_another_incident(second: str, killed: list[int]) -> None:
    text = f"Gunmen attacked a checkpoint on Monday, killing 3 soldiers. {second}"
    out = _extract(text, published=dt.date(2025, 6, 12))
    assert [e["killed"]["best"] for e in out["events"]] == killed


@pytest.mark.parametrize(("second", "killed"), [
    pytest.param("Azerbaijani forces shelled Martuni (Nagorno-Karabakh), killing 2.", [1, 2],
                 id="another-town-in-brackets"),
    pytest.param("Rebels attacked Kilo (Djugu, Ituri) the same day, killing 5 villagers.", [1, 5],
                 id="another-town-with-two-levels-in-brackets"),
    pytest.param("A second shell hit Ganja (Ganja-Gazakh) later, killing 2.", [2], id="the-same-town-again"),
    pytest.param("The shelling killed 2 in the town, local sources said.", [2], id="no-bracketed-place"),
])
def test_a_notes_next_bracketed_place_is_another_incident(second: str, killed: list[int]) -> None:
    text = f"On 4 October 2020, Armenian forces shelled Ganja (Ganja-Gazakh), killing 1 civilian. {second}"
    out = _extract(text, published=dt.date(2020, 10, 6))
    assert [e["killed"]["best"] for e in out["events"]] == killed


@pytest.mark.parametrize(("second", "killed"), [
    pytest.param("In neighbouring Sumy region, a drone attack on Thursday killed two men.", [1, 2],
                 id="a-neighbouring-region"),
    pytest.param("In the nearby town of Vovchansk, shelling killed three people.", [1, 3], id="a-nearby-town"),
    pytest.param("In Kharkiv, the shelling also damaged a school and killed a dog.", [1], id="the-same-city-again"),
    pytest.param("In Sumy region, a drone attack killed two men.", [1, 2], id="another-region-with-its-own-attack"),
    pytest.param("In Dnipropetrovsk, an attack on Nikopol killed one man.", [1, 1], id="another-city-with-its-own-attack"),
    pytest.param("In Zaporizhzhia region, missiles killed 4 people.", [1, 4], id="another-region-a-bare-plural-subject"),
    pytest.param("In Kharkiv region, a missile strike later killed a second woman.", [1],
                 id="a-region-the-lead-named-is-the-lead-again"),
    pytest.param("In Sumy, officials said the attack killed two men.", [2], id="officials-said-is-no-new-incident"),
])
def test_a_roundups_next_place_is_another_incident(second: str, killed: list[int]) -> None:
    text = ("Russian shelling of Kharkiv overnight killed a 63-year-old woman and wounded eight others, the "
            f"regional governor said on Friday. {second}")
    out = _extract(text, published=dt.date(2026, 8, 22))
    assert [e["killed"]["best"] for e in out["events"]] == killed


@pytest.mark.parametrize("date", ["On March 3, 2019,", "On 3 March 2019"])
def test_full_date_long_before_publication_is_background(date: str) -> None:
    text = ("A bomb killed 7 shoppers at a market on Tuesday, police said.\n\n"
            f"{date} a bomb at the same market killed 44 people.")
    assert _extract(text, published=dt.date(2025, 6, 12))["totals"]["killed"]["best"] == 7


def test_another_places_toll_in_a_while_clause_is_its_own_event() -> None:
    text = ("A strong earthquake struck the border region early on Monday. In the north, at least 2,379 people "
            "were killed, while in the south the death toll stood at 1,444, rescue workers said.")
    out = _extract(text, published=dt.date(2023, 2, 7))
    assert [e["killed"]["best"] for e in out["events"]] == [2379, 1444]
    assert out["totals"]["killed"]["best"] == 3823


def test_another_places_event_is_placed_by_its_own_clause() -> None:
    text = ("A magnitude 7.8 earthquake struck southern Turkey and northern Syria early on Monday. In Turkey, at "
            "least 2,379 people were killed, while in Syria the death toll stood at 1,444, officials said.")
    out = Extractor(gazetteer=Gazetteer.load()).extract(
        ArticleInput(id="a1", text=text, published=dt.date(2023, 2, 7))).to_json()
    assert [(e["location"]["country"], e["killed"]["best"]) for e in out["events"]] == [("TR", 2379), ("SY", 1444)]


def test_a_roundups_lead_is_placed_without_the_places_of_the_next_incidents() -> None:
    text = ("Russian shelling killed a woman in Kherson on Friday, the regional governor said. "
            "In Kharkiv region, a drone attack killed two men.")
    out = Extractor(gazetteer=Gazetteer.load()).extract(
        ArticleInput(id="a1", text=text, published=dt.date(2026, 8, 22))).to_json()
    assert [(e["location"]["admin1_code"], e["killed"]["best"]) for e in out["events"]] == [("UA-65", 1), ("UA-63", 2)]
    assert out["primary"]["admin1_code"] == "UA-65"


def test_while_in_hospital_is_no_other_place() -> None:
    text = "A man was shot twice on Monday and, while in hospital, 2 relatives were arrested."
    assert len(_extract(text, published=dt.date(2023, 2, 7))["events"]) == 1


def test_a_shooting_of_an_earlier_year_is_background() -> None:
    # (an arrest, not a trial: a court case is always an earlier incident, tests/unit/test_non_events.py)
    text = "Police arrested the man accused of killing four people in a 2023 shooting on Monday."
    assert _extract(text, published=dt.date(2026, 5, 3))["totals"]["killed"] is None
    assert _extract(text, published=dt.date(2023, 11, 2))["totals"]["killed"]["best"] == 4


def test_day_and_month_of_the_event_itself_is_not_background() -> None:
    text = "On April 6, gunmen killed 5 traders near the border, officials said."
    assert _extract(text, published=dt.date(2025, 4, 10))["totals"]["killed"]["best"] == 5


def test_full_date_of_the_event_itself_is_not_background() -> None:
    text = "On June 9, 2025, gunmen killed 5 traders near the border, officials said."
    assert _extract(text, published=dt.date(2025, 6, 12))["totals"]["killed"]["best"] == 5


@pytest.mark.parametrize(("text", "killed"), [
    pytest.param("Shelling killed 11 people in the market on Friday, officials said, while a separate strike cut "
                 "power to the city.\n\nThe toll from Friday's shelling rose to 15 on Saturday, a medic said.",
                 [15], id="separate-clause-after-the-figures-with-an-update"),
    pytest.param("A car bomb killed 9 soldiers at a checkpoint; a separate attack on a convoy wounded two.",
                 [9], id="separate-clause-after-a-semicolon"),
    pytest.param("A car bomb killed 9 soldiers at a checkpoint, and in a separate attack gunmen killed 3 herders.",
                 [9, 3], id="separate-clause-with-its-own-figure"),
])
def test_a_separate_incident_in_a_later_clause_leaves_the_leads_figure_in_the_main_event(
        text: str, killed: list[int]) -> None:
    out = _extract(text, published=dt.date(2025, 6, 14))
    assert [e["killed"]["best"] for e in out["events"] if e["killed"]] == killed


def test_a_paragraph_opening_on_last_weekday_is_an_earlier_incident() -> None:
    text = ("Two men were wounded in a shooting outside a bar in Gary early Sunday, police said.\n\n"
            "Last Saturday, a man was shot and killed in the bar's parking lot.")
    out = _extract(text, published=dt.date(2016, 6, 13))
    assert out["totals"]["killed"] is None
    assert out["totals"]["wounded"]["best"] == 2
    assert out["primary"]["event_date"] == "2016-06-12"


def test_a_paragraph_opening_on_another_day_is_another_incident() -> None:
    text = ("Missiles killed 3 people in the port on Friday, the governor said.\n\n"
            "On Thursday, a drone strike on a village killed 8 people.")
    out = _extract(text, published=dt.date(2025, 6, 14))
    assert [e["killed"]["best"] for e in out["events"]] == [3, 8]


def test_the_next_days_report_on_the_same_incident_is_not_another_incident() -> None:
    text = ("Gunmen killed 4 people at a wedding on Saturday.\n\n"
            "On Sunday, police said the attack had killed 6 people.")
    out = _extract(text, published=dt.date(2025, 6, 16))
    assert [e["killed"]["best"] for e in out["events"]] == [6]


def test_people_displaced_by_previous_floods_are_background() -> None:
    text = ("Floods forced 1,200 people from their homes on Tuesday.\n\n"
            "The province still has about 300,000 people displaced by previous floods.")
    assert _extract(text, published=dt.date(2025, 6, 12))["totals"]["displaced"]["best"] == 1200


def test_the_day_of_a_burial_is_not_the_day_of_the_bombing() -> None:
    text = ("Hundreds of mourners gathered in the town on Sunday to bury victims of Saturday's car bomb, "
            "which killed 11 people, the health office said.")
    out = _extract(text, published=dt.date(2025, 3, 9))  # a Sunday
    assert out["events"][0]["occurred_on"]["date"] == "2025-03-08"


def test_the_month_just_before_publication_may_be_the_events() -> None:
    text = "In late May, gunmen killed 5 herders near the river, officials said on Monday."
    assert _extract(text, published=dt.date(2025, 6, 2))["totals"]["killed"]["best"] == 5


def test_similar_alone_does_not_make_a_lead_background() -> None:
    text = "Gunmen killed 5 people at a checkpoint on Monday in an attack similar in style to earlier ones."
    assert _extract(text, published=dt.date(2025, 6, 2))["totals"]["killed"]["best"] == 5


@pytest.mark.parametrize("second", [
    pytest.param("A second car bomb exploded hours later in the eastern district, killing 4 people.", id="a-second-bomb"),
    pytest.param("Hours later, another bomb went off near a mosque in a different district, killing 4.",
                 id="another-bomb-went-off"),
])
def test_a_second_blast_is_its_own_incident(second: str) -> None:
    text = f"A car bomb killed 12 people at a market in the centre on Tuesday, police said.\n\n{second}"
    out = _extract(text, published=dt.date(2025, 6, 12))
    assert [e["killed"]["best"] for e in out["events"]] == [12, 4]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Mr. Ali said so. Two died.", ["Mr. Ali said so.", "Two died."], id="abbreviation"),
        pytest.param("J. Smith was shot. He died.", ["J. Smith was shot.", "He died."], id="initial"),
        pytest.param("It began at 2 a.m. Sunday in the town. Two died.",
                     ["It began at 2 a.m. Sunday in the town.", "Two died."], id="clock-time-before-its-day"),
        pytest.param("Troops from the U.S. Army fired. Two died.", ["Troops from the U.S. Army fired.", "Two died."],
                     id="dotted-abbreviation"),
        pytest.param("Two died.\n\nthe next paragraph", ["Two died.", "the next paragraph"], id="blank-line"),
        pytest.param("Teen dies in shooting: Sheriff's Dept.\n\nA boy died Monday.",
                     ["Teen dies in shooting: Sheriff's Dept.", "A boy died Monday."],
                     id="blank-line-after-an-abbreviation"),
        pytest.param("\u201cWe ran.\u201d Then silence.", ["\u201cWe ran.", "Then silence."], id="closing-quote-dropped"),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:

    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_sentences_are_the_same_whether_or_not_the_text_has_exclamation_or_question_marks() -> None:
    # Texts without "!" or "?" take a faster scan; the cuts must not depend on it.

    body = "Gunmen attacked a convoy on Sunday. Mr. Ali said 3 died.\n\nOfficials confirmed it.\nThe road closed."
    plain = [(s.text, s.start) for s in split_sentences(body)]
    marked = [(s.text, s.start) for s in split_sentences(body + " Why?")]
    assert marked[: len(plain)] == plain
    assert marked[-1][0] == "Why?"


def test_an_html_fragment_reads_as_its_text_with_spans_into_the_text_as_sent() -> None:
    plain = "A suicide bomber killed 12 people at a mosque on Sunday. At least 30 others were wounded."
    fragment = ("<p>A suicide bomber killed 12&nbsp;people at a mosque on Sunday.</p><p>At least 30 others "
                "were&nbsp;wounded.</p><!-- ad -->")
    out, want = _extract(fragment), _extract(plain)
    assert out["totals"] == want["totals"]
    for ev in out["events"][0]["evidence"]:
        assert fragment[ev["start"]:ev["end"]] == ev["text"]


def test_text_without_markup_is_left_as_it_is() -> None:
    text = "Fish & chips < 5 pounds; AT&T said 3 > 2."
    assert blank_markup(text) == text


def test_a_run_on_text_is_cut_into_pieces_of_bounded_length_at_spaces() -> None:
    text = "twelve dead and thirty injured " * 200  # 6,200 characters without a sentence end
    pieces = split_sentences(text)
    assert len(pieces) > 1 and all(len(p.text) <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(text[p.start:p.end] == p.text for p in pieces)
    assert " ".join(p.text for p in pieces) == text.strip()


def test_sentence_is_a_frozen_record_with_its_end() -> None:
    import dataclasses

    from extraction.text import Sentence

    s = Sentence("Two died.", 10)
    assert (s.start, s.end) == (10, 19)
    assert s == Sentence("Two died.", 10)
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.start = 3  # type: ignore[misc]
