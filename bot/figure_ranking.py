"""Which passage's figure answers a how-much question: passages ranked by their asked figure."""

from __future__ import annotations

import re

from bot.aboutness import (
    aboutness,
    asks_kin,
    named_as_kin,
    named_before,
    names_every_party,
    names_places,
    pairs_organizations,
)
from bot.asked_figure_cues import CHANGE_MEASURES
from bot.asked_figures import asked_figures
from bot.figure_dating import dated_to, other_period, words_before
from bot.figure_kinds import counted_things, is_share_of, other_count
from bot.figure_measure import OWN_MEASURES, covered, measure_in_context, measured_for
from bot.i18n import family
from bot.naming import unnamed_description
from bot.romanized import article_spells, romanized_names
from bot.scenarios import asks_scenario, is_scenario
from bot.share_scope import share_of_amount
from knowledge.corpus import Corpus
from knowledge.figure_measures import head_measures
from knowledge.measures import find_measures, looks_ahead
from knowledge.org_words import find_orgs
from knowledge.periods import quarters, relative_years, several_quarters
from knowledge.places import places_in
from knowledge.query import THIRD_PARTY, QueryAnalysis
from knowledge.scripts import fold
from knowledge.search import Hit
from knowledge.unit_words import CURRENCIES

_PAST = re.compile(
    # "毛利率掉到哪裡": where it fell to, a move that happened (unless 会/将 say it will)
    r"\b(?:did|was|were|had|booked|reported|posted|made|earned)\b|了|过去|(?<![会會将將])(?:掉|跌|滑)到",
    re.I,
)
_FURTHER = re.compile(r"再|还要|還要|进一步|進一步|\bfurther\b|\bany more\b|\banymore\b", re.I)
# "…, and what was it a year ago?", "一年前呢？", "两年前是多少": the figure then is asked beside the one now
_THEN_ASKED = re.compile(
    r"\b(?:a|one|two|three|\d+) (?:years?|months?|quarters?) (?:ago|earlier|before)\b|\blast year\b|"
    r"[一二两三四五1-5]年前|去年(?:同期)?(?:呢|是|有)|上一?年(?:呢|是)|上一?季(?:呢|是|又)|"
    # "租金从多少降到多少", "from what to what": both levels are asked
    r"[从從]多少.{0,8}[到至]多少|\bfrom (?:what|how much)\b.{0,30}\bto what\b",
    re.I,
)
# …which a passage gives as a move from then to now ("climbed to $168 from $121 a year earlier", "由…升至")
_FROM_THEN = re.compile(
    r"\bfrom\b[^.;]{0,40}\b(?:ago|earlier|before|last year|in 20\d\d)\b|\bup from\b|\bfrom\b|由|从|從|较|去年同期|[一二两三四五]年前|"
    # "58% of the backlog, against 35% a year ago": the figure then, set beside the one now
    r"\b(?:against|compared with|compared to|versus)\b[^.;]{0,30}\b(?:a year ago|a year earlier|last year)\b",
    re.I,
)


def with_asked_figure(
    query: QueryAnalysis, candidates: list[Hit], entities: list[tuple[str, ...]], corpus: Corpus
) -> list[Hit]:
    """Passages with a figure that answers the question, best first; a question asking two things that no passage
    answers whole is answered by a passage that answers one of its asks."""
    return _with_asked_figure(query, candidates, entities, corpus, by_parts=False) or _with_asked_figure(
        query, candidates, entities, corpus, by_parts=True
    )


