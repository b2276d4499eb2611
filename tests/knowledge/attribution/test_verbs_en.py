"""Which English words report a statement: closing and inverted frames, estimates put at a figure, and what only
describes, withholds or hides."""

from __future__ import annotations

from knowledge.attribution import attribute_source
from knowledge.speakers import SpeakerIndex


def speakers_of(paragraphs: list[list[str]], language: str) -> list[str | None]:
    """The speaker name of every sentence, read with no speaker known in advance."""
    result = attribute_source(paragraphs, language, SpeakerIndex([]))
    return [s.name if s else None for row in result.speakers for s in row]


def test_an_estimate_put_at_a_figure_across_an_appositive_is_the_opener_s() -> None:
    """'X, which rated the deal, puts the share of the largest tenant, the AI lab Y, at 31%': X's estimate."""
    text = [
        ["Tollcross Data sold $2 billion of bonds, said Ferrand Structured Research."],
        [
            "Quenby Ratings, which rated the deal, puts the share of the largest tenant, the AI lab Morvane, at "
            "about 31%, because it counts leases signed by two affiliates."
        ],
    ]
    assert speakers_of(text, "en") == ["Ferrand Structured Research", "Quenby Ratings"]


def test_an_estimate_put_at_an_average_of_a_figure_is_the_speaker_s() -> None:
    """'She puts the cost of the three restarts so far at an average of 1.4 times their estimates': hers."""
    text = [
        [
            "Restarts are rarely as cheap as first promised, said Imelda Rokeby, an analyst at Quillon Research.",
            "She puts the cost of the three restarts completed so far at an average of 1.4 times their estimates.",
        ]
    ]
    assert speakers_of(text, "en") == ["Imelda Rokeby", "Imelda Rokeby"]


def test_a_closing_frame_may_say_whom_it_was_told_and_a_coordinated_verb_shares_its_subject() -> None:
    """'…, she told analysts.' reports the sentence; 'X, who …, declined to … but said …' is X's."""
    text = [
        [
            "Chief financial officer Priyanka Selwyn said margins held at Narrowgate Cloud.",
            "The company expects capacity to double by 2027, she told analysts.",
        ],
        [
            "Idris Falkner, who runs purchasing at Narrowgate Cloud, declined to give the price but said the "
            "contract ran for 12 years."
        ],
    ]
    assert speakers_of(text, "en") == ["Priyanka Selwyn", "Priyanka Selwyn", "Idris Falkner"]


def test_parenthetical_and_inverted_closing_frames_report_the_whole_sentence() -> None:
    """'…, Hale said, which would …', '…, said Tove Brant, general secretary of …, which …', 'said state Senator X'."""
    text = [
        ["Imogen Hale runs the gas business at Corvey Energy."],
        [
            "Brightwater Gas expects the units to burn about 70% of its flared gas, Hale said, which would also cut "
            "its emissions."
        ],
        [
            "Marlon Tech has told 40,000 engineers to pass new tests by March, said Tove Brant, general secretary "
            "of the Allied Coders' Union, which represents its staff."
        ],
        ['"We are paying the richest firms on earth," said state Senator Ilse Varnhagen, a Democrat.'],
    ]
    assert speakers_of(text, "en") == [None, "Imogen Hale", "Tove Brant", "Ilse Varnhagen"]


def test_accounting_actions_anonymity_refusals_and_descriptions_are_no_statements() -> None:
    """'writes off', 'called a strike', 'asked not to be named', 'declined to say whether', 'agreed not to sell',
    an appositive describing what a firm once disclosed, and 'Outside estimates' name no speaker."""
    text = [
        ["Corvin Compute writes off its chips over six years."],
        ["The Allied Coders' Union has called a four-hour strike for November 18."],
        ["The person asked not to be named because the talks were private."],
        ["A spokeswoman for the company declined to say whether he planned to stay."],
        ["Early backers, including Tillery Peak Capital, agreed not to sell for 180 days."],
        [
            "That concentration is at the heart of a critique by Blackmere Research, a short seller that has "
            "disclosed a bet against the shares."
        ],
        ["Outside estimates of the business are less generous."],
        [
            "The average price has fallen about 31% over the past year, a person who has seen the board "
            "materials said."
        ],
    ]
    speakers = speakers_of(text, "en")
    assert speakers[:7] == [None] * 7
    assert speakers[7] == "unnamed: a person who has seen the board materials"


