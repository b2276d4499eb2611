"""What the bot refuses to answer: a refusal the article reports, a company or person no article quotes."""

from __future__ import annotations

import datetime as dt

from bot.compose import compose_abstention
from bot.evidence import Abstention, Evidence, decide
from bot.service import AnswerService
from knowledge.corpus import Corpus
from knowledge.figures import find_figures
from knowledge.passages import Passage
from knowledge.query import QueryAnalysis
from knowledge.search import Hit
from knowledge.sources import Source
from knowledge.speakers import Speaker, SpeakerIndex
from tests.bot.figured import figured as _figured


def _corpus(*texts: str) -> Corpus:
    source = Source(
        id="aurelis", file="a.md", title="Aurelis borrows against its chips", publisher="P", language="en"
    )
    passages = [
        Passage(id=f"aurelis:{n}.1", source_id="aurelis", paragraph=n, sentence=1, text=text)
        for n, text in enumerate(texts, start=1)
    ]
    return Corpus(sources=[source], speakers=SpeakerIndex([]), passages=passages)


def test_a_reported_refusal_is_not_an_answer_and_the_reader_is_told_what_the_article_says() -> None:
    corpus = _corpus("Aurelis declined to say which AI developers are its largest customers.")
    query = QueryAnalysis(text="which AI labs are Aurelis's biggest customers?", language="en", kind="what")
    decision = decide(query, [Hit(corpus.by_id["aurelis:1.1"], 3.0, coverage=0.9, dense=0.6)], corpus)
    assert isinstance(decision, Abstention) and decision.reason == "declined"
    text = compose_abstention(decision, corpus, "en")
    assert (
        text.startswith("The articles don't answer that.") and "declined to say which AI developers" in text
    )


def test_who_is_leading_a_round_the_article_says_was_withheld_is_not_answered_but_who_declined_is() -> None:
    corpus = _corpus("He would not say who is leading the new round or at what valuation.")
    hits = [Hit(corpus.by_id["aurelis:1.1"], 3.0, coverage=0.7, dense=0.4)]
    withheld = QueryAnalysis(text="Aurelis新一轮融资估值多少？谁领投？", language="zh-Hans", kind="who")
    decision = decide(withheld, hits, corpus)
    assert isinstance(decision, Abstention) and decision.reason == "declined"
    asked = QueryAnalysis(text="Who would not say who is leading the round?", language="en", kind="who")
    assert isinstance(decide(asked, hits, corpus), Evidence)


def test_a_founder_who_has_not_spoken_on_a_topic_has_no_view_to_give_whatever_his_stake() -> None:
    """ "他至今未就价格战公开表态" beside his 27% stake answers "他怎么看价格战？" with the article's silence."""
    text = "创始人邵明川持有约27%的股份，但他至今未就价格战公开表态。"
    corpus = Corpus(
        sources=[Source(id="qx", file="q.md", title="价格战", publisher="P", language="zh-Hans")],
        speakers=SpeakerIndex([]),
        passages=[_figured("qx", text)],
    )
    query = QueryAnalysis(text="邵明川本人怎么看这轮价格战？", language="zh-Hans", kind="what")
    decision = decide(query, [Hit(corpus.by_id["qx:1.1"], 3.0, coverage=0.8, dense=0.6)], corpus)
    assert isinstance(decision, Abstention) and decision.reason == "declined"
    quiet = _corpus("Chief executive Soren Hallam has not commented on the accounting change in public.")
    asked = QueryAnalysis(
        text="What does Hallam think of the accounting change?", language="en", kind="stance"
    )
    verdict = decide(asked, [Hit(quiet.by_id["aurelis:1.1"], 3.0, coverage=0.8, dense=0.6)], quiet)
    assert isinstance(verdict, Abstention) and verdict.reason == "declined"


def test_what_someone_said_is_answered_though_they_would_not_name_one_detail() -> None:
    """ "…a letter of intent with one large AI customer for roughly 40% of that capacity, but would not name it"."""
    text = "She said it had signed a letter of intent with one AI customer for roughly 40% of that capacity, but would not name it."
    corpus = Corpus(
        sources=[Source(id="sv", file="s.md", title="Towers", publisher="P", language="en")],
        speakers=SpeakerIndex([]),
        passages=[_figured("sv", text)],
    )
    query = QueryAnalysis(
        text="What's Strandby's CEO saying about the big AI customer?", language="en", kind="what"
    )
    assert isinstance(
        decide(query, [Hit(corpus.by_id["sv:1.1"], 3.0, coverage=0.8, dense=0.6)], corpus), Evidence
    )


