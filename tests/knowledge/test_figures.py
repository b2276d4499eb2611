"""Figure extraction and normalization."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.corpus import load_corpus
from knowledge.figures import find_figures, format_figure, parse_number

# Every figure with a unit in the two seed articles, as written, with its normalized value and unit.
SEED_FIGURES = [
    ("3500 億美元", 3.5e11, "USD"),
    ("4000 億美元", 4e11, "USD"),
    ("120億美元", 1.2e10, "USD"),
    ("1150億美元", 1.15e11, "USD"),
    ("1 萬億美元", 1e12, "USD"),
    ("600 億美元", 6e10, "USD"),
    ("200 美元", 200, "USD"),
    ("26 吉瓦", 26, "GW"),
    ("1.5 萬億美元", 1.5e12, "USD"),
    ("1000 億美元", 1e11, "USD"),
    ("130 億美元", 1.3e10, "USD"),
    ("1.4 萬億美元", 1.4e12, "USD"),
    ("95%", 95, "%"),
    ("5000亿美元", 5e11, "USD"),
    ("15倍", 15, "x"),
    ("250吉瓦", 250, "GW"),
    ("12万亿美元", 1.2e13, "USD"),
    ("2000亿美元", 2e11, "USD"),
    ("30亿美元", 3e9, "USD"),
    ("40亿美元", 4e9, "USD"),
    ("300亿美元", 3e10, "USD"),
    ("1400亿美元", 1.4e11, "USD"),
    ("200亿美元", 2e10, "USD"),
    ("2万亿美元", 2e12, "USD"),
]


def test_every_seed_figure_is_found_with_its_value() -> None:
    found = {(f.text, f.value, f.unit) for p in load_corpus().passages for f in p.figures}
    for text, value, unit in SEED_FIGURES:
        assert (text, float(value), unit) in found, text
    assert len(found) == len(SEED_FIGURES)


@pytest.mark.parametrize(
    "text", ["几千亿美元", "数百亿美元", "数十亿美元", "2029 年", "1997年的科技股", "20世纪90年代"]
)
def test_vague_amounts_and_years_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_years_qualify_figures() -> None:
    burn = find_figures("而OpenAI预计到2029年将烧掉1400亿美元")[0]
    deadline = find_figures("贝恩公司的顾问估计,到2030年,AI基础设施支出浪潮需要每年产生2万亿美元的AI收入")[0]
    assert (burn.year, deadline.year, deadline.per) == (2029, 2030, "year")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("$350 billion", 3.5e11, "USD"),
        ("$2 trillion", 2e12, "USD"),
        ("$200 a month", 200, "USD"),
        ("1.4 trillion dollars", 1.4e12, "USD"),
        ("250 GW", 250, "GW"),
        ("95 gigawatts", 95, "GW"),
        ("22%", 22, "%"),
        ("15x", 15, "x"),
        ("3500亿美元", 3.5e11, "USD"),
        ("1,000亿美元", 1e11, "USD"),
    ],
)
def test_english_and_chinese_forms(text: str, value: float, unit: str) -> None:
    [figure] = find_figures(text)
    assert (figure.value, figure.unit, figure.text) == (value, unit, text.split(" a month")[0])


_amounts = st.decimals(min_value=1, max_value=9999, places=1).map(float)


@given(
    _amounts,
    st.sampled_from(
        [
            ("亿美元", 1e8),
            ("億美元", 1e8),
            ("万亿美元", 1e12),
            ("萬億美元", 1e12),
            ("万美元", 1e4),
            ("美元", 1.0),
        ]
    ),
    st.booleans(),
)
def test_chinese_money_round_trips(amount: float, suffix: tuple[str, float], spaced: bool) -> None:
    written = f"{amount:g}{' ' if spaced else ''}{suffix[0]}"
    [figure] = find_figures(f"据报道,该公司投入{written}建设数据中心。")
    assert figure.unit == "USD"
    assert figure.value == pytest.approx(amount * suffix[1])
    assert figure.text == written


@given(st.floats(min_value=1, max_value=5e13, allow_nan=False), st.sampled_from(["USD", "GW", "%", "x"]))
def test_english_rendering_parses_back(value: float, unit: str) -> None:
    written = format_figure(value, unit)
    [figure] = find_figures(f"They said {written} by 2030.")
    assert figure.unit == unit
    assert figure.value == pytest.approx(value, rel=0.01)


# Every form news uses, in English, 简体 and 繁體: a sentence and the (value, unit) of each figure in it.
FORMS = [
    # USD
    ("Meta will spend $350 billion on chips.", [(3.5e11, "USD")]),
    ("The IMF counted US$1.2 trillion of loans.", [(1.2e12, "USD")]),
    ("Lenders put up $72bn last year.", [(7.2e10, "USD")]),
    ("OpenAI needs $2 trillion of revenue.", [(2e12, "USD")]),
    ("一家公司今年投资3500亿美元。", [(3.5e11, "USD")]),
    ("甲骨文明年投資3500 億美元。", [(3.5e11, "USD")]),
    ("投资者承诺再投入两千亿美元。", [(2e11, "USD")]),
    ("该基金拟再投五百亿美元。", [(5e10, "USD")]),
    ("该基金管理约6,500亿美元资产。", [(6.5e11, "USD")]),
    ("全球借贷规模达2万亿美元。", [(2e12, "USD")]),
    ("全球支出將達1.5 萬億美元。", [(1.5e12, "USD")]),
    ("市場規模將超過1兆美元。", [(1e12, "USD")]),
    ("每月订阅费为200 美元。", [(200, "USD")]),
    ("A turbine package costs $2,400 per kilowatt.", [(2400, "USD")]),
    # EUR, JPY
    ("Insurers hold about €20 billion of such debt.", [(2e10, "EUR")]),
    ("歐盟將投入590 億歐元。", [(5.9e10, "EUR")]),
    ("欧盟将投入200亿欧元。", [(2e10, "EUR")]),
    ("Japanese banks lent about ¥3 trillion to the sector.", [(3e12, "JPY")]),
    ("日本銀行業放款約3兆日圓。", [(3e12, "JPY")]),
    ("日本银行放款500亿日元。", [(5e10, "JPY")]),
    # CNY
    ("深圳设立了规模人民币500亿元的产业基金。", [(5e10, "CNY")]),
    ("该公司营收为120亿元人民币。", [(1.2e10, "CNY")]),
    ("公司去年营收500亿元。", [(5e10, "CNY")]),
    ("The city set up a RMB 50 billion fund.", [(5e10, "CNY")]),
    ("Its sales reached CNY 5bn.", [(5e9, "CNY")]),
    ("租金从每小时12元降到8元。", [(12, "CNY"), (8, "CNY")]),
    # TWD, HKD
    ("該公司第二季營收新台幣1,284億元。", [(1.284e11, "TWD")]),
    ("该公司全年营收新台币2兆元。", [(2e12, "TWD")]),
    ("The maker booked NT$1.2 billion of orders.", [(1.2e9, "TWD")]),
    ("外資將目標價調升至新台幣420元。", [(420, "TWD")]),
    ("The fund raised HK$3 billion in Hong Kong.", [(3e9, "HKD")]),
    ("公司在香港募资30亿港元。", [(3e9, "HKD")]),
    ("公司在香港募資30億港幣。", [(3e9, "HKD")]),
    # %
    ("Revenue rose 18 percent, and margins hit 95%.", [(18, "%"), (95, "%")]),
    ("出貨量年增45%。", [(45, "%")]),
    ("AI伺服器占營收比重突破3成。", [(30, "%")]),
    ("国产芯片的占比约六成。", [(60, "%")]),
    ("股價今年以來已上漲逾3成。", [(30, "%")]),
    ("美國科技股已占股票組合的約四分之一。", [(25, "%")]),
    ("大型科技股已占股票组合的四分之一。", [(25, "%")]),
    ("They expect funds to supply close to half of it.", [(50, "%")]),
    ("A quarter of the loans rest on one tenant.", [(25, "%")]),
    ("高速模組將占出貨金額的一半以上。", [(50, "%")]),
    ("营收增速为百分之三十。", [(30, "%")]),
    ("Margins fell 3 percentage points.", [(3, "%")]),
    # GW
    ("The grid needs 250 GW by 2030.", [(250, "GW")]),
    ("中国需要新增250吉瓦电力。", [(250, "GW")]),
    ("OpenAI签下26 吉瓦的合同。", [(26, "GW")]),
    ("中東裝機容量有望達到約6吉瓦。", [(6, "GW")]),
    ("A campus asked for five gigawatts of capacity.", [(5, "GW")]),
    ("It owns 1,500 megawatts of powered land.", [(1.5, "GW")]),
    ("It will build a 1,500-megawatt campus.", [(1.5, "GW")]),
    ("The utility reserved 4,000 MW of turbines.", [(4, "GW")]),
    ("该园区装机570 兆瓦。", [(0.57, "GW")]),
    ("台電新增224萬瓩的燃氣機組。", [(2.24, "GW")]),
    ("屋顶光伏装机500千瓦。", [(0.0005, "GW")]),
    # x
    ("营收是去年的15倍。", [(15, "x")]),
    ("營收約為去年的2.5倍。", [(2.5, "x")]),
    ("The stock trades at 15x sales after a 3x run.", [(15, "x"), (3, "x")]),
    ("Demand could grow tenfold, or ten-fold by some counts.", [(10, "x"), (10, "x")]),
    ("That is roughly three times the pace of 2024.", [(3, "x")]),
    ("Spending will be about twice the dot-com peak.", [(2, "x")]),
    ("The public tranche was oversubscribed about 415 times, the sponsor said.", [(415, "x")]),
    ("The bond was covered 3.5 times.", [(3.5, "x")]),
    ("The debt has doubled and the backlog doubles again.", [(2, "x"), (2, "x")]),
    ("相关营收可望翻倍。", [(2, "x")]),
    ("流量每一百天就翻一倍。", [(2, "x")]),
    ("相關營收可望倍增。", [(2, "x")]),
    ("It still works if the multiple halves.", [(0.5, "x")]),
    # tokens
    ("日均调用量已突破1.2万亿tokens。", [(1.2e12, "tokens")]),
    ("The model served 1.2 trillion tokens a day.", [(1.2e12, "tokens")]),
]


@pytest.mark.parametrize(("sentence", "expected"), FORMS)
def test_news_forms_in_every_script(sentence: str, expected: list[tuple[float, str]]) -> None:
    figures = find_figures(sentence)
    assert [(f.unit, f.value) for f in figures] == [(u, pytest.approx(v)) for v, u in expected]  # type: ignore[comparison-overlap]
    assert all(f.text in sentence for f in figures)


RANGES = [
    ("They committed $70 billion to $72 billion.", "$70 billion to $72 billion", 7e10, 7.2e10, "USD"),
    (
        "Reports put it between $45 billion and $50 billion.",
        "between $45 billion and $50 billion",
        4.5e10,
        5e10,
        "USD",
    ),
    ("The round values it at $45-50 billion.", "$45-50 billion", 4.5e10, 5e10, "USD"),
    ("資本支出將落在420億至450億美元之間。", "420億至450億美元", 4.2e10, 4.5e10, "USD"),
    ("海外模型价格在2至3美元之间。", "2至3美元", 2, 3, "USD"),
    ("国内价格在2至3元之间。", "2至3元", 2, 3, "CNY"),
    ("价格还可能再下降三到五成。", "三到五成", 30, 50, "%"),
    ("It is valued at 30 or 40 times revenue.", "30 or 40 times", 30, 40, "x"),
]


@pytest.mark.parametrize(("sentence", "written", "low", "high", "unit"), RANGES)
def test_ranges_give_two_figures_with_one_text(
    sentence: str, written: str, low: float, high: float, unit: str
) -> None:
    figures = find_figures(sentence)
    assert [(f.text, f.unit) for f in figures] == [(written, unit), (written, unit)]
    assert [f.value for f in figures] == [pytest.approx(low), pytest.approx(high)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Cindervale has taken billions in cloud credits.",
        "Hyperscalers will spend hundreds of billions of dollars.",
        "Such loans pay several percentage points more.",
        "补贴投入合计有数十亿元。",
        "海湾国家承诺投资数千亿美元。",
        "雲端業者每年數千億美元的資本支出。",
        "液冷機櫃的單價是傳統伺服器的數倍。",
        "投资可能几千亿。",
        "营收十几亿元。",
        "泓鼎德州新廠預計2029年量產。",
        "The plant opens in 2030.",
        "The results came on April 9, 2026.",
        "董事会于3月15日召开。",
        "Loans mature in seven years, and deposits lock for 12 months.",
        "The trust signed a 15-year lease.",
        "The first two buildings and 4 reactors.",
        "800G modules ship now and 1.6T modules next year.",
        "It runs on H100 and GB200 chips.",
        "The Fed cut rates three times.",
        "They meet twice a year.",
        "It posted double-digit growth.",
        "It earned a triple-A rating.",
        "in the second half of 2027",
        "a half-empty data center",
        "國內廠商的報價只有其幾分之一。",
        "输出价格降到每百万tokens以下。",
        "三元锂电池需求旺盛。",
    ],
)
def test_vague_amounts_dates_durations_counts_and_names_are_not_figures(sentence: str) -> None:
    assert find_figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("目標價上調至420元。", []),  # 元 in Traditional text may be NT$ or RMB
        ("外資將目標價從新台幣300元上調至420元。", [(300, "TWD"), (420, "TWD")]),
        ("目标价上调至420元。", [(420, "CNY")]),  # Simplified text: renminbi
    ],
)
def test_bare_yuan_needs_a_currency_in_traditional_text(
    sentence: str, expected: list[tuple[float, str]]
) -> None:
    assert [(f.value, f.unit) for f in find_figures(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "year", "per"),
    [
        ("UBS expects $900 billion of financing by 2028.", 2028, None),
        ("到2030年，全球需要每年产生2万亿美元的收入。", 2030, "year"),
        ("公司预计2029年将烧掉1400亿美元。", 2029, None),
        ("Brennan expects about $1.1 billion of rent a year.", None, "year"),
        ("Subscribers pay $200 a month.", None, "month"),
        ("It burned $700 million in the second quarter.", None, "quarter"),
        ("Revenue in Q2 was $3bn.", None, "quarter"),
        ("It earns $5 billion per quarter.", None, "quarter"),
        ("泓鼎第二季合併營收新台幣1,284億元。", None, "quarter"),
        ("單季AI伺服器占比突破3成。", None, "quarter"),
        ("今年一季度市场规模为人民币138亿元。", None, "quarter"),
        ("墨岚今年前三季度收入仅约4.3亿元。", None, None),  # nine months, no quarter
        ("Revenue was $400 million a year earlier.", None, None),
        ("A package costs $2,400 per kilowatt.", None, "kilowatt"),
        # "看到2028年" is how far orders reach, and "目前" sets the multiple now
        ("接单能见度已看到2028年，但目前本益比约24倍。", None, None),
        ("今年前十月营收年增83%，目前在手订单已排到2027年第三季。", None, None),
    ],
)
def test_year_and_period_qualify_figures(sentence: str, year: int | None, per: str | None) -> None:
    [figure] = find_figures(sentence)
    assert (figure.year, figure.per) == (year, per)


@pytest.mark.parametrize(
    ("sentence", "approx"),
    [
        ("Lenders committed about $72 billion.", True),
        ("It has more than 30 gigawatts.", True),
        ("Demand could roughly double.", True),
        ("Revenue was $212 million.", False),
        ("股價已上漲逾8成。", True),
        ("毛利率維持在7%上下。", True),
        ("份额约三成。", True),
        ("增速降至40%左右。", True),
        ("營收約為新台幣50億元。", True),
        ("订单超过人民币60亿元。", True),
        ("营收达到人民币42亿元。", False),
        ("市場規模近1兆美元。", True),
        ("融资1,000多亿美元。", True),
    ],
)
def test_hedges_mark_figures_approximate(sentence: str, approx: bool) -> None:
    [figure] = find_figures(sentence)
    assert figure.approx is approx


@pytest.mark.parametrize(
    ("value", "unit", "written"),
    [
        (1.5e12, "USD", "$1.5 trillion"),
        (2e10, "EUR", "€20 billion"),
        (3e12, "JPY", "¥3 trillion"),
        (5e10, "CNY", "CNY 50 billion"),
        (1.284e11, "TWD", "NT$128.4 billion"),
        (3e9, "HKD", "HK$3 billion"),
        (250, "GW", "250 GW"),
        (95, "%", "95%"),
        (15, "x", "15x"),
        (1.2e12, "tokens", "1.2 trillion tokens"),
    ],
)
def test_english_rendering_of_every_unit(value: float, unit: str, written: str) -> None:
    assert format_figure(value, unit) == written
    [figure] = find_figures(f"They said {written} by 2030.")
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)  # type: ignore[comparison-overlap]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("1,400", 1400),
        ("1.5", 1.5),
        ("两千", 2000),
        ("一千二百", 1200),
        ("十五", 15),
        ("five", 5),
        ("twenty-one", 21),
        ("one and a half", 1.5),
    ],
)
def test_parse_number_reads_digits_chinese_numerals_and_words(written: str, value: float) -> None:
    assert parse_number(written) == value


_PIECES = [
    "1",
    "5",
    ",",
    ".",
    "0",
    " ",
    "-",
    "$",
    "US$",
    "€",
    "¥",
    "NT$",
    "billion",
    "bn",
    "m",
    "x",
    "%",
    "GW",
    "MW",
    "megawatts",
    "times",
    "fold",
    "to",
    "or",
    "between",
    "and",
    "about",
    "half",
    "a quarter of",
    "一",
    "两",
    "三",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "億",
    "兆",
    "元",
    "美元",
    "人民币",
    "新台幣",
    "成",
    "倍",
    "至",
    "到",
    "分之",
    "吉瓦",
    "兆瓦",
    "瓩",
    "tokens",
    "每",
    "数",
    "年",
    "2030",
    "翻一倍",
    "，",
    "。",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_any_mix_of_number_pieces_gives_verbatim_figures(text: str) -> None:
    for figure in find_figures(text):
        assert figure.text in text
        assert figure.value >= 0


@pytest.mark.parametrize(
    "text",
    [
        "首年交易电量约48亿千瓦时",
        "about 4.8 billion kilowatt-hours a year",
        "a 300 MWh battery",
        "年發電量12億千瓦時",
    ],
)
def test_energy_is_not_power(text: str) -> None:
    assert [f for f in find_figures(text) if f.unit == "GW"] == []


def test_a_price_each_for_shares_or_a_share_is_a_price_per_share() -> None:
    tender = find_figures("The tender prices shares at $42.70 each, against $61 in the March round.")
    assert [(f.text, f.per) for f in tender] == [("$42.70", "share"), ("$61", None)]
    assert find_figures("It sold stock at $61 a share.")[0].per == "share"
    assert find_figures("The company paid $5 each for the chips.")[0].per is None


def test_a_price_in_cents_keeps_its_cents_in_english() -> None:
    assert format_figure(42.7, "USD") == "$42.70"
    assert format_figure(61, "USD") == "$61"
    assert format_figure(1.5e9, "USD") == "$1.5 billion"


def test_a_deadline_a_clause_or_two_after_the_figure_dates_it() -> None:
    text = "The fund intends to lift its data-centre debt to about €4 billion, or 2.7% of assets, by the end of 2027."
    assert [(f.text, f.year) for f in find_figures(text)] == [("€4 billion", 2027), ("2.7%", 2027)]


def test_a_deadline_after_a_figure_dates_it_over_a_year_the_clause_before_named() -> None:
    """'…return to growth in the second half of 2027 and to reach $500 million a year by the end of 2028' is 2028."""
    text = "He expects revenue to return to growth in the second half of 2027 and to reach $500 million a year by the end of 2028."
    assert [(f.text, f.year) for f in find_figures(text)] == [("$500 million", 2028)]


def test_a_multiple_of_a_period_s_amount_is_no_frequency() -> None:
    held = "Suppliers hold inventory worth about 1.4 times a quarter's sales, up from 0.6 times a year ago."
    assert [(f.text, f.per) for f in find_figures(held)] == [("1.4 times", None), ("0.6 times", None)]
    assert find_figures("The central bank cut rates three times a year.") == []
