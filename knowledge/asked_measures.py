"""The measures a question asks about, told from those of the figures it gives as context."""

from __future__ import annotations

import re

from knowledge.figures import Figure
from knowledge.measures import find_measures
from knowledge.scripts import fold

# What a figure of each unit measures, when a question names one as context ("26 吉瓦的算力相当于多少钱").
UNIT_MEASURES = {"GW": {"power"}, "%": {"share", "growth", "cut"}, "x": {"growth"}}


# "If valuations fell 30%, how much would it lose?": the condition sets the scene, the main clause asks.
_CONDITION = re.compile(
    r"^\s*(?:if|suppose|assuming|should)\b[^,?]{3,}?,|^\s*(?:如果|假如|假设|若|要是)[^，,？?]{2,}?[，,]|"
    # "收购完成后，每单位分派能多出多少", "…once the placing is done?": what happens first sets the scene
    r"^\s*(?:once|after)\s[^,?]{3,}?,|^\s*[^，,？?]{2,16}?(?:以后|之后|后)[，,]|"
    r",?\s+once\s(?:(?!\b(?:how|what)\b)[^,?]){3,60}(?=[?？]?\s*$)",
    re.I,
)


_PRICED_AT = re.compile(
    r"(?:按|以|按照)(?:当日|當日|昨日|今日)?(?:收盘价|收盤價|收市价|收市價|现价|現價|市价|市價)(?:计算|計算)?",
    re.I,
)
_HOW_ADJECTIVE = re.compile(
    r"\bhow (?!much\b|many\b|big\b|large\b|high\b|far\b|fast\b|quickly\b|long\b|soon\b|often\b|do\b|does\b|"
    r"did\b|is\b|was\b|are\b|were\b|will\b|would\b|can\b|could\b|should\b|has\b|have\b|had\b)([a-z-]+)",
    re.I,
)


# "How much cash is Veridian sitting on now that the round closed?": the noun after "how much" is asked.
_HOW_MUCH_NOUN = re.compile(
    r"\bhow (?:much|many) ((?:[a-z-]+ )?[a-z-]+)\b(?= (?:is|was|are|were|has|have|had)\b|"
    # "how much net cash will Ka Lai have": what someone will hold
    r" (?:will|would|does|do|did|could|can) [^?]{1,40}?\b(?:have|hold|keep|end up with)\b)",
    re.I,
)
# "给AI投资定的上限是多少": the noun right before "是多少" is what is asked, the rest its object.
_ZH_HEAD_NOUN = re.compile(r"的([\u4e00-\u9fff]{1,4}?)(?:是|有|为|约|大概)?(?:多少|多大|多高|几|什么水平)")
# "对那笔贷款计提了多少减值？", "how much in taxes and fees will it pay": the verb and noun around the "多少" the
# question ends on ("卖掉多少资产" is a sale), or the nouns after "how much in", are what is asked; the loan
# named before them is their object.
# ("从多少降到多少" ends on a second "多少", not on a noun)
_ZH_TAIL_NOUN = re.compile(r"([\u4e00-\u9fff]{0,2}多少((?:(?!多少)[\u4e00-\u9fff]){1,6}))[？?。！!]*\s*$")
_ZH_VERB_ASKED = re.compile(r"[\u4e00-\u9fff]{1,2}了(?:多少|几多)(?:钱)?(?=[？?。！!]*\s*$)")
_HOW_MUCH_IN = re.compile(r"\bhow much in ((?:[a-z-]+ ){0,2}[a-z-]+)", re.I)

# "how big a cut is the exchange taking on bookings?", "takes a 15% cut": a take, not a reduction ("how big a cut in
# %?" is one)
CUT_TAKEN = re.compile(
    r"\ba cut\b[^?,.]{0,30}\btak(?:e|es|ing|en)\b|\btak(?:e|es|ing|en) a (?:[\w%-]+ )?cut\b", re.I
)
_SHARE_OF_CHANGE = re.compile(r"\s*what (?:share|portion|proportion|percentage|fraction|part) of\b", re.I)
_PART_FROM = re.compile(r"多少(?:是)?(?:来自|出自)")


# "够建多大规模的数据中心", "how big a data centre could the land hold?": a site's size is its power capacity.
SITE_SIZE = re.compile(
    r"(?:够|能|可以?|足以)(?:建|盖|蓋|容纳|支撑|放)(?:下)?多(?:大|少)(?:规模|容量)?的?(?:数据中心|资料中心|机房|算力|园区)|"
    r"\bhow (?:big|large|much) (?:a |of (?:a |the )?)?data[- ]cent(?:er|re)s?(?: capacity)?\b[^?]{0,30}\b(?:could|can|would|will)\b"
    r"[^?]{0,40}\b(?:hold|fit|support|hosts?|take|build|built)\b|\benough (?:land |room |space )?for how (?:big|large|much)\b",
    re.I,
)