def test_a_company_no_article_names_is_not_answered_with_another_companys_figure(
    service: AnswerService,
) -> None:
    answer = service.ask("天枢云今年营收多少？")
    assert answer.abstained and not answer.citations


def test_what_a_merely_mentioned_person_said_is_not_answered(service: AnswerService) -> None:
    # The packaged articles name Elon Musk but never quote him; a full name the articles only mention
    # is refused the same way as one the speaker registry knows.
    answer = service.ask("What did Elon Musk say about AI spending?")
    assert answer.abstained and not answer.citations


def test_next_years_spending_is_not_answered_with_this_years_figure() -> None:
    text = "台积电今年的资本支出将落在420亿至450亿美元之间，高于年初的预期。"
    source = Source(id="tsmc", file="t.md", title="台积电", publisher="P", language="zh-Hans")
    passage = _figured("tsmc", text)
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([]), passages=[passage])
    query = QueryAnalysis(
        text="台积电明年的资本支出是多少?",
        language="zh-Hans",
        kind="how_much",
        wants_figure=True,
        units={"USD"},
        measures={"spending"},
    )
    decision = decide(query, [Hit(passage, 3.0, coverage=0.9, dense=0.6, reasons=["unit"])], corpus)
    assert isinstance(decision, Abstention) and decision.reason == "no_figure"


def test_another_organizations_estimate_in_an_article_about_a_company_is_not_that_companys_figure() -> None:
    text = "Bain & Company consultants estimate AI will need $2 trillion of annual revenue by 2030."
    source = Source(
        id="ai", file="a.md", title="OpenAI bets $500 billion on data centers", publisher="P", language="en"
    )
    bain = Speaker(name="Bain & Company", kind="organization", role="consultancy")
    openai = Speaker(name="OpenAI", kind="organization", role="AI lab")
    passage = _figured("ai", text, speaker="Bain & Company")
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([bain, openai]), passages=[passage])
    query = QueryAnalysis(
        text="What is OpenAI's revenue expected to be in 2030?",
        language="en",
        kind="how_much",
        wants_figure=True,
        units={"USD"},
        measures={"revenue"},
        entities=[openai],
        years=[2030],
    )
    decision = decide(query, [Hit(passage, 3.0, coverage=0.9, dense=0.6, reasons=["unit"])], corpus)
    assert isinstance(decision, Abstention) and decision.reason == "no_figure"


def test_a_valuation_question_is_not_answered_by_a_margin_that_fell() -> None:
    text = "Analysts estimate that Veridian's gross margin fell to about 31% this year."
    source = Source(id="veridian", file="v.md", title="Veridian cuts jobs", publisher="P", language="en")
    passage = _figured("veridian", text)
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([]), passages=[passage])
    query = QueryAnalysis(
        text="Veridian 这轮估值降到多少了？",
        language="zh-Hans",
        kind="how_much",
        wants_figure=True,
        units={"USD", "%"},
        measures={"valuation", "cut"},
    )
    decision = decide(query, [Hit(passage, 3.0, coverage=0.9, dense=0.6, reasons=["unit"])], corpus)
    assert isinstance(decision, Abstention) and decision.reason == "no_figure"


def test_a_comparison_with_a_company_no_article_names_is_not_answered(service: AnswerService) -> None:
    answer = service.ask("OpenAI跟同業天樞科技比，誰的估值比較高？")
    assert answer.abstained and not answer.citations and "天樞科技" in answer.answer


def test_a_chinese_person_no_article_names_is_refused_by_name(service: AnswerService) -> None:
    answer = service.ask("张三丰怎么看AI泡沫？")
    assert answer.abstained and not answer.citations and "张三丰" in answer.answer


def test_where_a_stock_is_trading_now_is_a_live_price_the_articles_cannot_give(
    service: AnswerService,
) -> None:
    answer = service.ask("where's Nvidia stock trading right now?")
    assert answer.abstained and not answer.citations


def _decide_how_much(text: str, question: str, language: str, measures: set[str]) -> Evidence | Abstention:
    """The decision on a how-much question (in USD) whose one candidate passage is `text`."""
    corpus = _corpus(text)
    passage = corpus.passages[0]
    passage.figures = find_figures(text)
    query = QueryAnalysis(
        text=question, language=language, kind="how_much", wants_figure=True, units={"USD"}, measures=measures
    )
    return decide(query, [Hit(passage, 3.0, coverage=0.9, dense=0.6, reasons=["unit"])], corpus)


def test_next_quarters_guidance_is_answered_and_not_refused_as_a_live_question() -> None:
    decision = _decide_how_much(
        "Aurelis guided next-quarter revenue to between $5.0 billion and $5.3 billion.",
        "Aurelis下一季營收財測區間是多少？",
        "zh-Hant",
        {"revenue"},
    )
    assert not (isinstance(decision, Abstention) and decision.reason == "live")


