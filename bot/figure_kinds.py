"""What kind of number a figure is beside its measure: a share of it, or a change against which period."""

from __future__ import annotations

import re

from knowledge.figures import Figure
from knowledge.scripts import fold

# The period a change is measured against: "年增35%" and "up 64% from a year earlier" are year on year,
# "季增18%" and "up 8% from the previous quarter" quarter on quarter.
_YEAR_ON_YEAR = re.compile(
    r"年增|年减|同比|年成长|年增长|较去年同期|比去年同期|去年同期|year[- ](?:on|over)[- ]year|\byoy\b|"
    r"(?:from|than|on|over|versus|vs\.?) (?:a|the) (?:year|twelve months) (?:earlier|ago|before)|"
    r"(?:from|than|over|on|versus|vs\.?) (?:the same (?:quarter|period|month) )?(?:of |in )?last year|"
    r"(?:from|than|over|on) the (?:same|year-earlier|year-ago) (?:quarter|period|month)",
    re.I,
)
_QUARTER_ON_QUARTER = re.compile(
    r"季增|季减|环比|较上季|比上季|上一季|上季|quarter[- ](?:on|over)[- ]quarter|\bqoq\b|sequential|"
    r"(?:from|than|over|on) (?:the )?(?:previous|prior|preceding|last|second|first|third) quarter|"
    r"(?:from|than|over|on) (?:a|the) (?:quarter|three months) (?:earlier|ago|before)",
    re.I,
)
_CLAUSE = re.compile(r"[，,。；;：！？!?、]")


def comparison_basis(text: str) -> str | None:
    """ "year" or "quarter" when a text asks or states a change against a year or a quarter before."""
    folded = fold(text)
    year, quarter = _YEAR_ON_YEAR.search(folded), _QUARTER_ON_QUARTER.search(folded)
    if bool(year) == bool(quarter):
        return None
    return "year" if year else "quarter"


def figure_basis(text: str, figure: Figure) -> str | None:
    """The period a figure's change is measured against, from the words right beside it ("季增18%、年增35%")."""
    folded = fold(text)
    at = folded.find(fold(figure.text))
    if at < 0:
        return None
    before = _CLAUSE.split(folded[max(0, at - 6) : at])[-1]
    after = _CLAUSE.split(folded[at + len(figure.text) : at + len(figure.text) + 40])[0]
    return comparison_basis(before) or comparison_basis(after)


# "35% of the year's bookings", "占营收的35%", "$310 million of the deal": a part of something.
_SHARE_AFTER = re.compile(r"\s*of\b", re.I)
_SHARE_BEFORE = re.compile(r"占[^，,。；;]{0,14}$|[^，,。；;]{1,12}中的?$")


def is_share_of(text: str, figure: Figure) -> bool:
    """Whether a figure is a part of something ("35% of the bookings", "$310 million of the deal")."""
    folded = fold(text)
    at = folded.find(fold(figure.text))
    if at < 0:
        return False
    return bool(_SHARE_AFTER.match(folded, at + len(figure.text)) or _SHARE_BEFORE.search(folded[:at]))
