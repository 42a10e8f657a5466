"""Casualty and displacement figures: curated sentences for every phrase family.

Every sentence here is written for this test (none comes from the evaluation data).
Each row gives the expected ``best`` of killed, wounded and displaced for the text as one
event (``None`` = no figure reported, ``0`` = an explicit zero).
"""

from __future__ import annotations

import re

import pytest

from extraction._scan import (
    WordStartPattern,
    finditer_at,
    first_chars,
    occurrences,
    pivot_pattern,
    space_run_start,
    substring_test,
)
from extraction.figures import combine_figures, find_figures
from extraction.text import split_sentences
from schemas import FigureKind


def totals(text: str) -> tuple[int | None, int | None, int | None]:
    values, _kind = combine_figures(find_figures(text, split_sentences(text)))
    return tuple(None if values[k] is None else values[k].best for k in ("killed", "wounded", "displaced"))


FAMILIES = [
    # killed: verbs and nouns
    pytest.param("Gunmen killed 6 farmers near the river on Monday.", (6, None, None), id="killed-active"),
    pytest.param("Seven traders were killed when the market was shelled.", (7, None, None), id="killed-passive"),
    pytest.param("Nine people died after the ferry capsized.", (9, None, None), id="died"),
    pytest.param("The attack left 14 dead, officials said.", (14, None, None), id="left-dead"),
    pytest.param("The death toll stood at 31 on Friday.", (31, None, None), id="death-toll"),
    pytest.param("Hospital staff counted 22 fatalities.", (22, None, None), id="fatalities"),
    pytest.param("Militants attacked a police post in Bannu last week, killing 5 officers.", (5, None, None),
                 id="last-week-lead-is-the-event"),
    pytest.param("Last year, floods killed 40 people in the region.", (None, None, None),
                 id="last-year-lead-stays-background"),
    pytest.param("A similar attack last week killed 5 officers.", (None, None, None),
                 id="similar-attack-last-week-stays-background"),
    pytest.param("SRINAGAR, India, May 3 - Two suspected militants and a policeman were killed in a gunfight.",
                 (3, None, None), id="dateline-dash-is-no-range"),
    pytest.param("Clashes killed 10 - 15 people.", (10, None, None), id="spaced-range-still-a-range"),
    pytest.param("Fighting has displaced 18,000 people, many of whom are sheltering in churches.",
                 (None, None, 18000), id="of-whom-subset-is-not-added"),
    pytest.param("Rebels raided the village, hacking to death 13 civilians.", (13, None, None), id="hacking-to-death"),
    pytest.param("Militants overran the post, stabbing 6 guards to death.", (6, None, None), id="gerund-wrap"),
    pytest.param("Gunmen stormed the market, shooting dead 4 traders.", (4, None, None), id="shooting-dead"),
    pytest.param("Rescuers recovered 8 bodies from the rubble.", (8, None, None), id="bodies"),
    pytest.param("Four miners lost their lives in the collapse.", (4, None, None), id="lost-their-lives"),
    pytest.param("Three children drowned when their boat capsized.", (3, None, None), id="drowned"),
    pytest.param("A farmer was shot dead at his gate.", (1, None, None), id="singular-shot-dead"),
    pytest.param("Troops shot dead three smugglers at the border.", (3, None, None), id="shot-dead-object"),
    pytest.param("A mob beat a shopkeeper to death.", (1, None, None), id="beat-to-death"),
    # wounded
    pytest.param("Twelve pupils were wounded by shrapnel.", (None, 12, None), id="wounded"),
    pytest.param("The blast injured 40 commuters.", (None, 40, None), id="injured-active"),
    pytest.param("Five guards were hurt in the scuffle.", (None, 5, None), id="hurt"),
    # displaced, people vs households
    pytest.param("The floods displaced 4,500 people in the valley.", (None, None, 4500), id="displaced"),
    pytest.param("About 900 villagers fled the fighting.", (None, None, 900), id="fled"),
    pytest.param("Authorities evacuated more than 2,000 residents.", (None, None, 2000), id="evacuated"),
    pytest.param("The storm left 350 people homeless.", (None, None, 350), id="homeless"),
    pytest.param("Fire forced 60 people from their homes.", (None, None, 60), id="forced-from-homes"),
    pytest.param("Some 1,100 people are sheltering in relief camps.", (None, None, 1100), id="relief-camps"),
    pytest.param("The landslide displaced 120 families.", (None, None, None), id="households-not-people"),
    pytest.param("The number of displaced people rose to 12,000 on Monday.", (None, None, 12000),
                 id="number-of-displaced"),
    pytest.param("About 600 people sought refuge in schools and churches.", (None, None, 600), id="sought-refuge"),
    pytest.param("The conflict has displaced more than 1.2 million people since 2014.", (None, None, 1_200_000),
                 id="displacement-stock-counts"),
    pytest.param("Last year floods displaced 20,000 people. This week 3,000 people were evacuated.",
                 (None, None, 3000), id="displacement-last-year-does-not"),
    pytest.param("The floods forced the evacuation of, according to officials, 2,300 people.", (None, None, 2300),
                 id="evacuation-of-with-aside"),
    pytest.param("Some 4,100 residents living in low-lying coastal villages had moved to safer places.",
                 (None, None, 4100), id="long-subject-moved-to-safety"),
    # people hit by gunfire who did not die are wounded
    pytest.param("Police said a 19-year-old man was shot in the leg.", (None, 1, None), id="shot-singular"),
    pytest.param("A teenager suffered a gunshot wound to the arm.", (None, 1, None), id="gunshot-wound"),
    pytest.param("Four people were shot, one fatally.", (1, 3, None), id="shot-one-fatally"),
    pytest.param("A man was shot and killed outside a bar.", (1, None, None), id="shot-and-killed-not-wounded"),
    pytest.param("The crash left two men dead and a 4-year-old hurt.", (2, 1, None), id="participle-hurt"),
    pytest.param("Police asked whether the boy shot himself or if someone shot him.", (None, 1, None),
                 id="either-or-is-one"),
    pytest.param("Witnesses saw two men start shooting at each other.", (None, None, None),
                 id="shooters-are-not-shot"),
    pytest.param("Dozens of people gathered near the site of the shooting.", (None, None, None),
                 id="crowd-is-not-a-count"),
    # compositions
    pytest.param("Four officers and five assailants were killed in the raid.", (9, None, None),
                 id="composed-subject"),
    pytest.param("The bomb went off, killing 10 soldiers and wounding 3 others.", (10, 3, None),
                 id="killing-and-wounding"),
    pytest.param("A teacher and a nurse were killed in the crossfire.", (2, None, None), id="coordinated-singulars"),
    pytest.param("Eleven people, including four children, were killed.", (11, None, None), id="including-subset"),
    pytest.param("Six people, including a guard, two clerks, and three visitors, were killed.", (6, None, None),
                 id="including-enumeration"),
    pytest.param("Four officials, including a mayor and his aide, and one driver were killed.", (5, None, None),
                 id="including-then-another-group"),
    pytest.param("Two men were killed in a shooting on Sunday. Deputies found the men, 19 and 23, dead in the "
                 "yard.", (2, None, None), id="every-age-of-a-list-is-an-age"),
    pytest.param("Three teenagers, 17, 18 and 20, were wounded.", (None, 3, None), id="ages-listed-after-a-plural"),
    pytest.param("A man was shot dead on Friday night. At least 12 people were shot across the city over the "
                 "holiday, police said.", (1, None, None), id="a-citywide-tally-is-background"),
    pytest.param("A bomb killed 9 people on Monday. Another 30 were wounded and taken to hospitals across the city.",
                 (9, 30, None), id="hospitals-across-the-city-are-this-events"),
    pytest.param("A 27-year-old man is dead after a shooting late Saturday. A 24-year-old woman was shot in the "
                 "arm. She is expected to survive.", (1, 1, None), id="shot-and-expected-to-survive-is-wounded"),
    pytest.param("One man was killed on Friday. Another man was grazed by a bullet.", (1, 1, None),
                 id="grazed-by-a-bullet-is-wounded"),
    pytest.param("A woman was shot and killed at her workplace. Her co-worker was also shot and is in critical "
                 "condition.", (1, 1, None), id="also-shot-is-someone-besides-the-dead"),
    pytest.param("A man was killed outside a bar. Another man was shot in the leg.", (1, 1, None),
                 id="another-man-shot-is-someone-besides-the-dead"),
    pytest.param("A man who was shot late Saturday died Monday. A second man wounded in the shooting was treated "
                 "and released.", (1, 1, None), id="a-second-man-wounded-in-the-shooting"),
    pytest.param("Five people were struck by gunfire outside the club.", (None, 5, None), id="struck-by-gunfire"),
    pytest.param("Police found two men suffering from gunshot wounds. One died.", (1, 1, None),
                 id="suffering-from-gunshot-wounds"),
    pytest.param("A man was struck by gunfire and died at the scene.", (1, None, None),
                 id="struck-by-gunfire-and-died"),
    pytest.param("A neighbor said her vehicle was also hit by bullets.", (None, None, None),
                 id="a-vehicle-hit-by-bullets-is-no-one"),
    pytest.param("The boy accidentally shot his 5-year-old sister, who died at the hospital.", (1, None, None),
                 id="shot-his-sister-who-died"),
    pytest.param("Two men were arrested in the killing of a 38-year-old man who died two weeks after the shooting.",
                 (1, None, None), id="the-killing-of-a-man-who-died-is-one-person"),
    pytest.param("The boy was resting in the hospital after suffering a gunshot wound.", (None, 1, None),
                 id="after-suffering-a-gunshot-wound"),
    pytest.param("A 17-year-old boy was shot and killed Tuesday night, the second teenager killed in the city this "
                 "week.", (1, None, None), id="the-second-teenager-killed-this-week-is-a-tally"),
    pytest.param("A boy, 6, suffered a graze wound to the head.", (None, 1, None), id="graze-wound"),
    pytest.param("Police said three people were hurt, and a 19-year-old was shot in the leg. He is expected to "
                 "survive.", (None, 3, None), id="a-survivor-beside-a-wounded-count-is-one-of-them"),
    pytest.param("The blast killed 7 people and 12 others were injured.", (7, 12, None),
                 id="killed-n-and-m-others-were-injured-is-two-clauses"),
    pytest.param("Attackers killed 2 guards and 4 more were wounded.", (2, 4, None),
                 id="killed-n-and-m-more-were-wounded"),
    pytest.param("The floods affected 9,000 people and 1,200 were evacuated.", (None, None, 1200),
                 id="affected-is-no-subject-of-the-next-verb"),
    pytest.param("Clashes left 3 soldiers and 2 separatists dead.", (5, None, None),
                 id="left-a-and-b-dead-counts-both"),
    pytest.param("Heavy rains have affected 20,000 people, and 3,100 people were made homeless.",
                 (None, None, 3100), id="affected-then-made-homeless"),
    pytest.param("Floods have forced 18,000 people from their homes since late last month, the Red Cross said.",
                 (None, None, 18000), id="displaced-since-last-month-is-a-stock-in-the-lead"),
    pytest.param("Ten people died on Monday and three more on Tuesday, bringing the toll to 13.", (13, None, None),
                 id="bringing-the-toll-to-is-the-events-own-total"),
    pytest.param("Authorities revised the number of dead down to 14 from 17.", (14, None, None),
                 id="the-number-of-dead-revised-down"),
    pytest.param("The number of people displaced by the floods has climbed to 48,000.", (None, None, 48000),
                 id="the-number-of-people-displaced-climbed-to"),
    pytest.param("Officials earlier said 9 were killed; the final count was 11.", (11, None, None),
                 id="the-final-count"),
    pytest.param("Fighting has displaced some 6,000 people this week, bringing the number of displaced in the "
                 "district to 210,000.", (None, None, 6000), id="bringing-the-number-to-is-a-wider-total"),
    pytest.param("Divers found 3 more bodies on Monday, bringing the death toll to 15.", (15, None, None),
                 id="bringing-the-toll-to-after-an-addition-is-the-update"),
    pytest.param("Three people drowned in the district on Wednesday, bringing the death toll from this year's "
                 "floods to 27.", (3, None, None), id="bringing-this-years-toll-to-is-a-wider-total"),
    pytest.param("Landslides killed 4 villagers on Sunday, raising the number of people killed since the start of "
                 "the monsoon to 61.", (4, None, None), id="raising-the-seasons-toll-to-is-a-wider-total"),
    pytest.param("Floods this year have killed 27 people, bringing misery to thousands.", (None, None, None),
                 id="a-running-total-before-the-clause-stays-background"),
    pytest.param("A roadside bomb struck a minibus on Monday, killing at least seven people. The blast came days "
                 "after a suicide attack in another city killed 11.", (7, None, None),
                 id="came-days-after-an-attack-is-an-earlier-incident"),
    pytest.param("Gunmen killed 4 guards at a mine on Friday, an attack that followed weeks after raiders killed 9 "
                 "miners there.", (4, None, None), id="followed-weeks-after-in-the-events-own-sentence"),
    pytest.param("Gunmen killed 4 guards on Friday, two days after a similar attack killed 9 miners nearby.",
                 (4, None, None), id="n-days-after-a-similar-attack-marks-only-its-clause"),
    pytest.param("A car bomb killed 7 people at a market on Saturday, weeks after a similar blast killed 20.",
                 (7, None, None), id="weeks-after-a-similar-blast-marks-only-its-clause"),
    pytest.param("Last year gunmen killed 12 guards, two days after a similar attack killed 9 miners.",
                 (None, None, None), id="a-background-head-stays-background-before-an-after-clause"),
    pytest.param("The attack, which killed 6 soldiers, came weeks after insurgents killed 20 in the same district.",
                 (6, None, None), id="which-killed-n-came-weeks-after"),
    # an opening "<time span> after <an incident that killed N>," is an earlier incident when the
    # article counts its own; alone, it is the incident the article follows up
    pytest.param("A week after the storm that killed 23 people in the delta, residents were still without power. "
                 "On Sunday, a mudslide killed 3 more.", (3, None, None),
                 id="a-week-after-the-storm-that-killed-is-an-earlier-incident"),
    pytest.param("Two days after a car bomb that killed 9 people in the market, gunmen shot dead 2 policemen at a "
                 "checkpoint.", (2, None, None), id="days-after-a-bomb-that-killed-then-the-events-own-count"),
    pytest.param("Hours after an airstrike which killed 6 fighters near the border, rebels shelled the town, "
                 "killing 1 civilian and wounding 4.", (1, 4, None), id="hours-after-an-airstrike-which-killed"),
    pytest.param("Two days after the attack that killed 9 villagers, police arrested three suspects.", (9, None, None),
                 id="days-after-the-attack-alone-is-the-followed-up-incident"),
    pytest.param("A man died on Sunday, a day after he was shot outside a store.", (1, None, None),
                 id="died-a-day-after-being-shot-is-the-same-incident"),
    pytest.param("The siege forced nearly all of the town's 90,000 residents to flee, and about 6,000 are staying "
                 "in evacuation centres.", (None, None, 90000), id="where-some-of-the-displaced-stay-is-a-part"),
    pytest.param("Floods displaced 3,000 people in one district and 2,000 in another.", (None, None, 5000),
                 id="displaced-in-two-places-add"),
    pytest.param("The floods displaced 540 households comprising 2,700 people.", (None, None, 2700),
                 id="households-comprising-people"),
    pytest.param("More than 5,000 people from 1,100 households have been evacuated.", (None, None, 5000),
                 id="people-from-households"),
    pytest.param("Over 400 families, about 2,000 persons, have been relocated to a government camp.",
                 (None, None, 2000), id="households-with-people-in-apposition"),
    pytest.param("At least 12 villages were submerged and 8,000 residents moved to higher ground.",
                 (None, None, 8000), id="moved-to-higher-ground"),
    pytest.param("Around 300 people are living in tents after their homes were destroyed.", (None, None, 300),
                 id="living-in-tents"),
    pytest.param("The mudslide buried 11 houses; 74 people have been moved to a government shelter.",
                 (None, None, 74), id="moved-to-a-shelter"),
    pytest.param("Some 350 residents were moved to an evacuation centre.", (None, None, 350),
                 id="moved-to-an-evacuation-centre"),
    pytest.param("The district governor, his driver and their four guards were killed.", (6, None, None),
                 id="singulars-listed-before-a-counted-group"),
    pytest.param("A shopkeeper and his two sons were wounded.", (None, 3, None),
                 id="a-singular-and-his-counted-kin"),
    pytest.param("The fighting erupted and two soldiers were killed.", (2, None, None),
                 id="a-clause-before-and-is-no-person"),
    pytest.param("Earlier this month, floods killed 40 people in the south, and on Monday a landslide killed 6 "
                 "more in the hills.", (6, None, None), id="a-clause-dated-by-its-day-after-background"),
    pytest.param("Last year gunmen killed 12 traders on this road; on Sunday they killed 3 drivers.",
                 (3, None, None), id="a-day-clause-after-a-semicolon"),
    pytest.param("A 19-year-old was shot and killed and his friend wounded Sunday night.", (1, 1, None),
                 id="elliptic-passive-his-friend-wounded"),
    pytest.param("A soldier was killed and a civilian wounded.", (1, 1, None), id="elliptic-passive-a-civilian"),
    pytest.param("The officer was wounded and the gunman killed.", (1, 1, None), id="elliptic-passive-the-gunman"),
    pytest.param("Three people were shot, two of them fatally, outside a club.", (2, 1, None),
                 id="shot-n-of-them-fatally"),
    pytest.param("The toll rose to 17 after four more injured workers died in hospital.", (17, None, None),
                 id="injured-workers-who-died-are-no-wounded"),
    pytest.param("Officials said 23 other workers were still being treated for burns.", (None, 23, None),
                 id="treated-for-burns"),
    pytest.param("A woman was found shot to death early Monday, the city's third homicide of the year.",
                 (1, None, None), id="homicide-of-the-year-is-no-victim"),
    pytest.param("Seven members of one family, including four children, died in the fire.", (7, None, None),
                 id="members-of-one-family"),
    pytest.param("The explosion killed the driver and injured his two passengers.", (1, 2, None),
                 id="possessive-before-a-counted-object"),
    pytest.param("The militants executed two hostages and released the other four.", (2, None, None),
                 id="executed-with-an-object"),
    pytest.param("Nine civilians, six of them women, were killed.", (9, None, None), id="n-of-them-is-a-subset"),
    pytest.param("Gunmen ambushed a convoy, killing 2 of them.", (2, None, None), id="killing-n-of-them-is-a-count"),
    pytest.param("A gunman opened fire on worshippers, killing 5 and injuring 8 before he was shot dead by police.",
                 (6, 8, None), id="he-shot-dead-after-his-victims-is-the-gunman"),
    pytest.param("Assailants stormed the offices of an aid agency. Four employees and the five attackers were "
                 "killed; 26 others were injured.", (9, 26, None), id="the-n-attackers-beside-another-count"),
    pytest.param("A guard fired, killing the two suspects. One of them, a 14-year-old, was identified on Monday "
                 "as a student who was killed.", (2, None, None), id="the-n-suspects-alone-is-the-named-group"),
    pytest.param("The car bomb killed four people and wounded 23, police said. Two of the wounded later died.",
                 (6, 21, None), id="two-of-the-wounded-later-died-move-to-the-dead"),
    pytest.param("Three men were wounded in the shooting. One of them died Monday.", (1, 2, None),
                 id="one-of-them-died-leaves-the-wounded"),
    pytest.param("Five people were injured in the blast; one of the injured died in hospital.", (1, 4, None),
                 id="one-of-the-injured-died"),
    pytest.param("A boy killed himself on Thursday, police said. Officers found Ian Roe, 10, dead in the apartment.",
                 (1, None, None), id="suicide-restated-by-name"),
    pytest.param("A man killed himself after a standoff in Akron. Police named him as Tom Lee, 52. Lee was pronounced "
                 "dead at the scene.", (1, None, None), id="suicide-restated-by-surname"),
    pytest.param("A man shot his wife and then killed himself. Officers found Jane Roe, 40, dead in the kitchen.",
                 (2, None, None), id="a-named-victim-of-a-murder-suicide-is-not-the-suicide"),
    pytest.param("A man shot his girlfriend and her mother before turning the gun on himself. The girlfriend died at "
                 "the scene. Her mother is expected to survive. The man, 31, was pronounced dead at the home.",
                 (2, 1, None), id="turned-the-gun-on-himself-restated-and-her-mother-is-a-person"),
    pytest.param("A shooting that left two people dead was ruled a murder-suicide. A man shot his ex-wife before he "
                 "turned the gun on himself.", (2, None, None), id="the-count-of-a-murder-suicide-covers-the-suicide"),
    pytest.param("Police: boy killed himself after argument. A 10-year-old boy turned a gun on himself on Monday, "
                 "police said.", (1, None, None), id="a-suicide-said-twice-in-one-crawled-sentence"),
    pytest.param("Police say a boy, 11, killed himself on Monday. Officers found Tim Fox dead in the apartment. "
                 "Detectives say he shot himself once, inflicting a fatal wound.", (1, None, None),
                 id="suicide-restated-by-name-beside-shot-himself"),
    pytest.param("A mother shot her son and then killed herself. Officers found one woman dead and the boy with a "
                 "gunshot wound to the arm.", (1, 1, None), id="murder-suicide-one-woman-dead-is-the-suicide"),
    pytest.param("Officers shot the suspect several times. He survived.", (None, 1, None),
                 id="shot-the-suspect-several-times"),
    pytest.param("A deputy shot the driver twice. The driver is expected to survive.", (None, 1, None),
                 id="shot-the-driver-twice"),
    pytest.param("Ten people died on Monday and another three on Tuesday.", (13, None, None),
                 id="elliptic-another-three-on-tuesday"),
    pytest.param("Six people were injured in Beni and a further four in Oicha.", (None, 10, None),
                 id="elliptic-a-further-four-in-a-place"),
    pytest.param("The mine killed 4 soldiers and another 2 were wounded.", (4, 2, None),
                 id="and-another-n-were-wounded-is-no-single-object"),
    pytest.param("Bandits killed 3 herders and another 4 were abducted near Gusau.", (3, None, None),
                 id="and-another-n-were-abducted-is-no-single-object"),
    pytest.param("Another teen who was with him was grazed by a bullet.", (None, 1, None),
                 id="subject-with-a-relative-clause"),
    pytest.param("A shopkeeper who had refused to pay the gang in Cali was shot dead outside his store.",
                 (1, None, None), id="subject-with-a-relative-clause-ending-in-a-place"),
    pytest.param("A herder who was grazing cattle with his brothers was killed by a landmine.",
                 (1, None, None), id="subject-with-a-relative-clause-ending-in-a-plural"),
    pytest.param("At least 9 people were killed, including the gunman, and 14 others were injured.", (9, 14, None),
                 id="including-then-others-is-a-clause"),
    pytest.param("An estimated 8,000 people have fled, half of them children.", (None, None, 8000),
                 id="half-of-them-not-added"),
    # negations give explicit zeros
    pytest.param("Mortars hit the town but there were no casualties.", (0, 0, None), id="no-casualties"),
    pytest.param("The rally ended peacefully and no one was hurt.", (0, 0, None), id="no-one-hurt"),
    pytest.param("The convoy was ambushed; no fatalities were reported.", (0, None, None), id="no-fatalities"),
    pytest.param("The mayor escaped unharmed from the ambush.", (0, 0, None), id="unharmed"),
    # perpetrators
    pytest.param("The gunman killed two guards and then himself.", (3, None, None), id="killed-himself"),
    pytest.param("Six shoppers were killed. The bomber also died.", (7, None, None), id="bomber-also-died"),
    pytest.param("In addition to the attacker, four people were killed.", (5, None, None), id="in-addition-to"),
    pytest.param("Three police officers were killed and two attackers were shot dead.", (5, None, None),
                 id="victims-and-perpetrators"),
    pytest.param("Five people, including the gunman, died. He had shot four neighbours.", (5, None, None),
                 id="total-covers-perpetrator"),
    pytest.param("Four people are dead, including the gunman. Police said he killed himself.", (4, None, None),
                 id="subset-names-the-perpetrator"),
    pytest.param("The gunman fired into the car, striking the driver but not killing him.", (None, None, None),
                 id="not-killing"),
    pytest.param("A second victim was killed a short time later at a gas station.", (1, None, None),
                 id="passive-has-no-object"),
    # not double counting
    pytest.param("Twenty people were killed in the strike. The strike killed 20 people, mostly women.",
                 (20, None, None), id="repeated-toll-counts-once"),
    pytest.param("Three soldiers were killed. Another two died later in hospital.", (5, None, None),
                 id="another-adds"),
    pytest.param("Last year a similar attack killed 20 people. On Sunday two guards were killed.",
                 (2, None, None), id="background-year"),
    pytest.param("Since the war began 500,000 people have died. A shell killed 3 civilians today.",
                 (3, None, None), id="background-campaign"),
    pytest.param("The government said 25 were killed, but other sources reported 37 were killed.",
                 (25, None, None), id="conflicting-sources-conservative"),
    # known gaps
    pytest.param("Gunmen abducted 9 drivers. They later killed them.", (9, None, None), id="anaphora"),
    pytest.param("Militants kidnapped four engineers on Monday. The hostages were killed on Friday.", (4, None, None),
                 id="anaphora-hostages"),
    pytest.param("Gunmen abducted 9 drivers and released them unharmed.", (0, 0, None), id="abducted-released"),
    pytest.param("Two men were shot, one fatally.", (1, 1, None), id="one-fatally"),
    pytest.param("The shooting wounded a man, a woman and a teenager.", (None, 3, None), id="singular-object-list"),
    pytest.param("A mother shot her son and then killed herself. Officers found the woman dead.", (1, 1, None),
                 id="murder-suicide-restated"),
    pytest.param("A man shot his former girlfriend in a parking lot and then killed himself. The woman, 26, was "
                 "hospitalized. The man, 33, died at the scene.", (1, 1, None),
                 id="murder-suicide-the-man-died-is-the-suicide"),
    pytest.param("A woman shot and killed her husband and then turned the gun on herself.", (2, None, None),
                 id="turned-the-gun-on-herself"),
    pytest.param("Woman shot by boyfriend who then killed himself\n\nA woman was shot in the face by her boyfriend "
                 "before he turned the gun on himself. The boyfriend, 30, was pronounced dead at the scene.",
                 (1, 1, None), id="the-boyfriend-pronounced-dead-is-the-suicide"),
    pytest.param("Girl, 15, dies after accidentally shooting herself: Police Dept.\n\nA 15-year-old girl died after "
                 "she accidentally shot herself at a friend's home.", (1, None, None),
                 id="a-headline-ending-in-an-abbreviation-is-its-own-sentence"),
    pytest.param("The gunman turned the gun on himself and was taken to a hospital in critical condition.",
                 (None, None, None), id="turned-the-gun-on-himself-and-survived"),
    pytest.param("An initial report said two people died; police later said one person died.", (1, None, None),
                 id="correction"),
    pytest.param("Police said 3 people were killed. Hospital officials later said 5 people died.", (5, None, None),
                 id="correction-up"),
    pytest.param("Police said 5 people were killed. Officials later said 3 people died.", (3, None, None),
                 id="correction-down"),
    pytest.param("A car bomb killed 8 people on Sunday. Police later said the bomber also died in the blast.",
                 (9, None, None), id="later-said-an-addition-is-no-correction"),
    pytest.param("A bomb killed 10 people and wounded 20. The toll later rose to 12.", (12, 20, None),
                 id="update-replaces-its-field-only"),
    pytest.param("His mother and younger brother were found dead.", (2, None, None), id="bare-coordination"),
    pytest.param("Her husband and son were killed in the raid.", (2, None, None), id="kin-coordination"),
    pytest.param("Gunmen killed a shopkeeper, a father of three, on Monday.", (1, None, None),
                 id="appositive-is-not-a-list"),
    pytest.param("The blast wounded a policeman, a soldier and a child.", (None, 3, None), id="comma-list-closed-by-and"),
    pytest.param("Gunmen killed a village chief and his two sons.", (3, None, None), id="singular-then-counted-object"),
    pytest.param("A soldier was killed and another injured.", (1, 1, None), id="and-another"),
    pytest.param("Three were killed and another died later in hospital.", (4, None, None), id="and-another-adds"),
    pytest.param("The body of a missing farmer was found near the road.", (1, None, None), id="body-of"),
    pytest.param("Rescuers recovered the bodies of 7 miners.", (7, None, None), id="bodies-of"),
    pytest.param("THE GOVERNMENT CONDEMNED THE MURDER OF GENERAL JUAN PEREZ LOPEZ IN THE CAPITAL.", (1, None, None),
                 id="upper-case-name"),
    pytest.param("THE PEOPLE KILLED INCLUDE SEVERAL MAYORS.", (None, None, None), id="upper-case-not-a-name"),
    # things that are not counts
    pytest.param("A 7-year-old boy was killed by a stray bullet.", (1, None, None), id="age-is-not-a-count"),
    pytest.param("Omar Haddad, 34, was shot dead outside his shop.", (1, None, None), id="apposed-age"),
    pytest.param("The blast on 12 May 2019 injured two porters.", (None, 2, None), id="date-is-not-a-count"),
    # restatements, sources and breakdowns are not more people
    pytest.param("A mine blast killed 7 workers and injured 15. Several of the injured were in critical condition.",
                 (7, 15, None), id="partitive-of-the-wounded"),
    pytest.param("An air raid killed five traders, three local officials said.", (5, None, None),
                 id="sources-after-a-comma-are-not-victims"),
    pytest.param("The clashes killed 13 fighters, eight from the militia and five from the army, a monitor said.",
                 (13, None, None), id="breakdown-after-a-total"),
    pytest.param("The bomb killed 6 guards and a cleaner at the gate.", (7, None, None),
                 id="singular-after-counted-group"),
    pytest.param("Three fishermen who tried to flee were shot dead.", (3, None, None),
                 id="tried-to-flee-is-no-displacement"),
    pytest.param("The death toll from Monday's collapse of the textile factory in the old industrial zone has "
                 "risen to 64, officials said.", (64, None, None), id="toll-far-from-its-figure"),
    pytest.param("Doctors said 48 people were being treated for wounds.", (None, 48, None), id="treated-for-wounds"),
    pytest.param("About 2,400 people were moved to relief camps in schools.", (None, None, 2400),
                 id="moved-to-relief-camps"),
    pytest.param("There were no immediate reports of casualties.", (0, 0, None), id="no-immediate-reports"),
    pytest.param("The clinic served about 900 people who had fled earlier fighting.", (None, None, None),
                 id="fled-earlier-fighting-is-background"),
    pytest.param("Flooding forced 300 families out of their homes. The families, about 1,800 people in all, "
                 "have sought shelter in churches.", (None, None, 1800), id="apposition-gives-people"),
    pytest.param("Troops killed 14 rebels on Sunday, the army said. The rebels said in a statement they "
                 "had killed 40 soldiers, a claim that could not be verified.", (14, None, None),
                 id="a-partys-claim-yields-to-the-official-figure"),
    pytest.param("Militants overran an outpost on Sunday, killing at least 6 soldiers, an officer said. The group "
                 "said it had killed 35 soldiers, a figure that could not be independently verified.", (6, None, None),
                 id="a-figure-that-could-not-be-verified-is-a-claim"),
    pytest.param("Militants overran an outpost on Sunday, killing at least 6 soldiers, an officer said. The "
                 "insurgents later said they had killed 35.", (6, None, None), id="the-group-said-it-had-killed-is-a-claim"),
    pytest.param("Activists said 30 people were killed, a toll that could not be independently confirmed.",
                 (30, None, None), id="an-unverified-figure-alone-stands"),
    # attackers killed, told in a sentence of their own after the victims
    pytest.param("Gunmen stormed a bank in Tamale. Four guards were killed. The two attackers were also killed.",
                 (6, None, None), id="the-n-attackers-after-the-victims"),
    pytest.param("Three villagers were killed. The four militants were killed by soldiers later that day.",
                 (7, None, None), id="the-n-militants-after-the-victims"),
    pytest.param("Six people, including the two bombers, were killed. The two bombers were also killed.",
                 (6, None, None), id="the-n-bombers-already-in-the-total"),
    # "martyred": soldiers and police killed, in Pakistani and Kashmiri reports
    pytest.param("Three soldiers were martyred when militants attacked a post in Zhob.", (3, None, None),
                 id="were-martyred"),
    pytest.param("Five militants were killed and a policeman martyred in the raid.", (6, None, None),
                 id="killed-and-a-policeman-martyred"),
    pytest.param("Two constables embraced martyrdom and four were injured in the blast.", (2, 4, None),
                 id="embraced-martyrdom"),
    pytest.param("Terrorists martyred four policemen at a checkpoint in Lakki Marwat.", (4, None, None),
                 id="active-martyred-n"),
    pytest.param("Gunmen martyred a schoolteacher in Turbat on Sunday.", (1, None, None),
                 id="active-martyred-a-person"),
    pytest.param("Medics declared 3 passengers dead at the scene.", (3, None, None),
                 id="a-word-opening-like-a-month-is-no-month"),
    # a singular person before a counted group, after an opening date or time phrase
    pytest.param("On 9 June 2019, a farmer and his 2 sons were killed by a landmine near Kidal.", (3, None, None),
                 id="dated-lead-singular-before-group"),
    pytest.param("Yesterday, a nurse and 4 patients were injured when the clinic was shelled.", (None, 5, None),
                 id="time-lead-singular-before-group-wounded"),
    pytest.param("During the raid, the commander and his 6 guards were killed.", (7, None, None),
                 id="during-lead-singular-before-group"),
    pytest.param("Deputies found a woman and her two children dead inside a home.", (3, None, None),
                 id="found-a-singular-and-a-group-dead"),
    pytest.param("Rescuers found the driver and three passengers dead in the wreck.", (4, None, None),
                 id="found-the-driver-and-a-group-dead"),
    pytest.param("Police found two women dead in the house.", (2, None, None), id="found-a-group-dead"),
    # attackers left out of a count ("not counting the bomber") died too
    pytest.param("A bomber struck a market. At least 9 people were killed, not counting the bomber.",
                 (10, None, None), id="not-counting-the-bomber"),
    pytest.param("Eleven guards were killed, excluding the three attackers.", (14, None, None),
                 id="excluding-the-n-attackers"),
    pytest.param("He blew himself up at the gate, killing 4 soldiers besides himself.", (5, None, None),
                 id="besides-himself"),
    # "N of whom were killed" with a digit, and of a group other than the one counted killed
    pytest.param("Pirates seized 14 fishermen, 5 of whom were later killed.", (5, None, None),
                 id="digit-of-whom-is-no-age"),
    pytest.param("Raiders killed 3 villagers near Goma and abducted 8 others, 2 of whom were later killed.",
                 (5, None, None), id="of-whom-of-another-group-adds"),
    # "another <person>" as the subject of a sentence of its own is one more
    pytest.param("A trader was shot dead in Gao on Monday. Another trader was killed on Tuesday.", (2, None, None),
                 id="another-person-in-a-new-sentence-adds"),
    pytest.param("Four soldiers were killed in the ambush. Another soldier was killed by a mine the next day.",
                 (5, None, None), id="another-soldier-after-a-count-adds"),
    pytest.param("Two herders were killed in the raid. Another herder died later in hospital.", (3, None, None),
                 id="another-person-died-adds"),
    pytest.param("A guard was killed at the gate. Another guard succumbed to his wounds on Friday.", (2, None, None),
                 id="another-person-succumbed-adds"),
    # a count per side of a two-sided clash
    pytest.param("Clashes between two clans over a well left 3 dead on each side.", (6, None, None),
                 id="dead-on-each-side"),
    pytest.param("The fighting killed 4 fighters from each side and wounded 9.", (8, 9, None),
                 id="killed-from-each-side"),
    # a suicide bomber whose strike is told by "struck", "rammed", "drove ... into" died too
    pytest.param("A suicide bomber struck a funeral in Mardan, killing 6 mourners and wounding 11.", (7, 11, None),
                 id="suicide-bomber-struck-is-added"),
    pytest.param("A suicide bomber rammed a van into the gate of the base. Three guards were killed.", (4, None, None),
                 id="suicide-bomber-rammed-is-added"),
    pytest.param("The suicide bomber drove a tanker laden with explosives into the barracks, killing 9 soldiers.",
                 (10, None, None), id="the-suicide-bomber-drove-into-is-added"),
    pytest.param("A suicide car bomber attacked an army post in Kunduz, killing 7 soldiers.", (8, None, None),
                 id="suicide-car-bomber-attacked-is-added"),
    pytest.param("Twin suicide bombings ripped through a bus station, killing 21 people and wounding 60.",
                 (23, 60, None), id="twin-suicide-bombings-add-two-bombers"),
    pytest.param("A suicide car bombing killed 6 policemen at a checkpoint in Baidoa.", (7, None, None),
                 id="a-suicide-bombing-adds-its-bomber"),
    pytest.param("Suicide bombers have struck the town twice. A roadside bomb killed 2 boys on Friday.",
                 (2, None, None), id="suicide-bombers-uncounted-struck-is-not-added"),
    # "lost N <people>", "lost N of their own": a side's own dead
    pytest.param("The raiders killed 4 guards but lost 3 of their own.", (7, None, None), id="lost-n-of-their-own"),
    pytest.param("Government troops lost five soldiers and nine were wounded in the fighting.", (5, 9, None),
                 id="lost-n-soldiers"),
    pytest.param("The rebels admitted they had lost 14 fighters in the offensive.", (14, None, None),
                 id="lost-n-fighters"),
    pytest.param("Villagers lost 60 houses and 300 goats in the floods.", (None, None, None),
                 id="lost-houses-and-goats-are-no-people"),
    # hit by a bullet in a body part: a person shot; another person than the dead
    pytest.param("A nurse was critically wounded on Friday. Her husband was also struck in the arm and was treated "
                 "at the scene.", (None, 2, None), id="also-struck-in-the-arm-beside-a-wounded"),
    pytest.param("One of the men opened fire on the deputy, hitting him in the shoulder.", (None, 1, None),
                 id="hitting-him-in-the-shoulder"),
    pytest.param("A teenager was hit in the leg by a stray bullet outside the store.", (None, 1, None),
                 id="hit-in-the-leg"),
    pytest.param("The clerk was struck twice in the chest and died at the scene.", (1, None, None),
                 id="struck-in-the-chest-and-died"),
    pytest.param("A cashier was shot in the neck and killed during the robbery.", (1, None, None),
                 id="shot-in-the-neck-and-killed"),
    pytest.param("A driver was killed and a passenger was shot in the hip.", (1, 1, None),
                 id="killed-and-another-person-shot"),
    pytest.param("A man was shot dead outside the bar. His cousin was shot in the foot.", (1, 1, None),
                 id="shot-dead-then-his-kin-shot-in-the-foot"),
    # displacement phrasings: where people went, where they stay, the displaced part of those affected
    pytest.param("Heavy rain lashed Assam, killing 6 people and forcing more than 40,000 people into relief camps.",
                 (6, None, 40000), id="forcing-n-people-into-camps"),
    pytest.param("The cyclone forced 12,500 villagers into shelters.", (None, None, 12500),
                 id="forced-into-shelters-is-no-dwelling-count"),
    pytest.param("About 3,900 people are staying in 21 evacuation centres in Leyte.", (None, None, 3900),
                 id="staying-in-n-evacuation-centres"),
    pytest.param("The earthquake left some 2,700 people without homes.", (None, None, 2700), id="without-homes"),
    pytest.param("More than 900 villagers have taken refuge in a mission after the raid.", (None, None, 900),
                 id="have-taken-refuge"),
    pytest.param("The number of people in evacuation centres rose to 8,100 by Friday.", (None, None, 8100),
                 id="number-of-people-in-evacuation-centres"),
    pytest.param("The number of people sheltering in evacuation centres has risen to 23,000.", (None, None, 23000),
                 id="number-of-people-sheltering-in-evacuation-centres"),
    pytest.param("The storm affected 31,000 people in Tete, of whom 4,200 were displaced.", (None, None, 4200),
                 id="of-whom-n-displaced-after-affected"),
    pytest.param("Some 5,000 people were displaced, of whom 2,000 were moved to camps.", (None, None, 5000),
                 id="of-whom-of-the-displaced-stays-a-part"),
    # displacement tables and Spanish or French fragments
    pytest.param("Evacuated people: 2,140", (None, None, 2140), id="table-evacuated-people"),
    pytest.param("Displaced persons: 9,870; affected persons: 41,000", (None, None, 9870),
                 id="table-displaced-persons"),
    pytest.param("Persons in evacuation centres - 1,318", (None, None, 1318), id="table-persons-in-centres"),
    pytest.param("El desborde del rio dejo 2.300 personas desplazadas en Tumaco.", (None, None, 2300),
                 id="spanish-personas-desplazadas"),
    pytest.param("Unas 600 familias fueron evacuadas y 2.900 personas albergadas en escuelas.", (None, None, 2900),
                 id="spanish-familias-are-households"),
    pytest.param("Les pluies ont fait 1 200 sinistres et 640 personnes déplacées à Mopti.", (None, None, 640),
                 id="french-personnes-deplacees"),
    pytest.param("Déplacé individu 18,420", (None, None, 18420), id="french-table-deplace-individu"),
    pytest.param("Quelque 9,310 PDI ont été identifiés dans la province.", (None, None, 9310), id="french-pdi"),
    pytest.param("Les crues ont laissé 2 300 sans-abri à Niamey.", (None, None, 2300), id="french-sans-abri"),
    pytest.param("Los vecinos de 14 viviendas evacuadas volvieron a sus casas.", (None, None, None),
                 id="spanish-viviendas-are-dwellings"),
    # ... and their verbs of flight and eviction
    pytest.param("Unas 4.000 personas huyeron de sus hogares por los combates en el Catatumbo.", (None, None, 4000),
                 id="spanish-huyeron"),
    pytest.param("Plus de 7 000 personnes ont fui les affrontements vers Rutshuru.", (None, None, 7000),
                 id="french-ont-fui"),
    pytest.param("Les attaques ont contraint près de 9 000 habitants à fuir leurs villages.", (None, None, 9000),
                 id="french-contraint-a-fuir"),
    pytest.param("As enchentes deixaram 1.500 desalojados e 400 desabrigados em Blumenau.", (None, None, 1900),
                 id="portuguese-desalojados-e-desabrigados"),
    pytest.param("Cerca de 2.600 pessoas foram desalojadas pelas chuvas em Recife.", (None, None, 2600),
                 id="portuguese-foram-desalojadas"),
    pytest.param("O temporal deixou cerca de 70 famílias desalojadas em Ilhéus.", (None, None, None),
                 id="portuguese-familias-are-households"),
    pytest.param("O temporal deixou cerca de 70 fam\ufffdlias desalojadas em Ilh\ufffdus.", (None, None, None),
                 id="portuguese-familias-with-a-lost-accent-are-households"),
    pytest.param("As chuvas obrigaram 300 pessoas a deixar suas casas em Manaus.", (None, None, 300),
                 id="portuguese-obrigaram-n-a-deixar",
                 marks=pytest.mark.xfail(strict=True, reason="only 'obrigaram a deixar suas casas' with the object "
                                         "after it is read; an object between the verb and 'a' is not")),
    pytest.param("Las lluvias obligaron a evacuar a 1.800 personas en Piura.", (None, None, 1800),
                 id="spanish-obligaron-a-evacuar"),
    pytest.param("Environ 350 personnes ont été évacuées après le glissement de terrain.", (None, None, 350),
                 id="french-evacuees"),
    # a figure the article's own has replaced
    pytest.param("At least 3 people died when a fire swept through a factory. Earlier reports had said 5 died.",
                 (3, None, None), id="earlier-reports-had-said-is-replaced"),
    pytest.param("Two soldiers were killed. Initial reports put the toll at four.", (2, None, None),
                 id="initial-reports-put-the-toll-is-replaced"),
    pytest.param("Initial reports said 5 died, but officials later confirmed 7 deaths.", (7, None, None),
                 id="initial-reports-corrected-in-the-same-sentence"),
    # a count of the wounded closing a subset of the dead is no part of it
    pytest.param("Reports indicate 5 killed including 2 children and 9 wounded.", (5, 9, None),
                 id="subset-closed-by-a-count-of-the-wounded"),
    pytest.param("Militants attacked a checkpoint leaving 4 people dead among them 1 police officer and 3 "
                 "civilians and 9 others injured.", (4, 9, None), id="subset-list-then-others-injured"),
    pytest.param("Nine were killed including three soldiers and two police officers.", (9, None, None),
                 id="subset-list-of-the-dead-only"),
    # numbers that count no victims of an event
    pytest.param("A study found that 1 in 5 people displaced by conflict live in camps.", (None, None, None),
                 id="a-proportion-is-no-count"),
    pytest.param("One in ten children was injured in such attacks, the report said.", (None, None, None),
                 id="a-proportion-in-words-is-no-count"),
    pytest.param("Gunmen killed 3 in 2 villages on Monday.", (3, None, None), id="n-in-m-places-is-a-count"),
    pytest.param("Real Madrid beat Barcelona 3-1 on Saturday, killing off the visitors' title hopes.",
                 (None, None, None), id="killing-off-hopes-is-an-idiom"),
    pytest.param("Two men in a 2010 black sedan opened fire, wounding a 9-year-old.", (None, 1, None),
                 id="a-cars-model-year-is-no-date"),
    pytest.param("Some 4,200 people remain in 23 evacuation centres after the river overflowed.", (None, None, 4200),
                 id="people-remaining-in-evacuation-centres"),
    pytest.param("Over 11,000 persons are currently being hosted in schools and churches.", (None, None, 11000),
                 id="people-hosted-in-schools"),
    pytest.param("Three victims remain in critical condition.", (None, 3, None), id="remain-in-a-condition-is-no-camp"),
    # Spanish, French and Portuguese dead and wounded written as nouns after a digit
    pytest.param("Las lluvias dejaron 8 muertos y 15 heridos en el estado de Veracruz.", (8, 15, None),
                 id="spanish-muertos-y-heridos"),
    pytest.param("Des affrontements ont fait 12 morts et 30 blessés dimanche en Ituri.", (12, 30, None),
                 id="french-morts-et-blesses"),
    pytest.param("O deslizamento deixou 5 mortos e 12 feridos em Petrópolis.", (5, 12, None),
                 id="portuguese-mortos-e-feridos"),
    # ... and their verbs after a counted subject
    pytest.param("Al menos 14 personas murieron y otras 9 resultaron heridas en el derrumbe de Tula.", (14, 9, None),
                 id="spanish-murieron-resultaron-heridas"),
    pytest.param("Unos 6 mineros fallecieron tras la explosión en la mina de Sabinas.", (6, None, None),
                 id="spanish-fallecieron"),
    pytest.param("Au moins 11 passagers ont péri dans le naufrage au large de Mbandaka.", (11, None, None),
                 id="french-ont-peri"),
    pytest.param("Plus de 20 civils sont décédés après les frappes sur le marché de Djibo.", (20, None, None),
                 id="french-sont-decedes"),
    pytest.param("Pelo menos 7 pessoas morreram e 3 ficaram feridas no desabamento em Salvador.", (7, 3, None),
                 id="portuguese-morreram-ficaram-feridas"),
    pytest.param("Mais de 30 pessoas perderam a vida nas chuvas em Minas Gerais.", (30, None, None),
                 id="portuguese-perderam-a-vida"),
    pytest.param("Le bilan est de 4 personnes tuées et 9 blessées.", (4, 9, None), id="french-personnes-tuees"),
    pytest.param("Trois personnes ont été tuées à Bunia.", (3, None, None), id="french-number-words"),
    pytest.param("Tres soldados murieron y cuatro resultaron heridos en un ataque en el Cauca.", (3, 4, None),
                 id="spanish-number-words"),
    pytest.param("Um dos feridos morreu no hospital de Jaboatão dos Guararapes.", (None, None, None),
                 id="portuguese-dos-is-of-the"),
    pytest.param("Cinco pessoas morreram e duas ficaram feridas no desabamento.", (5, 2, None),
                 id="portuguese-number-words"),
    pytest.param("Les combats ont fait vingt morts et quinze blessés près de Goma.", (20, 15, None),
                 id="french-number-words-before-nouns"),
    # (the words for one are also English: "UN peacekeepers"; "Fort Dix" is a place)
    pytest.param("Two UN peacekeepers were killed near Fort Dix Road.", (2, None, None),
                 id="un-and-dix-are-no-numbers"),
    pytest.param("Un policía murió en un enfrentamiento en el Cauca.", (1, None, None), id="spanish-un-is-not-read",
                 marks=pytest.mark.xfail(strict=True, reason="the words for one (un, une, um) are read only in "
                                         "English: 'UN' in English copy would count one")),
    # a singular subject of an active injury verb; a singular object with its place
    pytest.param("One soldier and two militants were killed, while another soldier sustained injuries.",
                 (3, 1, None), id="another-soldier-sustained-injuries"),
    pytest.param("Two teachers were killed; the driver survived with injuries.", (2, 1, None),
                 id="the-driver-survived-with-injuries"),
    pytest.param("Gunmen killed the village chief of Koumbri (Yatenga) and his deputy.", (2, None, None),
                 id="singular-object-of-a-place-and-another"),
    # the missing are no more dead; a quake's magnitude is no count
    pytest.param("Landslides have killed at least 17 people in Sindhupalchok and 9 others are missing.",
                 (17, None, None), id="killed-n-and-m-others-are-missing"),
    pytest.param("The floods killed 9 people and 4 remain missing.", (9, None, None), id="killed-n-and-m-remain-missing"),
    pytest.param("The death toll from a magnitude 6.1 earthquake in Sulawesi rose to 46.", (46, None, None),
                 id="toll-after-a-magnitude"),
    pytest.param("A 5.8-magnitude quake killed 4 people in Mirpur.", (4, None, None), id="hyphenated-magnitude"),
    # GVA phrasings: shot then taken to hospital, one of them later died, a suicide told as taking one's life
    pytest.param("Both men were taken to Baptist Hospital after being shot early Friday. One of them, a 25-year-old, "
                 "later died.", (1, 1, None), id="taken-to-hospital-after-being-shot-one-of-them-later-died"),
    pytest.param("A 9-year-old girl was accidentally shot and killed by her brother in Conway.", (1, None, None),
                 id="accidentally-shot-and-killed"),
    pytest.param("A gunman killed three people and wounded two at a car wash before taking his own life.", (4, 2, None),
                 id="before-taking-his-own-life"),
    pytest.param("The student leader had been missing since Monday. His body was found on Saturday under a bridge.",
                 (1, None, None), id="his-body-was-found"),
    pytest.param("Three miners were killed in the collapse. His body was found later near the shaft.", (3, None, None),
                 id="his-body-after-a-count-is-one-of-them"),
    pytest.param("A teen died after being shot on Friday. A 19-year-old man was grazed in the shooting.", (1, 1, None),
                 id="was-grazed-in-the-shooting"),
    pytest.param("A man was shot and killed on Sunday, police said.\nRELATED: Two dead, three hurt in Frayser shooting",
                 (1, None, None), id="related-story-link-is-no-figure"),
    pytest.param("A man was shot dead on Tuesday. At least 40 people have been shot in the city since Friday.",
                 (1, None, None), id="since-friday-is-a-running-total"),
    # an ongoing battle's (flood's, siege's) total over a few days is its current toll
    pytest.param("Fighting since Friday has killed at least 30 civilians in El Fasher, the UN said on Sunday.",
                 (30, None, None), id="fighting-since-friday-is-the-battles-toll"),
    pytest.param("In total more than 50 people have been killed since Monday in the fighting for the town.",
                 (50, None, None), id="killed-since-monday-in-the-fighting-for-a-town"),
    pytest.param("Rebels and troops have battled for the town since the weekend. In total more than 50 people have "
                 "been killed since Monday, medics said.", (50, None, None),
                 id="killed-since-monday-after-a-lead-naming-the-battle"),
    pytest.param("Floods since Tuesday have killed 12 people in the coastal town, officials said.", (12, None, None),
                 id="floods-since-tuesday-are-the-floods-toll"),
    pytest.param("Violence since Friday has killed 14 people in the capital, police said.", (None, None, None),
                 id="violence-since-friday-is-many-incidents"),
    pytest.param("Fighting across the country since Friday has killed 300 people.", (None, None, None),
                 id="fighting-across-the-country-since-friday-stays-a-running-total"),
    pytest.param("Police said 9 people have been killed in the city since Friday in a string of shootings.",
                 (None, None, None), id="shootings-since-friday-stay-a-running-total"),
    # "a third victim" right after a count of two is one more; "a second" after two is one of them
    pytest.param("Two people were killed when a bomb hit a bus stop. A third victim died in hospital the next day.",
                 (3, None, None), id="a-third-victim-after-two-adds"),
    pytest.param("Two people were killed in the attack. A second victim was identified as Ali Noor.", (2, None, None),
                 id="a-second-victim-after-two-is-one-of-them"),
    pytest.param("Troops recovered the bodies of 4 people killed in a raid the previous week.", (None, None, None),
                 id="killed-the-previous-week-is-background"),
    pytest.param("A father and son were shot dead and a neighbor was wounded in a dispute over a fence.", (2, 1, None),
                 id="one-article-for-two-kin"),
    pytest.param("The driver and passenger were killed when the bus was ambushed.", (2, None, None),
                 id="the-driver-and-passenger"),
    pytest.param("A boy, 15, is in critical condition after being shot. A second person, a 17-year-old, showed up at a "
                 "hospital with a gunshot wound to the hand.", (None, 2, None),
                 id="a-second-person-with-a-gunshot-wound-adds"),
    pytest.param("The boy found a pistol and accidentally shot himself and cousin.", (None, 2, None),
                 id="shot-himself-and-bare-kin"),
    pytest.param("The gun went off, accidentally shooting himself in the hand, and his sister in the thigh.",
                 (None, 2, None), id="shooting-himself-in-a-body-part-and-his-sister"),
    pytest.param("The gunman fired through the rear window, striking the driver in the neck.", (None, 1, None),
                 id="striking-the-driver-in-a-body-part"),
    pytest.param("Police first said three people were killed, but later revised the number to two.", (2, None, None),
                 id="later-revised-the-number-to-n"),
    pytest.param("Eight people died when a bus fell into a river. Rescuers pulled 14 injured passengers from the "
                 "wreckage, two of whom later died.", (10, 12, None), id="injured-two-of-whom-later-died-move"),
    pytest.param("One officer and the assailant were killed in the exchange of fire.", (2, None, None),
                 id="a-count-and-the-assailant"),
    pytest.param("At least 40 people were killed, including the two attackers, and hundreds were injured.",
                 (40, 100, None), id="including-then-a-clause-of-its-own"),
    pytest.param("At least six people, including a guard, one driver, and two gunmen were killed in the raid.",
                 (6, None, None), id="including-a-list-closed-by-and-before-the-verb"),
    pytest.param("Rebels killed 22 people in raids on two villages. Ten people died in Mbau and another 12 in Kamango.",
                 (22, None, None), id="elliptic-breakdown-of-a-total-is-the-total"),
    pytest.param("Police said a man who fired at officers during a chase was wounded when they returned fire. Officers "
                 "shot the suspect several times. He survived.", (None, 1, None),
                 id="a-man-who-fired-at-officers-is-the-suspect"),
    pytest.param("A teenager was shot in the back on Tuesday. Another teen who was with him was grazed by a bullet.",
                 (None, 2, None), id="another-grazed-beside-one-shot"),
    # a list after "Fatalities:" adds up; a zero with an exception counts the exception
    pytest.param("Fatalities: 9 soldiers, 14 militants.", (23, None, None), id="colon-list-of-fatalities"),
    pytest.param("Fatalities: 2 civilians, 3 police officers and 5 attackers.", (10, None, None),
                 id="colon-list-of-fatalities-closed-by-and"),
    pytest.param("Total fatalities: 6 (4 soldiers, 2 civilians).", (6, None, None),
                 id="colon-toll-with-a-breakdown-in-brackets"),
    pytest.param("No one was killed besides the bomber.", (1, None, None), id="nobody-but-the-bomber"),
    pytest.param("No one was killed except the three attackers.", (3, None, None), id="nobody-except-the-attackers"),
    pytest.param("A suicide bomber blew himself up at a checkpoint on Monday. The bomber was the only one killed, "
                 "police said.", (1, None, None), id="the-bomber-was-the-only-one-killed"),
    pytest.param("A gunman opened fire in a mall. A security guard was the only person injured.", (None, 1, None),
                 id="a-guard-was-the-only-person-injured"),
    # a running total's part for the last day is the report's toll
    pytest.param("Police said 62 people have been killed in the province since January, including eight in the past "
                 "24 hours.", (8, None, None), id="including-n-in-the-past-24-hours-of-a-running-total"),
    pytest.param("At least 300 people have died in the floods this year, including 12 over the past 48 hours.",
                 (12, None, None), id="including-n-over-the-past-48-hours"),
    pytest.param("Nobody died in the blaze.", (0, None, None), id="nobody-died-is-a-zero"),
    pytest.param("No one died, but 4 people were injured.", (0, 4, None), id="no-one-died-is-a-zero"),
    # taken to a hospital with injuries or gunshot wounds; still in the hospital
    pytest.param("A woman was killed and a teenager was taken to a hospital with minor injuries.", (1, 1, None),
                 id="taken-to-a-hospital-with-injuries"),
    pytest.param("Two men were rushed to Mercy Memorial Hospital with gunshot wounds.", (None, 2, None),
                 id="rushed-to-a-hospital-with-gunshot-wounds"),
    pytest.param("Two men were taken to a hospital with gunshot wounds. One of them died.", (1, 1, None),
                 id="taken-with-gunshot-wounds-one-of-them-died"),
    pytest.param("One man died at the scene. Another man is in the hospital.", (1, 1, None),
                 id="another-man-is-in-the-hospital"),
    pytest.param("A 22-year-old man remains in critical condition.", (None, 1, None), id="remains-in-critical-condition"),
    pytest.param("The victim remains hospitalized after the shooting.", (None, 1, None), id="remains-hospitalized"),
    pytest.param("A woman was in the hospital visiting her mother when the shots rang out. No one was hurt.",
                 (0, 0, None), id="was-in-the-hospital-visiting-is-no-injury"),
    pytest.param("Gunfire outside a bar claimed the life of a 24-year-old man.", (1, None, None),
                 id="claimed-the-life-of-one"),
    pytest.param("Gunfire claimed the life of a 2-year-old boy and put a 15-month-old girl in the hospital.",
                 (1, 1, None), id="put-a-girl-in-the-hospital"),
    pytest.param("The crash sent two people to area hospitals.", (None, 2, None), id="sent-two-people-to-hospitals"),
    pytest.param("A man was killed and his brother was sent to the hospital.", (1, 1, None),
                 id="was-sent-to-the-hospital"),
    pytest.param("A Dallas man is recovering after being shot during a robbery on Saturday night.", (None, 1, None),
                 id="is-recovering-after-being-shot"),
    pytest.param("A 25-year-old man was listed in critical condition after the shooting.", (None, 1, None),
                 id="was-listed-in-critical-condition"),
    # a single person killed by the police is the suspect
    pytest.param("Suspect dead after shootout with deputies\n\nA man was fatally shot by deputies on Sunday.",
                 (1, None, None), id="a-man-shot-by-deputies-is-the-suspect-of-the-headline"),
    pytest.param("Two people were killed by the gunman at the store. A man was shot dead by police a block away.",
                 (3, None, None), id="the-victims-and-the-man-shot-by-police-add"),
    pytest.param("Deadly shooting\n\nA man was killed at a police checkpoint, and the suspect was shot dead.",
                 (2, None, None), id="at-a-police-checkpoint-is-no-police-agent"),
    pytest.param("Officials sent aid to the hospital after the storm.", (None, None, None),
                 id="sent-aid-to-the-hospital-is-no-person"),
    # one gunshot wound received; a wounded person after "left ... dead and"; one of those shot died
    pytest.param("A boy had been driven to a clinic by a relative after receiving a gunshot wound to the leg.",
                 (None, 1, None), id="after-receiving-a-gunshot-wound"),
    pytest.param("The shooting left one man dead and a state trooper injured, police said.", (1, 1, None),
                 id="left-one-dead-and-a-trooper-injured"),
    pytest.param("Five people were wounded outside a home. One of the men who had been shot, a 38-year-old, died "
                 "two weeks later.", (1, 4, None), id="one-of-the-men-who-had-been-shot-died-moves"),
    pytest.param("Three people were shot at a bus stop. One of the women who was shot died Sunday.", (1, 2, None),
                 id="one-of-the-women-who-was-shot-died-moves"),
    pytest.param("Five people were wounded in a shooting in May. Police arrested two men in the killing of a man "
                 "who died weeks later. One of the men who had been shot, a 38-year-old, died at a hospital.",
                 (1, 4, None), id="one-of-the-men-who-had-been-shot-is-the-death-told-before"),
    # "another man" right after a verb of another field is the first of its own field
    pytest.param("1 dead, 1 injured in gas station shooting\n\nOne man died and another man was injured after a "
                 "shooting late Saturday.", (1, 1, None), id="one-died-and-another-man-injured-under-a-headline"),
    pytest.param("Two people were shot Saturday. One man died and another man was injured.", (1, 1, None),
                 id="two-shot-one-died-another-man-injured"),
    pytest.param("One soldier was killed on Monday. Another soldier was killed on Tuesday.", (2, None, None),
                 id="another-of-the-same-field-adds"),
    # a new person who "died of his injuries" after a wounded count was one of the wounded
    pytest.param("Three people were wounded in the shooting. A 22-year-old man later died of his injuries.",
                 (1, 2, None), id="a-man-died-of-his-injuries-moves-from-the-wounded"),
    pytest.param("Two soldiers were killed and five wounded. Another soldier succumbed to his wounds on Sunday.",
                 (3, 4, None), id="another-soldier-succumbed-to-his-wounds-moves"),
    pytest.param("One man was killed and three people were wounded. The man died of his injuries at the scene.",
                 (1, 3, None), id="the-man-died-of-his-injuries-restates"),
    pytest.param("A man was wounded in the shooting. He later died at a hospital.", (1, None, None),
                 id="the-one-wounded-man-later-died"),
    pytest.param("A woman was seriously injured in the crash and later died at the hospital.", (1, None, None),
                 id="injured-and-later-died-in-one-sentence"),
    pytest.param("A man was injured in the blast and two people died.", (2, 1, None),
                 id="injured-and-others-died-stays-wounded"),
    pytest.param("A man was killed and a woman was injured. He died at the scene.", (1, 1, None),
                 id="he-died-after-a-death-is-the-dead-man"),
]