def asked_measures(question: str, figures: list[Figure]) -> set[str]:
    """The measures a question asks about, without those of the figures it gives as context."""
    if SITE_SIZE.search(fold(question)):
        return {"power"}
    context = {m for f in figures for m in UNIT_MEASURES.get(f.unit, set())}
    main = _CONDITION.sub("", question)
    main = main if main.strip() else question
    # "按收盘价大概能套现多少钱": the price is how it is counted, not what is asked
    main = _PRICED_AT.sub(" ", main)
    # "the shipped-but-not-yet-accepted equipment": a compound adjective describes the thing, it is not asked
    main = _COMPOUND_ADJECTIVE.sub(" ", main)
    how = (
        _HOW_ADJECTIVE.search(main)
        or _HOW_MUCH_NOUN.search(main)
        or _HOW_MUCH_IN.search(main)
        or _ZH_HEAD_NOUN.search(fold(main))
        or _measured_tail(fold(main))
    )
    named = find_measures(how.group(1)) - context if how else set()
    verb = _ZH_VERB_ASKED.search(fold(main))
    verb_asks = find_measures(verb.group(0)) if verb and not named else set()
    if verb_asks in ({"spending"}, {"burn"}):
        # "这期债一共募了多少钱？": raising or losing money before the closing "多少" is what is asked, the bond
        # its object ("订阅赚了多少" is left to the whole question: earning is revenue or profit by what earns)
        named = verb_asks
    clause = re.split(r"[,;?？]|\band\b", main[how.end() :])[0] if how is not None else ""
    if named == {"cash"} and "burn" in find_measures(clause):
        named = {"burn"}  # "How much cash was Orvane burning each month?": cash burned is the burn asked
    # "How oversubscribed was the bond deal?": the adjective asked about is the measure, the rest its object
    found = named or find_measures(main) - context
    rate = _NAMED_RATE.search(fold(main))
    if rate and not found & _RATE_KINDS and not find_measures(rate.group(1) or rate.group(2)):
        # "算力券核销率能到多少", "违约率多少": a rate named by a word no measure knows ("核销", "违约") is not
        # measured by the thing it is a rate of (the vouchers, the debt); "负债比率" is still debt
        found = set()
    if energy_priced(question):
        found = found | {"price"}  # "what do data centres pay for power?": a price per unit of energy
    if found <= {"power"} and "utilization" in find_measures(main):
        found = {"utilization"}  # "用了峤云多少算力": how much of the compute was used, not how much there is
    if CUT_TAKEN.search(main):
        found = (found - {"cut"}) | {"share"}  # "how big a cut is the exchange taking on bookings?": its take
    if _SHARE_OF_CHANGE.match(main):  # "what share of the growth came from data centres?" asks the part
        found = (found - {"growth", "cut"}) | {"share"}
    if _PART_FROM.search(fold(main)):  # "营收有多少是来自AI": a part of the revenue named before it
        found = found | {"share"}
    # "net revenue retention", "how did the stock react to the results": a named metric is the whole ask
    named = found & _NAMED_METRICS
    # "how much of the capacity it rents is being used?": the use asked stays beside the rent that names the thing
    return (named | (found & {"utilization"})) if named else found


def _measured_tail(question: str) -> re.Match[str] | None:
    """The question's closing "…多少X" when X itself names a measure ("多少减值"; not "多少钱")."""
    tail = _ZH_TAIL_NOUN.search(question)
    return tail if tail and find_measures(tail.group(2)) else None


# A rate asked by its name: the word before "率" or "rate" says what it measures.
_NAMED_RATE = re.compile(
    r"([\u4e00-\u9fff]{1,4}(?<![汇功效频倍速])(?<!市盈)(?<!市净)(?<!市销)率)[^，,。？?]{0,10}?(?:多少(?!钱)|几|多高|多大)|"
    r"\bwhat(?:'s| is| was)?\b[^?]{0,40}?\b([a-z-]+ rates?)\b",
)
# Measures that are rates of their own kind: "毛利率" is a margin, "上架率" a utilization.
_RATE_KINDS = frozenset({"margin", "utilization", "yield", "retention", "share"})
_COMPOUND_ADJECTIVE = re.compile(r"\b[a-z]+(?:-[a-z]+){2,}\b", re.I)
_NAMED_METRICS = frozenset({"retention", "stock", "yield", "net_debt", "buyback", "rent", "severance"})


# Units of energy a price may be quoted per ("$0.08 per kilowatt-hour").
ENERGY_UNITS = frozenset({"kilowatt-hour", "megawatt-hour"})
_ENERGY_PRICED = re.compile(
    r"每度|每千瓦时|每兆瓦时|电价|per (?:kwh|mwh|kilowatt[- ]hour|megawatt[- ]hour)|"
    r"an? (?:kilowatt|megawatt)[- ]hour|power price|electricity price|"
    r"\bpays? for (?:their |its |the )?(?:power|electricity)\b(?! (?:plants?|lines?|grid|upgrades?))",
    re.I,
)


def energy_priced(text: str) -> bool:
    """Whether a question asks a price per unit of energy ("每度电多少钱", "the price per megawatt-hour")."""
    return bool(_ENERGY_PRICED.search(fold(text)))
