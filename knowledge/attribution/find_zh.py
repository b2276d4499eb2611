"""Find the people and organizations of a Chinese article (text folded to Simplified, same length)."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_zh as lx
from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.places import places_in
from knowledge.scripts import to_simplified

SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛"
    "邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝"
    "路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂"
    "全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝洪区屠丘"
    "赖萧傅阎郁蔺邰钮鞠逯仝桓郜尉阚封储荆阙匡晁巢郦邴奚禹狄湛冼訾竺芮羿宓鄢粟缑亢扈谯庾郗"
)
COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "令狐",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    # Japanese family names, as Chinese business news writes the executives of Japanese companies
    "中村",
    "山下",
    "田中",
    "山本",
    "佐藤",
    "铃木",
    "高桥",
    "渡边",
    "伊藤",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "松本",
    "井上",
    "木村",
    "清水",
    "山口",
    "斋藤",
    "坂本",
    "石川",
    "前田",
    "藤田",
    "冈田",
    "后藤",
    "村上",
    "近藤",
    "青木",
    "中岛",
    "宫崎",
    "丰田",
    "柳井",
)
_TITLE = "(?:" + "|".join(sorted(lx.TITLES, key=len, reverse=True)) + ")"
_TITLES = re.compile(rf"{_TITLE}(?:[兼暨及和]{_TITLE})*")
_SECTOR_END = re.compile(
    # "华曦证券计算机行业分析师": after a firm's generic ending, the whole sector however long its name
    r"(?:(?<=证券)|(?<=资本)|(?<=银行)|(?<=研究)|(?<=研究院)|(?<=咨询)|(?<=投资)|(?<=控股)|(?<=集团)|(?<=国际))"
    r"(?:[\u4e00-\u9fff]{2,6}(?:行业|产业|板块)|消费电子|半导体|电子|计算机|通信|汽车|传媒|医药|新能源|能源|电力设备|"
    r"电力|公用事业|互联网|科技|硬件|软件|机械|化工|房地产|地产|家电|军工|钢铁|煤炭|交通运输|物流|零售|消费|食品饮料)$|"
    r"(?<=..)(?:(?:亚太区|亚洲区|大中华区|中国区|北美区|欧洲区|全球)?[\u4e00-\u9fff]{2}(?:行业|产业|板块)|"
    r"亚太区|亚洲区|大中华区|中国区|北美区|欧洲区)$"
)
# Titles only a company has: bare, at a clause start, they name an officer of the article's company.
_CORPORATE_TITLE = re.compile(r"首席|执行长|财务长|营运长|技术长|董事长|总经理|总裁|发言人|董事会秘书|董秘")
_VERB = "(?:" + "|".join(sorted(lx.SPEECH_VERBS, key=len, reverse=True)) + ")"
# What may follow a person's name.
_AFTER_NAME = re.compile(
    rf"{_VERB}|关于|对于|有关|等人|在|于|周[一二三四五六日]|[0-9一二三四五六七八九十]+月|本月|上月|日前|近日|今天|"
    rf"今日|昨天|昨日|上周|本周|此前|早前|曾|也|则|还|对|向|就|将|已|正|最近|接受|通过|先生|女士|博士|"
    rf"等|和|与|及|的|会后|会上|受访|来台|来华|近期|目前|本人|持有|仍|一直|已经|早已|很少|并未|没有|"
    rf"负责|主管|主导|带领|率队|率领|出席|缺席|未|亲自|兼任|[（(，,。、；;：:“”「」\s]|$"
)
# In a question a name is also followed by how it is asked about ("刘建国怎么评价…").
_AFTER_NAME_IN_QUESTION = re.compile(
    _AFTER_NAME.pattern + "|怎么|怎样|如何|为什么|为何|是否|有没有|评价|看待|说过|讲|谈"
)
_LATIN_AFTER = re.compile(r"^[（(]\s*([A-Z][A-Za-zÀ-ÖØ-öø-ÿ.'’& -]+?)\s*[）)]")
# A Latin name after a title, with its Chinese form in brackets if the article gives one.
_LATIN_NAME = re.compile(
    r"\s*(?P<latin>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})(?:\s*[（(](?P<zh>[\u4e00-\u9fff·]{2,8})[）)])?"
    rf"(?=[（(，,。\s]|{_VERB}|对|在|向)"
)
_FOREIGN = re.compile(r"[\u4e00-\u9fff]{1,5}·[\u4e00-\u9fff]{1,6}")
_PAREN_ORG = re.compile(
    r"(?P<zh>[\u4e00-\u9fff]{2,14})[（(]\s*(?P<latin>[A-Z][A-Za-z0-9.'’& -]{1,60}?)\s*[）)]"
)
_BOOK = re.compile(r"《(?P<name>[^》]{1,20})》")
_ACCORDING = re.compile(
    r"(?:根据|据|按照|援引)(?P<what>[^，。；：,;:]{2,30}?)(?:的)?(?:最新)?(?:"
    + "|".join(lx.REPORT_NOUNS)
    # "据研究机构棠溪研究统计": a report noun followed by another is the end of the name ("棠溪研究"), not the report
    + ")(?!"
    + "|".join(lx.REPORT_NOUNS)
    + ")(?=[，,。；：]|$|"
    + _VERB
    + ")"
)
# The opening of a clause up to its speech verb ("澜石云宣布", "中金公司在最新研报中估计", "美国商务部在声明中称").
_CLAUSE_SUBJECT = re.compile(
    r"(?:^|[，。；：,;:」”])\s*(?P<subject>[A-Za-z0-9\u4e00-\u9fff&·.（）()]{2,16}?)(?:"
    + "|".join(sorted(lx.GAP_WORDS, key=len, reverse=True))
    + r"|在[^，。；：]{0,14}?(?:上|中|时|里)|最新(?:报告|研报)|上周|本周|上月|本月|近日|日前|今年|"
    + lx.DATE_GAP
    + r"|(?:发布|发表|公布)的?(?:一份|最新)?[^，。；：]{0,8}?(?:报告|研报|研究|数据)|)*"
    + "(?!说明书|声明书|证明书)(?P<verb>"  # "招募说明书显示": a document, not the verb 说明
    + _VERB
    + ")"
)
# "印刷电路板厂联硕电路昨（20）日举行法说会": a company named by what it did on a date.
_ACTS_ON_A_DATE = re.compile(
    r"(?:^|[，。；：])(?P<subject>[^，。；：]{2,24}?)(?:" + lx.DATE_GAP + r")+"
    r"(?:举行|召开|举办|发布|公布|宣布|披露|公告|通报)"
)
# "澄海半导体的招股书显示": the company whose own filing speaks.
_FILES_A_DOCUMENT = re.compile(
    r"(?:^|[，。；：])(?P<subject>[^，。；：]{2,24}?)(?:的|在)(?:招股书|招股说明书|年报|财报|季报|半年报|公告|预案)"
)
_DESCRIPTORS = re.compile(
    r"^.*?(?:基金管理人|管理人|分销商|经销商|代理商|开发商|服务商|提供商|承包商|集成商|零售商|贸易商|租赁商|设备商|渠道商|"
    r"代工厂|代工大厂|大厂|厂商|品牌|供应商|机构|之一|巨头|龙头|初创公司|初创|领投方|跟投方|投资方|平台|旗下|券商|投行|智库|"
    r"媒体|主权基金|基金|研究机构|市场研究机构|咨询公司|制造商|运营商|企业|业者|银行|集团|城商行|农商行|商业银行|新创|"
    r"上市公司|公司|营运商|厂)(?=.{2,})"
)
_LEADING = re.compile(
    r"^(?:而|但|据|不过|另外|此外|同时|其中|就连|包括|由|与|和|对|在|当|则|也|还|是|根据|按照|"
    r"周[一二三四五六日]|今天|昨天|日前|近日|上周|本周|此前|最近|今年|去年|国内|国外|全球|行业|"
    r"[0-9]+月|本月|上月)+"
)


def _name_after(text: str, after: re.Pattern[str] = _AFTER_NAME) -> tuple[str, str | None] | None:
    """A person's name at the start of text, and its Latin spelling in brackets after it if any."""
    foreign = _FOREIGN.match(text)
    options: list[str] = []
    if foreign:
        first, _, rest = foreign.group(0).partition("·")
        cut = after.search(rest, 1)
        rest = rest[: cut.start()] if cut and cut.start() > 0 else rest
        options = [f"{first}·{rest[:n]}" for n in range(len(rest), 0, -1)]
    elif text[:2] in COMPOUND_SURNAMES:
        options = [text[:4], text[:3]]
    elif text[:1] in SURNAMES:
        options = [text[:3], text[:2]]
    for name in options:
        if (
            len(name) >= 2
            and name not in lx.NOT_NAMES
            and re.fullmatch(r"[\u4e00-\u9fff·]+", name)
            and after.match(text[len(name) :])
        ):
            two = after.match(text[2:]) if len(name) == 3 and not foreign else None
            if two is not None and two.group(0).strip("（(，,。、；;：:“”「」 "):
                name = name[:2]  # "周敏说": the third character starts the verb
            latin = _LATIN_AFTER.match(text[len(name) :])
            return name, latin.group(1).strip() if latin else None
    return None


