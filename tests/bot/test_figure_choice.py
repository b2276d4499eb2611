"""Which figure of a passage answers a how-much question."""

from __future__ import annotations

import datetime as dt

from bot.aboutness import named_before
from bot.asked_figures import asked_figures
from bot.figure_ranking import with_asked_figure
from bot.focus_figure import focus_figure
from knowledge.corpus import Corpus
from knowledge.figures import find_figures
from knowledge.glossary import Glossary
from knowledge.measures import find_measures
from knowledge.passages import Passage
from knowledge.periods import tenors
from knowledge.query import QueryAnalysis, analyze
from knowledge.search import Hit
from knowledge.sources import Language, Source
from knowledge.speakers import Speaker, SpeakerIndex

BONDS = "The longest piece, a 30-year bond, priced to yield 5.85%, and a 10-year tranche came at 5.12%."


def _hit(text: str, pid: str = "bonds:1.1", score: float = 1.0) -> Hit:
    source, _, place = pid.partition(":")
    paragraph, sentence = (int(n) for n in place.split("."))
    passage = Passage(
        id=pid,
        source_id=source,
        paragraph=paragraph,
        sentence=sentence,
        text=text,
        figures=find_figures(text),
    )
    return Hit(passage, score)


def _corpus(source_id: str, title: str, language: Language, *hits: Hit, publisher: str = "Wire") -> Corpus:
    """One article holding the hits' passages."""
    source = Source(
        id=source_id, file=f"{source_id}.md", title=title, publisher=publisher, language=language, text="…"
    )
    return Corpus(sources=[source], speakers=SpeakerIndex([]), passages=[h.passage for h in hits])


def _how_much(
    text: str,
    units: set[str],
    *,
    measures: frozenset[str] = frozenset(),
    quarters: frozenset[int] = frozenset(),
    tenors: frozenset[str] = frozenset(),
) -> QueryAnalysis:
    return QueryAnalysis(
        text=text,
        language="en" if text.isascii() else "zh-Hans",
        kind="how_much",
        wants_figure=True,
        units=units,
        measures=set(measures),
        quarters=set(quarters),
        tenors=set(tenors),
    )


def _rate_question(text: str) -> QueryAnalysis:
    return _how_much(text, {"%"}, tenors=frozenset(tenors(text)))


def test_a_bond_tenor_named_in_the_passage_answers_its_own_question() -> None:
    figures = asked_figures(_hit(BONDS), _rate_question("what did the 30-year bond yield?"))
    assert "5.85%" in [f.text for f in figures]


def test_a_tenor_the_passage_does_not_name_gets_no_figure() -> None:
    assert asked_figures(_hit(BONDS), _rate_question("what yield did the 20-year bonds price at?")) == []


def test_a_change_does_not_answer_how_big_something_is() -> None:
    hit = _hit('Moody\'s cited "execution risk in a capital program that has nearly doubled."')
    question = _how_much("how oversubscribed was the bond deal?", {"x"}, measures=frozenset({"orders"}))
    assert asked_figures(hit, question) == []


def test_a_total_for_several_quarters_does_not_answer_for_one() -> None:
    hit = _hit("聿达公布前三季合并营收新台币96亿元，年增62%。")
    question = _how_much("聿达第三季单季营收多少？", {"TWD"}, quarters=frozenset({3}))
    assert asked_figures(hit, question) == []


def test_what_is_disclosed_comes_before_a_forecast_for_a_present_tense_question() -> None:
    disclosed = _hit("聿达在年报中揭露，台积电占其营收比重约55%。", "yd:9.1", 2.0)
    forecast = _hit("他预估明年非台积电客户的营收占比可望提升到3成。", "yd:9.2", 3.0)
    question = _how_much("聿达对台积电的依赖有多大？", {"%"}, measures=frozenset({"share"}))
    corpus = _corpus("yd", "聿达", "zh-Hans", forecast, disclosed, publisher="日报")
    ranked = with_asked_figure(question, [forecast, disclosed], [], corpus)
    assert ranked[0] is disclosed


def test_where_a_figure_goes_answers_a_question_about_next_year() -> None:
    text = "他补充，聿达明年研发费用占营收比重也将由今年的约9%提高到12%。"
    question = _how_much(
        "What share of revenue will Yuda put into R&D next year?",
        {"%"},
        measures=frozenset({"share", "revenue"}),
    )
    focus = focus_figure(_hit(text), question, [])
    assert focus is not None and focus.text == "12%"


def test_next_year_in_a_passage_is_dated_by_its_article() -> None:
    passage = _hit("By his count, the change would add closer to $2.8 billion to operating profit next year.")
    question = _how_much("How much extra operating profit will it get in 2027?", {"USD"})
    question.years = [2027]
    assert [f.text for f in asked_figures(passage, question, dt.date(2026, 11, 12))] == ["$2.8 billion"]
    assert asked_figures(passage, question, dt.date(2025, 11, 12)) == []


def test_a_monthly_figure_does_not_answer_for_a_quarter() -> None:
    passage = _hit("据测算，该公司三季度每月实际烧钱接近3.4亿元。")
    question = _how_much("该公司第三季度一个季度净亏损多少？", {"CNY"})
    question.period = "quarter"
    assert asked_figures(passage, question) == []


def test_a_monthly_figure_answers_a_monthly_question() -> None:
    passage = _hit("据测算，该公司三季度每月实际烧钱接近3.4亿元。")
    question = _how_much("该公司第三季度平均一个月要烧掉多少现金？", {"CNY"})
    question.period = "month"
    assert [f.text for f in asked_figures(passage, question)] == ["3.4亿元"]


def test_a_monthly_figure_does_not_answer_for_a_named_year() -> None:
    """'去年净亏损多少' is not answered by a month's cash burn; 'last year' in English neither by a monthly one."""
    passage = _hit("公司首席财务官表示，账上现金约9亿元，每月现金消耗约7000万元。")
    question = _how_much("栎星智能去年净亏损多少？", {"CNY"})
    assert [f.text for f in asked_figures(passage, question)] == ["9亿元"]
    english = _hit(
        "She said monthly cash burn had been cut to about $8 million, with $40 million in the bank."
    )
    question = _how_much("How much did Quorvel lose last year?", {"USD"})
    assert [f.text for f in asked_figures(english, question)] == ["$40 million"]


def test_a_balance_at_one_month_end_does_not_answer_for_another() -> None:
    """'ARR at the end of June' is not answered by the figure at the end of September; '9月底' answers '9月末'."""
    september = _hit("Pellory reported annual recurring revenue of $410 million at the end of September.")
    assert asked_figures(september, _how_much("What was Pellory's ARR at the end of June?", {"USD"})) == []
    asked = _how_much("What was Pellory's ARR at the end of September?", {"USD"})
    assert [f.text for f in asked_figures(september, asked)] == ["$410 million"]
    chinese = _hit("截至9月底，公司账上现金约12亿元。")
    assert [f.text for f in asked_figures(chinese, _how_much("公司9月末账上有多少现金？", {"CNY"}))] == [
        "12亿元"
    ]


def test_a_months_revenue_does_not_answer_for_a_quarter() -> None:
    """'third-quarter revenue' is not answered by '10月合併營收' nor by the first ten months; a quarter's is."""
    october = _hit("公司前（10）日公布10月合併營收新台幣48.6億元，月減6%；前10月累計營收新台幣412億元。")
    question = _how_much(
        "What was Pellmere's total revenue for the third quarter?", {"TWD"}, quarters=frozenset({3})
    )
    assert asked_figures(october, question) == []
    quarter = _hit("公司第三季營收新台幣131億元，季增8%。")
    assert [f.text for f in asked_figures(quarter, question)] == ["新台幣131億元"]


def test_this_years_quarter_does_not_answer_for_last_years() -> None:
    """'gross margin in the third quarter of last year' is not answered by this year's Q3; '去年同期' answers it."""
    question = _how_much(
        "What was Chunlin Electronics' gross margin in the third quarter of last year?",
        {"%"},
        quarters=frozenset({3}),
    )
    this_year = _hit("財務長指出，第三季毛利率降至18.7%，第二季為24.3%。")
    assert asked_figures(this_year, question, dt.date(2026, 11, 20)) == []
    a_year_ago = _hit("財務長指出，第三季毛利率降至18.7%，去年同期為26.1%。")
    assert asked_figures(a_year_ago, question, dt.date(2026, 11, 20))
    # "比去年同期成長多少" compares this year's quarter with last year's: this year's growth answers it
    growth = _how_much("泓川第二季營收比去年同期成長多少？", {"%"}, quarters=frozenset({2}))
    reported = _hit("泓川第二季營收新台幣1,284億元，年增45%。")
    assert [f.text for f in asked_figures(reported, growth, dt.date(2026, 8, 14))] == ["45%"]


def test_a_share_of_the_bookings_does_not_answer_what_the_bookings_were() -> None:
    passage = _hit("She estimates that about 35% of the year's bookings were paid up front.")
    question = _how_much(
        "what were Corvella's total bookings for the year?", set(), measures=frozenset({"orders"})
    )
    assert asked_figures(passage, question) == []


def test_a_rise_does_not_answer_an_amount_but_the_amount_beside_it_does() -> None:
    passage = _hit("Bookings rose 47% to $1.36 billion in the fiscal fourth quarter.")
    question = _how_much("what were the bookings?", set(), measures=frozenset({"orders"}))
    assert [f.text for f in asked_figures(passage, question)] == ["$1.36 billion"]


def test_a_share_price_move_answers_only_a_question_about_the_stock() -> None:
    passage = _hit("Veridane shares jumped 31% to $27.60 in Nasdaq trading.")
    question = _how_much("how much of the deal is guaranteed?", {"%"}, measures=frozenset({"share"}))
    assert asked_figures(passage, question) == []


def test_growth_against_a_year_is_not_growth_against_a_quarter() -> None:
    passage = _hit("嘉频第三季合并营收新台币42.6亿元，季增18%、年增35%。")
    yearly = _how_much("嘉频第三季营收年成长多少？", {"%"}, measures=frozenset({"growth", "revenue"}))
    quarterly = _how_much("嘉频第三季营收环比增长多少？", {"%"}, measures=frozenset({"growth", "revenue"}))
    assert [f.text for f in asked_figures(passage, yearly)] == ["35%"]
    assert [f.text for f in asked_figures(passage, quarterly)] == ["18%"]


