"""The constructions English news introduces people and organizations with, as patterns."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_en as lx
from knowledge.attribution.names_en import NAME, ORG, WORD

# "the company's chief financial officer": a common noun standing for the article's organization.
_ORG_NOUNS = (
    "company|firm|bank|group|fund|lender|utility|start-up|startup|chipmaker|maker|insurer|trust|developer|board|"
    "pension|plan|system|agency|regulator|ministry|council|committee|operator|provider|manager|commission|authority|"
    "institute|association|office|department|exchange|university|college|school|endowment|foundation|hospital|"
    "city|county|state|district|carrier|airline|broker|brokerage|platform|lab|network|retailer|publisher"
)
# Any title the lexicon knows, longest first, in any case.
TITLE = "(?i:" + "|".join(re.escape(t) for t in sorted(lx.TITLES, key=len, reverse=True)) + ")"
# Any verb of saying the lexicon knows, longest first.
_VERB = r"(?:" + "|".join(re.escape(v) for v in sorted(set(lx.SPEECH_VERBS), key=len, reverse=True)) + r")\b"
# Verbs strong enough to make an unknown capitalized subject a speaker ("Erin Goldberg said").
_STRONG = r"(?:said|says|told|added|wrote|warned|noted|argued|estimated|estimates|explained|cautioned|predicted|insisted|stressed|acknowledged|replied|answered|testified|testifies|recommended(?= that)|recommends(?= that))\b"
# ", the chief executive of Corvane,", ", who covers chipmakers at Fenwick Hale": who a name's appositive says it is.
APPOSITIVE_ROLE = re.compile(
    rf"^,\s+(?P<role>(?:(?:a|an|the)\s+)?(?:(?P<porg>{ORG}|company|firm|bank|fund|group|plan|county|city|state|town|district)(?:'s|’s)\s+)?"
    rf"(?:[\w&'.-]+\s+){{0,4}}?(?P<title>{TITLE})(?:\s+[^,;.]{{0,60}}?)??(?:\s+(?:of|at|for|with)\s+"
    rf"(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<org>{ORG}))?"
    # "a partner at the venture firm Quillsby Capital who is not an investor in the company": what follows says
    # more of her, after the title and employer
    rf"(?:\s+who\s+[^,.;\"“”]{{1,80}})?"
    # "who runs the fee consultancy Ashby Ledger": the organization run is the employer
    rf"|who\s+(?:chairs|chaired|heads|headed|runs|ran|leads|led|manages|managed|co-founded|founded)\s+(?:(?:the|a|an)\s+)?"
    rf"(?:(?!(?:at|of|for|in)\b)[a-z-]+\s+){{0,3}}?(?P<org3>{ORG})(?=,|\.|;|\s+(?:{_VERB})|$)"
    rf"|who\s+(?:chairs|chaired|heads|headed|runs|ran|leads|led|manages|managed|oversees|oversaw|co-founded|founded|"
    rf"teaches|taught|covers|covered|tracks|tracked|follows|followed|watches|watched|studies|studied)\s+"
    rf"[^,.;]{{3,90}}?(?:\s+(?:of|at|for)\s+(?:the\s+)?(?P<org2>{ORG}))?|"
    # "Gideon Farrow, whose short-selling firm Lanthorn Research disclosed a bet…": his firm, his employer
    rf"whose\s+(?:[\w-]+\s+){{0,2}}?(?:firm|fund|company|group|bank|start-up|startup|consultancy|hedge fund)\s+"
    rf"(?P<org4>{ORG})[^,.;]{{0,120}}?)(?=,|\.|;|\s+(?:{_VERB})|$)"
)
# "the general contractor, Varnell Builders, which says it is owed $52 million": "which" is said of an organization.
# "The Lunsford State Teachers' Retirement System, which owns about 0.3% of Strathwick": what owns a stake is one too.
WHICH_SAYS = re.compile(
    rf"(?P<org>{ORG}),\s+which\s+(?:(?:has\s+|had\s+)?(?={_STRONG})|(?:owns|holds|controls|manages|oversees)\s)"
)
# "Helga Ruddock, who left in June, was more measured.": "who" is said of a person, whatever follows.
WHO_CLAUSE = re.compile(rf"(?P<name>{NAME}),\s+who\s+[a-z]")
# "Corvane's chief executive, Marguerite Olsen,": a title with its organization before the name ("Oskelund
# Resources' chief executive, …" too); "That chair, Louisa
# Tarrant," names the one a title just described.
POSSESSIVE_TITLE = re.compile(
    rf"(?:(?P<org>{ORG})(?:'s|’s|(?<=s)'|(?<=s)’)|\b(?:[Ii]ts|[Tt]heir)|\b(?P<that>[Tt]hat|[Tt]his)|\b[Tt]he\s+(?P<noun>{_ORG_NOUNS})(?:'s|’s))\s+(?:[a-z-]+\s+){{0,2}}?(?P<title>{TITLE}(?:\s+(?:of|for)\s+(?:[a-z&-]+|[A-Z][\w&-]+)(?:\s+(?:[a-z&-]+|[A-Z][\w&-]+))?)?),\s+(?P<name>{NAME})(?:,|(?=[.;]|$))"
)
# "Halworth Securities' Desmond Pryor asked …": a firm's person, named without a title before a verb of saying.
FIRMS_PERSON = re.compile(
    rf"(?P<org>{ORG})(?:'s|’s|'|’)\s+(?P<name>{NAME})\s+(?:asked|said|says|told|wrote|added|argued|estimates|"
    rf"estimated|expects|thinks|believes|noted|warned|questioned|pressed)\b"
)
# "vice president for regulatory affairs Janine Cole": a title's lower-case complement belongs to the title.
_TITLE_COMPLEMENT = r"(?:\s+(?:of|for)\s+[a-z][a-z-]*(?:\s+(?:and\s+)?[a-z][a-z-]*){0,2})?"
# "Corvane chief executive Marguerite Olsen": a title right before a name, with its organization.
TITLE_NAME = re.compile(rf"(?:(?P<org>{ORG})\s+)?(?P<title>{TITLE}{_TITLE_COMPLEMENT})\s+(?P<name>{NAME})\b")
ORG_APPOSITIVE = re.compile(
    # "Vestergaard Kredit, one of Europe's largest trade-credit insurers,": one of a kind of organization
    rf"(?P<org>{ORG}),\s+(?:a|an|the|one of (?:the|its|their|[A-Z][\w-]*(?:'s|’s))(?:\s+\w+est)?)\s+"
    # (the kind heads the appositive: "Odile Marchetti, a partner at the venture firm Quillsby" is a person)
    rf"(?P<role>(?:(?!(?:at|of|with|for|in|from)\s)[\w-]+\s+){{0,5}}(?:trust|company|operator|maker|manufacturer|firm|"
    rf"distributor|seller|system|"
    rf"bank|fund|agency|start-up|startup|utility|provider|developer|lender|insurer|manager|group|regulator|body|"
    rf"consultancy|outlet|publication|newsletter|tracker|supplier|investor|landlord|owner|platform|lab|laboratory|"
    rf"venture|partnership|reinsurer|underwriter|brokerage|contractor|builder|miner|retailer|carmaker|automaker|"
    rf"airline|shipper|wholesaler|integrator|foundry|refiner|producer|exporter|conglomerate|chain|hospital|union|"
    rf"marketplace|carrier|broker(?!\s+(?:at|with|for)\b))s?)\b"
    rf"(?!['’]s)"  # "Idris Kemble, the company's chief technology officer": its officer, not a company
    rf"(?!\s+{_VERB})"  # "…the Securities and Exchange Commission, the company said": a frame, not a description
)
# "Its auditor, Brandling Orsett, disagrees", "Cirrandel's largest lessor, Stenwick Leasing, said": a company's
# auditor, lender or landlord is a firm, whatever its name looks like.
FIRM_ROLE_FIRST = re.compile(
    rf"\b(?:[Ii]ts|[Tt]heir|[A-Z][\w-]*(?:'s|’s))\s+(?:(?:largest|biggest|main|principal|new|former|outside|"
    rf"external|independent|lead|sole)\s+){{0,2}}(?P<role>auditor|lender|lessor|landlord|underwriter|insurer|"
    rf"reinsurer|custodian|bookrunner|law firm|rating agency|ratings agency|bank)s?,\s+(?P<org>{ORG}),"
)
# "the short seller Kestrel Ridge Research", "the cloud provider Stratacore": a description before the name.
DESCRIBED_ORG = re.compile(
    rf"\b[Tt]he\s+(?P<role>(?:(?:[a-z-]+|AI|GPU|[A-Z]{{2,4}}-[a-z-]+)\s+){{0,3}}(?:seller|provider|operator|utility|lender|fund|insurer|bank|maker|"
    rf"chipmaker|developer|landlord|distributor|start-up|startup|company|firm|regulator|consultancy|manager|"
    rf"pension|investor|group|venture|agency|publication|outlet|newsletter|brokerage|broker|marketplace|exchange|"
    rf"retailer|supplier|manufacturer|contractor|builder|reinsurer|carmaker|automaker|tracker|house))\s+(?P<org>{ORG})"
)
# "according to a report by Lexcount", "per Fenwick Hale": the organization cited.
ACCORDING = re.compile(
    rf"\b(?i:according to|cited by|per)\s+(?:the\s+|a\s+|an\s+)?(?:(?:[\w-]+\s+){{0,3}}"
    rf"(?:report|study|survey|analysis|paper|note|estimate|forecast|data)s?\s+(?:by|from)\s+"
    rf"(?:the\s+)?)?(?P<org>{ORG})"
)
# Titles that head a company (lower case).
CORPORATE_TITLES = frozenset(
    {
        "ceo",
        "cfo",
        "cto",
        "coo",
        "finance chief",
        "chief executive",
        "chief financial officer",
        "president",
        "chairman",
        "chairwoman",
        "chair",
        "founder",
        "co-founder",
    }
)
# "Fenwick Hale's analysts", "Lexcount data": an organization with its analysts or its numbers.
GROUP_OF = re.compile(
    rf"(?P<org>{ORG})(?:'s|’s)?\s+(?:analysts|strategists|economists|researchers|data|figures|"
    rf"estimates|calculations|count)\b"
)
# "Analysts at Ferrow & Lisle estimate": whoever has analysts is an organization, whatever its name looks like
STAFF_AT = re.compile(
    rf"\b(?:[Aa]nalysts|[Ss]trategists|[Ee]conomists|[Rr]esearchers)\s+(?:at|from|with)\s+(?P<org>{ORG})"
)
# "Lexcount published a report": an organization that puts out a report.
PUBLISHED = re.compile(
    rf"(?P<org>{ORG})\s+(?:published|released|issued|put out)\s+(?:a|an|its)\s+(?:[\w-]+\s+){{0,3}}"
    rf"(?:{'|'.join(lx.REPORT_NOUNS)})"
)
# "a note by Fenwick Hale", "a report from the short seller Marlpit", "a letter Corvane sent": the organization a
# document is by.
DOCUMENT_BY = re.compile(
    rf"\b(?:report|study|survey|analysis|paper|note|letter|review|memo)\s+(?:(?:published|released|issued|sent|"
    rf"written|prepared)\s+)?(?:by\s+(?:the\s+)?|from\s+(?:(?:the|an?)\s+)?(?:[a-z][\w-]*\s+){{0,3}}?)(?P<org>{ORG})|\b(?:letter|report|memo|note)\s+(?P<sender>{ORG})\s+"
    rf"(?:sent|wrote|filed|published|released|issued)\b"
)
# "Marguerite Olsen of Corvane": a person with their organization after "of".
# "Samira Qureshi of Wolfe Research", "Analyst Ottilie Brandt of the brokerage Selwyn Marsh": a person and her firm
NAME_OF_ORG = re.compile(rf"(?P<name>{NAME})\s+of\s+(?:the\s+)?(?:(?:{lx.DESCRIPTOR})\s+)?(?P<org>{ORG})")
# "Ms. Olsen", "Dr Kemble": a name after an honorific.
HONORIFIC = re.compile(rf"\b(?P<h>Mr|Ms|Mrs|Dr)\.?\s+(?P<name>{WORD}(?:\s+{WORD})?)")
# "Corvane said", "Corvane, which makes robots, said": an organization as the subject of a strong verb.
SUBJECT = re.compile(
    rf"(?P<run>{ORG})(?:'s|’s)?\s*(?:,\s*[^,]{{2,90}},\s*)?(?:(?:{'|'.join(lx.ADVERBS)})\s+)?(?={_STRONG})"
)
# "Orinoko Tooling raised its forecast to ¥300 billion, the company said": the opener is the company
CLOSED_BY_ANAPHOR = re.compile(
    # a dateline first ("SAN FRANCISCO — ") is no part of the sentence
    rf"^[\s\"“]*(?:[A-Z][A-Z .,'-]*\s*[—–-]+\s*)?(?P<run>{ORG})\.?[\s,](?:(?!\.\s)[^;])*?,\s*"
    rf"(?:{'|'.join(re.escape(a) for a in lx.ORG_ANAPHORA)})\s+(?:said|says|told|reported|added|announced)\b"
)
# "Lumenhart reported revenue of …", "Lumenhart called the report "fiction"": what a company puts out is its word
ANNOUNCED = re.compile(
    rf"(?P<run>{ORG})\s+(?:reported|announced|disclosed|called\s+(?:the|it|its|that|this|those|these)\b)"
)
# "said Corvane": an organization after an inverting verb.
INVERTED = re.compile(rf"\b(?:{'|'.join(sorted(lx.INVERTING_VERBS))})\s+(?P<run>{ORG})")