def person_at(text: str) -> str | None:
    """The Chinese person's name a text starts with ("刘建国怎么评价…" -> "刘建国"), if it starts with one."""
    named = _name_after(text, _AFTER_NAME_IN_QUESTION)
    return named[0] if named else None


def org_before(text: str) -> str | None:
    """The organization named right before an offset: "伺服器代工厂泓鼎科技" -> "泓鼎科技"."""
    match = re.search(r"([A-Za-z0-9\u4e00-\u9fff&·.]+(?: [A-Za-z0-9&.]+)*)$", text.rstrip())
    if not match:
        return None
    run = _LEADING.sub("", match.group(1)).strip()
    run = run.rsplit("的", 1)[-1]  # "在香港上市的苏澜银行": a modifier ending in 的 is not part of the name
    while (stripped := _DESCRIPTORS.sub("", run)) != run:
        run = stripped  # "主要设备供应商之一弘钛精机": every description before the name
    sector = _SECTOR_END.search(run)
    run = run[: sector.start()] if sector else run  # "明衡证券消费电子(分析师)": the firm, not what it covers
    if len(run) >= 3 and run[-1] in "由被经":
        run = run[:-1]  # "崇远由董事长林正雄创立": 由 says who founded it, it is not part of the name
    if len(run) > 10 and not run.isascii():
        run = run[-6:]
    return (
        run
        if len(run) >= 2 and run not in lx.ORG_ANAPHORA and run not in {"该", "这", "其", "他", "她"}
        else None
    )