def test_the_per_share_price_of_a_staff_sale_is_answered_and_not_refused_as_a_live_quote() -> None:
    decision = _decide_how_much(
        "The tender prices shares at $42.70 each, against $61 in the March round.",
        "what's the per-share price in the staff sale vs what investors paid in March?",
        "en",
        {"price"},
    )
    assert isinstance(decision, Evidence) and decision.focus is not None and decision.focus.text == "$42.70"


def test_the_first_ranked_passage_in_the_other_language_with_the_asked_unit_answers_despite_thin_overlap() -> (
    None
):
    text = "期內股東應佔溢利按年上升18%至人民幣11.3億元，主要受惠內地晶圓廠擴產。"
    source = Source(id="kw", file="k.md", title="建嶸中期業績", publisher="P", language="zh-Hant")
    passage = _figured("kw", text)
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([]), passages=[passage])
    query = QueryAnalysis(
        text="how much did the profit grow in the first half?",
        language="en",
        kind="how_much",
        wants_figure=True,
        units={"%", "x"},
        measures={"growth"},
    )
    first = Hit(passage, 3.0, coverage=0.22, dense=0.26, reasons=["unit", "measure"])
    assert isinstance(decide(query, [first], corpus), Evidence)
    # the same passage ranked below another is not carried by its rank
    other = _figured("kw", "公司未有派息。", paragraph=2)
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([]), passages=[other, passage])
    second = Hit(passage, 2.9, coverage=0.22, dense=0.26, reasons=["unit", "measure"])
    decision = decide(query, [Hit(other, 3.1, coverage=0.1, dense=0.2), second], corpus)
    assert isinstance(decision, Abstention)


def test_a_figure_from_an_article_that_never_names_the_asked_campus_does_not_answer() -> None:
    mabry = Source(id="mabry", file="m.md", title="Mabry approves abatement", publisher="P", language="en")
    seed = Source(id="seed", file="s.md", title="OpenAI's compute goal", publisher="P", language="en")
    campus = "The commission approved a tax break for the Corrin Ridge campus, which will cost $11 billion."
    goal = "OpenAI's goal is to build 250 GW of computing capacity by 2033."
    passages = [_figured("mabry", campus), _figured("seed", goal)]
    corpus = Corpus(sources=[mabry, seed], speakers=SpeakerIndex([]), passages=passages)
    query = QueryAnalysis(
        text="how much power will corrin ridge need once it is built?",
        language="en",
        kind="how_much",
        wants_figure=True,
        units={"GW"},
        measures={"power"},
    )
    hit = Hit(passages[1], 3.0, coverage=0.6, dense=0.5, reasons=["unit", "measure"])
    decision = decide(query, [hit], corpus)
    assert isinstance(decision, Abstention) and decision.reason == "no_figure"


def test_now_and_a_year_ago_is_answered_by_the_passage_setting_the_two_side_by_side() -> None:
    source = Source(id="tess", file="t.md", title="Tessamere backlog", publisher="P", language="en")
    ceo = _figured(
        "tess",
        "Chief executive Fenna Rook told analysts on a conference call that liquid-cooling orders made up 58% of the "
        "backlog, against 35% a year ago, and that hyperscale cloud operators had placed most of them.",
        1,
        "Fenna Rook",
    )
    cfo = _figured(
        "tess",
        "He told analysts that contracts with price-adjustment clauses covered about 80% of the backlog, and that the "
        "company expected a gross margin of 34% to 35% next year, up from 31.5% this year.",
        2,
        "Silas Orme",
    )
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([]), passages=[ceo, cfo])
    query = QueryAnalysis(
        text="特萨米尔的积压订单里液冷占几成？一年前呢？",
        language="zh-Hans",
        kind="how_much",
        wants_figure=True,
        units={"%"},
        measures={"orders", "share"},
    )
    hits = [
        Hit(ceo, 3.1, coverage=0.41, dense=0.32, topic_coverage=0.45, reasons=["unit", "measure"]),
        Hit(cfo, 3.0, coverage=0.46, dense=0.32, topic_coverage=0.45, reasons=["unit", "measure"]),
    ]
    decision = decide(query, hits, corpus)
    assert isinstance(decision, Evidence) and decision.hits[0].passage is ceo


