"""Constructions that say in which unit a how-much question may be answered: a gap above or below something, a
ratio of money to money, a loss on an investment, a change that only sets the scene."""

from __future__ import annotations

import re

# "how much above farmland value did the land sell?", "how much below the list price": a gap, told as a share or a
# multiple of what it is measured from.
GAP = re.compile(r"\bhow much (?:above|below|over|under|beyond)\b(?! (?:\$|€|¥|£|\d))", re.I)

# "what are the chips worth compared with the debt?", "target price versus where it closed": one amount against
# another, told as the two amounts or as a ratio or gap between them; "now vs a year ago" asks the two amounts.
COMPARED = re.compile(
    r"(?:\bcompared (?:with|to)\b|\brelative to\b|\bversus\b|\bvs\.?(?=\s))(?![^?]{0,60}?\b(?:years?|yrs?|quarters?|qtrs?|months?|"
    r"ago|back|before|earlier|last|previous|prior|then|next|this|20\d\d|january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\b)",
    re.I,
)

# "burns how much on compute per yuan of revenue?", "每挣一块钱要花多少": money for each unit of money is a ratio.
MONEY_PER_MONEY = re.compile(
    r"\b(?:per|for (?:each|every)|on (?:each|every)) (?:dollar|yuan|euro|pound|yen|buck)s? (?:of|in)\b|"
    r"每(?:挣|赚|收|花|投|卖)?(?:一|1)?(?:块钱|块|元|美元)",
    re.I,
)

# "how big were the paper losses?", "浮亏多少": a loss not yet taken is told as a share of the cost as often as an
# amount.
PAPER_LOSS = re.compile(
    r"\bpaper loss(?:es)?\b|\bunreali[sz]ed loss(?:es)?\b|\bmark-to-market loss(?:es)?\b|浮亏|账面亏损|未实现亏损",
    re.I,
)
# "how much did the leveraged fund lose?": what a fund, a stock or a holding lost, likewise.
HOLDING_LOST = re.compile(
    r"\b(?:funds?|etfs?|etps?|stocks?|shares|portfolios?|holdings?|stakes?|investments?|positions?)\b"
    r"[^?.,;]{0,40}?\blos(?:e|es|ing|t)\b(?! (?:money|cash|revenue|sales|customers|clients)\b)",
    re.I,
)

# "How much will the fee cut cost the firm?", "降价以后每台还能赚多少": a change that is the subject or the
# setting of the question, not the move asked about.
SETTING_CHANGE = re.compile(
    r"\b(?:the|this|that|its|their|a)\s+(?:[\w-]+\s+){0,3}?(?:cut|cuts|increase|increases|hike|hikes|rise|rises|"
    r"reduction|reductions|discount|discounts)\s+(?=(?:cost|costs|save|saves|mean|means|add|adds|take|takes|"
    r"knock|knocks|shave|shaves|hurt|hurts|bring|brings|leave|leaves)\b)|"
    r"(?:降价|涨价|提价|减价|加价|降息|加息|减产|裁员|下调|上调)(?:以|之)?后|"
    # "what was it before the cut?": the change marks a time, the level is asked
    r"\b(?:before|after|since|ahead of|prior to)\s+(?:the|this|that|its|their)\s+(?:[\w-]+\s+)?(?:cut|cuts|"
    r"increase|increases|hike|hikes|rise|rises|reduction|reductions|downgrade|upgrade)\b|"
    r"(?:下调|下修|调降|上调|上修|调升|削减)(?:以|之)?前",
    re.I,
)

# "今年算力券核销率最后能到多少", "违约率多少": a rate named by its word is a percentage; an exchange rate, a
# power, a frequency or a multiple (市盈率) is not.
ZH_RATE = re.compile(
    # ("资金提存率（funded ratio）是多少": an English gloss in brackets may follow the rate's name)
    r"[\u4e00-\u9fff](?<![汇功效频倍速])(?<!市盈)(?<!市净)(?<!市销)率(?:[（(][^）)]{1,30}[）)])?[^，,。？?]{0,10}?"
    r"(?:多少|几|多高|多大)(?!钱)"
)

# ("has going for it", "fetch them": a pronoun after the verb makes it no price)
_NO_PRONOUN = r"(?!\s+(?:it|them|us|you|him|her|me)\b)"
# "what are LP stakes going for?": what something sells for, its price
SELLS_FOR = (
    r"\b(?:going|selling|fetching|changing hands) for\b"
    + _NO_PRONOUN
    # "what do older GPUs still fetch in rent?", "what did it fetch at the start of the year?"
    + r"|\bfetch(?:es|ed)?\b"
    + _NO_PRONOUN
)
# …and what something sells or sold for: a price asked ("what does an hour of data sell for now?")
SOLD_FOR = SELLS_FOR + r"|\b(?:sells?|sold) for\b" + _NO_PRONOUN