def _org_named(zh: str, entities: ArticleEntities) -> bool:
    """Whether the words before a bracketed Latin name are an organization ("…投资局（…）"), not a product ("HBM")."""
    return (
        any(zh.endswith(x) for x in (*lx.ORG_SUFFIXES, "组织", "协会", "机构"))
        or entities.find_any(zh) is not None
    )


def _plausible_org(org: str, subject: str, weak: bool) -> bool:
    """Whether the words before a verb name an organization: a company ending, Latin letters, or a short clean name."""
    if re.search(r"[他她我你它]|该|这|那|其|此|一位|一名|某|^第", org) or any(
        g in org for g in lx.GROUP_NOUNS
    ):
        return False
    if any(org.endswith(x) for x in lx.ORG_SUFFIXES) or re.fullmatch(
        r"[A-Za-z0-9&. ]+[\u4e00-\u9fff]{0,2}", org
    ):
        return True
    # "评级机构嘉穗评级表示": a description before the name says it is an organization
    described = subject != org and _DESCRIPTORS.sub("", subject) == org
    short = (described or not weak) and len(org) <= 4
    return (org == subject or described) and short and not any(c in lx.FUNCTION_CHARS for c in org)


def _looks_like_org(latin: str) -> bool:
    """Whether a Latin name in brackets is an organization's: an acronym, a company word, or not two or three words."""
    words = latin.split()
    tails = {
        "capital",
        "group",
        "bank",
        "securities",
        "research",
        "partners",
        "fund",
        "holdings",
        "technology",
        "technologies",
        "inc",
        "corp",
        "ventures",
        "investment",
        "authority",
        "management",
        "sachs",
        "stanley",
    }
    return not 2 <= len(words) <= 3 or any(w.isupper() or w.lower() in tails for w in words)


