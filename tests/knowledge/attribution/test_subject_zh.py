"""Who a Chinese speech verb quotes: an analyst whose firm opens the sentence, a chairman speaking on a date."""

from __future__ import annotations

from knowledge.attribution import attribute_source
from knowledge.speakers import SpeakerIndex


def speakers_of(paragraphs: list[list[str]], language: str) -> list[str | None]:
    """The speaker of every sentence as written in the article (its Chinese form), read with no speaker known."""
    result = attribute_source(paragraphs, language, SpeakerIndex([]))
    return [(s.name_zh or s.name) if s else None for row in result.speakers for s in row]


def test_an_analyst_named_after_the_firm_is_who_raises_the_target_price() -> None:
    """'X证券（Latin）分析师NAME在最新报告中，将…目标价调升' is the analyst's call, not the firm's."""
    text = [
        ["外資同步調升評等。"],
        [
            "岱嶺證券（Dailing Securities）亞太區科技產業分析師馬可·費森（Marco Fessen）在最新報告中，將昱澄科技"
            "目標價從新台幣700元調升至新台幣900元。"
        ],
    ]
    result = attribute_source(text, "zh-Hant", SpeakerIndex([]))
    analyst = result.speakers[1][0]
    assert analyst is not None and analyst.name == "Marco Fessen"


def test_a_chairman_speaking_yesterday_and_an_analyst_at_an_unnamed_foreign_bank() -> None:
    """'董事長NAME昨（19）日在法說會上表示' is the chairman; '外資大行分析員NAME較為樂觀，認為' is the analyst."""
    text = [
        ["光通訊廠岱昇光電第三季營收創新高。"],
        ["岱昇光電董事長邱文彬昨（19）日在法說會上表示，800G模組出貨量季增4成。"],
        ["另一邊廂，外資大行分析員馮曉嵐較為樂觀，認為岱昇資本充裕，維持「買入」評級。"],
    ]
    speakers = speakers_of(text, "zh-Hant")
    assert speakers[1:] == ["邱文彬", "馮曉嵐"]


def test_an_institutes_count_and_the_institute_after_it_and_the_companys_offering_document() -> None:
    """'研究機構X的統計顯示' is X's count, which '該機構亦指出' continues; '招股文件顯示' is the issuer's."""
    text = [
        ["本港機械人公司岱擎科技昨（3）日招股，計劃集資約5億美元。"],
        ["招股文件顯示，公司已引入九名基石投資者，合共認購約2.6億美元股份。"],
        ["研究機構嶺衡研究的統計顯示，今年基石投資者平均佔發售股份約36%。"],
        ["該機構亦指出，基石比例超過四成的新股，上市後平均跑輸大市約9%。"],
    ]
    assert speakers_of(text, "zh-Hant") == [None, "岱擎科技", "嶺衡研究", "嶺衡研究"]


def test_the_report_cited_later_is_the_one_the_bureau_published() -> None:
    """'X審計局日前公布的專項審計報告顯示' then, after others speak, '審計報告還指出' is still the bureau's."""
    text = [
        ["岷江市審計局日前公布的專項審計報告顯示，引導基金已投出的42億元中，賬面浮虧約為18%。"],
        ["一位芯片企業的前高管私下透露，公司賬上現金已不足3000萬元。"],
        ["審計報告還指出，實際完成的返投金額僅約為要求的35%。"],
    ]
    speakers = speakers_of(text, "zh-Hant")
    assert speakers[0] == speakers[2] == "岷江市審計局"


def test_the_companys_own_filing_is_the_company_the_anaphor_means_not_the_supplier_it_names() -> None:
    """'該公司的招股書顯示，X是其主要供應商' is the company just named, not its supplier X."""
    text = [
        ["載板廠鈺衡電子昨（5）日舉行法說會。"],
        ["晶片新創岱芯科技總裁王大明表示，今年營收將倍增。"],
        ["該公司的招股書顯示，鈺衡是其主要載板供應商之一。"],
    ]
    assert speakers_of(text, "zh-Hant")[2] == "岱芯科技"


