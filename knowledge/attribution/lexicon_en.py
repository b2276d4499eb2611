"""English words that mark attribution in news: speech verbs, titles, pronouns, anonymous sources."""

from __future__ import annotations

# Verbs that report what someone said, wrote, asked, estimated or thinks (every inflection written out).
SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "tell", "added", "adds", "warned", "warns", "warning", "noted", "notes",
    "argued", "argues", "explained", "explains", "estimated", "estimates", "estimate", "estimating",
    "cautioned", "cautions", "claimed", "claims", "wrote", "writes", "acknowledged", "acknowledges", "admitted",
    "admits", "conceded", "concedes", "insisted", "insists", "stressed", "stresses", "predicted", "predicts",
    "predict", "projected", "projects", "forecast", "forecasts", "believes", "believe", "thinks", "think",
    "reckons", "reckon", "asked", "asks", "replied", "replies", "answered", "responded", "called", "calls",
    "described", "describes", "urged", "urges", "recalled", "concluded", "concludes", "expects", "expect",
    "expected", "suggested", "suggests", "contended", "contends", "countered", "agreed", "agrees", "disputed",
    "maintained", "maintains", "pointed out", "points out", "calculated", "calculates", "reported", "reports",
    "found", "finds", "showed", "shows", "announced", "announces", "confirmed", "confirms", "disclosed",
    "estimated", "saying", "worried", "worries", "put it", "joked", "complained", "insisted", "acknowledged",
    "rejected", "rejects", "dismissed", "dismisses", "defended", "defends", "recalls", "testified",
)
# Verbs whose subject may follow them ("said Jane Roe", "wrote Vukovic"); told/asked take an object instead.
INVERTING_VERBS = frozenset({"said", "says", "added", "adds", "wrote", "writes", "noted", "argued", "warned",
                             "explained", "replied", "cautioned", "asked", "countered", "insisted", "recalled"})
# Verbs that are also nouns or weak ("its forecast", "expected to open"): they need a named subject right before.
WEAK_VERBS = frozenset({"forecast", "forecasts", "expected", "expect", "expects", "estimate", "reports", "found", "shows", "showed", "think", "believe", "worried", "worries", "finds",
                        "announced", "announces", "confirmed", "confirms", "reported"})
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
PLURAL_PRONOUNS = ("they", "it")
# Words between a subject and its verb that do not change who speaks.
ADVERBS = ("also", "later", "then", "further", "previously", "separately", "recently", "once", "still", "has",
           "have", "had", "would", "will", "again", "even", "only", "repeatedly", "publicly", "privately")
TITLES = (
    "chief executive officer", "chief executive", "ceo", "chief financial officer", "cfo", "finance chief",
    "financial chief", "chief technology officer", "cto", "chief operating officer", "coo", "chief economist",
    "economist", "chief scientist", "chief strategist", "strategist", "senior analyst", "analyst",
    "vice president", "president", "chairman", "chairwoman", "chair", "co-founder", "cofounder", "founder",
    "managing partner", "general partner", "partner", "managing director", "director", "fund manager",
    "portfolio manager", "professor", "spokesperson", "spokesman", "spokeswoman", "chief investment officer",
    "chief risk officer", "chief operating officer", "head of research", "investor", "general manager",
    "governor", "secretary", "minister", "commissioner", "senior fellow", "fellow", "researcher", "head",
    "chief", "executive", "trader", "banker", "lawyer", "senator", "representative", "deputy governor",
)
FEMALE_WORDS = ("spokeswoman", "chairwoman", "businesswoman", "ms", "mrs", "madam")
MALE_WORDS = ("spokesman", "chairman", "businessman", "mr")
# Nouns for groups of unnamed people or documents that speak ("two people familiar with the round said").
GROUP_NOUNS = (
    "people", "person", "analysts", "investors", "critics", "executives", "officials", "insiders", "bankers",
    "economists", "insurers", "lenders", "recipients", "sources", "reports", "partners", "traders", "managers",
    "observers", "skeptics", "sceptics", "bulls", "bears", "experts", "advisers", "advisors", "employees",
    "engineers", "founders", "backers", "shareholders", "strategists", "researchers", "supervisors", "regulators",
    "economist", "analyst", "investor", "executive", "official", "banker", "source",
)
# Words standing for an organization already named ("the company said").
ORG_ANAPHORA = ("the company", "the firm", "the bank", "the trust", "the agency", "the fund", "the group",
                "the utility", "the start-up", "the startup", "the lender", "the insurer", "the regulator",
                "the ministry", "the department", "the central bank", "the operator", "the manufacturer",
                "the maker", "the developer", "the institute", "the consultancy", "the research firm", "the lab")
# Words standing for a document whose author already spoke ("the paper's authors wrote", "the letter argues").
DOCUMENT_ANAPHORA = ("the paper's authors", "the report's authors", "the study's authors", "the authors",
                     "the paper", "the report", "the study", "the note", "the survey", "the letter", "the memo",
                     "the analysis", "the filing")
REPORT_NOUNS = ("paper", "report", "study", "note", "survey", "analysis", "forecast", "research", "review",
                "letter", "statement", "filing", "presentation")
# Capitalized words that never begin or make up a person's name.
NOT_NAME_WORDS = frozenset({
    "the", "a", "an", "but", "and", "in", "on", "at", "for", "this", "that", "it", "he", "she", "they", "we",
    "not", "according", "some", "many", "if", "when", "while", "as", "after", "before", "asked", "like",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "ai", "wall", "street", "silicon", "valley", "new", "york", "san", "north", "south", "east", "west",
    "northern", "southern", "eastern", "western", "central", "middle", "gulf", "asia", "europe", "european",
    "america", "american", "china", "chinese", "united", "states", "u.s", "us", "read", "more", "by", "staff",
    "reporter", "correction", "update", "his", "her", "their", "its", "our", "your", "there", "here", "what",
    "why", "how", "who", "so", "yet", "still", "however", "meanwhile", "now", "then", "deals", "power",
    "insurance", "supervisors", "loans", "shares", "investors", "analysts", "federal", "reserve", "capital",
    "data", "cloud", "energy", "fund", "bank", "group", "partners", "research", "dear", "one", "two", "three",
    "about", "last", "next", "first", "second", "third", "each", "every", "no", "both", "all", "most",
})
