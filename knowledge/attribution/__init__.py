"""Attribution: who speaks in every sentence of an article, in English, 简体 and 繁體.

The facade: `attribute_source` finds the article's people, organizations and unnamed sources, links them to
the speakers already known (library, curated speakers, gazetteer), and names the speaker of each sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.attribution.entities import ArticleEntities, Entity, transliterated
from knowledge.attribution.first_names import gender_of
from knowledge.attribution.lexicon_en import surname_of
from knowledge.attribution.quotes import outside_quotes
from knowledge.scripts import to_simplified, to_traditional
from knowledge.speakers import Speaker, SpeakerIndex

__all__ = ["Attribution", "attribute_source", "outside_quotes"]


@dataclass
class Attribution:
    """The speaker of every sentence, and every speaker the article quotes or names."""

    speakers: list[list[Speaker | None]]
    quoted: list[Speaker]
    mentioned: list[Speaker]
    # known speakers this article also names in another script ("港門數據（Harbourgate Data）"): name -> forms
    new_forms: dict[str, list[str]] = field(default_factory=dict)


def _known_entities(sentences: list[str], index: SpeakerIndex, entities: ArticleEntities) -> None:
    # "沚阳" where the article writes "沚阳市": the city, not the short name of a company or bureau named after it
    places = {
        m.group(1) for m in re.finditer(r"([\u4e00-\u9fff]{2})[市省县縣]", to_simplified("".join(sentences)))
    }
    for text in sentences:
        for mention in index.find_mentions(text):
            speaker = mention.speaker
            if (
                _other_acronym(text, mention.start, mention.end, speaker)
                or _other_first_name(text, mention.start, mention.end, speaker)
                or _local_body(text, mention.start, mention.end)
                or _inside_longer_name(text, mention.start, mention.end, speaker)
                or to_simplified(text[mention.start : mention.end]) in places
            ):
                continue
            forms = [
                f
                for f in (speaker.name, speaker.name_zh, *speaker.aliases)
                if f
                and ((not f.isascii() and len(f) >= 2) or " " in f or f == text[mention.start : mention.end])
                and to_simplified(f) not in places
            ]
            gender = gender_of(speaker.name.split()[0]) if speaker.kind == "person" else None
            entity = Entity(kind=speaker.kind, name=speaker.name, forms=forms, known=speaker, gender=gender)
            entities.add(
                entity,
                short=tuple(a for a in speaker.aliases if a.isascii() and " " not in a and a not in forms),
            )


def _inside_longer_name(text: str, start: int, end: int, speaker: Speaker) -> bool:
    """ "蒂爾伯里" (Tilbury) is not the 伯里 (Burry) a library knows: a transliterated name inside a longer one."""
    from knowledge.transliteration import SOUND_CHARS  # imports the attribution lexicon: not at module load

    written = text[start:end]
    if speaker.kind != "person" or written.isascii() or not transliterated(speaker.aliases):
        return False
    before = to_simplified(text[start - 1]) if start > 0 else ""
    after = to_simplified(text[end]) if end < len(text) else ""
    return before in SOUND_CHARS or (after in SOUND_CHARS and after != "露")


def _local_body(text: str, start: int, end: int) -> bool:
    """ "沂湄省发改委", "棠溆市统计局": a province's or city's own body, not the national one of that short name."""
    return (
        start > 0
        and text[start - 1] in "省市县區区州"
        and re.search(r"[委部局厅廳办辦署]$", text[start:end]) is not None
    )


def _other_acronym(text: str, start: int, end: int, speaker: Speaker) -> bool:
    """ "美国商务部工业与安全局（BIS）": a bracketed acronym glosses the name before it, whoever else it abbreviates."""
    written = text[start:end]
    bracketed = text[start - 1 : start] in "（(" and text[end : end + 1] in "）)" and start > 0
    if not bracketed or not written.isascii() or len(written) > 5 or not written.isupper():
        return False
    before = to_simplified(text[max(0, start - 1 - 16) : start - 1])
    own = [to_simplified(a) for a in (speaker.name_zh or "", *speaker.aliases) if a and not a.isascii()]
    return bool(re.search(r"[\u4e00-\u9fff]$", before)) and not any(before.endswith(a) for a in own)


def _other_first_name(text: str, start: int, end: int, speaker: Speaker) -> bool:
    """ "Ryan Cho" is not the Brandon Cho a library knows as "Cho": a surname after another first name."""
    written = text[start:end]
    if speaker.kind != "person" or " " in written or not written.isascii():
        return False
    before = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, start - 20) : start])
    return before is not None and before.group(1) not in speaker.name.split()


def _drop_shared_surnames(named: dict[int, Speaker]) -> None:
    """A surname two new people of one article share ("Tom and Kate Brennan") is an alias of neither."""
    fresh = [s for s in named.values() if s.kind == "person" and " " in s.name]
    surnames = [surname_of(s.name) for s in fresh]
    shared = {n for n in surnames if surnames.count(n) > 1}
    for key, speaker in named.items():
        if speaker in fresh and surname_of(speaker.name) in shared:
            named[key] = speaker.model_copy(
                update={"aliases": tuple(a for a in speaker.aliases if a not in shared)}
            )


def _employ_at_protagonist(entities: ArticleEntities, article: str) -> None:
    """An officer named without a company works for the company the article is about."""
    from knowledge.attribution.employers_en import GOVERNMENT_BODY
    from knowledge.attribution.naming_titles import INVESTMENT_TITLE, is_officer_title
    from knowledge.attribution.org_in_play import investor_in_story, officers_company

    company = officers_company(entities, article)
    if company is None or GOVERNMENT_BODY.search(to_simplified(company.name)):
        return  # "创业公司创始人X" in a story about a city bureau: a founder works for no bureau
    for entity in entities.entities:
        investing = bool(entity.title and INVESTMENT_TITLE.search(entity.title))
        if (
            entity.kind == "person"
            and not entity.org
            and entity.title
            and (is_officer_title(entity.title) or investing)
        ):
            # "Chief investment officer X told trustees", "Portfolio manager X said" in a story about a fund: the
            # fund's own staff (the fund found only for them: most articles have none)
            lead = investor_in_story(entities, article) if investing else None
            entity.org = lead.name if lead is not None else company.name


def attribute_source(paragraphs: list[list[str]], language: str, index: SpeakerIndex) -> Attribution:
    """Find the article's entities, link them to `index`, and attribute every sentence."""
    # The finders' patterns compile in ~1 s: loaded when an article is read, not when a lexicon is imported.
    from knowledge.attribution.find_en import discover_english
    from knowledge.attribution.find_zh import discover_chinese
    from knowledge.attribution.naming import to_speaker
    from knowledge.attribution.resolve import attribute_sentences

    entities = ArticleEntities()
    sentences = [s for p in paragraphs for s in p]
    outside = [outside_quotes(s) for s in sentences]
    _known_entities(outside, index, entities)
    if language == "en":
        discover_english(outside, entities)
    else:
        folded = [to_simplified(s) if len(to_simplified(s)) == len(s) else s for s in outside]
        discover_chinese(folded, outside, entities)
    who = attribute_sentences(paragraphs, language, entities)
    _employ_at_protagonist(entities, " ".join(outside) if language == "en" else "")
    orgs = {form: e for e in entities.entities if e.kind == "organization" for form in e.forms}
    named: dict[int, Speaker] = {}
    for entity in entities.entities:
        named[id(entity)] = to_speaker(entity, orgs, index)
    _drop_shared_surnames(named)
    speakers = [[named[id(e)] if e is not None else None for e in row] for row in who]
    quoted = list(dict.fromkeys(s for row in speakers for s in row if s is not None))
    mentioned = [
        named[id(e)]
        for e in entities.entities
        if e.kind != "unnamed" and e.mentions and named[id(e)] not in quoted
    ]
    return Attribution(
        speakers=speakers,
        quoted=quoted,
        mentioned=list(dict.fromkeys(mentioned)),
        new_forms=_new_forms(entities),
    )