@pytest.mark.parametrize(("text", "expected"), FAMILIES)
def test_figures_for_phrase_family(text: str, expected: tuple[int | None, int | None, int | None]) -> None:
    assert totals(text) == expected


@pytest.mark.parametrize(("text", "best"), [
    pytest.param("Officials revised the death toll upward to 71.", 71, id="revised-the-toll-upward"),
    pytest.param("Two more victims died in hospital, raising the death toll to 42.", 42, id="raising-the-toll"),
    pytest.param("Authorities lowered the death toll to 35 from 41 after a recount.", 35, id="lowered-the-toll"),
    pytest.param("The death toll fell to 30 after duplicates were removed.", 30, id="the-toll-fell"),
    pytest.param("The death toll in the quake has surged past 1,000.", 1000, id="the-toll-surged"),
])
def test_a_revised_toll_is_an_update_up_or_down(text: str, best: int) -> None:
    values, kind = combine_figures(find_figures(text, split_sentences(text)))
    assert kind == FigureKind.UPDATE
    assert values["killed"] is not None and values["killed"].best == best


@pytest.mark.parametrize(("text", "killed"), [
    pytest.param("The toll could rise as rescuers search the rubble for 20 missing people. At least 14 people were "
                 "confirmed dead.", 14, id="the-toll-could-rise-as-they-search-for-the-missing"),
    pytest.param("At least 9 people died. Officials fear the toll may rise to 30.", 9, id="the-toll-may-rise-to"),
    pytest.param("At least 9 people died, and the death toll is expected to climb to 25.", 9,
                 id="the-toll-is-expected-to-climb-to"),
    pytest.param("The death toll rose to 30 on Friday.", 30, id="the-toll-rose-to-is-a-count"),
])
def test_a_toll_said_to_be_going_to_rise_is_no_count(text: str, killed: int) -> None:
    values, _kind = combine_figures(find_figures(text, split_sentences(text)))
    assert values["killed"] is not None and values["killed"].best == killed