def add_person_zh(
    entities: ArticleEntities,
    written: str,
    *,
    latin: str | None = None,
    title: str | None = None,
    org: str | None = None,
) -> Entity:
    """Add a person named in Chinese (and in Latin letters if the article gives them)."""
    forms = [written] + ([latin] if latin else [])
    short: tuple[str, ...] = ()
    if "·" in written:
        short = (written.split("·")[-1],)
    if latin and " " in latin:
        short += (latin.split()[-1],)
    gender = "f" if title and "女" in title else None
    person = Entity(
        kind="person",
        name=latin or written,
        forms=forms,
        name_zh=written,
        title=title,
        org=org,
        role_zh=f"{org or ''}{title or ''}" or None,
        gender=gender,
    )
    return entities.add(person, short=short)


# What kind of organization a descriptor before its name says it is ("咨询机构华信研究院").
DESCRIPTORS_EN = {
    "咨询机构": "consultancy",
    "咨询公司": "consultancy",
    "研究机构": "research firm",
    "市场研究机构": "market research firm",
    "调研机构": "research firm",
    "智库": "think tank",
    "投行": "investment bank",
    "券商": "brokerage",
    "行业媒体": "trade publication",
    "媒体": "media outlet",
    "主权基金": "sovereign wealth fund",
    "评级机构": "rating agency",
}
_DESCRIPTOR_END = re.compile("(" + "|".join(sorted(DESCRIPTORS_EN, key=len, reverse=True)) + ")$")


def describe_org(entities: ArticleEntities, name: str, before: str) -> None:
    """Record what the words right before an organization's name say it is ("咨询机构" -> consultancy)."""
    match = _DESCRIPTOR_END.search(before)
    entity = entities.find_any(name)
    if match and entity is not None and entity.role is None:
        entity.role_zh, entity.role = match.group(1), DESCRIPTORS_EN[match.group(1)]


# "招股书披露": a company's own document and what it discloses, never an organization's name
_FILING_WORD = re.compile(r"招股书|招股说明书|招募说明书|财报|年报|季报|公告|材料|资料|(?:显示|披露)$")


# A description before a company's name: "眼镜公司", "地产顾问", "数据中心营运商".
_DESCRIBED = re.compile(
    r"^[\w]{1,8}?(?:公司|顾问|营运商|运营商|开发商|制造商|供应商|厂商)(?=[\u4e00-\u9fff]{4,}$)"
)
# "产品副总裁", "技术总监": the department a title heads, opening the clause (no company named before it).
_DEPARTMENT = re.compile(
    r"(?:^|(?<=[，。；：、]))(?:产品|技术|销售|市场|营销|运营|财务|研发|人力资源|战略|投资者关系|公共关系|业务|海外业务|国际业务)部?$"
)
_TRADITIONAL_SUFFIXES = ("顧問", "電子", "數據", "科技", "控股")


def _abbreviated(written: str, entities: ArticleEntities) -> Entity | None:
    """The organization a Chinese name shortens: its characters in order, from the same first two."""
    key = to_simplified(written)
    for entity in entities.entities:
        if entity.kind != "organization" or len(key) < 3:
            continue
        for form in (to_simplified(f) for f in entity.forms):
            if len(form) > len(key) and form[:2] == key[:2] and form != key and _in_order(key, form):
                return entity
    return None


def _in_order(short: str, full: str) -> bool:
    rest = iter(full)
    return all(char in rest for char in short)


