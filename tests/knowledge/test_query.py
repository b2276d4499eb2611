"""What a question asks: whether a figure answers it, and in which units."""

from __future__ import annotations

import pytest

from knowledge.asked_names_zh import chinese_subject, described_company, person_opening, titled_person
from knowledge.corpus import PACKAGED_CORPUS
from knowledge.glossary import Glossary, load_glossary
from knowledge.query import analyze
from knowledge.speakers import Speaker, SpeakerIndex

CURRENCIES = {"USD", "EUR", "JPY", "CNY", "TWD", "HKD"}
FIGURE_QUESTIONS = [
    ("澄港今年頭九個月賣咗幾多AI掛鈎產品？增長幾多？", CURRENCIES | {"%", "x"}),
    # a most that may be sold is a limit: a share of holdings as often as an amount
    ("禾川的限售股东解禁后最多能卖多少？", CURRENCIES | {"%"}),
    ("At most, how much cash can Verlane's founders raise by selling after the lock-up?", CURRENCIES | {"%"}),
    ("what are the Orsay hostels charging a night per bunk these days?", CURRENCIES),
    # money put into compute, not the compute itself
    ("how much is the agency putting into AI tools and compute?", CURRENCIES),
    # how much of a capacity is in use: a share
    ("那家客户三季度到底用了峤云多少算力？", {"%"}),
    ("机柜到底有多少在用？", {"%"}),
    # what a part contributes, as a share or an amount; a growth rate's levels before and after
    ("沅川光电的董秘说，数据中心客户现在贡献了多少收入？去年呢？", CURRENCIES | {"%"}),
    ("鈞川財務長說明年營收成長可能從多少下修到多少？", CURRENCIES | {"%"}),
    ("in the pilot, how much less time did doctors spend on notes?", {"%", "x"}),
    ("新廠良率而家去到幾多？", {"%"}),
    ("供应商要求的预付定金明年会压住多少现金？", CURRENCIES),
    ("Per the lawyer, roughly what will investors get back for each share?", {"%"} | CURRENCIES),
    ("what did the lawyer say the lenders could get back if it goes to court?", {"%"} | CURRENCIES),
    ("How much will the new scheduling software save the county each year?", CURRENCIES),
    ("佢話而家AI產品佔公司年度經常性收入幾多？", {"%"}),
    ("那些AI股的融資成數砍到剩多少？", {"%"} | CURRENCIES),
    ("D&O premiums: how much have they gone up at renewal this year?", {"%", "x"}),
    ("how much is the company coughing up to make the lawsuit go away?", CURRENCIES),
    ("By how much could the mine's expansion overrun its budget?", {"%"} | CURRENCIES),
    ("By how much per share will the new depreciation cut earnings?", {"%", "x"} | CURRENCIES),
    ("what yield did the utility get on its longest bond?", {"%"}),
    ("how oversubscribed was the bond deal?", {"x"}),
    ("how fast did the cloud company's revenue grow last quarter?", {"%", "x"}),
    ("what's the analyst's guess for the lab's slice of the backlog?", {"%"}),
    ("山下健一希望這個案子的報酬率有多少？", {"%"}),
    ("what annual return does the pension expect from its new commitments?", {"%"}),
    ("Aurelis 的CFO说这笔钱里有多少已经有合同兜底了？", {"%"}),
    ("how much cheaper is industrial electricity in Gansu than in the east?", {"%", "x"}),
    ("本益比现在比同业高多少？", {"%", "x"}),
    ("Copper Basin 的债券超额认购了多少倍？", {"x"}),
    ("王思涵担心新澄电信的负债比会升到多高？", {"%"}),
    ("what IRR has the 2019 fund delivered to its investors?", {"%"}),
    ("how hard did the trading house's stock get hit after the deal?", {"%"}),
    ("这家商社要在合资项目里投多少日元？", {"JPY"}),
    ("the cloud's capex for nine months — how much, and how fast is it growing?", {"%", "x"} | CURRENCIES),
    ("这家公司打算把获客成本从多少降到多少？", {"%"} | CURRENCIES),
    ("投保价值里有多大比例有营业中断保障？", {"%"}),
    ("how far could the utility's debt service coverage drop?", {"x", "%"} | CURRENCIES),
    (
        "how big are Qibang's receivables relative to revenue now?",
        {"%", "x"} | CURRENCIES,
    ),  # a ratio may be told as a multiple
    ("What's the combined power capacity of the AI computing centres Lanyuan built?", {"GW"}),
    ("how much power will the Groningen campus need?", {"GW"}),
    ("How much of the Kurosaki bonds did Sugimura's fund take?", {"%"} | CURRENCIES),
    ("how much has been pumped into AI labs via compute-credit style deals?", CURRENCIES),
    ("临澜财政局那位副局长预计今年当地的财政收入会下滑多少？", {"%"} | CURRENCIES),
    ("How big was the inventory hit Veyridge took last quarter?", {"%"} | CURRENCIES),
    ("how much has the insurer raised prices on renewals this year?", {"%", "x"}),
    ("what's the start-up's net revenue retention?", {"%"}),
    ("where did the chipmaker's shares close after the news?", {"%"}),
    ("how did the insurer's stock react to the results?", {"%"}),
    ("how far below the exchange's average price did the contract clear?", {"%", "x"}),
    ("林嘉欣说今年在数据中心上的新投资会少多少？", {"%", "x"}),
    ("Kilnworth估明年先進封裝的需求會超過產能多少？", {"%", "x"}),
    ("万思远觉得实际欠的钱跟对方主张的数比起来是多少？", {"%", "x"}),
    ("Owen Calder說這次新貸款的貸款成數是多少？", {"%"} | CURRENCIES),
    ("德信那位分析師話曜芯最大兩個客戶佔收入幾多？", {"%"}),
    ("what annual loss rate is the lender's credit chief expecting on the new fund?", {"%"}),
    ("where is the fund marking the reseller's loans now, and where were they last qtr?", {"%"}),
    (
        "what did the cfo say about how much of the capex plan is for the big-load customers?",
        {"%"} | CURRENCIES,
    ),
    ("財務總監話今輪啲錢大概幾多會用喺流片？", {"%"} | CURRENCIES),
    ("公司的收入有多少来自海外？", {"%"}),
    ("how big is the new infra fund, and how much does the authority manage overall?", CURRENCIES),
    ("how big is the toolmaker's backlog now, and how much is that up y/y?", {"%", "x"} | CURRENCIES),
    ("港门数据的供股价是多少？", CURRENCIES),
    ("崇澜算力券骗补一共涉案多少钱，追回来多少了？", CURRENCIES),
    ("the CFO said bank loans would've needed how much equity?", {"%"} | CURRENCIES),
    ("what did Shilan cut the price of its S3 glasses to?", {"%"} | CURRENCIES),
    ("What does he say average utilisation at the computing centres has climbed to?", {"%"}),
    ("盧景辰覺得那檔REIT按發行價算的市淨率大概多少？", {"x"} | CURRENCIES),
    ("港门数据这次供股价比收盘价折让了多少？", {"%", "x"}),
    ("What rack occupancy does the Tollan analyst think new computing parks run at?", {"%"}),
    ("What GPU utilisation does Mira Holt say the clusters reach?", {"%"}),
    ("体育馆的冠名收入市政府能分到多少？", {"%"} | CURRENCIES),
    # a loan-to-value ratio is a percentage, not an amount of loans
    ("What LTV does Pellmore's lending head say its warehouse loans are running at?", {"%"}),
    ("what's the average loan-to-value on the bank's server-farm mortgages?", {"%"}),
    # a fall in value is told as a share as often as an amount
    (
        "If a warehouse loses its only tenant, how much value could it lose per the appraiser?",
        {"%"} | CURRENCIES,
    ),
    # a charge for each kilowatt is a price asked, in money
    ("What demand charge per kW is Brenlow Power proposing for its largest users?", CURRENCIES),
    # a part of a whole collected or sold: "收回其中的六成" as often as an amount
    ("蓟川电子的财务总监预计年底前能把应收账款收回多少？", {"%"} | CURRENCIES),
    ("榕石光电打算明年把库存卖掉多少？", {"%"} | CURRENCIES),
    # a gap above what something is measured from, a ratio of two amounts, money per unit of money
    ("How much above its book value did the tower portfolio change hands?", {"%", "x"}),
    ("what are the GPUs behind the Morrow loans worth compared to the debt?", {"%", "x"} | CURRENCIES),
    ("Dellwyn spends how much on compute per dollar of revenue?", {"x", "USD"}),
    # a loss on an investment is told as a share of the cost as often as an amount
    ("How big were the paper losses on the pension's AI sleeve at the end of June?", {"%"} | CURRENCIES),
    ("how much does the strategist think a leveraged chip fund lost this year?", {"%"} | CURRENCIES),
    # a change that is the subject or the setting of the question is not the move asked
    ("How much will the fee cut cost the asset manager each year?", CURRENCIES),
    ("芯澜的财务总监说降价以后每台还能赚多少毛利？", CURRENCIES),
    # a rate named by its word, a share named by what it divides
    ("今年消费券核销率最后能到多少？", {"%"}),
    ("what numbers did the utility give for cost share vs load share?", {"%"}),
    # an amount and its rate, asked in one breath
    ("how much debt is the miner taking on, and at what interest rate?", {"%"} | CURRENCIES),
    # the part of a bill someone covers, the part of a reported figure: an amount or a share
    ("What's the substation bill, and how much of it will the developer cover?", {"%"} | CURRENCIES),
    ("调研机构说公司的数字里有多少是赠送的额度？", {"%"} | CURRENCIES),
]


