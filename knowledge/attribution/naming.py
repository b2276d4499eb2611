"""Turn an article's entities into canonical speakers: known ones by alias, new ones with names in every script."""

from __future__ import annotations

import re

from knowledge.attribution.cantonese import cantonese_brand, cantonese_names
from knowledge.attribution.entities import Entity
from knowledge.attribution.lexicon_en import PLACE_WORDS, WORD_SURNAMES, surname_of
from knowledge.attribution.lexicon_zh import GENERIC_WORDS, NOT_BRANDS
from knowledge.attribution.syllables import name_syllables
from knowledge.attribution.wade_giles import wade_giles_brand, wade_giles_name
from knowledge.matching import is_latin
from knowledge.places import places_in
from knowledge.scripts import to_simplified, to_traditional
from knowledge.speakers import TITLE_WORDS, Speaker, SpeakerIndex

# English for the generic end of a Chinese organization's name ("澜石云" -> "Lanshi Cloud").
ORG_SUFFIX_EN = {
    "半导体": "Semiconductor",
    "科技": "Technology",
    "云": "Cloud",
    "通讯": "Communications",
    "通信": "Communications",
    "电子": "Electronics",
    "证券": "Securities",
    "银行": "Bank",
    "集团": "Group",
    "资本": "Capital",
    "投资局": "Investment Authority",
    "基金": "Fund",
    "能源": "Energy",
    "光电": "Optoelectronics",
    "光纤": "Fiber",
    "智能": "Intelligence",
    "网络": "Networks",
    "软件": "Software",
    "电力": "Power",
    "控股": "Holdings",
    "电路": "Circuits",
    "微电子": "Microelectronics",
    "精密": "Precision",
    "精工": "Precision",
    "人寿保险": "Life Insurance",
    "人寿": "Life",
    "工业": "Industries",
    "材料": "Materials",
    "电气": "Electric",
    "重工": "Heavy Industries",
    "化工": "Chemical",
    "物流": "Logistics",
    "传媒": "Media",
    "地产": "Properties",
    "医药": "Pharmaceutical",
    "实业": "Industrial",
    # courts, firms of lawyers and accountants, and other institutions
    "高级人民法院": "High People's Court",
    "中级人民法院": "Intermediate People's Court",
    "人民法院": "People's Court",
    "法院": "Court",
    "人民检察院": "People's Procuratorate",
    "检察院": "Procuratorate",
    "会计师事务所": "CPA Firm",
    "律师事务所": "Law Firm",
    "事务所": "Firm",
    "医院": "Hospital",
    "大学": "University",
    "学院": "College",
    "基金会": "Foundation",
    "联合会": "Federation",
    "商会": "Chamber of Commerce",
    "工会": "Union",
    "租赁": "Leasing",
    "期货": "Futures",
    "药业": "Pharmaceutical",
    "精机": "Precision Machinery",
    "机械": "Machinery",
    # government bodies: "澜原省发展和改革委员会" is the "Lanyuan Provincial Development and Reform Commission"
    "国家发展和改革委员会": "National Development and Reform Commission",
    "国家发改委": "National Development and Reform Commission",
    "省发展和改革委员会": "Provincial Development and Reform Commission",
    "省发展改革委": "Provincial Development and Reform Commission",
    "省发改委": "Provincial Development and Reform Commission",
    "市发展和改革委员会": "Municipal Development and Reform Commission",
    "市发改委": "Municipal Development and Reform Commission",
    "发展和改革委员会": "Development and Reform Commission",
    "发改委": "Development and Reform Commission",
    "省工业和信息化厅": "Provincial Department of Industry and Information Technology",
    "工业和信息化厅": "Department of Industry and Information Technology",
    "省工信厅": "Provincial Department of Industry and Information Technology",
    "省财政厅": "Provincial Finance Department",
    "财政厅": "Finance Department",
    "省人民政府": "Provincial Government",
    "省政府": "Provincial Government",
    "委员会": "Commission",
    "市数据资源局": "Municipal Data Resources Bureau",
    "数据资源局": "Data Resources Bureau",
    "市数据局": "Municipal Data Bureau",
    "数据局": "Data Bureau",
    "市公安局": "Municipal Public Security Bureau",
    "公安局": "Public Security Bureau",
    "市财政局": "Municipal Finance Bureau",
    "财政局": "Finance Bureau",
    "市统计局": "Municipal Statistics Bureau",
    "统计局": "Statistics Bureau",
    "市工业和信息化局": "Municipal Bureau of Industry and Information Technology",
    "工业和信息化局": "Bureau of Industry and Information Technology",
    "市工信局": "Municipal Bureau of Industry and Information Technology",
    "工信局": "Bureau of Industry and Information Technology",
    "市场监督管理局": "Administration for Market Regulation",
    "市场监管局": "Administration for Market Regulation",
    "局": "Bureau",
    "市政府": "Municipal Government",
    "政府": "Government",
    "股份有限公司": "",
    "有限责任公司": "",
    "有限公司": "",
    "公司": "",
    "股份": "",
    "投资管理机构": "Investment Management",
    # research houses, advisers and outlets: "知衡咨询" is "Zhiheng Consulting", "鹭岛财经日报" "Ludao Financial Daily"
    "咨询": "Consulting",
    "顾问": "Advisory",
    "投顾": "Investment Advisory",
    "研究院": "Research Institute",
    "研究所": "Research Institute",
    "研究": "Research",
    "评级": "Ratings",
    "资产管理": "Asset Management",
    "资管": "Asset Management",
    "保险": "Insurance",
    "数据": "Data",
    "投资": "Investment",
    "机器人": "Robotics",
    "汽车": "Auto",
    "教育": "Education",
    "生物": "Biotech",
    "医疗": "Medical",
    "财经日报": "Financial Daily",
    "经济日报": "Economic Daily",
    "产经日报": "Business Daily",
    "日报": "Daily",
    "电力交易中心": "Power Exchange",
    "交易中心": "Exchange",
    "证券交易所": "Stock Exchange",
    "交易所": "Exchange",
    "研究中心": "Research Center",
    "数研": "Data Research",
    "电脑": "Computer",
    "晚报": "Evening News",
    "周刊": "Weekly",
    "周报": "Weekly",
    "时报": "Times",
    "财经报": "Financial News",
    "财经": "Finance",
    "财讯": "Financial News",
    "商报": "Business News",
    "证券报": "Securities News",
    "新闻": "News",
}
TITLE_EN = {
    "ceo": "CEO",
    "cfo": "CFO",
    "cto": "CTO",
    "chro": "chief human resources officer",
    "cio": "CIO",
    "coo": "COO",
    "chair": "chair",
    "president": "president",
    "analyst": "analyst",
    "partner": "partner",
    "lead investor": "lead investor",
    "founder": "founder",
    "co-founder": "co-founder",
}
# Departments a title can head: "产品副总裁", "技术总监".
DEPARTMENTS_EN = {
    "投资者关系": "investor relations",
    "公共关系": "public relations",
    "人力资源": "human resources",
    "海外业务": "overseas business",
    "国际业务": "international business",
    "产品": "product",
    "技术": "technology",
    "销售": "sales",
    "市场": "marketing",
    "营销": "marketing",
    "运营": "operations",
    "研发": "R&D",
    "战略": "strategy",
    "业务": "business",
}

