"""What a question asks for: the units whose figures could answer it, and the measures each of its parts asks."""

from __future__ import annotations

import re

from knowledge.asked_measures import CUT_TAKEN, SITE_SIZE, asked_measures
from knowledge.asks_quantity import QUANTITY
from knowledge.figures import Figure
from knowledge.measures import find_measures
from knowledge.scripts import fold, space_scripts
from knowledge.unit_cues import (
    COMPARED,
    GAP,
    HOLDING_LOST,
    MONEY_PER_MONEY,
    PAPER_LOSS,
    SETTING_CHANGE,
    ZH_RATE,
)
from knowledge.unit_words import CURRENCIES, CURRENCY_WORDS, UNIT_WORDS

# "how many CIOs plan to spend more", "how many rounds were down rounds": how many of a group do something, which
# surveys and trackers give as a share of the group ("only 18% plan to increase spending").
_HOW_MANY_OF_A_GROUP = re.compile(
    r"\bhow many (?:[\w-]+ ){0,3}?(?:cios|ctos|cfos|executives|companies|firms|start-?ups|rounds|deals|financings|"
    r"customers|clients|respondents|investors|managers|funds|banks|lenders|borrowers|buyers|users|households|"
    r"tenants|employees|workers|staff|developers|projects|issuers|ipos|listings|loans)\b(?: in [\w-]+)? "
    r"(?:(?:were|are) (?!there\b)|plan(?:ned)? to|expect(?:ed)? to|intend(?:ed)? to|said|say|reported|saw|see)",
    re.I,
)
# "How much of X's revenue…", "占多少", "幾成": a share, whatever else the question mentions.
_SHARE = re.compile(
    r"how much of\b|how (?:dependent|reliant|exposed|concentrated)\b|what (?:share|portion|proportion|percentage|fraction)|how big a (?:share|slice|stake)|"
    r"\b(?:slice|piece) of\b|(?:里|裡|中|之中)有?多少(?!钱|錢|亿|億|万|萬)|"
    # "how much new signed capacity comes from AI customers?": the part from one source, as a share
    r"\bhow much\b[^?]{0,50}\b(?:comes?|came|coming) from\b|"
    # "what numbers did he give for cost share vs capacity?": a share named by what it divides
    r"\b(?:cost|revenue|sales|wallet|voting|load|capacity|profit) shares?\b(?! (?:price|sale|buyback)s?\b)|"
    r"what % |占.{0,24}(?:多少|几成|多大)|几成|多少成|比重|占比|比例|负债比|负债率|比率|有?多少(?:是)?集中|"
    r"有?多少(?:会|将|要)?(?:来自|用[于在来]|投[向入到在]|流向|花在)|有多少是|分[到得](?:多少|几成)",
    re.I,
)
# "What yield did the bonds price at?": a rate, whatever money words come with it.
_RATE = re.compile(
    r"\b(?:yield|coupon|interest rate|irr)s?\b|\b(?:annual|expected|target|yearly) returns?\b|"
    # a loan-to-value ratio is a percentage, whatever loan amounts the question mentions
    r"\bloan-to-value\b|\bltv\b(?!\s*(?:/|:|to)\s*cac)|"
    r"\butili[sz]ation\b|\boccupancy\b|\b(?:utilization|utilisation|occupancy|vacancy|default|redemption|churn|penetration|renewal|loss|write-off|"
    r"charge-off|delinquency) rates?\b|"
    r"\b(?:net |gross )?(?:revenue |dollar )?retention\b|\bpayout ratios?\b|派息比率|派息率|分红率|"
    r"\bwhat (?:[\w-]+ )?rate\b|\bwhere (?:is|are|was|were|does|do|did)\b[^?]{0,50}\bmark(?:ing|ed|s)?\b|"
    r"收益率|殖利率|利率|收多少息|收几多息|报酬率|回报率|[上使利稼出入占]\w?率|渗透率|留存率|流失率|转化率|空置率|违约率|市占率|占有率|"
    r"良率|退货率|覆盖率|回收率|开工率|达成率|增长率|成长率|"
    # "百分之几的人真的掏钱了": a percentage is asked, whatever money the people pay
    r"百分之(?:几|多少)|(?:几|多少)个百分点|\bwhat percent(?:age)? of (?:the )?(?:users|people|customers|buyers)\b",
    re.I,
)
# "how much of the raise is earmarked for supply?": part of an amount, which may be told as an amount.
_ALLOCATION = re.compile(
    r"\bearmark|\bgo(?:es|ing)? (?:to|into|toward)|\ballocat|\bset aside|\bused (?:for|to)|\bspent on|\bput into|"
    r"\bput(?:s|ting)? up\b|\bcontribut|\b(?:is|are|was|were) (?:meant |earmarked |slated |set )?for\b|"
    # "how much of the bill will the developer cover?": the part someone pays
    r"\bcover(?:s|ed|ing)?\b|\bpa(?:y|ys|id|ying) for\b|\babsorb|\bshoulder|\bpick(?:s|ed|ing)? up\b",
    re.I,
)
_MONEY_NOUN = re.compile(
    r"\b(?:money|cash|dollars|funding|payments?|bonds?|notes|loans?|debt|offering|budgets?|capex|spending|proceeds|"
    # "how much of the rights issue would it take?": a slice of a share sale, as an amount or a share
    r"rights issues?|share sales?|placements?|placings?|ipos?|raises?|fundraising|(?:funding )?rounds?|"
    # "how much of its commitment has it paid in?", "how much of the unlocked stock could be sold?"
    r"commitments?|(?:unlocked |locked-up |restricted )stock)\b",
    re.I,
)
# What someone pays, whose move is an amount too: "the bill has come down", "账单降了多少".
_BILL = re.compile(r"\b(?:bills?|invoices?)\b|账单|帳單")
_PRICE_PER = re.compile(
    r"\bper (?:seat|user|licen[cs]e|robot|chip|gpu)\b|每(?:个|位)?(?:席位|用户|账号|帳號)"
)
_MONEY_ZH = re.compile(r"钱|资金|募资|募集|款项")
# "公司的数字里有多少是促销额度": a part of a reported figure, told as an amount or a share of it.
_FIGURE_ZH = re.compile(r"(?:数字|数目|金额|总额)(?:里|裡|中|之中)有?多少")
# "超额认购了多少倍", "how many times over": a multiple, whatever the money words.
_MULTIPLE = re.compile(r"多少倍|几倍|幾倍|how many times|what multiple", re.I)
# "给AI投资定的上限是多少": a limit may be a share as often as an amount.
_LIMIT = re.compile(r"\bcap(?:s|ped)?\b|\blimit|\bceiling|上限|封顶|天花板", re.I)
# "内部人最多能卖多少": the most an amount may be is a limit too, a share of holdings as often as money.
_AT_MOST = re.compile(r"\bat (?:the )?most\b|\bmaximum\b|最多(?:能|可以?|只能|允许)|至多", re.I)
# "How much cheaper is power in Gansu?": a difference, told as a share or a multiple.
_COMPARATIVE = re.compile(
    r"how much (?:cheaper|dearer|more expensive|less expensive|higher|lower|bigger|smaller|larger|faster|slower)\b|"
    # "how much less time did doctors spend on notes": a time, power or space saved is told as a share
    r"how much (?:less|more|extra) (?:time|power|energy|water|space|floor space|electricity)\b|"
    r"\bout-?(?:price|sell|earn|pace|grow)\w*|"
    r"\bhow far (?:below|above|under|over|behind|ahead of)\b|"
    r"(?:便宜|贵|低|高|快|慢|大|小|(?<!至)少)(?:了)?(?:多少|几成|幾成)|超(?:过|出)[^，。？?]{1,10}多少|"
    r"(?:比起来|相比|相较|比较)[^，。？?]{0,6}多少",
    re.I,
)
_GROWTH = re.compile(
    r"\brais(?:e|es|ed|ing) (?:its |their |the |our )?(?:prices?|rates?|premiums?|fees?|rents?|tariffs?)\b|"
    r"\b(?:grow|grew|grown|growth|increase[sd]?|rise|rose|risen|jump(?:ed)?|up from (?=[\d$€¥]|about|around|roughly|nearly|last|a year|the same)|multipl|"
    r"cut|cuts|slash(?:ed)?|lower(?:ed)?|reduce[sd]?|discount)\w*|"
    r"\b(?:y/y|yoy|q/q|qoq|year[- ]on[- ]year|year[- ]over[- ]year)(?![\w/])|"
    # "how much have premiums gone up?": a move, told as a percentage
    r"\b(?:gone|go|goes|went|going|moved|crept|ticked|edged|shot|come|came|coming) (?:up|down)\b|"
    r"成长|增长|涨了|涨多少|多快|增速|翻了|增加了|增幅|年增|比去年|同比|按年|升了|升多少|升幅|降价|砍|下调|降了|降低|削减|折扣|折价|折让|降.{0,3}(?:多少|几)",
    re.I,
)
# How a share price moved ("how did the stock react?"): answered by a percentage.
STOCK_MOVE = re.compile(
    r"\b(?:stock|shares?|share price)\b.{0,20}\b(?:react|respond|do|fare|move|close|end|finish|settle|trade)\w*|"
    r"\bwhat happened to\b.{0,40}\b(?:stock|shares?|share price)\b|"
    r"(?<![供配每])股价.{0,6}(?:反应|表现|怎么|如何|多少)|股票.{0,6}反应"
)
_CHANGE = re.compile(
    r"\b(?:fell|fall|fallen|rose|rise|risen|grew|grow|dropped|drop|declined|decline|increased|"
    r"decreased|slipped|jumped|climbed|hit|slump(?:ed)?|tumbled?|plunged?|sank|sink|soared?|surged?|"
    r"shrink|shrank|shrunk|shrinks|contracted(?!\s+[a-z]))\b|萎缩|缩水|下跌|上涨|下降|下滑|滑落|上升|增长|跌了|涨了|跌幅|涨幅|降幅|增幅|"
    r"(?:[跌降涨漲]|(?<![卖賣花用烧燒亏虧推辞辭退丢丟])掉).{0,3}多少|(?:少掉|少了|减少|減少|缩水).{0,3}多少",
    re.I,
)


