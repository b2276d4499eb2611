"""An unnamed source a Chinese article describes, told to an English reader: "An unnamed banker (一位…银行人士)"."""

from __future__ import annotations

import re

from knowledge.scripts import to_simplified

# The head nouns of unnamed sources in Chinese news, as English says one of them and several (first match wins).
_HEADS = {
    "知情人士": ("person familiar with the matter", "people familiar with the matter"),
    "消息人士": ("source", "sources"),
    "接近": ("person close to the matter", "people close to the matter"),
    "投行人士": ("investment banker", "investment bankers"),
    "银行": ("banker", "bankers"),
    "基金经理": ("fund manager", "fund managers"),
    "经理人": ("fund manager", "fund managers"),
    "分析师": ("analyst", "analysts"),
    "分析员": ("analyst", "analysts"),
    "研究员": ("researcher", "researchers"),
    "交易员": ("trader", "traders"),
    "投资人": ("investor", "investors"),
    "投资者": ("investor", "investors"),
    "法人": ("institutional investor", "institutional investors"),
    "高管": ("executive", "executives"),
    "高层": ("executive", "executives"),
    "负责人": ("manager", "managers"),
    "主管": ("manager", "managers"),
    "经理": ("manager", "managers"),
    "官员": ("official", "officials"),
    "律师": ("lawyer", "lawyers"),
    "会计师": ("accountant", "accountants"),
    "工程师": ("engineer", "engineers"),
    "员工": ("employee", "employees"),
    "客户": ("customer", "customers"),
    "股东": ("shareholder", "shareholders"),
    "董事": ("director", "directors"),
    "顾问": ("adviser", "advisers"),
    "供应商": ("supplier", "suppliers"),
    "业者": ("industry insider", "industry insiders"),
    "业内": ("industry insider", "industry insiders"),
}
_MANY = re.compile(r"^(?:多位|多名|几位|数位|部分|一些|有些|不少|众多)")
_TWO = re.compile(r"^(?:两位|两名)")


def unnamed_in_english(said: str) -> str:
    """'一位参与本期债券簿记的银行人士' -> 'An unnamed banker (一位参与本期债券簿记的银行人士)'."""
    simplified = to_simplified(said)
    one, many = next((forms for word, forms in _HEADS.items() if word in simplified), ("source", "sources"))
    if _TWO.match(simplified):
        return f"Two unnamed {many} ({said})"
    if _MANY.match(simplified):
        return f"Several unnamed {many} ({said})"
    return f"An unnamed {one} ({said})"
