"""Common given names whose gender is all but certain: a prior for he/she when the text has not said."""

from __future__ import annotations

FEMALE = frozenset(
    """
abigail adriana aisha alexandra alice alicia alison amanda amy ana andrea angela anna anne annie ashley barbara
beatrice bethany brenda brittany camila carla carmen caroline catherine cathie charlotte chloe christina christine
claire claudia cynthia daniela deborah debra denise diana diane donna dorothy eleanor elena elisabeth elizabeth
ellen emily emma erin eva fatima fiona francesca gabriela gina grace hannah heather helen helena hillary ingrid
irene isabel isabella jacqueline jane janet janice jennifer jessica jill joan joanna josephine judith julia julie
karen kate katherine kathleen kathryn katie kelly kimberly kristalina laura lauren leah linda lisa lucy lydia
madeline margaret maria marie marina marissa martha mary megan melanie melissa michelle miriam molly monica nadia
nancy natalie natasha nicole nina olivia pamela patricia paula penny priya rachel rebecca rita rosa ruth sabrina
samantha sandra sara sarah sharon sheryl sofia sophia stephanie susan suzanne tamara teresa theresa tiffany
valerie vanessa victoria virginia wendy yvonne zoe ursula christine mira gita indra janet lael ngozi
""".split()
)
MALE = frozenset(
    """
aaron adam adrian ahmed alan albert alex alexander ali amit andrew andy anthony antonio arthur arvind ben benjamin
bill bob brad bradley brandon brett brian bruce carl carlos charles chris christopher colin craig dan daniel dario
david dennis derek diego dominic donald doug douglas edward elon eric ethan evan faris frank gary george gerald
gordon graham greg gregory gustavo hank harry hector henry howard hugo ian isaac jack jacob jake james jamie jason
jeff jeffrey jensen jeremy jerome jerry jim jimmy joe john jon jonathan jordan jorge jose joseph josh joshua juan
julian justin keith ken kenneth kevin kyle larry lawrence leo leonard lloyd luis marc marcus mario mark martin
masayoshi matt matthew michael miguel mike mohamed mohammed muhammad nathan neil nick nicholas nicolai nikolai noah
oliver omar oscar owen patrick paul pedro peter philip ralph randy ravi ray raymond reed richard rick robert roger
ron ronald ross ryan sam samuel satya scott sean sergey simon stanley stephen steve steven stuart sundar ted terry
thomas tim timothy todd tom tony travis trevor victor vincent walter warren wayne will william xavier zachary
""".split()
)


def gender_of(given_name: str) -> str | None:
    """'f' or 'm' for a common given name, else None."""
    name = given_name.lower().strip(".")
    return "f" if name in FEMALE else "m" if name in MALE else None