# The role of a person the article names without saying who they are: shown to no reader.
ROLE_UNKNOWN = "quoted in the news"

_TITLE_ZH_EXTRA = {
    "首席投资官": "chief investment officer",
    "首席风险官": "chief risk officer",
    "首席战略官": "chief strategy officer",
    "首席营销官": "chief marketing officer",
    "首席商务官": "chief commercial officer",
    "首席营收官": "chief revenue officer",
    "首席产品官": "chief product officer",
    "首席法务官": "chief legal officer",
    "首席科学官": "chief scientific officer",
    "首席医疗官": "chief medical officer",
    "首席数据官": "chief data officer",
    "首席人力资源官": "chief human resources officer",
    "首席人力官": "chief human resources officer",
    "首席人才官": "chief talent officer",
    "首席合规官": "chief compliance officer",
    "首席增长官": "chief growth officer",
    "总经理": "general manager",
    "董事总经理": "managing director",
    "执行董事": "executive director",
    "常务董事": "executive director",
    "副总经理": "deputy general manager",
    "副总裁": "vice president",
    "副主任": "deputy director",
    "律师": "lawyer",
    "投资总监": "investment director",
    "代理律师": "lawyer",
    "副董事长": "vice chair",
    "副行长": "deputy governor",
    "副院长": "vice president",
    "副局长": "deputy director",
    "副主席": "vice chair",
    "副总监": "deputy director",
    "负责人": "head",
    "发言人": "spokesperson",
    "主席": "chair",
    "行长": "governor",
    "部长": "minister",
    "董事": "director",
    "董事会秘书": "board secretary",
    "董秘": "board secretary",
    "证券事务代表": "securities affairs representative",
    "法官": "judge",
    "审判长": "presiding judge",
}


