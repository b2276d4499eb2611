"""The source a sentence cites: "according to X", 据…报道, "by her count", or the company's own filing."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_en as en
from knowledge.attribution import lexicon_zh as zh
from knowledge.attribution.discourse import DiscourseState, Item, described_by, resolve_item, subject_org
from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.attribution.org_in_play import current_org
from knowledge.attribution.unnamed import EN_GROUP, unnamed_en, unnamed_zh

_EN_OWN_DOCUMENT = re.compile(
    # "according to the alliance's testimony": a body in play by the word its name ends with
    r"\s*(?:(?:its|their|the (?:company|firm|bank|group|fund|lender|utility|start-up|startup|maker|insurer|alliance|"
    r"association|coalition|union|council|board|commission|committee|agency|authority|regulator|exchange|federation|"
    r"institute|ministry|department|pension|plan|system|trust|reinsurer|operator|developer|landlord|manager|"
    r"partnership|retirement fund|retirement system|pension fund)(?:'s|’s))\s+"
    r"(?:[\w-]+\s+){0,2}?(?:prospectus|filings?|presentations?|statements?|reports?|results|guidance|disclosures?|"
    r"releases?|accounts|figures|data|letters?|testimony|submissions?|memo|memorandum|minutes|survey|analysis)\b"
    # "according to a filing with the stock exchange": a filing or letter no author is named for is the company's
    r"|an?\s+(?:[\w-]+\s+){0,2}?(?:prospectus|filing|presentation|statement|letter|memo|memorandum|complaint|lawsuit|"
    r"petition)\b(?!\s+(?:by|from)\b)"
    # "according to a letter Halcyra sent to its lenders": the one named as sending it wrote it
    r"(?!\s+(?-i:[A-Z][\w&'’.-]*\s+){1,4}(?:sent|filed|wrote|published|released|issued|gave|provided|circulated|"
    r"submitted|distributed)\b))",
    re.I,
)
# "…, a loan document showed.": a document no author is named for, closing the sentence, is the company's
_EN_DOCUMENT_SHOWED = re.compile(
    # "…, its annual report showed.": the company's own report too; "…, the results showed.": its results
    r",\s+the\s+(?:[\w-]+\s+)?(?:results|accounts|release|filing)\s+(?:showed|shows|show)\b[^,;]{0,30}$|"
    r",\s+(?:a|an|its|their)\s+(?!court\b)(?:[\w-]+\s+){0,2}?(?:filing|document|presentation|statement|letter|memo|"
    r"memorandum|prospectus|contract|agreement|term sheet|report|accounts|results)s?\s+(?:showed|shows|show|said|says|stated|states|"
    r"indicated|indicates|revealed|reveals)\b[^,;]{0,30}$",
    re.I,
)
# "…, the repository's data showed.", "…, Halden Exchange figures show": a named source's numbers, closing the sentence
_EN_DATA_SHOWED = re.compile(
    r",\s+(?P<who>[^,;]{2,60}?)(?:'s|’s)?\s+(?:[\w-]+\s+)?(?:data|figures|records|statistics|numbers|tally|count)\s+"
    # "…, the repository's data showed, making Kelvory one of…": a participle may trail the source
    r"(?:showed|shows|show|indicated|indicates|revealed|reveals)\b(?=[^,;]{0,30}(?:$|,\s+[a-z]+ing\b))",
    re.I,
)
# "The authority's latest holdings disclosure shows it cut…": a sentence opened by an organization's own document
_EN_DOCUMENT_OPENS = re.compile(
    r"^\W*(?P<who>[^,;]{2,60}?)(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(?:disclosure|filing|report|data|figures|accounts|"
    r"results|statement|presentation|prospectus|records)s?\s+(?:showed|shows|show|said|says|indicated|indicates|"
    r"revealed|reveals)\b",
    re.I,
)
# "a letter to limited partners", "a memo to staff": a document an organization sent its own people
_EN_SENT_TO_HOLDERS = re.compile(
    r"\s*(?:a|an|the)\s+(?:[\w-]+\s+)?(?:letter|memo|note|report|presentation)\s+(?:sent\s+)?to\s+(?:its\s+)?"
    r"(?:limited partners|investors|shareholders|unitholders|bondholders|lenders|staff|employees|clients|customers)\b",
    re.I,
)
_EN_ACCORDING = re.compile(
    # "according to an analysis released on Monday by county auditor Delia Fenwright": the analysis's author
    r"\b(?:according to (?:a|an|the|its|their|new|recent) (?:[\w-]+ ){0,3}?(?:"
    + "|".join(en.REPORT_NOUNS)
    + r"|estimates?|calculations?|tally|count|audit|assessment|projections?|model|data|figures)"
    r"(?: (?!by\b)[\w,-]+){0,7}? by |"
    # "according to a presentation Vellamy gave to investors": the one who gave it
    r"according to (?:a|an|the) (?:[\w-]+ ){0,2}?(?:presentation|deck) (?=[A-Z])|"
    r"according to|by (?=\S+(?:'s|’s) count)|"
    # "Under a proposal circulated by Pembury, lenders would …": the terms are the proposer's
    r"(?:under|in) (?:a|the|its|their) (?:[\w-]+ )?(?:proposal|plan|offer|term sheet) (?:circulated|put forward|"
    r"made|drafted|sent|tabled|presented|floated) by )",
    re.I,
)
# "the fund tracker Vantage Flows": one word saying what kind of firm the name is (not "the fund sent to X")
_EN_KIND_WORD = re.compile(
    r"\s*(?:(?!(?:to|of|in|at|for|by|with|from|on|and|or|that|which)\b)[a-z][\w-]*(?<!ed)\s+)?"
)
# "people familiar with the fund's positions": what the unnamed sources know about, not who they are
_EN_TOPIC = re.compile(
    r"\b(?:people|persons?|sources?|officials?|executives?|bankers?|investors?)\b.*\b(?:familiar with|close to|"
    r"briefed on|involved in|knowledge of|aware of)\s+$"
)
# "By her count, only $60 million…": the estimate is the person the pronoun stands for.
_EN_BY_PRONOUN = re.compile(
    r"\b(?:by|in) (?P<pronoun>his|her|their|its) (?:own )?(?:count|estimates?|reckoning|calculations?|tally|math|maths|"
    r"view|telling)\b",
    re.I,
)
# "招股书显示", "根据公司披露的预案": a company's own filing or results, which speak for the company.
ZH_OWN_FILING = re.compile(
    # "视岚科技昨日晚间发布第三季度财报，公司当季营收18.6亿元": the results it published speak for it
    # "…（Hanbay Data Holdings）昨日公布截至9月30日止六个月的中期业绩，": a long description before, a period after
    r"(?:^|[，。；])[^，。；]{0,64}?(?:发布|公布|交出|发出|发|印发)了?[^，。；]{0,20}?(?:财报|业绩|年报|季报|半年报|业绩报告|盈警|盈喜|盈利警告|盈利预告|"
    # "澜原省发改委日前公布方案，设立规模200亿元的基金": a plan a body publishes is its word
    r"方案|预案|规划|实施办法|管理办法|通知)[，,]|"
    # "芥子网络科技11月20日发布的价格指数显示": what a company publishes speaks for it
    r"(?:^|[，。；])[^，。；]{0,40}?发布的[^，。；]{0,8}?(?:指数|数据|统计|报告)(?:显示|指出|披露)|"
    r"(?:^|[，。；])[^，。；]{0,40}?(?:招股书|招股说明书|招股文件|发售文件|招募说明书|募集说明书|发行说明书|扩募说明书|审计报告|财报|年报|季报|半年报|公告|通告|财务报表|预案|方案|材料|(?<!权益披露)资料|经营数据|业绩数据|财务数据|运营数据|(?:发布|公布|披露|提供)的[^，。；]{0,6}?数据|业绩报告|(?:[一二三四]季度|第[一二三四]季度|年度|半年度|中期|季度)报告|(?:中期|年度|全年|半年度?|季度)?业绩)(?:数据)?(?:同时|也|还|亦|则|又|并|进一步)?(?:仅|只)?(?:显示|披露|确认|指出|指|提到|提及|载明|写明)(?![后前])|"
    # "瑞晟证券昨（3）日召开法说会，公布前三季税后纯益…": what a company announces at its own briefing
    r"(?:^|[，。；])[^，。；]{2,40}?(?:举行|召开|举办)了?[^，。；]{0,8}?(?:法说会|业绩说明会|说明会|业绩发布会|发布会)[，,]"
    r"(?:并|会上|会中)?(?:公布|宣布|发布|披露)|"
    r"(?:^|[，。；])(?:根据|据|按照)(?:公司)?(?:法说会|业绩说明会|说明会|发布会|股东大会|投资者大会|电话会议?)(?:上的)?(?:简报|资料|材料|数据)?[，,]|"
    r"(?:^|[，。；])(?:根据|据|按照)(?:公司|该公司)[^，。；]{0,8}?(?:披露|发布|公布|提供)?的?"
    r"(?:招股书|财报|年报|公告|预案|方案|计划|财务资料|财务数据)|"
    # "根据招募说明书，该基金……": an offering document with no author named is the issuer's own
    r"(?:^|[，。；])(?:根据|据|按照)(?:其|该基金|该公司|公司)?(?:最新)?(?:招股书|招股说明书|招股文件|发售文件|招募说明书|募集说明书|"
    r"发行说明书|年报|财报|季报|半年报)[，,]"
)
_ZH_CITED = re.compile(
    r"[^，。；：]{0,10}?(?:" + "|".join(zh.REPORT_NOUNS) + "|" + "|".join(zh.SPEECH_VERBS) + ")"
)


def according(
    outside: str, items: list[Item], language: str, state: DiscourseState, entities: ArticleEntities
) -> Entity | None:
    """The source a sentence cites ("according to X", "据X报道", "by her count"), if it cites one."""
    by_pronoun = _EN_BY_PRONOUN.search(outside) if language == "en" else None
    if by_pronoun is not None:
        word = {"his": "he", "her": "she", "their": "they", "its": "it"}[by_pronoun.group("pronoun").lower()]
        last = state.speakers[0] if state.speakers else None
        if word == "it" and last is not None and last.kind == "organization":
            return last  # "Castellan counts it differently. By its tally, …": the one that just spoke
        pronoun = Item(by_pronoun.start("pronoun"), by_pronoun.end("pronoun"), None, "pronoun:" + word)
        return resolve_item(pronoun, state, entities, items)
    markers = (
        _EN_ACCORDING.finditer(outside) if language == "en" else re.finditer("根据|据|按照|援引", outside)
    )
    data = (
        _EN_DATA_SHOWED.search(outside.rstrip(". ")) or _EN_DOCUMENT_OPENS.match(outside)
        if language == "en"
        else None
    )
    if data is not None:
        source = [
            i
            for i in items
            if data.start("who") <= i.start and i.end <= data.end("who") and i.kind in ("name", "anaphora")
        ]
        if source:
            return resolve_item(source[-1], state, entities, items)
    showed = _EN_DOCUMENT_SHOWED.search(outside.rstrip(". ")) if language == "en" else None
    seen = False
    for marker in [*([showed] if showed is not None else []), *markers]:
        if marker is showed or (language == "en" and _EN_OWN_DOCUMENT.match(outside, marker.end())):
            # "…, according to its prospectus": the organization the sentence is about, or the article's.
            named = [
                i.entity
                for i in items
                if i.end <= marker.start() and i.entity is not None and i.entity.kind == "organization"
            ]
            # "Kestrel, a fund that …, has built …, according to its letter": the organization the sentence opens with
            opener = subject_org(items, outside)
            # "according to the bank's quarterly report": the bank in play, not the company named last
            owner = (
                re.match(r"\s*the ([a-z-]+)(?:'s|’s)", outside[marker.end() :])
                if marker is not showed
                else None
            )
            noun = owner.group(1) if owner is not None else ""
            # …among the organizations the sentence names, the one the noun describes ("the pension's")
            found = (
                opener
                or described_by(named, noun)
                or (named[-1] if named else current_org(state, entities, noun=noun))
            )
            if found is not None and re.match(
                r"\s*an?\s+(?:[\w-]+\s+){0,2}?(?:letter|memo|report|complaint|lawsuit|petition)\b",
                outside[marker.end() :],
            ):
                found.author = True  # "according to a letter the fund sent": "the letter" is later its
            return found
        if (
            language == "en"
            and _EN_SENT_TO_HOLDERS.search(marker.group(0))
            and re.search(r"\b(?:seen|obtained|reviewed) by\s*$", marker.group(0))
            and (opener := subject_org(items, outside)) is not None
        ):
            # "Quintavel cut …, according to a letter to limited partners seen by The Ledger": the letter is the
            # sentence's subject's own, to its investors ("the letter" later is theirs too)
            opener.author = True
            return opener
        if language != "en" and re.match(r"了解|悉|闻", outside[marker.end() :]):
            continue  # "据了解，主席X家族持有…": it is understood, from no one the sentence names
        for item in items:
            if not marker.end() <= item.start <= marker.end() + 30 or item.kind not in (
                "name",
                "document",
                "anaphora",
            ):
                continue
            if re.search(r"\b(?:seen|obtained|reviewed) by\s+(?:the\s+)?$", outside[: item.start]):
                seen = True  # "according to a list of lenders seen by Continental Credit Monitor": not its author
                continue
            if item.kind == "anaphora" and any(
                i.kind == "name"
                and i.start > item.end
                and re.fullmatch(_EN_KIND_WORD, outside[item.end : i.start])
                for i in items
            ):
                # "according to the research firm Statecraft Capital Monitor", "the fund tracker Vantage Flows":
                # the name it introduces
                continue
            if language == "en" and _EN_TOPIC.search(outside[marker.end() : item.start]):
                break  # "according to two people familiar with the fund's positions": unnamed people
            # "据报道 OpenAI …" is "reportedly": the source must be the one whose report or estimate is cited.
            cited = _ZH_CITED.match(outside[item.end : item.end + 16]) if language != "en" else None
            # "据接近X的人士透露": the people speak; "据X向投资人提供的资料": the investors only received it
            told = (
                re.sub(r"[向给对为][^，。；]{0,6}?(?=提供|发送|披露|出具|递交)", "", cited.group(0))
                if cited
                else ""
            )
            if cited is not None and any(g in told for g in zh.GROUP_NOUNS):
                return unnamed_zh(outside[marker.start() : item.end + cited.end()], entities)
            # "据回复公告，…": a document cited is its own report
            if language == "en" or cited is not None or item.kind == "document":
                return resolve_item(item, state, entities, items)
        if language == "en" and not seen:  # "according to one of the people": an unnamed source
            after = re.match(r"[\w\s'’-]{0,60}", outside[marker.end() :])
            if after and EN_GROUP.search(after.group(0)):
                return unnamed_en(after.group(0), entities)
    return None
