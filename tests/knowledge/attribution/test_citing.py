"""Who a sentence cites: a letter's sender, a survey's author, the bank in play, an office of the county."""

from __future__ import annotations

from knowledge.attribution import attribute_source
from knowledge.measures import find_measures
from knowledge.speakers import SpeakerIndex


def speakers_of(paragraphs: list[list[str]]) -> list[str | None]:
    """The speaker name of every sentence of an English article, read with no speaker known in advance."""
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    return [s.name if s else None for row in result.speakers for s in row]


def test_a_letter_the_company_sent_and_a_survey_by_a_firm_are_theirs() -> None:
    """'according to a letter X sent to its lenders' is X's; 'Analysts had expected …, according to a survey by
    Y' is Y's count of what the analysts expected."""
    text = [
        ["Tamsworth Compute is negotiating with lenders, the company said on Wednesday."],
        [
            "The customer, model developer Orlane Labs, has cut its commitment by 45%, according to a letter "
            "Tamsworth sent to its lenders last week."
        ],
        ["Analysts had expected $905 million, according to a survey by Pellor Consensus."],
    ]
    assert speakers_of(text) == ["Tamsworth Compute", "Tamsworth Compute", "Pellor Consensus"]


def test_the_banks_report_the_bank_said_and_a_spokeswoman_speak_for_the_bank_in_play() -> None:
    """'according to the bank's quarterly report', 'The bank said' and 'a spokeswoman said' are the bank's (a
    Bancorp is a bank), not the company or short seller named since."""
    text = [
        ["Larkfield Valley Bancorp lent $2.1 billion against land near data centres."],
        ["Corrigan Research, a short seller, says the loans are risky."],
        ["The bank said it would stop making new land loans."],
        ["Larkfield Valley Bancorp sells funds that hold shares of Quillo Intelligence."],
        ["Loans against the funds reached $640 million, according to the bank's quarterly report."],
        ["The bank reviewed the policy with its auditors, a spokeswoman said."],
    ]
    speakers = speakers_of(text)
    assert speakers[2] == speakers[4] == speakers[5] == "Larkfield Valley Bancorp"


def test_a_firm_cited_with_which_is_an_organization_that_the_firm_points_back_to() -> None:
    """'according to Tallis Listing Monitor, which tracks listings' names a firm, which 'The firm estimates' is."""
    text = [
        ["Maribel Software listed its shares."],
        [
            "According to Tallis Listing Monitor, which tracks direct listings, such stocks rose 31% on their first day."
        ],
        ["The firm estimates that the same group traded 19% lower a month later."],
    ]
    assert speakers_of(text) == [None, "Tallis Listing Monitor", "Tallis Listing Monitor"]


def test_the_county_assessors_office_is_a_body_of_the_county() -> None:
    """'according to the county assessor's office' after 'Hollin County' is Hollin County Assessor's Office."""
    text = [
        [
            "Farmland in Hollin County sold for an average of $41,500 an acre in the third quarter, according to "
            "the county assessor's office."
        ]
    ]
    assert speakers_of(text) == ["Hollin County Assessor's Office"]


def test_the_report_or_letter_later_cited_is_its_authors_and_a_list_seen_by_a_paper_is_not_the_papers() -> (
    None
):
    """'a report by X' then 'According to the report' is X's; 'according to a letter the fund sent' then 'The
    letter asks' is the fund's; 'according to a list of lenders seen by the Monitor' cites no one; 'according to
    the email' is the company's that sent it."""
    text = [
        ["Board chair Lucinda Marsh said the pension would cut fees."],
        [
            "The decision follows a report by Corrow Meadows Advisors, the board's consultant, which found that "
            "fees absorbed 38% of the gains."
        ],
        ["According to the report, management fees averaged 1.9% of committed capital."],
        [
            "Tallowby Capital, the activist hedge fund, has built a 2% stake in Ormsby Cloud, according to a letter "
            "the fund sent to Ormsby's board."
        ],
        ["Finance chief Hollis Brandt said spending would rise."],
        ["The letter asks the company to hold next year's budget at $24 billion."],
        [
            "Renwick Trust Bank holds a ¥24 billion slice, according to a list of lenders seen by Lisle Credit Monitor."
        ],
    ]
    speakers = speakers_of(text)
    assert speakers[2] == "Corrow Meadows Advisors"
    assert speakers[3] == speakers[5] == "Tallowby Capital"
    assert speakers[6] is None
    text = [
        ["Quillby AI will let employees sell shares, the company said in an email to staff."],
        ["The tender prices shares at $42.70 each, according to the email, which was seen by the Report."],
    ]
    assert speakers_of(text) == ["Quillby AI", "Quillby AI"]


