"""Data tables: how news writes each unit, in English, 简体 and 繁體, and what it normalizes to."""

from __future__ import annotations

# A written unit maps to (normalized unit, factor applied to the number). YEN_SIGN and BARE_YUAN
# depend on the text's language and are settled when a figure is found.
YEN_SIGN = "¥"
BARE_YUAN = "元"

# Written before the number: "$72bn", "US$1.2 trillion", "€20 billion", "RMB 50 billion", "NT$420".
MONEY_BEFORE_EN = {
    "US$": ("USD", 1.0),
    "US $": ("USD", 1.0),
    "$": ("USD", 1.0),
    "USD": ("USD", 1.0),
    "€": ("EUR", 1.0),
    "EUR": ("EUR", 1.0),
    "¥": (YEN_SIGN, 1.0),
    "￥": ("CNY", 1.0),
    "JPY": ("JPY", 1.0),
    "RMB": ("CNY", 1.0),
    "CNY": ("CNY", 1.0),
    "NT$": ("TWD", 1.0),
    "NT $": ("TWD", 1.0),
    "TWD": ("TWD", 1.0),
    "HK$": ("HKD", 1.0),
    "HKD": ("HKD", 1.0),
}
# Written before the number, optionally closed by 元: "人民币500亿元", "新台幣1,284億元".
MONEY_BEFORE_ZH = {
    "人民币": ("CNY", 1.0),
    "人民幣": ("CNY", 1.0),
    "新台幣": ("TWD", 1.0),
    "新台币": ("TWD", 1.0),
    "台幣": ("TWD", 1.0),
    "台币": ("TWD", 1.0),
    "港币": ("HKD", 1.0),
    "港幣": ("HKD", 1.0),
}
# Written after the number: "1.4 trillion dollars", "3500亿美元", "120亿元人民币", "3兆日圓".
MONEY_AFTER = {
    "dollars": ("USD", 1.0),
    "US dollars": ("USD", 1.0),
    "U.S. dollars": ("USD", 1.0),
    "euros": ("EUR", 1.0),
    "yen": ("JPY", 1.0),
    "yuan": ("CNY", 1.0),
    "renminbi": ("CNY", 1.0),
    "New Taiwan dollars": ("TWD", 1.0),
    "Taiwan dollars": ("TWD", 1.0),
    "NT dollars": ("TWD", 1.0),
    "Hong Kong dollars": ("HKD", 1.0),
    "美元": ("USD", 1.0),
    "美金": ("USD", 1.0),
    "欧元": ("EUR", 1.0),
    "歐元": ("EUR", 1.0),
    "日元": ("JPY", 1.0),
    "日圆": ("JPY", 1.0),
    "日圓": ("JPY", 1.0),
    "日币": ("JPY", 1.0),
    "日幣": ("JPY", 1.0),
    "港元": ("HKD", 1.0),
    "港币": ("HKD", 1.0),
    "港幣": ("HKD", 1.0),
    "元港币": ("HKD", 1.0),
    "元港幣": ("HKD", 1.0),
    "人民币": ("CNY", 1.0),
    "人民幣": ("CNY", 1.0),
    "元人民币": ("CNY", 1.0),
    "元人民幣": ("CNY", 1.0),
    "新台幣": ("TWD", 1.0),
    "新台币": ("TWD", 1.0),
    "元新台幣": ("TWD", 1.0),
    "元新台币": ("TWD", 1.0),
}
# 元 alone: CNY in Simplified text, TWD or CNY in Traditional text only when a currency marks the clause.
YUAN_AFTER = {BARE_YUAN: (BARE_YUAN, 1.0)}
# 元年 (first year), 二元 / 三元锂电池 (binary, ternary), 一元化: 元 in words that are not money.
YUAN_NOT_BEFORE = "(?![年素件旦宵首化论論锂鋰])"

