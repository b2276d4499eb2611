"""Speaker lookup by alias, script and role."""

from __future__ import annotations

import pytest

from knowledge.corpus import load_corpus
from knowledge.speakers import Speaker, SpeakerIndex


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What did Anthropic's CEO say?", "Dario Amodei"),
        ("What did Meta's finance chief say?", "Susan Li"),
        ("the head of Google DeepMind", "Demis Hassabis"),
        ("OpenAI's president", "Greg Brockman"),
        ("OpenAI的董事长怎么说", "Bret Taylor"),
        ("the investor who called the 2008 housing crash", "Michael Burry"),
        ("微軟的首席執行官", "Satya Nadella"),
    ],
)
def test_speakers_named_only_by_role(question: str, expected: str) -> None:
    assert [s.name for s in load_corpus().speakers.find_by_role(question)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("奧特曼回答道", "Sam Altman"),
        ("阿尔特曼", "Sam Altman"),
        ("阿爾特表示", "Molly Alter"),
        ("Joe Vath", "Joe Fath"),
        ("法斯說", "Joe Fath"),
        ("Susan Lee", "Susan Li"),
        ("薩蒂亞·納德拉", "Satya Nadella"),
    ],
)
def test_aliases_in_every_script(text: str, expected: str) -> None:
    [mention] = load_corpus().speakers.find_mentions(text)
    assert mention.speaker.name == expected


def test_ordinary_words_are_not_names() -> None:
    assert load_corpus().speakers.find_mentions("we should alter the plan and fathom the cost") == []


def test_a_title_at_an_organization_the_question_only_describes_finds_its_holder() -> None:
    fund = Speaker(name="Lakeland Municipal Retirement System", kind="organization", role="organization")
    cio = Speaker(
        name="Ruth Amsel",
        kind="person",
        role="chief investment officer, Lakeland Municipal Retirement System",
        positions=(("cio", "Lakeland Municipal Retirement System"),),
    )
    founder = Speaker(
        name="Ivo Brandt",
        kind="person",
        role="founder, Marlow Bay Research",
        positions=(("founder", "Marlow Bay Research"),),
    )
    seller = Speaker(name="Marlow Bay Research", kind="organization", role="short seller")
    index = SpeakerIndex([fund, cio, founder, seller])
    assert index.find_by_role("what did the pension's CIO say about selling?") == [cio]
    assert index.find_by_role("what does the short seller's founder think?") == [founder]


def test_a_title_in_the_plural_is_a_group_not_the_one_holder_of_the_title() -> None:
    """ "How much of the fund did investors cash out?" asks about a fund's investors, not its named investor."""
    fund = Speaker(name="Altbridge Capital", kind="organization", role="venture fund")
    backer = Speaker(
        name="Noor Haddad",
        kind="person",
        role="investor, Altbridge Capital",
        positions=(("investor", "Altbridge Capital"),),
    )
    index = SpeakerIndex([fund, backer])
    assert index.find_by_role("how much of the fund did investors try to cash out last quarter?") == []
    assert index.find_by_role("what did the fund's investor say about the round?") == [backer]


def test_the_head_of_an_agency_described_after_the_title_is_its_director() -> None:
    director = Speaker(
        name="Hollis Brandt",
        kind="person",
        role="director, Joint Legislative Audit and Review Commission",
        positions=(("director", "Joint Legislative Audit and Review Commission"),),
    )
    other = Speaker(
        name="Ana Ruiz", kind="person", role="director, Bluestem", positions=(("director", "Bluestem"),)
    )
    index = SpeakerIndex([director, other])
    question = "why does the head of Virginia's legislative audit agency think the two numbers differ?"
    assert index.find_by_role(question) == [director]


def test_a_title_the_gazetteer_lacks_is_asked_by_its_own_word() -> None:
    underwriter = Speaker(
        name="Ilse Varga",
        kind="person",
        role="chief underwriting officer, Borrowdale Kredit",
        positions=(("chief underwriting officer", "Borrowdale Kredit"),),
    )
    chief = Speaker(
        name="Piet Olander",
        kind="person",
        role="CEO, Borrowdale Kredit",
        positions=(("ceo", "Borrowdale Kredit"),),
    )
    insurer = Speaker(name="Borrowdale Kredit", kind="organization", role="insurer", aliases=("Borrowdale",))
    index = SpeakerIndex([underwriter, chief, insurer])
    assert index.find_by_role("what did Borrowdale's head of underwriting say about limits?") == [underwriter]
    assert index.find_by_role("what did Borrowdale's boss say about limits?") == [chief]