def pinyin_name(written: str) -> str:
    """A Chinese personal name in pinyin, surname first: 陳冠宇 -> "Chen Guanyu"."""
    surname, given = name_syllables(written)
    if not given:
        return _joined(surname).title()
    return f"{_joined(surname).title()} {_joined(given).capitalize()}"


def _joined(syllables: list[str]) -> str:
    """Syllables written as one word, with pinyin's apostrophe before one opening in a, o or e ("Yong'en")."""
    return "".join(("'" if n and s[:1] in "aoe" else "") + s for n, s in enumerate(syllables))


_SUFFIXES_LONGEST_FIRST = sorted(ORG_SUFFIX_EN, key=len, reverse=True)


def _generic_end(simplified: str) -> str | None:
    """The generic ending of a Chinese organization's name ("半导体" of 禾跃半导体), leaving at least two characters."""
    return next(
        (x for x in _SUFFIXES_LONGEST_FIRST if simplified.endswith(x) and len(simplified) > len(x) + 1), None
    )


def _own_brand(name: str, entity: Entity, orgs: dict[str, Entity]) -> bool:
    """Whether the first syllables of a Chinese organization's pinyin name it alone: "芯澜方面" shares 芯澜 with
    芯澜微电子, which ends in a known word and keeps "Xinlan"."""
    simplified = to_simplified(name)
    if _generic_end(simplified) is not None:
        return True
    return not any(o is not entity and to_simplified(f)[:2] == simplified[:2] for f, o in orgs.items())


def pinyin_org(written: str, syllables: list[str] | None = None) -> str:
    """A Chinese organization's name in pinyin with its generic end in English: 禾跃半导体 -> "Heyue Semiconductor".

    `syllables`: the characters' readings, when not pypinyin's first choice (see `pinyin_org_variants`).
    """
    from pypinyin import lazy_pinyin

    simplified = to_simplified(written).strip("《》〈〉「」“”")  # a title's brackets are not part of its name
    read = (
        syllables if syllables is not None and len(syllables) == len(simplified) else lazy_pinyin(simplified)
    )
    suffix = _generic_end(simplified)
    if suffix is not None:
        stem = simplified[: len(simplified) - len(suffix)]
        # "沧屿数据交易所" is "Cangyu Data Exchange": a generic word before the generic end is English too
        inner = _generic_end(stem)
        if inner is not None and ORG_SUFFIX_EN[inner] and ORG_SUFFIX_EN[suffix]:
            core = "".join(read[: len(stem) - len(inner)]).title()
            return f"{core} {ORG_SUFFIX_EN[inner]} {ORG_SUFFIX_EN[suffix]}"
        core = "".join(read[: len(stem)]).title()
        return f"{core} {ORG_SUFFIX_EN[suffix]}".strip()
    if len(simplified) >= 4:  # "衡钧精工": a brand of two characters and what it does, "Hengjun Jinggong"
        return f"{''.join(read[:2]).title()} {''.join(read[2:]).title()}"
    return "".join(read).title()


def pinyin_org_variants(written: str) -> list[str]:
    """The name read with another reading of one of its characters: 瑞晟证券 is "Ruisheng Securities" as well as
    pypinyin's "Ruicheng Securities" (names often take a character's rarer reading)."""
    from pypinyin import Style, lazy_pinyin, pinyin

    simplified = to_simplified(written).strip("《》〈〉「」“”")
    first = lazy_pinyin(simplified)
    readings = pinyin(simplified, style=Style.NORMAL, heteronym=True)
    if len(readings) != len(first):
        return []
    default = pinyin_org(written)
    variants = []
    for at, options in enumerate(readings):
        options = list(dict.fromkeys(options))
        # a character with a second common reading (晟 chéng/shèng), not one with a string of rare ones (能)
        if 2 <= len(options) <= 3 and options[1] != first[at] and options[1].isascii():
            variants.append(pinyin_org(written, [*first[:at], options[1], *first[at + 1 :]]))
    return [v for v in dict.fromkeys(variants) if v != default][:_MAX_VARIANTS]