@pytest.mark.parametrize(("question", "units"), FIGURE_QUESTIONS)
def test_a_question_about_a_rate_a_multiple_or_a_share_is_answered_by_a_figure_in_that_unit(
    question: str, units: set[str]
) -> None:
    query = analyze(question, speakers=SpeakerIndex([]), glossary=Glossary({}))
    assert query.wants_figure and query.units == units


def test_a_loss_question_asks_for_the_loss_not_the_revenue() -> None:
    query = analyze("玄衡智能去年一共亏了多少钱？", speakers=SpeakerIndex([]), glossary=Glossary({}))
    assert "burn" in query.measures and "revenue" not in query.measures


def test_a_limit_may_be_answered_by_a_share_or_an_amount() -> None:
    query = analyze(
        "养老金董事会给AI相关投资定的上限是多少？", speakers=SpeakerIndex([]), glossary=Glossary({})
    )
    assert "%" in query.units and "USD" in query.units and "cap" in query.measures


def test_how_an_organization_responded_asks_what_it_said() -> None:
    nvidia = Speaker(name="Nvidia", kind="organization", role="chipmaker", aliases=("Nvidia",))
    query = analyze(
        "How did Nvidia respond to criticism of its circular investments?",
        speakers=SpeakerIndex([nvidia]),
        glossary=Glossary({}),
    )
    assert query.speakers == [nvidia]


