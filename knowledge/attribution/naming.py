"""Turn an article's entities into canonical speakers: known ones by alias, new ones with names in every script."""

from __future__ import annotations

import re

from knowledge.attribution.cantonese import cantonese_brand, cantonese_names
from knowledge.attribution.entities import Entity
from knowledge.attribution.lexicon_en import PLACE_WORDS, WORD_SURNAMES, surname_of
from knowledge.attribution.lexicon_zh import EXCHANGE_LETTERS, GENERIC_WORDS, NOT_BRANDS
from knowledge.attribution.naming_pinyin import generic_end, pinyin_name, pinyin_org, pinyin_org_variants
from knowledge.attribution.naming_titles import PLAIN_TITLES, title_en, title_key, unit_head, unit_title_key
from knowledge.attribution.naming_words import BODY_SHORT_FORMS, TITLE_EN
from knowledge.attribution.wade_giles import wade_giles_brand, wade_giles_name
from knowledge.matching import is_latin
from knowledge.places import places_in
from knowledge.scripts import to_simplified, to_traditional
from knowledge.speakers import Speaker, SpeakerIndex

# The role of a person the article names without saying who they are: shown to no reader.
ROLE_UNKNOWN = "quoted in the news"


# A city's or province's own body ("临澜市财政局"): in English the city's name alone is the city.
_LOCAL_BODY = re.compile(
    r"^[\u4e00-\u9fff]{2,3}[市省县区][\u4e00-\u9fff]{2,12}(?:局|委员会|厅|办公室|委|办)$"
)


def _own_brand(name: str, entity: Entity, orgs: dict[str, Entity]) -> bool:
    """Whether the first syllables of a Chinese organization's pinyin name it alone: "芯澜方面" shares 芯澜 with
    芯澜微电子, which ends in a known word and keeps "Xinlan"."""
    simplified = to_simplified(name)
    if generic_end(simplified) is not None:
        return True
    return not any(o is not entity and to_simplified(f)[:2] == simplified[:2] for f, o in orgs.items())


def _script_variants(text: str) -> list[str]:
    return list(dict.fromkeys([text, to_simplified(text), to_traditional(text)]))


def _org_display(entity: Entity, orgs: dict[str, Entity]) -> str | None:
    if not entity.org:
        return None
    org = orgs.get(entity.org)
    if org is not None:
        return org.known.name if org.known else org.name
    return entity.org if entity.org.isascii() else pinyin_org(entity.org)


def org_short_names(forms: list[str]) -> list[str]:
    """How people shorten an organization's name: "阿尔马纳投资局" -> "阿尔马纳", "Almana Investment Authority" -> "Almana"."""
    short: list[str] = []
    for form in forms:
        if form.isascii():
            first = form.split()[0]
            if (
                len(form.split()) > 1
                and len(first) > 3
                and first[0].isupper()
                and first.lower() not in _COMMON
                and first.lower() not in PLACE_WORDS
            ):
                short.append(first)
            if len(form.split()) > 2 and form.split()[-1].lower() in _CORPORATE_ENDS:
                short.append(form.rsplit(" ", 1)[0])  # "Morrow Lane Ratings" -> "Morrow Lane"
            continue
        simplified = to_simplified(form)
        for long, shorts in BODY_SHORT_FORMS.items():
            if simplified.endswith(long) and len(simplified) > len(long):
                place = simplified[: -len(long)]
                for written in shorts:
                    # "榕陂市" + "市监局" is written "榕陂市监局": the city's 市 once
                    joined = place[:-1] + written if place.endswith("市") and written.startswith("市") else ""
                    short += [v for w in (place + written, joined) if w for v in _script_variants(w)]
        suffix = generic_end(simplified)
        # "智能资本" is not "智能"
        if suffix is not None and simplified[: len(simplified) - len(suffix)] not in GENERIC_WORDS:
            short += _script_variants(form[: len(form) - len(suffix)])
    return short