_MAX_VARIANTS = 4


# Titles an organization's own officers hold: "chief executive Marguerite Olsen" in a story about a company.
OFFICER_TITLES = frozenset({"ceo", "cfo", "cto", "coo", "cio", "chair", "president", "founder", "co-founder"})
# Staff titles that, named without an employer, also mean the company the article is about.
_STAFF_TITLES = frozenset(
    {"vice president", "general manager", "managing director", "treasurer", "head"}
    | {"chief credit officer", "chief risk officer"}
)


def is_officer_title(written: str) -> bool:
    """Whether a title ("finance chief", "vice president for regulatory affairs") is held at a company."""
    head = _head_title(written.lower())
    # "chief underwriting officer", "chief people officer": every chief … officer is an officer of the company
    return (
        title_key(head) in OFFICER_TITLES
        or head in _STAFF_TITLES
        or re.fullmatch(r"chief(?: [a-z-]+){1,2} officer", head) is not None
    )


def _head_title(written: str) -> str:
    """The title without its complement: "vice president for regulatory affairs" -> "vice president"."""
    # "vice-president": the British spelling of the same title
    return re.split(r"\s+(?:of|for)\s+", written)[0].replace("vice-", "vice ")


def _unit_title_key(written: str) -> str | None:
    """The key of a title with its complement ("vice president for sales" -> "vice president"); "head of
    research" heads a unit, not the company (kept as written, to be asked by its own word)."""
    head = _head_title(written.lower())
    return None if head == "head" and head != written.lower().strip() else title_key(head)


def _unit_head(entity: Entity) -> str | None:
    """ "head of European telecoms research at Corvin": the unit a bare "head" heads, read from the role."""
    if (entity.title or "").lower() != "head" or not entity.role:
        return None
    # "Halvorsen's head of leveraged finance" too: the unit after the employer's possessive
    unit = re.match(
        r"(?:the\s+|[\w&.-]+(?:\s+[\w&.-]+){0,3}(?:'s|’s)\s+)?(head\s+of\s+.+?)(?:\s+(?:at|of|for|with)\s+[A-Z].*|,.*)?$",
        entity.role,
    )
    if unit is None or (entity.org and entity.org.lower() in unit.group(1).lower()):
        return None  # "head of Corvin Securities" runs the firm
    return unit.group(1)


def title_key(written: str) -> str | None:
    """The TITLE_WORDS key for a written title in any language ("Finance chief", "財務長" -> "cfo")."""
    folded = to_simplified(" ".join(written.lower().split()))
    for part in re.split(r"[兼暨及和]| and ", folded):
        for key, words in TITLE_WORDS.items():
            if part in words:
                return key
        # "首席投资总监" is the 投资总监, "高级分析师" an analyst: a rank before a known title
        ranked = _RANK_ZH.match(part)
        if ranked and part[ranked.end() :] != part:
            return title_key(part[ranked.end() :])
    return None


_RANK_ZH = re.compile(
    r"(?:首席|常务|高级|资深|联席|代理)(?!执行官|财务官|技术官|运营官|投资官|风险官|信息官)"
)


def _title_en(written: str | None) -> str | None:
    if not written:
        return None
    if written.isascii():
        return written
    simplified = to_simplified(written)
    parts = []
    for part in re.split(r"[兼暨及和]", simplified):
        department = next((d for d in DEPARTMENTS_EN if part.startswith(d) and len(part) > len(d)), None)
        if department is not None and title_key(part) is None:
            # "产品副总裁" is the vice president for product
            rest = part[len(department) :].removeprefix("部")  # "市场部总监"
            head = _title_en(rest) or rest
            parts.append(f"{head} for {DEPARTMENTS_EN[department]}")
            continue
        key = title_key(part)
        parts.append(TITLE_EN.get(key, key) if key else _TITLE_ZH_EXTRA.get(part, part))
    return " and ".join(p for p in parts if p)


def _script_variants(text: str) -> list[str]:
    return list(dict.fromkeys([text, to_simplified(text), to_traditional(text)]))


def _org_display(entity: Entity, orgs: dict[str, Entity]) -> str | None:
    if not entity.org:
        return None
    org = orgs.get(entity.org)
    if org is not None:
        return org.known.name if org.known else org.name
    return entity.org if entity.org.isascii() else pinyin_org(entity.org)


