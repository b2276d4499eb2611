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


def test_an_analysis_released_by_a_named_official_is_hers() -> None:
    """'according to an analysis released on Monday by city treasurer X': X's figure, however far the name."""
    text = [
        [
            "The stadium subsidy will cost the city about $310 million over 30 years, according to an analysis "
            "released on Monday by city treasurer Marisela Ontkean."
        ]
    ]
    assert speakers_of(text, "en") == ["Marisela Ontkean"]


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
        [
            "Harrow Lane Research, a short seller that disclosed a bet against the bank this month, does not buy that."
        ]
    ]
    assert speakers_of(text, "en") == [None]


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


def test_the_insurer_said_after_a_sentence_opened_by_its_client_is_the_insurers() -> None:
    """ "Kestrelmoor accounts for 27% of the book, the insurer said" is the insurer's statement, not the client's."""
    paragraphs = [
        [
            "Aldmere Specialty, a mid-sized specialty insurer, has written $5.3 billion of residual-value cover."
        ],
        ["Its largest client is Kestrelmoor Compute, a GPU cloud."],
        ["Kestrelmoor accounts for 27% of the residual-value book, the insurer said."],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    assert result.speakers[2][0] is not None and result.speakers[2][0].name == "Aldmere Specialty"


def test_a_subordinate_clause_opening_the_sentence_is_no_unnamed_source() -> None:
    """ "Once the payback for new investors is counted, she estimates…" is the analyst's estimate."""
    paragraphs = [
        [
            "Lorna Quenby, an analyst at Brightwick, said the round values Sennet at $1.1 billion.",
            "Once the double payback for new investors is counted, she estimates the shares are worth $800 million.",
        ]
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    assert [s.name if s else None for s in result.speakers[0]] == ["Lorna Quenby", "Lorna Quenby"]


def test_an_offering_memorandum_and_the_document_are_the_issuers() -> None:
    """'The memorandum, circulated to investors, shows …', '…, the document says' and 'according to the
    memorandum' are the issuer's own; 'The firm expects …' after a research firm spoke is that firm's view."""
    text = [
        ["Pellgrave Compute is trying to sell $400 million of notes, and its offering memorandum is gloomy."],
        ["The memorandum, circulated to investors last week, shows the company kept 12% of bookings."],
        ["Bookings reached $900 million over the nine months, the document says."],
        ["Utilization fell to 61% in the third quarter, according to the memorandum."],
        ["Torvik Research counts 28 GPU marketplaces worldwide."],
        ["The firm expects more of them to seek debt rather than equity next year."],
    ]
    speakers = speakers_of(text, "en")
    assert speakers[1:4] == ["Pellgrave Compute"] * 3
    assert speakers[5] == "Torvik Research"


def test_another_customer_kept_unnamed_without_a_comma_speaks_and_he_goes_on() -> None:
    """'Another customer, a bank's head of data who asked not to be named …, said …' is an unnamed source, and the
    'He said' after it is the same source."""
    text = [
        [
            "Another customer, a bank's head of data who asked not to be named because the contract is private, "
            "said his firm had cut its planned seats from 3,000 to about 1,200.",
            "He said the vendor had offered a further discount of 15% for a longer commitment.",
        ]
    ]
    first, second = speakers_of(text, "en")
    assert first is not None and first.startswith("unnamed:")
    assert second == first


def test_documents_a_pronoun_closes_on_and_a_consultant_named_before_are_theirs() -> None:
    """'…, they show.' after 'The minutes show …' is the board's own record; 'The consultant said …' after 'The
    board's investment consultant, X, wrote …' is X; a spokeswoman named in an appositive speaks herself."""
    text = [
        ["The board of the Wendle County Employees' Retirement System voted 7-2 to accept a write-down."],
        [
            "The minutes show the stake was valued at $610 million.",
            "The system has so far paid in about $700 million, they show.",
        ],
        [
            "The board's investment consultant, Harrowgate Advisors, wrote that similar stakes sold at 70% of value.",
            "The consultant said applying that discount would cut the stake to roughly $430 million.",
        ],
        ["A company spokeswoman, Tamsin Ledger, said employees sold $90 million of stock."],
    ]
    speakers = speakers_of(text, "en")
    assert speakers[1:3] == ["Wendle County Employees' Retirement System"] * 2
    assert speakers[3:5] == ["Harrowgate Advisors"] * 2
    assert speakers[5] == "Tamsin Ledger"


def test_a_counted_group_kept_unnamed_and_a_partner_at_a_described_firm_are_people() -> None:
    """'Two people who attended a closed session before the vote said …' are unnamed sources, and 'said Odile
    Marchand, a partner at the venture firm Quillby Capital who …' is a person at that firm."""
    text = [
        ["Two people who attended a closed session before the vote said the manager proposed only 12%."],
        [
            "The company is valued at 29 times revenue, said Odile Marchand, a partner at the venture firm Quillby "
            "Capital who is not an investor.",
            "She said the discount told investors more about the mood than about the company.",
        ],
    ]
    result = attribute_source(text, "en", SpeakerIndex([]))
    first, second, third = (s for row in result.speakers for s in row)
    assert first is not None and first.name.startswith("unnamed: two people who attended")
    assert (
        second is not None and second.name == "Odile Marchand" and second.role == "partner, Quillby Capital"
    )
    assert third == second


def test_what_a_company_is_may_come_before_the_subject_the_company_said_closes() -> None:
    """'Battery developer X has agreed to rent 1.1 gigawatts to Y, the company said' is X's."""
    text = [
        [
            "Battery developer Pellan Energy Storage has agreed to rent out 1.1 gigawatts of batteries to data-centre "
            "operator Orrin Compute for 15 years, the company said on Monday."
        ]
    ]
    assert speakers_of(text, "en") == ["Pellan Energy Storage"]


def test_it_also_shows_goes_on_with_the_document_just_cited_not_the_company_it_named() -> None:
    article = [
        ["Marrow Funding, a conduit, has grown fast this year."],
        [
            "Its paper reached $6.2 billion in October, according to the conduit's monthly investor report.",
            "The report shows that Corvane Leasing had sold about $1.3 billion of receivables into the pool.",
            "It also shows that arrears rose to 3.8% of the pool.",
        ],
    ]
    found = speakers_of(article, "en")[1:]
    assert found[2] == found[1] and found[1] != "Corvane Leasing"


def test_a_body_named_by_the_place_it_serves_is_the_organization_whose_name_says_so() -> None:
    """A wire lede's "…, the region's grid operator said" is the grid authority the next paragraph names; "the
    state's power regulator", which no organization of the article is named for, stays unnamed."""
    article = [
        [
            "Developers have withdrawn 41 gigawatts of requests since a deposit rule began, the region's grid operator said."
        ],
        ["The Tarnholm Grid Authority said the withdrawals left 71 gigawatts in its queue."],
        ["Analysts at Pellow Research said the queue was padded."],
        ["The state's power regulator said it would review the rule."],
    ]
    found = speakers_of(article, "en")
    assert found[:2] == ["Tarnholm Grid Authority", "Tarnholm Grid Authority"] and found[3] is None