def test_a_slice_of_a_deal_told_in_money_answers_how_much_of_it() -> None:
    slice_ = _hit("Wrenfield said about $310 million of the deal was committed.", "vd:3.1", 2.0)
    offer = _hit(
        "A person familiar with the talks said the drugmaker first offered $90 million.", "vd:4.1", 3.0
    )
    question = _how_much(
        "how much of the deal is guaranteed money?", {"%", "USD"}, measures=frozenset({"share"})
    )
    corpus = _corpus("vd", "Veridane deal", "en", slice_, offer)
    assert with_asked_figure(question, [offer, slice_], [], corpus)[0] is slice_


def test_a_part_told_as_an_amount_of_spending_answers_how_much_of_it_came_from_someone() -> None:
    """'how much of it came from ordinary savers?': '$9.6 billion, including $2.8 billion from retail savers' answers,
    though the passage calls its money a fund's, not a share; 'including' tells the part."""
    fund = _hit(
        "Its new infrastructure fund had closed at $9.6 billion, including $2.8 billion from retail savers.",
        "af:1.1",
        2.0,
    )
    question = _how_much(
        "how big did the new infrastructure fund end up, and how much of it came from ordinary savers?",
        {"%", "USD"},
        measures=frozenset({"share"}),
    )
    corpus = _corpus("af", "Arvella fund", "en", fund)
    assert with_asked_figure(question, [fund], [], corpus) == [fund]
    assert "share" in find_measures("closed at $9.6 billion, including $2.8 billion from retail savers")


def test_a_plant_in_a_named_country_is_not_answered_by_a_paragraph_without_it() -> None:
    capex = _hit("林國棟透露，公司明年資本支出將達到新台幣38億元。", "wl:3.1", 3.0)
    plant = _hit("她表示，越南新廠明年第二季量產後，整體產能將增加約5成。", "wl:4.1", 2.0)
    question = _how_much("崴霖越南新廠總共要投資多少錢？", {"TWD"}, measures=frozenset({"spending"}))
    corpus = _corpus("wl", "崴霖熱傳法說會", "zh-Hant", capex, plant, publisher="日報")
    assert with_asked_figure(question, [capex, plant], [], corpus) == []


def test_a_province_named_in_the_lede_frames_the_whole_article() -> None:
    lede = _hit("甘肃省日前发布新一轮算力扶持政策，计划发放总额人民币50亿元的算力券。", "gs:1.1", 1.0)
    usage = _hit("据统计，全省已投产的智算中心平均利用率不足三成。", "gs:4.2", 2.0)
    question = _how_much("甘肃那些智算中心现在利用率大概多少？", {"%"})
    corpus = _corpus("gs", "西北智算中心难觅客户", "zh-Hans", lede, usage, publisher="日报")
    assert usage in with_asked_figure(question, [usage], [], corpus)


def test_what_was_booked_is_answered_by_the_disclosed_figure_not_next_year_s_hope() -> None:
    booked = _hit("今年前三季度，衡钧精工实现营收18.4亿元，同比增长36%。", "hj:2.1", 2.0)
    hope = _hit("他透露，明年机器人相关收入有望翻一倍。", "hj:5.1", 3.0)
    question = _how_much(
        "How much revenue did Hengjun book from January through September, and how fast did it grow?",
        set(),
        measures=frozenset({"revenue", "growth"}),
    )
    corpus = _corpus("hj", "衡钧精工", "zh-Hans", booked, hope, publisher="财经")
    assert with_asked_figure(question, [hope, booked], [], corpus)[0] is booked


def test_a_rise_does_not_answer_what_share_of_something_is_paid() -> None:
    rise = _hit("Residential rates in the state rose 7.1% last year.")
    share = _hit("Large users would pay for about 40% of the upgrades.")
    question = _how_much(
        "what share of the upgrade bill lands on big users?", {"%"}, measures=frozenset({"share"})
    )
    assert asked_figures(rise, question) == []
    assert [f.text for f in asked_figures(share, question)] == ["40%"]


def test_a_price_per_kilowatt_hour_answers_what_power_costs_not_the_deals_total() -> None:
    total = _hit("协议首年交易总额约15亿元。")
    price = _hit("成交均价为每千瓦时0.31元，比煤电低12%。")
    question = _how_much("园区每度电要付多少钱？", {"CNY"})
    assert asked_figures(total, question) == []
    assert [f.text for f in asked_figures(price, question)] == ["0.31元"]


def test_a_combined_figure_does_not_answer_for_one_part_and_one_part_not_for_the_total() -> None:
    combined = _hit("The archive deals with two labs are worth a combined $240 million over five years.")
    one = _hit("A manager at one of the buyers said his company's agreement was worth about $400 million.")
    alone = _how_much("how much is the deal with the first lab worth on its own?", {"USD"})
    total = _how_much("what are the capacity deals worth in total?", {"USD"})
    assert asked_figures(combined, alone) == []
    assert asked_figures(one, total) == []
    assert [f.text for f in asked_figures(combined, total)] == ["$240 million"]
    largest = _hit("The largest single contract, worth €300 million over eight years, is with a German fab.")
    altogether = _how_much("how much are its new supply deals worth altogether?", {"USD", "EUR"})
    assert asked_figures(largest, altogether) == []


def test_one_quarter_does_not_answer_for_the_first_three() -> None:
    passage = _hit("财报显示，公司当季营收312亿元，同比增长9%。")
    question = _how_much("公司前三季度累计营收是多少？", {"CNY"}, measures=frozenset({"revenue"}))
    assert asked_figures(passage, question) == []


def test_earnings_per_share_do_not_answer_what_the_profit_will_be() -> None:
    passage = _hit("他估计，以明年每股盈余新台币12.5元计算，该公司本益比约16倍。")
    question = _how_much("公司预估第四季税后纯益会有多少？", {"TWD"}, measures=frozenset({"margin"}))
    assert asked_figures(passage, question) == []


def test_a_loan_rate_is_not_answered_by_a_share_of_the_loan_book() -> None:
    share = _hit("Loans to data-center borrowers made up about 6% of its corporate loan book.")
    rate = _hit("The loan carries an interest rate of about 7.8%.")
    question = _how_much(
        "what rate is the borrower paying on the loan?", {"%"}, measures=frozenset({"yield", "debt"})
    )
    assert asked_figures(share, question) == []
    assert [f.text for f in asked_figures(rate, question)] == ["7.8%"]


def test_the_passage_naming_the_asked_quarter_comes_first() -> None:
    undated = _hit("He said the package is going at closer to 48% below the fund's own marks.", "lm:3.1", 3.0)
    third = _hit("The average discount widened to 31% in the third quarter, he said.", "lm:4.1", 2.0)
    question = _how_much(
        "what was the average discount in the third quarter?", {"%"}, quarters=frozenset({3})
    )
    corpus = _corpus("lm", "Secondaries", "en", undated, third)
    ranked = with_asked_figure(question, [undated, third], [], corpus)
    assert [h.passage.id for h in ranked] == ["lm:4.1", "lm:3.1"]


def test_this_years_figure_answers_for_the_articles_year_though_a_later_year_follows() -> None:
    passage = _hit(
        'The CFO said capital spending this year would rise to about $14 billion and "as much" in 2027.'
    )
    question = QueryAnalysis(
        text="how much is the chipmaker putting into capex in 2026?",
        language="en",
        kind="how_much",
        wants_figure=True,
        units={"USD"},
        years=[2026],
    )
    assert [f.text for f in asked_figures(passage, question, dt.date(2026, 10, 29))] == ["$14 billion"]


def test_growth_over_a_span_answers_for_the_year_it_ends() -> None:
    passage = _hit("She estimated capacity would grow 2.5 times between the end of 2025 and the end of 2027.")
    question = QueryAnalysis(
        text="到2027年底产能会扩大几倍？",
        language="zh-Hans",
        kind="how_much",
        wants_figure=True,
        units={"x"},
        years=[2027],
    )
    assert [f.text for f in asked_figures(passage, question)] == ["2.5 times"]


def test_next_years_capex_is_not_answered_by_what_a_new_plant_costs_in_all() -> None:
    passage = _hit("他也透露，公司将在泰国新建一座工厂，总投资约新台币85亿元，预计2027年下半年量产。")
    question = _how_much("联硕明年的资本支出打算编多少？", {"TWD"}, measures=frozenset({"spending"}))
    assert asked_figures(passage, question, dt.date(2026, 11, 21)) == []
    total = _how_much("泰国新厂的总投资是多少？", {"TWD"}, measures=frozenset({"spending"}))
    assert [f.text for f in asked_figures(passage, total, dt.date(2026, 11, 21))] == ["新台币85亿元"]


def test_a_part_of_revenue_from_the_asked_topic_beats_a_part_from_something_else() -> None:
    customers = _hit("王怡婷也提醒，联硕前三大客户合计占营收的58%。", "ls:8.1")
    servers = _hit("她估计，真正用于AI服务器的产品只占营收的25%左右。", "ls:6.2")
    servers.topic_coverage = 0.3  # the question's topic words ("AI服务器") are in this passage only
    question = _how_much("联硕的营收有多少来自AI服务器？", {"%"}, measures=frozenset({"revenue", "share"}))
    corpus = _corpus("ls", "联硕电路法说会", "zh-Hans", customers, servers)
    ranked = with_asked_figure(question, [customers, servers], [], corpus)
    assert [h.passage.id for h in ranked] == ["ls:6.2", "ls:8.1"]


def test_a_price_per_user_does_not_answer_what_a_company_paid_in_all() -> None:
    passage = _hit("The add-on costs $28 per user per month on top of a standard licence.")
    question = _how_much(
        "how much did Quillfield pay outside providers for AI compute?",
        {"USD"},
        measures=frozenset({"spending"}),
    )
    assert asked_figures(passage, question) == []
    priced = _how_much("how much does the add-on cost per user?", {"USD"}, measures=frozenset({"spending"}))
    assert [f.text for f in asked_figures(passage, priced)] == ["$28"]


