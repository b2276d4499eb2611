"""Chinese organizations: where a name starts, whether words name one, adding it, and whose "该公司" is."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_zh as lx
from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.attribution.org_in_play import is_exchange
from knowledge.attribution.org_tails_en import ORG_TAILS
from knowledge.attribution.people_zh import everyday_word
from knowledge.places import places_in
from knowledge.scripts import to_simplified

# What an analyst covers, after the firm's name: cut off to leave the firm.
SECTOR_END = re.compile(
    # "华曦证券计算机行业分析师": after a firm's generic ending, the whole sector however long its name
    r"(?:(?<=证券)|(?<=资本)|(?<=银行)|(?<=研究)|(?<=研究院)|(?<=咨询)|(?<=投资)|(?<=控股)|(?<=集团)|(?<=国际))"
    r"(?:[\u4e00-\u9fff]{2,6}(?:行业|产业|板块)|消费电子|半导体|电子|计算机|通信|汽车|传媒|医药|新能源|能源|电力设备|"
    r"电力|公用事业|互联网|科技|硬件|软件|机械|化工|房地产|地产|家电|军工|钢铁|煤炭|交通运输|物流|零售|消费|食品饮料)$|"
    r"(?<=..)(?:(?:亚太区|亚洲区|大中华区|中国区|北美区|欧洲区|全球)?[\u4e00-\u9fff]{2}(?:行业|产业|板块)|"
    r"亚太区|亚洲区|大中华区|中国区|北美区|欧洲区)$"
)
# Descriptions before an organization's name ("主要设备供应商之一"): stripped to leave the name.
DESCRIPTORS = re.compile(
    r"^.*?(?:港股|美股|A股|台股|基金管理人|管理人|分销商|经销商|代理商|开发商|发展商|地产商|云计算商|云商|生产商|销售商|服务商|提供商|承包商|集成商|零售商|贸易商|租赁商|设备商|渠道商|"
    r"代工厂|代工大厂|大厂|厂商|品牌|供应商|机构|之一|巨头|龙头|初创公司|初创|领投方|跟投方|投资方|运营方|发行方|管理方|主办方|平台|旗下|券商|投行|智库|"
    r"媒体|主权基金|基金|研究机构|市场研究机构|咨询公司|制造商|运营商|企业|业者|银行|集团|城商行|农商行|商业银行|新创|"
    r"上市公司|公司|营运商|厂)(?=.{2,})"
)
# Conjunctions, prepositions and times that open a clause before a name: never part of it.
LEADING = re.compile(
    r"^(?:而|但|据|不过|另外|此外|同时|其中|就连|包括|由|与|和|对|在|当|则|也|还|是|根据|按照|要求|起诉|状告|"
    r"周[一二三四五六日]|今天|昨天|日前|近日|上周|本周|此前|最近|今年|去年|国内|国外|全球|行业|"
    r"[0-9]+月|本月|上月)+"
)


_LONG_BODY = re.compile(
    r"[\u4e00-\u9fff]{2,4}(?:市|省|县|区|大学)[\u4e00-\u9fff]{2,12}"
    r"(?:局|委员会|委|厅|办公室|办|研究所|研究院|学院|研究中心|实验室)$"
)


def _last_part(run: str) -> str:
    """The last six characters of a long run, the name after what it does, or the whole Latin word they cut."""
    latin = re.search(r"[A-Za-z][A-Za-z0-9&.]*[\u4e00-\u9fff]{0,6}$", run)
    return latin.group(0) if latin and len(latin.group(0)) > 6 else run[-6:]


def org_before(text: str) -> str | None:
    """The organization named right before an offset: "伺服器代工厂泓鼎科技" -> "泓鼎科技"."""
    # "卡佛利奈恩（Caverly Nairn）证券": the Latin name in brackets is no part of the Chinese one
    text = re.sub(r"[（(][A-Z][A-Za-z&.'’ -]{1,40}[）)](?=[\u4e00-\u9fff]{1,6}\s*$)", "", text)
    # ("美系外资Corrick Hale证券": Latin words, then the Chinese ending, are one name)
    match = re.search(
        r"([A-Za-z0-9\u4e00-\u9fff&·.]*[A-Za-z](?: [A-Z][A-Za-z0-9&.]*)+[\u4e00-\u9fff]{1,6}"
        r"|[A-Za-z0-9\u4e00-\u9fff&·.]+(?: [A-Za-z0-9&.]+)*)$",
        text.rstrip(),
    )
    if not match:
        return None
    run = LEADING.sub("", match.group(1)).strip()
    run = run.rsplit("的", 1)[-1]  # "在香港上市的苏澜银行": a modifier ending in 的 is not part of the name
    done = run.rsplit("了", 1)
    if len(done) == 2 and len(done[1]) >= 2:
        run = done[1]  # "本刊专访了拾穗科技(创始人…)": what a finished verb acts on, not the verb
    run = DESCRIPTORS.sub("", run)
    while (stripped := DESCRIPTORS.sub("", run)) != run and (
        len(stripped) >= 3 or stripped.endswith(lx.ORG_SUFFIXES)
    ):
        # "主要设备供应商之一弘钛精机": every description before the name, but "研调机构森川基金评等" is a firm
        # whose name holds a descriptor
        run = stripped
    sector = SECTOR_END.search(run)
    run = run[: sector.start()] if sector else run  # "明衡证券消费电子(分析师)": the firm, not what it covers
    if len(run) >= 3 and run[-1] in "由被经":
        run = run[:-1]  # "崇远由董事长林正雄创立": 由 says who founded it, it is not part of the name
    agent = re.search(r"(?<=..)(?:会|将|已)?[由被]([^由被]{2,})$", run)
    if agent:
        run = agent.group(
            1
        )  # "项目回报率会由公司预期的…": what comes after 由 or 被 acts, not what is before
    latin = re.search(r"(?<=[\u4e00-\u9fff])[A-Z][A-Za-z0-9&.]*(?: [A-Z][A-Za-z0-9&.]*)+$", run)
    if latin:
        run = latin.group(0)  # "物业顾问Ashdown Keyes": a firm written in Latin letters after what it is
    if len(run) > 10 and not run.isascii() and " " not in run:
        # "棣岑市发展和改革委员会", "澄川理工大学能源经济研究所": a public body or an institute is named whole, from
        # its place or university; any other long run keeps its last characters, the name after what it does
        body = _LONG_BODY.search(run)
        # ("日系外资Sorahara证券": never from inside a Latin word)
        run = body.group(0) if body else _last_part(run)
    return (
        run
        if len(run) >= 2 and run not in lx.ORG_ANAPHORA and run not in {"该", "这", "其", "他", "她"}
        else None
    )


def org_named(zh: str, entities: ArticleEntities) -> bool:
    """Whether the words before a bracketed Latin name are an organization ("…投资局（…）"), not a product ("HBM")."""
    return (
        any(zh.endswith(x) for x in (*lx.ORG_SUFFIXES, "组织", "协会", "机构"))
        or entities.find_any(zh) is not None
    )


# Times, results and amounts a clause may open with ("今年4月发布的公告", "约占同期披露收入"): never a name
# "集团首三季预期…", "公司前九个月…": a span of the year, never a name
_NOT_NAMES = (
    r"(?:今|去|明|前|当|本|全|上半|下半)年|同期|季度|[首前头][一二三四两]个?季|[首前头][0-9一二三四五六七八九十两]+个?月|"
    r"业绩$|^(?:约|占|较|仅|共|合计|同比|环比|仍)|[较比]$|自己|本身|部门$|"
    # "公司未披露客户名称": the company and a negation, no firm called 公司未
    r"^公司|[未没]$|"
    # "同一份公告还提出": the same notice again, no firm called 同一份
    r"^(?:同一|这一|那一|该|这|那|上述)份?$|(?<!股)份$|"
    # "有研究机构给出的数字": some research firm, not one called 有研究机构
    r"^有(?:研究|咨询|调研|评级)?(?:机构|券商|投行|基金|银行|公司|分析师)"
)


# Verbs whose object is "公司" (the company the article is about): "要求公司说明", "责令公司整改".
_ASKS_THE_COMPANY = r"(?:要求|责令|督促|敦促|提醒|通知|建议|请求|允许|批准|同意|问询|追问|质疑)$"


def plausible_org(org: str, subject: str, weak: bool) -> bool:
    """Whether the words before a verb name an organization: a company ending, Latin letters, or a short clean name."""
    suffix = next((x for x in lx.ORG_SUFFIXES if org.endswith(x) and len(x) >= 2), "")
    # "临江市中级人民法院", "衡信会计师事务所", "竑衡律师事务所": people words inside an institution's name are part of it
    core = org[: len(org) - len(suffix)].replace("人民", "").replace("会计师", "").replace("律师", "")
    if re.search(r"[他她我你它]|该|这|那|其|此|一位|一名|某|^第|^方面$|" + _NOT_NAMES, org) or any(
        g in core for g in lx.GROUP_NOUNS
    ):
        return False
    if not suffix and len(org) == 2 and everyday_word(org):
        return False  # "权益披露资料显示": an everyday word before a verb names no organization
    if org in lx.REPORT_NOUNS or org in lx.DOCUMENT_ANAPHORA:
        return False  # "公开信又指": the letter someone published, no organization called 公开信
    if suffix in ("顾问", "咨询") and not core:
        return False  # "贝恩公司的顾问估计": the firm's advisers, no firm called 顾问
    if suffix in ("公司", "顾问", "咨询") and len(core) == 2 and everyday_word(core):
        # "要求公司说明": the exchange asks the company, no firm is called 要求公司; "财务顾问" is a role
        return False
    if suffix == "公司" and re.search(_ASKS_THE_COMPANY, core):
        return False  # "上市委在审议意见中要求公司说明": a verb whose object is the company, however long the words before
    if any(org.endswith(x) for x in lx.ORG_SUFFIXES) or re.fullmatch(
        r"[A-Za-z0-9&. ]+[\u4e00-\u9fff]{0,2}", org
    ):
        return True
    # "评级机构嘉穗评级表示": a description before the name says it is an organization
    described = subject != org and DESCRIPTORS.sub("", subject) == org
    # (a name an institution's description vouches for may be longer: "研調機構瀚析科技研究估計")
    vouched = described and subject[: len(subject) - len(org)].endswith(("机构", "智库"))
    short = len(org) <= (8 if vouched else 4) and (described or not weak)
    return (org == subject or described) and short and not any(c in lx.FUNCTION_CHARS for c in org)


def has_org_tail(latin: str) -> bool:
    """Whether a bracketed Latin name ends like a company's ("（Raykin Robotics）"): the Chinese before it is one."""
    words = latin.split()
    return len(words) >= 2 and words[-1].lower().strip(".") in ORG_TAILS