def question_units(folded: str) -> set[str]:
    """The units whose figures could answer the question, or any of its parts ("how much, and how fast is it
    growing?" asks for an amount and a rate)."""
    parts = [p for p in _QUESTION_PART.split(folded) if p.strip()]
    units = _units_of(folded)
    if len(parts) > 1:
        asking = [p for p in parts if QUANTITY.search(p)]
        for n, part in enumerate(asking):
            # the part with the rest of the question as context, without the other parts' own asks
            others = [p for p in parts if p not in asking]
            own = _units_of(" ".join([*others, part]))
            # "how big is the backlog, and how much has it grown?": any unit answers the first part, while
            # "涉案多少钱，追回来多少了？" asks the second in the first one's unit
            if not own and n == 0:
                return set()
            units |= own
    return units


def asking_parts(text: str) -> list[str]:
    """The parts of a question that each ask for a quantity ("…收多少？电量电价从多少降到多少？" asks two)."""
    return [
        p
        for p in _QUESTION_PART.split(text)
        if p.strip() and (QUANTITY.search(fold(p)) or (_WHATS_MEASURE.match(p) and find_measures(p)))
    ]


def measures_of_parts(text: str, figures: list[Figure]) -> set[str]:
    """The measures each part of a question asks ("What ARR did she give, and how fast is it growing?" asks
    revenue and growth), or those of the whole question when it has one part."""
    parts = [p for p in _QUESTION_PART.split(text) if p.strip()]
    # ("…, and what's its monthly burn?": a measure asked by name is asked as much as one asked how much of)
    asking = [p for p in parts if QUANTITY.search(fold(p)) or (_WHATS_MEASURE.match(p) and find_measures(p))]
    if len(asking) < 2:
        return asked_measures(text, figures)
    # each part with the rest of the question as context ("X's capex — how much, and how fast is it growing?"), but
    # not a condition that sets the scene ("翠嵘做完供股以后，净负债率能压到多少？": the rights issue is not asked)
    context = [p for p in parts if p not in asking and not _SETS_THE_SCENE.search(p)]
    found = [asked_measures(" ".join([*context, p]), figures) for p in asking]
    return set().union(*found) or asked_measures(text, figures)


