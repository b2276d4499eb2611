"""The words of titles, in questions and articles: which title a phrase names, and how a question asks one."""

from __future__ import annotations

import re

TITLE_WORDS: dict[str, list[str]] = {
    "ceo": [
        "ceo",
        "chief executive",
        "chief executive officer",
        "head",
        "boss",
        "leader",
        "chief",
        "首席执行官",
        "执行长",
        "行政总裁",
        "老板",
        "掌门人",
        "掌门",
        "负责人",
        "一把手",
        "who runs",
        "who heads",
        "who leads",
        "who's running",
        "who is running",
        "掌舵人",
        "掌舵",
    ],
    "cfo": [
        "cfo",
        "finance chief",
        "financial chief",
        "chief financial officer",
        "finance head",
        "head of finance",
        "finance director",
        "financial director",
        "director of finance",
        "finance boss",
        "首席财务官",
        "财务长",
        "财务总监",
        "财务主管",
        # "灵枢的财务负责人", "岚驰的财务一把手": whoever answers for the finances is the finance chief
        "财务负责人",
        "财务一把手",
        "财务老大",
        # "who runs the finances at Ashcott?": the finance chief, not the one who runs the whole place
        "who runs the finances",
        "who runs finance",
        "runs the finances",
        "runs finance",
        "runs its finances",
        "in charge of the finances",
        "in charge of finance",
        "handles the finances",
        "管财务",
        "管钱",
    ],
    "president": ["president", "总裁"],
    "cio": ["cio", "chief investment officer", "investment chief", "首席投资官", "投资总监", "投资长"],
    "treasurer": ["treasurer", "司库", "财务主管"],
    "chair": ["chair", "chairman", "chairwoman", "board chair", "chairperson", "董事长", "董事会主席"],
    "co-founder": ["co-founder", "cofounder", "co founder", "联合创始人", "联创"],
    "founder": ["founder", "founded", "创始人", "创办人"],
    "partner": ["partner", "venture capitalist", "vc", "合伙人"],
    "lead investor": ["lead investor", "lead backer", "领投方", "领投机构"],
    "investor": ["investor", "backer", "投资人", "投资者"],
    "chief scientist": ["chief scientist", "首席科学家"],
    "head of growth": ["head of growth", "增长主管"],
    "cto": ["cto", "chief technology officer", "technology chief", "首席技术官", "技术长"],
    "chro": [
        "chro",
        "chief human resources officer",
        "chief people officer",
        "chief talent officer",
        "head of hr",
        "hr chief",
        "首席人力资源官",
        "首席人力官",
        "首席人才官",
        "人力资源负责人",
        "负责人力资源",
        "人力资源总监",
    ],
    "coo": ["coo", "chief operating officer", "operating chief", "首席运营官", "营运长"],
    "chief economist": ["chief economist", "首席经济学家"],
    "economist": ["economist", "经济学家"],
    "analyst": ["analyst", "senior analyst", "chief analyst", "分析师", "分析员", "首席分析师", "首席分析员"],
    "strategist": ["strategist", "chief strategist", "策略师", "首席策略师"],
    "vice president": ["vice president", "vice-president", "vp", "副总裁"],
    "general manager": ["general manager", "总经理"],
    "director": ["director", "managing director", "head", "总监", "董事总经理"],
    "fund manager": [
        "fund manager",
        "portfolio manager",
        "bond manager",
        "money manager",
        "asset manager",
        "基金经理",
        "投资经理",
    ],
    "assessor": ["assessor", "tax assessor", "估税官", "评估官", "税务评估官"],
    "professor": ["professor", "教授"],
    "spokesperson": ["spokesperson", "spokesman", "spokeswoman", "发言人"],
    # only the whole title: "risk" and "credit" alone are what a question is about
    "chief credit officer": ["chief credit officer", "首席信贷官"],
    "chief risk officer": ["chief risk officer", "首席风险官"],
    "chief strategy officer": ["chief strategy officer", "strategy chief", "首席战略官"],
    "chief marketing officer": ["chief marketing officer", "cmo", "首席营销官"],
    "chief revenue officer": ["chief revenue officer", "首席营收官"],
    "chief commercial officer": ["chief commercial officer", "首席商务官"],
    "board secretary": ["board secretary", "company secretary", "corporate secretary", "董事会秘书", "董秘"],
}
# "Quillory's revenue chief" is its chief revenue officer: every "chief … officer" title read the other way round
CHIEF_OF = re.compile(
    r"\b("
    + "|".join(
        sorted(
            {m for ws in TITLE_WORDS.values() for w in ws for m in re.findall(r"^chief (\w+) officer$", w)}
        )
    )
    + r") chief\b"
)
# "Sivvora's head of revenue" is its chief revenue officer too
HEAD_OF = re.compile(r"\bhead of (" + CHIEF_OF.pattern.split("(", 1)[1].split(")", 1)[0] + r")\b")
# Words every title shares: a written title is told apart by its other words ("underwriting", "研发").
GENERIC_TITLE_WORDS = frozenset(
    {"chief", "officer", "head", "director", "manager", "senior", "vice", "deputy", "executive", "general"}
    | {"managing", "lead", "principal", "assistant", "associate", "global", "group", "president", "staff"}
)
GENERIC_TITLE_ZH = re.compile(r"首席|总监|主管|经理|负责人|总裁|主任|官|副|总|部")
# the distinctive word inside a title phrase: "head of underwriting", "underwriting chief", "chief underwriting officer"
TITLE_AROUND = (
    r"\b(?:head|chief|director|officer|manager|boss|vp)\s+(?:of\s+|for\s+)?{word}|"
    r"\b{word}\w*\s+(?:head|chief|director|officer|manager|boss)\b"
)
# Words of a written title that make its holder one of a kind of title: a broker's research staff are its analysts.
KINDRED_TITLES: dict[str, tuple[str, ...]] = {"analyst": ("research", "analyst", "研究", "分析")}
_SAYS_ZH = ("说", "表示", "称", "认为", "估计", "预计", "提到", "透露", "指出", "那边")