def test_subsidies_for_compute_are_money_and_compute_alone_is_capacity() -> None:
    def units(question: str) -> set[str]:
        return analyze(question, speakers=SpeakerIndex([]), glossary=Glossary({})).units

    assert units("how much in AI compute subsidies has the analyst counted across China?") == CURRENCIES
    assert units("how much compute does OpenAI want by 2033?") == {"GW"}


def test_a_slice_of_an_amount_may_be_told_as_an_amount() -> None:
    query = analyze(
        "how much of the Tessary raise is earmarked for locking in supply?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.units == {"%"} | CURRENCIES


def test_the_condition_of_a_question_is_context_not_the_asked_measure() -> None:
    query = analyze(
        "if AI infra valuations fell 30%, how much would the pension lose?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.measures == {"burn"}


def test_the_adjective_a_how_question_asks_about_is_its_measure() -> None:
    query = analyze(
        "how oversubscribed was Copper Basin's bond deal?", speakers=SpeakerIndex([]), glossary=Glossary({})
    )
    assert query.measures == {"orders"} and query.units == {"x"}


def test_the_noun_before_shi_duoshao_is_the_asked_measure() -> None:
    query = analyze(
        "Prairie 教师养老金董事会给AI相关投资定的上限是多少？",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.measures == {"cap"}


def test_how_someone_sees_the_bubble_is_a_stance_question() -> None:
    query = analyze("崇远的执行长怎么看AI泡沫这件事？", speakers=SpeakerIndex([]), glossary=Glossary({}))
    assert query.kind == "stance"


def test_a_price_target_is_an_amount() -> None:
    query = analyze(
        "Jenna Pike 把 Vantora 的目标价调到多少？", speakers=SpeakerIndex([]), glossary=Glossary({})
    )
    assert "USD" in query.units and "valuation" in query.measures


def test_the_noun_a_how_much_question_asks_about_is_its_measure() -> None:
    def measures(question: str) -> set[str]:
        return analyze(question, speakers=SpeakerIndex([]), glossary=Glossary({})).measures

    assert measures("so how much cash is Veridian sitting on now that the round closed?") == {"cash"}
    assert "burn" in measures("how much cash did Cindervale go through in Q2?")


def test_part_of_a_raise_going_somewhere_is_spending_told_as_an_amount_or_a_share() -> None:
    query = analyze(
        "How much of Ruijie's planned share placement goes into R&D?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert "spending" in query.measures and {"%", "CNY"} <= query.units


def test_what_someone_thinks_is_not_a_yes_or_no_stance_question() -> None:
    query = analyze(
        "新澄电信执行长觉得台湾盖资料中心最头痛的成本是什么？",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.kind != "stance"


def test_a_rate_of_use_is_a_percentage() -> None:
    for question in ("云栈算力的机柜上架率现在大概多少？", "what is the fleet's utilization rate?"):
        assert analyze(question, speakers=SpeakerIndex([]), glossary=Glossary({})).units == {"%"}


def test_money_lined_up_from_investors_is_not_a_rise() -> None:
    query = analyze(
        "how much fresh money did Nadia Ferris say was lined up from institutions?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert "%" not in query.units and "USD" in query.units


def test_how_much_of_something_comes_from_somewhere_is_a_share() -> None:
    for question in (
        "启曜的首席财务官预计今年API收入有多少会来自私有化部署？",
        "钜崴的库存到底有多少是真的有订单的？",
    ):
        assert "%" in analyze(question, speakers=SpeakerIndex([]), glossary=Glossary({})).units


@pytest.mark.parametrize(
    ("question", "units"),
    [
        ("陈宗翰说高层数板的毛利率大概是传统板子的几倍？", {"x"}),
        ("how big a stake does the former chairman still have?", {"%"}),
        ("岚穗的月活用户里，大概百分之几的人真的掏钱了？", {"%"}),  # a percentage of payers, not money paid
        ("澄和的数据中心现在租出去多少？一年前是多少？", {"%"}),  # how much of it is let: occupancy
        # a hit taken on power hedges is a loss in money, not an amount of power
        ("how big a hit did Corrin take on its electricity hedges last quarter?", {"%"} | CURRENCIES),
        ("安斯迪說當初郡政府被承諾每年可以收到多少稅？", CURRENCIES),  # tax collected is money
        ("How much capacity does Merrow's deal with Talvin actually cover?", {"GW"}),  # power capacity
        ("how much more HBM capacity does Kwon think they'll have by 2027?", set()),  # a product's capacity
        # how much of a capacity comes from one kind of customer: a share
        ("how much new signed capacity comes from AI customers now vs a year ago?", {"%"}),
        # two asks: the fund's size in money, and a slice of it
        ("how big is Halloway's flagship fund, and what slice of it is lent to AI?", {"%"} | CURRENCIES),
    ],
)
def test_a_multiple_or_a_stake_is_asked_whatever_else_the_question_names(
    question: str, units: set[str]
) -> None:
    assert analyze(question, speakers=SpeakerIndex([]), glossary=Glossary({})).units == units


def test_capital_a_partner_has_to_put_up_may_be_an_amount() -> None:
    query = analyze(
        "how much of the JV capital does Vega say Cobalt Ridge has to put up?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert {"%", "USD"} <= query.units


def test_a_chinese_name_after_a_title_is_the_person_asked_about() -> None:
    assert titled_person("江州市长刘建国怎么评价母基金扩容？") == "刘建国"
    assert titled_person("董事长陳宗翰怎麼看AI訂單？") == "陈宗翰"
    assert titled_person("母基金扩容到多少？") is None


def test_a_year_the_question_compares_with_is_not_the_year_it_asks_about() -> None:
    query = analyze(
        "what does the firm put the insured value at, and how does that compare with 2023?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.years == [] and query.units >= {"USD"}


def test_how_a_stock_reacted_asks_the_market_not_the_company() -> None:
    insurer = Speaker(name="Pellmoor Insurance", kind="organization", role="insurer", quoted=True)
    query = analyze(
        "how did Pellmoor Insurance stock react to the results?",
        speakers=SpeakerIndex([insurer]),
        glossary=Glossary({}),
    )
    assert query.speakers == [] and "stock" in query.measures


def test_a_year_that_names_a_fund_is_not_the_period_asked_about() -> None:
    query = analyze(
        "what multiple has Larchwood's 2021 flagship returned so far?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.years == [] and query.units == {"x"}


def test_debt_service_cover_is_a_multiple() -> None:
    query = analyze(
        "how far does the system's debt-service cover fall in 2027?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert "x" in query.units


def test_a_comparison_with_a_year_before_is_no_yearly_period() -> None:
    query = analyze(
        "两家韩国存储厂商占了上半年订单的多少？一年前是多少？",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.period is None and query.halves == {1}
    query = analyze(
        "what share of orders did they take, up from what a year earlier?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.period is None


def test_a_monthly_average_in_a_quarter_asks_the_monthly_figure() -> None:
    query = analyze(
        "这家公司第三季度平均一个月要烧掉多少现金？", speakers=SpeakerIndex([]), glossary=Glossary({})
    )
    assert query.period == "month"


def test_the_first_three_quarters_of_this_year_are_neither_a_quarter_nor_the_year() -> None:
    query = analyze(
        "侯以安說墨嵐今年前三季才賺進多少收入？", speakers=SpeakerIndex([]), glossary=Glossary({})
    )
    assert query.period is None and query.wants_figure


def test_a_net_loss_is_asked_in_money() -> None:
    query = analyze("这家公司第三季度一个季度净亏损多少？", speakers=SpeakerIndex([]), glossary=Glossary({}))
    assert query.period == "quarter" and query.units == CURRENCIES


def test_of_two_organizations_the_one_before_the_verb_of_thinking_is_asked() -> None:
    consultancy = Speaker(
        name="领械咨询", kind="organization", role="consultancy", aliases=("领械咨询", "领械")
    )
    maker = Speaker(name="衡钧精工", kind="organization", role="maker", aliases=("衡钧精工", "衡钧"))
    query = analyze(
        "领械咨询觉得衡钧的订单里有多少真是人形机器人厂商下的？",
        speakers=SpeakerIndex([consultancy, maker]),
        glossary=Glossary({}),
    )
    assert query.speakers == [consultancy]


def test_a_price_per_head_is_no_citation_of_the_organization_named_before_it() -> None:
    payer = Speaker(name="Fernhill Clinics", kind="organization", role="clinic group", aliases=("Fernhill",))
    vendor = Speaker(name="Quillon Health", kind="organization", role="software vendor", aliases=("Quillon",))
    query = analyze(
        "what will Fernhill pay Quillon per nurse each month?",
        speakers=SpeakerIndex([payer, vendor]),
        glossary=Glossary({}),
    )
    assert query.speakers == [] and {payer, vendor} <= set(query.entities)


def test_so_far_this_year_is_answered_by_the_first_three_quarters() -> None:
    query = analyze(
        "how much has Zhenyue spent on sales and marketing so far this year?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.period is None and "spending" in query.measures


def test_a_company_named_beside_the_source_a_question_cites_is_the_topic() -> None:
    jiguang = Speaker(name="霁光网络", kind="organization", role="company", aliases=("霁光网络", "Jiguang"))
    query = analyze(
        "what valuation is Jiguang Network reportedly seeking in its new round per New Consumer Daily?",
        speakers=SpeakerIndex([jiguang]),
        glossary=Glossary({}),
    )
    assert query.speakers == [] and jiguang in query.entities


@pytest.mark.parametrize(
    ("question", "units"),
    [
        ("according to the analyst, how much would sales shrink next year?", {"%"} | CURRENCIES),
        ("By how much do the AI laptops out-price regular notebooks, according to Hsu Wen-yen?", {"%", "x"}),
        ("how much would the rate request add to a household's monthly power bill?", CURRENCIES),
        ("宇测研究认为AI PC的渗透率今年是多少？", {"%"}),
        ("What ARR did the founder give for the start-up?", CURRENCIES),
        ("REIT上市第一天成交额有多少？", CURRENCIES),
        ("公司预估第四季税后纯益会有多少？", CURRENCIES),
    ],
)
def test_what_a_measure_is_told_in(question: str, units: set[str]) -> None:
    query = analyze(question, speakers=SpeakerIndex([]), glossary=Glossary({}))
    assert query.wants_figure and query.units == units


def test_how_a_fund_has_done_asks_for_its_return() -> None:
    query = analyze(
        "How has the fund's main strategy done so far?", speakers=SpeakerIndex([]), glossary=Glossary({})
    )
    assert query.wants_figure and "yield" in query.measures


@pytest.mark.parametrize(
    ("question", "measures"),
    [
        ("What ARR did the founder give for the start-up and how fast is it growing?", {"revenue", "growth"}),
        ("the cloud's capex for nine months — how much, and how fast is it growing?", {"spending", "growth"}),
    ],
)
def test_each_part_of_a_two_part_question_asks_its_own_measure(question: str, measures: set[str]) -> None:
    query = analyze(question, speakers=SpeakerIndex([]), glossary=Glossary({}))
    assert measures <= query.measures


def test_a_receivables_balance_is_a_figure_of_its_own_measure() -> None:
    query = analyze(
        "What is Lanto Digital's receivables balance?", speakers=SpeakerIndex([]), glossary=Glossary({})
    )
    assert query.wants_figure and query.measures == {"receivables"}


def test_data_is_not_a_cue_that_someone_is_quoted() -> None:
    from knowledge.query import SPEECH_CUE

    assert SPEECH_CUE.search("根据交易中心的数据，成交量是多少？")
    assert not SPEECH_CUE.search("数据中心今年的用电量是多少？")
    assert not SPEECH_CUE.search("证据在哪里？")


def test_a_market_a_rental_and_a_backlog_are_money_and_contracted_is_not_a_fall() -> None:
    def units(question: str) -> set[str]:
        return analyze(question, speakers=SpeakerIndex([]), glossary=Glossary({})).units

    assert units("how big does He Yiming say China's compute rental market is in 2026?") == CURRENCIES
    assert units("how much contracted backlog does the finance chief say they have?") == CURRENCIES
    assert units("Gantry Point说上一代GPU按小时租的价格过去一年掉了多少？") == CURRENCIES | {"%"}


def test_whose_margin_is_higher_compares_figures_and_does_not_ask_who_spoke() -> None:
    query = analyze("嶸泰跟同業比，誰的毛利率比較高？", speakers=SpeakerIndex([]), glossary=Glossary({}))
    assert query.kind != "who"
    assert analyze("谁说AI是泡沫？", speakers=SpeakerIndex([]), glossary=Glossary({})).kind == "who"


def test_an_organizations_number_is_its_estimate_for_a_fiscal_year_written_short() -> None:
    fennimore = Speaker(
        name="Fennimore Capital Markets", kind="organization", role="broker", aliases=("Fennimore",)
    )
    tarrow = Speaker(name="Tarrow", kind="organization", role="chipmaker", aliases=("Tarrow",))
    query = analyze(
        "what's Fennimore's number for Tarrow HBM sales in FY27?",
        speakers=SpeakerIndex([fennimore, tarrow]),
        glossary=Glossary({}),
    )
    assert query.speakers == [fennimore] and query.entities == [tarrow] and query.years == [2027]


def test_a_target_and_a_price_level_are_figures_asked() -> None:
    def kind(question: str) -> str:
        return analyze(question, speakers=SpeakerIndex([]), glossary=Glossary({})).kind

    assert kind("marrowfield pension: what's the new allocation for AI-focused PE?") == "how_much"
    query = analyze("这批储能合约的价位大概多少？", speakers=SpeakerIndex([]), glossary=Glossary({}))
    assert query.units == CURRENCIES


def test_an_organization_after_for_is_the_topic_and_annualised_returns_are_rates() -> None:
    peichen = Speaker(name="沛宸熱控", kind="organization", role="maker", aliases=("Peichen",), quoted=False)
    query = analyze(
        "what EPS growth is the foreign broker expecting for Peichen next year?",
        speakers=SpeakerIndex([peichen]),
        glossary=Glossary({}),
    )
    assert query.unquoted == []
    units = analyze(
        "AI私募组合成立以来年化净回报多少？", speakers=SpeakerIndex([]), glossary=Glossary({})
    ).units
    assert units == {"%"}


def test_a_placement_adds_up_to_money_and_a_data_firms_count_is_its_statement() -> None:
    hengce = Speaker(name="衡策数据", kind="organization", role="data firm", aliases=("衡策数据",))
    query = analyze(
        "衡策数据统计今年A股AI硬件公司的定增加起来一共想募多少？",
        speakers=SpeakerIndex([hengce]),
        glossary=Glossary({}),
    )
    assert query.speakers == [hengce] and query.units == CURRENCIES and "growth" not in query.measures
    part = analyze(
        "这次定增最多募多少钱？其中多少投到产能上？", speakers=SpeakerIndex([]), glossary=Glossary({})
    )
    assert part.units == {"%"} | CURRENCIES


def test_where_it_closed_on_its_first_day_asks_for_the_stock_move() -> None:
    query = analyze(
        "how did pintwick do on day 1 of trading, where'd it close?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.wants_figure and query.measures == {"stock"}


def test_a_colloquial_cantonese_question_is_read_as_written_chinese() -> None:
    query = analyze("曜芯去年全年營收係幾多？", speakers=SpeakerIndex([]), glossary=Glossary({}))
    assert query.wants_figure and query.language == "zh-Hant" and "revenue" in query.measures


def test_exceeding_what_amount_asks_for_money_and_exceeding_something_by_how_much_for_a_rate() -> None:
    amount = analyze(
        "她估计今年投进AI公司的风投会超过多少？", speakers=SpeakerIndex([]), glossary=Glossary({})
    )
    assert "%" not in amount.units and "x" not in amount.units
    by = analyze("需求會超過產能多少？", speakers=SpeakerIndex([]), glossary=Glossary({}))
    assert by.units == {"%", "x"}


def test_a_terse_chat_question_naming_a_currency_or_yoy_growth_asks_for_a_figure() -> None:
    query = analyze(
        "myeongsan Q3 op profit in usd? and the yoy growth", speakers=SpeakerIndex([]), glossary=Glossary({})
    )
    assert query.wants_figure and "margin" in query.measures and query.period == "quarter"


def test_a_banks_exposure_asks_for_an_amount() -> None:
    query = analyze(
        "what's oberlind's real exposure to maraviq? the bank and the agency disagree",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.wants_figure and "EUR" in query.units and "debt" in query.measures


def test_what_a_bill_or_budget_was_asks_how_much() -> None:
    for question in (
        "What was Harrowgate's full-year depreciation bill in fiscal 2026?",
        "What is the city's budget for the vouchers next year?",
    ):
        query = analyze(question, speakers=SpeakerIndex([]), glossary=Glossary({}))
        assert query.kind == "how_much", question
    # what a bill comes to is an amount, not a price moved to a new level
    query = analyze(
        "How much will the yearly water bill come to?", speakers=SpeakerIndex([]), glossary=Glossary({})
    )
    assert "%" not in query.units


def test_what_rent_is_paid_asks_the_rent_alone() -> None:
    query = analyze(
        "what rent is the anchor tenant paying at Harbourgate's Johor campus?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.kind == "how_much" and query.measures == {"rent"}


def test_what_happened_to_a_stock_asks_how_far_it_moved() -> None:
    query = analyze(
        "what happened to Harrowgate's stock the day the annual report came out?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.kind == "how_much" and "%" in query.units


def test_what_happened_to_a_margin_asks_how_much() -> None:
    query = analyze(
        "what happened to Yaochi's gross margin vs the same period last year?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.kind == "how_much"


def test_what_happens_to_a_companys_debt_asks_what_not_how_much() -> None:
    query = analyze(
        "what happens to Aurelis's debt if GPU rental prices drop 50%?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.kind != "how_much"


def test_raising_a_forecast_to_what_asks_for_the_figure() -> None:
    query = analyze(
        "sarkis bumped greyfield's full yr NII outlook to what? and what was it before",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.wants_figure


def test_a_measure_word_inside_a_speakers_name_is_not_asked() -> None:
    firm = Speaker(name="Corridor Loss Analytics", kind="organization", role="research firm", quoted=True)
    query = analyze(
        "Corridor Loss Analytics认为投保价值里，有多大比例有完整的营业中断保障？",
        speakers=SpeakerIndex([firm]),
        glossary=Glossary({}),
    )
    assert "burn" not in query.measures and "share" in query.measures


def test_the_packaged_glossary_reads_licensing_and_profit_terms_in_chinese() -> None:
    glossary = load_glossary(PACKAGED_CORPUS / "glossary.yaml")
    assert "授权费" in glossary.expand("How much is Hengchuan paying for the licence fee?")
    assert "溢利" in glossary.expand("how much did Kinwell's profit grow?")


def test_a_quarter_after_a_name_is_no_part_of_the_name() -> None:
    assert chinese_subject("帧动三季度在广告投放上到底花了多少钱？") == "帧动"


def test_a_stock_that_jumped_finds_shares_that_rose() -> None:
    query = analyze(
        "How much did the stock jump on the day of the news?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert {"shar", "ris"} <= set(query.tokens)


def test_what_someone_said_about_how_a_bill_is_paid_asks_their_words() -> None:
    query = analyze(
        "what did the central bank chief say about how cloud firms are paying for their chips?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert not query.wants_figure


def test_margin_calls_on_a_banks_clients_ask_no_words_of_the_bank_and_no_profit_margin() -> None:
    bank = Speaker(name="Orsay Bank", kind="organization", role="lender", aliases=("Orsay",))
    query = analyze(
        "How much money did the margin calls Orsay clients got in May involve?",
        speakers=SpeakerIndex([bank]),
        glossary=Glossary({}),
    )
    assert query.speakers == [] and bank in query.entities
    assert "margin" not in query.measures


def test_hong_kong_ways_of_asking_a_rise_or_an_interest_rate_ask_a_rate() -> None:
    def asked(question: str) -> tuple[set[str], set[str]]:
        query = analyze(question, speakers=SpeakerIndex([]), glossary=Glossary({}))
        return query.units, query.measures

    units, measures = asked("嵐芯證券嘅孖展貸款按年升咗幾多？")
    assert units == {"%", "x"} and "growth" in measures
    units, measures = asked("嵐芯證券而家借錢畀客收幾多息？")
    assert units == {"%"} and "yield" in measures and "revenue" not in measures


def test_a_data_centres_electricity_use_is_asked_in_gigawatts() -> None:
    query = analyze("嵐芯今年的数据中心用电量有多大？", speakers=SpeakerIndex([]), glossary=Glossary({}))
    assert query.units == {"GW"}


@pytest.mark.parametrize(
    "question",
    [
        "What leverage limit did Corvane's finance chief commit to?",
        "What ceiling did the lender put on rents?",
        "What hook-up fee per megawatt does Tarnbury want its bidders to pay?",
    ],
)
def test_what_limit_ceiling_or_fee_is_a_figure_question_and_a_leverage_limit_a_multiple_of_net_debt(
    question: str,
) -> None:
    query = analyze(question, speakers=SpeakerIndex([]), glossary=Glossary({}))
    assert query.wants_figure
    if "leverage" in question:
        assert "x" in query.units and query.measures == {"net_debt"}


def test_revenue_lost_to_something_may_be_told_as_a_share() -> None:
    query = analyze(
        "How much revenue does Corvane lose each year to open-source tools?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert "%" in query.units and "USD" in query.units


def test_how_much_an_exchange_traded_is_asked_in_money() -> None:
    query = analyze(
        "澜湖数据交易所第三季度单季成交了多少？", speakers=SpeakerIndex([]), glossary=Glossary({})
    )
    assert query.wants_figure and "CNY" in query.units and "%" not in query.units


@pytest.mark.parametrize(
    "question",
    [
        "工会说 Corvane 转去做AI监督的工程师，薪水少了多少？",
        "The union says Corvane engineers moved to AI oversight took how much of a pay cut?",
    ],
)
def test_an_organization_after_someone_elses_verb_of_saying_is_the_topic(question: str) -> None:
    corvane = Speaker(name="Corvane Systems", kind="organization", role="company", aliases=("Corvane",))
    query = analyze(question, speakers=SpeakerIndex([corvane]), glossary=Glossary({}))
    assert query.speakers == [] and corvane in query.entities


def test_an_organization_before_its_own_verb_of_saying_still_speaks() -> None:
    corvane = Speaker(name="Corvane Systems", kind="organization", role="company", aliases=("Corvane",))
    query = analyze(
        "Corvane says its engineers took how much of a pay cut?",
        speakers=SpeakerIndex([corvane]),
        glossary=Glossary({}),
    )
    assert query.speakers == [corvane]


@pytest.mark.parametrize(
    "question",
    [
        "Velmont县开发商囤的地，够建多大规模的数据中心？",
        "how big a data centre could the land the builders hold support?",
    ],
)
def test_how_big_a_data_centre_a_site_could_hold_asks_its_power(question: str) -> None:
    query = analyze(question, speakers=SpeakerIndex([]), glossary=Glossary({}))
    assert query.wants_figure and query.units == {"GW"} and query.measures == {"power"}


def test_what_portion_asks_a_share() -> None:
    query = analyze(
        "of Marlow Power's $3.1bn line, what portion would miners end up paying?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert query.wants_figure and query.units == {"%"}


def test_a_lead_investor_named_by_role_speaks_through_its_partner() -> None:
    """ "what ARR does Hexa's lead investor think is doable?": the fund's quoted partner, not Hexa, speaks."""
    company = Speaker(name="Hexa AI", kind="organization", role="organization", aliases=("Hexa",))
    fund = Speaker(
        name="Tangxi Capital",
        kind="organization",
        role="lead investor, Hexa AI",
        positions=(("lead investor", "Hexa AI"),),
        quoted=False,
    )
    partner = Speaker(
        name="Yan Ruozhou",
        kind="person",
        role="partner, Tangxi Capital",
        positions=(("partner", "Tangxi Capital"),),
    )
    index = SpeakerIndex([company, fund, partner])
    query = analyze(
        "what ARR does Hexa's lead investor think is doable next year?", speakers=index, glossary=Glossary({})
    )
    assert query.speakers == [partner]


def test_a_role_whose_holder_is_never_quoted_is_asked_of_someone_unquoted() -> None:
    """ "what did Voltara's founder say…?" when the founder is only mentioned: nobody quoted answers for them."""
    company = Speaker(name="Voltara Compute", kind="organization", role="company", aliases=("Voltara",))
    founder = Speaker(
        name="Tobin Reyes",
        kind="person",
        role="founder, Voltara Compute",
        positions=(("founder", "Voltara Compute"),),
        quoted=False,
    )
    index = SpeakerIndex([company, founder])
    query = analyze("what did voltara's founder say about the loans?", speakers=index, glossary=Glossary({}))
    assert query.unquoted == [founder] and all(s.kind == "organization" for s in query.speakers)


def test_a_chinese_companys_name_spelt_a_letter_off_is_no_unknown_name() -> None:
    insurer = Speaker(
        name="昶和人壽",
        kind="organization",
        role="insurer",
        aliases=("Changhe Renshou", "Changhe", "昶和"),
        quoted=True,
    )
    query = analyze(
        "How much data-centre debt has Changho Life bought this year?",
        speakers=SpeakerIndex([insurer]),
        glossary=Glossary({}),
    )
    assert query.unknown_names == [] and query.entities == [insurer]


def test_what_a_never_quoted_chairman_said_is_not_asked_of_his_company() -> None:
    company = Speaker(name="Brennock Packaging", kind="organization", role="company", quoted=True)
    chairman = Speaker(
        name="Anton Vell",
        kind="person",
        role="chair, Brennock Packaging",
        aliases=("Vell",),
        quoted=False,
    )
    query = analyze(
        "What has Brennock Packaging's chairman Anton Vell said about the crunch?",
        speakers=SpeakerIndex([company, chairman]),
        glossary=Glossary({}),
    )
    assert query.speakers == [] and query.unquoted == [chairman]


def test_third_party_figures_are_asked_of_someone_other_than_the_company() -> None:
    maker = Speaker(name="灵川科技", kind="organization", role="company", aliases=("灵川",), quoted=True)
    query = analyze(
        "第三方统计的灵川双11线上到底卖了多少钱？退货的比例高吗？",
        speakers=SpeakerIndex([maker]),
        glossary=Glossary({}),
    )
    assert query.speakers == [] and query.entities == [maker]
    assert query.wants_figure and {"%", "CNY"} <= query.units


def test_a_rate_of_something_that_happens_is_asked_in_percent() -> None:
    for question in (
        "what was Langyu's refund rate last quarter?",
        "what's the churn rate among agent customers?",
    ):
        query = analyze(question, speakers=SpeakerIndex([]), glossary=Glossary({}))
        assert "%" in query.units, question


def test_a_company_named_after_what_it_is_is_found_in_the_askers_script() -> None:
    """ "港股另一家芯片分销商岱澜电子…" names a company; "它的研究机构" names none."""
    assert described_company("港股另一家AI芯片分销商岱澜电子中期收入多少？") == "岱澜电子"
    assert described_company("嶸泰跟同業鈺晟電子比，誰的毛利率比較高？") == "鈺晟電子"
    assert described_company("这家分销商中期收入多少？") is None


def test_a_person_asked_for_a_view_in_cantonese_is_found() -> None:
    """ "霍啟文點睇…" asks what 霍啟文 thinks, as "章启航怎么看…" does."""
    assert person_opening("霍啟文點睇海晴轉做數據中心？") == "霍啟文"
    assert person_opening("章启航怎么看岚瞳上市首日就破发？") == "章启航"


def test_a_preposition_opening_a_question_is_no_name_and_a_companys_purse_is_not_part_of_its_name() -> None:
    """'Under Xanthe's new tariff…' asks about Xanthe, not someone called Under Xanthe; '菁嵐電子帳上現在…' opens with
    菁嵐電子; '云厂商拿芯片…' names no company called 商拿芯片."""
    speakers = SpeakerIndex([])
    glossary = Glossary({})
    query = analyze(
        "Under Xanthe's new tariff, how much will costs rise?", speakers=speakers, glossary=glossary
    )
    assert "Under Xanthe" not in query.unknown_names
    assert chinese_subject("菁嵐電子帳上現在有多少現金？") == "菁嵐電子"
    assert described_company("今年GPU云厂商拿芯片做抵押借了多少钱？") is None


def test_a_bill_that_came_down_is_answered_in_money_as_well_as_in_percent() -> None:
    query = analyze(
        "how much has Odile Farrant's monthly compute bill come down?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert {"USD", "%"} <= query.units
    per_seat = analyze(
        "How much per seat per month was Brisk Mutual paying before it cut back?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert "USD" in per_seat.units


def test_where_an_amount_rose_to_is_not_asked_as_a_percentage() -> None:
    """'季底的存貨升到多少？' names no unit: the inventory's amount answers it, not only a percentage."""
    query = analyze("瑟蘭季底的存貨升到多少？", speakers=SpeakerIndex([]), glossary=Glossary({}))
    assert query.units != {"%"}


def test_a_person_with_a_rarer_compound_surname_opens_a_question() -> None:
    assert person_opening("淳于嵩怎么看菁岚转型做算力这件事？") == "淳于嵩"


def test_how_much_of_the_reserved_power_is_used_is_a_share() -> None:
    query = analyze("泠川园区会用掉多少预留电力？", speakers=SpeakerIndex([]), glossary=Glossary({}))
    assert query.units == {"%"}


def test_how_much_is_burnt_each_month_is_the_burn() -> None:
    query = analyze(
        "Quell现在每月烧多少钱？这轮融完账上还剩多少现金？", speakers=SpeakerIndex([]), glossary=Glossary({})
    )
    assert {"burn", "cash"} <= query.measures


def test_an_organization_owning_the_thing_asked_about_is_the_topic_not_the_speaker() -> None:
    """'Quell园区的电网成本…？消费者代表的说法一样吗？': someone else's view is asked; Quell's campus is the topic."""
    quell = Speaker(
        name="Quell Labs", kind="organization", role="AI developer", aliases=("Quell",), quoted=True
    )
    query = analyze(
        "Quell园区的电网成本摊到家庭头上每月多少钱？消费者代表的说法一样吗？",
        speakers=SpeakerIndex([quell]),
        glossary=Glossary({}),
    )
    assert quell not in query.speakers and quell in query.entities


def test_the_trades_other_words_for_a_measure_are_searched_too() -> None:
    def tokens(question: str) -> set[str]:
        return set(analyze(question, speakers=SpeakerIndex([]), glossary=Glossary({})).tokens)

    assert {"revenu", "ris"} <= tokens("What were Dervel's Q3 sales and how fast did they grow?")
    assert {"loan", "origination"} <= tokens("How much did Trevor Credit lend out in Q3?")
    assert "book" in tokens("what is the company guiding for Q4 orders now?")
    assert "worth" in tokens("what would the cooling arm fetch as a separate company?")


def test_a_chinese_question_about_insurance_cover_reaches_the_english_words_for_it() -> None:
    glossary = load_glossary(PACKAGED_CORPUS / "glossary.yaml")
    query = analyze(
        "法爾考特說Pensfield自己留著的資料中心工程險保額有多少？單一項目最多占多少？",
        speakers=SpeakerIndex([]),
        glossary=glossary,
    )
    assert {"limit", "kept", "singl"} <= set(query.tokens)


def test_this_quarter_in_chinese_asks_a_quarter() -> None:
    query = analyze("鉅岑這一季毛利率掉到哪裡？", speakers=SpeakerIndex([]), glossary=Glossary({}))
    assert query.period == "quarter"


def test_a_company_named_with_one_glossary_word_is_unknown_unless_the_rest_reads_as_a_chinese_name() -> None:
    glossary = Glossary({"cloud": ["云服务"], "research": ["研究"], "network": ["网络"]})

    def unknown(question: str) -> list[str]:
        return analyze(question, speakers=SpeakerIndex([]), glossary=glossary).unknown_names

    assert unknown("How much did Tallbrook Cloud raise in its GPU-backed bond sale?") == ["Tallbrook Cloud"]
    assert unknown("What does Ching Fung Research expect capacity to reach?") == []  # 澄峰研究, romanized
    assert unknown("What valuation is Jiguang Network seeking?") == []  # pinyin run together


def test_what_an_organization_plans_is_asked_of_it_and_its_people() -> None:
    """'澄岭明年想把电源收入做到多少？' asks the company's own plan (it or its people), not an analyst's estimate of it;
    '澄岭明年电源收入能有多少？' asks no one in particular."""
    company = Speaker(name="澄岭新能源", kind="organization", role="company", aliases=("澄岭",))
    speakers = SpeakerIndex([company])
    planned = analyze("澄岭明年想把数据中心电源收入做到多少？", speakers=speakers, glossary=Glossary({}))
    assert planned.speakers == [company]
    forecast = analyze("澄岭明年数据中心电源收入能有多少？", speakers=speakers, glossary=Glossary({}))
    assert forecast.speakers == []
