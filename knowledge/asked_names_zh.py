"""Names a Chinese question gives: the subject it opens with, a person after a title, a company it compares with
or describes."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_zh as zh_lexicon
from knowledge.scripts import fold

# The name a Chinese question opens with ("天枢云今年营收多少？"), up to a time word, 的 or a measure.
_CHINESE_TITLE = re.compile("|".join(sorted(zh_lexicon.TITLES, key=len, reverse=True)))
_CHINESE_SUBJECT = re.compile(
    r"^\s*(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,8}?)(?:今年|去年|明年|前年|上半年|下半年|第[一二三四]季|[一二三四]季度|"
    r"本季|上季|上一季|[0-9一二三四五六七八九十]{1,2}月|的|在|要|会|會|"
    r"营收|營收|收入|市值|估值|利润|利潤|花了|投了|有多少|是否|估计|估計|预计|預計|表示|认为|認為|说|說|讲|講|称|稱|透露|"
    # "蕤豐電子帳上現在有多少現金": where the money sits, and when, follow the name
    r"账上|帳上|账面|帳面|手上|手头|手頭|目前|现在|現在|现时|現時|而家)"
)
# Words that open a question without naming anyone: a region, a sector, a pronoun.
_GENERIC_SUBJECT = re.compile(
    r"全球|国内|國內|中国|中國|美国|美國|台湾|台灣|日本|欧洲|歐洲|公司|企业|企業|科技|行业|行業|"
    r"市场|市場|大厂|大廠|巨头|巨頭|他|她|我|你|这|這|那|哪|谁|誰|什么|什麼|大家|投资人|投資人"
)


_NOT_A_NAME_START = re.compile(
    r"^(?:按|如果|如|若|在|对|對|从|從|为|為|给|給|把|被|当|當|据|據|根据|根據|要是|是|有|没|沒|不|全|各|每|所)"
)


def titled_person(question: str) -> str | None:
    """A Chinese person the question names after a title ("江州市长刘建国"), if it names one."""
    folded = fold(question)
    title = _CHINESE_TITLE.search(folded)
    if title is None:
        return None
    # importing the name finder compiles its patterns: only when a question names a title
    from knowledge.attribution.people_zh import person_at

    return person_at(folded[title.end() :])


# "廖董", "王总": a surname and the short honorific reporters use for a chairman or a chief executive.
HONORIFIC = re.compile(r"([\u4e00-\u9fff])(董|总)")
HONORIFIC_TITLES = {"董": ("chair",), "总": ("ceo", "president", "general manager", "chair")}

# What a question asks a person it opens with: their view or words ("章启航怎么看…", "刘畅说…").
_ASKS_VIEW = re.compile(
    # Cantonese too: "霍启文点睇…" is what he thinks, "佢点讲" what he said
    r"怎么看|如何看|怎样看|怎么说|说|表示|认为|觉得|怎么评价|如何评价|怎么回应|如何回应|对.{1,16}(?:怎么|如何)|点睇|点讲|"
    r"讲过|话|"
    # "覃逸对这次回购纠纷是什么态度", "郑国铠对投顾降评有什么回应": their stance, their reply
    r"对.{1,12}?(?:是|持|抱|有|作)?(?:什么|啥|怎样的?|何种|何)(?:态度|看法|立场|反应|回应)"
)


def person_opening(question: str) -> str | None:
    """A Chinese person's name the question opens with when it asks what they think or said."""
    folded = fold(question)
    if not re.match(r"[\u4e00-\u9fff]{2,4}", folded):
        return None
    from knowledge.attribution.people_zh import person_at  # compiles its patterns: only for Chinese questions

    name = person_at(folded)
    return question[: len(name)] if name and _ASKS_VIEW.match(folded, len(name)) else None


# "嶸泰跟同業鈺晟電子比": the company a question compares with, written with a company ending
_COMPARED_WITH = re.compile(
    r"(?:跟|和|与|同|对比|相较于?)(?:同业|对手|竞争对手)?(?P<name>[\u4e00-\u9fff]{2,8}?)(?:相)?(?:比|相比|比较)"
)


def compared_company(question: str) -> str | None:
    """The company a Chinese question compares with, when its name ends like a company's ("鈺晟電子")."""
    match = _COMPARED_WITH.search(fold(question))
    if match is None:
        return None
    name = match.group("name")
    if "的" in name or re.match("[它其该这那自]", name):
        return None  # "跟它的并购基金比": its own fund, not another company
    ending = next((x for x in zh_lexicon.ORG_SUFFIXES if name.endswith(x) and len(name) > len(x) + 1), None)
    if ending is None:
        return None
    return _as_asked(question, match)


