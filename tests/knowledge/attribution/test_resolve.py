"""Who speaks: closing frames, estimates, stances, anonymous sources, own documents and refusals."""

from __future__ import annotations

from knowledge.attribution import attribute_source
from knowledge.speakers import SpeakerIndex


def speakers_of(paragraphs: list[list[str]], language: str) -> list[str | None]:
    """The speaker name of every sentence, read with no speaker known in advance."""
    result = attribute_source(paragraphs, language, SpeakerIndex([]))
    return [s.name if s else None for row in result.speakers for s in row]


def test_the_company_said_closing_a_sentence_is_the_organization_it_opens_with() -> None:
    text = [
        [
            "Brindlewood Power has agreed to supply 400 megawatts to Castellan Data for 15 years, "
            "the company said on Monday."
        ]
    ]
    assert speakers_of(text, "en") == ["Brindlewood Power"]


def test_an_analysts_estimate_with_pegs_and_the_quote_after_it_are_hers() -> None:
    text = [
        ["Finance chief Ingrid Solberg said the loan was nearly complete."],
        [
            "Analysts are less sure.",
            "Priya Ramsay, who follows chipmakers at Dunmore Securities, pegs the cost of the new fab "
            "closer to $12 billion once tooling is included.",
            '"Nobody builds these on budget," she said.',
        ],
    ]
    assert speakers_of(text, "en") == ["Ingrid Solberg", None, "Priya Ramsay", "Priya Ramsay"]


def test_questioned_is_saying_and_a_stance_after_a_quote_belongs_to_the_person_quoted() -> None:
    text = [
        ["Moira Ferris, an analyst at Kettleby Partners, said the deal looked expensive."],
        ["Ferris also questioned whether the buyers would return."],
        [
            "Gareth Lyle, director of Ratepayers United, said bills would climb about $15 a month.",
            '"This is a transfer to the richest firms on earth," he said.',
            "He wants the operators to pay at least 80% of the upgrade.",
        ],
    ]
    assert speakers_of(text, "en") == [
        "Moira Ferris",
        "Moira Ferris",
        "Gareth Lyle",
        "Gareth Lyle",
        "Gareth Lyle",
    ]


def test_sources_not_authorised_to_speak_or_unnamed_investors_in_a_firm_stay_anonymous() -> None:
    text = [
        [
            "A member of the board's staff, who was not authorised to speak publicly, said the board would "
            "cut the request to about 5%.",
            "The staff member said the board was also weighing a new tariff for large users.",
        ],
        [
            "An investor in Tarrow Capital, who asked not to be named because the talks are private, "
            "said clients had asked for their money back."
        ],
    ]
    found = speakers_of(text, "en")
    assert all(s is not None and s.startswith("unnamed:") for s in found), found


def test_a_firms_own_letter_or_an_unattributed_filing_speaks_for_the_firm() -> None:
    text = [
        [
            "Tarrow Capital, a hedge fund that manages $4 billion, has bet against chip lessors, "
            "according to its quarterly letter to investors.",
            "The fund's main portfolio returned 7.5% this year, the letter showed.",
        ],
        ["Vantor Media Group has signed two licensing deals with Orrin Labs and Bexley Reasoning."],
        [
            "The deals will lift licensing income to about 9% of Vantor's revenue next year, "
            "according to a filing with the stock exchange."
        ],
    ]
    found = speakers_of(text, "en")
    assert found[:2] == ["Tarrow Capital", "Tarrow Capital"]
    assert found[3] == "Vantor Media Group"


def test_a_refusal_and_the_reason_given_for_it_are_not_a_statement() -> None:
    text = [
        [
            "Helga Brandt, the chief executive of Norvik Cable, said demand was strong.",
            "Brandt declined to give the price per terabyte, saying the terms were confidential.",
        ]
    ]
    assert speakers_of(text, "en") == ["Helga Brandt", None]


def test_an_offering_document_speaks_for_the_fund_not_for_a_fragment_of_its_name() -> None:
    text = [
        ["青禾数据中心REIT周二在上海证券交易所上市，首日上涨5%。"],
        ["根据招募说明书，该基金共募集资金12亿元。", "招募说明书显示，机房的平均上架率为90%。"],
    ]
    found = speakers_of(text, "zh-Hans")
    assert found[1:] == ["青禾数据中心REIT", "青禾数据中心REIT"]


def test_a_research_house_keeps_yanjiu_in_its_name() -> None:
    text = [["据研究机构岚峰研究统计，全国机房上架率约为61%。", "该机构还指出，租金今年下跌约一成。"]]
    assert speakers_of(text, "zh-Hans") == ["岚峰研究", "岚峰研究"]


def test_a_dealer_of_a_company_is_an_anonymous_source_and_he_is_that_source() -> None:
    text = [
        ["分析师韩立认为，补贴难以持续。", "韩立说，厂家利润会下降。"],
        ["一位澄川电子的渠道经销商私下透露，厂家对每部手机补贴约200元。", "他直言：“没有补贴就卖不动。”"],
    ]
    found = speakers_of(text, "zh-Hans")
    assert found[2] is not None and found[2].startswith("unnamed:")
    assert found[3] == found[2]


