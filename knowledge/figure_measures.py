"""What a figure measures, read from the words of its clause and those nearest it."""

from __future__ import annotations

import re

from knowledge.figures import Figure
from knowledge.measures import COMPILED_MEASURES, find_measures
from knowledge.passages import Passage
from knowledge.scripts import fold

_CLAUSE = re.compile(r"[，,。；;：:！？!?]|(?<=[a-z0-9%]) (?:and|but|while|which) ")


def figure_measures(passage: Passage, figure: Figure) -> set[str]:
    """The measures named in the figure's clause (or the list it continues), and in the passage's English gloss."""
    found = _clause_measures(passage.text, figure) | (
        find_measures(passage.gloss_en) if passage.gloss_en else set()
    )
    if {"cut", "spending"} <= found:
        found.add("saving")  # "电费支出每年减少约2.3亿元": a cost cut is money saved
    if "price" in found and _BY_THE_HOUR.match(_after(passage.text, figure)):
        found.add(
            "rent"
        )  # "the average price … was $1.38 an hour": what renting costs by the hour is its rent
    return found | _lease_paid(found, passage)


_BY_THE_HOUR = re.compile(r"\s*(?:an?|per|each)\s+(?:hour|day)\b|\s*(?:每|一)(?:小时|天)", re.I)


def _after(text: str, figure: Figure) -> str:
    """The few characters right after a figure in its passage."""
    folded = fold(text)
    at = folded.find(fold(figure.text))
    return folded[at + len(figure.text) : at + len(figure.text) + 16] if at >= 0 else ""


def head_measures(
    passage: Passage, figure: Figure, asked: frozenset[str] | set[str] = frozenset()
) -> set[str]:
    """The measures named nearest the figure in its clause, one before and one after it.

    "利息收入约为9.8亿" is income, not loans; "120億美元 今年夏天的年收入" names it after the figure.
    """
    folded = fold(passage.text)
    at = folded.find(fold(figure.text))
    if at < 0:
        return set()
    after = at + len(figure.text)
    start = max((m.end() for m in _CLAUSE.finditer(folded, 0, at)), default=0)
    stop = next((m.start() for m in _CLAUSE.finditer(folded, after)), len(folded))
    before: tuple[int, str] | None = None
    behind: tuple[int, str] | None = None
    starts: dict[int, str] = {}  # measures named after the figure, by where they start
    for name, pattern in COMPILED_MEASURES.items():
        if (name == "cap" and name not in asked) or (name == "share" and figure.unit != "%"):
            continue  # "sell up to $1.2 billion", "$40 a share": a bound or a price per unit, not what it measures
        for match in pattern.finditer(folded, start, stop):
            if _in_a_name(passage.text, folded, match.start()):
                continue  # "Harbourgate Data Holdings": a company's name is no measure
            if match.end() <= at and (before is None or at - match.end() < before[0]):
                before = (at - match.end(), name)
            elif match.start() >= after:
                starts.setdefault(match.start(), name)
                if behind is None or match.start() - after < behind[0]:
                    behind = (match.start() - after, name)
    if behind is not None:
        # "$212 million of revenue bonds": the noun a measure word qualifies is what the figure measures
        word = re.match(r"[\w-]+\s", folded[after + behind[0] :])
        head = starts.get(after + behind[0] + len(word.group(0))) if word else None
        if head is not None:
            behind = (behind[0], head)
    if before is not None and before[1] in _MOVES and _LEVEL_AFTER_MOVE.search(folded, 0, at):
        # "Revenue in the quarter, which ended in October, rose 6% to $14.2 billion", "营收同比增长12%至18.6亿元": the
        # move is the 6%; the level after "to" is what moved, named before it in the sentence
        level = _last_measure(passage.text, folded, at, percent=figure.unit == "%")
        if level is not None:
            before = (at - level[0], level[1])
    if before is None and start > 0 and folded[start - 1] in "，,":
        # "相关订单的占比，从一年前的2成升至目前约45%": the measure that ends the clause before is its topic
        topic = folded[max(0, start - 9) : start - 1]
        ending = [
            name
            for name, pattern in COMPILED_MEASURES.items()
            if re.search(f"(?:{pattern.pattern})$", topic, re.I)
        ]
        if ending and (ending[0] != "share" or figure.unit == "%"):
            before = (at - start, ending[0])
    heads = {found[1] for found in (before, behind) if found is not None}
    if _BY_AMOUNT.search(folded, 0, at):
        # "marked down its stake in Nerith by 25%", "cut prices by 8%": the figure measures the move the verb names
        moves = [
            (m.end(), name) for name in _BY_MOVES for m in COMPILED_MEASURES[name].finditer(folded, start, at)
        ]
        if moves:
            heads.add(max(moves)[1])
    return heads | _lease_paid(heads, passage)