def test_a_broker_named_by_the_rating_it_cuts_is_the_one_that_broker_points_back_to() -> None:
    """'歐系外資X證券則將評等調降至「減碼」' names the broker X and is its call; '該券商指出' is X again."""
    text = [
        ["岱洛證券分析師邱柏辰預估，昱澄明年營收將成長三成。"],
        ["歐系外資麥頓證券則將評等調降至「減碼」，目標價新台幣860元。"],
        ["該券商指出，同業也在同步擴產，明年載板產能將成長約25%。"],
    ]
    assert speakers_of(text, "zh-Hant")[1:] == ["麥頓證券", "麥頓證券"]


def test_a_company_shortened_in_brackets_and_acting_the_same_day_keeps_its_name() -> None:
    """ "X科技集团（下称「X」）昨日公布…" names X科技集团, not "下称「X」"; "X同日宣布" is X acting that day."""
    text = [
        ["岚鑫科技集团（下称「岚鑫」）昨日公布中期业绩，收入约18亿元。"],
        ["岚鑫同日宣布配售1亿股新股，集资约8亿港元。"],
    ]
    assert speakers_of(text, "zh-Hans") == ["岚鑫科技集团", "岚鑫科技集团"]


def test_a_long_name_shortened_in_brackets_is_one_organization_by_either_name() -> None:
    """ "岚澄数据房地产投资信托基金（岚澄房托）昨日公布…" is the trust's statement; "岚澄房托" later is the trust too."""
    text = [
        ["持有数据中心的岚澄数据房地产投资信托基金（岚澄房托）昨日公布中期业绩，收益增长6%至12.4亿元。"],
        ["美国租户凯斯隆拖欠租金。", "岚澄房托表示，出租率降至81%。"],
    ]
    assert speakers_of(text, "zh-Hans") == [
        "岚澄数据房地产投资信托基金",
        None,
        "岚澄数据房地产投资信托基金",
    ]


def test_organizations_are_read_whole_after_what_they_are_and_never_from_a_clause() -> None:
    """A Hong Kong developer ending in 置业, a firm in Latin letters after its kind, a research house whose name
    holds 基金: each one organization; "回报率会由公司预期" and "这档ETF" name none."""
    text = [
        ["本港上市发展商澄晖置业昨日公布中期业绩，收入下跌12%至38.4亿元。"],
        ["据物业顾问Ashdown Keyes统计，空置率升至9.5%。"],
        ["根据研调机构森澜基金评等的统计，规模年增2.3倍。"],
        ["分析员认为，项目回报率会由公司预期的约11%降至不足7%。"],
        ["买盘也带动这档ETF溢价扩大，溢价一度达到11.6%。"],
    ]
    assert speakers_of(text, "zh-Hans") == ["澄晖置业", "Ashdown Keyes", "森澜基金评等", None, None]


def test_it_is_understood_cites_no_one_the_sentence_names() -> None:
    """ "據了解，主席X家族持有…，X並無出席業績簡報會" is the paper's own knowledge, not X's briefing."""
    text = [
        ["恆澔銀行昨日公布業績，盈利下跌12%。"],
        ["據了解，主席傅啟嶸家族持有恆澔約34%股權，傅啟嶸並無出席業績簡報會。"],
    ]
    assert speakers_of(text, "zh-Hant") == ["恆澔銀行", None]


def test_an_analyst_named_after_a_title_whatever_verb_follows_is_found_by_the_name_repeated() -> None:
    """ "分析师简伯安抛出一个问题" introduces 简伯安, whom "简伯安并不买账。他…测算" then quotes."""
    text = [
        ["首席财务官郁清禾解释，这一调整让利润增加约19亿元。"],
        ["电话会上，岫川证券计算机行业分析师简伯安抛出一个问题：新卡是否也按六年折旧？"],
        ["简伯安并不买账。", "他在会后接受本报采访时测算，今年实际增厚的利润超过31亿元。"],
    ]
    assert speakers_of(text, "zh-Hans")[-1] == "简伯安"