def test_a_part_of_the_backlog_does_not_say_how_much_it_grew_and_a_shares_new_level_is_a_part() -> None:
    passage = _hit("She estimates that as much as 25% of Kestrane's backlog could be pushed out next year.")
    grown = _how_much("how much has the backlog grown?", {"%", "x"}, measures=frozenset({"orders", "growth"}))
    assert asked_figures(passage, grown) == []
    seats = _hit("He estimates that as much as 20% of the vendor's seats could be cut at renewal.")
    cut = _how_much("续约时可能被砍掉多少席位？", {"%", "x"}, measures=frozenset({"cut"}))
    assert [f.text for f in asked_figures(seats, cut)] == ["20%"]
    level = _hit("他估计，明年来自先进封装的营收占比将由今年的约4成提高到6成以上。")
    grew = _how_much("今年营收成长多少？", {"%", "x"}, measures=frozenset({"revenue", "growth"}))
    assert asked_figures(level, grew) == []
    from bot.figure_kinds import is_share_of

    text = "AI伺服器相關產品占營收比重已由去年的2成提高到第三季的4成。"
    assert all(is_share_of(text, f) for f in find_figures(text))


def test_a_monthly_amount_is_answered_by_a_figure_per_month() -> None:
    year = _hit("Utilities will pay about $19.8 billion for capacity that year.", "lk:1.1")
    month = _hit("The result would add about $3.80 a month to the bill of a typical customer.", "lk:2.1")
    question = _how_much("how much extra per month will a typical household pay?", {"USD"})
    assert asked_figures(year, question) == []
    assert [f.text for f in asked_figures(month, question)] == ["$3.80"]
    per_head = _hit(
        "It will cost the district about $240 per teacher a month once every school uses the tools."
    )
    teacher = _how_much("what will the district pay per teacher each month?", {"USD"})
    assert [f.text for f in asked_figures(per_head, teacher)] == ["$240"]


def test_a_total_bill_is_not_answered_by_a_price_per_kilowatt_hour() -> None:
    passage = _hit("数据中心的平均到户电价约为每千瓦时0.43元。")
    question = _how_much("数据中心去年一共交了多少电费？", {"CNY"})
    assert asked_figures(passage, question) == []


def test_the_second_phase_is_not_answered_by_what_the_first_phase_costs() -> None:
    passage = _hit("泰国春武里厂第一期将于明年第二季量产，投资金额约新台币25亿元。")
    assert asked_figures(passage, _how_much("泰国厂第二期要投资多少钱？", {"TWD"})) == []
    assert [f.text for f in asked_figures(passage, _how_much("泰国厂第一期要投资多少钱？", {"TWD"}))] == [
        "新台币25亿元"
    ]


def test_next_years_figure_comes_before_one_that_does_not_date_itself() -> None:
    so_far = _hit("截至10月底，全市已向企业发放算力券2.1亿元。", "lz:2.1")
    plan = _hit("她说，明年的算力券额度计划提高到8亿元。", "lz:3.3")
    question = _how_much("临澜市明年的算力券总盘子打算加到多少？", {"CNY"}, measures=frozenset({"subsidy"}))
    corpus = _corpus("lz", "临澜算力券", "zh-Hans", so_far, plan)
    ranked = with_asked_figure(question, [so_far, plan], [], corpus)
    assert next(h.passage.id for h in ranked) == "lz:3.3"


def test_a_quarters_guidance_is_not_answered_by_the_full_year_forecast() -> None:
    hit = _hit(
        "Quennell raised the company's full-year revenue forecast to between $4.9 billion and $5.0 billion."
    )
    quarter = _how_much(
        "what revenue is calvore guiding for its fiscal q4?", {"USD"}, measures=frozenset({"revenue"})
    )
    quarter.period = "quarter"
    assert asked_figures(hit, quarter) == []
    arr = _hit("Annual recurring revenue reached $410 million at the end of September.")
    assert [f.text for f in asked_figures(arr, quarter)] == ["$410 million"]


def test_what_a_plant_costs_in_all_is_not_answered_by_one_years_capex() -> None:
    hit = _hit("昱宸電路宣布，明年資本支出將提高至新台幣210億元，主要用於擴充高雄新廠產能。")
    total = _how_much("昱宸高雄新廠總共要投資多少錢？", {"TWD"})
    assert asked_figures(hit, total) == []
    next_year = _how_much("昱宸明年資本支出多少？", {"TWD"})
    assert [f.text for f in asked_figures(hit, next_year)] == ["新台幣210億元"]


def test_a_fee_is_answered_only_by_a_figure_its_passage_calls_a_fee() -> None:
    cap = _hit("远澈基金回应称，已于10月起暂停单个账户单日超过100万元的大额申购。", "yc:6.2", 3.0)
    fee = _hit("该基金今年收取的管理费约为2.4亿元。", "yc:7.1", 2.0)
    question = _how_much("远澈那只AI基金今年收了多少管理费？", {"CNY"}, measures=frozenset({"fee"}))
    corpus = _corpus("yc", "AI主题基金规模暴增", "zh-Hans", cap, fee, publisher="基金报")
    assert with_asked_figure(question, [cap, fee], [], corpus) == [fee]


def test_the_asked_companys_own_figure_beats_another_company_compared_with_it() -> None:
    rival = _hit("按照新价格，擎湾云主力模型的输入价格降至每百万tokens 0.6元，略低于岫云。", "pw:4.1", 3.0)
    own = _hit("岫云科技宣布将旗舰大模型的API输入价格从每百万tokens 2元下调至0.8元。", "pw:2.1", 2.0)
    question = _how_much(
        "岫云这轮降价，输入价格从多少砍到多少", {"CNY"}, measures=frozenset({"cut", "price"})
    )
    corpus = _corpus("pw", "大模型价格战", "zh-Hans", rival, own, publisher="周刊")
    assert with_asked_figure(question, [rival, own], [("岫云科技", "岫云")], corpus)[0] is own


def test_a_passage_with_a_figure_for_each_asked_measure_answers_a_two_part_question() -> None:
    both = _hit("他透露，公司在手訂單約人民幣6.8億元，其中約4成來自朔川智駕。", "hx:5.1", 2.0)
    part = _hit("這位分析師提醒，灝芯約4成訂單集中於單一客戶。", "hx:6.1", 3.0)
    question = _how_much(
        "灝芯現在手上有多少訂單？朔川佔幾成？", {"%", "CNY"}, measures=frozenset({"orders", "share"})
    )
    corpus = _corpus("hx", "灝芯B輪", "zh-Hant", part, both, publisher="日報")
    assert with_asked_figure(question, [part, both], [], corpus)[0] is both


def test_the_slice_of_a_plan_told_in_money_answers_how_much_of_the_plan_goes_to_a_customer_class() -> None:
    plan = _hit(
        "Vosberg said the utility plans to spend $11.6 billion over five years, and that roughly $4 billion of "
        "that is tied directly to large-load customers.",
        "bk:3.1",
        3.0,
    )
    terms = _hit(
        "She said data-centre customers would pay for at least 85% of the capacity they reserve.",
        "bk:4.1",
        3.0,
    )
    question = _how_much(
        "how much of the capex plan is for the big-load customers?",
        {"%", "USD"},
        measures=frozenset({"share", "spending"}),
    )
    corpus = _corpus("bk", "Utility rate case", "en", plan, terms)
    lead = with_asked_figure(question, [terms, plan], [], corpus)[0]
    assert lead is plan
    focus = focus_figure(lead, question, [])
    assert focus is not None and focus.text == "$4 billion"


def test_a_per_share_price_is_not_answered_by_the_sale_s_total() -> None:
    total = _hit("Employees may sell up to $600 million of shares at a lower price.", "lf:1.1", 3.0)
    price = _hit("The tender prices shares at $42.70 each, against $61 in March.", "lf:2.1", 2.0)
    question = _how_much(
        "what's the per-share price in the staff sale?", {"USD"}, measures=frozenset({"price"})
    )
    corpus = _corpus("lf", "Staff share sale", "en", total, price)
    assert with_asked_figure(question, [total, price], [], corpus) == [price]


def test_what_a_price_was_cut_to_is_the_level_it_arrived_at() -> None:
    cut = _hit("贺铭川表示，公司把S3的售价从1999元下调至1499元。", "sl:2.1")
    question = _how_much("what did Shilan cut the price of its S3 glasses to?", {"CNY", "%"})
    focus = focus_figure(cut, question, [])
    assert focus is not None and focus.text == "1499元"


def test_an_average_over_several_tranches_does_not_answer_for_one_of_them() -> None:
    bonds = _hit(
        "The bonds, split into 10-year and 15-year tranches, were priced at an average coupon of 2.35%."
    )
    question = _rate_question("what coupon did the 15-year tranche carry?")
    assert asked_figures(bonds, question) == []


def test_earnings_per_share_are_not_answered_by_a_share_price_move() -> None:
    move = _hit("瀚駿昨日股價收在新台幣486元，上漲3.2%。")
    question = _how_much("瀚駿第三季每股盈餘多少？", {"TWD", "USD", "CNY"})
    assert asked_figures(move, question) == []


def test_a_passage_in_the_other_language_is_not_off_topic_for_sharing_no_words_with_the_question() -> None:
    price = _hit("The tender prices shares at $42.70 each, against $61 in the March round.", "cw:1.1", 3.0)
    price.topic_coverage = 0.1  # "tender" happens to match a glossary word
    bought = _hit("She said Carraway was buying about $250 million of the shares.", "cw:2.1", 2.9)
    question = _how_much(
        "Carraway 自己在这次员工股转让里买了多少？", {"USD"}, measures=frozenset({"spending"})
    )
    corpus = _corpus("cw", "Staff share sale", "en", price, bought)
    assert with_asked_figure(question, [bought, price], [], corpus)[0] is bought


def test_how_far_an_amount_moved_does_not_answer_how_big_it_is() -> None:
    hit = _hit("Longer lives lowered its depreciation expense by $610 million in fiscal 2026.")
    level = _how_much("What was Harrowgate's depreciation bill in fiscal 2026?", {"USD"})
    saved = _how_much("How much depreciation expense did the change save in fiscal 2026?", {"USD"})
    assert asked_figures(hit, level) == []
    assert [f.text for f in asked_figures(hit, saved)] == ["$610 million"]