def test_where_a_margin_fell_this_quarter_is_not_answered_by_next_years_forecast() -> None:
    source = Source(id="jc", file="j.md", title="鉅岑熱控法說會", publisher="P", language="zh-Hant")
    forecast = _figured(
        "jc",
        "鉅岑財務長蔡佩然預估，墨西哥廠明年第二季良率可望拉升至9成，屆時毛利率將回到25%以上。",
        3,
        "Cai Peiran",
    )
    company = Speaker(name="鉅岑熱控", kind="organization", role="organization", aliases=("鉅岑", "钜岑"))
    reported = _figured("jc", "不過，第三季毛利率降至22.4%，低於第二季的26.1%，也不如法人預期。", 2)
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([company]), passages=[forecast, reported])
    query = QueryAnalysis(
        text="鉅岑這一季毛利率掉到哪裡？上一季又是多少？",  # asked_periods reads 這一季 as a quarter
        entities=[company],
        language="zh-Hant",
        kind="how_much",
        wants_figure=True,
        units={"%"},
        measures={"margin"},
        period="quarter",
    )
    hits = [
        Hit(
            forecast,
            3.8,
            coverage=0.5,
            dense=0.39,
            topic_coverage=0.58,
            reasons=["unit", "period", "measure"],
        ),
        Hit(reported, 3.3, coverage=0.5, dense=0.51, topic_coverage=0.58, reasons=["unit", "measure"]),
    ]
    decision = decide(query, hits, corpus)
    assert isinstance(decision, Evidence) and decision.hits[0].passage is reported


def _article(*texts: str, speaker: Speaker | None = None) -> Corpus:
    """One invented English article, a passage per sentence; the first sentence is the speaker's, if one."""
    source = Source(
        id="tolver",
        file="t.md",
        title="Tolver cuts prices",
        publisher="P",
        language="en",
        published=dt.date(2026, 11, 24),
    )
    passages = [
        _figured("tolver", text, paragraph=n, speaker=speaker.name if speaker and n == 1 else None)
        for n, text in enumerate(texts, start=1)
    ]
    return Corpus(sources=[source], speakers=SpeakerIndex([speaker] if speaker else []), passages=passages)


def test_a_figure_its_own_words_date_to_another_period_does_not_answer_the_period_asked() -> None:
    """'revenue for the fiscal year of $2.4 billion' and '$140 million in the third quarter' do not answer what
    revenue was in the second quarter; '第三季度单季净利润1.2亿元' does not answer the first nine months."""
    corpus = _article(
        "Tolver now expects revenue for the fiscal year of $2.4 billion.",
        "Agent revenue reached $140 million in the fiscal third quarter.",
    )
    hits = [Hit(p, 3.0, coverage=0.6, dense=0.5, reasons=["unit", "measure"]) for p in corpus.passages]
    query = QueryAnalysis(
        text="What was Tolver's revenue in the fiscal second quarter?",
        language="en",
        kind="how_much",
        wants_figure=True,
        units={"USD"},
        measures={"revenue"},
        quarters={2},
        period="quarter",
    )
    assert isinstance(decide(query, hits, corpus), Abstention)
    query.quarters, query.text = {3}, "What was Tolver's agent revenue in the fiscal third quarter?"
    decision = decide(query, hits, corpus)
    assert (
        isinstance(decision, Evidence)
        and decision.focus is not None
        and decision.focus.text == "$140 million"
    )


def test_a_refusal_in_the_answers_article_speaks_though_it_quotes_no_one_asked() -> None:
    """'What revenue does Tolver forecast for 2027?' is not answered by next year's hope when the article says
    'She declined to give a revenue forecast for 2027'."""
    tolver = Speaker(name="Tolver Systems", kind="organization", role="company")
    corpus = _article(
        "Tolver expects revenue to reach $60 million next year, from about $20 million this year.",
        "She declined to give a revenue forecast for 2027.",
        speaker=tolver,
    )
    hits = [
        Hit(corpus.passages[0], 3.5, coverage=0.3, dense=0.3, reasons=["speaker", "unit", "measure"]),
        Hit(corpus.passages[1], 3.0, coverage=0.9, dense=0.5),
    ]
    query = QueryAnalysis(
        text="What revenue does Tolver forecast for 2027?",
        language="en",
        kind="how_much",
        wants_figure=True,
        units={"USD"},
        measures={"revenue"},
        speakers=[tolver],
        years=[2027],
    )
    decision = decide(query, hits, corpus)
    assert isinstance(decision, Abstention) and decision.reason == "declined"