def test_a_bodys_testimony_is_the_body_its_name_ends_with() -> None:
    """'According to the alliance's testimony, …' is the Ratepayers' Alliance an advocate spoke for, not the
    utility the story is about."""
    text = [
        ["Brennock Power wants households to pay for substation work."],
        [
            "Odile Farran, director of the Wenlow County Ratepayers' Alliance, said families were being asked to pay."
        ],
        ["According to the alliance's testimony, about 58% of the cost would fall on homes."],
    ]
    assert speakers_of(text)[2] == "Wenlow County Ratepayers' Alliance"


def test_the_utility_in_a_filing_with_a_board_is_the_utility_in_play() -> None:
    """'In a filing with the X Utilities Board, the utility asked to recover $190 million' is the utility's, not
    the board's the filing went to."""
    text = [
        ["Brennock Power wants its customers to pay for grid upgrades."],
        [
            "In a filing with the Ostervale Utilities Board, the utility asked to recover $190 million over six years."
        ],
    ]
    assert speakers_of(text)[1] == "Brennock Power"


def test_a_complaint_is_the_plaintiffs_and_the_company_that_just_disputed_it_answers() -> None:
    """'X has asked a court to … according to a complaint filed on Friday' then 'The complaint says …' are X's; after
    'Y disputes that figure.', 'the company said' is Y."""
    text = [
        [
            "Harrow Venture Lending has asked a state court to appoint a receiver over Pellin Silicon, a start-up, "
            "according to a complaint filed on Friday in Ostley County Superior Court."
        ],
        ["The complaint says Pellin owes $98.4 million on a $110 million loan."],
        [
            "Pellin's cash fell to $9 million at the end of October, the complaint says.",
            "Pellin disputes that figure.",
            "In a statement on Monday, the company said it held about $21 million.",
        ],
    ]
    assert speakers_of(text) == ["Harrow Venture Lending"] * 3 + ["Pellin Silicon"] * 2


def test_a_report_from_a_described_firm_is_its_and_the_company_that_reported_or_called_it_speaks() -> None:
    """'a report from the short seller Brackwell Research' makes 'According to the report' Brackwell's, after the
    company 'reported' its own figure; 'Dovenly called the report "fiction"' is Dovenly's, and so is its CFO."""
    text = [
        ["Shares of Dovenly, which sells claims software, fell 18% on Thursday."],
        [
            "The slide followed a report from the short seller Brackwell Research, which says revenue is padded."
        ],
        ["In its results this month, Dovenly reported recurring revenue of $410 million."],
        ["According to the report, about $90 million of that total comes from pilots."],
        ['Dovenly called the report "fiction" in a statement and said nothing would change.'],
        ["Its chief financial officer, Arlo Pennick, said pilots made up about 7% of revenue."],
    ]
    assert speakers_of(text) == [
        None,
        "Brackwell Research",
        "Dovenly",
        "Brackwell Research",
        "Dovenly",
        "Arlo Pennick",
    ]
    roles = attribute_source(text, "en", SpeakerIndex([])).speakers
    assert roles[5][0] is not None and "Dovenly" in (roles[5][0].role or "")


def test_the_data_of_a_described_platform_is_the_platforms() -> None:
    """'第三方投诉平台鸣珂投诉的数据显示…' is the platform's count; '数据显示' with no one named stays narration."""
    article = [
        [
            "第三方投诉平台鸣珂投诉的数据显示，今年以来涉及该产品的投诉约5200件，同比增长3.1倍。",
            "行业数据显示，付费用户同比增长12%。",
        ]
    ]
    result = attribute_source(article, "zh-Hans", SpeakerIndex([]))
    assert [s.name if s else None for s in result.speakers[0]] == ["鸣珂投诉", None]