def test_a_former_chairman_of_the_company_is_not_of_a_company_called_former() -> None:
    """ "公司原董事长邵启东被判…" names no organization "公司原"."""
    result = attribute_source(
        [["澜栖科技被判赔偿9.8亿元。", "公司原董事长邵启东被判承担连带责任。"]], "zh-Hans", SpeakerIndex([])
    )
    names = [e.name_zh or e.name for e in [*result.quoted, *result.mentioned]]
    assert "公司原" not in names


def test_a_hong_kong_chief_quoted_with_a_rarer_surname_and_also_said() -> None:
    """ "行政總裁容家駿在業績會上說" and "容家駿又指" are his; "通告又指" is the company's announcement."""
    text = [
        ["澄和房託昨日公布中期業績，收益按年增長6%至人民幣12.4億元。"],
        ["「租戶自己都喺度縮，」行政總裁容家駿在業績會上說，「今年續約嘅租金平均要減一成左右。」"],
        ["容家駿又指，內地物業的平均租金按年下跌約8%。"],
        ["通告又指，旗下物業估值下調約人民幣19億元。"],
    ]
    assert speakers_of(text, "zh-Hant") == ["澄和房託", "容家駿", "容家駿", "澄和房託"]


def test_a_company_publishing_its_interim_results_after_a_long_description_is_their_source() -> None:
    """ "本港上市的…營運商X（Latin）昨日公布截至9月30日止六個月的中期業績，收入…" gives the company's own numbers."""
    text = [
        [
            "本港上市的數據中心營運商瀚澄數據控股（Hancheng Data Holdings）昨日公布截至9月30日止六個月的中期業績，"
            "收入按年增長23%。"
        ]
    ]
    assert speakers_of(text, "zh-Hant") == ["瀚澄數據控股"]


def test_a_zones_administrative_committee_is_an_organization_not_mr_guan() -> None:
    """ "椿阳经济开发区管委会…发布通报称" and later "管委会在通报中指出" are the committee's; its deputy director works
    there; a research firm in Latin letters after its kind counts."""
    text = [
        ["椿澜经济开发区管委会11月24日发布通报称，企业未按协议完成投资，需退还补贴约1.6亿元。"],
        ["管委会在通报中指出，实际到位投资约9.2亿元。"],
        ["研調機構Corvane Optics Research統計，今年市場規模約28億美元，年增85%。"],
    ]
    assert speakers_of(text, "zh-Hans") == [
        "椿澜经济开发区管委会",
        "椿澜经济开发区管委会",
        "Corvane Optics Research",
    ]


def test_what_a_company_publishes_or_gives_its_investors_is_its_own_figure() -> None:
    """ "X发布的价格指数显示" and "据X向投资人提供的财务资料" give X's numbers; the investors only received them."""
    text = [
        ["撮合平台的运营方芥澜网络科技11月20日发布的价格指数显示，平均小时租金已从约2.8元降至约1.1元。"],
        ["据芥澜网络科技向投资人提供的财务资料，该公司前三季度营收约1.3亿元。"],
    ]
    assert speakers_of(text, "zh-Hans") == ["芥澜网络科技", "芥澜网络科技"]


