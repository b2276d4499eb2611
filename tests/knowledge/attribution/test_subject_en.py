"""Who an English speech verb quotes: a relative clause's antecedent, a document's author, a group, a source
described by its trade, not the one asked or a company its description names."""

from __future__ import annotations

from knowledge.attribution import attribute_source
from knowledge.speakers import SpeakerIndex


def speakers_of(paragraphs: list[list[str]], language: str) -> list[str | None]:
    """The speaker name of every sentence, read with no speaker known in advance."""
    result = attribute_source(paragraphs, language, SpeakerIndex([]))
    return [s.name if s else None for row in result.speakers for s in row]


def test_a_relative_clause_that_says_something_is_its_antecedents_but_a_described_past_is_not() -> None:
    """'X, a short seller, which said in a note that …' is X; 'Y, who argued for it in 2021, did not attend' is no one."""
    text = [
        [
            "The loudest doubts came from Pellacott Research, a short seller, which said in a note on Friday that "
            "the mine's ore averaged about 1.2 grams a tonne."
        ],
        ["Councillor Agathe Brisbois, who argued for the plan in 2021, did not attend the vote."],
    ]
    assert speakers_of(text, "en") == ["Pellacott Research", None]


def test_the_one_asked_and_the_one_said_to_are_not_speakers_and_people_familiar_with_x_are_not_x() -> None:
    """'a reporter asked X what…' is a question; 'said the company valued …' is what was said; 'according to
    people familiar with the fund's positions' and 'the fund tracker X' cite who they name."""
    text = [
        ["Tobias Renwick runs Kelderby Memory."],
        ["At the briefing, a reporter asked Tobias Renwick what would happen if demand slowed."],
        [
            "Odette Varga, who runs energy procurement at Morlaix Cloud, declined to confirm the figure but said "
            "the company valued firm power above the cheapest megawatt-hour."
        ],
        ["Pellbrook Capital shorted five landlords."],
        [
            "The largest of the five is Danvers Digital, according to two people familiar with the fund's positions."
        ],
        [
            "Leveraged funds took in $14.2 billion in October, according to the fund tracker Ostler Flows.",
            "That was double the September total, Ostler Flows said.",
        ],
    ]
    assert speakers_of(text, "en") == [
        None,
        None,
        "Odette Varga",
        None,
        "unnamed: two people familiar with the fund's positions",
        "Ostler Flows",
        "Ostler Flows",
    ]


def test_a_described_source_is_not_the_company_its_description_names_and_a_participle_is_the_subjects() -> (
    None
):
    """'A sales manager at a server maker that buys through X said' is unnamed, whether X is written in full or
    short; 'X, an IT-outsourcing group with 90,000 employees, cut its forecast, saying …' is X's."""
    text = [
        ["Tsun Wah Intelligent Computing distributes the chips in Asia."],
        [
            "A sales manager at an Asian server maker that buys through Tsun Wah said the cards sold at 30% "
            "below list price."
        ],
        [
            "Corvallen Services, an IT-outsourcing group with about 90,000 employees, cut its revenue forecast "
            "on Thursday, saying clients were moving money into AI projects."
        ],
    ]
    assert speakers_of(text, "en") == [
        None,
        "unnamed: sales manager at an asian server maker that buys through the company",
        "Corvallen Services",
    ]


def test_an_officer_raising_the_forecast_an_anaphor_that_also_said_and_evidence_pointed_to() -> None:
    """'She nonetheless raised the full-year forecast' is the officer's; 'The authority will allocate …, and said
    …' is the authority's; 'She pointed to X, whose orders fell 6%' is hers."""
    text = [
        [
            "Chief financial officer Odalys Brenner said yields rose.",
            "She nonetheless raised the full-year forecast for investment income to $5.2 billion.",
        ],
        ["The Marrick Infrastructure Authority lifted its moratorium."],
        [
            "The authority will allocate up to 360 megawatts in a first round, and said applicants wanted 1.4 gigawatts."
        ],
        [
            "Linnea Castor, an analyst at Brightwell, said orders would slow.",
            "She pointed to a Japanese rival, Tsuda Instruments, whose orders fell 6% in its latest quarter.",
        ],
    ]
    assert speakers_of(text, "en") == [
        "Odalys Brenner",
        "Odalys Brenner",
        None,
        "Marrick Infrastructure Authority",
        "Linnea Castor",
        "Linnea Castor",
    ]