def test_a_report_a_committee_submitted_is_the_committees_later_too() -> None:
    """'市人大财经委此前提交的调研报告则指出…' then '报告还提到…': the committee's report, not the official quoted just
    before."""
    article = [
        [
            "市财政局局长庞知川在会上表示，一期今年实现收入1.35亿元。",
            "市人大财经委此前提交的调研报告则指出，一期今年的平均利用率仅约27%。",
            "报告还提到，一期收入中约四成来自集团内部关联企业。",
        ]
    ]
    result = attribute_source(article, "zh-Hans", SpeakerIndex([]))
    assert [s.name if s else None for s in result.speakers[0]] == [
        "Pang Zhichuan",
        "市人大财经委",
        "市人大财经委",
    ]


def test_a_funds_expansion_prospectus_speaks_for_the_fund() -> None:
    """'扩募说明书显示…' after the fund announced the expansion: the fund's own document, as a 招募说明书 is."""
    article = [
        [
            "溪松基金11月21日发布公告称，旗下数据中心REIT拟扩募不超过12.5亿元。",
            "扩募说明书显示，新资产评估值约13.1亿元，截至9月底出租率为84%。",
        ]
    ]
    result = attribute_source(article, "zh-Hans", SpeakerIndex([]))
    assert [s.name if s else None for s in result.speakers[0]] == ["溪松基金", "溪松基金"]


def test_the_draft_a_hearing_examiner_wrote_speaks_for_her() -> None:
    """'signed by hearing examiner Pia Quarrel' gives her title; '…, the draft calculates.' after 'Quarrel wrote'
    is her draft's figure, not the article's."""
    text = [
        [
            "The proposed decision, signed by hearing examiner Pia Quarrel, would put large customers in a new class.",
            'Quarrel wrote that the lines "would not be needed for decades".',
            "Households would pay about $4.10 a month more by 2028 under her version, the draft calculates.",
        ]
    ]
    result = attribute_source(text, "en", SpeakerIndex([]))
    last = result.speakers[0][2]
    assert last is not None and (last.name, last.role) == ("Pia Quarrel", "hearing examiner")


def test_a_profit_warning_is_the_companys_and_a_funds_sales_documents_are_no_firm() -> None:
    """'…冠濤電子集團昨日發出盈利警告，預期…虧損…' and '通告顯示…' are the company's; '按照基金銷售文件' cites no firm
    called 銷售."""
    article = [
        [
            "本港上市晶片分銷商冠濤電子集團昨日發出盈利警告，預期全年錄得虧損不少於約1.6億美元。",
            "通告顯示，虧損主要來自約1.9億美元的存貨減值撥備。",
            "按照基金銷售文件，單一交易日的贖回要求超過資產淨值10%時可延後處理。",
        ]
    ]
    result = attribute_source(article, "zh-Hant", SpeakerIndex([]))
    assert [s.name if s else None for s in result.speakers[0]] == ["冠濤電子集團", "冠濤電子集團", None]


def test_a_rating_grade_is_no_speaker_and_a_companys_operating_data_is_its_word() -> None:
    """'Fenway Ratings, which rates the loan A-minus, the same as the state itself, said' is the agency's; '岑辉通信
    11月19日发布三季度经营数据称' the company's, while '行业数据显示' names no one."""
    english = speakers_of(
        [
            [
                "Fenway Ratings, which rates the loan A-minus, the same as the state itself, said the cluster "
                "was risky.",
                "The report puts the state's exposure at $5.6 billion.",
            ]
        ]
    )
    assert english == ["Fenway Ratings", "Fenway Ratings"]
    article = [
        ["手机厂商岑辉通信11月19日发布三季度经营数据称，AI手机出货占比46%。", "行业数据显示，出货量增长12%。"]
    ]
    result = attribute_source(article, "zh-Hans", SpeakerIndex([]))
    assert [s.name if s else None for s in result.speakers[0]] == ["岑辉通信", None]