def test_a_share_of_a_part_the_passage_never_names_is_not_answered() -> None:
    hit = _hit("设备租赁资产增长52%至214亿元，占集团租赁资产总额约三成。", "lease:1.1")
    biggest = _how_much("建汇最大的单一客户占租赁资产多少？", {"%"}, measures=frozenset({"share"}))
    leases = _how_much("设备租赁资产大概占集团租赁资产几成？", {"%"}, measures=frozenset({"share"}))
    assert asked_figures(hit, biggest) == []
    assert "三成" in [f.text for f in asked_figures(hit, leases)]


def test_a_question_about_now_is_not_answered_by_next_years_forecast() -> None:
    forecast = _hit("市场人士估计，明年半导体及AI相关租赁资产有望突破人民币300亿元。", "lease:2.1")
    now = _how_much("租赁资产而家有几多？", {"CNY"})
    published = dt.date(2026, 11, 11)
    assert asked_figures(forecast, now, published) == []
    later = _how_much("租赁资产明年有望到多少？", {"CNY"})
    assert [f.value for f in asked_figures(forecast, later, published)] == [30_000_000_000]


def test_next_years_budget_is_not_answered_by_what_was_achieved_so_far() -> None:
    so_far = _hit("邵文楠表示，算力券“带动了超过30亿元的算力采购”。", "vouchers:3.1")
    planned = _hit("该市计划明年安排算力券预算5亿元。", "vouchers:4.1")
    budget = _how_much("崇澜明年给算力券的预算是多少", {"CNY"}, measures=frozenset({"subsidy"}))
    published = dt.date(2026, 12, 2)
    assert asked_figures(so_far, budget, published) == []
    assert [f.value for f in asked_figures(planned, budget, published)] == [500_000_000]


def test_one_years_loss_is_not_answered_by_a_cumulative_total_over_years() -> None:
    hit = _hit("招股书显示，公司2023年至2025年累计净亏损38.4亿元，2025年净亏损16.2亿元。", "ipo:2.1")
    year = _how_much("霁峰2025年全年净亏损多少？", {"CNY"}, measures=frozenset({"burn"}))
    year.years = [2025]
    assert [f.value for f in asked_figures(hit, year)] == [1_620_000_000]


def test_money_told_per_unit_of_other_money_is_no_amount() -> None:
    hit = _hit("彭俊熙认为，“每多花1元营销费用，只换回约0.36元订阅收入”。", "subs:8.1")
    revenue = _how_much("栖言三季度单季的订阅收入是多少", {"CNY"}, measures=frozenset({"revenue"}))
    assert asked_figures(hit, revenue) == []


def test_a_share_of_the_growth_is_not_answered_by_a_share_of_the_whole() -> None:
    whole = _hit("数据中心用电量占全省全社会用电量的比重由上年的4.1%升至5.6%。", "grid:1.1")
    growth = _hit("2025年全省用电增量中约有22%来自数据中心。", "grid:2.1")
    question = _how_much(
        "what share of Lanchuan's 2025 growth in power use came from data centres?",
        {"%"},
        measures=frozenset({"share"}),
    )
    assert asked_figures(whole, question) == []
    assert [f.text for f in asked_figures(growth, question)] == ["22%"]


def test_now_and_next_year_asked_together_keep_next_years_figure() -> None:
    hit = _hit("AI伺服器产品占营收比重今年为37%，明年可望达到5成。", "rails:1.1")
    both = _how_much("AI伺服器产品现在占营收多少？明年呢？", {"%"}, measures=frozenset({"share"}))
    texts = [f.text for f in asked_figures(hit, both, dt.date(2026, 11, 27))]
    assert "5成" in texts and "37%" in texts


def test_a_place_the_question_names_picks_the_passage_that_names_it() -> None:
    fleet = _hit("He said the campuses behind the loans total about 1.3 gigawatts of capacity.", "fund:6.1")
    campus = _hit("The largest loan funds a campus near Groningen that will draw 240 megawatts.", "fund:6.2")
    corpus = _corpus("fund", "Vossmeer trades AI shares for data-centre debt", "en", fleet, campus)
    question = _how_much(
        "how much power will the Groningen campus that Vossmeer financed need?",
        {"GW"},
        measures=frozenset({"power"}),
    )
    ranked = with_asked_figure(question, [fleet, campus], [("vossmeer",)], corpus)
    assert ranked[0] is campus


def test_a_later_phase_is_not_answered_by_a_passage_naming_no_phase() -> None:
    capex = _hit("蔡佩君表示，明年资本支出预计约新台币32亿元，其中约7成投入泰国厂。", "plant:4.1")
    phase_two = _how_much("昱鋐精密泰国厂第二期要投资多少钱？", {"TWD"}, measures=frozenset({"spending"}))
    phase_one = _how_much("昱鋐精密泰国厂第一期要投资多少钱？", {"TWD"}, measures=frozenset({"spending"}))
    assert asked_figures(capex, phase_two) == []
    assert asked_figures(capex, phase_one) != []


def test_a_cumulative_question_in_traditional_script_takes_the_cumulative_figure() -> None:
    hit = _hit("野村證券則估計，全球AI資料中心到2028年的累計投資將超過2兆美元。", "nomura:7.1")
    question = _how_much("野村覺得到2028年，全球花在AI資料中心上的錢累計會有多少？", {"USD"})
    question.years = [2028]
    assert [f.value for f in asked_figures(hit, question)] == [2_000_000_000_000]


def test_a_dividend_is_answered_per_share() -> None:
    hit = _hit("Arakawa said Hoshimura would keep its annual dividend at ¥140 a share.", "trading:4.1")
    question = _how_much(
        "what dividend did Hoshimura's president promise to keep paying?",
        {"JPY"},
        measures=frozenset({"spending"}),
    )
    assert [f.text for f in asked_figures(hit, question)] == ["¥140"]


def test_this_years_figure_is_not_answered_by_one_dated_next_year() -> None:
    hit = _hit("She expects revenue to reach $2.8 billion in 2027.", "quillon:5.1")
    question = _how_much(
        "How much revenue is Quillon bringing in this year?", {"USD"}, measures=frozenset({"revenue"})
    )
    assert asked_figures(hit, question, dt.date(2026, 11, 20)) == []


def test_debt_in_one_currency_is_not_answered_by_debt_in_another() -> None:
    yen = _hit("The 10-year portion of the yen bonds priced with a coupon of 1.85%.", "kurosaki:3.1")
    dollar = _rate_question("What coupon is Kurosaki paying on its dollar notes?")
    yen_question = _rate_question("What coupon did the 10-year yen bonds price at?")
    assert asked_figures(yen, dollar) == []
    assert [f.text for f in asked_figures(yen, yen_question)] == ["1.85%"]


def test_the_asked_speakers_figure_counts_though_she_works_for_another_organization() -> None:
    ferris = _hit(
        "Naomi Ferris, director of the Harlan Basin Ratepayers Alliance, estimates that the utility's plan would"
        " add about $19 a month to a typical household bill by 2029.",
        "grid:9.1",
    )
    ferris.passage.speaker = "Naomi Ferris"
    corpus = _corpus("grid", "Regulators tell Prairie Crest to prove its data-centre boom", "en", ferris)
    question = _how_much(
        "how much extra per month would the average family pay under Prairie Crest's plan, per Naomi Ferris?",
        {"USD"},
        measures=frozenset({"spending"}),
    )
    question.speakers = [Speaker(name="Naomi Ferris", kind="person", role="director")]
    ranked = with_asked_figure(question, [ferris], [("prairie crest energy", "prairie")], corpus)
    assert ranked == [ferris]


def test_a_monthly_rent_now_is_where_the_rent_has_fallen_to() -> None:
    hit = _hit("他说，一台8卡训练服务器的月租金已从去年同期的约13万元降至7万元左右。", "rent:4.2")
    question = _how_much(
        "what does it cost per month to rent an 8-GPU training server from Shuochuan now?",
        {"CNY"},
        measures=frozenset({"rent"}),
    )
    question.period = "month"
    assert [f.text for f in asked_figures(hit, question)] == ["7万元"]  # last year's is not "now"
    focus = focus_figure(hit, question, [])
    assert focus is not None and focus.text == "7万元"


def test_where_a_ratio_will_rise_and_where_it_is_now_keeps_both() -> None:
    hit = _hit("邝咏芝表示，集团净债务与EBITDA的比率将由2025年底的2.4倍升至2027年的约3.5倍。", "hanbay:6.1")
    question = _how_much(
        "瀚湾的净负债和EBITDA之比会升到多高？现在是多少？", {"x"}, measures=frozenset({"net_debt"})
    )
    texts = [f.text for f in asked_figures(hit, question, dt.date(2026, 3, 1))]
    assert "2.4倍" in texts and "3.5倍" in texts


def test_a_deal_between_two_companies_is_not_answered_by_one_companys_total() -> None:
    backlog = _hit("华岱电机在手订单金额达新台币486亿元，较去年同期成长52%。", "huadai:1.1")
    corpus = _corpus("huadai", "华岱电机法说会：美国订单占六成", "zh-Hant", backlog)
    question = _how_much("华岱接到普瑞斯特的订单总金额有多少？", {"TWD"}, measures=frozenset({"orders"}))
    entities: list[tuple[str, ...]] = [("华岱电机", "华岱"), ("prairie crest energy", "普瑞斯特")]
    assert with_asked_figure(question, [backlog], entities, corpus) == []
    assert with_asked_figure(question, [backlog], entities[:1], corpus) == [backlog]


def test_a_product_named_after_its_company_is_no_place_to_look_for() -> None:
    seats = _hit(
        "The add-on costs $28 per user per month, and about 9% of paid seats have it on.", "quill:3.1"
    )
    usage = _hit("Pellinore said usage pricing would be about 20% of Assist revenue next year.", "quill:5.1")
    corpus = _corpus("quill", "Quillfield's AI add-on is selling", "en", seats, usage)
    question = _how_much(
        "Quillfield Assist ARR - where is it now and what share of paid seats have it switched on?",
        {"%"},
        measures=frozenset({"share"}),
    )
    assert (
        with_asked_figure(question, [seats, usage], [("quillfield software", "quillfield")], corpus)[0]
        is seats
    )