def test_documents_the_subject_publishes_arguing_something_and_a_groups_view() -> None:
    """'X, a short seller, published a report arguing that …' is X's; 'Some energy analysts think …' is theirs."""
    text = [
        [
            "The guidance landed two weeks after Pellmore Research, a short seller, published a report arguing "
            "that the order surge is flattered by double-booking."
        ],
        ["Some energy analysts think the demand numbers are inflated."],
        ["Ravi Okafor, the state's consumer advocate, said bills would rise."],
        [
            "The advocate, Ravi Okafor, filed comments with the regulator arguing that the clause is too short."
        ],
    ]
    assert speakers_of(text, "en") == [
        "Pellmore Research",
        "unnamed: energy analysts",
        "Ravi Okafor",
        "Ravi Okafor",
    ]


def test_results_the_company_reported_a_note_by_an_analyst_who_wrote_it_and_a_brokerage_named_by_its_trade() -> (
    None
):
    """'…, the company reported.' is the company's; 'Brokerage X said' is X; 'Y, the X analyst who wrote the note,
    said' is Y; '…, according to the shareholder summary' is the company that sent it."""
    text = [
        ["Marrowgate Silicon said on Tuesday that its packaging lines were fully booked for 2027."],
        ["Revenue for the quarter rose 44% from a year earlier to $6.2 billion, the company reported."],
        ["Brokerage Quenby Rusk said in a note to clients that prices could fall another 20% by mid-2027."],
        [
            "Odile Farrant, the Quenby Rusk analyst who wrote the note, said in an interview that older chips fell most."
        ],
        ["The company burns about $14 million a month, according to the shareholder summary."],
    ]
    assert speakers_of(text, "en") == [
        "Marrowgate Silicon",
        "Marrowgate Silicon",
        "Quenby Rusk",
        "Odile Farrant",
        "Marrowgate Silicon",
    ]


def test_what_a_review_found_is_its_authors() -> None:
    """'In a review prepared for the board, X …' then 'The review found that $2.4 billion …' is X's finding."""
    text = [
        ["Odile Farrant, who heads the fund's internal audit office, arrives at a very different number."],
        [
            "In a review prepared for the board's audit committee, Farrant put the annual return at about 6.1%."
        ],
        [
            "The review found that $2.4 billion of data-centre stakes had not been revalued since they were bought."
        ],
    ]
    assert speakers_of(text, "en")[2] == "Odile Farrant"


def test_an_unnamed_source_described_by_an_organization_s_meeting_reads_once_the_company() -> None:
    """'Two people who attended the commission's closed session said…': the organization stands as 'the
    company', never 'the the company'."""
    text = [
        [
            "In a filing with the Harlow Valley Utility Commission, Dunmore Power asks to recover $640 million."
        ],
        [
            "Commission chair Ottoline Brack pressed the point at a hearing.",
            '"Dunmore should pay," she said.',
        ],
        ["Two people who attended the commission's closed session said the staff had questioned the fund."],
    ]
    assert speakers_of(text, "en")[-1] == "unnamed: two people who attended the company's closed session"


def test_a_plural_possessive_firm_s_officer_named_after_the_title_speaks() -> None:
    article = [
        ["Some miners are restarting."],
        [
            "Oskvale Resources' chief executive, Joost Vandermeer, said the miner would spend about $850 million."
        ],
    ]
    assert speakers_of(article, "en")[1] == "Joost Vandermeer"


def test_a_price_that_values_a_company_is_no_unnamed_source() -> None:
    article = [
        ["Sablemoor sells tokens tied to private AI labs."],
        ["The tokens closed on Friday at $312 each, a price that values Orvane at about $210 billion."],
    ]
    assert speakers_of(article, "en")[1] is None