# Words that end a company's name and may be dropped in a later mention ("Morrow Lane Ratings" -> "Morrow Lane").
_CORPORATE_ENDS = frozenset(
    {
        "ratings",
        "research",
        "analytics",
        "capital",
        "partners",
        "securities",
        "advisory",
        "consulting",
        "group",
    }
    | {"holdings", "inc", "corp", "ltd", "plc", "llc", "metrics", "economics", "insights", "intelligence"}
)

_COMMON = frozenset(
    {
        "first",
        "national",
        "global",
        "international",
        "american",
        "united",
        "general",
        "new",
        "great",
        "central",
        "federal",
        "european",
        "china",
        "bank",
        "morgan",
        "royal",
        "state",
        "world",
    }
)


def to_speaker(entity: Entity, orgs: dict[str, Entity], index: SpeakerIndex) -> Speaker:
    """The canonical speaker for an entity: the known one with this alias, or a new one named in every script."""
    if entity.known is not None:
        return entity.known
    for form in entity.forms:
        known = index.by_name(form)
        if known is not None and (" " in form or not form.isascii()):
            entity.known = known
            return known
    if entity.kind == "organization" and not is_latin(entity.name):
        # "墨瞳智能" in a Chinese article is the "Motong Intelligence" an English one already named: the same
        # company when its pinyin, generic ending in English, is that company's whole name
        for latin in (pinyin_org(entity.name), *pinyin_org_variants(entity.name)):
            known = index.by_name(latin) if " " in latin else None
            if known is not None and known.kind == "organization" and known.name.lower() == latin.lower():
                entity.known = known
                return known
    aliases: list[str] = []
    name = entity.name
    if entity.kind == "person" and not is_latin(name) and "·" not in name:
        # "Chang Ya-chi" is how Taiwan spells 張雅琪: English questions may use either spelling
        aliases += [w for w in (wade_giles_name(name),) if w]
        # "Au Wing-chi" is how Hong Kong spells 區詠芝, in one of a few customary ways
        aliases += cantonese_names(name)
        # a transliterated foreign name keeps its Chinese form: pinyin would garble it
        name = pinyin_name(name)
        if "'" in name:  # "Chen Yong'en" is typed "Chen Yongen" as often
            aliases.append(name.replace("'", ""))
        if "ü" in name.lower():  # "Lü Jia" is typed "Lyu Jia" or "Lu Jia" on an English keyboard
            aliases += [name.replace("ü", "yu").replace("Ü", "Yu"), name.replace("ü", "u").replace("Ü", "U")]
    elif entity.kind == "organization" and not is_latin(name):
        # Chinese organizations keep their written name (their English name cannot be guessed); pinyin is an
        # alias so that "Heyue" in an English question finds 禾跃.
        latin = pinyin_org(name)
        variants = pinyin_org_variants(name)
        aliases += [latin, *variants]
        for short in [f for f in entity.forms[1:] if not f.isascii() and 4 <= len(f) <= 6]:
            # "汀湖数投" the article shortens a long name to: "Tinghu Shutou", "Tinghu" to English readers
            aliases.append(pinyin_org(short))
            if _own_brand(short, entity, orgs):
                aliases.append(pinyin_org(short).split()[0])
        if _own_brand(name, entity, orgs):
            # "峤云智算" is "Qiaoyun" as well as pypinyin's "Jiaoyun": the brand alone in each reading ("Fengling" of
            # 沣岭市审计局 is the city to an English reader, "the Fengling computing centre", not one of its bureaus)
            if not _LOCAL_BODY.search(to_simplified(name)):
                aliases += [v.split()[0] for v in (latin, *variants)]
            brand = to_simplified(name)[:2]
            if (
                # ("達晞" alone, as a Hong Kong story shortens 達晞資產管理, is the brand itself: "Tat Hei")
                (len(name) == 2 or len(name) >= 4)
                and brand not in GENERIC_WORDS
                and brand not in NOT_BRANDS
                and not places_in(brand)
            ):
                aliases += _script_variants(name[:2])  # "曜驰智驾" is "曜驰" to its readers, as "Yaochi" is
                if to_simplified(name) != name:
                    # "恒灃氫能" is "Hang Fung" to an English reader in Hong Kong: Cantonese, as its own name says;
                    # "嵩暉電材" is "Sunghui" in Taiwan's Wade–Giles spelling
                    aliases += cantonese_brand(name[:2]) + wade_giles_brand(name[:2])
    if entity.kind == "organization" and is_latin(name):
        # "Hanbay Data Holdings", written 瀚灣數據控股 in Chinese, is 瀚湾 to its Chinese readers
        for form in entity.forms:
            brand = to_simplified(form)[:2]
            if (
                not form.isascii()
                and len(form) >= 4
                and brand not in GENERIC_WORDS
                and brand not in NOT_BRANDS
                and not places_in(brand)
                and _own_brand(form, entity, orgs)
            ):
                aliases += _script_variants(form[:2])
    for form in [*entity.forms, name]:
        aliases += _script_variants(form) if not form.isascii() else [form]
    if entity.kind == "organization":
        aliases += org_short_names(entity.forms)
    if entity.kind == "person" and is_latin(name) and " " in name and not entity.name_zh:
        aliases.append(surname_of(name))
    if entity.kind == "person":  # "法里斯·哈达德" is "哈达德" later, "Faris Haddad" is "Haddad"
        aliases += [v for f in entity.forms if "·" in f for v in _script_variants(f.split("·")[-1])]
        aliases += [surname_of(f) for f in entity.forms if is_latin(f) and " " in f]
        aliases = [a for a in aliases if a.lower() not in WORD_SURNAMES]  # "He said" is no one's surname
    org = _org_display(entity, orgs)
    title = title_en(entity.title)
    key_title = title_key(entity.title) if entity.title and entity.title.lower() in PLAIN_TITLES else None
    if not entity.title or not entity.title.isascii():
        key_title = title_key(entity.title) if entity.title else None
    if key_title in TITLE_EN and org:
        role: str | None = (
            f"{TITLE_EN[key_title]}, {org}"  # "CEO, Corvane Systems", whatever the article's words
        )
    elif entity.role and entity.role.isascii() and entity.kind == "organization":
        role = entity.role
    elif entity.role and entity.role.isascii():
        role = re.sub(r"^(?:a|an|the)\s+", "", entity.role)
    else:
        role = ", ".join(p for p in (title, org) if p) or None
    positions: list[tuple[str, str]] = []
    if (
        entity.org
    ):  # whoever works there speaks for the organization: "staff" when the title is not a known one
        org_entity = orgs.get(entity.org)
        titles = [
            # a title the gazetteer lacks stays as written ("chief underwriting officer"), to be asked by its words
            title_key(part) or unit_title_key(part) or " ".join(part.lower().split()) or "staff"
            for part in re.split(r"[兼暨及和]", to_simplified(unit_head(entity) or entity.title or ""))
        ]
        for form in [*org_entity.forms, org_entity.name] if org_entity else [entity.org]:
            positions += [(t, form) for t in titles]
    default_role = {
        "person": ROLE_UNKNOWN,
        "organization": "organization",
        "unnamed": "unnamed source",
    }
    return Speaker(
        name=name,
        kind="organization" if entity.kind == "unnamed" else entity.kind,
        role=role or default_role[entity.kind],
        role_zh=entity.role_zh,
        name_zh=entity.name_zh,
        # (an exchange speaks through its letters, "问询函指出", but a question about the letter is not about it)
        aliases=tuple(
            dict.fromkeys(a for a in aliases if a and a != name and to_simplified(a) not in EXCHANGE_LETTERS)
        ),
        positions=tuple(dict.fromkeys(positions)),
    )