def _with_asked_figure(
    query: QueryAnalysis,
    candidates: list[Hit],
    entities: list[tuple[str, ...]],
    corpus: Corpus,
    *,
    by_parts: bool,
) -> list[Hit]:
    """Passages with a figure that answers the question: unit, year, the organization asked about, the measure.

    A figure whose words name another measure does not answer ("how much will Almana put into one project?" is
    not answered by its assets); one whose clause names no measure at all ("About 22%, Osei replied") may.
    The figure whose nearest measure word is the asked one comes first ("利息收入约为9.8亿" is income, not loans),
    then more matching measures, then more of the organizations asked about.
    """
    ranked = []
    ahead = looks_ahead(query.text)
    # "How much revenue did Hengjun book?" asks what happened: a forecast of next year's does not answer it
    past = not ahead and bool(_PAST.search(query.text))
    further = bool(_FURTHER.search(query.text))
    then = bool(_THEN_ASKED.search(query.text))
    places, counted = places_in(query.text), counted_things(query.text)
    anchors = _proper_nouns(query, entities)
    # (only names the question gives that no speaker or organization it names accounts for)
    resolved = {
        w.lower() for s in (*query.speakers, *query.named) for a in (s.name, *s.aliases) for w in a.split()
    }
    romanized = romanized_names(query.text) - resolved - {w for e in entities for w in e}
    paired = pairs_organizations(query.text, entities)
    asked_speakers = {s.name for s in query.speakers}
    asked_year = relative_years(query.text)
    moves = query.measures & {"growth", "cut"} if "share" not in query.measures else set()
    # "營收有多少來自AI": among figures of the asked measure, one whose passage shares none of the question's topic
    # words while others do is about something else (the revenue from the top customers)
    topical = bool(query.measures) and any(h.topic_coverage > 0 for h in candidates)
    # "三季度营业利润多少" asks a reported figure: "a 20% fall in prices would cut its profit by $5 billion" is a
    # scenario, no answer
    kin_asked = asks_kin(query.text)
    # "the price of its main model": whatever the measure, the question asks the organization's own figure
    owned = bool(entities) and _POSSESSIVE.search(query.text) is not None
    reported = bool(query.period or query.quarters or past) and not ahead and not asks_scenario(query.text)
    # "what was its revenue for the first nine months?": a span already reported
    # ("this year" may still be under way: "台积电今年的资本支出将落在…" answers it)
    reported_span = bool(query.period == "quarter" or query.quarters or several_quarters(query.text))
    # "of the $4.2bn build, what portion…": the amount the question names is the whole the share is of
    wholes = [f for f in query.figures if f.unit != "%"] if "share" in query.measures else []
    names = corpus.proper_names.in_question(query.text)
    # "第三方统计的灵瞰双11卖了多少", "per third-party data": not what the company or its people say
    insiders = (
        corpus.speaking_for([*query.speakers, *query.entities]) if THIRD_PARTY.search(query.text) else set()
    )
    two_part = len(_PARTS.split(query.text)) > 1
    span_asked = several_quarters(query.text) and not query.quarters  # "三季度亏了多少？上半年不是还赚钱吗"
    guidance = bool(_GUIDANCE_ASKED.search(query.text))
    asked_period = bool(query.quarters or span_asked) and not ahead
    asked_what = query.measures - CHANGE_MEASURES
    gap_asked = bool(_GAP_ASKED.search(query.text))
    for position, hit in enumerate(candidates):
        if hit.passage.speaker in insiders:
            continue
        if names and not _names_any(hit, names, query, corpus):
            continue  # "how much power will corrin ridge need?" is not answered from an article that never names it
        figures = asked_figures(hit, query, corpus.source(hit.passage.source_id).published, by_parts=by_parts)
        if not figures:
            continue
        # the figure the passage names with the asked measure right beside it ("about $1.4 billion of cash")
        # …or the asked move in the figure's own words ("等於翻一倍" answers "漲了多少")
        heads = [
            bool(
                (head_measures(hit.passage, f, query.measures) | (find_measures(f.text) & moves))
                & query.measures
            )
            for f in figures
        ]
        # else a part, for "what share …" ("about 34% of its assets", or "$4 billion of that" when an amount may
        # tell the slice)
        parts = [
            "share" in query.measures
            and (f.unit == "%" or f.unit in query.units)
            and is_share_of(hit.passage.text, f)
            for f in figures
        ]
        both = [h and p for h, p in zip(heads, parts, strict=True)]
        # what each figure measures, read once
        measures = [measured_for(hit, f, query) for f in figures]
        # of those, one whose words name what is asked beyond the share or move ("占营收六成" before "占订单七成")
        fits = [bool(asked_what & m) or not asked_what for m in measures]
        best = next(
            (
                i
                for flags in (both, heads, parts)
                for fitting in (True, False)
                for i, flag in enumerate(flags)
                if flag and (fits[i] or not fitting)
            ),
            # (with none beside the asked measure, the first whose words name it: "$118 million of cash … burning
            # about $11 million a month" has the cash asked first)
            next((i for i, fit in enumerate(fits) if fit), 0),
        )
        figure, head, part = figures[best], heads[best], parts[best]
        text = hit.passage.text
        measured = measures[best]
        matches = len(query.measures & measured)
        if query.measures and measured and not matches:
            continue
        # "在手訂單約6.8億元，其中約4成來自朔川": a passage with a figure for each asked measure answers both parts
        matches = max(matches, *(len(query.measures & m) for m in measures))
        if not measured and query.measures & OWN_MEASURES and not measure_in_context(hit, query, corpus):
            continue  # "聿達第三季營收" is not answered by a prepayment the passage never calls revenue
        measured_what = measured - CHANGE_MEASURES
        if "volume" in measured_what:
            # "中国AI眼镜出货量增长2.3倍": how the market grew, in units
            measured_what = measured_what | {"market"}
        if two_part:
            # "计了多少信用减值？…应收占多少？": the figure for either part may carry the asked measure
            measured_what |= set().union(*measures) - CHANGE_MEASURES
        if asked_what and measured_what and not asked_what & measured_what:
            continue  # "估值降到多少" is not answered by a margin that fell: a change alone is no match
        if moves and asked_what and not two_part:
            # "淨利年增多少" is not answered by "营收…同比增长1.8倍": every move the passage gives is another measure's
            moved = [m for m in measures if moves & m]
            if moved and all(m - CHANGE_MEASURES and not m & asked_what for m in moved):
                continue
        if reported and is_scenario(text):
            continue
        if (
            guidance
            and query.quarters
            and not (looks_ahead(text) or _FORECAST_TOLD.search(words_before(text, figure, 40)))
        ):
            continue  # "what is it guiding for fourth-quarter revenue?" is not answered by what revenue has passed
        if asked_period and other_period(text, figure, query.quarters, span_asked):
            continue  # "net profit for the first nine months" is not answered by "第三季度单季净利润"
        if other_count(counted, text):
            continue  # "all six halls" is not answered by what "the first two halls" cost
        if not names_places(hit, places, corpus):
            continue  # "越南新廠要投資多少" is not answered by next year's capex in a paragraph without Vietnam
        about = aboutness(hit, entities, corpus)
        if about and query.measures & OWN_MEASURES and not kin_asked and named_as_kin(hit, entities, corpus):
            about = 0.0  # "云衡智算的母公司…其净利润" is the parent's profit, not 云衡智算's own
        if paired and not names_every_party(hit, entities, corpus):
            continue
        # "the Groningen campus that Vossmeer financed": the passage naming Groningen is the one asked about,
        # whoever else it names
        anchored = bool(anchors) and all(a in text for a in anchors)
        # "per Naomi Ferris, how much would families pay under Prairie Crest's plan?": hers, whoever she works for
        theirs = hit.passage.speaker in asked_speakers
        # "梅若华觉得那个语料库值多少": the asked person's own figure, whatever organization the question names
        if (not about and not theirs) or (
            about < 1
            and (query.measures & OWN_MEASURES or owned)
            and _someone_elses(hit, corpus)
            and not (anchored or theirs)
        ):
            continue
        behind = ahead and not looks_ahead(hit.passage.text)
        # "公司前三季度营业收入18.6亿元" in a results story is this year's, undated as it is
        this_years_report = (
            asked_year == {"this"}
            and reported_span
            and bool(several_quarters(text) or quarters(text))
            and not relative_years(text) - {"this"}
        )
        # "聿达对台积电的依赖有多大" asks how things stand: a forecast for next year comes after what is disclosed
        forecast = not ahead and looks_ahead(words_before(hit.passage.text, figure, 30))
        if forecast and past and reported_span:
            continue  # "revenue for the first nine months" is not answered by next year's target
        # "再跌多少" (how much further) is not answered by how far it already fell
        # Named in the passage beats named only in its article's title ("Amazon burned $3 billion" in an article
        # titled with OpenAI does not answer for OpenAI while a passage naming OpenAI does).
        ranked.append(
            (
                (
                    # "about 80% of the $4.2 billion" before "85% of the power they reserve"
                    bool(wholes) and not any(share_of_amount(hit.passage, f, wholes) for f in figures),
                    # "the Groningen campus": a name the question gives that the passage does not
                    bool(anchors)
                    and family(corpus.source(hit.passage.source_id).language) == family(query.language)
                    and not anchored,
                    # "the Yuanzhou AI guidance fund": a passage of a Chinese article that writes 芫州 before one
                    # from an article that never does
                    bool(romanized)
                    and corpus.source(hit.passage.source_id).language != "en"
                    and not article_spells(hit.passage.source_id, corpus, romanized),
                    # "明年…加到多少": a figure whose own words say "明年" before one that does not date itself
                    # (in a two-part question the year may date any of the figures asked)
                    bool(asked_year)
                    and not this_years_report
                    and not any(
                        dated_to(text, f, asked_year)
                        for f in (figures if len(query.measures) > 1 else [figure])
                    ),
                    # "how far apart are the two marks?": the gap the article gives, not either mark
                    gap_asked and not _GAP_TOLD.search(words_before(text, figure, 30)),
                    not head,
                    not (head or part),
                    # "how far could land prices drop?": a figure of the asked move before a level that moved no
                    # such way ("sold for $41,500 an acre"), whichever organization the passages name
                    bool(moves) and not any(moves & m for m in measures),
                    further and behind,
                    about < 1,
                    past and forecast,
                    bool(query.quarters) and not quarters(text) & query.quarters,
                    -matches,
                    # "收入多少？毛利率多少？": a passage that names each asked measure beside one of its figures
                    -len(covered(hit, figures, query)) if len(query.measures) > 1 else 0,
                    # "what is it now, and what was it a year ago?": a passage with both figures, from then to now
                    then and not (len(figures) > 1 and bool(_FROM_THEN.search(text))),
                    # a two-part question: a passage with a figure for each part (an amount and its share)
                    # (an amount in two currencies, "46.2亿港元，约合人民币42.5亿元", is still one part)
                    -len({"money" if f.unit in CURRENCIES else f.unit for f in figures})
                    if len(query.measures) > 1
                    else 0,
                    # a passage in the other language shares few of the question's words: no sign it is off topic
                    topical
                    and hit.topic_coverage == 0
                    and family(corpus.source(hit.passage.source_id).language) == family(query.language),
                    not named_before(hit, figure.text, entities, corpus),
                    forecast,
                    -about,
                    behind,
                    # "有多少订单被往后推了": of two passages with the asked measure, the one that also says what
                    # happened to it ("pushed into the second half") by a clear margin
                    -round(hit.topic_coverage * 3),
                    position,
                ),
                hit,
            )
        )
    return [hit for _, hit in sorted(ranked, key=lambda item: item[0])]


