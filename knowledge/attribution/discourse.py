"""What the sentences so far established: who was mentioned and who spoke, and what a name, pronoun or
"the company" in the next sentence refers to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.attribution import lexicon_en as en
from knowledge.attribution import lexicon_zh as zh
from knowledge.attribution.described_bodies import PLACE_BODY, PLACE_OWNER, named_by_its_words
from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.attribution.named_by_title import EN_THE_TITLE, ZH_THIS_TITLE, holder, titled
from knowledge.attribution.org_in_play import current_org, is_exchange, protagonist
from knowledge.attribution.public_bodies import BODY, body_named
from knowledge.attribution.sentence_org import sentence_company
from knowledge.scripts import to_simplified

_EN_PRONOUN = re.compile(
    r"\b(?:[Hh]e|HE|[Ss]he|SHE|[Tt]hey|THEY|[Ii]t)\b"
)  # not "IT", information technology
_EN_ANAPHORA = re.compile(
    r"\b(?:"
    + BODY.pattern.removeprefix(r"\b")  # "the county planning commission" before "the county"
    + "|"
    + "|".join(re.escape(a) for a in sorted(en.ORG_ANAPHORA, key=len, reverse=True))
    # "the commission's staff": the people of a body speaking for it
    + r"|the [a-z-]+(?:'s|’s) staff(?! (?:of|at|who|that)\b)"
    # "the buyout firm", "the grid operator": a kind of organization before the noun
    + r"|the (?:buyout|private-equity|investment|research|rating|ratings|grid|asset|fund|chip|cloud|software|"
    r"insurance|mining|energy|power|data-center|data-centre) (?:firm|operator|manager|company|group|agency|maker)"
    # "the region's grid operator", "the state's power regulator": a body named by the place it serves
    + "|"
    + PLACE_OWNER
    + r"(?:[a-z-]+ )?(?:operator|regulator|utility|agency|authority|commission|exchange|central bank|bank|lender)"
    # "the Hong Kong-listed operator", "the Dublin-based lender": where it is listed or based
    # "the GPU rental company": what it does before the noun, unless it sets it apart ("the rival company")
    # at the start of a sentence, where it is the subject
    r"|(?-i:The) (?!(?:other|rival|parent|client|customer|target|two|both|each|one|same|former|new)\b)(?:[\w-]+ ){1,2}"
    r"(?:company|firm|lender|insurer|reinsurer|broker|provider|developer|start-up|startup|maker|manufacturer|supplier|"
    r"producer|operator|landlord|office|agency|bureau|regulator|commission|ministry|department|authority)"
    # "the Japanese insurer", "the South Korean chipmaker": a nationality before the noun
    r"|the (?-i:(?:[A-Z][a-z]+\s+){1,2})(?:company|firm|lender|insurer|reinsurer|broker|provider|developer|"
    r"start-up|startup|bank|group|operator|maker|chipmaker|landlord|miner|utility|manufacturer|supplier|"
    r"contractor|conglomerate|investor|fund)"
    r"|the (?:[A-Z][\w.]*\s+)*[\w.]+-(?:listed|based|owned|backed|headquartered)\s+"
    r"(?:firm|operator|manager|company|group|agency|maker|lender|utility|developer|insurer|start-up|startup|bank|fund)"
    + r")\b",
    re.I,
)
_EN_DOCUMENT = re.compile(
    r"\b(?:"
    + "|".join(re.escape(a) for a in sorted(en.DOCUMENT_ANAPHORA, key=len, reverse=True))
    + r")\b|\bthe\s+[\w-]+\s+(?:letter|report|paper|study|note|memo)\b",
    re.I,
)


# "in a letter", "its quarterly report", "a memo sent to staff": a document a sentence says someone spoke through.
_EN_NAMED_DOCUMENT = re.compile(
    r"\b(?:a|an|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(letter|memo|memorandum|report|filing|statement|note|"
    r"presentation|prospectus|study|survey|notice|email|blog post)s?\b",
    re.I,
)


@dataclass
class DiscourseState:
    """What the sentences so far established: who was mentioned and who spoke, most recent first."""

    mentioned: list[Entity] = field(default_factory=list)
    speakers: list[Entity] = field(default_factory=list)
    paragraph_speaker: Entity | None = None
    previous: Entity | None = None  # the person who spoke in the sentence just before, in this paragraph
    carry: Entity | None = None
    paragraph: int = 0
    seen_in: dict[int, int] = field(default_factory=dict)
    # the document each noun last named, by whoever spoke through it ("Harrowgate told investors in a letter")
    documents: dict[str, Entity] = field(default_factory=dict)

    def wrote(self, sentence: str, speaker: Entity) -> None:
        """The speaker of an English sentence spoke through the documents it names: "the letter" is theirs next."""
        for match in _EN_NAMED_DOCUMENT.finditer(sentence):
            self.documents[match.group(1).lower()] = speaker

    def saw(self, entity: Entity) -> None:
        """The entity was just named: it is now the most recent mention."""
        if entity in self.mentioned:
            self.mentioned.remove(entity)
        self.mentioned.insert(0, entity)
        self.seen_in[id(entity)] = self.paragraph
        entity.mentions += 1
        if not entity.order:
            entity.order = len(self.seen_in)

    def spoke(self, entity: Entity) -> None:
        """The entity just spoke: it is now the most recent speaker (and mention)."""
        if entity in self.speakers:
            self.speakers.remove(entity)
        self.speakers.insert(0, entity)
        self.saw(entity)


def _pronoun(gender: str | None, state: DiscourseState) -> Entity | None:
    """He/she: the last speaker if named in this paragraph, else the person mentioned last (gender permitting)."""

    def fits(entity: Entity) -> bool:
        person = entity.kind == "person" or (entity.kind == "unnamed" and entity.gender == "?")
        return person and (entity.gender in (None, "?") or gender is None or entity.gender == gender)

    speaker = next((e for e in state.speakers if fits(e)), None)
    if speaker is not None and state.seen_in.get(id(speaker)) == state.paragraph:
        chosen: Entity | None = speaker
    else:
        chosen = next((e for e in state.mentioned if fits(e)), speaker)
    if chosen is not None and gender and chosen.gender is None and chosen.kind == "person":
        chosen.gender = gender
    return chosen


_COMPANY_DOCUMENT = (
    r"\b(?:filings?|prospectus|(?:offering )?memorandum|offering document|cap table|capitali[sz]ation table|earnings release|annual report|registration statement|(?:shareholder )?summary|"
    r"(?:investor |pitch )?deck|(?:investor )?presentation|minutes)\b|"
    # "审计报告还显示": the company's audited accounts, not the rating agency quoted before
    r"招股书|招股说明书|募集说明书|审计报告|年报|季报|半年报|中报|财报|公告|修订稿"
)
_ISSUED = r"\b(?:statement|release|announcement)\b"
# A public audit office ("沣岭市审计局", "审计署"), whose audit report is its own, not a company's accounts.
_PUBLIC_AUDITOR = re.compile(r"审计(?:局|署|厅|办|委员会)$")
_INSTITUTIONAL = r"\b(?:report|filings?|results|statement|disclosure|prospectus)\b|报告|财报|公告|年报|季报"


def of_kind(entity: Entity, family: tuple[str, ...]) -> bool:
    """Whether an organization's name or description says it is of a kind ("insurer": "…, a specialty insurer")."""
    return any(w in family for w in f"{entity.name} {entity.role or ''}".lower().split())