@pytest.mark.parametrize(("text", "low", "high"), [
    pytest.param("The death toll from the storm topped 1,000 on Tuesday.", 1000, None, id="the-toll-topped"),
    pytest.param("The death toll has exceeded 5,000, the health ministry said.", 5000, None, id="the-toll-exceeded"),
    pytest.param("The death toll in the quake has surged past 1,000.", 1000, None, id="the-toll-surged-past"),
    pytest.param("By Friday the number of dead had passed 400.", 400, None, id="the-number-of-dead-passed"),
    pytest.param("The death toll has surpassed 2,300.", 2300, None, id="the-toll-surpassed"),
    pytest.param("The death toll rose above 60 overnight.", 60, None, id="the-toll-rose-above"),
    pytest.param("The death toll rose to 60 overnight.", 60, 60, id="the-toll-rose-to-is-exact"),
    pytest.param("The death toll stood at 31 on Friday.", 31, 31, id="the-toll-stood-at-is-exact"),
])
def test_a_toll_that_went_past_a_figure_is_a_lower_bound(text: str, low: int, high: int | None) -> None:
    values, kind = combine_figures(find_figures(text, split_sentences(text)))
    killed = values["killed"]
    assert killed is not None and (killed.min, killed.max, killed.best) == (low, high, low)


