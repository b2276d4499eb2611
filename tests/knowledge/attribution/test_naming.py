"""Canonical names: pinyin for Chinese names, short forms of organizations, one identity across scripts."""

from __future__ import annotations

from knowledge.attribution import attribute_source
from knowledge.attribution.naming import org_short_names
from knowledge.attribution.naming_pinyin import pinyin_name
from knowledge.attribution.naming_titles import title_key
from knowledge.speakers import Speaker, SpeakerIndex


def test_an_analyst_s_firm_is_named_without_the_sector_covered_and_deputies_keep_their_rank() -> None:
    result = attribute_source(
        [
            [
                "弘远证券电力行业分析师顾明轩表示，明年电价可能再涨5%。",
                "江南电力交易中心副主任许立新指出，成交量增长30%。",
            ]
        ],
        "zh-Hans",
        SpeakerIndex([]),
    )
    roles = {s.name: s.role for s in result.quoted}
    assert roles == {"Gu Mingxuan": "analyst, 弘远证券", "Xu Lixin": "deputy director, 江南电力交易中心"}


def test_a_new_speaker_is_findable_in_either_script_and_in_pinyin() -> None:
    result = attribute_source([["泓鼎總經理陳冠宇表示，訂單看到明年第三季。"]], "zh-Hant", SpeakerIndex([]))
    [speaker] = result.quoted
    index = SpeakerIndex([speaker])
    assert index.by_name("陈冠宇") == speaker and index.by_name("陳冠宇") == speaker
    assert speaker.name == "Chen Guanyu"


def test_a_known_person_keeps_the_gazetteer_identity() -> None:
    from knowledge.gazetteer import load_gazetteer

    result = attribute_source(
        [["輝達執行長黃仁勳在同一場展會上表示，台灣供應鏈會忙上很多年。"]],
        "zh-Hant",
        SpeakerIndex(list(load_gazetteer())),
    )
    assert [s.name for s in result.quoted] == ["Jensen Huang"]


def test_a_chinese_company_is_found_by_its_two_character_brand() -> None:
    result = attribute_source(
        [["曜驰智驾首席财务官温若岚表示，算力中心的利用率约为六成。", "曜驰芜湖算力中心已开始对外出租。"]],
        "zh-Hans",
        SpeakerIndex([]),
    )
    company = next(s for s in result.quoted + result.mentioned if s.kind == "organization")
    assert "曜驰" in company.aliases and "曜馳" in company.aliases and "Yaochi" in company.aliases


def test_a_brand_with_a_rarer_reading_is_found_by_either_spelling() -> None:
    result = attribute_source(
        [["峤云智算首席财务官方若澜表示，三季度利用率约为七成。", "峤云智算的新园区已开工。"]],
        "zh-Hans",
        SpeakerIndex([]),
    )
    company = next(s for s in result.quoted + result.mentioned if s.kind == "organization")
    assert "Qiaoyun" in company.aliases and "Jiaoyun" in company.aliases  # 峤: jiào by default, qiáo in names


def test_a_company_named_in_english_is_found_by_its_chinese_brand_and_its_description_is_dropped() -> None:
    result = attribute_source(
        [
            [
                "本港上市的數據中心營運商瀚灣數據控股（Hanbay Data Holdings）昨日公布中期業績。",
                "根據地產顧問嘉衡顧問的數據，批發租金按年上升約18%。",
            ]
        ],
        "zh-Hant",
        SpeakerIndex([]),
    )
    names = {s.name: s for s in result.quoted + result.mentioned if s.kind == "organization"}
    assert "瀚湾" in names["Hanbay Data Holdings"].aliases
    assert "嘉衡顧問" in names


def test_a_research_firm_is_named_without_its_ending_at_the_next_mention() -> None:
    result = attribute_source(
        [
            [
                "Debt is 7.4 times earnings, according to Morrow Lane Ratings.",
                '"The risk is real," said Tariq Benhassine, who covers loans at Morrow Lane.',
            ]
        ],
        "en",
        SpeakerIndex([]),
    )
    tariq = next(s for s in result.quoted if s.name == "Tariq Benhassine")
    assert "Morrow Lane Ratings" in tariq.role


def test_who_founded_a_company_is_not_part_of_its_name() -> None:
    result = attribute_source(
        [["崇遠電能執行長賴柏諺表示，訂單很多。", "崇遠由董事長林正雄於1998年創立，早年以電源起家。"]],
        "zh-Hant",
        SpeakerIndex([]),
    )
    orgs = [s.name for s in result.quoted + result.mentioned if s.kind == "organization"]
    assert "崇遠由" not in orgs and any("崇遠" in s.aliases for s in result.quoted + result.mentioned)