PERCENT_AFTER = {
    "%": ("%", 1.0),
    "％": ("%", 1.0),
    "percent": ("%", 1.0),
    "per cent": ("%", 1.0),
    "pct": ("%", 1.0),
    "percentage points": ("%", 1.0),
    "percentage point": ("%", 1.0),
    "个百分点": ("%", 1.0),
    "個百分點": ("%", 1.0),
}
PERCENT_BEFORE = {"百分之": ("%", 1.0)}
# 三成 = 30%; 成本/成长/成为… are words, not tenths.
TENTHS_AFTER = {"成": ("%", 10.0)}
TENTHS_NOT_BEFORE = "本长長为為立功交员員熟果绩績就型不"

POWER_AFTER = {
    "gigawatts": ("GW", 1.0),
    "gigawatt": ("GW", 1.0),
    "GW": ("GW", 1.0),
    "megawatts": ("GW", 1e-3),
    "megawatt": ("GW", 1e-3),
    "MW": ("GW", 1e-3),
    "kilowatts": ("GW", 1e-6),
    "kilowatt": ("GW", 1e-6),
    "kW": ("GW", 1e-6),
    "吉瓦": ("GW", 1.0),
    "千兆瓦": ("GW", 1.0),
    "兆瓦": ("GW", 1e-3),
    "千瓦": ("GW", 1e-6),
    "瓩": ("GW", 1e-6),
}
TIMES_AFTER = {"times": ("x", 1.0)}
MULTIPLE_AFTER = {"x": ("x", 1.0), "×": ("x", 1.0)}
FOLD_AFTER = {"fold": ("x", 1.0), "倍": ("x", 1.0)}
TOKENS_AFTER = {
    "tokens": ("tokens", 1.0),
    "token": ("tokens", 1.0),
    "个tokens": ("tokens", 1.0),
    "个token": ("tokens", 1.0),
    "個tokens": ("tokens", 1.0),
    "個token": ("tokens", 1.0),
    "词元": ("tokens", 1.0),
    "詞元": ("tokens", 1.0),
    "个词元": ("tokens", 1.0),
    "個詞元": ("tokens", 1.0),
}

# Figures written without a number: multipliers and shares.
WORD_FIGURES = {
    "twice": (2.0, "x"),
    "double": (2.0, "x"),
    "doubled": (2.0, "x"),
    "doubles": (2.0, "x"),
    "doubling": (2.0, "x"),
    "triple": (3.0, "x"),
    "tripled": (3.0, "x"),
    "triples": (3.0, "x"),
    "tripling": (3.0, "x"),
    "quadruple": (4.0, "x"),
    "quadrupled": (4.0, "x"),
    "quadruples": (4.0, "x"),
    "halve": (0.5, "x"),
    "halved": (0.5, "x"),
    "halves": (0.5, "x"),
    "halving": (0.5, "x"),
}
ZH_WORD_FIGURES = {
    "翻倍": (2.0, "x"),
    "翻一倍": (2.0, "x"),
    "翻了一倍": (2.0, "x"),
    "翻番": (2.0, "x"),
    "翻了一番": (2.0, "x"),
    "翻一番": (2.0, "x"),
    "翻两番": (4.0, "x"),
    "翻兩番": (4.0, "x"),
    "倍增": (2.0, "x"),
    "减半": (0.5, "x"),
    "減半": (0.5, "x"),
    "腰斩": (0.5, "x"),
    "腰斬": (0.5, "x"),
    "一半": (50.0, "%"),
}
# "a quarter of", "two-thirds of": shares written as fractions, in percent.
EN_FRACTIONS = {
    "half": 50.0,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "two thirds": 200 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "three quarters": 75.0,
    "a fifth": 20.0,
    "one fifth": 20.0,
    "a tenth": 10.0,
    "one tenth": 10.0,
    "one half": 50.0,
}
# "the second half of 2027" is a period, not a share.
HALF_PERIODS = ("first", "second", "latter", "back", "front", "other", "bottom", "top")