def test_a_toll_stated_once_is_a_first_report() -> None:
    text = "The death toll was 12, police said."
    assert combine_figures(find_figures(text, split_sentences(text)))[1] == FigureKind.FIRST_REPORT


def test_toll_update_is_marked_as_update() -> None:
    text = "Twelve people were killed on Monday. By Tuesday the death toll rose to 40."
    values, kind = combine_figures(find_figures(text, split_sentences(text)))
    assert kind == FigureKind.UPDATE
    assert values["killed"] is not None and values["killed"].best == 40


def test_households_are_kept_apart_from_people() -> None:
    text = "The floods displaced 120 families."
    values, _ = combine_figures(find_figures(text, split_sentences(text)))
    assert values["displaced"] is None
    assert values["displaced_households"] is not None and values["displaced_households"].best == 120


def test_every_figure_keeps_its_evidence_span() -> None:
    text = "Heavy shelling hit the port.\n\nAt least 17 dockers were killed, officials said."
    sentences = split_sentences(text)
    figures = find_figures(text, sentences)
    assert len(figures) == 1
    ev = figures[0].evidence(text, sentences)
    assert (ev.field, ev.text) == ("killed", "At least 17")
    assert text[ev.start:ev.end] == ev.text
    assert text[ev.sentence_start:].startswith(ev.sentence)


