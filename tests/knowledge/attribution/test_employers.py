"""Whom a person quoted by title works for: the organization the title's words name or describe."""

from __future__ import annotations

from knowledge.attribution import attribute_source
from knowledge.speakers import Speaker, SpeakerIndex


def _speakers(paragraphs: list[list[str]], language: str) -> dict[str, Speaker]:
    result = attribute_source(paragraphs, language, SpeakerIndex([]))
    return {s.name: s for s in [*result.quoted, *result.mentioned]}


def test_its_chief_executive_works_for_the_organization_named_last_in_the_text() -> None:
    """ "Its chief executive" after "Pellmont has been borrowing" is Pellmont's, whoever was introduced last."""
    paragraphs = [
        ["Pellmont Compute rents servers to start-ups."],
        ["According to Farrowby Data, most rounds were priced lower this year."],
        [
            "Pellmont has been borrowing to keep up. Its chief executive, Ruth Adeyemi, said the credit line "
            "totals $400 million."
        ],
    ]
    adeyemi = _speakers(paragraphs, "en")["Ruth Adeyemi"]
    assert ("ceo", "Pellmont Compute") in adeyemi.positions


def test_the_cooperatives_general_manager_works_for_the_cooperative_the_article_names() -> None:
    """ "X, the cooperative's general manager" is the manager of the cooperative, not of the story's company."""
    paragraphs = [
        ["Tallmark approved a new data campus, the cloud company said. Tallmark will spend $5 billion."],
        ["Birchwater Electric Cooperative, which serves rural homes, will have to build a substation."],
        ['"This is three times our peak load," said Hannah Pike, the cooperative\'s general manager.'],
    ]
    pike = _speakers(paragraphs, "en")["Hannah Pike"]
    assert pike.positions == (("general manager", "Birchwater Electric Cooperative"),)


def test_a_head_of_research_heads_a_unit_not_the_firm() -> None:
    """ "Head of telecoms research" is kept as written: its holder is no chief executive."""
    paragraphs = [
        [
            "Ilse Brandauer, head of telecoms research at Corvin Securities, said the sites would earn 6%.",
        ]
    ]
    brandauer = _speakers(paragraphs, "en")["Ilse Brandauer"]
    assert [title for title, _ in brandauer.positions] == ["head of telecoms research"]
    paragraphs = [
        ["Owen Tallis, Halvard's head of leveraged finance, disputed the account.", "Tallis said so."]
    ]
    tallis = _speakers([["Halvard Bank kept part of the loan.", *paragraphs[0]]], "en")["Owen Tallis"]
    assert tallis.positions == (("head of leveraged finance", "Halvard Bank"),)


def test_a_partner_of_the_fund_a_possessive_names() -> None:
    """ "领投方云岫资本的合伙人祁梦笙": a partner of the fund, which led the round of the article's company."""
    paragraphs = [
        ["人形机器人初创公司鹤翎机器人周一宣布完成10亿元C轮融资，由棠溪资本领投。"],
        ["鹤翎机器人创始人兼首席执行官顾远（Gu Yuan）表示，新资金将用于量产。"],
        ["领投方棠溪资本的合伙人严若舟（Yan Ruozhou）则为估值辩护。“明年收入有望达到6亿元，”她说。"],
    ]
    found = _speakers(paragraphs, "zh-Hans")
    assert found["Yan Ruozhou"].positions == (("partner", "棠溪资本"),)
    assert ("lead investor", "鹤翎机器人") in found["棠溪资本"].positions


def test_an_officer_named_without_a_company_works_for_the_bank_the_story_calls_the_bank() -> None:
    """A short seller named at every turn is not the employer of "chief financial officer X" in a story about the
    bank it attacks, which the story mostly calls "the bank"."""
    paragraphs = [
        [
            "Tarrow Bancorp's shares fell 9% after the short seller Quillfen Research said the bank hid losses."
        ],
        ["Quillfen estimated the bank's bad loans at $2 billion. Quillfen said more would follow."],
        ["The bank's own filings list $800 million. Quillfen called that figure stale."],
        [
            'Chief financial officer Mara Lindqvist rejected the report. "We have disclosed every loan," she said.'
        ],
        ["Lindqvist said the bank expected lending to grow."],
    ]
    lindqvist = _speakers(paragraphs, "en")["Mara Lindqvist"]
    assert lindqvist.positions == (("cfo", "Tarrow Bancorp"),)


def test_an_officer_closing_a_sentence_works_for_the_company_it_opens_with_by_its_short_name() -> None:
    """ "Ambrel plans to spend …, chief financial officer X told investors" is Ambrel Cloud's officer."""
    paragraphs = [
        [
            "Greyfen Capital, the activist hedge fund, is pressing Vantrel Cloud to cut spending, the fund said."
        ],
        [
            "Vantrel plans to spend $38 billion next year, chief financial officer Ada Whitcombe told investors."
        ],
        ["The fund wants $24 billion. The fund owns 2%. The fund wrote to the board."],
    ]
    whitcombe = _speakers(paragraphs, "en")["Ada Whitcombe"]
    assert whitcombe.positions == (("cfo", "Vantrel Cloud"),)


