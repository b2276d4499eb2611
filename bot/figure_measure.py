"""What a passage's figure measures, read for the question asked: its measure words, a share, a price per unit."""

from __future__ import annotations

from bot.figure_kinds import is_comparison, is_share_of
from bot.price_or_cost import asks_price_not_cost, cost_not_price
from knowledge.corpus import Corpus
from knowledge.figure_measures import figure_measures, head_measures
from knowledge.figures import Figure
from knowledge.measures import find_measures
from knowledge.query import QueryAnalysis
from knowledge.search import Hit


def covered(hit: Hit, figures: list[Figure], query: QueryAnalysis) -> set[str]:
    """The asked measures some figure of the passage has right beside it."""
    return query.measures & set().union(*(head_measures(hit.passage, f, query.measures) for f in figures))


def measured_for(hit: Hit, figure: Figure, query: QueryAnalysis) -> set[str]:
    """What a figure measures; for a share question also "share" when it is one ("only about 58% of Vantora's
    GPUs were generating revenue", "$310 million of the deal")."""
    text = hit.passage.text
    share = "share" in query.measures and (
        (figure.unit == "%" and not is_comparison(text, figure)) or is_share_of(text, figure)
    )
    # "$118 per square foot a year": an amount for each unit of something is its price
    priced = figure.unit not in ("%", "x") and figure.per not in (None, "year", "quarter", "month", "share")
    # …and what a tenant pays for each unit of space or power is its rent ("$165 per kilowatt a month")
    prices = ({"price"} | ({"rent"} & query.measures)) if priced else set()
    if figure.per == "share" and figure.unit not in ("%", "x") and "price" in query.measures:
        prices = {"price"}  # "will convert at $18.50 a share": an amount for each share is a price asked
    measured = figure_measures(hit.passage, figure) | ({"share"} if share else set()) | prices
    if "price" in query.measures and asks_price_not_cost(query.text) and cost_not_price(text, figure):
        measured.discard(
            "price"
        )  # "cut the price of its glasses" is not answered by the modules' cost falling
    return measured


# What an organization has of its own: another's sentence in an article about it does not give these for it.
OWN_MEASURES = frozenset(
    {
        "revenue",
        "valuation",
        "burn",
        "margin",
        "spending",
        "orders",
        "employees",
        "retention",
        "stock",
        "yield",
        "net_debt",
        "buyback",
        "fee",
        # "how much of the capacity is being used?" is not answered by a share of staff idle on the bench
        "utilization",
    }
)


def measure_in_context(hit: Hit, query: QueryAnalysis, corpus: Corpus) -> bool:
    """Whether the passage, or the question it answers just before it, names an asked measure."""
    passage = hit.passage
    before = corpus.by_id.get(f"{passage.source_id}:{passage.paragraph}.{passage.sentence - 1}")
    texts = [passage.text] + ([before.text] if before is not None else [])
    return any(find_measures(text) & query.measures for text in texts)