def test_an_unknown_number_more_leaves_the_figure_open_above() -> None:
    text = "11 soldiers and an unknown number of militants were killed in the clashes."
    values, _ = combine_figures(find_figures(text, split_sentences(text)))
    killed = values["killed"]
    assert killed is not None
    assert (killed.min, killed.max, killed.best) == (11, None, 11)


@pytest.mark.parametrize(("text", "low", "high"), [
    pytest.param("Fifteen more fighters were killed in renewed clashes near the border town on Wednesday.",
                 15, None, id="n-more-alone-is-at-least-n"),
    pytest.param("Another 12 people died of their injuries in hospital after the factory fire.", 12, None,
                 id="another-n-alone-is-at-least-n"),
    pytest.param("Clashes killed 20 on Monday. On Tuesday, 15 more fighters were killed.", 35, 35,
                 id="n-more-after-a-count-adds"),
    pytest.param("Attackers killed 2 guards and 4 more were wounded.", 2, 2, id="more-beside-another-field"),
])
def test_an_addition_without_the_earlier_toll_is_a_floor(text: str, low: int, high: int | None) -> None:
    values, kind = combine_figures(find_figures(text, split_sentences(text)))
    killed = values["killed"]
    assert kind == FigureKind.FIRST_REPORT  # (the schema has no "addition"; an update would replace the toll)
    assert killed is not None and (killed.min, killed.max) == (low, high)