def test_one_quarter_alone_is_not_answered_by_the_first_three_quarters() -> None:
    hit = _hit("擎岳信息发布的三季度报告显示，公司前三季度营业收入21.4亿元，同比增长2.7倍。", "qy:1.1")
    question = _how_much(
        "擎岳信息第三季单季营收有几多？", {"CNY"}, measures=frozenset({"revenue"}), quarters=frozenset({3})
    )
    assert asked_figures(hit, question) == []


def test_a_write_down_taken_beats_one_an_analyst_says_may_come() -> None:
    may = _hit("Castellano estimates that Veyridge may have to write off another $350 million.", "vey:5.1")
    took = _hit(
        "Veyridge wrote down $640 million of unsold accelerators in its fiscal third quarter.", "vey:1.1"
    )
    corpus = _corpus("vey", "Veyridge writes down AI chips", "en", may, took)
    question = _how_much(
        "How big was the inventory hit Veyridge took last quarter?",
        {"USD", "%"},
        measures=frozenset({"writedown"}),
    )
    assert (
        with_asked_figure(question, [may, took], [("veyridge semiconductor", "veyridge")], corpus)[0] is took
    )


def test_a_cost_for_one_user_is_no_companys_expense() -> None:
    hit = _hit("沈佳怡透露，公司计划把单个用户的获客成本从目前的45元压到30元以下。", "xinyu:5.1")
    question = _how_much("心屿二季度的销售费用是多少？", {"CNY"}, measures=frozenset({"spending"}))
    assert asked_figures(hit, question) == []


def test_a_paragraph_opening_on_the_deal_named_before_it_answers_for_both_parties() -> None:
    lede = _hit(
        "Corrin Data has hired Taiwan's Hsinlu Engineering to build the cooling systems of its campus.",
        "cd:1.1",
    )
    worth = _hit("The contract is worth about $310 million, finance chief Ada Moss told reporters.", "cd:2.1")
    worth.passage.speaker = "Ada Moss"
    corpus = _corpus("cd", "A developer turns to a Taiwanese contractor", "en", lede, worth)
    moss = Speaker(
        name="Ada Moss", kind="person", role="CFO, Corrin Data", positions=(("cfo", "Corrin Data"),)
    )
    corpus.speakers = SpeakerIndex([moss, Speaker(name="Corrin Data", kind="organization", role="developer")])
    question = _how_much(
        "What's Hsinlu's contract with Corrin worth?", {"USD"}, measures=frozenset({"valuation"})
    )
    entities: list[tuple[str, ...]] = [("hsinlu engineering", "hsinlu"), ("corrin data", "corrin")]
    assert [h.passage.id for h in with_asked_figure(question, [worth], entities, corpus)] == ["cd:2.1"]


def test_now_and_a_year_ago_asked_leads_with_where_the_share_has_got_to_by_now() -> None:
    passage = _hit("董事长表示，其中AI相关订单的占比，从一年前的2成升至目前约45%。")
    question = _how_much("AI相关订单的比重现在多少？一年前呢？", {"%"}, measures=frozenset({"share"}))
    focus = focus_figure(passage, question, [])
    assert focus is not None and focus.text == "45%"


def test_an_amount_for_each_square_foot_is_a_price_that_answers_a_rent_question() -> None:
    passage = _hit("He added that AI tenants pay an average of $96 per square foot a year, about 30% more.")
    question = _how_much(
        "how much rent per sq ft do the AI tenants pay?", {"USD"}, measures=frozenset({"rent", "price"})
    )
    assert [
        h.passage.id for h in with_asked_figure(question, [passage], [], _corpus("bonds", "T", "en", passage))
    ]


def test_what_a_tenant_pays_for_each_kilowatt_a_month_is_its_rent() -> None:
    passage = _hit(
        "A person familiar with the talks said the tenant would pay about $140 per kilowatt a month."
    )
    question = _how_much("what rent per kW is the tenant paying?", {"USD"}, measures=frozenset({"rent"}))
    corpus = _corpus("bonds", "Towers become data centres", "en", passage)
    assert [h.passage.id for h in with_asked_figure(question, [passage], [], corpus)] == ["bonds:1.1"]


def test_net_interest_income_is_not_answered_by_fee_income_or_product_sales() -> None:
    question = _how_much(
        "澄港银行首三季净利息收入有多少？", {"CNY", "HKD", "USD"}, measures=frozenset({"revenue"})
    )
    fees = _hit("他透露，首三季相关产品的销售额约58亿港元，带来的费用收入约占财富管理收入的三成。", "cg:3.1")
    assert asked_figures(fees, question) == []
    interest = _hit("银行披露，首三季净利息收入约112亿港元，按年增长6%。", "cg:2.1")
    assert [f.text for f in asked_figures(interest, question)] == ["112亿港元"]


def test_a_question_about_now_and_a_year_ago_takes_the_passage_giving_both() -> None:
    question = _how_much("what is Orsay charging a night per bunk now, and what was it a year ago?", {"USD"})
    one = _hit("A foreman said his crew paid Orsay about $95 a night per bunk.", "or:4.1")
    both = _hit("Orsay's average nightly rate rose to $82 a bunk from $61 a year earlier.", "or:2.1")
    corpus = _corpus("or", "Orsay hostels", "en", one, both)
    assert with_asked_figure(question, [one, both], [], corpus)[0].passage.id == "or:2.1"


def test_from_what_to_what_takes_the_passage_giving_both_levels() -> None:
    question = _how_much("改完租约后，一年租金从多少降到多少？", {"USD", "%"}, measures=frozenset({"rent"}))
    one = _hit(
        "An analyst said every $10 million of rent it gives up takes about 4% off the landlord's income.",
        "rt:8.1",
    )
    both = _hit(
        "Under the revised lease, the tenant will pay about $74 million a year, down from $90 million.",
        "rt:2.1",
    )
    corpus = _corpus("rt", "Landlord cuts rent for its GPU tenant", "en", one, both)
    assert with_asked_figure(question, [one, both], [], corpus)[0].passage.id == "rt:2.1"


def test_revenue_already_reported_is_not_answered_by_next_years_target() -> None:
    question = _how_much(
        "What was Lanfeng Auto's revenue for the first nine months of the year?",
        {"CNY", "USD"},
        measures=frozenset({"revenue"}),
    )
    target = _hit("他透露，公司的目标是明年对外算力租赁收入达到15亿元。", "lf:4.1")
    corpus = _corpus("lf", "岚丰汽车发可转债建智算中心", "zh-Hans", target)
    assert with_asked_figure(question, [target], [], corpus) == []


def test_a_results_figure_for_the_first_three_quarters_is_this_years_though_undated() -> None:
    question = _how_much("峤霖今年前三季收入多少？", {"CNY"}, measures=frozenset({"revenue"}))
    other = _hit("他指出，墨川智能今年前三季度收入仅约4.3亿元。", "ql:7.2")
    own = _hit("峤霖三季报显示，公司前三季度营业收入18.6亿元，同比增长2.1倍。", "ql:8.1")
    corpus = _corpus("ql", "峤霖与墨川的长约之争", "zh-Hans", other, own)
    ranked = with_asked_figure(question, [other, own], [("峤霖",)], corpus)
    assert ranked[0].passage.id == "ql:8.1"


def test_a_two_part_question_is_answered_by_a_passage_with_a_figure_for_each_part() -> None:
    question = _how_much(
        "申雅岚说公司前三季度计了多少信用减值？账龄超一年的应收占多少？",
        {"CNY", "%"},
        measures=frozenset({"writedown", "share"}),
    )
    both = _hit(
        "她透露，公司前三季度已计提信用减值损失约1.2亿元，账龄超过一年的应收账款占比约为15%。", "qy:3.2"
    )
    corpus = _corpus("qy", "一体机卖得快、钱收得慢", "zh-Hans", both)
    assert [h.passage.id for h in with_asked_figure(question, [both], [], corpus)] == ["qy:3.2"]


def test_profit_growth_is_not_answered_by_revenue_growth_beside_a_profit_level() -> None:
    question = _how_much("岑川数科前三季净利年增多少？", {"%", "x"}, measures=frozenset({"margin", "growth"}))
    report = _hit(
        "财报显示，岑川数科前三季度营收约62亿元，同比增长1.8倍，但归母净利润仅1.1亿元，毛利率不足5%。",
        "cx:5.1",
    )
    corpus = _corpus("cx", "岑川数科的算力生意", "zh-Hans", report)
    assert with_asked_figure(question, [report], [], corpus) == []


def test_the_first_nine_months_are_not_answered_by_the_first_ten() -> None:
    question = _how_much("澄港今年头九个月卖了多少产品？增长多少？", {"USD", "%", "x"})
    ten = _hit("据统计，本港银行今年首十个月售出的产品总额约1,800亿港元，按年增长40%。", "cg:7.1")
    assert asked_figures(ten, question) == []
    nine = _hit("他透露，首三季相关产品的销售额约40亿美元，按年增长1.5倍。", "cg:4.1")
    assert asked_figures(nine, question)


def test_the_company_before_the_figure_in_an_article_titled_with_it_names_the_asked_organization() -> None:
    amount = _hit(
        "Swap protection outstanding on the company has grown 3 times since March to $5 billion, the registry's"
        " data showed, making Tarrow one of the most traded names.",
        "tw:3.1",
    )
    other = _hit(
        "He estimates that Tarrow's cloud revenue, which grew 28% last quarter, covers its interest.",
        "tw:9.1",
    )
    corpus = _corpus("tw", "Cost of insuring Tarrow Cloud's debt hits a record", "en", amount, other)
    question = _how_much("how much swap protection is outstanding on Tarrow now?", set())
    entities: list[tuple[str, ...]] = [("tarrow cloud", "tarrow")]
    assert named_before(amount, "$5 billion", entities, corpus)
    ranked = with_asked_figure(question, [amount, other], entities, corpus)  # the search ranked it first
    assert ranked[0].passage.id == "tw:3.1"
    # in an article titled with someone else, "the company" is not the asked one
    elsewhere = _corpus("tw", "A chipmaker's record quarter", "en", amount, other)
    assert not named_before(amount, "$5 billion", entities, elsewhere)