def test_an_analysts_region_and_sector_are_not_part_of_the_firm() -> None:
    result = attribute_source(
        [
            [
                "奧德門證券（Aldgate Pryce）亞太區科技產業分析師馬修·柯林斯（Matthew Collins）指出，明年EPS可望成長65%。"
            ]
        ],
        "zh-Hant",
        SpeakerIndex([]),
    )
    assert [(s.name, s.role) for s in result.quoted] == [("Matthew Collins", "analyst, Aldgate Pryce")]


def test_lü_is_spelt_with_its_umlaut_and_typed_either_way() -> None:
    assert pinyin_name("吕嘉") == "Lü Jia"
    result = attribute_source(
        [["明川证券分析师吕嘉估计，明年需计提约1.5亿元。"]], "zh-Hans", SpeakerIndex([])
    )
    assert {"Lyu Jia", "Lu Jia"} <= set(result.quoted[0].aliases)


def test_a_chief_credit_officer_named_without_an_employer_works_for_the_articles_bank() -> None:
    result = attribute_source(
        [
            ["Pinecrest Valley Bancorp lent $1.2 billion against data-centre land, the bank said."],
            ['"The loans are sound," said Monica Treadwell, the chief credit officer.'],
        ],
        "en",
        SpeakerIndex([]),
    )
    treadwell = next(s for s in result.quoted if s.name == "Monica Treadwell")
    assert ("chief credit officer", "Pinecrest Valley Bancorp") in treadwell.positions


def test_the_only_body_of_a_city_the_article_names_keeps_the_city_as_its_short_name() -> None:
    result = attribute_source(
        [["临澜市工业和信息化局表示，全市已发放算力券2.1亿元。"]], "zh-Hans", SpeakerIndex([])
    )
    bureau = result.quoted[0]
    assert "临澜" in bureau.aliases
    assert "Linlan Municipal Bureau of Industry and Information Technology" in bureau.aliases


def test_a_known_company_learns_its_short_chinese_name_from_a_chinese_article() -> None:
    known = SpeakerIndex([Speaker(name="Prairie Crest Energy", kind="organization", role="utility")])
    result = attribute_source(
        [
            [
                "美國電力公司普瑞斯特能源（Prairie Crest Energy）向華岱電機下單。",
                "蔡宜芳不願透露普瑞斯特訂單的金額。",
            ]
        ],
        "zh-Hant",
        known,
    )
    assert "普瑞斯特" in result.new_forms["Prairie Crest Energy"]


def test_a_chinese_company_whose_pinyin_is_a_known_english_company_is_that_company() -> None:
    known = SpeakerIndex([Speaker(name="Lanxin Intelligence", kind="organization", role="robot maker")])
    result = attribute_source(
        [["工業機械人公司嵐芯智能上周三在港掛牌，首日升了兩成。"], ["招股書顯示，嵐芯去年收入人民幣6億元。"]],
        "zh-Hant",
        known,
    )
    assert [s.name if s else None for row in result.speakers for s in row] == [None, "Lanxin Intelligence"]
    assert "嵐芯智能" in result.new_forms["Lanxin Intelligence"]


def test_a_name_with_pinyins_apostrophe_is_also_found_without_it() -> None:
    result = attribute_source(
        [["嵐芯證券首席財務官鄧嘉恩表示，貸款餘額按年增長三成。"]], "zh-Hant", SpeakerIndex([])
    )
    deng = result.speakers[0][0]
    assert deng is not None and deng.name == "Deng Jia'en" and "Deng Jiaen" in deng.aliases


def test_a_chief_people_officer_is_a_title_held_at_the_company() -> None:
    result = attribute_source(
        [["岚芯智能首席人力官柯雨桐对本刊表示，公司今年应届博士的平均年薪不到90万元。"]],
        "zh-Hans",
        SpeakerIndex([]),
    )
    ke = result.speakers[0][0]
    assert ke is not None and ke.role == "chief human resources officer, 岚芯智能"
    assert ("chro", "岚芯智能") in ke.positions


def test_a_chinese_company_glossed_with_a_latin_name_ending_like_a_company_carries_that_name() -> None:
    text = [
        ["人形機械人製造商澄鋒機械人（Corvane Robotics）今日起招股，招股價介乎每股18.2港元至20.4港元。"],
        ["澄鋒機械人行政總裁韋嘉朗表示，海外收入將增至三成。"],
    ]
    found = attribute_source(text, "zh-Hant", SpeakerIndex([]))
    company = next(s for s in [*found.quoted, *found.mentioned] if s.kind == "organization")
    assert company.name == "Corvane Robotics" and "澄鋒機械人" in company.aliases