def test_a_founder_in_a_story_about_a_city_bureau_works_for_no_bureau() -> None:
    """ "在临澜一家创业公司，创始人X算了一笔账" in a story about the city's bureau: X founded the start-up."""
    paragraphs = [
        ["临岚市工业和信息化局副局长周以安表示，今年已发放算力券2.1亿元。"],
        [
            "在临岚一家做工业视觉检测的创业公司，创始人蒋蔚安算了一笔账。",
            "她说，公司今年用掉了约90万元的算力券。",
        ],
        ["蒋蔚安坦言，没有券租不起整卡。"],
    ]
    founder = _speakers(paragraphs, "zh-Hans")["Jiang Wei'an"]
    assert all(org != "临岚市工业和信息化局" for _, org in founder.positions)


def test_an_officer_in_a_story_about_a_funds_short_works_for_the_company_named_as_often() -> None:
    """A hedge fund's short of a company: "Chief financial officer X told analysts on the company's call" is the
    company's officer, not the fund's, though the story leads with the fund and calls it "the fund"."""
    paragraphs = [
        ["Wistfell Capital, a hedge fund, lost money on its short of Tennam Power Systems, the fund said."],
        ["Wistfell said Tennam was overvalued. Tennam rejected that. The fund added to the bet."],
        ["The fund's letter said Wistfell would hold. Tennam shares rose. Tennam stock then rose again."],
        [
            "Chief financial officer Bram Odell told analysts on the company's call that the backlog was $17.6 billion."
        ],
    ]
    odell = _speakers(paragraphs, "en")["Bram Odell"]
    assert odell.positions == (("cfo", "Tennam Power Systems"),)


def test_an_investment_officer_works_for_the_fund_not_the_company_it_backs() -> None:
    """In a story about a pension fund buying into an AI lab, 'Chief investment officer X told trustees' is the fund's
    officer, while 'Chief executive Y' named without a company is the lab's."""
    text = [
        [
            "The Brenlow Teachers' Pension Fund has agreed to put up to $300 million into shares of Quell Labs."
        ],
        ["Quell Labs was valued at $41 billion in May, and Quell Labs expects revenue of $3.2 billion."],
        [
            "The Brenlow Teachers' Pension Fund was 71% funded in June, and the Brenlow Teachers' Pension Fund board voted."
        ],
        ["Chief investment officer Odile Farrant told trustees that venture holdings were 4.1% of assets."],
        ["Chief executive Hollis Brant said Quell Labs would list in 2028."],
    ]
    result = attribute_source(text, "en", SpeakerIndex([]))
    cio, ceo = result.speakers[3][0], result.speakers[4][0]
    assert cio is not None and cio.positions[0][1] == "Brenlow Teachers' Pension Fund"
    assert ceo is not None and ceo.positions[0][1] == "Quell Labs"


def test_an_analyst_of_the_brokerage_named_after_her_speaks_for_herself() -> None:
    """'Analyst X of the brokerage Y said': X speaks, and Y, a brokerage however much it looks like a person's
    name, is no speaker."""
    result = attribute_source(
        [["Analyst Ottilie Brandt of the brokerage Selwyn Marsh said the cut showed weak pricing power."]],
        "en",
        SpeakerIndex([]),
    )
    speaker = result.speakers[0][0]
    assert speaker is not None and speaker.name == "Ottilie Brandt"
    assert speaker.role == "analyst, Selwyn Marsh"
    assert all(
        s.name != "Selwyn Marsh" or s.kind == "organization" for s in [*result.quoted, *result.mentioned]
    )


def test_a_title_after_a_preposition_names_no_employer_before_it() -> None:
    """'回购义务由创始人兼首席执行官X个人承担': X bears the buyback, at the article's company, not at one called 回购义务."""
    result = attribute_source(
        [
            ["国产GPU初创公司澄芯半导体宣布完成C轮融资。"],
            ["回购价格为投资本金加年化8%的单利，回购义务由创始人兼首席执行官严澄个人承担。"],
            ["严澄表示，本轮资金约六成将用于下一代芯片的流片和量产。"],
        ],
        "zh-Hans",
        SpeakerIndex([]),
    )
    founder = next(s for s in result.quoted if s.name_zh == "严澄")
    assert founder.role == "founder, 澄芯半导体"


def test_a_trustee_sits_on_the_pension_s_board_not_the_fund_manager_s() -> None:
    """'Trustee Odile Brack, one of the two votes against' in a story about a pension's stake in a venture fund
    is the pension's trustee, so 'the Harrowfield trustee' finds her."""
    paragraphs = [
        [
            "The Harrowfield Teachers' Retirement Fund has cut the value of its stake in Dunlin Ventures' AI fund."
        ],
        ["Dunlin Ventures still values the stake at $196 million, Dunlin said."],
        [
            "Trustee Odile Brack, one of the two votes against, argued that the fund still holds $410 million of cash."
        ],
    ]
    brack = _speakers(paragraphs, "en")["Odile Brack"]
    assert ("trustee", "Harrowfield Teachers' Retirement Fund") in brack.positions