def test_a_writedown_is_an_amount_not_the_share_still_to_be_written_down() -> None:
    half = _hit("分析师指出，这些并购涉及金额约900亿元，高溢价形成的商誉至今一半以上还没有减值。")
    question = _how_much("这两年相关公司要提多少商誉减值？", set(), measures=frozenset({"writedown"}))
    assert [f.text for f in asked_figures(half, question)] == ["900亿元"]
    amount = _hit("他估计，今明两年相关公司需计提的商誉减值合计可能在200亿元到260亿元之间。")
    assert [f.text for f in asked_figures(amount, question)] == ["200亿元", "260亿元"]


def test_one_quarters_spending_is_not_answered_by_a_years_figure() -> None:
    yearly = _hit(
        "Its finance chief said capital spending would reach about $80 billion next year, up from $62 billion."
    )
    question = _how_much(
        "How much did Tarrow spend on capex in the third quarter alone?",
        {"USD"},
        measures=frozenset({"spending"}),
        quarters=frozenset({3}),
    )
    assert asked_figures(yearly, question) == []
    quarterly = _hit("Tarrow spent $19 billion on capital projects in the third quarter, it said.")
    assert [f.text for f in asked_figures(quarterly, question)] == ["$19 billion"]


def test_a_half_year_question_is_not_answered_by_last_years_figure_in_the_same_passage() -> None:
    hit = _hit("招股书显示，岚芯去年收入人民币8亿元，净亏损人民币2亿元；今年上半年收入人民币4.5亿元。")
    question = _how_much("岚芯今年上半年亏了多少？", {"CNY"}, measures=frozenset({"burn"}))
    question.halves = {1}
    assert "人民币2亿元" not in [f.text for f in asked_figures(hit, question)]


def test_a_year_named_right_after_the_half_dates_the_half() -> None:
    hit = _hit("In the first half of 2026, Wrenfield posted a net loss of $40 million.")
    question = _how_much(
        "how much did Wrenfield lose in the first half?", {"USD"}, measures=frozenset({"burn"})
    )
    question.halves = {1}
    assert [f.text for f in asked_figures(hit, question)] == ["$40 million"]


def test_money_put_up_for_buybacks_answers_how_much_was_spent() -> None:
    hit = _hit("他透露，为了留人，公司今年拿出约1.6亿元用于期权回购和留任奖金。")
    question = _how_much("岚芯今年为了留人砸了多少钱？", {"CNY"}, measures=frozenset({"spending"}))
    assert [f.text for f in asked_figures(hit, question)] == ["1.6亿元"]


def test_the_asked_persons_own_figure_answers_whatever_organization_the_question_names() -> None:
    hers = _hit("澄河大学教授柯曼认为，这批数据的公允价值恐怕不超过1亿元。", "cz:5.1", 2.0)
    hers.passage.speaker = "Ke Man"
    question = _how_much("柯曼觉得岚州那批数据值多少钱？", {"CNY"}, measures=frozenset({"valuation"}))
    question.speakers = [Speaker(name="Ke Man", kind="person", role="professor")]
    corpus = _corpus("cz", "城投拿数据借钱", "zh-Hans", hers, publisher="日报")
    entities: list[tuple[str, ...]] = [("岚州城投", "岚州")]
    assert with_asked_figure(question, [hers], entities, corpus) == [hers]
    question.speakers = []
    assert with_asked_figure(question, [hers], entities, corpus) == []


def test_a_share_of_idle_staff_does_not_answer_how_much_capacity_is_used() -> None:
    idle = _hit("He estimated that 14% of the union's members at Wrenfield were on the bench.", "wf:2.1")
    used = _hit("Wrenfield said utilization of its rented GPUs was about 60%.", "wf:3.1")
    question = _how_much(
        "How much of the GPU capacity Wrenfield rents is being used?",
        {"%"},
        measures=frozenset({"utilization"}),
    )
    corpus = _corpus("wf", "Wrenfield bookings", "en", idle, used)
    assert with_asked_figure(question, [idle, used], [], corpus) == [used]


def test_a_two_part_question_prefers_the_passage_whose_figure_its_year_dates_even_written_after_it() -> None:
    english = _hit(
        "Corvane Cloud sold $12 billion of notes on Monday to fund a build-out it expects to cost $47 billion "
        "next year, up from $30 billion this year.",
        "en:1.1",
    )
    summary = _hit("科尔文财务长表示，公司资本支出预计达470亿美元。", "zh:1.1")
    corpus = _corpus("en", "Corvane sells notes", "en", english)
    corpus = Corpus(
        sources=[*corpus.sources, *_corpus("zh", "科尔文发债", "zh-Hant", summary).sources],
        speakers=SpeakerIndex([]),
        passages=[english.passage, summary.passage],
    )
    question = _how_much(
        "how big was Corvane's note sale, and what does it expect to spend next year?",
        {"USD"},
        measures=frozenset({"debt", "spending"}),
    )
    ranked = with_asked_figure(question, [summary, english], [], corpus)
    assert [h.passage.id for h in ranked][:1] == ["en:1.1"]
    focus = focus_figure(english, question, [])
    assert focus is not None and focus.text == "$47 billion"


def test_the_asked_move_beats_a_level_and_a_doubling_in_the_figures_own_words_is_a_rise() -> None:
    level = _hit(
        "Pasture in Velmont County sold for $12,000 an acre, up from $4,000, county records show.", "ld:1.1"
    )
    drop = _hit("If the deals collapse, prices could fall by 35% or more, she said.", "ld:5.2")
    corpus = Corpus(
        sources=_corpus("ld", "Velmont land rush", "en", level).sources,
        speakers=SpeakerIndex([]),
        passages=[level.passage, drop.passage],
    )
    fall = _how_much(
        "if the deals collapse, how far could land prices drop?",
        {"%", "USD"},
        measures=frozenset({"cut", "price"}),
    )
    assert with_asked_figure(fall, [level, drop], [], corpus)[0].passage.id == "ld:5.2"
    doubled = _hit("财务长补充，园区每坪售价约新台币20万元，两年前约新台币10万元，等于翻一倍。", "zh:1.1")
    rumour = _hit("一位厂务主管透露，卖方今年开价直接翻一倍。", "zh:2.1")
    zh = Corpus(
        sources=_corpus("zh", "园区地价", "zh-Hans", doubled).sources,
        speakers=SpeakerIndex([]),
        passages=[doubled.passage, rumour.passage],
    )
    rose = _how_much("园区的地价这两年涨了多少？", {"%", "x"}, measures=frozenset({"growth", "price"}))
    ranked = with_asked_figure(rose, [rumour, doubled], [("园区",)], zh)
    assert ranked[0].passage.id == "zh:1.1"


def test_a_share_dated_after_its_whole_answers_next_years_share_before_a_fall_dated_right_after_it() -> None:
    share = _hit(
        "The deals will lift licensing income to about 14% of Brellow's revenue next year, up from under 3% in 2025.",
        "en:2.1",
    )
    fall = _hit(
        '"Take the licensing money out and revenue drops about 5% next year," the analyst said.', "en:7.3"
    )
    corpus = _corpus("en", "Brellow licenses its archive", "en", share, fall)
    question = _how_much(
        "Brellow授權檔案後，明年授權收入會占營收幾成？", {"%"}, measures=frozenset({"revenue", "share"})
    )
    ranked = with_asked_figure(question, [share, fall], [], corpus)
    assert [h.passage.id for h in ranked][:1] == ["en:2.1"]


def test_net_debt_as_a_multiple_answers_a_leverage_multiple() -> None:
    passage = _hit("She added that Tollgrave's net debt stood at 3.2 times its annualised core earnings.")
    leverage = _how_much(
        "What leverage multiple did Tollgrave's finance chief cite?", {"x", "%"}, measures=frozenset({"debt"})
    )
    assert [f.text for f in asked_figures(passage, leverage)] == ["3.2 times"]
    # a named metric still answers only its own question: the shares' fall is no leverage
    fell = _hit("Tollgrave's shares fell 6% after the letter.")
    assert [f.text for f in asked_figures(fell, leverage)] == []


def test_the_company_in_the_sentence_before_names_no_one_for_the_next_sentences_figure() -> None:
    first = _hit(
        "Okafor estimates that licences among existing customers fell about 4% over the past year, the first"
        " drop since the company listed.",
        "dl:5.1",
    )
    second = _hit(
        "She said the typical customer that adopted the tool cut its licences by roughly 7%.", "dl:5.2"
    )
    corpus = _corpus("dl", "Dunmere's AI add-on sells, but licences shrink", "en", first, second)
    entities: list[tuple[str, ...]] = [("dunmere software", "dunmere")]
    assert not named_before(second, "7%", entities, corpus)
    question = _how_much(
        "by how much does Okafor reckon licences at existing Dunmere customers have dropped?",
        {"%"},
        measures=frozenset({"cut"}),
    )
    ranked = with_asked_figure(question, [first, second], entities, corpus)
    assert ranked[0].passage.id == "dl:5.1"


def test_the_single_largest_loan_is_not_answered_by_new_loans_in_all() -> None:
    new_loans = _hit(
        "He expects Pellmore to add about $3 billion of new warehouse loans next year.", "pm:4.1"
    )
    largest = _hit("The largest single loan, on a campus in Ohio, is $620 million.", "pm:5.1")
    question = _how_much(
        "how big is the single largest loan in Pellmore's warehouse book?",
        {"USD"},
        measures=frozenset({"debt"}),
    )
    assert asked_figures(new_loans, question) == []
    assert [f.text for f in asked_figures(largest, question)] == ["$620 million"]


def test_a_sentence_dated_at_its_head_answers_for_that_year_before_a_budget_elsewhere() -> None:
    issued = _hit("鹤溪市统计局的数据显示，今年上半年，该市已向86家企业发放算力券1.1亿元。", "hx:2.1", 2.0)
    budget = _hit("鹤溪市今年为这项政策安排的预算为3亿元。", "hx:3.1", 3.0)
    question = _how_much("鹤溪今年一共发出去多少算力券？", {"CNY"}, measures=frozenset({"subsidy"}))
    corpus = _corpus("hx", "鹤溪算力券", "zh-Hans", budget, issued, publisher="日报")
    assert with_asked_figure(question, [budget, issued], [], corpus)[0] is issued