def described_by(named: list[Entity], noun: str) -> Entity | None:
    """Of the organizations a sentence named, the last one a noun describes ("the insurer", "the pension's")."""
    family = en.ORG_NOUN_FAMILIES.get(noun, ())
    return next((e for e in reversed(named) if family and of_kind(e, family)), None)


@dataclass
class Item:
    """A name, pronoun or anaphor in a sentence (offsets), and the entity a name stands for."""

    start: int
    end: int
    entity: Entity | None
    kind: str  # name | pronoun | anaphora
    words: str = ""  # as written, for an anaphor ("the company")


def find_items(outside: str, language: str, entities: ArticleEntities, state: DiscourseState) -> list[Item]:
    """Every name, pronoun and anaphor outside the quotes of a sentence, in text order."""
    items: list[Item] = []
    for start, end, candidates, _short in entities.mentions(outside):
        if language != "en" and outside.startswith("回复", end) and re.search("函$", outside[start:end]):
            continue  # "问询函回复公告称": the company's reply to the exchange's letter, not the exchange
        entity = (
            candidates[0]
            if len(candidates) == 1
            else next((e for e in state.mentioned if e in candidates), candidates[-1])
        )
        items.append(Item(start, end, entity, "name"))
    taken = [(i.start, i.end) for i in items]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    if language == "en":
        for match in _EN_PRONOUN.finditer(outside):
            if free(*match.span()):
                items.append(Item(match.start(), match.end(), None, "pronoun:" + match.group(0).lower()))
        for match in EN_THE_TITLE.finditer(outside):
            if free(*match.span()) and titled(match.group("title"), entities):
                # "The investment chief said": the person named with that title before
                items.append(Item(match.start(), match.end(), None, "title", match.group("title").lower()))
                taken.append(match.span())
        for pattern, kind in ((_EN_DOCUMENT, "document"), (_EN_ANAPHORA, "anaphora")):
            for match in pattern.finditer(outside):
                if free(*match.span()):
                    items.append(Item(match.start(), match.end(), None, kind, match.group(0).lower()))
                    taken.append(match.span())
    else:
        for match in re.finditer(r"[他她](?![们們])", outside):
            if free(*match.span()):
                items.append(Item(match.start(), match.end(), None, "pronoun:" + match.group(0)))
        for match in ZH_THIS_TITLE.finditer(outside):
            if free(*match.span()) and titled(match.group("title"), entities):
                # "这位首席财务官还透露": the person with that title named before
                items.append(Item(match.start(), match.end(), None, "title", match.group("title")))
                taken.append(match.span())
        for words, kind in ((zh.DOCUMENT_ANAPHORA, "document"), (zh.ORG_ANAPHORA, "anaphora")):
            for match in re.finditer("|".join(sorted(words, key=len, reverse=True)), outside):
                before = outside[match.start() - 1 : match.start()] if match.start() else "，"
                bare = not match.group(0).startswith(("该", "这"))
                # "据公司披露": what the company disclosed is its own
                cited = before == "据" and kind == "anaphora"
                replying = kind == "document" and before == "函"  # "问询函回复公告": the company's reply
                # "据回复公告，…": what a document says, cited
                replying = replying or (kind == "document" and before == "据")
                if (
                    free(*match.span())
                    and (not re.match(r"[\u4e00-\u9fff]", before) or cited or replying)
                    and (not bare or re.match(r"[，。；：,;:\s]", before) or cited or replying)
                ):
                    # "法院", "该所": the kind of institution meant, matched against the names in play
                    # a document by its own words ("审计报告"): whose it is depends on what kind it is
                    noun = (
                        re.sub("^(?:该|这家|这)", "", match.group(0))
                        if kind == "anaphora"
                        else match.group(0)
                    )
                    items.append(Item(match.start(), match.end(), None, "lead" if cited else kind, noun))
                    taken.append(match.span())
    return sorted(items, key=lambda i: i.start)