def add_org_zh(entities: ArticleEntities, written: str, *, latin: str | None = None) -> Entity | None:
    """Add an organization named in Chinese; its first two characters are a short form when the name is long."""
    if len(written) > 3 and to_simplified(written).endswith("方面"):
        written = written[:-2]  # "芯澜方面回应称": the company's side is the company
    described = _DESCRIBED.match(to_simplified(written))
    if described and any(written.endswith(x) for x in (*lx.ORG_SUFFIXES, *_TRADITIONAL_SUFFIXES)):
        written = written[
            described.end() :
        ]  # "AI眼镜公司岚瞳科技", "地产顾问嘉衡顾问": what it is, then its name
    if (
        written in lx.ORG_ANAPHORA
        or to_simplified(written).endswith(lx.EVENT_NOUNS)
        or written in lx.DOCUMENT_ANAPHORA
        or written in lx.REPORT_NOUNS
        or len(written) < 2
        or _FILING_WORD.search(to_simplified(written))
    ):
        return None
    # "集邦科技" is also "集邦"; a name with no generic ending ("海湾资本评论") has no safe short form.
    suffix = next((x for x in sorted(lx.ORG_SUFFIXES, key=len, reverse=True) if written.endswith(x)), "")
    core = written[: len(written) - len(suffix)] if suffix else ""
    short: tuple[str, ...] = (
        (core,) if len(core) >= 2 and not written.isascii() and core not in lx.GENERIC_WORDS else ()
    )
    if _brand(written):
        short += (written[:2],)  # "瀚灣數據控股" is "瀚灣" in the next paragraph
    local = _LOCAL_BODY.match(to_simplified(written))
    if local:
        short += (written[local.start("level") :],)  # "崇澜市数据资源局" is "市数据资源局" once named
    full = _abbreviated(written, entities)
    if full is not None:  # "南屿传媒" after "南屿出版传媒集团": the same company, shortened
        return entities.add(
            Entity(kind="organization", name=full.name, forms=[full.forms[0], written]), short=short
        )
    known = entities.find_any(written)
    if known is not None:
        return entities.add(
            known, short=short
        )  # a library speaker written in full here is also its short form
    forms = [written] + ([latin] if latin else [])
    return entities.add(
        Entity(kind="organization", name=latin or written, forms=forms, name_zh=written), short=short
    )


# A city's or province's own body: "崇澜市数据资源局", "澜原省发展和改革委员会".
_LOCAL_BODY = re.compile(
    r"[\u4e00-\u9fff]{2,3}(?P<level>[市省县区])[\u4e00-\u9fff]{2,12}(?:局|委员会|厅|办公室|委|办)$"
)
_THE_COMPANY = "\x00the company"
_THE_COMPANY_REACH = 160  # characters before "该公司…" within which its company is named


def _cores(forms: list[str]) -> list[str]:
    """Chinese names without their generic ending ("阿尔马纳投资局" -> "阿尔马纳"), as articles shorten them."""
    cores = []
    for form in forms:
        simplified = to_simplified(form)
        suffix = next(
            (x for x in sorted(lx.ORG_SUFFIXES, key=len, reverse=True) if simplified.endswith(x)), ""
        )
        if suffix and len(simplified) - len(suffix) >= 2:
            cores.append(simplified[: -len(suffix)])
        elif _brand(form):
            cores.append(simplified[:2])  # "沛霖散熱" is "沛霖董事长余承翰" two paragraphs on
    return cores


def _brand(written: str) -> bool:
    """Whether the first two characters of a long Chinese organization's name can stand for it ("瀚灣")."""
    brand = to_simplified(written)[:2]
    return (
        len(written) >= 4
        and not written.isascii()
        and brand not in lx.GENERIC_WORDS
        and brand not in lx.NOT_BRANDS
        and not places_in(brand)
    )


def _last_before(entity: Entity, article: str, at: int) -> int:
    """Where the organization is last named before an offset of the article (-1 if not)."""
    return max(
        (article.rfind(to_simplified(f), 0, at) for f in [*entity.forms, *_cores(entity.forms)]), default=-1
    )


def _mark_lead_investors(entities: ArticleEntities, article: str) -> None:
    """An organization that leads the article company's round ("本轮由环弘资本领投", "领投方环弘资本") is its
    lead investor, so that "the lead investor in X's round" finds it and the people who speak for it."""
    for entity in entities.entities:
        forms = "|".join(re.escape(to_simplified(f)) for f in entity.forms if not f.isascii())
        leads = rf"由(?:{forms})(?:联合|共同)?领投|领投方(?:{forms})|(?:{forms})(?:担任)?领投"
        if entity.kind == "organization" and entity.org is None and forms and re.search(leads, article):
            entity.title, entity.org = "领投方", _THE_COMPANY


def _settle_the_company(entities: ArticleEntities, article: str) -> None:
    """People introduced as "该公司首席财务官" work for the article's own company named just before them.

    That is the nearest organization named in the few sentences before the person that is not a well-known one
    ("陇原智算是省内最大的运营商。该公司董事长郭海峰…"), else the organization the article names most often.
    """
    orgs = [e for e in entities.entities if e.kind == "organization"]
    counts = {id(e): max(article.count(to_simplified(f)) for f in [*e.forms, *_cores(e.forms)]) for e in orgs}
    company = max(orgs, key=lambda e: counts[id(e)], default=None)
    for entity in entities.entities:
        if entity.org == _THE_COMPANY:
            at = min((i for f in entity.forms if (i := article.find(to_simplified(f))) >= 0), default=-1)
            near = [(_last_before(o, article, at), o) for o in orgs if o.known is None] if at > 0 else []
            near = [(i, o) for i, o in near if i >= 0 and at - i <= _THE_COMPANY_REACH]
            chosen = max(near, key=lambda item: item[0])[1] if near else company
            entity.org = chosen.forms[0] if chosen is not None else None
            entity.role_zh = (entity.role_zh or "").replace(_THE_COMPANY, entity.org or "") or None