def test_a_two_part_question_prefers_the_passage_naming_both_measures_over_inventory() -> None:
    stock = _hit("资料同时显示，公司存货余额已升至2.2亿元，超过上半年收入的一半。", "lx:8.3", 3.0)
    results = _hit("资料显示，岚行上半年收入4.1亿元，毛利率从去年同期的31%降至22%。", "lx:8.2", 2.0)
    question = _how_much(
        "岚行上半年收入多少？毛利率掉到多少了？",
        {"%", "CNY"},
        measures=frozenset({"revenue", "margin"}),
    )
    corpus = _corpus("lx", "岚行", "zh-Hans", stock, results, publisher="日报")
    assert with_asked_figure(question, [stock, results], [], corpus)[0] is results


def test_what_labs_pay_graduates_is_answered_by_the_salary_not_a_budget() -> None:
    salary = _hit("猎头合伙人透露，头部模型公司给顶尖应届博士开出的年薪已达200万元至400万元。", "lb:6.1", 2.0)
    budget = _hit("一家模型公司表示，今年采购外部语料的预算约为4亿元。", "lb:7.1", 3.0)
    text = "What are the big model labs paying top PhD grads these days?"
    question = _how_much(text, {"CNY", "USD"}, measures=frozenset(find_measures(text)))
    corpus = _corpus("lb", "模型公司抢人", "zh-Hans", budget, salary, publisher="日报")
    assert with_asked_figure(question, [budget, salary], [], corpus) == [salary]


def test_an_amount_in_two_currencies_is_one_part_of_a_two_part_question() -> None:
    """A total given in Hong Kong dollars and again in yuan does not beat the passage with the amount and its share."""
    total = _hit(
        "招股书显示，此次全球发售募资总额约40亿港元，约合人民币37亿元，其中约五成用于研发。", "ip:2.1", 3.0
    )
    anchors = _hit("招股书同时显示，共有5家基石投资者合计认购约2.1亿美元，占发售股份的约38%。", "ip:3.1", 2.0)
    question = _how_much(
        "这次IPO基石一共认购了多少钱，占发售的比例多少",
        {"%", "USD", "CNY", "HKD"},
        measures=frozenset({"share", "spending"}),
    )
    corpus = _corpus("ip", "某机器人公司招股", "zh-Hans", total, anchors, publisher="日报")
    assert with_asked_figure(question, [anchors, total], [], corpus)[0] is anchors


def test_what_a_plant_costs_to_build_is_not_a_cost_per_kilowatt() -> None:
    """ "How much will the plant cost to build?" asks the whole bill, which a price per kilowatt does not give."""
    per_kw = _hit("He put the cost of the first plant at about $7,500 per kilowatt.")
    whole = _hit("An analyst puts the bill for the first plant closer to $6.2 billion.")
    question = _how_much(
        "How much is the first plant going to cost to build?",
        {"USD"},
        measures=frozenset({"price", "spending"}),
    )
    assert asked_figures(per_kw, question) == []
    assert [f.text for f in asked_figures(whole, question)] == ["$6.2 billion"]
    assert "spending" in find_measures("puts the bill for the first plant closer to $6.2 billion")


def test_a_third_partys_count_is_not_answered_by_the_company_itself() -> None:
    maker = Speaker(name="灵川科技", kind="organization", role="company", aliases=("灵川",), quoted=True)
    own = _hit("灵川科技发布战报称，其AI眼镜在双11期间线上销售额达到6.1亿元。", "lc:2.1")
    own.passage.speaker = "灵川科技"
    counted = _hit("据电商数据机构数川研究统计，灵川AI眼镜双11期间的线上成交额约为5.6亿元。", "lc:3.1")
    counted.passage.speaker = "数川研究"
    source = Source(
        id="lc", file="lc.md", title="灵川双11战报", publisher="Wire", language="zh-Hans", text="…"
    )
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([maker]), passages=[own.passage, counted.passage])
    question = QueryAnalysis(
        text="第三方统计的灵川双11线上到底卖了多少钱？",
        language="zh-Hans",
        kind="how_much",
        wants_figure=True,
        units={"CNY"},
        entities=[maker],
    )
    assert [h.passage.id for h in with_asked_figure(question, [own, counted], [("灵川",)], corpus)] == [
        "lc:3.1"
    ]


def test_a_share_of_revenue_is_answered_by_the_revenue_share_beside_an_order_share() -> None:
    question = _how_much(
        "What share of Qilin's revenue came from its three largest customers so far this year?",
        {"%"},
        measures=frozenset({"share", "revenue"}),
    )
    both = _hit(
        "总经理表示，公司在手订单约36亿元，其中与AI服务器相关的约占七成；前三大客户的收入占比超过六成。",
        "ql:3.1",
    )
    corpus = _corpus("ql", "祁麟科技拟定增扩产", "zh-Hans", both)
    assert [h.passage.id for h in with_asked_figure(question, [both], [], corpus)] == ["ql:3.1"]


def test_one_quarter_is_not_answered_by_the_first_three() -> None:
    question = _how_much(
        "What was Yuanhe's net profit in the third quarter on its own?",
        {"CNY"},
        measures=frozenset({"margin"}),
        quarters=frozenset({3}),
    )
    nine = _hit("三季报显示，沅和光电前三季度实现营业收入52.7亿元；归母净利润9.8亿元。", "yh:2.1")
    assert asked_figures(nine, question) == []
    single = _hit("其中，三季度单季归母净利润3.9亿元。", "yh:2.2")
    assert [f.text for f in asked_figures(single, question)] == ["3.9亿元"]


def test_the_figure_whose_clause_names_the_asked_quarter_answers_and_first_three_quarters_do_not() -> None:
    """'第四季AI伺服器占營收比重將達7成，明年…提高到5成' answers the fourth quarter with 7成; '首三季' is no quarter."""
    text = "他透露，第四季AI伺服器占營收比重將達7成，明年液冷機櫃占AI伺服器營收的比重也將由今年的約3成提高到5成。"
    question = _how_much("董事長說第四季AI伺服器會占營收多少？", {"%"}, quarters=frozenset({4}))
    focus = focus_figure(_hit(text), question, [])
    assert focus is not None and focus.text == "7成"
    cumulative = _hit("他透露，集團今年收入目標維持約人民幣12億元，首三季已錄得約人民幣7.4億元。")
    single = _how_much("鏵澂第三季單季收入係幾多？", {"CNY"}, quarters=frozenset({3}))
    assert asked_figures(cumulative, single) == []


def test_a_price_by_the_hour_answers_a_rent_question_and_a_monthly_bill_named_early_in_its_clause_is_monthly() -> (
    None
):
    """'The average price … was $1.38 an hour' answers what a chip rents for; '…his company's monthly computing
    bill had fallen to about $180,000 from $410,000' answers how much a monthly bill came down."""
    hourly = _hit(
        "The average price for a flagship chip on the exchange was $1.38 an hour in October, down from $2.55."
    )
    rent = _how_much("what did a flagship chip rent for per hour?", {"USD"}, measures=frozenset({"rent"}))
    assert [f.text for f in asked_figures(hourly, rent)][:1] == ["$1.38"]
    bill = _hit(
        "Odile Farrant, co-founder of Pellby Studio, said her company's monthly computing bill had fallen to about "
        "$180,000 from $410,000 in the spring."
    )
    came_down = _how_much("how much has Odile Farrant's monthly compute bill come down?", {"USD", "%"})
    assert "$180,000" in [f.text for f in asked_figures(bill, came_down)]


def test_a_question_asking_two_things_is_answered_by_either_ask() -> None:
    """'容量电费每千瓦每月收多少？电量电价从多少降到多少？': the monthly charge per kilowatt and the two energy prices
    each answer one ask, though no figure answers both."""
    tariff = _hit(
        "电网公司发布通知称，每月按申报容量收取每千瓦28元的容量电费，电量电价则由每千瓦时0.52元降至0.41元。"
    )
    question = _how_much("泠川的新电价里，容量电费每千瓦每月收多少？电量电价从多少降到多少？", {"CNY", "%"})
    assert {"0.52元", "0.41元"} <= {f.text for f in asked_figures(tariff, question, by_parts=True)}
    assert asked_figures(tariff, question) == []  # no figure answers the whole question


def test_one_quarter_is_not_answered_by_a_passage_counting_a_calendar_year() -> None:
    """'revenue in the third quarter on its own' is not answered by '…约为公司2025年营业收入的2.8倍'."""
    yearly = _hit("10月28日，公司公告签订框架协议，协议总金额不超过9亿元，约为公司2025年营业收入的2.8倍。")
    question = _how_much(
        "What was Quenby's revenue in the third quarter on its own?", {"CNY"}, quarters=frozenset({3})
    )
    assert asked_figures(yearly, question) == []


def test_a_whole_fiscal_year_is_not_answered_by_one_quarter() -> None:
    quarter = _hit(
        "Revenue for the fiscal first quarter, which ended on November 30, rose 61% to $11.3 billion."
    )
    question = _how_much("瑟兰预计整个财年HBM能卖多少钱？", {"USD"}, measures=frozenset({"revenue"}))
    assert asked_figures(quarter, question) == []


def test_how_far_a_batch_of_concept_stocks_ran_is_answered_by_the_stocks_move() -> None:
    """'那批AI概念股，发函之前平均涨了多少？' is answered by '这些股票在收函前平均上涨1.4倍'."""
    count = _hit(
        "据研究机构蔚川数据统计，共有29家公司因股价异动收到问询函，这些股票在收函前平均上涨1.2倍，收函后一个月内平均回撤约21%。"
    )
    question = analyze(
        "蔚川数据统计的那批AI概念股，发函之前平均涨了多少？", speakers=SpeakerIndex([]), glossary=Glossary({})
    )
    assert [f.text for f in asked_figures(count, question)][:1] == ["1.2倍"]


def test_the_gap_between_two_marks_answers_how_far_apart_they_are() -> None:
    """'how far apart are the two marks, in dollars?' is answered by 'a gap of $48 million between the two
    marks', not by either mark, however much more the marks' passage shares with the question."""
    mark = _hit(
        "The Harrowfield pension has cut the value of its stake in Dunlin's fund to $148 million.",
        "hp:1.1",
        3.0,
    )
    gap = _hit("That leaves a gap of $48 million between the two marks on the Dunlin stake.", "hp:2.1", 1.0)
    question = _how_much(
        "how far apart are the pension's and the manager's marks for that Dunlin stake, in dollars?",
        {"USD"},
        measures=frozenset(find_measures("how far apart are the marks for that stake")),
    )
    corpus = _corpus("hp", "Harrowfield marks down Dunlin stake", "en", mark, gap)
    assert with_asked_figure(question, [mark, gap], [], corpus)[0] is gap


