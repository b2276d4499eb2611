"""User-facing phrases in English and Simplified Chinese; Traditional is derived with OpenCC."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from knowledge.scripts import to_simplified, to_taiwan_text

PHRASES: dict[str, dict[str, str]] = {
    "reporting": {"en": "the article's own reporting", "zh": "文章报道"},
    "place": {"en": "{title}, paragraph {paragraph}", "zh": "《{title}》第{paragraph}段"},
    "no_sources": {"en": "This answer has no sources.", "zh": "此回答没有引用来源。"},
    "sources_heading": {"en": "Sources:", "zh": "来源："},
    "abstain": {"en": "I couldn't find an answer to that in the articles I cover, so I won't guess.",
                "zh": "我在收录的文章中找不到这个问题的答案，所以不作猜测。"},
    "abstain_live": {"en": "I don't have live or future market data (prices, next quarter's results); "
                           "I only answer from the articles I cover.",
                     "zh": "我没有实时或未来的市场数据（股价、下个季度的业绩等），只能根据收录的文章回答。"},
    "abstain_unquoted": {"en": "{name} is mentioned in the articles but never quoted, so I can't tell you what "
                               "{pronoun} said.",
                         "zh": "文章提到了{name}，但没有引用其任何言论，所以我无法说明其观点。"},
    "abstain_unknown": {"en": "The articles I cover don't quote or mention {name}.",
                        "zh": "我收录的文章没有引用或提到{name}。"},
    "abstain_off_topic": {"en": "The articles quote {name}, but not on that subject.",
                          "zh": "文章引用了{name}的话，但没有涉及这个话题。"},
    "abstain_no_figure": {"en": "The articles I cover don't give that number.",
                          "zh": "我收录的文章没有给出这个数字。"},
    "covers": {"en": "I answer from {n} articles about the AI investment bubble: {titles}.",
               "zh": "我根据{n}篇关于AI投资泡沫的文章回答：{titles}。"},
    "try": {"en": "You could ask, for example:", "zh": "例如，你可以问："},
    "disagree": {"en": "The sources disagree: {figures}.", "zh": "各来源的数字不一致：{figures}。"},
    "versus": {"en": " vs ", "zh": "，而"},
    "two_figures": {"en": "The articles give two figures: {figures}.", "zh": "文章给出了两个数字：{figures}。"},
    "also": {"en": "Also: ", "zh": "此外，"},
    "according_to": {"en": "According to {publisher}", "zh": "据{publisher}报道"},
    "said": {"en": "{speaker}: {text}", "zh": "{speaker}表示：{text}"},
    "who": {"en": "That was {speaker}.", "zh": "是{speaker}。"},
    "also_said": {"en": "{speaker} also said: {text}", "zh": "{speaker}还表示：{text}"},
    # Evidence in the other language: a sentence in the reader's language, then the verbatim quote, marked.
    "gave_measure": {"en": "{speaker} put {measure} at {figure}", "zh": "{speaker}称{measure}为{figure}"},
    "gave_figure": {"en": "{speaker} gave a figure of {figure}", "zh": "{speaker}给出的数字是{figure}"},
    "said_in": {"en": "{speaker} said", "zh": "{speaker}表示"},
    "reported_in": {"en": "According to {publisher}", "zh": "据{publisher}报道"},
    "in_language": {"en": "{sentence} (in {language}): {quote}", "zh": "{sentence}（{language}原文）：{quote}"},
    "quote_marker": {"en": " (in {language})", "zh": "（{language}原文）"},
    "lead": {"en": "{text}.", "zh": "{text}。"},
    "notice_cut": {"en": "Your question was cut to {n} characters.", "zh": "你的问题过长，已截取前{n}个字符。"},
    "notice_degraded": {"en": "Semantic search is unavailable right now; this answer comes from keyword search only.",
                        "zh": "语义检索暂时不可用，此回答仅基于关键词检索。"},
    "help": {"en": "Ask me about the AI investment bubble: who said what, how big a number is, where it came "
                   "from. Every answer names the speaker and the figure, and can show the verbatim source.",
             "zh": "可以问我关于AI投资泡沫的问题：谁说了什么、数字有多大、出自哪里。每个回答都会注明发言人和数字，"
                   "并可显示原文出处。"},
}

# Names of the languages a quote can be in, as the reader calls them.
LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "en": {"en": "English", "zh": "英文"},
    "zh-Hans": {"en": "Chinese", "zh": "中文"},
    "zh-Hant": {"en": "Chinese", "zh": "中文"},
}
# What a figure measures, as a noun phrase for "X put {measure} at {figure}" (knowledge.measures names).
MEASURE_NOUNS: dict[str, dict[str, str]] = {
    "revenue": {"en": "revenue", "zh": "营收"}, "valuation": {"en": "the valuation", "zh": "估值"},
    "burn": {"en": "the cash burn", "zh": "烧钱规模"}, "spending": {"en": "spending", "zh": "支出"},
    "debt": {"en": "the debt", "zh": "债务"}, "orders": {"en": "orders", "zh": "订单"},
    "market": {"en": "the market", "zh": "市场规模"}, "price": {"en": "the price", "zh": "价格"},
    "margin": {"en": "the margin", "zh": "利润率"}, "share": {"en": "the share", "zh": "占比"},
    "growth": {"en": "growth", "zh": "增长"}, "power": {"en": "power capacity", "zh": "电力规模"},
    "assets": {"en": "assets", "zh": "资产"}, "volume": {"en": "volume", "zh": "用量"},
    "employees": {"en": "headcount", "zh": "员工人数"}, "rent": {"en": "rent", "zh": "租金"},
    "cap": {"en": "the cap", "zh": "上限"},
}


def family(language: str) -> str:
    """The phrase-table key of a language: 'en' or 'zh' (both Chinese scripts share one entry)."""
    return "zh" if language.startswith("zh") else "en"


def language_name(quoted: str, reader: str) -> str:
    """What the reader calls the language of a quote: 'Chinese' for an English reader, '英文' for a Chinese one."""
    return localize(LANGUAGE_NAMES.get(quoted, LANGUAGE_NAMES["en"]), reader)


def measure_noun(measure: str, reader: str) -> str | None:
    """The noun for a measure in the reader's language, if there is one."""
    entry = MEASURE_NOUNS.get(measure)
    return localize(entry, reader) if entry else None