def test_this_fund_manager_is_the_unnamed_source_just_introduced() -> None:
    text = [["一位参与询价的基金经理私下透露，认购倍数约为80倍。", "这位基金经理说，部分机构首日即卖出。"]]
    found = speakers_of(text, "zh-Hans")
    assert found[0] is not None and found[0].startswith("unnamed:")
    assert found[1] == found[0]


def test_a_date_between_an_exchange_and_its_announcement_keeps_the_exchange_speaking() -> None:
    text = [["滇海电力交易中心11月3日宣布，与六家企业签订为期三年的绿电协议，首年电量约20亿千瓦时。"]]
    assert speakers_of(text, "zh-Hans") == ["滇海电力交易中心"]


def test_the_company_said_is_the_company_a_sentence_introduces_not_an_investor_or_a_regulator_it_names() -> (
    None
):
    """'…, the company said' is the organization the sentence is about, not one 'led by' or 'filed with'."""
    text = [
        [
            "Former staff at Lomberline, the developer of a contract-review chatbot, have sold $400 million of "
            "shares to investors led by Dunmarsh Capital at a valuation of $9 billion, the company said."
        ]
    ]
    assert speakers_of(text, "en") == ["Lomberline"]
    text = [
        ["Harrowgate Power wants to raise bills for large users."],
        [
            "The request, filed with the state Utilities Commission, would lift base rates by 11% next year, "
            "the company said."
        ],
    ]
    assert speakers_of(text, "en") == [None, "Harrowgate Power"]


def test_an_analysis_released_by_a_named_official_is_hers() -> None:
    """'according to an analysis released on Monday by city treasurer X': X's figure, however far the name."""
    text = [
        [
            "The stadium subsidy will cost the city about $310 million over 30 years, according to an analysis "
            "released on Monday by city treasurer Marisela Ontkean."
        ]
    ]
    assert speakers_of(text, "en") == ["Marisela Ontkean"]


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


def test_a_place_inside_an_appositive_and_a_document_of_an_organization() -> None:
    """'X, the Dayton, Ohio-based maker of …, said' is X; 'Y's list of lenders shows that …' is Y's."""
    text = [
        [
            "Welmoor Systems, the Dayton, Ohio-based maker of billing software, said on Tuesday that revenue "
            "rose 12% to $840 million."
        ],
        ["Carrowby Credit Partners leads the lenders."],
        [
            "Carrowby's list of lenders shows that a Canadian pension plan holds about $300 million of the loans."
        ],
    ]
    assert speakers_of(text, "en") == ["Welmoor Systems", None, "Carrowby Credit Partners"]


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


def test_the_title_or_trade_of_an_unnamed_source_points_back_to_that_source() -> None:
    """'the partner said' after an unnamed partner is that partner, though a named partner spoke before."""
    text = [
        ["Ottilie Brask, a partner at Fenmore Ventures, said the round was oversubscribed."],
        [
            "A partner at one of the firm's earlier investors, who asked not to be named, said some holders were "
            "turned away.",
            '"Nobody wants to look at the churn," the partner said.',
        ],
        [
            "A developer with two campuses in Harwell Power's territory said many requests were duplicates.",
            '"Everybody applies everywhere," the developer said.',
        ],
        [
            "A land broker who has handled sales in the county, and who asked not to be named, said one buyer "
            "walked away.",
            '"Sellers are asking 2024 prices," he said.',
        ],
    ]
    speakers = speakers_of(text, "en")
    assert speakers[0] == "Ottilie Brask"
    assert speakers[1] == speakers[2] == "unnamed: partner at one of the firm's earlier investors"
    assert speakers[3] == speakers[4] == "unnamed: developer with two campuses in the company's territory"
    assert speakers[5] == speakers[6] == "unnamed: land broker who has handled sales in the county"


def test_what_an_appositive_says_its_head_did_is_no_statement_of_the_sentence() -> None:
    """'X, a short seller that disclosed a bet against the bank, does not buy that': no one speaks."""
    text = [
        ["Harrow Lane Research, a short seller that disclosed a bet against the bank this month, disagrees."]
    ]
    assert speakers_of(text, "en") == [None]


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


def test_ratings_makers_estimates_and_own_reports() -> None:
    """'The agency placed its rating on review' is the agency's; 'The cable maker added' is the maker's; '…, its
    annual report showed' and '…, the prospectus shows' are the company's; 'put X, to Y, a Z, at $480 million'."""
    text = [
        ["Corbrook Ratings rates Stellmoor Properties."],
        ["The agency placed its rating on review for a downgrade."],
        ["Vellmore Cable Systems said on Monday that it won a contract to supply data centres."],
        ["The cable maker added that orders had doubled in the nine months to September."],
        [
            "In the fiscal year to September, Stellmoor's funds from operations fell 12% to $386 million, its annual report showed."
        ],
        [
            "Finance chief Dale Venter said loans were performing.",
            "He put the bank's largest single exposure, to Lumenway Compute, a New Jersey operator of GPU "
            "clusters, at $480 million.",
        ],
    ]
    speakers = speakers_of(text, "en")
    assert speakers[1] == "Corbrook Ratings"
    assert speakers[3] == "Vellmore Cable Systems"
    assert speakers[4] == "Stellmoor Properties"
    assert speakers[6] == "Dale Venter"