def test_a_loss_ratio_does_not_answer_what_the_combined_ratio_is() -> None:
    """'the delay line's loss ratio was 54%' answers the loss ratio, not what the combined ratio is."""
    ratio = _hit("Tarnfield's finance chief said the delay line's loss ratio was 54% this year.", "ar:2.1")
    corpus = _corpus("ar", "Tarnfield raises delay cover prices", "en", ratio)
    loss = _how_much(
        "what loss ratio is Tarnfield running on the delay line?",
        {"%"},
        measures=frozenset(find_measures("what loss ratio is Tarnfield running on the delay line?")),
    )
    combined = _how_much(
        "what combined ratio is Tarnfield running on the delay line?",
        {"%"},
        measures=frozenset(find_measures("what combined ratio is Tarnfield running on the delay line?")),
    )
    assert with_asked_figure(loss, [ratio], [], corpus) == [ratio]
    assert with_asked_figure(combined, [ratio], [], corpus) == []


def test_a_phase_named_without_di_and_last_quarter_by_the_article_s_date_choose_the_figure() -> None:
    budget = _hit("该项目采购预算为380万元，报价仅为0.9万元。")
    phase_two = _hit("市数据局表示，这是一期试点项目，二期的算力扩容将另行采购，预算约2600万元。")
    question = _how_much("那个试点后面二期打算花多少钱？", {"CNY"})
    assert asked_figures(budget, question) == []
    assert [f.text for f in asked_figures(phase_two, question)] == ["2600万元"]
    assert [f.text for f in asked_figures(phase_two, _how_much("How much will phase two cost?", {"CNY"}))]
    november = dt.date(2026, 11, 13)
    guidance = _hit("她估计，第四季毛利率恐降至4.6%。")
    reported = _hit("財務長指出，第三季毛利率為23.8%，低於第二季的24.9%。")
    last = _how_much("上个季度毛利率多少？", {"%"}, measures=frozenset({"margin"}))
    assert asked_figures(guidance, last, november) == []
    assert [f.text for f in asked_figures(reported, last, november)][:1] == ["23.8%"]


def test_a_forecast_cut_answers_a_quarters_guidance_and_a_level_before_the_cut_is_money() -> None:
    cut = _hit(
        "Kelvane Semiconductor cut its fourth-quarter revenue forecast to between $2.1 billion and $2.3 billion "
        "from about $2.8 billion.",
        "kv:1.1",
    )
    question = analyze(
        "What's Kelvane's new Q4 revenue guidance, and what was it before the cut?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert {"USD"} <= question.units
    corpus = _corpus("kv", "Kelvane cuts its forecast", "en", cut)
    assert [h.passage.id for h in with_asked_figure(question, [cut], [], corpus)] == ["kv:1.1"]


def test_a_fiscal_quarter_and_a_second_fund_are_not_read_as_the_calendar_quarter_or_a_phase() -> None:
    november = dt.date(2026, 11, 6)
    fiscal = _hit(
        "Castrel said AI projects accounted for $2.4 billion of new contracts in its fiscal second quarter."
    )
    last = _how_much("how big were Castrel's AI bookings last quarter?", {"USD"})
    assert [f.text for f in asked_figures(fiscal, last, november)] == ["$2.4 billion"]
    fund = _hit("Harrowgate Capital said the fund had returned about 14% a year after fees since inception.")
    assert [
        f.text for f in asked_figures(fund, _how_much("Harrowgate那只二期基金每年净回报多少？", {"%"}))
    ] == ["14%"]


def test_a_month_s_revenue_growth_is_not_answered_by_the_full_year_s() -> None:
    year = _hit("她預估，第四季毛利率可望回升至23%左右，但全年營收成長幅度將由原先預期的5成下修至約4成。")
    month = _hit("鋐昌電能昨日公布11月合併營收新台幣52.4億元，月減9%，年增31%。")
    question = _how_much(
        "鋐昌11月營收跟去年同期比成長多少？", {"%", "x"}, measures=frozenset({"revenue", "growth"})
    )
    assert [f.text for f in asked_figures(year, question)] == []  # nor by the fourth quarter's margin
    assert "31%" in [f.text for f in asked_figures(month, question)]


def test_a_passage_whose_first_figure_is_another_measure_answers_with_the_one_asked() -> None:
    notes = _hit(
        "Under the amended terms, the $425 million of notes sold in March will convert at $18.50 a share, down "
        "from $27.00.",
        "ql:2.1",
    )
    question = _how_much(
        "what's the new conversion price on Quelby's notes?", {"USD"}, measures=frozenset({"price"})
    )
    corpus = _corpus("ql", "Quelby's covenant reprieve", "en", notes)
    assert [h.passage.id for h in with_asked_figure(question, [notes], [], corpus)] == ["ql:2.1"]


def test_a_cancellation_beside_a_forecast_cut_is_no_guidance() -> None:
    cancelled = _hit(
        "Tavisk Systems cut its fourth-quarter order forecast on Wednesday after customers cancelled about "
        "$340 million of equipment orders, the company said.",
        "tv:1.1",
    )
    guided = _hit(
        "The company now expects fourth-quarter bookings of about $480 million, down from the $750 million it "
        "forecast in August.",
        "tv:2.1",
    )
    question = analyze(
        "what's tavisk guiding for Q4 orders now, and what number had it given back in august?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    corpus = _corpus("tv", "Tavisk cuts its order outlook", "en", cancelled, guided)
    assert [h.passage.id for h in with_asked_figure(question, [cancelled, guided], [], corpus)][:1] == [
        "tv:2.1"
    ]


def test_a_net_loss_is_not_answered_by_the_cash_burned() -> None:
    burned = _hit(
        "The finance chief said the company had burned about $95 million of cash in the third quarter."
    )
    question = _how_much(
        "How big was Lumen's net loss in the third quarter?", {"USD"}, measures=frozenset({"burn"})
    )
    assert asked_figures(burned, question) == []
    loss = _hit("Lumen's net loss widened to $120 million in the third quarter.")
    assert [f.text for f in asked_figures(loss, question)] == ["$120 million"]


def test_nine_months_revenue_is_not_answered_by_one_month_s() -> None:
    october = _hit("璟芮10月自結營收新台幣48.2億元，月增3%，年增28%。", "jr:1.2", 3.0)
    question = _how_much("璟芮今年前三季累計營收多少？", {"TWD"}, measures=frozenset({"revenue"}))
    corpus = _corpus("jr", "璟芮法說會", "zh-Hant", october, publisher="日報")
    assert with_asked_figure(question, [october], [], corpus) == []
    nine_months = _hit("璟芮前三季累計營收新台幣412億元，年增19%。", "jr:2.1", 2.0)
    corpus = _corpus("jr", "璟芮法說會", "zh-Hant", october, nine_months, publisher="日報")
    assert with_asked_figure(question, [october, nine_months], [], corpus) == [nine_months]


def test_one_month_s_sales_do_not_answer_another_month() -> None:
    october = _hit("錡峰昨（25）日公布10月自結營收新台幣9.86億元，月增18%。", "qf:1.1", 3.0)
    corpus = _corpus("qf", "錡峰法說會", "zh-Hant", october, publisher="日報")
    september = _how_much("what were Chi Feng's September sales?", {"TWD"}, measures=frozenset({"revenue"}))
    assert with_asked_figure(september, [october], [], corpus) == []
    asked = _how_much("錡峰10月營收多少？", {"TWD"}, measures=frozenset({"revenue"}))
    assert with_asked_figure(asked, [october], [], corpus) == [october]


def test_a_month_s_growth_is_not_answered_by_the_first_months_together() -> None:
    cumulative = _hit("公司同時公布，前11月累計營收新台幣352.4億元，年增38%。", "ky:2.1", 3.0)
    november = _hit("鎧峰11月合併營收新台幣41.2億元，年增52%，月增7%。", "ky:1.1", 2.0)
    corpus = _corpus("ky", "鎧峰11月營收", "zh-Hant", november, cumulative, publisher="日報")
    asked = _how_much("鎧峰11月的營收跟去年同期比成長多少？", {"%"}, measures=frozenset({"revenue"}))
    assert with_asked_figure(asked, [cumulative, november], [], corpus) == [november]


def test_the_year_after_next_is_not_answered_by_next_year_s_forecast() -> None:
    forecast = _hit(
        "Cardow's budget office expects AI-linked taxes to bring in about $7.4 billion in the fiscal year that "
        "starts next July.",
        "cd:1.1",
        3.0,
    )
    corpus = _corpus("cd", "Cardow's budget leans on AI", "en", forecast)
    after_next = _how_much(
        "what's cardow forecasting for AI-linked tax revenue in the fiscal year after next?", {"USD"}
    )
    assert with_asked_figure(after_next, [forecast], [], corpus) == []
    assert with_asked_figure(
        _how_much("what does Cardow expect from AI taxes next year?", {"USD"}), [forecast], [], corpus
    )


def test_a_month_asked_is_not_answered_by_another_month_s_flow_nor_by_a_quarter() -> None:
    november = _hit(
        "Investors pulled about $6.8 billion from the Varrow AI ETF in November, its largest monthly outflow.",
        "va:1.1",
        3.0,
    )
    corpus = _corpus("va", "Investors pull a record sum from an AI ETF", "en", november)
    october = _how_much("how much did investors pull out of the varrow ai etf in october?", {"USD"})
    assert with_asked_figure(october, [november], [], corpus) == []
    asked = _how_much("how much did investors pull out of the varrow ai etf in november?", {"USD"})
    assert with_asked_figure(asked, [november], [], corpus) == [november]
    nine_months = _hit("碩嶺昨日召開法說會，公布前三季合併營收新台幣186.4億元，年增52%。", "sl:1.1", 3.0)
    corpus = _corpus("sl", "碩嶺法說會", "zh-Hant", nine_months, publisher="日報")
    one_month = _how_much("碩嶺10月單月營收是多少？", {"TWD"}, measures=frozenset({"revenue"}))
    assert with_asked_figure(one_month, [nine_months], [], corpus) == []