def chinese_subject(question: str) -> str | None:
    """The organization-like name a Chinese question opens with, if it names one."""
    return _subject_before_verb(question) or _opening_company(question)


def _subject_before_verb(question: str) -> str | None:
    """The name a Chinese question opens with, up to a time word, 的 or a measure, unless it is generic."""
    match = _CHINESE_SUBJECT.match(question)
    if match is None or match.group("name").isascii():
        return None
    name = match.group("name")
    if (
        _GENERIC_SUBJECT.search(name)
        or _NOT_A_NAME_START.match(name)
        or _KIND_OF_PARTY.fullmatch(fold(name))
        or _KIND_OF_BODY.search(fold(name))
    ):
        return None
    if fold(question)[match.end("name") : match.end("name") + 1] == "会" and fold(name).endswith("委员"):
        return None  # "水務委員會主席派克…": 會 ends 委員會, a body described, before the person asked about
    return match.group("name")


# "琛嶼智能配股折讓幾多": a brand of two characters and a company ending, whatever the question goes on to ask
_OPENING_COMPANY = re.compile(
    r"^\s*(?P<name>[\u4e00-\u9fff]{2}(?:"
    + "|".join(sorted((x for x in zh_lexicon.ORG_SUFFIXES if len(x) >= 2), key=len, reverse=True))
    + "))"
)


def _opening_company(question: str) -> str | None:
    """A company name a Chinese question opens with that no time word or measure follows, in the asker's script;
    a first pair Chinese writes as a word ("国产芯片", "人工智能") or a market ("港股科技") is no brand."""
    from knowledge.zh_dictionary import tokenizer  # the dictionary is mapped only when needed

    match = _OPENING_COMPANY.match(fold(question))
    if match is None:
        return None
    brand = match.group("name")[:2]
    if brand in zh_lexicon.NOT_BRANDS or _GENERIC_SUBJECT.search(brand) or _NOT_A_NAME_START.match(brand):
        return None
    if _MARKET.match(brand) or tokenizer().FREQ.get(brand, 0) >= _WORD:
        return None
    return _as_asked(question, match)


# jieba's count above which a pair is a word ("国产" 773, "开源" 70), not a brand (琛屿 none, 天枢 3)
_WORD = 30
_MARKET = re.compile(r"[美港台日韩欧A]股|科创|中概|创业")


# Subjects that say what kind of party speaks, not which: "开发商说…", "监管机构认为…" ("恒曦银行" is a name).
_KIND_OF_PARTY = re.compile(
    r"(?:那家|这家|该|那个|这个|那位|这位)?(?:(?:开发|运营|供应|承包|经销|制造|服务|分销|代理|发行)商|监管机构|监管部门|"
    r"银行|券商|基金|投资者|投资人|分析师|股东|客户|用户|居民|农民|员工|租户)"
)
# …and a body described by its field: "水务委员会", "董事会".
_KIND_OF_BODY = re.compile(r"(?:委员会?|董事会|当局|政府|协会|工会)$")


# "分销商岱澜电子", "同业鈺晟電子", "医疗AI新股思瞳医疗": a company name right after what it is, ending like a company's
_DESCRIBED_COMPANY = re.compile(
    r"(?:[商司行厂头企]|同业|对手|平台|机构|新股)(?P<name>[\u4e00-\u9fff]{2}(?:"
    + "|".join(sorted((x for x in zh_lexicon.ORG_SUFFIXES if len(x) >= 2), key=len, reverse=True))
    + "))"
)


def described_company(question: str) -> str | None:
    """A company a Chinese question names after saying what it is ("港股另一家芯片分销商岱澜电子"), in the asker's
    script."""
    folded = fold(question)
    match = _DESCRIBED_COMPANY.search(folded)
    if (
        match is None
        or match.group("name")[:2] in zh_lexicon.NOT_BRANDS
        # "GPU云厂商拿芯片…": 商 ends the word 厂商, it starts no name
        or re.match(r"[它其该这那自本各每商司行厂头企]", match.group("name"))
    ):
        return None
    return _as_asked(question, match)


def _as_asked(question: str, match: re.Match[str]) -> str:
    """A name found in the folded question, in the asker's own script ("鈺晟電子") where folding kept its length."""
    return (
        match.group("name")
        if len(fold(question)) != len(question)
        else question[match.start("name") : match.end("name")]
    )