def test_a_finance_director_is_the_finance_chief() -> None:
    cfo = Speaker(
        name="Wen Lu", kind="person", role="CFO, Tallis Tools", positions=(("cfo", "Tallis Tools"),)
    )
    index = SpeakerIndex(
        [cfo, Speaker(name="Tallis Tools", kind="organization", role="maker", aliases=("Tallis",))]
    )
    assert index.find_by_role("Tallis's finance director: how much will customers accept?") == [cfo]


def test_an_organization_written_in_full_elsewhere_is_described_by_its_full_name() -> None:
    treasurer = Speaker(
        name="Gloria Ybarra",
        kind="person",
        role="Copper Basin's treasurer",
        positions=(("treasurer", "Copper Basin"),),
    )
    utility = Speaker(name="Copper Basin Electric", kind="organization", role="organization")
    short = Speaker(name="Copper Basin", kind="organization", role="organization")
    index = SpeakerIndex([treasurer, utility, short])
    assert index.find_by_role("what did the Arizona utility's treasurer say about demand?") == [treasurer]


def test_a_vp_is_a_vice_president_of_the_company_asked() -> None:
    vp = Speaker(
        name="Lena Ostrow",
        kind="person",
        role="vice president for regulatory affairs, Brantwood Power",
        positions=(("vice president", "Brantwood Power"),),
    )
    index = SpeakerIndex([vp, Speaker(name="Brantwood Power", kind="organization", role="organization")])
    assert index.find_by_role(
        "what share does Brantwood Power's regulatory affairs VP say big users pay?"
    ) == [vp]


def test_a_misspelt_name_is_found_but_an_ordinary_word_one_letter_away_is_not() -> None:
    tarrant = Speaker(name="Imogen Tarrant", kind="person", role="managing director", aliases=("Tarrant",))
    index = SpeakerIndex([tarrant])
    assert index.fuzzy_mentions("what did Tarrent say about chip collateral?") == [tarrant]
    assert index.fuzzy_mentions("what kind of warrant coverage is the lender getting?") == []


def test_a_credit_chief_is_the_chief_credit_officer() -> None:
    lender = Speaker(
        name="Ashgrove Venture Credit", kind="organization", role="organization", aliases=("Ashgrove",)
    )
    chief = Speaker(
        name="Rafael Quintero",
        kind="person",
        role="chief credit officer, Ashgrove Venture Credit",
        positions=(("chief credit officer", "Ashgrove Venture Credit"),),
    )
    index = SpeakerIndex([lender, chief])
    assert index.find_by_role("what loss rate is Ashgrove's credit chief expecting?") == [chief]


def test_a_professional_described_by_trade_is_the_one_quoted_so() -> None:
    lawyer = Speaker(name="Ida Marsh", kind="person", role="bankruptcy lawyer at Greaves Holt")
    analyst = Speaker(name="Tom Reyes", kind="person", role="analyst, Bramley Securities")
    index = SpeakerIndex([lawyer, analyst])
    assert index.find_by_role("what did the bankruptcy lawyer say lenders could get back?") == [lawyer]
    assert index.find_by_role("what did the tax lawyer say?") == []


def test_a_bond_manager_an_assessor_and_who_is_running_a_company_are_asked_by_role() -> None:
    manager = Speaker(
        name="Delia Moran",
        kind="person",
        role="who manages $9 billion of corporate bonds at Fernhill Partners",
        positions=(("fund manager", "Fernhill Partners"),),
    )
    fernhill = Speaker(
        name="Fernhill Partners", kind="organization", role="organization", aliases=("Fernhill",)
    )
    assessor = Speaker(
        name="Rhoda Kessling",
        kind="person",
        role="county's elected assessor",
        positions=(("assessor", "Velmont County"),),
    )
    county = Speaker(name="Velmont County", kind="organization", role="organization", aliases=("Velmont",))
    chief = Speaker(name="Piet Olander", kind="person", role="CEO, Corvane", positions=(("ceo", "Corvane"),))
    corvane = Speaker(name="Corvane", kind="organization", role="company")
    index = SpeakerIndex([manager, fernhill, assessor, county, chief, corvane])
    assert index.find_by_role("does the Fernhill bond manager think the deal was rich?") == [manager]
    assert index.find_by_role("Velmont县的估税官是谁？") == [assessor]
    assert index.find_by_role("who's running Corvane these days?") == [chief]
    assert index.find_by_role("现在是谁在掌舵Corvane？") == [chief]