# Titles that mean one thing wherever they appear ("head" may be "head of technology research": kept as written).
_PLAIN_TITLES = frozenset(
    {
        "ceo",
        "chief executive",
        "chief executive officer",
        "cfo",
        "chief financial officer",
        "finance chief",
        "financial chief",
        "cto",
        "chief technology officer",
        "coo",
        "chief operating officer",
        "chairman",
        "chairwoman",
        "chair",
        "president",
        "analyst",
        "partner",
        "founder",
        "co-founder",
        "cofounder",
    }
)


def org_short_names(forms: list[str]) -> list[str]:
    """How people shorten an organization's name: "阿尔马纳投资局" -> "阿尔马纳", "Almana Investment Authority" -> "Almana"."""
    short: list[str] = []
    for form in forms:
        if form.isascii():
            first = form.split()[0]
            if (
                len(form.split()) > 1
                and len(first) > 3
                and first[0].isupper()
                and first.lower() not in _COMMON
                and first.lower() not in PLACE_WORDS
            ):
                short.append(first)
            if len(form.split()) > 2 and form.split()[-1].lower() in _CORPORATE_ENDS:
                short.append(form.rsplit(" ", 1)[0])  # "Morrow Lane Ratings" -> "Morrow Lane"
            continue
        simplified = to_simplified(form)
        suffix = _generic_end(simplified)
        # "智能资本" is not "智能"
        if suffix is not None and simplified[: len(simplified) - len(suffix)] not in GENERIC_WORDS:
            short += _script_variants(form[: len(form) - len(suffix)])
    return short


# Words that end a company's name and may be dropped in a later mention ("Morrow Lane Ratings" -> "Morrow Lane").
_CORPORATE_ENDS = frozenset(
    {
        "ratings",
        "research",
        "analytics",
        "capital",
        "partners",
        "securities",
        "advisory",
        "consulting",
        "group",
    }
    | {"holdings", "inc", "corp", "ltd", "plc", "llc", "metrics", "economics", "insights", "intelligence"}
)

_COMMON = frozenset(
    {
        "first",
        "national",
        "global",
        "international",
        "american",
        "united",
        "general",
        "new",
        "great",
        "central",
        "federal",
        "european",
        "china",
        "bank",
        "morgan",
        "royal",
        "state",
        "world",
    }
)


