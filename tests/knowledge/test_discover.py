"""Unseen speakers: found from role-and-name and report patterns, merged by alias, then attributed."""

from __future__ import annotations

from knowledge.corpus import load_corpus
from knowledge.discover import discover_speakers
from knowledge.passages import Passage
from knowledge.sources import Source
from knowledge.speakers import Speaker, SpeakerIndex


def _source(text: str, language: str) -> Source:
    return Source(
        id="test-article",
        file="test.txt",
        title="t",
        publisher="Test Wire",
        language=language,  # type: ignore[arg-type]
        text=text,
    )


def _ingest(text: str, language: str) -> tuple[dict[str, Speaker], list[Passage], SpeakerIndex]:
    source = _source(text, language)
    new, _, _ = discover_speakers(source, load_corpus().speakers)
    corpus = load_corpus(extra=[source], speakers=new)
    return {s.name: s for s in new}, [p for p in corpus.passages if p.source_id == source.id], corpus.speakers


def _who(passages: list[Passage]) -> list[str | None]:
    return [p.speaker for p in passages]


def test_chinese_role_and_name_with_pronoun_carry_over() -> None:
    text = (
        "英伟达首席执行官黄仁勋表示，需求依然强劲。他说，公司本季度营收达到570亿美元。\n"
        "星海云首席财务官林雅琴则更加谨慎。她警告称，毛利率可能降至25%。"
    )
    speakers, passages, index = _ingest(text, "zh-Hans")
    # 黄仁勋 is in the domain gazetteer: one identity across scripts; 林雅琴 is new and gets a pinyin name.
    assert "CEO, Nvidia" in speakers["Jensen Huang"].role and speakers["Jensen Huang"].name_zh == "黄仁勋"
    assert speakers["Lin Yaqin"].role == "CFO, 星海云" and speakers["Lin Yaqin"].name_zh == "林雅琴"
    # "则更加谨慎" describes her mood without a speech verb: the reporter's sentence.
    assert _who(passages) == ["Jensen Huang", "Jensen Huang", None, "Lin Yaqin"]
    assert passages[1].figures[0].value == 57e9
    assert [s.name for s in index.find_by_role("What did Nvidia's CEO say?")] == ["Jensen Huang"]
    assert [s.name for s in index.find_by_role("星海雲的財務長怎麼看")] == ["Lin Yaqin"]


def test_a_latin_name_in_brackets_becomes_the_canonical_name() -> None:
    speakers, passages, _ = _ingest(
        "星海云首席执行官周立文（Kevin Zhou）周三表示，订单已排到明年。", "zh-Hans"
    )
    zhou = speakers["Kevin Zhou"]
    assert zhou.name_zh == "周立文" and {"周立文", "Zhou"} <= set(zhou.aliases)
    assert _who(passages) == ["Kevin Zhou"]


def test_english_name_then_role_and_surname_refers_back() -> None:
    text = (
        '"Demand is off the charts," said Jensen Huang, Nvidia\'s chief executive. '
        "Huang added that revenue would reach $65 billion next quarter.\n"
        "Kestrel Micro Devices reported a loss. Finance chief Omar Reyes cautioned that costs were rising. "
        '"We will spend $2.2 billion on supply deals," he said.'
    )
    speakers, passages, index = _ingest(text, "en")
    assert "CEO, Nvidia" in speakers["Jensen Huang"].role
    assert speakers["Omar Reyes"].role == "CFO, Kestrel Micro Devices"
    assert _who(passages) == ["Jensen Huang", "Jensen Huang", None, "Omar Reyes", "Omar Reyes"]
    assert [s.name for s in index.find_by_role("What did Kestrel's finance chief say?")] == ["Omar Reyes"]


def test_role_after_the_name_with_at_and_the_company() -> None:
    text = (
        "Corvane Systems raised its forecast. Priya Nandakumar, the company's chief executive, said demand "
        "was accelerating. Dana Whitfield, an analyst at Marlowe Securities, said prices had fallen 35%."
    )
    speakers, passages, _ = _ingest(text, "en")
    assert speakers["Priya Nandakumar"].role == "CEO, Corvane Systems"
    assert speakers["Dana Whitfield"].role == "analyst, Marlowe Securities"
    assert _who(passages) == [None, "Priya Nandakumar", "Dana Whitfield"]


def test_a_director_at_the_agency_works_for_the_rating_agency_named_before() -> None:
    text = (
        "Tarrow Cloud sold $9 billion of bonds. Holmfirth Ratings, which rates Tarrow A-, counts $60 billion of "
        'unstarted leases. "Leverage goes to about 3 times," said Nadia Brenner, a senior director at the agency.'
    )
    speakers, _, _ = _ingest(text, "en")
    assert ("director", "Holmfirth Ratings") in speakers["Nadia Brenner"].positions
    # an agency the article never named stays unknown, never the company the article is about
    alone, _, _ = _ingest(
        'Tarrow Cloud sold bonds. "It is fine," said Ivo Marsh, a director at the agency.', "en"
    )
    assert alone["Ivo Marsh"].positions == ()