def test_a_revenue_chief_and_a_finance_head_in_chinese_are_their_officers_not_the_ceo() -> None:
    """ "Revenue chief" is the chief revenue officer, "财务负责人" the CFO: neither is the chief executive."""
    ceo = Speaker(name="Tobin Wray", kind="person", role="CEO, Quarrel", positions=(("ceo", "Quarrel"),))
    cro = Speaker(
        name="Sela Marsh",
        kind="person",
        role="chief revenue officer, Quarrel",
        positions=(("chief revenue officer", "Quarrel"),),
    )
    cfo = Speaker(name="Ke Ying", kind="person", role="CFO, Quarrel", positions=(("cfo", "Quarrel"),))
    index = SpeakerIndex([ceo, cro, cfo, Speaker(name="Quarrel", kind="organization", role="organization")])
    assert index.find_by_role("what's Quarrel's revenue chief expecting ad sales to hit?") == [cro]
    assert index.find_by_role("Quarrel的财务负责人说收入多少？") == [cfo]


def test_a_former_chair_is_not_the_one_in_office() -> None:
    """ "Lianfeng's former chairman": not whoever chairs it now (a former holder never quoted stays unknown)."""
    chair = Speaker(name="Lin Bo", kind="person", role="chair, Lianfeng", positions=(("chair", "Lianfeng"),))
    index = SpeakerIndex([chair, Speaker(name="Lianfeng", kind="organization", role="organization")])
    assert index.find_by_role("how big a stake does Lianfeng's former chairman still have?") == []
    assert index.find_by_role("Lianfeng前董事长还持有多少股份？") == []
    assert index.find_by_role("Lianfeng目前董事长怎么说？") == [chair]
    assert index.find_by_role("what does Lianfeng's chairman say?") == [chair]


def test_a_brokers_analyst_is_its_head_of_research() -> None:
    """ "Corvin的分析師": the head of telecoms research at Corvin Securities, a title written out."""
    head = Speaker(
        name="Ilse Brandauer",
        kind="person",
        role="head of telecoms research at Corvin Securities",
        positions=(("head of telecoms research", "Corvin Securities"),),
    )
    broker = Speaker(name="Corvin Securities", kind="organization", role="organization", aliases=("Corvin",))
    index = SpeakerIndex([head, broker])
    assert index.find_by_role("Corvin的分析師估計回報率有多少？") == [head]


def test_a_co_op_is_the_cooperative_the_article_names() -> None:
    """ "the power co-op's general manager": the manager of the electric cooperative."""
    manager = Speaker(
        name="Hannah Pike",
        kind="person",
        role="cooperative's general manager",
        positions=(("general manager", "Birchwater Electric Cooperative"),),
    )
    other = Speaker(
        name="Ray Dunn",
        kind="person",
        role="general manager, Tallmark",
        positions=(("general manager", "Tallmark"),),
    )
    index = SpeakerIndex([manager, other])
    assert index.find_by_role("what does the power co-op's general manager say about bills?") == [manager]


def test_the_people_at_an_organization_are_its_quoted_staff() -> None:
    """A fund named by its role speaks through the partner quoted for it."""
    fund = Speaker(
        name="棠溪资本", kind="organization", role="lead investor", aliases=("Tangxi Capital",), quoted=False
    )
    partner = Speaker(
        name="Yan Ruozhou", kind="person", role="partner, 棠溪资本", positions=(("partner", "棠溪资本"),)
    )
    silent = Speaker(
        name="Gu Yuan", kind="person", role="partner", positions=(("partner", "棠溪资本"),), quoted=False
    )
    assert SpeakerIndex([fund, partner, silent]).people_at(fund) == [partner]


def test_a_boss_at_a_described_bank_is_not_the_boss_of_a_company_named_elsewhere() -> None:
    """ "the lead bank's leveraged-finance boss … the Brightmoor loan": the bank's head of leveraged finance."""
    banker = Speaker(
        name="Owen Tallis",
        kind="person",
        role="Halvard's head of leveraged finance",
        positions=(("head of leveraged finance", "Halvard Bank"),),
    )
    cfo = Speaker(
        name="Aisha Bello", kind="person", role="CFO, Brightmoor", positions=(("cfo", "Brightmoor Compute"),)
    )
    ceo = Speaker(
        name="Lee Marr", kind="person", role="CEO, Brightmoor", positions=(("ceo", "Brightmoor Compute"),)
    )
    borrower = Speaker(
        name="Brightmoor Compute", kind="organization", role="organization", aliases=("Brightmoor",)
    )
    index = SpeakerIndex(
        [banker, cfo, ceo, borrower, Speaker(name="Halvard Bank", kind="organization", role="bank")]
    )
    question = (
        "what did the lead bank's leveraged-finance boss say about how much of the Brightmoor loan is unsold?"
    )
    assert index.find_by_role(question) == [banker]
    assert index.find_by_role("what did Brightmoor's finance boss say about the loan?") == [cfo]