def test_vague_figure_stays_vague() -> None:
    text = "Dozens of people were killed when the bridge collapsed."
    values, _ = combine_figures(find_figures(text, split_sentences(text)))
    killed = values["killed"]
    assert killed is not None
    assert (killed.min, killed.max, killed.best, killed.vague) == (12, None, 12, True)


# The scanning helpers must give exactly what the plain patterns give (extraction/_scan.py).
_SCAN_TEXTS = [
    "Gunmen killed 12 people, including three children, and wounded at least 20 others on Friday.",
    "No one was hurt, police said; the blast (the second this week) damaged two shops.",
    "A similar attack last year killed dozens, most of them  civilians, in the same town.",
    "The toll rose to 40,\nofficials said, among them five soldiers of whom two died later.",
    "ÉLAN 5-year-old İstanbul _x (no casualties) [sic] ,including the driver, were killed",
    "",
]


def test_word_start_pattern_finds_what_the_plain_pattern_finds() -> None:
    for source, flags in ((r"\b(?:no|not)\s+\w+", 0), (r"\b(?:said|killed|the)\b", re.IGNORECASE)):
        pattern = re.compile(source, flags)
        fast = WordStartPattern(pattern)
        for text in _SCAN_TEXTS:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in pattern.finditer(text)]
            got, want = fast.search(text, 3, max(0, len(text) - 2)), pattern.search(text, 3, max(0, len(text) - 2))
            assert (got and got.span()) == (want and want.span())


