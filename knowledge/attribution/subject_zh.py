"""Who a Chinese speech verb quotes: the subject of its clause or the clause before, or an unnamed source."""

from __future__ import annotations

import re
from typing import cast

from knowledge.attribution import lexicon_zh as zh
from knowledge.attribution.discourse import DiscourseState, Item, resolve_item
from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.attribution.unnamed import unnamed_zh

_ZH_GAP_WEAK = re.compile(
    r"^(?:"
    + "|".join(sorted(zh.GAP_WORDS, key=len, reverse=True))
    + r"|在[^，。；：]{0,16}?(?:上|中|时|里|后)|"
    + zh.ACTION_GAP
    + r"|"
    r"上周|本周|上月|近期|(?:发布|发表|公布)的?(?:一份|最新)?[^，。；：]{0,8}?"
    r"(?:报告|研报|研究|文件|论文|数据)|" + zh.DATE_GAP + r"|本月|上月|今年|日前|近日|"
    r"的|最新|[（(][^）)]{0,40}[）)]|[）)]|证券|分析师|分析员|研究员|团队|新闻发言人|发言人|顾问|专家|经济学家|策略师|"
    + "|".join(zh.REPORT_NOUNS)
    + r")*$"
)
# A verb or notice that ends a time clause ("公告发布后", "宣布之前", "表态以来"): when something was said, not what.
_WHEN_DONE = re.compile(
    r"(?:发布|發布|发出|發出|公布|披露|出炉|出爐)?(?:之)?(?:后|後|前|时|時|以来|以來|之际|之際|当天|當天|当日|當日)"
)
_ZH_PUNCT = re.compile(r"[，。；：,;:！？!?]")
# "王怡婷将目标价下调至265元，并预估……": a clause opened by a conjunction keeps the subject of the clause before.
# "…上调至约600亿元，并在公告中写道": where it was said may come between the conjunction and the verb.
_ZH_SHARED_SUBJECT = re.compile(
    r"(?:并且?|同时|也|还|另外|此外|进一步|随后|接着)?(?:(?:在|于)[^，。；：]{1,10}(?:中|上|里|内))?"
)


# What may come before a sentence's opening subject: a connective clause ("然而，") and a few characters.
_OPENER_LEAD = re.compile(
    r"(?:(?:然而|不过|但是?|另外|此外|同时|与此同时|相比之下|相反|而)[，,]\s*)?[^，。；：]{0,4}"
)