# "how far apart are the two marks?", "两家估值相差多少": the gap between two figures, which articles may give as one
_GAP_ASKED = re.compile(r"\bhow far apart\b|\b(?:gap|difference) between\b|差距|相差多少|差额", re.I)
# "a gap of $48 million", "相差约3亿元": a figure the article gives as a gap
_GAP_TOLD = re.compile(
    r"\b(?:gap|difference) of\s+(?:about |roughly |some |nearly )?\S*$|差距|相差|差额", re.I
)
# "cut its fourth-quarter revenue forecast to…": a figure given as guidance, in whatever tense
_FORECAST_TOLD = re.compile(r"\bforecasts?\b|\bguidance\b|\boutlook\b|预测|預測|指引|财测|財測|展望", re.I)
_GUIDANCE_ASKED = re.compile(r"\bguid(?:e|es|ed|ing|ance)\b|\boutlook\b|财测|財測|指引", re.I)


# Where a question asks a second thing: "…多少？…占多少？", ", and what was it…"
_PARTS = re.compile(
    r"[?？](?=.*[\w\u4e00-\u9fff])|，(?=[^，]{0,12}(?:多少|几|幾))|,\s*and\s+(?=how\b|what\b|from\b|for\b|at\b|by\b)"
)


_MONTHS_AND_DAYS = frozenset(
    "January February March April May June July August September October November December Monday Tuesday"
    " Wednesday Thursday Friday Saturday Sunday".split()
)