def test_a_hong_kong_placing_story_names_the_company_its_officers_and_the_brokers_analyst_apart() -> None:
    """'港股上市的AI晶片設計商X（下稱「…」）' is X; '仍較…上市時' no company; a CFO after a broker's analyst is X's."""
    text = [
        ["港股上市的AI晶片設計商鏵澂微電子（下稱「鏵澂」）昨日宣布配售1.1億股。"],
        ["鏵澂股價昨日急挫12%，但仍較7月上市時的招股價高約30%。"],
        ["行政總裁祁樂賢在電話會議上承認，市場對禁售期屆滿有顧慮。"],
        ["券商Tarnwell Crane分析員葛思蔓早前指出，租價自3月以來已下跌約50%。"],
        ["首席財務官司徒曉岑回應說，若計埋長約，租價只下跌約兩成。"],
        ["據了解，榮譽主席譚啟揚持有約31%股份。"],
    ]
    result = attribute_source(text, "zh-Hant", SpeakerIndex([]))
    names = {s.name_zh or s.name for s in [*result.quoted, *result.mentioned]}
    assert "鏵澂微電子" in names and not any(n.startswith(("港股", "仍", "榮譽", "荣誉")) for n in names)
    ceo, cfo = result.speakers[2][0], result.speakers[4][0]
    assert ceo is not None and ceo.positions[0][1] == "鏵澂微電子"
    assert cfo is not None and cfo.positions[0][1] == "鏵澂微電子"  # not the broker named just before


def test_an_apps_operator_after_the_quoted_app_and_what_the_company_disclosed_are_the_companys() -> None:
    """'AI视频应用“光匣”的运营方光匣科技发布公告称' and the next '据公司披露，…' are 光匣科技's; '据了解' is no one's."""
    text = [
        ["AI视频应用“光匣”的运营方光匣科技发布公告称，付费用户突破300万。"],
        ["据公司披露，光匣前三季度销售费用约9.4亿元，相当于同期订阅收入的1.2倍。"],
        ["据了解，公司董事长持股31%。"],
    ]
    assert speakers_of(text, "zh-Hans") == ["光匣科技", "光匣科技", None]


def test_a_bond_prospectus_and_its_audit_report_are_the_issuers_and_a_defined_short_name_is_no_speech() -> (
    None
):
    """'X（下称“X城投”）本周发行…募集资金9亿元' is narration; '募集说明书还提到…' and '审计报告还显示…' are the
    issuer's own documents, not the rating agency quoted in between."""
    text = [
        ["滨澄城市发展集团（下称“滨澄城发”）本周发行一期公司债券，募集资金9亿元。"],
        ["滨澄城发在募集说明书中称，算力中心一期已投运。"],
        ["募集说明书还提到，一家境外平台已签约租用部分算力，合同总额约14亿元。"],
        ["岚信资信在评级报告中指出，预计二期投运后年收入可达6亿元。"],
        ["审计报告还显示，截至9月底，滨澄城发有息负债约312亿元。"],
    ]
    assert speakers_of(text, "zh-Hans") == [
        None,
        "滨澄城市发展集团",
        "滨澄城市发展集团",
        "岚信资信",
        "滨澄城市发展集团",
    ]


def test_a_committee_asking_the_company_names_no_firm_and_the_company_replies() -> None:
    """'上市委在审议意见中要求公司说明…' names no company called '…要求公司'; '公司在问询回复中表示…' is the
    article's company."""
    text = [
        ["芯片设计公司锐澄微电的首发申请，日前被上市委员会暂缓审议。锐澄微电拟募资12亿元。"],
        ["锐澄微电在回复中称，存货增至3亿元。"],
        ["上市委在审议意见中要求公司说明，第一大客户收入占比高达51%的情况下，业务是否具有独立性。"],
        ["公司在问询回复中同时表示，第一大客户的占比将在2027年降至四成以下。"],
    ]
    result = attribute_source(text, "zh-Hans", SpeakerIndex([]))
    assert not any("要求" in s.name for s in [*result.quoted, *result.mentioned])
    assert [s.name if s else None for s in result.speakers[3]] == ["锐澄微电"]