def test_a_recommendation_is_a_statement_and_asking_for_something_is_not() -> None:
    """'Y recommended that the board disallow $40 million' and 'Y also proposed stretching it to 10 years, …' are
    Y's; 'the developer, which had asked for 700 megawatts' only reports a request."""
    text = [
        ["The work was approved for the developer Hollen Digital, which had asked for 700 megawatts."],
        [
            "Commission examiner Petra Lindqvar recommended that the commission disallow $40 million, the cost of the "
            "second line."
        ],
        ["Lindqvar also proposed stretching any recovery to 10 years, which would cut the charge to $1.20."],
    ]
    assert speakers_of(text, "en") == [None, "Petra Lindqvar", "Petra Lindqvar"]


def test_an_expectation_a_sentence_credits_to_a_filing_or_a_source_is_theirs() -> None:
    """'X now expects to draw 250 megawatts by 2029, according to the filing' is told by the utility that filed
    it, and '…, according to a person familiar with its plans' by that unnamed source."""
    text = [
        ["Brennock Power wants its customers to pay for new substations, it said in a filing."],
        ["The work was built for the developer Tarvel Digital."],
        ["Tarvel now expects to draw about 250 megawatts by 2029, according to the filing."],
        [
            "Ostley Cloud expects revenue of $4 billion next year, according to a person familiar with its plans."
        ],
    ]
    speakers = speakers_of(text, "en")
    assert speakers[2] == "Brennock Power"
    assert speakers[3] is not None and speakers[3].startswith("unnamed: a person familiar")


def test_what_a_company_would_show_is_no_document_speaking() -> None:
    """'Brenmoor would show an unrealised loss of about $380 million, she estimates': the analyst's estimate, not
    the company speaking through what its books would show."""
    text = [
        ["Brenmoor Life said it holds about $7.9 billion of notes."],
        [
            "That does not persuade Ida Farrow, who follows insurers at Colbeck Securities.",
            "Marked to market, Brenmoor would show an unrealised loss of about $380 million, she estimates.",
        ],
    ]
    result = attribute_source(text, "en", SpeakerIndex([]))
    speaker = result.speakers[1][1]
    assert speaker is not None and speaker.name == "Ida Farrow"


def test_an_estimate_with_its_author_after_the_verb_is_the_authors() -> None:
    """'…, estimates Nikhil Vale, who covers utilities at the brokerage Stourmoor' is his, as '…, said X' is."""
    text = [
        ["Kesmoor Electric said the draft was unfair."],
        [
            "Adopted as written, the draft would cut Kesmoor's 2027 earnings per share by 3% to 4%, estimates "
            "Nikhil Vale, who covers utilities at the brokerage Stourmoor Partners."
        ],
    ]
    result = attribute_source(text, "en", SpeakerIndex([]))
    speaker = result.speakers[1][0]
    assert speaker is not None and speaker.name == "Nikhil Vale"


def test_what_a_party_claims_inside_a_comparison_is_no_frame() -> None:
    """'The district's real loss is smaller than it claims, according to Ellis Ambrose, the city's budget director':
    the budget director's view, not the district's claim; 'Mayor Colm Brassley' is a mayor, not a name."""
    text = [
        ["Quorvane puts the bill at $22 million, arguing that servers lose value fast."],
        ["Mayor Colm Brassley said the campus would bring about $1.3 billion of construction."],
        [
            "The district's real loss is smaller than it claims, according to Ellis Ambrose, the city's budget director."
        ],
    ]
    result = attribute_source(text, "en", SpeakerIndex([]))
    who = [(s.name, s.role) if s else ("", "") for row in result.speakers for s in row]
    assert who[1] == ("Colm Brassley", "mayor")
    assert who[2][0] == "Ellis Ambrose"