def test_a_rank_before_a_title_belongs_to_the_title_not_the_company() -> None:
    result = attribute_source(
        [["恒岫首席投資總監施嘉明昨日表示，基金約四成資金將投向未上市AI公司。"]],
        "zh-Hant",
        SpeakerIndex([]),
    )
    people = [s for s in result.quoted if s.kind == "person"]
    assert [p.positions for p in people] == [(("cio", "恒岫"),)]
    assert title_key("首席投资总监") == "cio" and title_key("高级分析师") == "analyst"


def test_a_taiwanese_company_is_found_by_its_wade_giles_brand() -> None:
    result = attribute_source(
        [["嵩暉電材26日舉行法說會，執行長賴冠廷表示，泰國新廠明年量產。", "嵩暉前三季營收新台幣418億元。"]],
        "zh-Hant",
        SpeakerIndex([]),
    )
    company = next(s for s in result.quoted + result.mentioned if s.kind == "organization")
    assert "Sunghui" in company.aliases and "Sung Hui" in company.aliases  # as a reader may write it apart


def test_rarer_surnames_are_names_but_an_everyday_word_is_not() -> None:
    """'财务长甯书瑶指出' and '厉知远认为' quote people; '应用“X”的运营方' is an app, not Mr 应 Yong."""
    text = [
        ["财务长甯书瑶指出，第三季毛利率为6.9%。"],
        ["厉知远认为，付费用户占比不到3%。"],
        ["AI视频应用“光匣”的运营方光匣科技发布公告称，付费用户突破300万。", "应用的月活约5000万。"],
    ]
    result = attribute_source(text, "zh-Hans", SpeakerIndex([]))
    who = [(s.name_zh or s.name) if s else None for row in result.speakers for s in row]
    assert who[:3] == ["甯书瑶", "厉知远", "光匣科技"]
    assert all(s.kind == "person" for s in result.quoted if s.name_zh in ("甯书瑶", "厉知远"))


def test_a_city_bureau_is_not_called_by_its_citys_name_in_english() -> None:
    """'沣澄市审计局' is the Fengcheng Municipal Audit Bureau; 'Fengcheng' alone is the city to an English reader ("the
    Fengcheng computing centre"), so it does not stand for the bureau."""
    result = attribute_source(
        [["沣澄市审计局日前公布的审计报告显示，这座智算中心总投资32亿元。"]], "zh-Hans", SpeakerIndex([])
    )
    bureau = result.speakers[0][0]
    assert bureau is not None and bureau.name == "沣澄市审计局"
    assert "Fengcheng Municipal Audit Bureau" in bureau.aliases
    assert "Fengcheng" not in bureau.aliases


def test_a_government_body_is_found_by_its_usual_short_form() -> None:
    """'榕川市市场监督管理局' is the '榕川市监局' a question names; '澜江省发展和改革委员会' the '澜江省发改委'."""
    assert "榕川市监局" in org_short_names(["榕川市市场监督管理局"])
    assert "澜江省发改委" in org_short_names(["澜江省发展和改革委员会"])


def test_an_exchange_is_not_known_by_the_letters_it_sends() -> None:
    """'交易所…关注函' makes the exchange a speaker, but '对这次关注函是怎么表态的？' asks about the company's
    reply, not the exchange: its letters are no alias of it, nor is '关注函' a Mr Guan."""
    paragraphs = [
        ["灏澄科技发布公告称，收到交易所关注函。", "关注函要求公司说明算力租赁收入的真实性。"],
        ["关注函指出，公司前五大客户占比91%。", "三季报显示，公司前三季度算力租赁收入5.8亿元。"],
    ]
    result = attribute_source(paragraphs, "zh", SpeakerIndex([]))
    exchange = next(s for s in [*result.quoted, *result.mentioned] if s.name == "交易所")
    assert not {"关注函", "關注函"} & set(exchange.aliases)


def test_a_city_written_before_its_bureau_is_no_short_name_of_a_company_named_after_the_city() -> None:
    bureau = Speaker(name="沚川市财政局", kind="organization", role="finance bureau", aliases=("沚川",))
    fund = Speaker(name="沚川产业投资集团", kind="organization", role="fund manager", aliases=("沚川",))
    text = [
        ["沚川产业投资集团总经理闵昭宁表示，出资不会少。"],
        ["沚川市财政局在答复人大代表建议时称，引导基金已实缴约21亿元。"],
    ]
    result = attribute_source(text, "zh-Hans", SpeakerIndex([bureau, fund]))
    assert result.speakers[1][0] is not None and result.speakers[1][0].name == "沚川市财政局"