def _lease_paid(measures: set[str], passage: Passage) -> set[str]:
    """Rent, when a figure measures money paid in a passage about a lease ("Under the revised lease, it will pay
    about $118 million a year")."""
    return {"rent"} if "spending" in measures and "rent" in find_measures(passage.text) else set()


_MOVES = frozenset({"growth", "cut"})
# A figure told as the size of a move: "by 25%", "by about $2 billion".
_BY_AMOUNT = re.compile(r"\bby\s*(?:about |roughly |nearly |some |around |almost )?$")
_BY_MOVES = ("writedown", "cut", "growth")
# A level a move ends at: "rose 6% to", "增长12%至", "fell to about"
_LEVEL_AFTER_MOVE = re.compile(r"(?:\bto|至|到)\s*(?:about |around |roughly |nearly |almost |约|約|近)?$")

_NAME_BEFORE = re.compile(r"[A-Z][\w&'’.-]*\s+$")


def _last_measure(text: str, folded: str, at: int, *, percent: bool) -> tuple[int, str] | None:
    """The measure named last before `at` that is no move, and where it ends (a share only for a percentage)."""
    last: tuple[int, str] | None = None
    for name, pattern in COMPILED_MEASURES.items():
        if name in _MOVES or name == "cap" or (name == "share" and not percent):
            continue
        for match in pattern.finditer(folded, 0, at):
            if not _in_a_name(text, folded, match.start()) and (last is None or match.end() > last[0]):
                last = (match.end(), name)
    return last


def _in_a_name(text: str, folded: str, at: int) -> bool:
    """Whether a capitalized word continues a capitalized name ("Data Holdings" of "Harbourgate Data Holdings")."""
    return (
        len(text) == len(folded)
        and text[at : at + 1].isupper()
        and _NAME_BEFORE.search(text, max(0, at - 40), at) is not None
    )


def figure_clause(text: str, figure: Figure) -> str:
    """The folded clause a figure is written in (the whole text when the figure is not found in it)."""
    folded = fold(text)
    at = folded.find(fold(figure.text))
    if at < 0:
        return folded
    start = max((m.end() for m in _CLAUSE.finditer(folded, 0, at)), default=0)
    stop = next((m.start() for m in _CLAUSE.finditer(folded, at + len(figure.text))), len(folded))
    return folded[start:stop]


def _clause_measures(text: str, figure: Figure) -> set[str]:
    folded = fold(text)
    at = folded.find(fold(figure.text))
    if at < 0:
        return find_measures(text)
    bounds = [0, *(m.end() for m in _CLAUSE.finditer(folded)), len(folded)]
    index = max(i for i, b in enumerate(bounds) if b <= at)
    end = bounds[index + 1] if index + 1 < len(bounds) else len(folded)
    found = find_measures(folded[bounds[index] : end])
    # "亚马逊烧掉了30亿美元，特斯拉约40亿美元，优步300亿美元": a list goes on with the measure named before it.
    while index > 0 and not found - {"growth", "cut", "share"}:
        index -= 1
        aside = _ASIDE.match(folded, bounds[index])
        if aside and index > 0:
            # "net revenue retention, which counts price rises, was 112%": an aside between commas names no measure
            # of the figure; the clause before it does
            continue
        found |= find_measures(folded[bounds[index] : bounds[index + 1]])
    total = _ADDS_UP_TO.search(folded, 0, at)
    if total is not None and total.end() >= at - 1:
        # "loans tied to data centres, powered land and offices … add up to about $4.2 billion": a total measures
        # what its subject names, however many commas before; "add up to" sets no cap
        subject = max((m.end() for m in _REPORTED.finditer(folded, 0, total.start())), default=0)
        found = (found - {"cap"}) | find_measures(folded[subject : total.start()])
    return found


# "… add up to about $4.2 billion", "… amount to", "… come to": a total of what the subject names.
_ADDS_UP_TO = re.compile(
    r"\b(?:add(?:s|ed)? up to|amount(?:s|ed)? to|c[ao]me to)\s+(?:about |around |roughly |some |nearly |almost |"
    r"more than |over |just over |just under )?"
)
# Where a reported statement's own subject starts: "Foxmoor estimated that loans …".
_REPORTED = re.compile(r"\b(?:that|said|estimated|estimates|says|found|finds|counts|counted|reckons)\s+")


# A relative clause set off by commas: "…, which counts price rises and seat changes, …".
_ASIDE = re.compile(r"\s*(?:which|who|whose|that is|including)\b")
