"""Who an English speech verb quotes: its subject, the name after an inverted "said", or an unnamed source."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_en as en
from knowledge.attribution.discourse import DiscourseState, Item, resolve_item
from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.attribution.org_in_play import current_org
from knowledge.attribution.unnamed import EN_ANONYMOUS, EN_DESCRIBED, EN_GROUP, unnamed_en
from knowledge.figures import find_figures

_EN_ADVERBS = r"(?:(?:" + "|".join(en.ADVERBS) + r"|[a-z]+ly)\s+)*"
_EN_GAPS = (
    re.compile(rf"^\s*{_EN_ADVERBS}$"),
    re.compile(rf"^\s*,\s*{_EN_ADVERBS}$"),
    re.compile(rf"^\s*,[^,;\"“”]{{1,140}},\s*{_EN_ADVERBS}$"),
    re.compile(
        rf"^\s+(?:published|released|issued|put out|sent)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){{0,3}}"
        rf"(?:{'|'.join(en.REPORT_NOUNS)})\s+(?:that\s+)?$"
    ),
    re.compile(
        rf"^(?:'s|’s)?\s+(?:analysts?|strategists?|economists?|researchers?|authors?|staff|team|"
        rf"officials?|executives?)\s+{_EN_ADVERBS}$"
    ),
    # "Pembury's list of lenders shows that …": an organization's own document or records speak for it
    re.compile(
        r"^(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:list|data|records|figures|filings?|accounts|register|tally|count|"
        r"numbers|statistics|reports?|presentation|documents?|website|prospectus)(?:\s+of\s+(?:[\w-]+\s+){1,2})?"
        rf"\s*{_EN_ADVERBS}$"
    ),
)
# What may open a sentence before its subject: "On November 12, ", "In its results release, ", "Last week ".
_EN_SCENE = re.compile(
    r"[\s\"“]*(?:(?:In|On|At|After|Before|During|Last|Earlier|Later)\b[^,;\"“”]{1,80}?(?:,\s*|\s+))?"
)
# "the average analyst forecast", "consensus estimate": the verb's word used as a noun.
_EN_NOUN_COMPOUND = re.compile(r"\b(?:average|consensus|mean|median|analyst|street)\s+$", re.I)
_EN_PASSIVE = re.compile(r"\b(?:its|the|a|an|is|was|are|were|be|been|being|their|his|her|our)\s+$", re.I)
_EN_PRE_TITLE = re.compile(
    r"\s+(?:(?:state|federal|former|then|acting|deputy|city|county|U\.S\.)\s+)?(?:Senator|Sen\.|Representative|"
    r"Rep\.|Governor|Gov\.|Mayor|Commissioner|Councillor|Councilwoman|Councilman|Councilmember|Judge|Justice|Dr\.|"
    r"Professor|Prof\.|Minister|Secretary|Chairman|Chairwoman|Delegate|Assemblyman|Assemblywoman|Supervisor|"
    r"Treasurer|Auditor|Comptroller|Ambassador)\s+"
)
_EN_SPOKESPERSON = re.compile(r"^\s*(?:a|an|the|one)\s+(?:company\s+)?spokes(?:man|woman|person)\s*$", re.I)
_EN_GROUP_OPENS = re.compile(
    r"[\s\"“]*(?:Some|Many|Most|Several|Other|A few|Few)\s+(?:[a-z-]+\s+){0,2}?(?:"
    + "|".join(g for g in en.GROUP_NOUNS if g.endswith("s"))
    + r")\s+(?:also\s+|still\s+|now\s+)?"
)
_EN_PUBLISHED = re.compile(
    r"\b(?:published|released|issued|filed|sent|circulated|wrote|put out|submitted)\s+(?:(?:a|an|its|their|his|her)\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:report|note|letter|memo|filing|comments|paper|study|analysis|complaint|submission)\b"
    r"[^,;\"“”]{0,60}$"
)
_EN_AUTHOR_GAP = re.compile(
    r"(?:,[^,;\"“”]{1,80},)?,?\s*(?:(?:has|had|have|also|since|last\s+week|on\s+\w+day)\s+)*"
)
_EN_PARTICIPLES = frozenset(
    {"saying", "citing", "adding", "noting", "arguing", "warning", "explaining", "claiming", "estimating"}
)
_EN_KNOWN_ABOUT = re.compile(r"\b(?:familiar with|close to|briefed on|knowledge of|aware of)\s+$")
_EN_OBJECT = re.compile(r"\s+(?:to|what|whether|how|if|why|where|about|for|that|[a-z]+ed)\b")
_EN_FINITE = re.compile(
    r"\s+(?:had|has|have|was|were|is|are|would|will|could|should|might|may|did|does|do|planned|plans|"
    r"expected|expects|wanted|wants|needed|needs|agreed|sought|tried)\b"
)


# ", a short seller, which said", ", which estimates": a relative clause whose verb is the statement itself
_EN_RELATIVE_SUBJECT = re.compile(rf"\s*(?:,[^,;\"“”]{{1,80}})?,\s*(which|who)\s+{_EN_ADVERBS}")


# What a relative clause's statement goes on with: "… said in a report last week that …", a quote, or the rest of
# the sentence; not a description closed by the main verb ("Tomas Reyne, who argued for the ban, did not attend")
_EN_REPORTED = re.compile(r"[^,;\"“”]{0,80}?\bthat\b|\s*[:\"“]|[^,;]*$")


def _relative_fits(pronoun: str, entity: Entity) -> bool:
    """Whether "which" (an organization) or "who" (a person or unnamed source) can stand for the entity."""
    return (entity.kind == "organization") == (pronoun == "which")


# "Analyst Priyanka Dorval of the brokerage Draycott Hale said": what the firm is may stand before its name
_OF_THE_FIRM = re.compile(rf"\s+(?:of|at|from)\s+(?:the\s+)?(?:(?:{en.DESCRIPTOR})\s+)?")


def _person_of(item: Item, items: list[Item], outside: str) -> Item:
    """The person an organization item qualifies: "Marcus Oyelaran of Dunmore Hale thinks" is Oyelaran speaking."""
    if item.entity is None or item.entity.kind != "organization":
        return item
    before = [i for i in items if i.end <= item.start and i.entity is not None and i.entity.kind == "person"]
    gap = outside[before[-1].end : item.start] if before else ""
    # "Tomasz Wielgosz, chief information officer of Westbury Mutual": the person, whose title names the employer
    titled = re.fullmatch(r",\s+(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){1,5}(?:of|at|for|with)\s+(?:the\s+)?", gap)
    if before and (_OF_THE_FIRM.fullmatch(gap) or titled):
        return before[-1]
    return item


def _opens(outside: str, item: Item) -> bool:
    """Whether a name opens its sentence ("The Accounting Council, which …, said" too)."""
    return re.fullmatch(r"[\s\"“]*(?:The\s+)?", outside[: item.start]) is not None


def subject_en(
    outside: str, verb: re.Match[str], items: list[Item], state: DiscourseState, entities: ArticleEntities
) -> Entity | None:
    """The entity speaking through an English speech verb, if the sentence names or describes one."""
    word = verb.group(0).lower()
    weak = word in en.WEAK_VERBS
    # "He expects most orders to ship in 2028": a person's expectation, figure or not
    # "The firm expects more of them to seek debt next year": an organization's, told by the anaphor opening it
    personal = re.fullmatch(
        r"[\s\"“]*(?:He|She|The (?:firm|company|bank|group|fund|lender|insurer|agency|exchange|utility))\s+"
        r"(?:also\s+|still\s+|now\s+)?",
        outside[: verb.start()],
    )
    # "Brackett still expects to need more turbines": a person named as the sentence's subject, likewise
    opener = items[0] if items and items[0].entity is not None else None
    personal_name = (
        opener is not None
        and opener.entity is not None
        and opener.entity.kind == "person"
        and re.fullmatch(r"[\s\"“]*", outside[: opener.start]) is not None
        and re.fullmatch(r"\s+(?:also\s+|still\s+|now\s+)?", outside[opener.end : verb.start()]) is not None
    )
    # "Some energy analysts think the demand numbers are inflated": a group's view opening the sentence
    group = word in ("think", "believe", "worry", "worried", "fear", "doubt") and _EN_GROUP_OPENS.fullmatch(
        outside[: verb.start()]
    )
    if group:
        return unnamed_en(outside[: verb.start()], entities)
    if weak and (
        _EN_PASSIVE.search(outside[: verb.start()])
        or not (find_figures(outside) or personal or personal_name)
    ):
        return None  # "Kestrel reported a loss": a weak verb reports something only with a figure
    if weak and _EN_NOUN_COMPOUND.search(outside[: verb.start()]):
        return None  # "the profit beat the average analyst forecast": a noun, not someone forecasting
    candidates = sorted((i for i in items if i.end <= verb.start()), key=lambda i: -i.end)[:3]
    described = EN_DESCRIBED.match(outside[: verb.start()])
    if described is not None and not re.match(r"spokes|representative", described.group("head")):
        # "A sales manager at an Asian server maker that buys through Wui Fung said": a source described, not
        # the company named in the description
        candidates = [i for i in candidates if i.start < described.end()]
    # "An investor in Kestrel, who asked not to be named, said": a source kept unnamed, not the company after "in"
    anonymous = EN_ANONYMOUS.search(outside[: verb.start()]) is not None
    # "The 14-page letter, sent to the firm's partners, argues": skip what is inside
    for parts in () if anonymous else ("{1}", "{2}"):
        appositive = re.search(rf"(?:,[^,;\"“”]{{1,140}}){parts},\s*$", outside[: verb.start()])
        if appositive is None or (parts == "{1}" and re.match(r",\s*(?:which|that)\b", appositive.group(0))):
            continue
        head = sorted((i for i in items if i.end <= appositive.start()), key=lambda i: -i.end)
        if head and re.search(r",\s*(?:the|a|an)\s+$", outside[: head[0].start]):
            continue  # "Calvore Systems, the Columbus, Ohio-based maker …, said": a place inside the appositive
        if head and re.fullmatch(r"\s*", outside[head[0].end : appositive.start()]):
            return resolve_item(_person_of(head[0], items, outside), state, entities, items)
    opener = items[0] if items and not anonymous else None
    published = _EN_PUBLISHED.search(outside[: verb.start()]) if word in _EN_PARTICIPLES else None
    if published is not None:
        # "Slatefield Research, a short seller, published a report arguing that …", "She has since circulated a
        # memo to members arguing that …": the author of the document argues
        author = next(
            (
                i
                for i in sorted(items, key=lambda i: -i.end)
                if i.end <= published.start() and _EN_AUTHOR_GAP.fullmatch(outside[i.end : published.start()])
            ),
            None,
        )
        return resolve_item(author, state, entities, items, outside) if author is not None else None
    if word in _EN_PARTICIPLES and re.search(r",\s*$", outside[: verb.start()]):
        # "Brevardine, an outsourcing group with 184,000 employees, cut its forecast, saying …": the subject's
        return (
            resolve_item(opener, state, entities, items, outside)
            if opener is not None and opener.kind in ("name", "anaphora") and _opens(outside, opener)
            else None
        )
    if (
        opener is not None
        and not weak
        and opener.kind in ("name", "anaphora")
        and _opens(outside, opener)
        and re.search(rf"\b(?:but|and)\s+{_EN_ADVERBS}$", outside[: verb.start()])
        and not re.search(r"[;:]", outside[opener.end : verb.start()])
    ):
        # "Elliot Brandvold, who runs procurement at Stratalane, declined to confirm the figure but said …": the
        # subject the coordinated verb shares
        return resolve_item(opener, state, entities, items, outside)
    if (
        opener is not None
        and opener.kind == "name"
        and _opens(outside, opener)
        and re.fullmatch(
            rf"\s*,\s*(?:which|that)\b[^;\"“”]{{1,140}},\s*{_EN_ADVERBS}", outside[opener.end : verb.start()]
        )
    ):
        # "Arvelle Ratings, which rates Oberlind A-minus, said": the opener speaks, not the company in its clause
        return resolve_item(opener, state, entities, items, outside)
    for item in [] if anonymous else candidates:
        gap = outside[item.end : verb.start()]
        if _EN_KNOWN_ABOUT.search(outside[: item.start]):
            continue  # "A person familiar with the company's accounts said": the source is the person
        relative = _EN_RELATIVE_SUBJECT.fullmatch(gap)
        if (
            relative is not None
            and item.entity is not None
            and _relative_fits(relative.group(1), item.entity)
            and _EN_REPORTED.match(outside, verb.end())
        ):
            # "Farrow Street Research, a short seller, which said in a report …": the relative pronoun's antecedent
            return resolve_item(item, state, entities, items, outside)
        if re.match(r"\s*,\s*(?:which|that)\b", gap):
            if item is items[0] and _opens(outside, item):
                # "Kelvara, which makes coolant units …, said its backlog reached $1.1 billion": the opener speaks
                return resolve_item(item, state, entities, items, outside)
            continue  # "Julian Park, a partner at Quarry Lane, which has backed …, said": the clause is about Quarry Lane
        # "He expects distributions to cover about 60%": a pronoun opening the sentence is its subject too
        # "The firm expects vacancy to peak at 35%": an anaphor opening the sentence is its subject as well
        # ("In its results release on November 12, the company forecast …": after a phrase setting the scene)
        opening_pronoun = (item.kind.startswith("pronoun") or item.kind == "anaphora") and (
            _EN_SCENE.fullmatch(outside[: item.start]) is not None
        )
        # "…, rose 61% to $11.3 billion, the company reported.": an anaphor closing the sentence names who reports
        # ("…, they show.": a pronoun for the documents named before, too)
        closing = (
            (item.kind == "anaphora" or item.kind.startswith("pronoun"))
            and re.search(r",\s*$", outside[: item.start]) is not None
            # ("…, the company reported, but gross margin slipped": a frame between two clauses, too)
            and (
                re.fullmatch(r"[\s.\"”’]*", outside[verb.end() :]) is not None
                or re.match(r"\s*,\s*(?:but|and|while|although|though)\b", outside[verb.end() :]) is not None
            )
        )
        if weak and item.kind not in ("name", "document") and not opening_pronoun and not closing:
            break
        if (
            item.entity is not None
            and item.entity.kind == "organization"
            and re.fullmatch(r"\s+(?:spokes(?:man|woman|person)|representative)\s+", gap)
        ):
            return item.entity  # "A Harwood spokesman said": the company speaking through its spokesman
        if any(g.match(gap) for g in _EN_GAPS):
            return resolve_item(_person_of(item, items, outside), state, entities, items, outside)
        break
    # "…, said X" inverts; "A person familiar with the talks said X had offered…": X is what was said
    inverted = not EN_GROUP.search(re.split(r"[,;:]", outside[: verb.start()])[-1]) and not anonymous
    if word in ("asked", "asks") and any(
        i.start == verb.end() + 1
        and i.kind != "document"
        and re.match(r"\s+(?:what|whether|how|if|why|about)\b", outside[i.end :])
        for i in items
    ):
        return (
            None  # "a reporter asked Kenji Morimoto what would happen": a question; the answer is what counts
        )
    if word in en.INVERTING_VERBS and inverted:
        for item in items:
            # "said state Senator Elena Ríos-Whitfield": a title may stand between the verb and the name
            if not (
                verb.end() <= item.start <= verb.end() + 2
                or _EN_PRE_TITLE.fullmatch(outside[verb.end() : item.start])
            ):
                continue
            if _EN_FINITE.match(outside, item.end) or _EN_OBJECT.match(outside, item.end):
                # "…, said Halverton had sounded out buyers", "said the company valued …": what was said; "a
                # reporter asked Kenji Morimoto what would happen": the one asked, not the one asking
                break
            if not re.match(r"(?:'s|’s)", outside[item.end :]):
                return resolve_item(item, state, entities, items)
            # "said Kestrel's founder, Adrian Voss": the person the possessive title introduces
            person = next(
                (
                    i
                    for i in items
                    if item.end < i.start <= item.end + 60
                    and i.entity is not None
                    and i.entity.kind == "person"
                    and re.fullmatch(r"(?:'s|’s)\s+[\w\s-]{1,40},\s*", outside[item.end : i.start])
                ),
                None,
            )
            if person is not None:
                return resolve_item(person, state, entities, items)
    last = state.speakers[0] if state.speakers else None
    if (
        last is not None
        and last.kind == "unnamed"
        and last.gender == "?"
        and re.search(r"(?:^|[,\"”])\s*the\s+[a-z][a-z-]+\s+$", outside[: verb.start()])
    ):
        return last  # "A physician at one of the hospitals … said …" then "the doctor said": that one source
    if re.search(r",[^,;\"“”]*\bwho\s+$", outside[: verb.start()]) and re.search(r",", outside[verb.end() :]):
        return None  # "Cosima Pethebridge, the analyst who wrote the note, said": the sentence's verb comes later
    before = re.sub(
        r",[^,;]{1,140},\s*$", "", outside[: verb.start()]
    )  # drop an appositive: "X, who …, said"
    clause = re.split(r"[,;:\"“”()]", before)[-1]
    if _EN_SPOKESPERSON.search(clause):
        named = [
            i
            for i in items
            if len(before) <= i.start < verb.start() and i.entity is not None and i.entity.kind == "person"
        ]
        if named:
            return named[0].entity  # "A company spokeswoman, Maren Holt, said": the spokeswoman, by name
        # "…, a spokeswoman said": the organization in play speaks through its spokeswoman
        return current_org(state, entities)
    if EN_ANONYMOUS.search(outside[: verb.start()]):
        # "A chip designer at one of its customers, who asked not to be named, said": a source kept unnamed
        return unnamed_en(clause, entities, anonymous=True)
    if not weak or EN_GROUP.search(clause):
        return unnamed_en(clause, entities)
    return None