_WHATS_MEASURE = re.compile(
    r"\s*(?:and\s+)?(?:what|where)(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+(?:its|their|the)\b", re.I
)
_SETS_THE_SCENE = re.compile(
    r"(?:以后|之后|后|的话)\s*$|^\s*(?:如果|假如|假设|若|要是|if|once|after)\b", re.I
)
# Where a question asks a second thing: "？比去年…", "— how much, and how fast…".
_QUESTION_PART = re.compile(
    # "how much debt is it taking on, and at what interest rate?": a preposition may lead the second ask
    r"[?？]\s*|\s[—–-]\s|,\s*(?:and\s+)?(?:at\s+|in\s+|by\s+|on\s+|for\s+)?(?=how\b|what\b|where['’]s\b)|"
    r"\s+and\s+(?:at\s+|by\s+)?(?=how\b|what\b)|，(?=.{0,12}(?:多少|几|多大))"
)
_PER_SHARE = re.compile(r"\bper[- ]share\b|\b(?:for )?(?:each|a) share\b|每股", re.I)
_BY_HOW_MUCH = re.compile(r"\bby how much\b|超出多少|超支多少|多出多少", re.I)
# "cut the price to?", "降到多少": the level a figure arrived at, not how much it moved.
_ARRIVES = re.compile(
    # "what will the bill come to?" asks the amount, not where a price was moved to
    r"(?<!come )(?<!comes )(?<!amount )(?<!add up )\bto\s*(?:what\b[^?？]*)?[?？]\s*$|\bto what (?:level|price|rate)\b|[降涨升提增减跌砍][到至]剩?多少",
    re.I,
)
# "从多少降到多少": the two levels are asked, not the change between them.
_FROM_TO = re.compile(r"从多少.{0,8}[到至]多少|from (?:what|how much) (?:\w+ ){0,3}to what", re.I)