# What may come before a sentence's subject: a dateline, a preposition, and what the subject is ("BOSTON — …",
# "Battery developer Cindral Energy Storage has agreed …")
_SUBJECT_OPENS = re.compile(
    # ("The Ravelsby Municipal Employees' Retirement Fund has cut …": a name that takes "the")
    r"[\W]*(?:[A-Z][A-Z .,'-]*\s*[—–-]+\s*)?(?:(?:At|In|For|On|By)\s+)?(?:The\s+)?"
    rf"(?:(?:[A-Za-z][\w-]*\s+){{0,2}}(?:{en.DESCRIPTOR}|company|firm|group|fund|bank)\s+)?"
)


def subject_org(items: list[Item], outside: str) -> Entity | None:
    """The organization that opens the sentence as its subject ("Kestrel Power has agreed …"), if one does."""
    first = items[0] if items else None
    if first is None or first.entity is None or first.entity.kind != "organization":
        return None
    # "BOSTON — Bellhaven Software, which sells …": a dateline before the subject is no part of the sentence
    return first.entity if _SUBJECT_OPENS.fullmatch(outside[: first.start]) else None


# "It also shows that…", "It also found": the document just cited goes on, not the company it named.
_IT_ALSO_SHOWS = re.compile(r"it (?:also )?(?:shows|showed|found|finds|lists|listed)\b", re.I)