def test_a_bureaus_notice_speaks_for_it_later_and_silence_on_a_dispute_is_no_statement() -> None:
    """'市场监督管理局…发布通报指出' then '通报还提到…' is the bureau's; '他至今未就退费纠纷公开表态' says nothing."""
    article = [
        [
            "榕川市市场监督管理局上周发布通报指出，今年以来涉及青梧的投诉约1400件。",
            "通报还提到，青梧在当地收取的预付学费约3.4亿元。",
            "据了解，创始人葛怀生持有青梧约27%的股份，他至今未就退费纠纷公开表态。",
        ]
    ]
    result = attribute_source(article, "zh-Hans", SpeakerIndex([]))
    names = [s.name if s else None for s in result.speakers[0]]
    assert names == ["榕川市市场监督管理局", "榕川市市场监督管理局", None]


def test_the_same_notice_again_is_the_companys_and_names_no_firm() -> None:
    """'同一份公告还提出，将转股价…下修' is the notice the company just published, not a firm called 同一份; a
    conversion price (转股价) is a price, not where the shares trade."""
    article = [
        ["麓川汽车发布公告称，拟变更募集资金用途。", "同一份公告还提出，将转股价从32.6元下修至19.8元。"]
    ]
    result = attribute_source(article, "zh-Hans", SpeakerIndex([]))
    assert [s.name if s else None for s in result.speakers[0]] == ["麓川汽车", "麓川汽车"]
    assert "stock" not in find_measures("麓川准备把转股价降到多少？")


def test_a_fund_that_takes_the_article_and_its_own_report_speak_for_it() -> None:
    """'The Harrowfield Teachers' Retirement Fund has cut … its stake in Dunlin Ventures' fund …, according to the
    pension's quarterly report' is the pension's, not Dunlin's; 'the pension's' also picks it out when the
    sentence opens otherwise."""
    text = [
        [
            "The Harrowfield Teachers' Retirement Fund has cut the value of its stake in Dunlin Ventures' third AI "
            "fund to $148 million, according to the pension's quarterly investment report."
        ],
        [
            "Its stake in Dunlin Ventures' fund is worth $148 million, down about 30%, according to the "
            "pension's quarterly report, which Harrowfield Teachers' Retirement Fund filed."
        ],
    ]
    assert speakers_of(text) == ["Harrowfield Teachers' Retirement Fund"] * 2


def test_a_body_s_staff_speak_for_the_body() -> None:
    """'the commission's staff put the full cost closer to $2.6 billion' is the commission's estimate."""
    text = [
        [
            "In a filing with the Harlow Valley Utility Commission, Dunmore Power asks to recover $640 million."
        ],
        ["In a memo on Wednesday, the commission's staff put the full cost closer to $2.6 billion."],
    ]
    assert speakers_of(text)[1] == "Harlow Valley Utility Commission"


def test_the_letter_is_the_one_its_writer_just_sent() -> None:
    """'Ashgrove told its own investors in a letter that … The letter also said …' is Ashgrove's letter, though
    the company whose memo the article cited earlier also wrote one."""
    text = [
        ["Velloran Labs sold $6 billion of staff shares, according to a memo Velloran sent to employees."],
        ["Ashgrove Secondaries agreed to buy about $600 million of the stock."],
        [
            "Ashgrove told its own investors in a letter that it was paying about 11 times next year's revenue.",
            "The letter also said the fund had capped any single holding at 15% of its commitments.",
        ],
    ]
    told, letter = speakers_of(text)[-2:]
    assert told is not None and told.startswith("Ashgrove") and letter == told


def test_a_listing_or_memo_is_its_author_s_even_when_another_firm_spoke_before() -> None:
    text = [
        ["Wrenlow AI is looking to sublet capacity."],
        [
            "According to a listing circulated to prospective tenants by the broker Lathbury Capacity Partners, "
            "Wrenlow is offering about 35% of its reserved capacity at $1.70 an hour."
        ],
        ["According to a report published on Monday by Castmoor Research, prices fell 20%."],
        ["According to a memo prepared by Haldane Partners, the fund lost 8%."],
    ]
    assert speakers_of(text) == [None, "Lathbury Capacity Partners", "Castmoor Research", "Haldane Partners"]
