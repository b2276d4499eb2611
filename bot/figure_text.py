"""A normalized figure written for the reader: $350 billion / 3,500亿美元 / 3,500億美元 / 人民币42亿元."""

from __future__ import annotations

from bot.i18n import convert
from knowledge.figures import format_figure

# Chinese money: the words before and after the number ("人民币42亿元", "2,500亿美元"), as each script's press writes them.
_MONEY_ZH = {
    "zh-Hans": {
        "USD": ("", "美元"),
        "EUR": ("", "欧元"),
        "JPY": ("", "日元"),
        "CNY": ("人民币", "元"),
        "TWD": ("新台币", "元"),
        "HKD": ("", "港元"),
    },
    "zh-Hant": {
        "USD": ("", "美元"),
        "EUR": ("", "歐元"),
        "JPY": ("", "日圓"),
        "CNY": ("人民幣", "元"),
        "TWD": ("新台幣", "元"),
        "HKD": ("", "港元"),
    },
}
# Chinese scales, largest first; Taiwan writes 10^12 as 兆 where the mainland writes 万亿.
_SCALES_ZH = {
    "zh-Hans": (("万亿", 1e12), ("亿", 1e8), ("万", 1e4)),
    "zh-Hant": (("兆", 1e12), ("億", 1e8), ("萬", 1e4)),
}
_UNITS_ZH = {"%": "%", "x": "倍", "GW": "吉瓦", "tokens": "个token"}


def format_figure_zh(value: float, unit: str, language: str = "zh-Hans") -> str:
    """A figure in Chinese for the script: 2,500亿美元 / 2,500億美元, 人民币42亿元, 250吉瓦, 15倍."""
    script = language if language in _SCALES_ZH else "zh-Hans"
    if unit in _MONEY_ZH[script]:
        before, after = _MONEY_ZH[script][unit]
        return before + _scaled(value, script) + after
    if unit == "GW" and 0 < abs(value) < 1:
        return f"{_trim(value * 1000)}MW"
    if unit in ("%", "x", "GW"):
        return _trim(value) + _UNITS_ZH[unit]
    if unit == "tokens":
        return _scaled(value, script) + convert(_UNITS_ZH[unit], script)
    return f"{_trim(value)}{unit}"


def figure_for(value: float, unit: str, language: str) -> str:
    """The figure in the reader's language: English for 'en', Chinese in the reader's script otherwise."""
    return format_figure(value, unit) if language == "en" else format_figure_zh(value, unit, language)


def _scaled(value: float, script: str) -> str:
    for word, scale in _SCALES_ZH[script]:
        if abs(value) >= scale:
            return _trim(value / scale) + word
    return _trim(value)


def _trim(number: float) -> str:
    return f"{number:,.2f}".rstrip("0").rstrip(".")