def _names_any(hit: Hit, names: list[str], query: QueryAnalysis, corpus: Corpus) -> bool:
    """Whether the passage's article writes one of the names the question uses; an article in the other language
    may write them in its own script, so it is not held to this."""
    source = corpus.source(hit.passage.source_id)
    if family(source.language) != family(query.language):
        return True
    return any(corpus.proper_names.names_in(source.id, name) for name in names)


def _proper_nouns(query: QueryAnalysis, entities: list[tuple[str, ...]]) -> list[str]:
    """Capitalized words inside an English question that name no asked organization or person ("Groningen")."""
    people = [form for s in (*query.speakers, *query.unquoted) for form in (s.name, *s.aliases)]
    named = fold(" ".join([*(form for forms in entities for form in forms), *people]))
    # after a lower-case word that is no name: "the Groningen campus", not "Quillfield Assist" (its product)
    found = re.finditer(r"\b(?P<before>[\w'’]+),? (?P<word>[A-Z][a-z]{3,})\b", query.text)
    words = [
        m.group("word") for m in found if m.group("before").islower() and fold(m.group("before")) not in named
    ]
    return [w for w in words if fold(w) not in named and w not in _MONTHS_AND_DAYS]


# "its", "their", "自家": the question asks what belongs to the organization it names.
_POSSESSIVE = re.compile(r"\b(?:its|their)\b|自家|自己的|自身", re.I)


def _someone_elses(hit: Hit, corpus: Corpus) -> bool:
    """Whether a passage that does not name the asked organization is another one's: an organization speaks, or
    the passage names one ("贝恩估计…2万亿美元" in an article titled with OpenAI is Bain's estimate, not OpenAI's)."""
    speaker = corpus.speaker(hit.passage.speaker)
    # An unnamed source ("two bankers who worked on the sale") reports on the article's subject, not its own
    organization = (
        speaker is not None and speaker.kind == "organization" and unnamed_description(speaker) is None
    )
    return organization or bool(find_orgs(hit.passage.text))
