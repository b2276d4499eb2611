"""What kind of thing a question asks: a view, a live quote, a description, a count, a refusal, or nothing."""

from __future__ import annotations

import re

# A reason or a view is asked: someone's words answer it better than the article's narration.
OPINION = re.compile(
    r"\bwhy\b|\bthinks?\b|\bworr|\bconcern|\bview\b|\bbelieves?\b|为什么|為什麼|为何|為何|怎么看|怎麼看|担心|擔心|"
    r"觉得|覺得|认为|認為",
    re.I,
)
BUBBLE = re.compile(r"bubble|泡沫", re.I)
LIVE = re.compile(r"stock quote|\bticker\b|next quarter|this quarter|下个季度|下季度|本季度|下一季", re.I)
GUIDANCE = re.compile(r"guidance|forecast|outlook|expect|财测|指引|预期|预计|预估|展望|估", re.I)
# A stock's price or market value asked as it stands, not how it moved ("股价今年涨了几倍" is in the articles).
QUOTE_NOW = re.compile(
    r"(?<!per-)(?<!per )share price|stock price|market cap|trading at|\b(?:stock|shares?) (?:\w+ )?trading\b|(?<![供配每])股价|(?<![供配每])股價|市值",
    re.I,
)
MOVED = re.compile(
    r"\b(?:fell|fall|fallen|rose|rise|risen|drop|dropped|jump|jumped|gain|gained|lost|plunge|plunged|slid|since|after)\b|"
    r"涨|跌|升|降|翻|为什么|為什麼|目标价|目標價",
    re.I,
)
# "the per-share price in the staff sale": what a deal paid, which the articles report
DEAL = re.compile(
    r"\b(?:sale|sold|tender|round|ipo|offering|placement|paid|pay|deal|listing|priced)\b|发行价|认购|配售|转让|融资|收购|供股|配股|招股|"
    # "要解禁的市值": the value of shares a lock-up frees or a holder sells, which the articles report
    r"解禁|减持|限售|质押|增持",
    re.I,
)
INSTRUCTIONS = re.compile(
    r"\b(?:ignore|disregard|forget) (?:all |any |your |the )*(?:previous |prior |above |earlier )?(?:instructions|rules|"
    r"sources|prompt)|\b(?:you are|you're) (?:now )?(?:in )?(?:test|developer|debug) mode|\bsystem prompt\b|"
    r"\bpretend (?:to be|that)|\bcite (?:him|her|them|it) with\b|忽略(?:之前|以上|所有)?的?(?:指令|指示|规则)|测试模式",
    re.I,
)
_QUESTION_WORDS = re.compile(
    r"^\s*(?:what|who|whom|which|how|why|when|where|does|did|do|is|are|was|were|can|could|will|"
    r"would|should|has|have)\b|[?？]\s*$|吗|什么|多少|谁|怎么|怎樣|哪|几|為何|为何|是否",
    re.I,
)


def genuine_question(text: str) -> bool:
    """Whether some sentence of the text, besides the instructions in it, asks something."""
    sentences = re.split(r"(?<=[.!?。！？])\s*", text)
    return any(_QUESTION_WORDS.search(s) for s in sentences if s.strip() and not INSTRUCTIONS.search(s))


DESCRIBE = re.compile(
    r"\bdescrib|\bcharacteri[sz]|\bhow (?:does|did) \S+(?: \S+)? (?:call|put it|sum)|"
    r"形容|描述|描绘|描繪|怎么说|怎麼說|如何评价|如何評價",
    re.I,
)
COUNT_QUESTION = re.compile(
    r"how many (?!times|gigawatts?|gw|dollars|billion|trillion|percent)[a-z]+|"
    r"多少(?:个|名|位|家|人|次|员工|名员工)",
    re.I,
)


# "Who declined to comment?", "谁拒绝透露…": the refusal is the answer
ASKS_REFUSAL = re.compile(
    r"\b(?:declin|refus|would(?:n't| not)|won't|wouldn't|kept quiet|no comment)|拒绝|拒絕|不愿|不願|不肯|未透露|没有透露|沒有透露",
    re.I,
)