def test_an_energy_minister_is_the_minister_of_energy() -> None:
    """ "Nuwara's energy minister": the one quoted as "minister of energy and digital economy"."""
    minister = Speaker(name="Rami Dhafer", kind="person", role="minister of energy and digital economy")
    other = Speaker(name="Lina Saad", kind="person", role="minister of finance")
    index = SpeakerIndex([minister, other])
    assert index.find_by_role("how much investment is nuwara's energy minister saying was pledged?") == [
        minister
    ]
    assert index.find_by_role("what did the health minister say?") == []


def test_the_short_seller_is_the_one_organization_described_so() -> None:
    """ "那家做空机构说…": the one organization the articles call a short seller (two: the question is unclear)."""
    seller = Speaker(name="Ravelin Research", kind="organization", role="short seller")
    index = SpeakerIndex([seller, Speaker(name="Ostler Partners", kind="organization", role="consultancy")])
    assert index.find_by_role("那家做空机构说收入可能掉多少？") == [seller]
    assert index.find_by_role("what did the short seller say about the backlog?") == [seller]
    other = Speaker(name="Pell Street Research", kind="organization", role="short-seller")
    assert SpeakerIndex([seller, other]).find_by_role("那家做空机构说什么？") == []


def test_the_developer_and_the_sovereign_fund_asked_in_chinese_are_the_ones_described_so() -> None:
    """'开发商说…' is the one site developer the articles name, not the lab a gazetteer calls a 'ChatGPT开发商';
    '主权基金表示…' the one sovereign wealth fund, when the fund is the one speaking."""
    developer = Speaker(name="Rowmere Infrastructure", kind="organization", role="developer")
    lab = Speaker(name="Lumen Labs", kind="organization", role="AI lab", role_zh="人工智能公司，Lumen开发商")
    fund = Speaker(name="Qarish Reserve Fund", kind="organization", role="sovereign wealth fund")
    index = SpeakerIndex([developer, lab, fund])
    assert index.find_by_role("开发商说这个园区每年要用多少水？") == [developer]
    assert index.find_by_role("主权基金表示会认购多少？") == [fund]
    assert index.find_by_role("主权基金入股后这家公司估值是多少？") == []  # the fund only dates the question


def test_a_chinese_name_inside_a_longer_company_name_is_not_a_mention() -> None:
    index = SpeakerIndex(
        [Speaker(name="Cisco", kind="organization", role="network maker", aliases=("思科",))]
    )
    assert index.find_mentions("本港上市公司雋思科技昨日宣布配售新股") == []  # 思科 ends inside 科技
    assert [m.speaker.name for m in index.find_mentions("思科表示，订单增长")] == ["Cisco"]
    assert [m.speaker.name for m in index.find_mentions("与思科科技合作")] == ["Cisco"]


def test_head_of_a_function_is_its_chief_officer() -> None:
    revenue = Speaker(
        name="Marius Feldkamp",
        kind="person",
        role="chief revenue officer, Sivora",
        aliases=("Feldkamp",),
        positions=(("chief revenue officer", "Sivora"),),
    )
    chief = Speaker(
        name="Leonie March",
        kind="person",
        role="CEO, Sivora",
        aliases=("March",),
        positions=(("ceo", "Sivora"),),
    )
    sivora = Speaker(name="Sivora", kind="organization", role="AI search start-up")
    index = SpeakerIndex([revenue, chief, sivora])
    assert index.find_by_role("What did Sivora's head of revenue tell ad buyers about October?") == [revenue]


def test_who_runs_the_finances_is_the_finance_chief_not_the_chief_executive() -> None:
    chief = Speaker(name="Piet Olander", kind="person", role="CEO, Corvane", positions=(("ceo", "Corvane"),))
    finance = Speaker(
        name="Mara Voss", kind="person", role="finance chief, Corvane", positions=(("cfo", "Corvane"),)
    )
    corvane = Speaker(name="Corvane", kind="organization", role="company")
    index = SpeakerIndex([chief, finance, corvane])
    assert index.find_by_role("who runs the finances at corvane, and what does she expect?") == [finance]
    assert index.find_by_role("Corvane谁管财务？") == [finance]
    assert index.find_by_role("who runs Corvane?") == [chief]