def looks_like_org(latin: str) -> bool:
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
    return not 2 <= len(words) <= 3 or any(w.isupper() or w.lower() in tails | ORG_TAILS for w in words)


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
_FILING_WORD = re.compile(
    r"招股书|招股说明书|招募说明书|财报|年报|季报|公告|材料|资料|(?:显示|披露|报告|研报)$"
)


# A description before a company's name: "眼镜公司", "地产顾问", "数据中心营运商".
_DESCRIBED = re.compile(
    r"^[\w]{1,8}?(?:公司|顾问|营运商|运营商|开发商|制造商|供应商|厂商)(?=[\u4e00-\u9fff]{4,}$)"
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
    if to_simplified(written) in lx.EXCHANGE_LETTERS:
        return _exchange(entities, written)
    # "集邦科技" is also "集邦"; a name with no generic ending ("海湾资本评论") has no safe short form.
    suffix = next((x for x in sorted(lx.ORG_SUFFIXES, key=len, reverse=True) if written.endswith(x)), "")
    core = written[: len(written) - len(suffix)] if suffix else ""
    short: tuple[str, ...] = (
        (core,) if len(core) >= 2 and not written.isascii() and core not in lx.GENERIC_WORDS else ()
    )
    if shortens_to_brand(written):
        short += (written[:2],)  # "瀚灣數據控股" is "瀚灣" in the next paragraph
    local = _LOCAL_BODY.match(to_simplified(written))
    if local:
        short += (written[local.start("level") :],)  # "崇澜市数据资源局" is "市数据资源局" once named
        bare = written[local.end("level") :]
        if len(bare) >= 3:
            short += (bare,)  # "翊州市审计局" is "审计局" once named
            earlier = entities.find(bare)
            if earlier is not None and earlier.kind == "organization" and earlier.name == bare:
                # "审计局在公告中指出" read before "翊州市审计局…公告显示": the bureau has its full name
                earlier.name = earlier.name_zh = written
    if to_simplified(written).endswith("管委会") and len(written) > 3:
        short += (written[-3:],)  # "椿阳经济开发区管委会" is "管委会" once named
    full = _abbreviated(written, entities)
    if full is not None:  # "南屿传媒" after "南屿出版传媒集团": the same company, shortened
        return entities.add(
            Entity(kind="organization", name=full.name, forms=[full.forms[0], written]), short=short
        )
    known = entities.find_any(written)
    if known is not None:
        if latin and entities.find_any(latin) is None:
            # "灝芯科技（Haosin Technology）" of a company met before only in Chinese: its Latin name too
            entities.add(Entity(kind="organization", name=known.name, forms=[known.forms[0], latin]))
        return entities.add(
            known, short=short
        )  # a library speaker written in full here is also its short form
    forms = [written] + ([latin] if latin else [])
    return entities.add(
        Entity(kind="organization", name=latin or written, forms=forms, name_zh=written), short=short
    )


def _exchange(entities: ArticleEntities, letter: str) -> Entity:
    """The exchange that sent a letter: the one the article names, else "交易所", with the letter as its form."""
    named = next(
        (e for e in entities.entities if e.kind == "organization" and is_exchange(e)),
        None,
    )
    if named is not None:
        return entities.add(Entity(kind="organization", name=named.name, forms=[named.forms[0], letter]))
    return entities.add(
        Entity(
            kind="organization",
            name="交易所",
            forms=["交易所", letter],
            name_zh="交易所",
            role="stock exchange",
            role_zh="交易所",
        )
    )


# A city's or province's own body: "崇澜市数据资源局", "澜原省发展和改革委员会".
_LOCAL_BODY = re.compile(
    r"[\u4e00-\u9fff]{2,3}(?P<level>[市省县区])[\u4e00-\u9fff]{2,12}(?:局|委员会|厅|办公室|委|办)$"
)


def shortens_to_brand(written: str) -> bool:
    """Whether the first two characters of a long Chinese organization's name can stand for it ("瀚灣")."""
    brand = to_simplified(written)[:2]
    return (
        len(written) >= 4
        and not written.isascii()
        and brand not in lx.GENERIC_WORDS
        and brand not in lx.NOT_BRANDS
        and not places_in(brand)
    )