def _speaking(chinese: tuple[str, ...], english: str) -> tuple[str, ...]:
    """How a question makes a kind of organization the one speaking: "开发商说", "the developer says"."""
    return (*(f"{kind}{verb}" for kind in chinese for verb in _SAYS_ZH), f"{english} says", f"{english} said")


# What a question calls a kind of organization, and the words an article's description of one uses: the one
# organization so described is the one asked. The kind must be who speaks ("开发商说…"): "主权基金入股后估值多少"
# asks the company's valuation, not the fund's.
ORG_KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "short seller": (
        ("short seller", "short-seller", "short seller's", "做空机构", "空头机构", "沽空机构", "做空方"),
        ("short seller", "short-seller", "做空"),
    ),
    # ("ChatGPT开发商" makes software: only a builder of sites counts)
    "developer": (
        _speaking(("开发商",), "the developer"),
        ("developer", "地产开发商", "数据中心开发商", "园区开发商", "项目开发商"),
    ),
    "rating agency": (
        _speaking(("评级机构", "评级公司"), "the rating agency"),
        ("rating agency", "ratings firm", "credit rating", "评级"),
    ),
    "sovereign fund": (_speaking(("主权基金", "主权财富基金"), "the sovereign fund"), ("sovereign", "主权")),
    "utility": (_speaking(("电力公司", "公用事业公司"), "the utility"), ("utility", "电力公司", "公用事业")),
}
# "the energy minister", "the finance secretary": an office named by its portfolio, written "minister of energy"
PORTFOLIO = re.compile(r"\b([a-z]{4,}) (minister|secretary|commissioner)\b")
# "Lianshuo's former chairman", "聯碩前董事長": someone who held the title before, not whoever holds it now
# ("目前", "此前" end in 前 without meaning "former")
_FORMER = re.compile(
    r"(?:\b(?:former|ex|onetime|one-time|previous|past|retired)[\s-]*|(?<![目之此当眼提以从])前任?|原)$"
)


def written_title_asked(title: str, folded: str) -> bool:
    """Whether a title the gazetteer lacks ("head of underwriting") is asked by its own word ("underwriting chief")."""
    if title in TITLE_WORDS:
        return False
    words = [w for w in re.findall(r"[a-z]+", title) if w not in GENERIC_TITLE_WORDS and len(w) > 3]
    if any(re.search(TITLE_AROUND.format(word=re.escape(w[:6])), folded) for w in words):
        return True
    own = GENERIC_TITLE_ZH.sub("", title)
    return len(own) >= 2 and not own.isascii() and own in folded


def former_titles(folded: str, patterns: dict[str, re.Pattern[str]]) -> set[str]:
    """Titles the question asks only of a former holder."""
    former = set()
    for key, pattern in patterns.items():
        starts = [m.start() for m in pattern.finditer(folded)]
        if starts and all(_FORMER.search(folded[max(0, s - 12) : s]) for s in starts):
            former.add(key)
    return former