# "陇原智算是省内规模最大的民营运营商": a name described as a company.
_IS_A_COMPANY = re.compile(
    r"(?:^|[，。；：])(?P<org>[\u4e00-\u9fffA-Za-z]{2,8})是[^，。；“”「」]{0,24}?"
    r"(?:公司|企业|运营商|厂商|制造商|供应商|服务商|银行|基金|集团|平台|初创公司|新创)(?:之一)?[，。；]"
)


# "客户主要是汽车工厂和物流企业": a common noun, or one an adverb ends, is what is described, not a company.
_NOT_A_NAME = re.compile(
    r"(?:主要|大多|大部分|多数|基本|目前|其实|也|都|均|仍|还|则|就|正|将|才|又)$|"
    r"^(?:客户|用户|订单|买家|卖家|股东|投资方|投资人|对象|目标|原因|问题|关键|重点|买方|卖方)"
)


# "澜原省发展和改革委员会（下称“澜原省发改委”）": a name and the short name the article goes on to use.
_HEREAFTER = re.compile(
    r"(?P<org>[\u4e00-\u9fffA-Za-z0-9]{2,24})[（(](?:以下|下文)?(?:简称|下称)[:：]?[“「]?(?P<short>[^”」）)]{2,12})[”」]?[）)]"
)
# "泽川云廊数据中心REIT周三上市": a Chinese name ending in a listed fund's Latin tail is the fund.
_LISTED_FUND = re.compile(r"(?:^|[，。；：])(?P<org>[\u4e00-\u9fff]{2,12}(?:REIT|ETF))(?![A-Za-z])")


