"""Colloquial Cantonese in a question, read as standard written Chinese ("曜芯營收幾多？" asks 多少)."""

from __future__ import annotations

import re

# Written Cantonese words and their standard written forms, in Traditional and Simplified script. Only words
# that are not also ordinary standard Chinese: 係 stays in 關係, and 話 (a word of 電話, 對話) is left alone.
_WORDS = {
    "幾多": "多少",
    "而家": "現在",
    "嗰個": "那個",
    "嗰啲": "那些",
    "嗰": "那",
    "宜家": "現在",
    "依家": "現在",
    "几多": "多少",
    "係咪": "是不是",
    "系咪": "是不是",
    "係唔係": "是不是",
    "系唔系": "是不是",
    "乜嘢": "甚麼",
    "乜野": "甚麼",
    "咩嘢": "甚麼",
    "點解": "為甚麼",
    "点解": "为什么",
    "點樣": "怎樣",
    "点样": "怎样",
    "邊個": "誰",
    "边个": "谁",
    "佢哋": "他們",
    "佢地": "他們",
    "佢": "他",
    "咗": "了",
    "嘅": "的",
    "冇": "沒有",
    "唔": "不",
    "喺": "在",
    "啲": "些",
    "咩": "甚麼",
    "睇": "看",
    # 蝕 is to lose money in Cantonese ("中期蝕咗幾多"), to erode in standard Chinese (侵蝕): only its
    # Cantonese phrases
    "蝕咗": "虧了",
    "蚀咗": "亏了",
    "蝕錢": "虧錢",
    "蚀钱": "亏钱",
    "蝕本": "虧本",
    "蝕幾多": "虧多少",
    "蚀几多": "亏多少",
    # 慳 is to save ("每年慳到幾多錢"), a character standard Chinese does not use
    "慳": "省",
    "悭": "省",
    "畀": "給",
    "俾": "給",
}
_WORD = re.compile("|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)))
# 係 as the copula ("營收係幾多"), not inside a word (關係, 聯係, 體係, 維係, 派係)
_COPULA = re.compile(r"(?<![關关聯联體体維维派])係")


def to_written_chinese(text: str) -> str:
    """The question with colloquial Cantonese words replaced by their standard written forms (same script)."""
    if text.isascii():
        return text
    return _COPULA.sub("是", _WORD.sub(lambda m: _WORDS[m.group(0)], text))