def to_speaker(entity: Entity, orgs: dict[str, Entity], index: SpeakerIndex) -> Speaker:
    """The canonical speaker for an entity: the known one with this alias, or a new one named in every script."""
    if entity.known is not None:
        return entity.known
    for form in entity.forms:
        known = index.by_name(form)
        if known is not None and (" " in form or not form.isascii()):
            entity.known = known
            return known
    if entity.kind == "organization" and not is_latin(entity.name):
        # "墨瞳智能" in a Chinese article is the "Motong Intelligence" an English one already named: the same
        # company when its pinyin, generic ending in English, is that company's whole name
        for latin in (pinyin_org(entity.name), *pinyin_org_variants(entity.name)):
            known = index.by_name(latin) if " " in latin else None
            if known is not None and known.kind == "organization" and known.name.lower() == latin.lower():
                entity.known = known
                return known
    aliases: list[str] = []
    name = entity.name
    if entity.kind == "person" and not is_latin(name) and "·" not in name:
        # "Chang Ya-chi" is how Taiwan spells 張雅琪: English questions may use either spelling
        aliases += [w for w in (wade_giles_name(name),) if w]
        # "Au Wing-chi" is how Hong Kong spells 區詠芝, in one of a few customary ways
        aliases += cantonese_names(name)
        # a transliterated foreign name keeps its Chinese form: pinyin would garble it
        name = pinyin_name(name)
        if "'" in name:  # "Chen Yong'en" is typed "Chen Yongen" as often
            aliases.append(name.replace("'", ""))
        if "ü" in name.lower():  # "Lü Jia" is typed "Lyu Jia" or "Lu Jia" on an English keyboard
            aliases += [name.replace("ü", "yu").replace("Ü", "Yu"), name.replace("ü", "u").replace("Ü", "U")]
    elif entity.kind == "organization" and not is_latin(name):
        # Chinese organizations keep their written name (their English name cannot be guessed); pinyin is an
        # alias so that "Heyue" in an English question finds 禾跃.
        latin = pinyin_org(name)
        variants = pinyin_org_variants(name)
        aliases += [latin, *variants]
        for short in [f for f in entity.forms[1:] if not f.isascii() and 4 <= len(f) <= 6]:
            # "汀湖数投" the article shortens a long name to: "Tinghu Shutou", "Tinghu" to English readers
            aliases.append(pinyin_org(short))
            if _own_brand(short, entity, orgs):
                aliases.append(pinyin_org(short).split()[0])
        if _own_brand(name, entity, orgs):
            # "峤云智算" is "Qiaoyun" as well as pypinyin's "Jiaoyun": the brand alone in each reading
            aliases += [v.split()[0] for v in (latin, *variants)]
            brand = to_simplified(name)[:2]
            if (
                len(name) >= 4
                and brand not in GENERIC_WORDS
                and brand not in NOT_BRANDS
                and not places_in(brand)
            ):
                aliases += _script_variants(name[:2])  # "曜驰智驾" is "曜驰" to its readers, as "Yaochi" is
                if to_simplified(name) != name:
                    # "恒灃氫能" is "Hang Fung" to an English reader in Hong Kong: Cantonese, as its own name says;
                    # "嵩暉電材" is "Sunghui" in Taiwan's Wade–Giles spelling
                    aliases += cantonese_brand(name[:2]) + wade_giles_brand(name[:2])
    if entity.kind == "organization" and is_latin(name):
        # "Hanbay Data Holdings", written 瀚灣數據控股 in Chinese, is 瀚湾 to its Chinese readers
        for form in entity.forms:
            brand = to_simplified(form)[:2]
            if (
                not form.isascii()
                and len(form) >= 4
                and brand not in GENERIC_WORDS
                and brand not in NOT_BRANDS
                and not places_in(brand)
                and _own_brand(form, entity, orgs)
            ):
                aliases += _script_variants(form[:2])
    for form in [*entity.forms, name]:
        aliases += _script_variants(form) if not form.isascii() else [form]
    if entity.kind == "organization":
        aliases += org_short_names(entity.forms)
    if entity.kind == "person" and is_latin(name) and " " in name and not entity.name_zh:
        aliases.append(surname_of(name))
    if entity.kind == "person":  # "法里斯·哈达德" is "哈达德" later, "Faris Haddad" is "Haddad"
        aliases += [v for f in entity.forms if "·" in f for v in _script_variants(f.split("·")[-1])]
        aliases += [surname_of(f) for f in entity.forms if is_latin(f) and " " in f]
        aliases = [a for a in aliases if a.lower() not in WORD_SURNAMES]  # "He said" is no one's surname
    org = _org_display(entity, orgs)
    title = _title_en(entity.title)
    key_title = title_key(entity.title) if entity.title and entity.title.lower() in _PLAIN_TITLES else None
    if not entity.title or not entity.title.isascii():
        key_title = title_key(entity.title) if entity.title else None
    if key_title in TITLE_EN and org:
        role: str | None = (
            f"{TITLE_EN[key_title]}, {org}"  # "CEO, Corvane Systems", whatever the article's words
        )
    elif entity.role and entity.role.isascii() and entity.kind == "organization":
        role = entity.role
    elif entity.role and entity.role.isascii():
        role = re.sub(r"^(?:a|an|the)\s+", "", entity.role)
    else:
        role = ", ".join(p for p in (title, org) if p) or None
    positions: list[tuple[str, str]] = []
    if (
        entity.org
    ):  # whoever works there speaks for the organization: "staff" when the title is not a known one
        org_entity = orgs.get(entity.org)
        titles = [
            # a title the gazetteer lacks stays as written ("chief underwriting officer"), to be asked by its words
            title_key(part) or _unit_title_key(part) or " ".join(part.lower().split()) or "staff"
            for part in re.split(r"[兼暨及和]", to_simplified(_unit_head(entity) or entity.title or ""))
        ]
        for form in [*org_entity.forms, org_entity.name] if org_entity else [entity.org]:
            positions += [(t, form) for t in titles]
    default_role = {
        "person": ROLE_UNKNOWN,
        "organization": "organization",
        "unnamed": "unnamed source",
    }
    return Speaker(
        name=name,
        kind="organization" if entity.kind == "unnamed" else entity.kind,
        role=role or default_role[entity.kind],
        role_zh=entity.role_zh,
        name_zh=entity.name_zh,
        aliases=tuple(dict.fromkeys(a for a in aliases if a and a != name)),
        positions=tuple(dict.fromkeys(positions)),
    )