# "机柜有多少在用", "用了多少算力", "会用掉多少预留电力": how much of a capacity is in use; "租出去多少": how much
# of it is let
_USED_SHARE = re.compile(
    r"多少在用|用[了掉]?[^，。？钱]{0,6}?多少(?:算力|产能|容量|机柜|(?:预留|申报|签约|约定)的?电力)|租出去?了?多少(?![兆吉千]?瓦|平方|面积|钱|租金)"
)


def _units_of(folded: str) -> set[str]:
    """The units whose figures could answer one question; money is every currency unless one is named."""
    spaced = space_scripts(folded)  # "ARR到多少": the acronym is a whole word
    if _USED_SHARE.search(folded):
        return {"%"}  # "用了峤云多少算力", "机柜有多少在用": the share of a capacity in use
    units = {unit for unit, pattern in UNIT_WORDS if pattern.search(spaced)}
    if any(pattern.search(spaced) for _, pattern in CURRENCY_WORDS):
        units.add("money")  # "投多少日元": a currency named is money asked
    if "GW?" in units:
        # "compute subsidies", "electricity costs": money spent on capacity, not the capacity
        units = units - {"GW?"} if "money" in units else (units - {"GW?"}) | {"GW"}
    if SITE_SIZE.search(folded):
        return {"GW"}  # "够建多大规模的数据中心": how much power the land could hold
    if _MULTIPLE.search(folded):
        return {"x"}  # "毛利率是传统板子的几倍": the multiple is asked, whatever rate it compares
    if _RATE.search(folded) or ZH_RATE.search(folded):
        return {"%"}
    if _HOW_MANY_OF_A_GROUP.search(folded) or CUT_TAKEN.search(folded):
        return {"%"}  # "how many CIOs plan to spend more?": told as the share of them that do
    if _PART_OF_WHOLE.search(folded):
        return {"%"} | _currencies(
            folded
        )  # "能把应收款收回多少": a part of the whole, as a share or an amount
    share = _SHARE.search(folded)
    if share:
        if (
            (share.group(0).startswith("how much of") or re.match("(?:里|裡|中|之中)有?多少", share.group(0)))
            and (("money" in units and _ALLOCATION.search(folded)) or _MONEY_NOUN.search(folded))
        ) or (re.match("有?多少(?:会|将|要)?[用投流花]", share.group(0)) and _MONEY_ZH.search(folded)):
            # "how much of the $1.8 billion raise is earmarked for supply?", "how much of the deal is guaranteed
            # money?": a slice, told as a share or an amount
            return {"%"} | _currencies(folded)
        if share.group(0).startswith(("分到多少", "分得多少")) or _FIGURE_ZH.search(folded):
            return {"%"} | _currencies(folded)  # "城市能分到多少": its cut, as a share or an amount
        if re.match(r"\s*how (?:big|large)\b", folded) and re.search(
            r"\b(?:piece|slice|chunk|part) of\b", folded
        ):
            # "how big is the bank's piece of the loan?": a size, either way ("how big a stake" is a percentage)
            return {"%"} | _currencies(folded)
        return {"%"}
    if _COMPARATIVE.search(folded) or GAP.search(folded):
        # "订单要是缩水三成，收入会少多少": the change is named, so how much less is an amount
        named = _currencies(folded) if "money" in units and _NAMED_RATE.search(folded) else set()
        return (units - {"GW", "money"}) | {"%", "x"} | named
    if _BY_HOW_MUCH.search(folded) and units <= {"money"}:
        units = units | {"%", "money"}  # "by how much could it overrun its budget?": a share or an amount
    if "money" in units and COMPARED.search(folded):
        units = units | {"%", "x"}  # "worth compared with the debt": the two amounts, or their ratio or gap
    if "money" in units and MONEY_PER_MONEY.search(folded):
        units = units | {"x"}  # "burns how much on compute per yuan of revenue?": a ratio of money to money
    if PAPER_LOSS.search(folded):
        units = units | {"%", "money"}  # "how big were the paper losses?": a share of the cost or an amount
    elif "money" in units and HOLDING_LOST.search(folded):
        units = units | {"%"}  # "how much did the leveraged fund lose?": likewise
    # "how much will the fee cut cost?": the change is the subject, the cost is asked
    moving = SETTING_CHANGE.sub(" ", folded)
    if _ARRIVES.search(folded) and units <= {"money", "%", "x"}:
        # "what did it cut the price to?": the new level, in money or as a rate; "存货升到多少" names no unit, and
        # any figure of the thing may answer
        units = units | {"%"} if units else units
    elif _GROWTH.search(moving) and units <= {"money", "%", "x"} and not _FROM_TO.search(folded):
        # "how much has his monthly compute bill come down?": a bill's fall is told in money as often as in percent
        # and "how much per seat was it paying before it cut back?" asks a price, whatever was cut
        # and "订单要是缩水三成，收入会少多少" names the change: what it costs is the amount
        kept = (
            units & {"money"}
            if _BILL.search(folded) or _PRICE_PER.search(folded) or _NAMED_RATE.search(folded)
            else set()
        )
        units = (units - {"money"}) | {"%", "x"} | kept
    elif _FROM_TO.search(folded) and _RATE_OF_GROWTH.search(folded):
        units = units | {"%"}  # "營收成長從多少下修到多少": the growth rate before and after, in percent
    elif (
        _CHANGE.search(moving)
        or STOCK_MOVE.search(folded)
        or _LIMIT.search(folded)
        or ("money" in units and _AT_MOST.search(folded))
    ) and units <= {
        "money",
        "%",
        "x",
        "GW",
    }:
        units.add("%")  # "how much did prices fall?" is answered by a percentage as often as by an amount
    if "money" in units and _LOST_TO.search(folded):
        units.add("%")  # "how much revenue does it lose every year to automation?": often told as a share
    if "money" in units and _AMOUNT_OR_SHARE.search(folded):
        units.add("%")  # "how much equity would loans have needed?": "equity of 35% of the project cost"
    if _PER_SHARE.search(folded) and units <= {"%", "x"}:
        units = units | {"money"}  # "by how much per share will it cut earnings?": an amount for each share
    if "money" in units:
        units = (units - {"money"}) | _currencies(folded)
    return units


