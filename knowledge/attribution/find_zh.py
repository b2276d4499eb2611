"""Find the people and organizations of a Chinese article (text folded to Simplified, same length)."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_zh as lx
from knowledge.attribution.brokers_zh import UNNAMED_FIRM, add_brokers_zh
from knowledge.attribution.entities import ArticleEntities
from knowledge.attribution.orgs_zh import (
    SECTOR_END,
    add_org_zh,
    describe_org,
    has_org_tail,
    looks_like_org,
    org_before,
    org_named,
    plausible_org,
)
from knowledge.attribution.people_zh import (
    VERB,
    add_person_zh,
    everyday_word,
    name_after,
    repeated_name_after,
)
from knowledge.attribution.recurring_zh import add_recurring_companies
from knowledge.attribution.short_names_zh import HEREAFTER, add_short_names_zh
from knowledge.attribution.the_company_zh import (
    THE_COMPANY,
    THE_LEAD,
    mark_lead_investors,
    settle_the_company,
)

# "首席投资总监", "副总经理", "常务副总裁": a rank before a title is part of it, not the end of the company's name
_TITLE = (
    "(?:(?:首席|常务|常務|高级|高級|资深|資深|联席|聯席|执行|執行|代理|荣誉|榮譽|名誉|名譽)?副?(?:"
    + "|".join(sorted(lx.TITLES, key=len, reverse=True))
    + "))"
)
_TITLES = re.compile(rf"{_TITLE}(?:[兼暨及和]{_TITLE})*")
# Titles only a company has: bare, at a clause start, they name an officer of the article's company.
_CORPORATE_TITLE = re.compile(r"首席|执行长|财务长|营运长|技术长|董事长|总经理|总裁|发言人|董事会秘书|董秘")
# A Latin name after a title, with its Chinese form in brackets if the article gives one.
_LATIN_NAME = re.compile(
    r"\s*(?P<latin>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})(?:\s*[（(](?P<zh>[\u4e00-\u9fff·]{2,8})[）)])?"
    rf"(?=[（(，,。\s]|{VERB}|对|在|向)"
)
_PAREN_ORG = re.compile(
    r"(?P<zh>[\u4e00-\u9fff]{2,14})[（(]\s*(?P<latin>[A-Z][A-Za-z0-9.'’& -]{1,60}?)\s*[）)]"
)
_BOOK = re.compile(r"《(?P<name>[^》]{1,20})》")
_ACCORDING = re.compile(
    # ("智能数据有限公司…发布运营报告称": the 据 of 数据 cites nothing)
    r"(?:根据|(?<![数证占依])据|按照|援引)(?P<what>[^，。；：,;:]{2,30}?)(?:的)?(?:最新)?(?:"
    + "|".join(lx.REPORT_NOUNS)
    # "据研究机构棠溪研究统计": a report noun followed by another is the end of the name ("棠溪研究"), not the report
    + ")(?!"
    + "|".join(lx.REPORT_NOUNS)
    + ")(?=[，,。；：]|$|"
    + VERB
    + ")"
)
# The opening of a clause up to its speech verb ("澜石云宣布", "中金公司在最新研报中估计", "美国商务部在声明中称").
_CLAUSE_SUBJECT = re.compile(
    # "研调机构Corvale Optics Research统计": a firm in Latin letters of several words, after what it is; after a
    # quoted brand, blanked as speech ("应用“光匣”的运营方光匣科技发布公告称")
    # ("本报讯 琨汐股份日前发布公告称": after the paper's own dateline)
    r"(?:^(?:本[报刊]讯(?:[（(][^）)]{0,20}[）)])?)?|[，。；：,;:」”]|\s{2})\s*(?P<subject>[A-Za-z0-9\u4e00-\u9fff&·.（）()]{2,16}?|"
    r"[\u4e00-\u9fff]{0,6}[A-Z][A-Za-z0-9&.]*(?: [A-Z][A-Za-z0-9&.]*){1,4})(?:"
    + "|".join(sorted(lx.GAP_WORDS, key=len, reverse=True))
    + r"|在[^，。；：]{0,14}?(?:上|中|时|里)|最新(?:报告|研报)|上周|本周|上月|本月|近日|日前|今年|"
    # "梧野产研9月对园区逐层走访后发现", "栢堯資本發言人回覆本報查詢時表示": what it did before saying it
    + lx.ACTION_GAP
    + "|"
    + lx.DATE_GAP
    # ("对冲基金X发表公开信指": an open letter, a memo or an article it published)
    + r"|(?:发布|发表|公布)的?(?:一份|一封|最新)?[^，。；：]{0,8}?(?:报告|研报|研究|数据|公告|声明|通告|通报|公开信|致股东信|"
    r"信函|备忘录|白皮书|文章)[，,]?|)*"
    + "(?!说明书|声明书|证明书)(?P<verb>"  # "招募说明书显示": a document, not the verb 说明
    + VERB
    + ")(?!机构|公司|平台|部门)"  # "据电商数据监测机构观潮数据统计": a monitoring firm, not 电商数据 monitoring
)
# "印刷电路板厂联硕电路昨（20）日举行法说会": a company named by what it did on a date.
_ACTS_ON_A_DATE = re.compile(
    r"(?:^|[，。；：])(?P<subject>[^，。；：]{2,24}?)(?:" + lx.DATE_GAP + r")+"
    r"(?:举行|召开|举办|发布|发表|公布|宣布|披露|公告|通报|发出盈警|发出盈喜|发盈警|发盈喜|发出通告|发出盈利警告|发出盈利预告|"
    # "達晞資產管理昨日通知基金持有人": a manager writing to its fund's holders
    r"通知(?:基金)?(?:持有人|股东|投资者|客户)|"
    # "临江市中级人民法院11月20日对…作出一审判决": a court's ruling on a date
    r"对[^，。；：]{2,40}?(?:作出|做出)[^，。；：]{0,6}?(?:判决|裁定|裁决)|宣判|判决|裁定)"
)
# "工业视觉公司岚芯智能上周五在港挂牌": a company named by the listing it made on a date.
_LISTS_ON_A_DATE = re.compile(
    r"(?:^|[，。；：])(?P<subject>[^，。；：]{2,24}?)(?:上|本)?(?:" + lx.DATE_GAP + r")+"
    r"(?:正式)?(?:(?:在|于)[^，。；：]{1,8}?)?(?:挂牌|上市|招股|递表)"
)
# "澄海半导体的招股书显示": the company whose own filing speaks.
_FILES_A_DOCUMENT = re.compile(
    r"(?:^|[，。；：])(?P<subject>[^，。；：]{2,24}?)(?:的|在)(?:招股书|招股说明书|年报|财报|季报|半年报|公告|预案)"
)
# "产品副总裁", "技术总监": the department a title heads, opening the clause (no company named before it).
_DEPARTMENT = re.compile(
    r"(?:^|(?<=[，。；：、]))(?:产品|技术|销售|市场|营销|运营|财务|研发|人力资源|战略|投资者关系|公共关系|业务|海外业务|国际业务)部?$"
)
# "陇原智算是省内规模最大的民营运营商": a name described as a company.
_IS_A_COMPANY = re.compile(
    # "晶曜新能曾是…供应商之一": an adverb before 是 ("曾", "一直", "仍") is no part of the name
    r"(?:^|[，。；：])(?P<org>[\u4e00-\u9fffA-Za-z]{2,8}?)(?:曾经|曾|一直|仍然|仍|也|还|本来|原本|原来|早已|已)?是[^，。；“”「」]{0,24}?"
    r"(?:公司|企业|运营商|厂商|制造商|供应商|服务商|银行|基金|集团|平台|初创公司|新创)(?:之一)?[，。；]"
)


# "对冲基金Tarnmoor Partners发表公开信指": a firm written in Latin letters that publishes a letter or a report
_LATIN_PUBLISHER = re.compile(
    r"(?P<latin>[A-Z][A-Za-z0-9&.'’-]*(?: [A-Z][A-Za-z0-9&.'’-]*){0,4})(?:日前|近日|此前|最新|上周|本周)?"
    r"(?:发布|发表|公布)(?:了)?(?:一份|一封|最新)?[^，。；：]{0,8}?(?:公开信|声明|报告|研报|公告|备忘录|白皮书|文章)"
)
# "临澜市审计局日前公布的专项审计报告": who published the report the article goes on to cite
_PUBLISHES_REPORT = re.compile(
    r"(?:^|[，。；：])(?P<subject>[^，。；：]{2,24}?)(?:"
    + lx.DATE_GAP
    + r"|日前|近日|此前|最新|上周|本周|上月|本月|近期)*"
    r"(?:公布|发布|发表|出具|披露|提交|递交)的[^，。；：]{0,10}?(?:报告|研报|白皮书|调查)"
)


def _authored_by(org: str) -> bool:
    """Whether the words before "提交的报告" name its author: a company ending, or a body's short name of a few
    characters with no pronoun, function word or bare kind of party ("市人大财经委", not "该公司" or "他")."""
    if plausible_org(org, org, weak=False):
        return True
    return (
        3 <= len(org) <= 10
        and not re.search(r"[他她我你它]|该|这|那|其|^(?:公司|集团|机构|企业|政府)$", org)
        and not any(c in lx.FUNCTION_CHARS for c in org)
    )


# "客户主要是汽车工厂和物流企业": a common noun, or one an adverb ends, is what is described, not a company.
_NOT_A_NAME = re.compile(
    r"(?:主要|大多|大部分|多数|基本|目前|其实|也|都|均|仍|还|则|就|正|将|才|又)$|"
    r"^(?:客户|用户|订单|买家|卖家|股东|投资方|投资人|对象|目标|原因|问题|关键|重点|买方|卖方)"
)


# "泽川云廊数据中心REIT周三上市": a Chinese name ending in a listed fund's Latin tail is the fund.
_LISTED_FUND = re.compile(r"(?:^|[，。；：])(?P<org>[\u4e00-\u9fff]{2,12}(?:REIT|ETF))(?![A-Za-z])")


_EXCHANGE_NAME = re.compile(r"(?:上海|深圳|北京|香港|台湾)(?:证券|联合)?交易所|[上深北港]交所|联交所")


def discover_chinese(folded: list[str], written: list[str], entities: ArticleEntities) -> None:
    """Add to `entities` everyone the sentences introduce; `folded` is Simplified, `written` the original."""
    article = "".join(folded)
    letter = re.search("问询函|关注函|监管函", article)
    if letter:  # the exchange that sent it, as the article names it
        for text, original in zip(folded, written, strict=True):
            for match in _EXCHANGE_NAME.finditer(text):
                add_org_zh(entities, original[match.start() : match.end()])
        if not any(_EXCHANGE_NAME.search(t) for t in folded) and re.search(
            r"(?:^|[，。；：])交易所", article
        ):
            add_org_zh(entities, letter.group(0))  # "交易所在问询函中指出": the exchange, by its bare name
    for text, original in zip(folded, written, strict=True):
        add_brokers_zh(text, original, entities)
        for match in [
            *_ACTS_ON_A_DATE.finditer(text),
            *_LISTS_ON_A_DATE.finditer(text),
            *_FILES_A_DOCUMENT.finditer(text),
        ]:
            # "先进封装厂曜承先进封装（Yaocheng）19日举行法说会": the name before its bracketed Latin form
            bracket = re.search(r"[（(](?P<latin>[^（）()]*)[）)]$", match.group("subject"))
            if bracket and HEREAFTER.search(match.group("subject")):
                continue  # "岚鑫科技集团（下称「岚鑫」）昨日公布": the name and its short form, found below
            subject = match.group("subject")[: bracket.start()] if bracket else match.group("subject")
            org = org_before(subject)
            latin = bracket.group("latin") if bracket else None
            if latin is not None and not (re.fullmatch(r"[A-Za-z][\w.&'-]*", latin) or looks_like_org(latin)):
                latin = None  # "张三（Zhang San）": a person's spelling, not a company's
            # "根据公司披露的预案": a verb before the document is not its owner
            plausible = org is not None and (
                plausible_org(org, org, weak=False) or (latin is not None and len(org) <= 10)
            )
            if org and plausible and not re.search(VERB + "$", org):
                at = match.start("subject") + subject.rfind(org)
                add_org_zh(entities, original[at : at + len(org)], latin=latin)
        add_short_names_zh(text, original, entities)
        for match in _LISTED_FUND.finditer(text):
            if not re.search(rf"[{lx.FUNCTION_CHARS}这那该其此某档只]", match.group("org")):
                add_org_zh(entities, original[match.start("org") : match.end("org")])  # not "也带动这档ETF"
        for match in _IS_A_COMPANY.finditer(text):
            org = org_before(match.group("org"))
            if (
                org
                and org == match.group("org")
                and not re.search(r"[他她我你它这那其该]", org)
                and not _NOT_A_NAME.search(org)
            ):
                add_org_zh(entities, original[match.start("org") : match.end("org")])
        for match in _PAREN_ORG.finditer(text):
            zh, latin = match.group("zh"), match.group("latin")
            named = None
            for start in range(len(zh) - 1):
                person = name_after(text[match.start() + start :])
                if person and match.start() + start + len(person[0]) == match.start("latin") - 1:
                    named = person
                    break
            if named is not None and not looks_like_org(latin):
                at = match.start("latin") - 1 - len(named[0])
                add_person_zh(entities, original[at : at + len(named[0])], latin=latin)
            elif org_named(zh, entities) or has_org_tail(latin):
                org = org_before(zh)
                if org:
                    at = match.start("zh") + len(zh) - len(org)
                    add_org_zh(entities, original[at : at + len(org)], latin=latin)
        for match in _TITLES.finditer(text):
            named = name_after(text[match.end() :]) or repeated_name_after(
                text[match.end() :], article, text[match.start() : match.end()]
            )
            latin_named = _LATIN_NAME.match(text, match.end()) if named is None else None
            if (
                latin_named is not None
            ):  # "分析师Ryan Cho（曹承宇）认为", "投资总监Oliver Pemberton对本刊表示"
                zh_name = latin_named.group("zh")
                named = (
                    (zh_name, latin_named.group("latin")) if zh_name else (latin_named.group("latin"), None)
                )
            if named is None:
                continue
            name = (
                named[0] if latin_named is not None else original[match.end() : match.end() + len(named[0])]
            )
            # "阿尔马纳投资局（Almana Investment Authority）首席投资官": the organization is before the brackets
            # "弘远证券电力行业分析师": the sector the analyst covers is not part of the firm's name
            sector = SECTOR_END.search(text[: match.start()])
            cut = sector.start() if sector else match.start()
            cut = len(text[:cut].rstrip())  # "OpenAI CEO Sam Altman": the space is no part of the company
            kin, kin_org = re.search(r"(?:及其|和其|与其)$", text[:cut]), None
            if kin is not None:
                # "要求踏岳及其创始人兼CEO符景行…": the founder of the company named before 及其
                # (named in full before, "踏岳机器人", or by the short name it opens with, "踏岳")
                forms = [f for e in entities.entities if e.kind == "organization" for f in e.forms]
                before = original[: kin.start()]
                short = next(
                    (
                        n
                        for n in range(min(8, len(before)), 1, -1)
                        if any(f.startswith(before[-n:]) for f in forms)
                    ),
                    None,
                )
                cut = kin.start()
                kin_org = text[cut - short : cut] if short is not None else org_before(text[:cut])
            if text[:cut].endswith(("原", "前")) and re.search(r"[\u4e00-\u9fff]{2}.$", text[:cut]):
                cut -= 1  # "公司原董事长邵启明": a former chairman of the company, not of one called 公司原
            bracket = re.search(r"[（(][^（）()]{1,60}[）)]$", text[:cut])
            cut = bracket.start() if bracket else cut
            department = _DEPARTMENT.search(text[:cut])
            org = kin_org or (org_before(text[:cut]) if department is None else None)
            if re.search(r"[由被向对给让与和]$", text[:cut]):
                org = None  # "回购义务由创始人兼首席执行官阎晟个人承担": who bears it, at no firm called 回购义务
            if org and (UNNAMED_FIRM.fullmatch(org) or org in lx.NOT_NAMES):
                # "外资大行分析员冯晓晴": a big foreign bank, not one called 外资大行; "管理人负责人": a role's head
                org = None
            owner = org_before(text[: cut - 1]) if org is None and text[:cut].endswith("的") else None
            if owner is not None and (
                owner.endswith(tuple(lx.ORG_SUFFIXES)) or entities.find(owner) is not None
            ):
                # "领投方云岫资本的合伙人祁梦笙": a partner of the fund the possessive names
                org, cut = owner, cut - 1
            org_written = original[cut - len(org) : cut] if org else None
            written_title = original[match.start() : match.end()]
            if department is not None:
                # "产品副总裁唐潇": a department's title at the article's company, not a company called 产品
                org_written, written_title = THE_COMPANY, original[department.start() : match.end()]
            elif org_written:
                # "聿达执行长" after "聿达精密": the title belongs to the company already named, by its full name
                company = add_org_zh(entities, org_written)
                org_written = company.forms[0] if company is not None else org_written
            elif re.search("(?:" + "|".join(lx.ORG_ANAPHORA) + ")$", text[: match.start()]) or (
                _CORPORATE_TITLE.search(match.group(0))
                and not re.search(r"[\u4e00-\u9fff]$", text[: match.start()])
            ):
                # "該公司首席财务官周敏": the company just named; "財務長洪佳琪指出", "公司董事会秘书贺知远", with no
                # company or a bare 公司 before the title: the article's company, not a customer named since
                pointed = re.search("(?:该|这家?|本)[\u4e00-\u9fff]{1,2}$", text[: match.start()])
                org_written = THE_COMPANY if pointed else THE_LEAD
            add_person_zh(entities, name, latin=named[1], title=written_title, org=org_written)
        for match in _BOOK.finditer(text):
            if re.search(r"报道|称|指出|估计|报导", text[match.end() : match.end() + 6]):
                add_org_zh(entities, original[match.start("name") : match.end("name")])
        for match in _ACCORDING.finditer(text):
            # "根据仲量联行（JLL）的统计": the name before its bracketed Latin form
            what = re.sub(r"[（(][^（）()]*[）)]$", "", match.group("what")).strip("《》")
            # "根据公司此前发布的公告": who published it, not "此前发布"
            what = re.sub(r"(?:此前|之前|早前|日前|近日|最新)?(?:发布|公布|披露|发表|提供|出具)$", "", what)
            # "据禾岚人寿披露的三季度偿付能力报告": the one who disclosed it, not what kind of report it is
            # ("据X向投资人提供的财务资料": X, who gave them)
            what = re.split(
                r"(?:向[\u4e00-\u9fff]{1,6})?(?:此前|之前|早前|日前|近日|最新)?(?:发布|公布|披露|发表|提供|出具)的",
                what,
            )[0]
            # "根据公司向投资人提供的财务资料": 财务 says what kind of material, it publishes nothing
            org = None if re.search(r"的[\u4e00-\u9fff]{1,2}$", what) else org_before(what)
            if org and len(org) == 2 and everyday_word(org):
                org = None  # "按照基金销售文件": the fund's sales documents, by no firm called 销售
            if org and entities.find(org) is None and not any(m in org for m in lx.UNNAMED_MARKERS[:12]):
                at = match.start("what") + match.group("what").rfind(org)
                add_org_zh(entities, original[at : at + len(org)])
                describe_org(entities, original[at : at + len(org)], text[:at])
        for match in _CLAUSE_SUBJECT.finditer(text):
            subject = match.group("subject")
            person = name_after(text[match.start("subject") :])
            # "厉知远认为": a surname and two characters opening the clause is a person, named once or more
            whole = person is not None and len(person[0]) == 3 and subject == person[0]
            if person is not None and (
                article.count(person[0]) >= 2 or person[1] or "·" in person[0] or whole
            ):
                at = match.start("subject")
                add_person_zh(entities, original[at : at + len(person[0])], latin=person[1])
                continue
            title = _TITLES.search(subject)
            named_org = org_before(subject)
            if (
                title is not None
                and named_org
                and not named_org.isascii()
                and named_org.endswith(tuple(s for s in lx.ORG_SUFFIXES if len(s) >= 2))
                and title.start() >= len(subject) - len(named_org)
            ):
                title = None  # "竑衡律师事务所": a title inside the firm's own name
            if title is not None and title.end() < len(subject):
                continue  # a title followed by a name: the title rule above has the person
            subject = subject[: title.start()] if title is not None else subject
            subject = re.sub(
                r"(?<=..)方面$", "", subject
            )  # "临澜科创投资集团方面回应称": the group's side is the group
            if match.group("verb") in lx.REPORT_NOUNS:
                subject = re.sub(
                    r"(?<=..)的$", "", subject
                )  # "研究机构港衡研究的统计显示": the institute's count
            # "第三方投诉平台鸣镝投诉的数据显示": the platform's data shows
            subject = re.sub(r"(?<=..)的(?:数据|统计|调查|测算)$", "", subject)
            org = org_before(re.sub(r"[（(][^）)]*[）)]$", "", subject))
            if org and plausible_org(org, subject, match.group("verb") in lx.WEAK_VERBS):
                at = match.start("subject") + subject.find(org)
                add_org_zh(entities, original[at : at + len(org)])
                describe_org(entities, original[at : at + len(org)], text[:at])
        for match in _LATIN_PUBLISHER.finditer(text):
            if has_org_tail(match.group("latin")) and entities.find_any(match.group("latin")) is None:
                add_org_zh(entities, original[match.start("latin") : match.end("latin")])
        for match in re.finditer(VERB, text):
            before = text[: match.start()]
            named = None
            for start in range(max(0, len(before) - 4), len(before) - 1):
                candidate = name_after(text[start:])
                if (
                    candidate
                    and start + len(candidate[0]) == len(before)
                    and (
                        start == 0
                        or not re.match(r"[\u4e00-\u9fff]", before[start - 1])
                        or before[start - 1] in "」”"
                    )
                ):
                    named = candidate
                    break
            # A bare surname-led word before a verb is a name only if the article uses it again ("简短回答" is not).
            if named is not None and (article.count(named[0]) >= 2 or named[1] or "·" in named[0]):
                at = match.start() - len(named[0])
                add_person_zh(entities, original[at : match.start()], latin=named[1])
    add_recurring_companies(folded, written, entities)
    mark_lead_investors(entities, article)
    settle_the_company(entities, article)
    for text, original in zip(folded, written, strict=True):
        for match in _PUBLISHES_REPORT.finditer(text):
            # "临澜市审计局日前公布的专项审计报告显示": "审计报告还指出" later is the bureau's report
            org = org_before(match.group("subject"))
            author = entities.find_any(org) if org else None
            if author is None and org:
                # "华信研究院上周发布的报告": an organization already found, inside the words before the report
                author = next(
                    (
                        e
                        for e in entities.entities
                        if e.kind == "organization" and any(len(f) >= 2 and f in org for f in e.forms)
                    ),
                    None,
                )
            if author is None and org and _authored_by(org):
                # "市人大财经委此前提交的调研报告则指出": a committee named only as the report's author
                at = match.start("subject") + match.group("subject").rfind(org)
                author = add_org_zh(entities, original[at : at + len(org)])
            if author is not None and author.kind == "organization":
                author.author = True