def test_anchored_matching_finds_what_finditer_finds_given_every_start() -> None:
    pattern = re.compile(r",?\s*\bincluding\s+\w+|\([^()]*\)")
    for text in _SCAN_TEXTS:
        starts = occurrences(text, "(")
        for k in occurrences(text, ("including",)):
            starts.extend(range(space_run_start(text, k), k + 1))
        assert [m.span() for m in finditer_at(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]


def test_pivot_and_substring_tests_find_every_word_anywhere() -> None:
    words = ("kill", "dead", "unharm", "of them", "19", "(")
    test = substring_test(words)
    anywhere = re.compile(pivot_pattern(words, "dlsu(9f"))
    for text in [*_SCAN_TEXTS, "skilled", "nodeadline", "in 1999", "xunharmedx"]:
        low = text.lower()
        assert (test.search(low) is not None) == any(w in low for w in words)
        assert (anywhere.search(low) is not None) == any(w in low for w in words)


def test_a_space_in_a_hint_matches_a_line_break_of_hard_wrapped_copy() -> None:
    test = substring_test(("across the", "of them"))
    assert test.search("shot across\nthe state") is not None
    assert test.search("two of\tthem") is not None
    assert test.search("acrossthe") is None


def test_hard_wrapped_copy_reads_a_running_total_as_one_line_does() -> None:
    one_line = "Police said 14 people were shot across the state over the weekend."
    wrapped = one_line.replace("across the", "across\nthe")
    assert [(f.value.best, f.background) for f in find_figures(wrapped, split_sentences(wrapped))] == \
        [(f.value.best, f.background) for f in find_figures(one_line, split_sentences(one_line))]


def test_first_characters_of_a_pattern_cover_its_matches() -> None:
    assert first_chars(r"(?:death|casualty)\s+tolls?|\btolls?\b") == frozenset("dct")
    assert first_chars(r"(?<=in\s)relief") == frozenset("r")
    assert first_chars(r"\w+") is None
    assert first_chars(r"a?") is None  # may match the empty string