# A percentage the question itself names ("缩水三成", "if orders fall 30%"): the change is given, not asked.
_NAMED_RATE = re.compile(
    r"(?<![几多])[0-9一二三四五六七八九两]+(?:\.\d+)?\s*(?:成(?![本交立功为长])|%|percent\b)"
)
# "營收成長從多少下修到多少": a growth rate's levels, before and after
_RATE_OF_GROWTH = re.compile(
    r"(?:成长|增长|增速|年增率?|growth)\S{0,4}(?:从|由)多少|growth (?:rate )?from what", re.I
)


# "把应收款收回多少", "把库存卖掉多少": how much of a whole is collected, sold or used up, told as a share of it
# ("收回其中的五成") as often as an amount.
_PART_OF_WHOLE = re.compile(
    r"把[^，,。；;？?]{1,16}?(?:收回|回收|追回|拿回|要回|卖掉|卖出|出售|花掉|用掉|还掉|还清|偿还|消化|去化|转让|减持)了?多少|"
    # "数据中心客户贡献了多少收入": a part of the revenue, as a share or an amount
    r"贡献了?多少(?:收入|营收|利润|销售额)"
)


# What is put up against a whole, told as an amount or as its share of the whole.
_AMOUNT_OR_SHARE = re.compile(
    # "what could lenders get back?": a recovery is told as a share of the debt as often as an amount
    r"\bequity\b|\bdown ?payments?\b|\bdeposits?\b|\bcollateral\b|\bget(?:s|ting)? back\b|\brecover(?:s|ed|y)?\b|"
    r"首付|保证金|资本金|自有资金|押金",
    re.I,
)


# "lose … to automation", "lost to rivals": what something takes away from a whole.
_LOST_TO = re.compile(
    # "how much value could the campus lose?": a fall in value is told as a share as often as an amount
    r"\bvalue\b[^?.,;]{0,40}?\blos(?:e|es|ing|t)\b|\blos(?:e|es|ing|t)\b[^?.,;]{0,20}?\bvalue\b|"
    r"\blos(?:e|es|ing|t)\b[^?.,;]{0,40}?\bto\b(?! (?:be|have|make|get)\b)|流失|被.{1,8}(?:抢走|吃掉|取代)",
    re.I,
)


def _currencies(folded: str) -> set[str]:
    """The currencies a question names, or every currency when it names none."""
    return {unit for unit, pattern in CURRENCY_WORDS if pattern.search(folded)} or set(CURRENCIES)