def test_a_listed_companys_notices_are_its_own_not_the_exchanges() -> None:
    """'深交所创业板上市公司X…披露了回复公告' then '回复公告显示…', '据回复公告，…' are X's; '回复公告披露后的首个交易日，
    股价跌停' only dates a move; '該房託宣布' and '通告並披露' are the trust just named."""
    text = [
        ["深交所创业板上市公司岚言智能于11月23日晚间披露了年报问询函的回复公告。"],
        ["回复公告显示，公司AI应用业务收入8.6亿元，同比增长1.9倍。"],
        ["据回复公告，前五大客户合计贡献收入4.6亿元。"],
        ["回复公告披露后的首个交易日，岚言智能股价跌停，收跌20%。"],
    ]
    assert speakers_of(text, "zh-Hans") == ["岚言智能", "岚言智能", "岚言智能", None]
    trust = [
        ["在港上市的數據中心房地產投資信託基金港澄房託昨日公布中期業績，收益約1.5億美元。"],
        ["該房託宣布，每基金單位中期分派為3.1美仙，按年減少18%。"],
        ["通告並披露，估值師採用的資本化率由5.25%上調至5.75%。"],
    ]
    assert speakers_of(trust, "zh-Hant") == ["港澄房託"] * 3


def test_a_city_bureau_named_in_full_once_is_the_bureau_named_bare_after() -> None:
    """'X市审计局…公告显示' then '审计局在公告中指出' are one bureau, under its full name."""
    text = [
        ["岑州市审计局日前发布的专项审计结果公告显示，岑州市累计发放算力券2.6亿元。"],
        ["审计局在公告中指出，有12家企业套取资金约3100万元。"],
    ]
    assert speakers_of(text, "zh-Hans") == ["岑州市审计局", "岑州市审计局"]


def test_not_agreeing_with_a_view_is_the_holders_statement() -> None:
    text = [
        ["公司董秘认为现金流明年转正。", "华澄证券研究员钟雨舟并不认同这一判断，他估计全年净流出约12亿元。"]
    ]
    assert speakers_of(text, "zh-Hans")[1] == "钟雨舟"


def test_a_stance_on_what_was_said_is_the_holders() -> None:
    text = [
        ["澄芯智能称存货将在明年消化。"],
        ["岫澄证券半导体分析师卢砚舟对此并不乐观。", "她测算，存货周转天数已拉长到约310天。"],
    ]
    assert speakers_of(text, "zh-Hans")[1:] == ["卢砚舟", "卢砚舟"]


def test_a_city_commission_and_a_university_institute_are_named_whole() -> None:
    """'澄岭市发展和改革委员会…发布公告称' is the whole commission, not '和改革委员会'; '澄岭理工大学能源经济研究所
    教授谈静舒' is a professor whose surname 谈 is also a verb, and '她测算' goes on with her."""
    text = [
        ["本报讯 澄岭市发展和改革委员会11月25日发布公告称，首批能耗指标成交总价约3.9亿元。"],
        [
            "澄岭理工大学能源经济研究所教授谈静舒则认为，官方数据低估了实际用电。",
            "她测算，用电已接近全市的11%。",
        ],
    ]
    assert speakers_of(text, "zh") == ["澄岭市发展和改革委员会", "谈静舒", "谈静舒"]


def test_foreign_brokers_cutting_a_rating_or_holding_the_opposite_view_are_the_speakers() -> None:
    """'美系外資Brannock Vale證券日前將評等由「買進」降至「減碼」' is that broker's call, and '報告指出' its report;
    '日系外資Tomikawa證券則持相反看法' is the other broker's; a Latin name is never cut inside a word."""
    text = [
        [
            "美系外資Brannock Vale證券日前將鎧澄評等由「買進」降至「減碼」，目標價由新台幣780元大砍至新台幣480元。",
            "報告指出，每櫃風扇產值將減少約35%。",
        ],
        ["日系外資Tomikawa證券則持相反看法，維持「買進」評等，並將目標價調升至新台幣820元。"],
    ]
    assert speakers_of(text, "zh") == ["Brannock Vale證券", "Brannock Vale證券", "Tomikawa證券"]


