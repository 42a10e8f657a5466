"""Event dates: explicit forms, relative phrases against the publication date, and the
dates that are not the event's. Texts are written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extraction.dates import find_date_mentions, resolve_event_date
from extraction.text import split_sentences

SUN = dt.date(2017, 11, 5)  # a Sunday
TUE = dt.date(2015, 11, 3)  # a Tuesday


def _date(text: str, published: dt.date | None = SUN, anchor_text: str | None = None) -> dt.date | None:
    anchor = None
    if anchor_text is not None:
        start = text.index(anchor_text)
        anchor = (start, start + len(anchor_text))
    return resolve_event_date(text, split_sentences(text), published, anchor).date


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # explicit dates
        pytest.param("On 28 April 2020, clashes killed 3 in the town.", None, dt.date(2020, 4, 28), id="day-month-year"),
        pytest.param("Gunmen killed two on April 28, 2020 near the market.", None, dt.date(2020, 4, 28), id="month-day-year"),
        pytest.param("Gunmen killed two on 28th of April near the market.", dt.date(2020, 5, 2), dt.date(2020, 4, 28),
                     id="ordinal-no-year-takes-publication-year"),
        pytest.param("A bomb killed four on Dec. 30 in the capital.", dt.date(2021, 1, 3), dt.date(2020, 12, 30),
                     id="december-in-a-january-article-is-last-year"),
        pytest.param("Tuesday, November 3, 2015: a gunman shot three people.", None, dt.date(2015, 11, 3),
                     id="weekday-then-date"),
        pytest.param("06/09/2017: Assailants attacked a checkpoint in Ghazni.", None, dt.date(2017, 6, 9),
                     id="gtd-summary-is-month-first"),
        pytest.param("The blast on 28/04/2020 killed five.", None, dt.date(2020, 4, 28), id="day-first-when-only-valid"),
        pytest.param("The blast on 04/05/2020 killed five.", dt.date(2020, 4, 7), dt.date(2020, 4, 5),
                     id="ambiguous-slash-date-read-on-or-before-publication"),
        pytest.param("The attack of 2020-04-28 killed five.", None, dt.date(2020, 4, 28), id="iso"),
        pytest.param("Fighting in mid-November displaced 6,000 people in the district.", dt.date(2026, 11, 23),
                     dt.date(2026, 11, 1), id="mid-month-is-the-month"),
        pytest.param("Clashes in late December killed 30 people in the region.", dt.date(2027, 1, 4),
                     dt.date(2026, 12, 1), id="late-december-in-a-january-article-is-last-year"),
        pytest.param("A May 12 people attended was quiet; gunmen killed two on Friday.", dt.date(2026, 11, 23),
                     dt.date(2026, 11, 20), id="a-month-alone-is-no-date"),
        pytest.param("The blast on 28.04.2020 killed five.", None, dt.date(2020, 4, 28), id="dotted-day-first"),
        pytest.param("The blast on 2026/11/21 killed eight people at the market.", dt.date(2026, 11, 23),
                     dt.date(2026, 11, 21), id="year-first-with-slashes"),
        pytest.param("The blast on 21-Nov-2026 killed eight people at the market.", dt.date(2026, 11, 23),
                     dt.date(2026, 11, 21), id="day-dash-month-dash-year"),
        pytest.param("The blast on 21-Nov-26 killed eight people at the market.", None,
                     dt.date(2026, 11, 21), id="day-dash-month-dash-two-digit-year"),
        pytest.param("The 2026/11/30 deadline passed; a blast killed eight people on Saturday.", dt.date(2026, 11, 23),
                     dt.date(2026, 11, 21), id="a-future-year-first-date-is-no-event"),
        pytest.param("Cadres set fire to a bus on Tuesday [27 October] against the 2015 constitution.", None,
                     dt.date(2015, 10, 27), id="no-publication-date-takes-the-year-named-in-the-text"),
        pytest.param("SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- GUERRILLAS ATTACKED A POST YESTERDAY.", None,
                     dt.date(1990, 1, 11), id="wire-dateline-is-the-base-for-yesterday"),
        pytest.param("NAIROBI, Kenya, Sept 3 (Reuters) - Two protesters were shot dead in clashes with police on "
                     "Wednesday, a rights group said.", dt.date(2026, 9, 3), dt.date(2026, 9, 2),
                     id="a-dateline-with-its-country-dates-the-report-not-the-event"),
        pytest.param("LAGOS, Nigeria, Oct 6 (Reuters) - Gunmen killed 12 villagers on Saturday.", None,
                     None, id="a-dateline-without-a-year-gives-no-base"),
        pytest.param("LIMA, 20 APR 89 (APA) -- ON TUESDAY [18 APRIL] A RADIO STATION REPORTED THE KILLING.", None,
                     dt.date(1989, 4, 18), id="upper-case-wire-text"),
        # relative phrases
        pytest.param("Two people were shot dead on Saturday night.", SUN, dt.date(2017, 11, 4), id="on-saturday"),
        pytest.param("A man was shot late Friday outside a bar.", SUN, dt.date(2017, 11, 3), id="late-friday"),
        pytest.param("A man was shot Sunday morning outside a bar.", SUN, SUN, id="weekday-of-publication-is-that-day"),
        pytest.param("A man was shot last Sunday outside a bar.", SUN, dt.date(2017, 10, 29), id="last-weekday-is-before"),
        pytest.param("On the night of October 26-27, drones struck the port, injuring three workers.", SUN,
                     dt.date(2017, 10, 27), id="month-then-a-range-of-days-reads-as-its-last-day"),
        pytest.param("On 26-27 October, clashes killed 4 soldiers.", SUN, dt.date(2017, 10, 27),
                     id="a-range-of-days-then-month-reads-as-its-last-day"),
        pytest.param("Five people were shot over the weekend, police said.", dt.date(2017, 11, 6), dt.date(2017, 11, 4),
                     id="over-the-weekend-is-its-saturday"),
        pytest.param("Police expect trouble over the coming weekend; a man was shot on Friday.", dt.date(2017, 11, 6),
                     dt.date(2017, 11, 3), id="the-coming-weekend-dates-nothing"),
        pytest.param("A man was shot yesterday outside a bar.", SUN, dt.date(2017, 11, 4), id="yesterday"),
        pytest.param("A man was killed in a shooting last night.", SUN, dt.date(2017, 11, 4), id="last-night"),
        pytest.param("A man was shot the day before yesterday.", SUN, dt.date(2017, 11, 3), id="day-before-yesterday"),
        pytest.param("A man was shot three days ago in the park.", SUN, dt.date(2017, 11, 2), id="days-ago"),
        pytest.param("A man was killed today in a shooting.", SUN, SUN, id="today"),
        pytest.param("A week ago today, floods killed 40 people in the valley.", SUN, dt.date(2017, 10, 29),
                     id="a-week-ago-today"),
        pytest.param("Gunmen killed seven farmers in the state on the 21st, residents said.", dt.date(2026, 11, 23),
                     dt.date(2026, 11, 21), id="on-the-21st-is-this-months"),
        pytest.param("Gunmen killed seven farmers on the 25th, residents said.", dt.date(2026, 11, 3),
                     dt.date(2026, 10, 25), id="on-the-25th-early-in-a-month-is-last-months"),
        pytest.param("On the night of the 20th, rebels killed 5 villagers near the border.", dt.date(2026, 11, 23),
                     dt.date(2026, 11, 20), id="the-night-of-the-20th"),
        pytest.param("A fire on the 21st floor of a tower killed 3 people.", dt.date(2026, 11, 23),
                     dt.date(2026, 11, 23), id="on-the-21st-floor-is-no-date"),
        # holidays used as dates
        pytest.param("A teenager shot on Christmas Eve has died, police said Monday.", dt.date(2015, 12, 28),
                     dt.date(2015, 12, 24), id="christmas-eve"),
        pytest.param("Two men were killed in a shooting on Christmas Day.", dt.date(2016, 12, 26),
                     dt.date(2016, 12, 25), id="christmas-day"),
        pytest.param("A woman was shot early New Year's Day outside a bar.", dt.date(2017, 1, 2),
                     dt.date(2017, 1, 1), id="new-years-day"),
        pytest.param("A man was wounded on New Year's Eve by celebratory gunfire.", dt.date(2017, 1, 3),
                     dt.date(2016, 12, 31), id="new-years-eve-in-a-january-article-is-last-year"),
        pytest.param("A man was shot dead on Thanksgiving outside his home.", dt.date(2016, 11, 26),
                     dt.date(2016, 11, 24), id="thanksgiving-is-the-fourth-thursday"),
        pytest.param("Five people were shot at a block party on the Fourth of July.", dt.date(2016, 7, 6),
                     dt.date(2016, 7, 4), id="fourth-of-july"),
        pytest.param("A man is charged in the Labor Day shooting of a clerk.", dt.date(2016, 9, 14),
                     dt.date(2016, 9, 5), id="labor-day-is-the-first-monday-of-september"),
        pytest.param("Gunmen killed three worshippers on Easter Sunday.", dt.date(2019, 4, 30),
                     dt.date(2019, 4, 21), id="easter-sunday"),
        pytest.param("Shots were fired at a Christmas party; one man died.", dt.date(2016, 12, 20),
                     dt.date(2016, 12, 20), id="a-christmas-party-dates-nothing"),
        pytest.param("Two were shot over the Memorial Day weekend.", dt.date(2016, 6, 2),
                     dt.date(2016, 6, 2), id="a-holiday-weekend-is-not-one-day"),
        # choosing among several dates
        pytest.param("A girl was in critical condition Monday after she was shot in the head while riding in a car "
                     "Sunday evening, police said.", dt.date(2017, 1, 9), dt.date(2017, 1, 8),
                     id="a-closing-attribution-does-not-date-the-statement"),
        pytest.param("Police said Monday that two men were shot around 9 p.m. Saturday.", dt.date(2017, 11, 6),
                     dt.date(2017, 11, 4), id="clock-time-beats-the-day-it-was-said"),
        pytest.param("A man was shot Saturday. His funeral will be held Friday.", dt.date(2017, 11, 6),
                     dt.date(2017, 11, 4), id="funeral-is-not-the-event"),
        pytest.param("A man was shot Saturday. He is due in court on Friday.", dt.date(2017, 11, 6),
                     dt.date(2017, 11, 4), id="court-date-is-not-the-event"),
        pytest.param("Police on Monday identified the man who was killed Saturday in a shooting.", dt.date(2017, 11, 6),
                     dt.date(2017, 11, 4), id="identified-monday-is-not-the-event"),
        pytest.param("Published Monday, Nov 6, 2017\n\nA man was shot Saturday night.", dt.date(2017, 11, 6),
                     dt.date(2017, 11, 4), id="published-stamp-is-not-the-event"),
        pytest.param("The suspect, born March 3, 1990, shot a clerk on Saturday.", dt.date(2017, 11, 6),
                     dt.date(2017, 11, 4), id="birth-date-is-not-the-event"),
        pytest.param("A boy was shot Thursday night in Norfolk.\n\n\u201cThere was another shooting two days ago "
                     "over on Park Avenue,\u201d a neighbour said.", dt.date(2017, 3, 31), dt.date(2017, 3, 30),
                     id="date-inside-a-quotation-weighs-less"),
        pytest.param("A man was shot Saturday night. By Monday afternoon, police had closed the case.",
                     dt.date(2017, 11, 6), dt.date(2017, 11, 4), id="by-monday-is-a-deadline"),
        # the lead gives only the day of the statement; a later sentence the day of the event
        pytest.param("Jihadists killed 9 soldiers in an ambush near Menaka, the army said on Sunday.\n\n"
                     "The ambush took place on Saturday near the border.", SUN, dt.date(2017, 11, 4),
                     id="took-place-on-beats-the-leads-said-on"),
        pytest.param("Troops killed 8 rebels in a raid in the hills, the ministry said on Sunday.\n\n"
                     "The operation on Friday also led to two arrests.", SUN, dt.date(2017, 11, 3),
                     id="the-operation-on-friday-beats-the-leads-said-on"),
        # "officials announced Friday" is the day of the statement
        pytest.param("Four people were arrested in the shooting that claimed the life of a boy, officials announced "
                     "Friday.\n\nThe shooting occurred at a yearly street fair.\n\nMore than 2,000 people were there when "
                     "gunfire erupted at Elm Street and Fifth Avenue just before 8 p.m. last Sunday.",
                     dt.date(2015, 5, 15), dt.date(2015, 5, 10), id="announced-friday-is-the-statement"),
        # a death "a day after he was shot": the shooting's day is the event's
        pytest.param("A teenager died Sunday, a day after he was shot outside a corner store.", dt.date(2017, 11, 6),
                     dt.date(2017, 11, 4), id="died-sunday-a-day-after-he-was-shot"),
        pytest.param("A woman died Monday, two days after being stabbed in her apartment.", dt.date(2017, 11, 7),
                     dt.date(2017, 11, 4), id="died-monday-two-days-after-being-stabbed"),
        pytest.param("A man died Tuesday, one day after the shooting on Elm Street.", dt.date(2017, 11, 8),
                     dt.date(2017, 11, 6), id="died-tuesday-one-day-after-the-shooting"),
        pytest.param("A man was shot Sunday, a day after his birthday party.", dt.date(2017, 11, 6),
                     dt.date(2017, 11, 5), id="a-day-after-a-party-is-no-shift"),
        # a sentence that opens on its day and whose verb is a report ("On Tuesday evening the
        # sheriff's office reported ...") dates the statement
        pytest.param("A boy, 15, was hurt in an accidental shooting at his home.\n\nOn Tuesday evening the county "
                     "sheriff's office reported that detectives had spoken with the parents of the "
                     "shooting victim.\n\nShortly after 8 pm "
                     "Monday, deputies were sent to the home for a teen who had been shot.", dt.date(2017, 11, 7),
                     dt.date(2017, 11, 6), id="on-tuesday-the-sheriff-reported-is-the-statement"),
        pytest.param("On Tuesday evening a gunman shot two men outside a bar, the sheriff's office reported.\n\n"
                     "Deputies were called Monday about a fight there.", dt.date(2017, 11, 8),
                     dt.date(2017, 11, 7), id="on-tuesday-a-gunman-shot-stays-the-event"),
        # "last night" said on a Saturday and "early Saturday morning" are the same night: the
        # calendar day is the one after midnight
        pytest.param("A teenager was shot to death in Riverside last night.\n\nDeputies were called to a home on "
                     "Oak Street.\n\nEarly Saturday morning, the 17-year-old had gone to the house to see a friend.",
                     dt.date(2017, 11, 4), dt.date(2017, 11, 4), id="last-night-is-early-saturday-morning"),
        pytest.param("A man was shot in Riverside last night.\n\nDeputies said Saturday morning that he was in "
                     "stable condition.", dt.date(2017, 11, 4), dt.date(2017, 11, 3),
                     id="last-night-and-said-saturday-morning-stays-friday"),
        pytest.param("Heavy fighting raged last night in the north of the city.\n\nThe first explosions began at "
                     "11:30 p.m. and continued until early this morning.", SUN, dt.date(2017, 11, 4),
                     id="last-night-until-early-this-morning-stays-the-night-before"),
        # fallbacks
        pytest.param("Gunmen killed two people in the market.", SUN, SUN, id="no-date-falls-back-to-publication"),
        pytest.param("Gunmen killed two people in the market.", None, None, id="no-date-no-publication-is-unknown"),
        pytest.param("Protests continued on Saturday.", None, None, id="weekday-without-base-is-unknown"),
        pytest.param(
            "A man was shot Saturday.", TUE, dt.date(2015, 10, 31), id="weekday-resolves-back-across-months"
        ),
        pytest.param(
            "The attack may 12 people have seen was reported.", SUN, SUN, id="may-the-verb-is-not-a-month",
        ),
        # the attribution that closes the sentence, with the day of the statement
        pytest.param("A man was shot dead in the old town late on Saturday, police said on Monday. In a separate "
                     "incident on Friday, two men were wounded.", dt.date(2024, 6, 10), dt.date(2024, 6, 8),
                     id="said-on-monday-closing-the-sentence-is-the-statements-day"),
        pytest.param("A woman was stabbed to death early Sunday, officials said Tuesday. Another woman was hurt "
                     "in a fight on Saturday.", dt.date(2024, 6, 11), dt.date(2024, 6, 9),
                     id="officials-said-tuesday-closing-the-sentence"),
    ],
)
def test_event_date_examples(text: str, published: dt.date | None, expected: dt.date | None) -> None:
    assert _date(text, published) == expected


def test_seed_article_saturday_resolves_to_the_day_before_its_sunday_publication(shared_dir: Path) -> None:
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    assert seeds, f"no seed article under {shared_dir / 'seeds'}"
    text = seeds[0].read_text(encoding="utf-8")
    assert _date(text, SUN) == dt.date(2017, 11, 4)


def test_date_in_the_anchor_sentence_is_preferred() -> None:
    text = "Clashes erupted on Friday in the north. On Saturday, an airstrike killed 12 people in the south."
    assert _date(text, SUN, anchor_text="On Saturday, an airstrike killed 12 people in the south.") == dt.date(2017, 11, 4)


def test_precision_is_reported() -> None:
    text = "Fighting last week displaced 2,000 families."
    result = resolve_event_date(text, split_sentences(text), SUN)
    assert result.precision == "week"
    assert resolve_event_date("No date here.", split_sentences("No date here."), SUN).precision == "publication"
    day = resolve_event_date("Shot on Saturday.", split_sentences("Shot on Saturday."), SUN)
    assert (day.precision, day.text) == ("day", "Saturday")


def test_mentions_carry_offsets_into_the_text() -> None:
    text = "He was shot on April 28, 2020 and died yesterday."
    mentions = find_date_mentions(text, dt.date(2020, 5, 1))
    assert [text[m.start:m.end] for m in mentions] == ["April 28, 2020", "yesterday"]


def test_future_dates_are_never_the_event() -> None:
    text = "A man was shot. The hearing is set for November 20, 2017."
    assert _date(text, SUN) == SUN


@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_absurd_publication_dates_fall_back_without_raising(published: dt.date) -> None:
    text = "Twelve years ago a man was shot on Saturday, the day before yesterday."
    result = resolve_event_date(text, split_sentences(text), published)
    assert (result.date, result.precision) == (published, "publication")


def test_each_event_of_an_article_is_dated_as_if_alone() -> None:
    # resolve_event_date keeps what it read of an article for the article's next event.
    text = ("Gunmen killed 4 villagers on Saturday. On Tuesday, a roadside bomb killed 2 soldiers "
            "in a separate attack.")
    sentences = split_sentences(text)
    anchors = [(s.start, s.end) for s in sentences]
    together = [resolve_event_date(text, sentences, SUN, a) for a in anchors]
    alone = [resolve_event_date(text, split_sentences(text), SUN, a) for a in anchors]
    assert together == alone
    assert together[0].date == SUN - dt.timedelta(days=1)


def test_no_mention_scores_above_the_bound_used_to_skip_scoring() -> None:
    # resolve_event_date skips mentions whose best possible score cannot win; the bound
    # must stay the sum of _score_prefix's positive terms.
    from extraction import dates

    text = ("A gunman opened fire and killed 3 people around 6:30 p.m. Saturday. The shooting occurred "
            "late Friday night, and the attack happened at 2 a.m. Sunday.")
    art = dates._Article(text, split_sentences(text), SUN)
    scores = [dates._score_prefix(m, art) for m in dates.find_date_mentions(text, SUN)]
    assert scores and all(s is None or s <= dates._MAX_PREFIX for s in scores)
    assert max(s for s in scores if s is not None) == dates._MAX_PREFIX  # the bound is reached, not loose


MON = dt.date(2026, 3, 16)  # a Monday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Spanish
        pytest.param("Dos hombres murieron el pasado domingo en un tiroteo en un barrio de la ciudad.",
                     dt.date(2026, 3, 15), id="es-el-pasado-domingo"),
        pytest.param("Un ataque armado el sábado en un bar dejó nueve muertos, dijeron las autoridades.",
                     dt.date(2026, 3, 14), id="es-el-sabado"),
        pytest.param("Tres soldados murieron ayer en un enfrentamiento con un grupo armado.",
                     dt.date(2026, 3, 15), id="es-ayer"),
        pytest.param("Un joven fue asesinado anoche a balazos frente a su casa.", dt.date(2026, 3, 15), id="es-anoche"),
        pytest.param("Dos policías fueron asesinados el viernes por la noche en una emboscada.",
                     dt.date(2026, 3, 13), id="es-el-viernes-por-la-noche"),
        pytest.param("Un deslave ocurrido hace tres días sepultó a 11 personas en una aldea.",
                     dt.date(2026, 3, 13), id="es-hace-tres-dias"),
        pytest.param("Más de 2.000 familias fueron desplazadas la semana pasada por los combates.",
                     dt.date(2026, 3, 9), id="es-la-semana-pasada"),
        pytest.param("El gobierno anunció que el próximo lunes habrá un homenaje; el sábado murieron 4 personas.",
                     dt.date(2026, 3, 14), id="es-el-proximo-lunes-is-never-the-event"),
        # French
        pytest.param("Deux jeunes ont été tués par balles samedi soir à Marseille, a indiqué la police.",
                     dt.date(2026, 3, 14), id="fr-samedi-soir"),
        pytest.param("Un attentat à la bombe a fait cinq morts hier dans le nord du pays.",
                     dt.date(2026, 3, 15), id="fr-hier"),
        pytest.param("Mardi dernier, des assaillants ont tué six villageois.", dt.date(2026, 3, 10),
                     id="fr-mardi-dernier"),
        pytest.param("Un glissement de terrain survenu il y a deux jours a fait 9 morts.", dt.date(2026, 3, 14),
                     id="fr-il-y-a-deux-jours"),
        pytest.param("Les combats de la semaine dernière ont déplacé 5 000 personnes.", dt.date(2026, 3, 9),
                     id="fr-la-semaine-derniere"),
        # Portuguese
        pytest.param("Seis pessoas foram mortas a tiros no sábado em uma chacina na periferia.",
                     dt.date(2026, 3, 14), id="pt-no-sabado"),
        pytest.param("Dois policiais morreram ontem em um tiroteio no complexo.", dt.date(2026, 3, 15), id="pt-ontem"),
        pytest.param("Uma operação policial na sexta-feira deixou dez mortos.", dt.date(2026, 3, 13),
                     id="pt-na-sexta-feira"),
        pytest.param("Três pessoas foram mortas nesta segunda em um ataque.", MON, id="pt-nesta-segunda"),
        pytest.param("As chuvas da semana passada deixaram 3 mil desalojados no interior do estado.", dt.date(2026, 3, 9),
                     id="pt-semana-passada"),
        pytest.param("No sábado passado, homens armados mataram cinco pessoas em Manaus.", dt.date(2026, 3, 14),
                     id="pt-sabado-passado"),
        pytest.param("Al menos 15 personas fueron asesinadas el pasado fin de semana en la ciudad.",
                     dt.date(2026, 3, 14), id="es-el-pasado-fin-de-semana-is-its-saturday"),
        pytest.param("Au moins 15 personnes ont été tuées ce week-end dans la capitale.", dt.date(2026, 3, 14),
                     id="fr-ce-week-end-is-its-saturday"),
        pytest.param("Pelo menos 15 pessoas foram mortas no fim de semana em Salvador.", dt.date(2026, 3, 14),
                     id="pt-no-fim-de-semana-is-its-saturday"),
        pytest.param("La policía teme disturbios el próximo fin de semana; el viernes murieron dos personas.",
                     dt.date(2026, 3, 13), id="es-el-proximo-fin-de-semana-dates-nothing"),
        pytest.param("El ataque ocurrido el pasado día 14 dejó cinco muertos en la comunidad.", dt.date(2026, 3, 14),
                     id="es-el-pasado-dia-14-is-this-months"),
        pytest.param("O ataque no dia 28 deixou cinco mortos na comunidade, segundo a polícia.", dt.date(2026, 2, 28),
                     id="pt-no-dia-28-early-in-a-month-is-last-months"),
        pytest.param("Durante el día 3 personas murieron en el ataque del viernes.", dt.date(2026, 3, 13),
                     id="es-el-dia-3-personas-is-no-date"),
        # the day of the statement is not the event's
        pytest.param("La fiscalía informó este lunes que nueve personas murieron en un ataque armado el sábado.",
                     dt.date(2026, 3, 14), id="es-informo-este-lunes-is-the-statement"),
        pytest.param("El ejército dijo el lunes que seis guerrilleros murieron en combates el domingo.",
                     dt.date(2026, 3, 15), id="es-dijo-el-lunes-is-the-statement"),
        pytest.param("L'armée a annoncé lundi que 14 soldats ont été tués samedi dans une attaque contre un camp.",
                     dt.date(2026, 3, 14), id="fr-a-annonce-lundi-is-the-statement"),
        pytest.param("A polícia disse nesta segunda-feira que cinco pessoas foram mortas a tiros no domingo em "
                     "uma chacina.", dt.date(2026, 3, 15), id="pt-disse-nesta-segunda-is-the-statement"),
        pytest.param("Cinco personas murieron en Santo Domingo de los Colorados, informó la policía.", MON,
                     id="es-santo-domingo-is-a-place"),
        pytest.param("Ayer, un ataque armado dejó tres muertos en el barrio.", dt.date(2026, 3, 15),
                     id="es-ayer-opening-a-sentence"),
        pytest.param("No sábado passado, homens armados mataram cinco pessoas.", dt.date(2026, 3, 14),
                     id="pt-a-short-text-with-one-function-word",
                     marks=pytest.mark.xfail(strict=True, reason="the language check wants two function words "
                                                                 "(or one and an accent) in the text's head")),
        # English copy does not read these words
        pytest.param("Placido Domingo sang as two men were shot on Friday.", dt.date(2026, 3, 13),
                     id="en-a-name-domingo-is-no-sunday"),
    ],
)
def test_spanish_french_portuguese_relative_dates(text: str, expected: dt.date) -> None:
    assert _date(text, MON) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param("Hombres armados mataron a cuatro personas el domingo 8 de marzo en una comunidad rural.", MON,
                     dt.date(2026, 3, 8), id="es-el-domingo-8-de-marzo"),
        pytest.param("Las inundaciones del 12 de marzo de 2025 dejaron 14 muertos en el norte del país.", MON,
                     dt.date(2025, 3, 12), id="es-12-de-marzo-de-2025"),
        pytest.param("El ataque ocurrido el pasado 14 de marzo dejó cinco muertos.", MON, dt.date(2026, 3, 14),
                     id="es-el-pasado-14-de-marzo"),
        pytest.param("El sismo del 30 de diciembre dejó 23 muertos en la provincia.", dt.date(2026, 1, 4),
                     dt.date(2025, 12, 30), id="es-december-in-a-january-article-is-last-year"),
        pytest.param("Des hommes armés ont tué douze civils le samedi 7 mars dans un village du centre du pays.", MON,
                     dt.date(2026, 3, 7), id="fr-le-samedi-7-mars"),
        pytest.param("L'attaque du 1er mars a fait 15 morts parmi les civils.", MON, dt.date(2026, 3, 1),
                     id="fr-1er-mars"),
        pytest.param("Le séisme du 3 février 2024 a fait 40 morts et des milliers de sans-abri.", None,
                     dt.date(2024, 2, 3), id="fr-3-fevrier-2024-without-publication-date"),
        pytest.param("A enchente de 12 de março de 2026 deixou 17 mortos em Minas Gerais.", MON,
                     dt.date(2026, 3, 12), id="pt-12-de-marco-de-2026"),
        pytest.param("Em fevereiro de 2026, os combates deixaram 300 mortos e milhares de desalojados.", MON,
                     dt.date(2026, 2, 1), id="pt-fevereiro-de-2026-is-the-month"),
        pytest.param("KINSHASA, 17 mars 2026 (AFP) - Au moins 30 personnes sont mortes dans des inondations "
                     "survenues dimanche, a indiqué mardi le gouvernement.", dt.date(2026, 3, 18), dt.date(2026, 3, 15),
                     id="fr-a-wire-dateline-dates-the-report"),
        pytest.param("KINSHASA, 17 mars 2026 (AFP) - Au moins 30 personnes sont mortes dans des inondations "
                     "survenues dimanche.", None, dt.date(2026, 3, 15), id="fr-a-wire-dateline-is-the-base"),
        pytest.param("MADRID, 17 de marzo de 2026 (EFE).- Tres personas murieron ayer en un incendio.", None,
                     dt.date(2026, 3, 16), id="es-a-wire-dateline-is-the-base-for-ayer"),
        pytest.param("Los combates de mediados de febrero dejaron 40 muertos y miles de desplazados.", MON,
                     dt.date(2026, 2, 1), id="es-mediados-de-febrero-is-the-month"),
        pytest.param("Les affrontements de fin février ont fait 40 morts et des milliers de déplacés.", MON,
                     dt.date(2026, 2, 1), id="fr-fin-fevrier-is-the-month"),
        pytest.param("Um homem foi morto; o marco da praça foi destruído em 3 ataques.", MON, MON,
                     id="pt-marco-without-a-day-is-a-landmark"),
    ],
)
def test_spanish_french_portuguese_calendar_dates(text: str, published: dt.date | None,
                                                  expected: dt.date | None) -> None:
    assert _date(text, published) == expected