def test_which_firm_is_not_answered_by_a_passage_naming_no_other_firm() -> None:
    """'Which firm did the appraisal?' is not answered by 'an independent appraisal valued the fleet…', which names
    no firm but the one asked about; a passage naming the appraiser answers."""
    tolver = Speaker(name="Tolver Systems", kind="organization", role="company")
    appraiser = Speaker(name="Grisham Valuers", kind="organization", role="appraiser")
    source = Source(id="tolver", file="t.md", title="Tolver's chips", publisher="P", language="en")
    silent = "An independent appraisal in September valued Tolver's pledged fleet at about $5.9 billion."
    named = "Grisham Valuers did the appraisal of Tolver's pledged fleet, the filing shows."
    corpus = Corpus(
        sources=[source],
        speakers=SpeakerIndex([tolver, appraiser]),
        passages=[_figured("tolver", silent), _figured("tolver", named, paragraph=2)],
    )
    query = QueryAnalysis(
        text="Which firm did the September appraisal of Tolver's pledged GPUs?",
        language="en",
        kind="what",
        entities=[tolver],
    )
    first = [Hit(corpus.passages[0], 3.0, coverage=0.8, dense=0.5, reasons=["entity"])]
    assert isinstance(decide(query, first, corpus), Abstention)
    both = [*first, Hit(corpus.passages[1], 2.5, coverage=0.6, dense=0.5, reasons=["entity"])]
    decision = decide(query, both, corpus)
    assert isinstance(decision, Evidence) and decision.hits[0].passage.text == named


def test_what_an_unquoted_person_thinks_is_not_answered_by_another_figure() -> None:
    """'受托人X为什么投了反对票？她觉得应该减值多少？' about a trustee the article never quotes: no answer."""
    trustee = Speaker(name="Noreen Balfour", kind="person", role="trustee", quoted=False)
    corpus = _corpus("The board voted 9-2 to accept a 27% write-down of its stake.")
    corpus.passages[0].figures = find_figures(corpus.passages[0].text)
    query = QueryAnalysis(
        text="受托人诺琳·巴尔弗为什么投了反对票？她觉得应该减值多少？",
        language="zh-Hans",
        kind="how_much",
        wants_figure=True,
        units={"%"},
        unquoted=[trustee],
    )
    hits = [Hit(corpus.passages[0], 3.0, coverage=0.5, dense=0.5, reasons=["unit"])]
    decision = decide(query, hits, corpus)
    assert isinstance(decision, Abstention) and decision.reason == "unquoted"


def test_guidance_for_a_quarter_is_not_answered_by_what_revenue_has_passed() -> None:
    """'What is Tolver guiding for agent revenue in the fourth quarter?' is not answered by 'annualised agent revenue
    had passed $540 million'."""
    corpus = _article("He said annualised agent revenue at Tolver had passed $540 million.")
    hits = [Hit(corpus.passages[0], 3.0, coverage=0.6, dense=0.5, reasons=["unit", "measure"])]
    query = QueryAnalysis(
        text="What is Tolver guiding for agent revenue in the fourth quarter?",
        language="en",
        kind="how_much",
        wants_figure=True,
        units={"USD"},
        measures={"revenue"},
        quarters={4},
        period="quarter",
    )
    assert isinstance(decide(query, hits, corpus), Abstention)


def test_a_quarters_expected_margin_is_answered_by_what_the_officer_expects() -> None:
    """'财务长说第三季毛利率会到多少？' is answered by '第三季毛利率可望升至38.5%', though 可望 is no word of guidance."""
    source = Source(id="yaoguang", file="y.md", title="耀光法说会", publisher="P", language="zh-Hant")
    text = "耀光財務長林怡澄補充，公司第三季毛利率可望升至38.5%，創上市以來新高。"
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([]), passages=[_figured("yaoguang", text)])
    query = QueryAnalysis(
        text="耀光的財務長說第三季毛利率會到多少？",
        language="zh-Hant",
        kind="how_much",
        wants_figure=True,
        units={"%"},
        measures={"margin"},
        quarters={3},
        period="quarter",
    )
    hits = [Hit(corpus.passages[0], 3.0, coverage=0.6, dense=0.5, reasons=["unit", "measure", "period"])]
    decision = decide(query, hits, corpus)
    assert isinstance(decision, Evidence) and decision.focus is not None and decision.focus.text == "38.5%"


def test_how_someone_responded_is_not_answered_by_a_sentence_saying_they_have_not() -> None:
    corpus = _corpus("據了解，家族掌舵人周頌賢持有家族辦公室約71%權益，但未有就事件公開回應。")
    query = QueryAnalysis(text="周頌賢對被斬倉有咩回應？", language="zh-Hant", kind="what")
    decision = decide(query, [Hit(corpus.by_id["aurelis:1.1"], 3.0, coverage=0.8, dense=0.6)], corpus)
    assert isinstance(decision, Abstention) and decision.reason == "declined"
