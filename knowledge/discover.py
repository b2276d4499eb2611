"""Speakers of a new article: everyone the general extractor finds it quoting or naming."""

from __future__ import annotations

from knowledge.attribution import attribute_source
from knowledge.gazetteer import gazetteer_beside
from knowledge.passages import split_paragraphs, split_sentences
from knowledge.sources import Source
from knowledge.speakers import Speaker, SpeakerIndex
from knowledge.transliteration import SoundIndex


def discover_speakers(source: Source, index: SpeakerIndex) -> tuple[list[Speaker], list[str], list[Speaker]]:
    """New speakers of the source (quoted or only mentioned), the known speakers it quotes or names, and known
    speakers with the names this article adds in another script ("港門數據" for Harbourgate Data Holdings)."""
    paragraphs = [split_sentences(p, source.language) for p in split_paragraphs(source.text)]
    recognizer = SpeakerIndex(index.speakers + gazetteer_beside(index.speakers))
    attribution = attribute_source(paragraphs, source.language, recognizer)
    found = list(dict.fromkeys([*attribution.quoted, *attribution.mentioned]))
    new = [s for s in found if index.by_name(s.name) is None]
    named = [s.name for s in found if index.by_name(s.name) is not None]
    renamed = []
    for speaker in list(new):
        known = _same_organization(speaker, index)
        if known is not None:
            # "恆曦銀行" (Hang Hei, Hengxi Bank) is the "Hang Hei Bank" an English article named before
            new.remove(speaker)
            named.append(known.name)
            forms = [f for f in (speaker.name, *speaker.aliases) if f not in (known.name, *known.aliases)]
            update = {"aliases": (*known.aliases, *forms), "name_zh": known.name_zh or speaker.name_zh}
            renamed.append(known.model_copy(update=update))
    for name, forms in attribution.new_forms.items():
        known = index.by_name(name)
        if known is not None and known.name == name:
            update = {"aliases": (*known.aliases, *forms), "name_zh": known.name_zh or forms[0]}
            renamed.append(known.model_copy(update=update))
    return new, named, renamed


def _same_organization(speaker: Speaker, index: SpeakerIndex) -> Speaker | None:
    """The known English-named organization a new Chinese-named one is, by a romanization of its name and the
    English of its ending: "Hang Hei" and "Hengxi Bank" of 恆曦銀行 make "Hang Hei Bank"."""
    if speaker.kind != "organization" or not speaker.name_zh:
        return None
    latin = [a for a in speaker.aliases if a.isascii() and a.strip()]
    tails = {a.split()[-1] for a in latin if len(a.split()) > 1}
    candidates = {*latin, *(f"{a} {tail}" for a in latin for tail in tails if not a.endswith(f" {tail}"))}
    for candidate in candidates:
        known = index.by_name(candidate)
        if (
            known is not None
            and known.kind == "organization"
            and known.name == candidate
            and known.name.isascii()
        ):
            return known
    # "索雷爾蓋特" in a Taiwanese paper is the Sorrelgate Compute an English article quoted: a name written by sound
    english = [s for s in index.speakers if s.kind == "organization" and s.name.isascii()]
    word = SoundIndex(english).sounds_like(speaker.name_zh)
    same = [s for s in english if word is not None and s.name.split()[0] == word]
    return same[0] if len(same) == 1 else None