def test_organizations_from_report_patterns() -> None:
    english = (
        "According to a report by the Halden Energy Institute, data centers could use 95 gigawatts by 2030. "
        "The institute estimated that utilities must invest $720 billion."
    )
    speakers, passages, _ = _ingest(english, "en")
    assert speakers["Halden Energy Institute"].kind == "organization"
    assert _who(passages) == ["Halden Energy Institute"] * 2
    chinese = "咨询机构华信研究院上周发布的报告估计，到2030年用电需求将达到190吉瓦。报告还指出，累计投入可能突破2万亿美元。"
    speakers, passages, _ = _ingest(chinese, "zh-Hans")
    assert speakers["华信研究院"].role == "consultancy" and speakers["华信研究院"].role_zh == "咨询机构"
    assert _who(passages) == ["华信研究院"] * 2


def test_known_speakers_are_merged_not_duplicated() -> None:
    text = (
        "OpenAI chief executive Sam Altman said investors were overexcited. "
        "Altman added that the technology was real."
    )
    speakers, passages, _ = _ingest(text, "en")
    assert speakers == {}
    assert _who(passages) == ["Sam Altman", "Sam Altman"]
    speakers, passages, _ = _ingest("OpenAI首席执行官萨姆·阿尔特曼此前曾表示，投资者过度兴奋。", "zh-Hans")
    assert speakers == {} and _who(passages) == ["Sam Altman"]


def test_a_surname_two_new_people_share_is_no_alias() -> None:
    text = (
        "Anna Lund, chief executive of Nordlys Capital, said rates were too high. "
        "Erik Lund, an analyst at Fjord Securities, said they were fine."
    )
    speakers, _, _ = _ingest(text, "en")
    assert "Lund" not in speakers["Anna Lund"].aliases and "Lund" not in speakers["Erik Lund"].aliases


def test_names_inside_quotes_are_not_new_speakers() -> None:
    speakers, _, _ = _ingest(
        '"I told chief executive Jane Doe it would fail," said Ruth Adler, an economist.', "en"
    )
    assert set(speakers) == {"Ruth Adler"}


def test_roles_the_title_list_does_not_know_and_names_after_a_place() -> None:
    text = (
        "Paul Mercer, the head of technology research at Calder Brothers, argued that revenue would grow. "
        "At a conference in Denver, Nadia Haddad, chief technology officer of the startup Lumen Forge, told "
        "the audience that costs had fallen tenfold. Haddad was unmoved by the critics."
    )
    speakers, passages, _ = _ingest(text, "en")
    assert speakers["Paul Mercer"].role == "head of technology research at Calder Brothers"
    assert speakers["Nadia Haddad"].role == "CTO, Lumen Forge"
    # "Haddad was unmoved by the critics" reports no words of hers: the reporter's sentence.
    assert _who(passages) == ["Paul Mercer", "Nadia Haddad", None]


def test_an_advisory_firm_behind_a_survey() -> None:
    text = (
        "Gartwell Research, an advisory firm, estimated in a survey published last week that 42% of companies "
        "had seen no return. The survey covered 1,800 companies."
    )
    speakers, passages, _ = _ingest(text, "en")
    assert speakers["Gartwell Research"].role == "advisory firm"
    # The survey's size is a count, not a figure of the firm's: the reporter's sentence.
    assert _who(passages) == ["Gartwell Research", None]


def test_a_known_company_named_in_chinese_with_its_english_name_gains_the_chinese_name() -> None:
    english = _source(
        "Harbourgate Data Holdings said on Thursday that 14 banks would lend it $3.6 billion.", "en"
    )
    first, _, _ = discover_speakers(english, load_corpus().speakers)
    library = SpeakerIndex([*load_corpus().speakers.speakers, *first])
    chinese = _source(
        "本港上市數據中心營運商港門數據（Harbourgate Data）昨日宣布供股，每股供股價3.1港元。", "zh-Hant"
    )
    new, named, renamed = discover_speakers(chinese, library)
    assert new == [] and named == ["Harbourgate Data Holdings"]
    [company] = renamed
    assert company.name == "Harbourgate Data Holdings" and company.name_zh == "港門數據"
    assert {"港門數據", "港门数据"} <= set(company.aliases)


def test_a_chinese_bank_an_english_article_named_by_its_romanized_name_is_the_same_speaker() -> None:
    known = Speaker(
        name="Chenggang Bank", kind="organization", role="Hong Kong lender", aliases=("Chenggang",)
    )
    source = _source("澄港银行表示，首三季财富管理收入按年增长30%。", "zh-Hant")
    new, named, renamed = discover_speakers(source, SpeakerIndex([known]))
    assert not [s for s in new if s.kind == "organization"]
    assert "Chenggang Bank" in named
    assert any(s.name == "Chenggang Bank" and "澄港银行" in s.aliases for s in renamed)


def test_a_company_a_chinese_paper_writes_by_sound_is_the_english_article_s_company() -> None:
    known = Speaker(name="Marrowgate Compute", kind="organization", role="GPU cloud", aliases=("Marrowgate",))
    source = _source("瑪羅蓋特表示，今年收入約5.2億美元。", "zh-Hant")
    new, named, renamed = discover_speakers(source, SpeakerIndex([known]))
    assert not [s for s in new if s.kind == "organization"]
    assert "Marrowgate Compute" in named
    assert any(s.name == "Marrowgate Compute" and "瑪羅蓋特" in s.aliases for s in renamed)