def resolve_item(
    item: Item,
    state: DiscourseState,
    entities: ArticleEntities,
    items: list[Item] | None = None,
    outside: str = "",
) -> Entity | None:
    """The entity an item stands for: a name's own, a pronoun's antecedent, an anaphor's organization or author."""
    if item.entity is not None:
        return item.entity
    if item.kind.startswith("pronoun:"):
        word = item.kind.split(":", 1)[1]
        gender = en.PRONOUNS.get(word) or zh.PRONOUNS.get(word)
        earlier = [
            i.entity
            for i in items or []
            if i.end <= item.start
            and i.entity is not None
            and i.entity.kind == "person"
            and i.entity.gender in (None, gender)
            # "Pressed by Pritchard on …, he said": the one pressing is not the one answering
            and not re.search(r"\bby\s+$", outside[: i.start] if outside else "")
        ]
        if earlier and word not in ("it", "they"):  # "当我问及扎克伯格……时，他历数了……"
            return earlier[-1]
        last = state.speakers[0] if state.speakers else None
        if (
            word == "it"
            and last is not None
            and last.kind in ("organization", "unnamed")
            and state.seen_in.get(id(last)) == state.paragraph
            and _IT_ALSO_SHOWS.match(outside[item.start :])
        ):
            return last  # "The report shows that X sold … It also shows that …": the same report, its owner's
        if word in ("it", "they"):
            return (
                current_org(state, entities)
                if word == "it"
                else (state.speakers[0] if state.speakers and state.speakers[0].kind != "person" else None)
            )
        return _pronoun(gender, state)
    if item.kind == "title":
        return holder(item.words, state)
    if item.kind == "lead":
        # "据公司披露", "根据公司向投资人提供的资料": the company the article is about, not the firm named last
        return protagonist(entities) or current_org(state, entities, noun=item.words)
    if item.kind == "document":
        noun = item.words.lower().split()[-1] if item.words else ""
        if noun in state.documents and state.seen_in.get(id(state.documents[noun])) == state.paragraph:
            # "Harrowgate told its investors in a letter that … The letter also said": that letter, its writer's
            return state.documents[noun]
        if re.search(_ISSUED, item.words, re.I):
            # "the statement said": whoever last spoke as an organization issued it, else the article's company
            issuer = next((e for e in state.speakers[:2] if e.kind == "organization"), None)
            return issuer or protagonist(entities)
        public_auditor = (
            next(
                (
                    e
                    for e in state.mentioned
                    if e.kind == "organization"
                    and any(_PUBLIC_AUDITOR.search(to_simplified(f)) for f in e.forms)
                ),
                None,
            )
            if "审计" in to_simplified(item.words)
            else None
        )
        if public_auditor is not None:
            return public_auditor  # "审计报告还指出" after "沣岭市审计局公布的审计报告": the bureau's audit
        if re.search(_COMPANY_DOCUMENT, item.words):
            # "according to the filing": the company's own, not the research firm quoted just before
            listed = next(
                (e for e in state.mentioned if e.kind == "organization" and not is_exchange(e)),
                None,
            )
            for own in (protagonist(entities), current_org(state, entities, noun="company"), listed):
                # ("深交所创业板上市公司栩言智能…" then "回复公告显示": the company's reply, not the exchange's)
                if own is not None and not own.author and not is_exchange(own):
                    return own
        author = next((e for e in state.mentioned if e.author), None)
        if author is None and re.search(_INSTITUTIONAL, item.words):
            # "the report", "the filing": an organization's, not the analyst quoted since
            author = next((e for e in state.speakers[:4] if e.kind == "organization"), None)
        return author or (state.speakers[0] if state.speakers else current_org(state, entities))
    if PLACE_BODY.match(item.words):
        # "the region's grid operator said": the organization whose name says so, else no one the article names
        named_here = [
            i.entity for i in items or [] if i.entity is not None and i.entity.kind == "organization"
        ]
        return named_by_its_words(item.words, entities, named_here)
    body = body_named(item.words, entities) if item.words else None
    if body is not None:
        return body  # "according to filings with the county planning commission": that body, not the county
    if item.words and BODY.fullmatch(item.words):
        item = Item(
            item.start, item.end, None, item.kind, " ".join(item.words.split()[:2])
        )  # else the county
    noun = item.words.split()[-1] if item.words else ""
    staff = re.match(r"the ([a-z-]+)(?:'s|’s) staff$", item.words, re.I)
    if staff:
        noun = staff.group(1).lower()  # "the commission's staff": the commission's word
    last = state.speakers[0] if state.speakers else None
    if (
        last is not None
        and last.kind == "unnamed"
        and noun.isascii()
        and noun
        and re.search(rf"\b{re.escape(noun)}\b", last.name)
    ):
        return last  # "A trade-credit broker who arranges cover … said …" then "the broker said": that broker
    named = [
        i.entity
        for i in items or []
        if i.end <= item.start and i.entity is not None and i.entity.kind == "organization"
    ]
    family = en.ORG_NOUN_FAMILIES.get(noun, ())
    # "Brackwater sold a stake … to Tsurugawa Life …, the Japanese insurer said": the one the noun describes
    fitting = described_by(named, noun)
    if fitting is not None:
        return fitting
    # "Castellan Property Research counts it differently. … because the firm counts only signed leases", "The
    # firm estimates": the firm that just spoke, not the landlord this sentence or the one before names
    if noun == "firm" and last is not None and last.kind == "organization" and last not in named:
        return last
    if (
        noun == "company"
        and last is not None
        and last.kind == "organization"
        and not named
        and state.seen_in.get(id(last)) == state.paragraph
    ):
        # "Ostrevia disputes that figure. In a statement on Monday, the company said …": the one that just spoke
        return last
    # "Kestrel Power will supply … to Brightline, the company said": the organization that opens the sentence,
    # unless the noun says what kind it is and the opener is not of that kind ("Kestrelbay accounts for 27% of the
    # book, the insurer said" is the insurer's)
    opener = subject_org(items or [], outside) if outside else None
    if opener is not None and family and not of_kind(opener, family):
        described = current_org(state, entities, noun=noun)
        opener = described if described is not None and of_kind(described, family) else opener
    if opener is not None and item.start > (items or [item])[0].start:
        return opener
    if named and family and not any(of_kind(e, family) for e in named):
        # "In a filing with the Ferrand Valley Utilities Board, the utility asked …": the utility in play, not the
        # board this sentence names
        described = current_org(state, entities, noun=noun)
        if described is not None and of_kind(described, family):
            return described
    # "At Quillstone Brokerage, … 38% of trading, the company said": the organization this sentence named, the
    # one it is about ("Staff at Stitchwright, the maker of …, sold shares to a group led by Orrery")
    if named and outside:
        spans = [
            (i.start, i.end, i.entity)
            for i in items or []
            if i.end <= item.start and i.entity is not None and i.entity.kind == "organization"
        ]
        return sentence_company(spans, outside, noun) or current_org(state, entities, noun=noun)
    if named:
        return named[-1]
    return current_org(state, entities, noun=noun) or named_by_its_words(item.words, entities)