def discover_chinese(folded: list[str], written: list[str], entities: ArticleEntities) -> None:
    """Add to `entities` everyone the sentences introduce; `folded` is Simplified, `written` the original."""
    article = "".join(folded)
    for text, original in zip(folded, written, strict=True):
        for match in [*_ACTS_ON_A_DATE.finditer(text), *_FILES_A_DOCUMENT.finditer(text)]:
            # "先进封装厂曜承先进封装（Yaocheng）19日举行法说会": the name before its bracketed Latin form
            bracket = re.search(r"[（(](?P<latin>[^（）()]*)[）)]$", match.group("subject"))
            subject = match.group("subject")[: bracket.start()] if bracket else match.group("subject")
            org = org_before(subject)
            latin = bracket.group("latin") if bracket else None
            if latin is not None and not (
                re.fullmatch(r"[A-Za-z][\w.&'-]*", latin) or _looks_like_org(latin)
            ):
                latin = None  # "张三（Zhang San）": a person's spelling, not a company's
            # "根据公司披露的预案": a verb before the document is not its owner
            plausible = org is not None and (
                _plausible_org(org, org, weak=False) or (latin is not None and len(org) <= 10)
            )
            if org and plausible and not re.search(_VERB + "$", org):
                at = match.start("subject") + subject.rfind(org)
                add_org_zh(entities, original[at : at + len(org)], latin=latin)
        for match in _HEREAFTER.finditer(text):
            # the whole name however long ("澜原省发展和改革委员会"): the article spells out what it shortens
            org = _LEADING.sub("", match.group("org"))
            if not org.endswith(tuple(lx.ORG_SUFFIXES)):
                org = _DESCRIPTORS.sub("", org)  # "研究机构X（下称…）", but "…投资集团有限公司" is one name
            if len(org) >= 2 and _plausible_org(org, org, weak=False):
                at = match.end("org") - len(org)
                entity = add_org_zh(entities, original[at : match.end("org")])
                if entity is not None:
                    entities.add(entity, short=(original[match.start("short") : match.end("short")],))
                    entity.forms.append(original[match.start("short") : match.end("short")])
        for match in _LISTED_FUND.finditer(text):
            add_org_zh(entities, original[match.start("org") : match.end("org")])
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
                person = _name_after(text[match.start() + start :])
                if person and match.start() + start + len(person[0]) == match.start("latin") - 1:
                    named = person
                    break
            if named is not None and not _looks_like_org(latin):
                at = match.start("latin") - 1 - len(named[0])
                add_person_zh(entities, original[at : at + len(named[0])], latin=latin)
            elif _org_named(zh, entities):
                org = org_before(zh)
                if org:
                    at = match.start("zh") + len(zh) - len(org)
                    add_org_zh(entities, original[at : at + len(org)], latin=latin)
        for match in _TITLES.finditer(text):
            named = _name_after(text[match.end() :])
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
            sector = _SECTOR_END.search(text[: match.start()])
            cut = sector.start() if sector else match.start()
            bracket = re.search(r"[（(][^（）()]{1,60}[）)]$", text[:cut])
            cut = bracket.start() if bracket else cut
            department = _DEPARTMENT.search(text[:cut])
            org = org_before(text[:cut]) if department is None else None
            org_written = original[cut - len(org) : cut] if org else None
            written_title = original[match.start() : match.end()]
            if department is not None:
                # "产品副总裁唐潇": a department's title at the article's company, not a company called 产品
                org_written, written_title = _THE_COMPANY, original[department.start() : match.end()]
            elif org_written:
                # "聿达执行长" after "聿达精密": the title belongs to the company already named, by its full name
                company = add_org_zh(entities, org_written)
                org_written = company.forms[0] if company is not None else org_written
            elif re.search("(?:" + "|".join(lx.ORG_ANAPHORA) + ")$", text[: match.start()]) or (
                _CORPORATE_TITLE.search(match.group(0))
                and not re.search(r"[\u4e00-\u9fff]$", text[: match.start()])
            ):
                # "財務長洪佳琪指出" with no company before the title: in a company story, the article's company
                org_written = (
                    _THE_COMPANY  # "该公司首席财务官周敏": settled once the article's company is known
                )
            add_person_zh(entities, name, latin=named[1], title=written_title, org=org_written)
        for match in _BOOK.finditer(text):
            if re.search(r"报道|称|指出|估计|报导", text[match.end() : match.end() + 6]):
                add_org_zh(entities, original[match.start("name") : match.end("name")])
        for match in _ACCORDING.finditer(text):
            # "根据仲量联行（JLL）的统计": the name before its bracketed Latin form
            what = re.sub(r"[（(][^（）()]*[）)]$", "", match.group("what")).strip("《》")
            # "根据公司此前发布的公告": who published it, not "此前发布"
            what = re.sub(r"(?:此前|之前|早前|日前|近日|最新)?(?:发布|公布|披露|发表|提供|出具)$", "", what)
            org = org_before(what)
            if org and entities.find(org) is None and not any(m in org for m in lx.UNNAMED_MARKERS[:12]):
                at = match.start("what") + match.group("what").rfind(org)
                add_org_zh(entities, original[at : at + len(org)])
                describe_org(entities, original[at : at + len(org)], text[:at])
        for match in _CLAUSE_SUBJECT.finditer(text):
            subject = match.group("subject")
            person = _name_after(text[match.start("subject") :])
            if person is not None and (article.count(person[0]) >= 2 or person[1] or "·" in person[0]):
                at = match.start("subject")
                add_person_zh(entities, original[at : at + len(person[0])], latin=person[1])
                continue
            title = _TITLES.search(subject)
            if title is not None and title.end() < len(subject):
                continue  # a title followed by a name: the title rule above has the person
            subject = subject[: title.start()] if title is not None else subject
            org = org_before(re.sub(r"[（(][^）)]*[）)]$", "", subject))
            if org and _plausible_org(org, subject, match.group("verb") in lx.WEAK_VERBS):
                at = match.start("subject") + subject.find(org)
                add_org_zh(entities, original[at : at + len(org)])
                describe_org(entities, original[at : at + len(org)], text[:at])
        for match in re.finditer(_VERB, text):
            before = text[: match.start()]
            named = None
            for start in range(max(0, len(before) - 4), len(before) - 1):
                candidate = _name_after(text[start:])
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
    _mark_lead_investors(entities, article)
    _settle_the_company(entities, article)