def test_the_exchange_named_bare_is_who_its_inquiry_letter_speaks_for() -> None:
    """'交易所在10月下发的问询函中指出…' is the exchange's, not the company that received the letter."""
    text = [
        ["琅澄数科发布公告称，定增募资由约48亿元下调至约18.5亿元。"],
        [
            "此次调整发生在交易所问询之后。",
            "交易所在10月下发的问询函中指出，琅澄前三季度的平均上架率仅约41%。",
        ],
    ]
    assert speakers_of(text, "zh") == ["琅澄数科", None, "交易所"]


def test_a_broker_with_its_latin_name_in_brackets_after_a_connective_cuts_the_rating() -> None:
    """'然而，外資卡維林（Cavelin Marsh）證券同日發布報告，將…評等…調降至「賣出」' is that broker's, and so is
    '報告指出'; '卡維林（Cavelin Marsh）證券表示' is the same broker, never one named '證券'."""
    text = [
        ["霆澄電子19日召開法說會。"],
        [
            "然而，外資卡維林（Cavelin Marsh）證券同日發布報告，將霆澄的投資評等從「買進」一口氣調降至「賣出」。",
            "報告指出，全球ABF載板到2027年將供過於求約15%。",
        ],
        ["卡維林（Cavelin Marsh）證券表示，載板將供過於求。"],
    ]
    found = speakers_of(text, "zh")
    assert found[0] is None and found[1] in ("卡維林證券", "Cavelin Marsh") and found[1:] == [found[1]] * 3


def test_the_company_after_the_exchange_s_letter_is_still_the_company() -> None:
    """After '交易所要求公司说明…', '三季报显示，公司前三季度…' is the company's own report, not the exchange's."""
    text = [
        ["灏澄科技发布公告称，收到交易所关注函。", "交易所在关注函中要求公司说明算力租赁收入的真实性。"],
        ["三季报显示，公司前三季度算力租赁收入5.8亿元。"],
    ]
    assert speakers_of(text, "zh")[-1] == "灏澄科技"


def test_a_statement_a_company_issued_on_a_date_is_its_own_with_or_without_a_comma() -> None:
    """'X昨晚發表聲明，指…' and 'X表示公司…' (said of the company, no comma) are the company's; a monitoring firm
    ('監測機構Y統計') is still the firm that counts."""
    article = [
        ["港股AI軟件股澔翎智能昨日收市急挫12.4%。"],
        ["澔翎昨晚發表聲明，指公司業務運作正常，並宣布回購最多約2億美元股份。"],
        ["澔翎發表聲明稱公司訂單充足。"],
        ["據監測機構沐析數據統計，澔翎的沽空比例約為8%。"],
    ]
    assert speakers_of(article, "zh-Hant") == [None, "澔翎", "澔翎", "沐析數據"]


def test_what_a_company_made_public_after_a_comma_is_its_own_but_a_month_s_sales_are_reported() -> None:
    article = [
        ["璟芮電子昨日召開法說會。"],
        ["璟芮同時公布，AI伺服器相關營收占比提高至27%。"],
        ["璟芮昨（5）日公布11月營收新台幣64.2億元。"],
    ]
    assert speakers_of(article, "zh-Hant") == [None, "璟芮電子", None]


def test_a_rating_agency_named_by_its_ending_speaks_and_this_institution_is_it() -> None:
    article = [
        ["沂川市财政局11月25日发布公告称，拟调整专项债用途。"],
        [
            "岚泷信用评级在最新一期跟踪评级报告中指出，沂川市的专项债项目今年收益不及预期。",
            "该机构测算，沂川市今年需垫付的专项债利息约1.9亿元。",
        ],
    ]
    assert speakers_of(article, "zh-Hans")[1:] == ["岚泷信用评级", "岚泷信用评级"]