EXAMPLES: dict[str, list[str]] = {
    "en": ["What compute target did Sam Altman set for OpenAI by 2033?",
           "Does Bret Taylor think we are in a bubble?",
           "How much is OpenAI expected to burn by 2029?"],
    "zh": ["阿尔特曼为OpenAI设定了怎样的算力目标？",
           "谷歌首席执行官皮查伊怎么看AI泡沫？",
           "贝恩公司估计AI每年需要多少收入？"],
}


def convert(text: str, language: str) -> str:
    """Text in the script of the language (Chinese is converted; English is left alone)."""
    if language == "zh-Hant":
        return to_taiwan_text(text)
    if language == "zh-Hans":
        return to_simplified(text)
    return text


def localize(entry: Mapping[str, str], language: str) -> str:
    """An {"en": …, "zh": …} phrase in the language: the Chinese in the asker's script, else English."""
    return convert(entry["zh"], language) if language.startswith("zh") else entry["en"]


@lru_cache(maxsize=256)
def phrase(key: str, language: str) -> str:
    """The phrase for key in the language (en, zh-Hans, zh-Hant)."""
    return localize(PHRASES[key], language)


def examples(language: str) -> list[str]:
    """Three example questions in the language."""
    if language == "en":
        return EXAMPLES["en"]
    return [convert(q, language) for q in EXAMPLES["zh"]]