def _new_forms(entities: ArticleEntities) -> dict[str, list[str]]:
    """Chinese forms an article gives a known speaker that the speaker does not have yet, in both scripts."""
    from knowledge.attribution.naming import org_short_names

    found: dict[str, list[str]] = {}
    for entity in entities.entities:
        known = entity.known
        if known is None:
            continue
        have = {to_simplified(a) for a in (known.name, known.name_zh or "", *known.aliases)}
        forms = [f for f in entity.forms if not f.isascii() and len(f) >= 2 and to_simplified(f) not in have]
        if entity.kind == "organization":
            # "普瑞斯特能源" is "普瑞斯特" in the next paragraph, as it would be for a speaker first met in Chinese
            forms += [s for s in org_short_names(forms) if to_simplified(s) not in have]
            # "灝芯科技（Haosin Technology）": the Latin name of a company the library met only in Chinese
            lowered = {a.lower() for a in have}
            latin = [f for f in entity.forms if f.isascii() and len(f) >= 3 and f.lower() not in lowered]
            forms += latin + [
                w for f in latin if len(f.split()) > 1 and (w := f.split()[0]).lower() not in lowered
            ]
        variants = [v for f in forms for v in dict.fromkeys([f, to_simplified(f), to_traditional(f)])]
        if variants:
            found.setdefault(known.name, [])
            found[known.name] += [v for v in variants if v not in found[known.name]]
    return found
