"""Questions about the single largest item of a kind, which a total or an ordinary item does not answer."""

from __future__ import annotations

import re

# "the single largest loan", "the biggest single contract", "单笔最大的贷款": one item, the top one
_LARGEST_ASKED = re.compile(
    r"\bsingle (?:largest|biggest)\b|\b(?:largest|biggest) (?:single|individual)\b|"
    r"单笔最大|單筆最大|最大(?:的)?(?:一笔|一筆|单笔|單筆|单一|單一)",
    re.I,
)
# Words with which a passage singles out the top item.
_LARGEST_SAID = re.compile(
    r"\b(?:largest|biggest|single|top|most|maximum|max|record)\b|最大|最多|最高|单笔|單筆|单一|單一|之最|居首|第一大",
    re.I,
)


def largest_missing(question: str, passage: str) -> bool:
    """Whether a question asks for the single largest item ("the single largest loan in the book") and the
    passage never singles one out ("expects to add about $2 billion of new loans next year")."""
    return bool(_LARGEST_ASKED.search(question)) and not _LARGEST_SAID.search(passage)