def subject_zh(
    outside: str, verb: re.Match[str], items: list[Item], state: DiscourseState, entities: ArticleEntities
) -> Entity | None:
    """The entity speaking through a Chinese speech verb, if its clause names or describes one."""
    if any(n in outside[max(0, verb.start() - 5) : verb.start()] for n in zh.NEGATIONS):
        return None
    if re.search(r"(?:未|没有|没|不愿|拒绝)(?:就|对)[^，。；：]{1,16}$", outside[: verb.start()]):
        return None  # "他至今未就退费纠纷公开表态": said nothing on it
    if re.search(r"(?:未|没有|尚未|并未)(?:回复|回应|答复)[^，。；：]{0,24}$", outside[: verb.start()]):
        return None  # "沚阳市财政局未回复本刊关于…的进一步询问": the paper asked, no one answered
    if _WHEN_DONE.match(outside, verb.end()):
        return None  # "他在此次转型公告发布后尚未公开露面": a time clause, not a statement
    weak = verb.group(0) in zh.WEAK_VERBS
    clause_start = max((m.end() for m in _ZH_PUNCT.finditer(outside, 0, verb.start())), default=0)
    clause = outside[clause_start : verb.start()]
    if re.search("并非|不是|并不", clause):
        return None
    unnamed = unnamed_zh(clause, entities)
    inside = [i for i in items if clause_start <= i.start and i.end <= verb.start()]
    if not inside and _ZH_SHARED_SUBJECT.fullmatch(clause.strip()) and clause_start > 0:
        # "两天后，澜石云跟进，宣布……": the verb shares the subject that opened the clause before it
        before = _ZH_PUNCT.split(outside[: clause_start - 1])[-1]
        start = clause_start - 1 - len(before)
        opener = [i for i in items if start <= i.start and i.end <= clause_start - 1]
        # "鼎泓证券分析员麦浩贤较为乐观，认为……", "外资大行分析员冯晓晴较为乐观，认为……": the analyst the
        # opener describes, not the firm qualifying them
        person = next((i for i in opener if i.entity is not None and i.entity.kind == "person"), None)
        if person is not None and re.fullmatch(r"[^，。；：]{0,16}", outside[start : person.start]):
            return resolve_item(person, state, entities, items)
        if opener and re.fullmatch(r"[^，。；：]{0,6}", outside[start : opener[0].start]):
            return resolve_item(opener[0], state, entities, items)
    inside = [
        i
        for i in inside
        if outside[i.start - 1 : i.start] not in ("对", "向", "与", "跟", "给", "把", "将", "让")
    ]
    # "艾德蒙证券则在最新报告中，将嵘泰目标价调升至610元": what follows 将 is the object; the sentence's opener acts
    object_first = not inside and re.match("[将把]", clause.strip()) is not None
    if (
        object_first
        and items
        and items[0].end <= clause_start
        and _OPENER_LEAD.fullmatch(outside[: items[0].start])
    ):
        return resolve_item(_their_titled_person(items, outside), state, entities, items)
    if not inside:
        # "……的迈克尔·伯里，最近也将AI繁荣比作……": a subject that closes the clause before, then an adverb
        before = [i for i in items if i.end == clause_start - 1]
        adverb = re.match("(?:" + "|".join(zh.GAP_WORDS) + "|最近|近日|日前|此前)", clause.strip())
        if before and adverb and before[0].entity is not None and before[0].entity.kind == "person":
            return cast(Entity | None, before[0].entity)
        return unnamed
    if len(inside) > 1 and any(
        re.match(r"(?:[（(][^）)]*[）)])?、", outside[i.end : verb.start()]) for i in inside[:-1]
    ):
        # several subjects at once ("亚马逊、谷歌和Meta宣布"), not two titles of one ("创始人、首席执行官贺铭川")
        return unnamed
    nearest = inside[-1]
    gap = outside[nearest.end : verb.start()]
    if unnamed is not None and any(m in gap for m in (*zh.UNNAMED_MARKERS, *zh.GROUP_NOUNS)):
        return unnamed  # "据接近禾跃的人士透露": the people close to it speak, not 禾跃
    # "孙正义6月在东京举行的软银股东大会上表示": the person who opens the clause speaks, not a name inside it.
    people = [
        i
        for i in inside
        if i.kind.startswith("pronoun") or (i.entity is not None and i.entity.kind == "person")
    ]
    if people and people[0] is not nearest and len(outside[people[0].end : verb.start()]) <= 30:
        return resolve_item(people[0], state, entities, items)
    if len(gap) > 24 or (weak and not _ZH_GAP_WEAK.match(gap.strip())):
        return unnamed
    return resolve_item(nearest, state, entities, items)


def _their_titled_person(items: list[Item], outside: str) -> Item:
    """ "奥德门证券（Aldgate Pryce）亚太区科技产业分析师马修·柯林斯……将目标价调升": the analyst the firm's title
    introduces acts, not the firm that opens the sentence."""
    opener = items[0]
    # the firm's bracketed Latin name is the firm again
    after = [i for i in items if i.entity is not opener.entity]
    if opener.entity is None or opener.entity.kind != "organization" or not after:
        return opener
    person = after[0]
    gap = outside[opener.end : person.start]
    titled = re.search("(?:" + "|".join(sorted(zh.TITLES, key=len, reverse=True)) + ")$", gap)
    if person.entity is not None and person.entity.kind == "person" and titled and len(gap) <= 40:
        return person if not _ZH_PUNCT.search(re.sub(r"[（(][^）)]*[）)]", "", gap)) else opener
    return opener
