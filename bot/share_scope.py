"""The whole a share question takes its part of ("成交额里…占几成"), and whether a passage names it."""

from __future__ import annotations

import re

from knowledge.figures import Figure
from knowledge.passages import Passage
from knowledge.scripts import fold

# "沧屿交易所的成交额里，语料占几成": the whole before 里/中, the share asked after it; a 中 that starts a word
# ("数据中心占多少", "中国市场") or 里 that ends one ("公里") is no "among".
_WHOLE_ASKED = re.compile(
    r"(?P<whole>[\u4e00-\u9fff]{2,12})(?:(?<!公)里(?!程)|裡|中(?![心国國期间間央部东東层層型标標介旬])|之中|当中|當中)"
    r"[，,]?[^，,。？?]{0,16}?[占佔]"
    r"[^，,。？?]{0,6}(?:多少|几成|幾成|比例|比重|百分之几)"
)


def whole_missing(question: str, passage: str) -> bool:
    """Whether a Chinese passage never names the whole a share question takes its part of ("成交额里…占几成" is
    not answered by "挂牌产品中约六成", a share of the products listed)."""
    found = _WHOLE_ASKED.search(fold(question))
    if found is None or not re.search(r"[\u4e00-\u9fff]", passage):
        return False
    # "沧屿交易所的成交额": what comes before 的 is whose whole it is
    whole = re.sub(r"^.*[的嘅]", "", found.group("whole"))
    text = fold(passage)
    return len(whole) >= 2 and not any(whole[i : i + 2] in text for i in range(len(whole) - 1))


# "80% of the $4.2 billion", "占46亿元的约八成": a share whose whole is written right beside it.
_OF_WHOLE = re.compile(r"\s*(?:of|of the|of its|of their|of that)\s+$", re.I)


def share_of_amount(passage: Passage, figure: Figure, amounts: list[Figure]) -> bool:
    """Whether a share in a passage is of an amount the question names ("of the $4.2bn build, what portion…?" is
    answered by "about 80% of the $4.2 billion", before a share of something else)."""
    if figure.unit != "%" or not amounts:
        return False
    folded = fold(passage.text)
    at = folded.find(fold(figure.text))
    if at < 0:
        return False
    after = at + len(figure.text)
    for whole in passage.figures:
        if whole.unit == "%" or not any(_same(whole, a) for a in amounts):
            continue
        start = folded.find(fold(whole.text), after)
        if 0 <= start - after <= 16 and _OF_WHOLE.match(folded[after:start]):
            return True
    return False


def _same(one: Figure, other: Figure) -> bool:
    """The same amount, however written ("$4.2bn" and "$4.2 billion")."""
    return one.unit == other.unit and abs(one.value - other.value) <= 1e-6 * max(abs(one.value), 1.0)
