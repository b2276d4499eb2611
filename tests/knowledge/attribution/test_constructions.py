"""Attribution of the constructions news uses, in English, 简体 and 繁體: one row per construction."""

from __future__ import annotations

import pytest

from knowledge.attribution import attribute_source
from knowledge.speakers import Speaker, SpeakerIndex


def speakers_of(paragraphs: list[list[str]], language: str) -> list[str | None]:
    """The speaker name of every sentence, read with no speaker known in advance."""
    result = attribute_source(paragraphs, language, SpeakerIndex([]))
    return [s.name if s else None for row in result.speakers for s in row]


ENGLISH = [
    (
        "'The university's chief investment officer, X, said': an officer of the university the article names",
        [
            ["Brackmoor University said on Monday that its endowment lost 2.1% in the fiscal year to June."],
            [
                "The university's chief investment officer, Odile Fenwright, said the AI funds were marked down by 14%."
            ],
        ],
        ["Brackmoor University", "Odile Fenwright"],
    ),
    (
        "'In its results release on November 12, the company forecast …': the company after a phrase setting the scene",
        [
            ["Tarvesta said in a statement on Friday that the report was misleading."],
            [
                "In its results release on November 12, the company forecast fourth-quarter revenue of about $410 "
                "million, up from $312 million in the third quarter."
            ],
            ["Last week the company forecast a gross margin of 41%."],
        ],
        ["Tarvesta", "Tarvesta", "Tarvesta"],
    ),
    (
        "'Online broker Pellmarsh Trade said' is a firm (a name ending in what it does), and 'the company said' after a "
        "research house disputed its numbers is that firm's",
        [
            [
                "Online broker Pellmarsh Trade said on Monday that its options revenue rose 71% to $412 million."
            ],
            [
                "Quarley Research, which studies retail trading, disputes the company's breakdown.",
                "In a report on Wednesday, it said AI-linked names made up closer to 52% of options revenue.",
                "Quarley Research has published three reports on retail options; Quarley Research says the last "
                "drew 40% more readers.",
            ],
            ["Pellmarsh's total revenue for the quarter rose 38% to $1.08 billion."],
            ["Margin loans stood at $9.6 billion at the end of September, the company said."],
        ],
        [
            "Pellmarsh Trade",
            "Quarley Research",
            "Quarley Research",
            "Quarley Research",
            None,
            "Pellmarsh Trade",
        ],
    ),
    (
        "'Halworth Securities' Desmond Pryor asked …' then 'he puts … at': a firm's person named without a title",
        [
            ["Quellby cut its prices."],
            [
                "Halworth Securities' Desmond Pryor asked on the call how much of the decline came from free credits."
            ],
            ["Counting the credits as a cost, he puts Quellby's third-quarter margin at closer to 39%."],
        ],
        [None, "Desmond Pryor", "Desmond Pryor"],
    ),
    (
        "'The licensing office … said', 'Brackett still expects …': an office by its kind, a person named as the "
        "subject of a view, a rating agency's call on another's rating and a broker cutting its price target",
        [
            [
                "Kelvane said about $1.4 billion of orders were waiting for licences from the Strategic Exports Office."
            ],
            [
                "The licensing office, which vets chip sales, said it had received about 2.6 times as many "
                "applications this year.",
                "It said reviews now take an average of 110 days.",
            ],
            ["Hollis Brack, the chief executive of Oxlade, said the company gave up its slots."],
            ["Brack still expects to need more turbines."],
            ["Brackmoor Ratings placed the cooperative's A-minus rating on review for a downgrade."],
            [
                "Analyst Fintan Vesey of Oxbury Lane Securities asked about churn.",
                "Oxbury Lane cut its price target to $31.",
            ],
        ],
        [
            "Kelvane",
            "Strategic Exports Office",
            "Strategic Exports Office",
            "Hollis Brack",
            "Hollis Brack",
            "Brackmoor Ratings",
            "Fintan Vesey",
            "Oxbury Lane Securities",
        ],
    ),
    (
        "'…, according to a letter to limited partners seen by The Ledger': the subject's own letter, 'the letter' "
        "its later; 'Quintavel's Velmoran stake' no person; 'the AI chip start-up Velmoran Interconnect' a company; "
        "'…, the results showed' the company's",
        [
            [
                "Quintavel Ventures cut the value of its third fund by 18%, according to a letter to limited "
                "partners seen by The Thimbleby Letter."
            ],
            [
                "Its biggest position, the AI interconnect-chip start-up Velmoran Interconnect, is 41% of the fund."
            ],
            ["Calderwick Partners would buy Quintavel's Velmoran stake for $530 million."],
            ["Velmoran said in a statement that its gross margin had risen to 46%."],
            [
                "According to Fernlow Advisory, such deals reached $41 billion.",
                "He did not vote, the letter says.",
            ],
            [
                "Cadrelle, which makes AI ad creatives, said revenue rose 22%.",
                "The company's net revenue retention fell to 96% from 128%, the results showed.",
            ],
        ],
        [
            "Quintavel Ventures",
            None,
            None,
            "Velmoran Interconnect",
            "Fernlow Advisory",
            "Quintavel Ventures",
            "Cadrelle",
            "Cadrelle",
        ],
    ),
    (
        "'Its auditor, Brandling Orsett, disagrees … the firm said': a company's auditor is a firm, whatever its "
        "name looks like, its stance a statement, and 'the firm' in the letter it wrote its own",
        [
            ["Kestrane Cloud has disclosed a dispute with its auditor over how to book its GPU leases."],
            [
                "Its auditor, Mallory Penhale, disagrees.",
                "In a letter that Kestrane attached to the filing, the firm said about $4.1 billion of the contracts "
                "are finance leases.",
            ],
        ],
        ["Kestrane Cloud", "Mallory Penhale", "Mallory Penhale"],
    ),
    (
        "'Kestrane's largest lessor, Quarrow Leasing, said': a leasing firm by its trade, and 'Quarrow expects' its",
        [
            ["Kestrane Cloud reported a loss."],
            [
                "Kestrane's largest lessor, Quarrow Leasing, said its contracts could not be cancelled.",
                "Quarrow expects the chips to be worth about 15% of their cost when the leases end.",
            ],
        ],
        [None, "Quarrow Leasing", "Quarrow Leasing"],
    ),
    (
        "'The authority's latest holdings disclosure shows …': the document of the organization the noun stands "
        "for; 'X is not persuaded' a stance",
        [
            ["The Varnel Investment Authority, the state's sovereign fund, said it cut its AI target to 9%."],
            [
                "The authority's latest holdings disclosure shows it cut its stake in Orvane to 0.8% from 2.1%."
            ],
            ["Analyst Tamsin Roe of Ferrow Forensic asked about the sale.", "Roe is not persuaded."],
        ],
        [
            "Varnel Investment Authority",
            "Varnel Investment Authority",
            "Tamsin Roe",
            "Tamsin Roe",
        ],
    ),
    (
        "'X, its chairman, controls 31% and has said nothing publicly': a negated telling is no statement, "
        "unlike a view held ('does not expect')",
        [
            ["Kestrane Cloud reported a loss."],
            [
                "Emory Dalgate, Kestrane's co-founder and chairman, controls about 31% of the votes and has said "
                "nothing publicly about the dispute.",
                "Nolan Esk, the chief executive, has not said whether the accounts will be restated.",
            ],
        ],
        [None, None, None],
    ),
    (
        "'…, the general contractor, Varnell Builders, which says it is owed $52 million': the organization the "
        "relative clause's speech is said of, named nowhere else",
        [
            [
                "The largest claim comes from the general contractor, Varnow Builders, which says it is owed "
                "$52 million for work done between June and September."
            ]
        ],
        ["Varnow Builders"],
    ),
    (
        "'The minutes show the stake valued at $71 million': the board minutes of the body the story is about",
        [
            [
                "The Amberley County Employees' Retirement System has cut the value of its fund stake, it said."
            ],
            ["The minutes show the stake valued at $71 million at the end of September."],
        ],
        ["Amberley County Employees' Retirement System", "Amberley County Employees' Retirement System"],
    ),
    (
        "'The deck … puts its margin at 23%', 'according to a presentation X gave to investors': a company's "
        "investor deck and presentation are its own",
        [
            [
                "Dovercroft, a coding-assistant start-up, said it had 40,000 paying teams.",
            ],
            [
                "The deck, prepared for a funding round the company began marketing this month, puts Dovercroft's "
                "gross margin at 23% in the third quarter.",
                "The deck shows $310 million of cash at the end of September.",
            ],
            [
                "Those customers have paid about $38 million in deposits, according to a presentation Dovercroft "
                "gave to investors this month."
            ],
        ],
        ["Dovercroft", "Dovercroft", "Dovercroft", "Dovercroft"],
    ),
    (
        "'Name, who ran …, was more measured. \"…,\" she said.': a person introduced with 'who' is whom the next "
        "pronoun quotes, not the anonymous source before her",
        [
            ["One of the former engineers said the date was set to raise money."],
            [
                "Wilma Tregarth, who ran chip design at Quessel until she left in June, was more measured.",
                '"Everyone knew the date was tight," she said.',
            ],
            ["Odile Brannock, who left the company in May, disagreed.", '"It was fine," she said.'],
        ],
        # (disagreeing is a stance stated; being measured is a manner described)
        ["unnamed: one of the former engineers", None, "Wilma Tregarth", "Odile Brannock", "Odile Brannock"],
    ),
    (
        "'…came from Farrow Research, a short seller, which said…': the relative pronoun is the firm speaking",
        [
            [
                "Embervale Energy said its wells were on track.",
                "The sharper challenge came from Farrow Street Research, a short seller, which said in a report "
                "last week that the wells had produced an average of 4.4 megawatts each.",
            ]
        ],
        ["Embervale Energy", "Farrow Street Research"],
    ),
    (
        "'X raised the company's forecast': an officer giving the company's guidance speaks; the company raising "
        "its own is narration",
        [
            [
                "Harlow Systems said revenue rose 8% in the quarter.",
                "Chief executive Mira Quell raised the company's full-year revenue forecast to $2 billion.",
                "Harlow also raised its full-year forecast to $2 billion.",
            ]
        ],
        ["Harlow Systems", "Mira Quell", None],
    ),
    (
        "'…, she told analysts.': the closing frame reports the sentence, whoever its clause opens with",
        [
            [
                "Harlow Systems said revenue rose 8% in the quarter.",
                '"We are hiring," said Tamsin Rook, the chief financial officer.',
                "The company expects margins to improve by 2% next year, she told analysts.",
            ]
        ],
        ["Harlow Systems", "Tamsin Rook", "Tamsin Rook"],
    ),
    (
        "'X, the company's vice-president for rates, testified that…': the British spelling is a title too",
        [
            [
                "Brenlow Power asked the regulator for a new tariff.",
                "Odile Marchetti, Brenlow's vice-president for rates, testified that big users would pay more.",
                "The proposed charge is $12.10 per kilowatt a month, she said.",
            ]
        ],
        ["Brenlow Power", "Odile Marchetti", "Odile Marchetti"],
    ),
    (
        "'Seo Da-hye … Seo said': a hyphened given name follows the surname, which a later mention repeats",
        [
            [
                "Morvane Memory reported record sales.",
                "Chief financial officer Seo Da-hye told analysts on the call that orders were strong.",
                "Seo said capital spending would rise to about $9 billion next year.",
            ]
        ],
        [None, "Seo Da-hye", "Seo Da-hye"],
    ),
    (
        "'Clients of X Bank, a Hong Kong lender, hold …, Y estimated': Y's estimate, and the lender is the bank",
        [
            [
                "Clients of Orsay Bank, a Hong Kong lender, hold about $150 million of the notes, Ada Quill estimated.",
                "Orsay Bank said it held none of the notes itself.",
            ]
        ],
        ["Ada Quill", "Orsay Bank"],
    ),
    (
        "'X, the firm's vice-president for rates, testified that': testimony is speech",
        [
            [
                "The dispute is over who pays for the wires.",
                "Nadia Corvell, Brantley Power's vice-president for rates, testified that miners would cover 70% of it.",
            ]
        ],
        [None, "Nadia Corvell"],
    ),
    (
        "'The agency said' after a ratings firm cut another company: the ratings firm, not the company cut",
        [
            [
                "Quenby Ratings downgraded Talvik Cloud by two notches on Friday.",
                "The agency said the company's debt had climbed to 6.2 times its earnings.",
            ]
        ],
        [None, "Quenby Ratings"],
    ),
    (
        "'Analysts at X & Y estimate': the firm that employs them, a name without a corporate ending",
        [
            [
                "Tarrow sold bonds.",
                "Analysts at Brill & Osgood estimate that cloud spending will reach $300 billion.",
            ]
        ],
        [None, "Brill & Osgood"],
    ),
    (
        "', the registry's data showed, making…' after a trade registry was cited: that registry, an organization",
        [
            ["Swaps on Tarrow widened to 90 basis points, according to Fenwick Trade Registry."],
            ["Analysts at Oakhurst Capital were surprised."],
            [
                "Protection outstanding on the company has grown 3 times since March to $5 billion, the registry's"
                " data showed, making Tarrow one of the most traded names."
            ],
        ],
        ["Fenwick Trade Registry", None, "Fenwick Trade Registry"],
    ),
    (
        "'The firm estimates' after 'according to X Deal Data': that firm, not a ratings agency cited before",
        [
            ["Osterby's leverage will rise, according to Holmgard Ratings."],
            [
                "The deal is the largest tower sale this year, according to Varden Deal Data, which tracks deals.",
                "The firm estimates that telecom groups have sold towers worth €18 billion since January.",
            ],
        ],
        ["Holmgard Ratings", "Varden Deal Data", "Varden Deal Data"],
    ),
    (
        "'…, but a leasing broker who has worked on several of the deals said' is an unnamed source, 'the broker' too",
        [
            [
                "Harwell Properties said AI firms signed 42% of its new leasing.",
                "Most of the leases run ten years, but a leasing broker who has worked on several of the deals said"
                " many of them carry a break option.",
                '"Landlords are counting ten-year rent from young companies," the broker said.',
            ]
        ],
        [
            "Harwell Properties",
            "unnamed: leasing broker who has worked on several of the deals",
            "unnamed: leasing broker who has worked on several of the deals",
        ],
    ),
    (
        "'By its tally' and 'the firm' after a research firm spoke: that firm, not the landlord named since",
        [
            [
                "Harwell Properties said AI firms signed 42% of its new leasing.",
                "Lindqvist Property Research counts it differently.",
                "By its tally, AI companies took closer to 27% of Harwell's leasing, because the firm counts only"
                " signed leases.",
                "The firm estimates that AI tenants occupy about 6% of all office space.",
            ]
        ],
        [
            "Harwell Properties",
            "Lindqvist Property Research",
            "Lindqvist Property Research",
            "Lindqvist Property Research",
        ],
    ),
    (
        "'X, the electrical contractor, said' is a company; 'according to Corliss Brandt' is 'Corliss Brandt & Co'",
        [
            [
                "Hollings Weller, the electrical and mechanical contractor, said its backlog rose 40%.",
                '"Contractors are hiring for a peak," said Bea Omondi, an analyst at Marlow Fisk & Co.',
                "The shares trade at about 31 times earnings, according to Marlow Fisk, against 19 times.",
            ]
        ],
        ["Hollings Weller", "Bea Omondi", "Marlow Fisk & Co"],
    ),
    (
        "an insurer named 'X Life' and 'the Japanese insurer said': the insurer, not the seller that opens",
        [
            [
                "Halden Properties sold a 25% stake in its tower to Marugame Life for ¥40 billion, the Japanese"
                " insurer said in a statement."
            ]
        ],
        ["Marugame Life"],
    ),
    (
        "a document no author is named for closes the sentence: the company's ('…, a loan document showed')",
        [
            [
                "Corrin Data, a Texas developer, hired a contractor to finish its campus, the company said.",
                "Corrin closed a $900 million construction loan at about 7.9%, a loan document showed.",
                "Rents fell 4%, a court filing showed.",
            ]
        ],
        ["Corrin Data", "Corrin Data", None],
    ),
    (
        "'the system said' after a hospital system; a reason for anonymity is no statement; 'the doctor said'",
        [
            [
                "Brackley Regional Health, the public hospital system owned by Oram County, has signed a $520 million"
                " contract for AI scribes, the system said on Monday.",
                "A nurse at one of the system's hospitals, who asked not to be named because staff have been told not"
                " to speak to reporters, said the drafts needed fixing in about 25% of visits.",
                '"It helps on quiet days," the nurse said.',
            ]
        ],
        [
            "Brackley Regional Health",
            "unnamed: a nurse at one of the system's hospitals",
            "unnamed: a nurse at one of the system's hospitals",
        ],
    ),
    (
        "someone described by trade, not named ('A reinsurance broker who places…'), then 'the broker said'",
        [
            [
                "Harwood Mutual cut its limits by 20%, the insurer said.",
                "A reinsurance broker who places cover for data-centre builders said rates had risen to about 1.2%"
                " of insured value.",
                '"Capacity is being rationed," the broker said.',
                "A Harwood spokesman said the limits would be reviewed at 15% intervals.",
            ]
        ],
        [
            "Harwood Mutual",
            "unnamed: reinsurance broker who places cover for data-centre builders",
            "unnamed: reinsurance broker who places cover for data-centre builders",
            "Harwood Mutual",
        ],
    ),
    (
        "'according to the results statement' and 'the statement said' are the company's",
        [
            [
                "Orinoko Tooling raised its full-year forecast to ¥300 billion, the company said on Monday.",
                "Tools for advanced packaging made up 40% of orders, according to the results statement.",
                "Orinoko will spend ¥60 billion on a new plant, the statement said.",
            ]
        ],
        ["Orinoko Tooling", "Orinoko Tooling", "Orinoko Tooling"],
    ),
    (
        "a proposal circulated by a lender, and 'according to the agency' right before another company's name",
        [
            [
                "Arvelle Ratings said the exposure was larger than the bank's figure.",
                "According to the agency, Oberlind also holds €95 million of an undrawn line.",
                "Under a proposal circulated by Pembury Credit Partners, lenders would cut the cash interest rate"
                " to 7% from 12.5%.",
            ]
        ],
        ["Arvelle Ratings", "Arvelle Ratings", "Pembury Credit Partners"],
    ),
    (
        "an opener whose which-clause names another company, 'according to the agency', 'The firm expects'",
        [
            [
                "Arvelle Ratings, which rates Oberlind A-minus, said on Wednesday that the provision was manageable.",
                "According to the agency, Oberlind also holds €95 million of an undrawn credit line.",
                "According to Tamberlin Research, vacancy is rising.",
                "The firm expects vacancy in the zone's finished halls to peak at 35% next year.",
            ]
        ],
        ["Arvelle Ratings", "Arvelle Ratings", "Tamberlin Research", "Tamberlin Research"],
    ),
    (
        "an estimate put or valued at a long way from its verb, in US$; the one pressing is not the one answering",
        [
            [
                "Celia Baptiste, who covers large lenders at Dunmore Capital Markets, expects losses.",
                "She put Calderbrook's possible losses on the book in a severe downturn at $900 million to $1.3"
                " billion.",
                "She had valued the entire network at €14 billion before the announcement.",
                "She also put Calderbrook's exposure to Halcyra at about US$310 million.",
            ],
            [
                "Chief risk officer Anil Sethuraman said no loan was on the watch list.",
                "Pressed by Owen Pritchard on what would happen if rents fell, he said the models assumed a 25% drop.",
            ],
        ],
        [None, "Celia Baptiste", "Celia Baptiste", "Celia Baptiste", "Anil Sethuraman", "Anil Sethuraman"],
    ),
    (
        "a pension plan named in full, its filing, and an officer whose title names the employer before a clause",
        [
            [
                "Kettlerock Public Employees' Pension Plan will raise its target allocation to 11% of assets from 6%,"
                " the fund said on Tuesday.",
                "According to Larkspur Research, the plan pays 38 times revenue.",
                "Insiders may sell up to 25% of their holdings, according to the filing.",
                "Tomasz Wielgosz, chief information officer of Westbury Mutual, a regional insurer that has used"
                " Calvore for nine years, said his company still ended up paying 6% more.",
            ]
        ],
        [
            "Kettlerock Public Employees' Pension Plan",
            "Larkspur Research",
            "Kettlerock Public Employees' Pension Plan",
            "Tomasz Wielgosz",
        ],
    ),
    (
        "'the buyout firm said', 'the firm counts', and 'put revenue at between'",
        [
            [
                "Greyharrow Capital Partners has agreed to buy Kelvara Thermal for about $3.4 billion, the buyout"
                " firm said on Monday.",
                "According to Tollbridge Analytics, SPAC deals are failing.",
                "The firm counts 23 AI-related SPAC mergers announced this year.",
                '"We will be fine," said Hollis Marchetti, the chief financial officer.',
                "She put revenue for this year at between $28 million and $34 million.",
            ]
        ],
        [
            "Greyharrow Capital Partners",
            "Tollbridge Analytics",
            "Tollbridge Analytics",
            "Hollis Marchetti",
            "Hollis Marchetti",
        ],
    ),
    (
        "a closing frame with its place and day, a dateline before the subject, a which-clause after the opener",
        [
            [
                "BOSTON — Bellhaven Software, which sells expense programs, will stop reporting a number after an"
                " exchange of letters with the Securities and Exchange Commission, the company said in a filing on"
                " Tuesday.",
                "Orvanth Semiconductor has abandoned its merger with Blackfern Acquisition Corp II after shareholders"
                " of the blank-cheque company asked to redeem about 91% of the trust, Blackfern said in a filing on"
                " Monday.",
                "Bellhaven, which makes expense software for large companies, said its backlog reached $1.1 billion.",
            ]
        ],
        ["Bellhaven Software", "Blackfern Acquisition Corp", "Bellhaven Software"],
    ),
    (
        "a person 'of' a firm with no corporate ending, then a stance verb, and one 'of' a research firm",
        [
            [
                "Marcus Oyelaran of Dunmore Hale, one of the more bullish analysts on the stock, thinks the worries"
                " are overdone.",
                "Samira Qureshi of Wolfe Research, who covers the stock, said the worries were overdone.",
                "Bank of America said rates would fall 5%.",
            ]
        ],
        ["Marcus Oyelaran", "Samira Qureshi", "Bank of America"],
    ),
    (
        "a joint announcement: 'the two companies said' speaks for the trading house that opens the sentence",
        [
            [
                "Hoshimura Trading, one of Japan's largest trading houses, will invest ¥420 billion in a joint"
                " venture with the developer Cobalt Ridge, the two companies said on Monday."
            ]
        ],
        ["Hoshimura Trading"],
    ),
    (
        "a pronoun opening a sentence with a weak verb and a figure",
        [
            [
                '"Our job is to avoid paper gains," said Daniel Ferreira, the endowment\'s chief investment officer.',
                "He expects distributions next year to cover only about 60% of the draw.",
            ]
        ],
        ["Daniel Ferreira", "Daniel Ferreira"],
    ),
    (
        "according to a research firm with a relative clause, then 'the firm estimates'",
        [
            [
                "According to Quillmoor Metrics, which tracks card spending, about 38% of buyers had stopped paying.",
                "The firm estimates that developers cancel at twice the rate of company seats.",
            ]
        ],
        ["Quillmoor Metrics", "Quillmoor Metrics"],
    ),
    (
        "quote, then 'said' and an appositive",
        [
            [
                '"Private credit will underwrite a hole in the ground," said Angela Marsh, chief financial officer of Scioto.'
            ]
        ],
        ["Angela Marsh"],
    ),
    (
        "surname later, pronoun after it",
        [
            ["Jane Roe, the chief executive of Acme Corp, spoke on Monday.", "Roe said demand was strong."],
            ['"We are sold out," she said.'],
        ],
        [None, "Jane Roe", "Jane Roe"],
    ),
    (
        "title before the name, possessive organization",
        [["Calloway CFO Denise Ortega said roughly 65% of orders came from data centers."]],
        ["Denise Ortega"],
    ),
    (
        "organization's title, then the name between commas",
        [["Acme's chief executive, Tom Baker, told analysts that the campus was fully leased."]],
        ["Tom Baker"],
    ),
    (
        "according to an organization",
        [["According to Moody's Ratings, single-tenant debt made up 41% of new issuance."]],
        ["Moody's Ratings"],
    ),
    (
        "an organization's analysts, then 'they'",
        [
            [
                "Barclays analysts estimate that lenders committed $72 billion.",
                "In a note to clients, they warned that many loans rest on one tenant.",
            ]
        ],
        ["Barclays", "Barclays"],
    ),
    (
        "an analyst's question, the executive's answer in the next paragraph",
        [
            ["Scioto's chief executive, Tom Brennan, told analysts the campus was fully leased."],
            ["On the call, Jefferies analyst Ravi Khanna asked what would happen if the tenant left."],
            [
                "Brennan said the lease could not be cancelled.",
                '"If they walk, they still owe us the rent," he said.',
            ],
        ],
        ["Tom Brennan", "Ravi Khanna", "Tom Brennan", "Tom Brennan"],
    ),
    (
        "narration between two quotes of one person is the reporter's",
        [
            [
                '"Everyone wants to lend," said Leonard Tsai, a portfolio manager at Ridgeline Income Fund.',
                "Loans of this kind typically pay more than corporate bonds.",
                '"The question nobody can answer is what an empty data center is worth," Tsai said.',
            ]
        ],
        ["Leonard Tsai", None, "Leonard Tsai"],
    ),
    (
        "two people with one surname stay apart",
        [
            ["Tom Brennan, the chief executive, said rents were safe."],
            ["Power is the constraint, said Kate Brennan, a spokeswoman for PJM Interconnection."],
            ['"We have 30 gigawatts of requests," Kate Brennan said.', '"Most are duplicates," she added.'],
        ],
        ["Tom Brennan", "Kate Brennan", "Kate Brennan", "Kate Brennan"],
    ),
    (
        "anonymous sources are unnamed, never a named person",
        [["Two people familiar with the round said existing investors declined to add money."]],
        ["unnamed: two people familiar with the round"],
    ),
    (
        "a refusal is not a statement",
        [
            [
                "Jane Roe, the chief executive of Acme Corp, spoke on Monday.",
                "She declined to say how much was drawn.",
            ]
        ],
        [None, None],
    ),
    (
        "a quote continued in the next paragraph keeps its speaker",
        [
            ['"This is a bubble," Nadia Vukovic, a partner at Tamarind Road, wrote in her letter.'],
            ['"We will be wrong about some of this."'],
        ],
        ["Nadia Vukovic", "Nadia Vukovic"],
    ),
    (
        "the company said",
        [
            [
                "Cindervale, a maker of coding agents, raised $4 billion.",
                "The company said its revenue had doubled.",
            ]
        ],
        [None, "Cindervale"],
    ),
    (
        "'the company's' title, then the name between commas",
        [
            [
                "Kestrel Devices, a chip designer, listed on Wednesday.",
                "The company's chief financial officer, Susan Adler, told analysts the backlog stood at $3.1 billion.",
            ]
        ],
        [None, "Susan Adler"],
    ),
    (
        "according to its own filing: the company speaks",
        [
            [
                "Kestrel Devices, a chip designer, listed on Wednesday.",
                "Kestrel's revenue was $310 million in the third quarter, according to its prospectus.",
            ]
        ],
        [None, "Kestrel Devices"],
    ),
    (
        "a two-word research firm's analysts estimate",
        [["Wood Mackenzie analysts estimate that utilities have signed contracts for 65 gigawatts."]],
        ["Wood Mackenzie"],
    ),
    (
        "surname with a particle, lowercase mid-sentence and capitalized at the start",
        [
            ['"Power is our edge," said Ilse ter Horst, chief executive of Brantwell Systems.'],
            ['"Cheap, clean power wins," ter Horst said.', "Ter Horst, a former banker, founded the firm."],
        ],
        ["Ilse ter Horst", "Ilse ter Horst", None],
    ),
    (
        "accented names",
        [
            [
                '"Equity got expensive," said Agnès Lefèvre, a partner at Orvane Capital.',
                "She said more was coming.",
            ]
        ],
        ["Agnès Lefèvre", "Agnès Lefèvre"],
    ),
    (
        "'the company said' is the one described as a company, not the one named last",
        [
            [
                "Quarrow Compute, a Lisbon-based company that rents Nvidia chips, borrowed €1 billion.",
                "The loan carries an interest rate of 9%, the company said.",
            ]
        ],
        [None, "Quarrow Compute"],
    ),
    (
        "a closing 'the company said' reports the sentence, not the analysts inside it",
        [
            [
                "Brantwell Systems, a Dallas-based cloud provider, reported results.",
                "Revenue rose 31% to $14.6 billion, ahead of the $14.1 billion analysts had expected, the company said.",
            ]
        ],
        [None, "Brantwell Systems"],
    ),
    (
        "'according to the report' cites whoever published it, not the last speaker",
        [
            ["The short seller Marlow Bay Research published a critical report on Tessan Digital."],
            ['Tessan\'s finance chief, Ada Brill, said the report was "misleading."'],
            ["According to the report, Tessan bought 40% of its chips through one distributor."],
        ],
        [None, "Ada Brill", "Marlow Bay Research"],
    ),
    (
        "'X of Organization' introduces a person; 'put the share at' is an estimate",
        [
            [
                "Dana Kowal of Brightline Research pressed the chief executive on the size of that customer.",
                "Kowal, in a note after the call, put the lab's share at closer to 35%.",
                "The lender put up $800 million.",
            ]
        ],
        [None, "Dana Kowal", None],
    ),
    (
        "a surname with 'estimates' is the person just quoted, not an organization's estimates",
        [
            [
                '"Leverage and volatility do not mix," said Kenji Mori, a finance professor at Lakemont University.',
                "Mori estimates that a leveraged fund lost about 18% over the past year.",
            ]
        ],
        ["Kenji Mori", "Kenji Mori"],
    ),
    (
        "'the company said' closing a sentence that names the company",
        [
            ["Tidewater Funds manages $31 billion.", "Tidewater Funds said its customers are informed."],
            [
                "At Quillstone Brokerage, an app for young investors, options made up 38% of trading, the company said."
            ],
        ],
        [None, "Tidewater Funds", "Quillstone Brokerage"],
    ),
    (
        "'By her count' is the woman just quoted; 'put that figure higher, at' is an estimate",
        [
            [
                '"That is not AI revenue," said Lucia Ferrante, who teaches financial reporting at Westbury College.'
            ],
            ["By her count, only about $60 million of the recurring revenue comes from the AI modules."],
            ["Owen Pryce, an analyst at Saltmarsh Securities, put that figure higher, at about $95 million."],
        ],
        ["Lucia Ferrante", "Lucia Ferrante", "Owen Pryce"],
    ),
    (
        "'said X's founder, Name.' at the end of the sentence, and an agency's director",
        [
            ['"Vantora is a story," said Kestrel\'s founder, Adrian Voss.'],
            ["The commission's director, Hollis Brandt, told lawmakers the gap came down to assumptions."],
        ],
        ["Adrian Voss", "Hollis Brandt"],
    ),
    (
        "an analyst cutting her own price target makes the call",
        [
            [
                "Halloran Securities analyst Jenna Pike said the dispute was overdone.",
                "She cut her price target to $41 from $48.",
            ]
        ],
        ["Jenna Pike", "Jenna Pike"],
    ),
    (
        "', citing' reports what the sentence's subject said",
        [
            [
                "According to Kestrel Ratings, utility debt rose 12%.",
                "Kestrel Ratings, which rates the utility's debt A3, changed its outlook to negative, citing "
                '"execution risk".',
            ]
        ],
        ["Kestrel Ratings", "Kestrel Ratings"],
    ),
    (
        "a brand-like name after 'according to', then 'the firm said'",
        [
            [
                "According to Tessaract BioData, which tracks licensing deals, partnerships were worth $19.6 billion.",
                "Upfront payments were about 6% of that total, the firm said.",
            ]
        ],
        ["Tessaract BioData", "Tessaract BioData"],
    ),
    (
        "an anonymous source's 'said' followed by the company it talks about",
        [
            [
                "A person familiar with the negotiations said Marlowe-Strand had first offered $90 million up front."
            ]
        ],
        ["unnamed: a person familiar with the negotiations"],
    ),
    (
        "a source who asked not to be named, then 'he said'",
        [
            [
                "Corvella Design Automation said bookings rose 47% to $1.36 billion.",
                "A chip designer at one of Corvella's customers, who asked not to be named, said his company paid "
                "$38 million up front.",
                '"We bought more seats than we have engineers," he said.',
            ]
        ],
        ["Corvella Design Automation"] + ["unnamed: a chip designer at one of the company's customers"] * 2,
    ),
    (
        "the company named in the lede, taken up as 'the Hong Kong-listed operator said'",
        [
            [
                "A group of 14 banks has agreed to lend Harbourgate Data Holdings $3.6 billion to build a campus, "
                "the Hong Kong-listed operator said on Thursday, about $600 million less than it set out to raise."
            ]
        ],
        ["Harbourgate Data Holdings"],
    ),
    (
        "a joint venture described in the lede is 'the venture' later; a place's company is the company's",
        [
            [
                "Kazahaya Data Centers, the joint venture that trading house Amagiri Shoji runs with a utility, "
                "has sold ¥180 billion of bonds, Amagiri said on Monday.",
                "The venture also raised $1.4 billion from a dollar tranche, according to a filing by the venture.",
            ],
            [
                "The racks come from Taiwan's Hanjun Technology, worth about $1.1 billion, Hanjun Technology said."
            ],
        ],
        ["Amagiri", "Kazahaya Data Centers", "Hanjun Technology"],
    ),
    (
        "a firm described as a consultancy or an agency is no person; 'the investment chief' is the CIO",
        [
            ["Vossmeer, the Dutch pension fund, said it would sell AI stocks."],
            ['"We are not calling the top," chief investment officer Annelies Korteweg said.'],
            [
                "According to Marwick Ashby, a pensions consultancy, pension funds have committed €31 billion.",
                "The firm estimates that more than 60% of that money is tied to AI tenants.",
            ],
            ["Analysts at the rating agency Ellery Stone said in a note that the debt is not immune."],
            ["The investment chief said the fund intends to lift its data-centre debt to about €4 billion."],
        ],
        [
            "Vossmeer",
            "Annelies Korteweg",
            "Marwick Ashby",
            "Marwick Ashby",
            "Ellery Stone",
            "Annelies Korteweg",
        ],
    ),
    (
        "a cited firm whose name looks like a person's, a reinsurer, 'The X, which …, said', 'He expects'",
        [
            [
                "Premiums have risen by about 40% this year, according to Pennock Lyle, a broker that arranges"
                " construction policies for developers.",
                "The broker estimates that policies will bring in $3.2 billion of premiums in 2026.",
                "The claim is expected to reach about $520 million, according to Harwell Re, one of the reinsurers.",
            ],
            [
                "The Financial Reporting Standards Council, which reviews listed companies' accounts, said in a"
                " letter that it would look at useful-life changes.",
            ],
            [
                "Marcus Thibodeau, the chief executive of Orrison, said the company had cut its forecast.",
                "He expects most of the remaining delayed orders to ship in fiscal 2028.",
            ],
        ],
        [
            "Pennock Lyle",
            "Pennock Lyle",
            "Harwell Re",
            "Financial Reporting Standards Council",
            "Marcus Thibodeau",
            "Marcus Thibodeau",
        ],
    ),
    (
        "a company named by what it does ('The GPU rental company reported'), a name cited with no description",
        [
            [
                "Harrowgate Cloud said on Monday it would fight the ruling.",
                "The GPU rental company reported operating profit of $880 million for the year to September.",
            ],
            ["Sales of the chips rose 5% in the quarter, according to Maria Lopez."],
        ],
        ["Harrowgate Cloud", "Harrowgate Cloud", "Maria Lopez"],
    ),
    (
        "a government office whose name goes on after a corporate word, then 'The office said'",
        [
            [
                "Orrison said its Gulf orders were stuck.",
                "The Office of Strategic Technology Licensing, which reviews exports of advanced chips, has approved"
                " licences worth roughly $1.1 billion, according to a summary the office published last month.",
                "The office said it was still reviewing applications covering about $9 billion of hardware.",
            ]
        ],
        ["Orrison", "Office of Strategic Technology Licensing", "Office of Strategic Technology Licensing"],
    ),
    (
        "'According to X,' before a group that told someone something, and 'the board's staff said'",
        [
            [
                "According to Ostrander Grid Research, utilities across the country have told regulators to expect"
                " a combined 140 gigawatts of new data-centre load by 2030.",
            ],
            [
                "The Harlan Basin Utilities Board on Tuesday ordered Prairie Crest Energy to show its contracts.",
                "Prairie Crest Energy forecasts 9.4 gigawatts of new load, its filing shows.",
                "In a report released with the order, the board's staff said only 3.1 gigawatts was backed by"
                " signed agreements.",
            ],
        ],
        [
            "Ostrander Grid Research",
            None,
            "Prairie Crest Energy",
            "Harlan Basin Utilities Board",
        ],
    ),
    (
        "a memo sent to employees is the company's own, not an unnamed source",
        [
            [
                "Vantorra, a video start-up, raised $90 million.",
                "Vantorra will lay off 140 of its 400 employees, or 35% of staff, according to a memo sent to"
                " employees and seen by Foxglove.",
            ]
        ],
        [None, "Vantorra"],
    ),
    (
        "an officer whose title names a region ('president for Asia Pacific'), not a company called Asia Pacific",
        [
            [
                "Orrinvale Cloud will anchor the campus.",
                "Orrinvale's president for Asia Pacific, Colm Baptiste, said the company would itself rent at"
                " least 70% of the first phase's capacity.",
            ]
        ],
        [None, "Colm Baptiste"],
    ),
]

CHINESE = [
    (
        "'X披露的三季度财务报表显示' then, after a narration sentence, '报表同时显示': the statements X disclosed",
        [
            [
                "本报讯 汶澄市国有资本投资运营有限公司（下称“汶澄国投”）披露的三季度财务报表显示，其股权账面价值约5.6亿元。"
            ],
            [
                "汶澄国投是市属国有资本投资平台，截至9月底总资产约860亿元。",
                "报表同时显示，汶澄国投前三季度确认公允价值变动损失约5.3亿元。",
            ],
        ],
        ["汶澄市国有资本投资运营有限公司", None, "汶澄市国有资本投资运营有限公司"],
    ),
    (
        "'对冲基金Harlan Reed Partners發表公開信指' then '公開信又指': the fund written in Latin letters speaks, and its "
        "letter goes on speaking for it (no speaker is called 公開信)",
        [
            [
                "持有曉灃約8.6%股份的對沖基金Harlan Reed Partners發表公開信指，註銷價較每股淨現金低約12%。",
                "公開信又指，曉灃去年出售業務所得約4,500萬美元仍未派發。",
            ],
        ],
        ["Harlan Reed Partners", "Harlan Reed Partners"],
    ),
    (
        "'据X人寿披露的三季度偿付能力报告': the insurer that disclosed the report speaks, not a firm named for what the "
        "report covers",
        [["据澄岚人寿披露的三季度偿付能力报告，截至9月底，其权益类资产占总资产的比例为24.6%。"]],
        ["澄岚人寿"],
    ),
    (
        "'训练场的运营方X智能数据有限公司（下称“X”）日前发布运营报告称': the operator by its name (运营方 only says what "
        "it is, and the 据 of 数据 cites nothing), whatever kind of report it published",
        [
            [
                "本刊讯 汀澜市数据采集训练场的运营方汀澜具身智能数据有限公司（下称“汀澜具身”）日前发布运营报告称，"
                "前三季度实现数据服务收入约1.6亿元。"
            ],
            ["汀澜具身表示，明年将扩建场地。"],
        ],
        ["汀澜具身智能数据有限公司", "汀澜具身智能数据有限公司"],
    ),
    (
        "'分析員利俊謙在電話會上追問' then '利俊謙會後向本報表示' and '他估計': three characters after a title, written "
        "again, are a name whatever the surname",
        [
            ["朗匯證券分析員利嘉謙在電話會上追問：集團手頭資金是否足以應付回售？"],
            [
                "利嘉謙會後向本報表示，上述銀行信貸大部分以存貨作抵押。",
                "他估計，集團實際可動用的資金只有約3.1億美元。",
            ],
        ],
        ["Li Jiaqian", "Li Jiaqian", "Li Jiaqian"],
    ),
    (
        "'為凱德維克分銷晶片的分銷商銓澔科技昨日起招股' then '根據招股書': the company the 的-clause describes is the "
        "article's, its prospectus its own",
        [
            ["為凱德維克（Kelderwick）分銷AI加速器的本地分銷商銓澔科技昨日起招股，集資最多約3.4億美元。"],
            ["根據招股書，截至6月底止六個月，銓澔收入約12.8億美元，凱德維克產品佔採購額約七成。"],
            ["凱德維克發言人表示，公司不會減持。"],
            ["銓澔科技表示，上市後將擴充產能。"],
        ],
        [None, "銓澔科技", "凱德維克", "銓澔科技"],
    ),
    (
        "'鼎昱信评日前将蔚垣建工的主体信用评级展望由…调整为…', '她将…每股纯益预估从…下修至…': a call on a rating or an "
        "estimate; '分析师X并不认同。' then '她通过渠道调研发现' the analyst's",
        [
            ["鼎昱信评日前将蔚垣建工的主体信用评级展望由“稳定”调整为“负面”。"],
            [
                "翊丰投顾分析师赖品妤认为，出口许可审查时程难以预估。",
                "她将景筠今年每股纯益预估从12.8元下修至10.9元。",
            ],
            [
                "泓岑证券计算机行业分析师邵清禾并不认同。",
                "她通过渠道调研发现，同配置服务器的实际成交价约为175万元。",
            ],
        ],
        ["鼎昱信评", "Lai Pinyu", "Lai Pinyu", "Shao Qinghe", "Shao Qinghe"],
    ),
    (
        "'据供应链人士透露', '一位参与其中一个项目的分包商私下透露': sources the article leaves unnamed, and 他 after one",
        [
            ["据供应链人士透露，景筠已要求供应商将交货延后一季。"],
            [
                "一位参与其中一个智算中心项目的分包商私下透露，工程款已拖欠半年以上。",
                "他估计，欠款约2.6亿元。",
            ],
        ],
        [
            "unnamed: 供应链人士",
            "unnamed: 一位参与其中一个智算中心项目的分包商",
            "unnamed: 一位参与其中一个智算中心项目的分包商",
        ],
    ),
    (
        "'霏云智算破产管理人竑衡律师事务所日前发布公告称', '管理人负责人苏砚秋表示': a law firm holding the "
        "administrator's role, a title inside its name, and the administrator no person called 管理人",
        [
            ["霏云智算破产管理人竑衡律师事务所日前发布公告称，本次起拍价约4亿元。"],
            ["管理人负责人苏砚秋表示，共有63家债权人申报债权约31.6亿元。"],
            ["栖桐律师事务所律师栗知远指出，展期需经受益人大会表决通过。"],
        ],
        ["竑衡律师事务所", "Su Yanqiu", "Li Zhiyuan"],
    ),
    (
        "'本报讯 琨汐股份日前发布公告称' then '公告称': a company whose name ends in 股份 after the dateline, its "
        "announcement; '据X向信托计划提交的财务报表' its accounts; '该局同时透露' the bureau just named",
        [
            ["本报讯 琨汐股份日前发布公告称，控股子公司琨汐智算拟采购一批GPU服务器。"],
            ["采购价格是争议的焦点。", "公告称，此次采购单价约为每台228万元。"],
            [
                "峪川算力是一家算力租赁公司。",
                "据峪川算力向信托计划提交的财务报表，公司前三季度收入约1.9亿元。",
            ],
            [
                "汀北市地方金融监督管理局在回复本刊询问时表示，已要求核查。",
                "该局同时透露，相关产品存续规模约37亿元。",
            ],
            ["截至发稿，汀北市地方金融监督管理局未回复本刊关于销售环节的进一步询问。"],
        ],
        [
            "琨汐股份",
            None,
            "琨汐股份",
            None,
            "峪川算力",
            "汀北市地方金融监督管理局",
            "汀北市地方金融监督管理局",
            None,
        ],
    ),
    (
        "'栢堯資本發言人回覆本報查詢時表示': a spokesperson replying to the paper speaks for the firm; "
        "'投顧研究部副總鍾采葳認為' Taiwan's 副總",
        [
            ["澤灃證券分析員馬浩霖認為，折讓幅度明顯高於市場平均。"],
            ["栢堯資本發言人回覆本報查詢時表示，基金看好禧源的長線發展。"],
            ["晴嶂投顧研究部副總鍾采葳認為，昶瀚的毛利率壓力還沒見底。"],
        ],
        ["Ma Haolin", "栢堯資本", "Zhong Caiwei"],
    ),
    (
        "'信託同時宣布': a bare 信託 in a story about one trust is that trust",
        [
            ["香港上市的澄匯數據中心信託昨日公布中期業績，可分派收入按年下跌21%。"],
            ["信託同時宣布，未來兩年將投入約3.4億美元改裝三座舊數據中心。"],
        ],
        ["澄匯數據中心信託", "澄匯數據中心信託"],
    ),
    (
        "'沂湄省发改委表示': a province's own commission, not the national one of that short name",
        [["沂湄省发改委表示，报价须书面说明。"]],
        ["沂湄省发改委"],
    ),
    (
        "'沂湄省财政厅今年9月发文要求': a province's department by its name, its directive a statement",
        [["沂湄省财政厅今年9月发文要求，报价低于采购预算五成的供应商须书面说明成本构成。"]],
        ["沂湄省财政厅"],
    ),
    (
        "'调研机构X9月对园区逐层走访后发现': what a firm did to find what it says stands between it and its verb",
        [["调研机构梧桐产研9月对园区逐层走访后发现，园区实际入驻率约为55%。"]],
        ["梧桐产研"],
    ),
    (
        "'權益披露資料顯示': disclosure-of-interests filings are the holders', reported by the paper, not the company's",
        [
            ["港股上市的AI軟件公司翎岑智能，基石投資者禁售期於本月16日屆滿。", "翎岑智能表示，業務如常。"],
            ["權益披露資料顯示，主席持股比例由38.2%降至34.9%。"],
        ],
        [None, "翎岑智能", None],
    ),
    (
        "'问询函指出': the exchange's letter speaks for the exchange; '…披露的问询函回复公告称' is the company's reply",
        [
            ["光模块厂商棱岳光通日前发布定增预案称，公司拟募资38亿元。"],
            [
                "预案发布后第三个交易日，交易所即下发问询函。",
                "问询函指出，公司前次募集的12亿元中，截至9月底仅投入约4.9亿元。",
            ],
            ["棱岳光通11月21日披露的问询函回复公告称，公司1.6T光模块在手订单约9.6亿元。"],
        ],
        ["棱岳光通", None, "交易所", "棱岳光通"],
    ),
    (
        "'…主管闞家彥指，…': 指 before the comma is what he said; '研調機構X顧問估計': an advisory house estimates",
        [
            [
                "主要貸款銀行澔泰銀行企業信貸部主管闞家朗指，銀行對數據中心項目的貸款成數已降至四成。",
                "研調機構拓峻顧問估計，明年全球AI伺服器電源市場規模約120億美元。",
                "一位投资顾问认为估值过高。",
            ]
        ],
        ["Kan Jialang", "拓峻顧問", "unnamed: 一位投资顾问"],
    ),
    (
        "'AI軟件公司X智能，…' then 'X較早前公布的中期業績顯示' and '公司…另發通告': the company named once in full and "
        "again by its brand speaks through its results and notices, not the fund quoted before",
        [
            ["港股上市的AI軟件公司翎弈智能，基石投資者禁售期於本月16日屆滿，股價累計急挫23.6%。"],
            ["柯里溫創投（Corrivan Ventures）管理合夥人西婭·瑪奇表示，基金在首周出售約1.4億美元翎弈股份。"],
            [
                "翎弈較早前公布的中期業績顯示，上半年收入約人民幣6.8億元。",
                "公司昨晚另發通告，宣布動用最多10億港元回購股份。",
            ],
        ],
        [None, "西婭·瑪奇", "翎弈智能", "翎弈智能"],
    ),
    (
        "'奥德门证券（…）亚太区分析师柯林斯在报告中，将目标价调升': the analyst the firm's title introduces acts",
        [
            [
                "沛宸热控昨日公布营收。",
                "奥德门证券（Aldgate Pryce）亚太区科技产业分析师马修·柯林斯（Matthew Collins）在最新报告中，"
                "将沛宸热控目标价从980元调升至1,280元。",
            ]
        ],
        [None, "Matthew Collins"],
    ),
    (
        "'一位…的会计师私下透露' then '他估计': the unnamed accountant, not the founder named the paragraph before",
        [
            ["星桥科技创始人顾明远目前持有的朗禾股份股票市值约2.1亿元，其中约五成已质押。"],
            [
                "一位参与过该交易尽调的会计师私下透露：“当年的估值假设早就站不住了。”",
                "他估计，原股东的补偿金额将超过6亿元。",
            ],
        ],
        [None, "unnamed: 一位参与过该交易尽调的会计师", "unnamed: 一位参与过该交易尽调的会计师"],
    ),
    (
        "'一位资深评估师私下透露' is a source kept unnamed: a profession is a group noun, not a name",
        [
            [
                "澜湖数据交易所日前披露成交额约40亿元。",
                "一位参与估值的资深评估师私下透露，评估值普遍按收入的8倍确定。",
            ]
        ],
        ["澜湖数据交易所", "unnamed: 一位参与估值的资深评估师"],
    ),
    (
        "a bare '交易所' opening a later paragraph is the exchange named before, not an organization of its own",
        [
            ["澜湖数据交易所日前披露，今年前三季度成交额约40亿元。"],
            ["交易所同时披露，语料类产品约占成交额的30%。"],
        ],
        ["澜湖数据交易所", "澜湖数据交易所"],
    ),
    (
        "'港股X集团前晚发盈警' speaks for X: a listing is no part of the name, 前晚 is a date",
        [["主营AI服务器分销的港股澜峰智算集团前晚发盈警，预期中期亏损不少于人民币4.2亿元。"]],
        ["澜峰智算集团"],
    ),
    (
        "'矿机生产商X' names X, not a company called 产商X",
        [["港股上市矿机生产商嘉砾科技昨日公布中期业绩，收入按年下跌31%。"]],
        ["嘉砾科技"],
    ),
    (
        "an adverb before 是 is no part of the company's name ('X曾是…之一')",
        [["岚石能源曾是国内主要的组件供应商之一。", "公司回应称，将按期回复问询。"]],
        [None, "岚石能源"],
    ),
    (
        "a speech verb that ends a time clause is no statement ('他在公告发布后尚未露面')",
        [["据了解，岚石能源董事长郁青持有公司约31%的股份，他在此次公告发布后尚未公开露面。"]],
        [None],
    ),
    (
        "a profit warning and the group's notice speak for the company; a chief scientific officer; a monitoring firm",
        [
            [
                "生產電池電堆的澤豐氫能昨晚發出盈警，預計中期虧損不少於人民幣2.4億元。",
                "集團在通告中表示，虧損擴大主要由於約人民幣5,000萬元的存貨減值撥備。",
                "通告又指，期內收入按年增長1.2倍至約人民幣9.6億元。",
            ],
        ],
        ["澤豐氫能", "澤豐氫能", "澤豐氫能"],
    ),
    (
        "a chief scientific officer, a monitoring firm named after its description, the company's own data",
        [
            [
                "禾沐药业今年把研发预算的一成用于自建算力中心。",
                "“我们希望把时间压到半年以内，”禾沐药业首席科学官陈晓帆说。",
                "但据电商数据监测机构观澜数据统计，三季度退货率接近两成。",
                "公司提供的数据显示，截至9月末，存货约为1.8亿元。",
            ],
        ],
        [None, "Chen Xiaofan", "观澜数据", "禾沐药业"],
    ),
    (
        "a court's ruling, findings and orders; an accounting firm; an unnamed accountant; a correction notice",
        [
            [
                "青屿市中级人民法院10月9日对澄观科技虚假陈述案作出一审判决，判令澄观科技赔偿投资者损失共计6.4亿元。",
                "法院认定，澄观科技虚增收入共计12.5亿元，约占同期披露收入的两成。",
                "判决同时认定，审计机构须在赔偿总额15%的范围内承担连带责任。",
                "澄观科技董事会秘书赵宁表示，赔偿将计入四季度损益，全年预计亏损约3亿元。",
                "公司今年3月发布的会计差错更正公告仅确认虚增收入9.1亿元。",
                "明川会计师事务所则回应称，将依法上诉，其审计收费每年约200万元。",
                "一位接近该所的注册会计师私下透露，连带金额约相当于40年的审计费。",
            ]
        ],
        [
            "青屿市中级人民法院",
            "青屿市中级人民法院",
            "青屿市中级人民法院",
            "Zhao Ning",
            "澄观科技",
            "明川会计师事务所",
            "unnamed: 一位接近该所的注册会计师",
        ],
    ),
    (
        "what a company announces at its own investor conference is the company's",
        [["岳丰證券昨（5）日召開法說會，公布前三季稅後純益新台幣21.4億元，年增35%。"]],
        ["岳丰證券"],
    ),
    (
        "a founder-CEO with a rarer surname, and customers described as companies are no company",
        [
            [
                "擎跃机器人创始人兼首席执行官封启航（Feng Qihang）在当天的发布会上表示，新资金将用于量产。",
                "他透露，公司已签订单金额约9亿元，客户主要是汽车工厂和物流仓储企业。",
            ]
        ],
        ["Feng Qihang", "Feng Qihang"],
    ),
    (
        "a broker that raises a target price after 将, and a company's prospectus",
        [
            [
                "岚瞳科技首席财务官周立表示，募资将用于研发。",
                "招股书显示，岚瞳科技此次募资总额约18.6亿港元。",
                "外资艾德蒙证券（Edmunton Securities）则在最新报告中，将岚瞳目标价由20元调升至25元。",
            ]
        ],
        ["Zhou Li", "岚瞳科技", "Edmunton Securities"],
    ),
    (
        "a named lawyer after the client's name, and an analyst's rating",
        [
            [
                "玄衡的代理律师、北京朔方律师事务所律师万思远认为，合同条款“写得很清楚”。",
                "中屹证券汽车行业分析师蒋奕辰维持“买入”评级，目标价68元。",
            ]
        ],
        ["Wan Siyuan", "Jiang Yichen"],
    ),
    (
        "the company's own quarterly report shows a figure",
        [
            [
                "学屿智能是一家AI学习应用公司。",
                "学屿智能11月16日披露的三季度报告显示，公司合同负债达到36亿元。",
            ]
        ],
        [None, "学屿智能"],
    ),
    (
        "role-first mention, then 她",
        [
            [
                "成立于2021年的禾跃半导体是其中之一。该公司首席财务官周敏在接受本报记者采访时透露，订单已超过人民币60亿元。",
                "她表示，新增询单数量大约是此前的3倍。",
            ]
        ],
        ["Zhou Min", "Zhou Min"],
    ),
    (
        "quote, then the name and 说 in one sentence",
        [["「客戶給我們的預測，已經一路看到明年第三季。」泓鼎總經理陳冠宇說。"]],
        ["Chen Guanyu"],
    ),
    (
        "a name with its English in brackets is one person",
        [["英伟达首席执行官黄仁勋（Jensen Huang）1月在台北对媒体表示，每一轮新限制都在推动本土替代。"]],
        ["Jensen Huang"],
    ),
    (
        "according to a research firm",
        [["根據集邦科技（TrendForce）的估算，今年全球AI伺服器出貨量將年增約28%。"]],
        ["TrendForce"],
    ),
    (
        "according to a media outlet",
        [["据行业媒体《芯视界》报道，禾跃去年完成约人民币35亿元的C轮融资。"]],
        ["芯视界"],
    ),
    (
        "她 two paragraphs after the person, past a man",
        [
            ["該公司財務長吳佩珊指出，毛利率只維持在7%上下。", "「我們不會把價格壓到沒有利潤，」吳佩珊說。"],
            ["總經理陳冠宇表示，訂單看不到放緩。", "他說，多數合約已鎖定。"],
            ["她也坦言，匯率是獲利的最大變數。"],
        ],
        ["Wu Peishan", "Wu Peishan", "Chen Guanyu", "Chen Guanyu", "Wu Peishan"],
    ),
    (
        "an unnamed person is not a named one",
        [["一位投信基金经理人认为，代工毛利偏薄。"]],
        ["unnamed: 一位投信基金经理人"],
    ),
    (
        "people close to a company are not the company",
        [["据接近禾跃的人士透露，公司计划明年上市。"]],
        ["unnamed: 接近禾跃的人士"],
    ),
    (
        "a refusal is not a statement",
        [["禾跃首席财务官周敏表示，订单充足。", "周敏对此没有直接回应。"]],
        ["Zhou Min", None],
    ),
    (
        "the verb is not part of the name",
        [
            [
                "深圳前海智算中心负责人刘畅告诉本报，国产芯片占比约七成。",
                "“同样的预算能多买80%的算力。”刘畅说。",
            ]
        ],
        ["Liu Chang", "Liu Chang"],
    ),
    (
        "a modifier with 的 and a date between the company and 披露",
        [["在香港上市的江苏城商行苏澜银行7月14日披露，该行的贷款余额为人民币386亿元。"]],
        ["苏澜银行"],
    ),
    (
        "'该公司' is the company just described, not the one the article names most",
        [
            ["陇原智算是省内规模最大的民营运营商。该公司董事长郭海峰坦言，行业确实存在先建后找客户的现象。"],
            ["华泰证券分析师彭晓东估计，投资规模三年内翻一倍。", "华泰证券认为需求只有一半。"],
        ],
        ["Guo Haifeng", "Peng Xiaodong", "华泰证券"],
    ),
    ("a refusal to disclose is not a statement", [["苏澜银行未披露最大单一借款人的名称。"]], [None]),
    (
        "a Latin name after a title, its Chinese form in brackets; a bare quote after their reported speech",
        [
            [
                "外资投行野村（Nomura）的分析师Dylan Park（朴道允）认为，通用内存可能重新出现过剩。",
                "伦敦对冲基金Harwell Capital的投资总监Oliver Pemberton对本刊表示，他们认购了部分股份。",
                "“我们买的是一张门票。”",
            ]
        ],
        ["Dylan Park", "Oliver Pemberton", "Oliver Pemberton"],
    ),
    (
        "a Japanese executive's name after his title, then 他; a firm's statistics cited with its Latin name",
        [
            [
                "北辰物产常务执行董事山本浩二（Koji Yamamoto）指出，这是该公司首度进军台湾。",
                "他坦言，目标是把内部报酬率维持在8%至10%。",
                "根据高力国际（Colliers）的统计，今年新增容量约为过去三年平均的1.5倍。",
            ]
        ],
        ["Koji Yamamoto", "Koji Yamamoto", "Colliers"],
    ),
    (
        "a bare corporate title, then the company disclosing in its annual report",
        [
            [
                "先进封装设备厂聿达精密昨（7）日举行法说会。",
                "财务长洪佳琪（Kiki Hung）指出，毛利率升至47.3%。",
                "聿达在年报中揭露，台积电占其营收比重约55%。",
            ]
        ],
        [None, "Kiki Hung", "聿达精密"],
    ),
    (
        "a second clause opened by 并 keeps the analyst who opened the sentence",
        [["分析师周文涛认为估值偏高。", "周文涛将目标价从88元下调至70元，并预估明年市盈率约为25倍。"]],
        ["Zhou Wentao", "Zhou Wentao"],
    ),
    (
        "an unnamed supplier and an unnamed executive of a peer",
        [["一位材料供应商透露，订单比去年多了两成。", "另一位同业高层私下透露，良率仍不理想。"]],
        ["unnamed: 一位材料供应商", "unnamed: 另一位同业高层"],
    ),
    (
        "a company's investor-conference slides speak for the company",
        [["服务器电源厂宏昇电子昨（12）日举行法说会。", "据法说会简报，宏昇今年出货量约为去年的3倍。"]],
        [None, "宏昇电子"],
    ),
    (
        "a parent company's operating data, named after a long description",
        [["社交应用“星语”的母公司澄光科技10月9日发布的三季度经营数据显示，星语营收同比增长80%。"]],
        ["澄光科技"],
    ),
    (
        "a listed company's evening announcement",
        [["科创板存储芯片设计公司华岚微电子9月3日晚间公告，拟计提资产减值准备2.4亿元。"]],
        ["华岚微电子"],
    ),
    (
        "a prospectus that also shows a second figure",
        [["澄海半导体的招股书显示，预付款项余额达32亿元。", "招股书同时显示，这笔预付款约占总资产的38%。"]],
        ["澄海半导体", "澄海半导体"],
    ),
    (
        "a city government announcing on a date",
        [["临川市政府10月8日宣布，将产业基金规模扩大至300亿元。"]],
        ["临川市政府"],
    ),
    (
        "a Taiwanese executive whose surname is 赖",
        [["「客户要的是更大的电源。」崇远执行长赖柏谚说。", "赖柏谚也坦言，最大的挑战在人才。"]],
        ["Lai Boyan", "Lai Boyan"],
    ),
    (
        "the company's own plan, cited as 根据公司披露的预案",
        [
            [
                "锐阶半导体董事长孙启航表示，募资是为了抢时间。",
                "根据公司披露的预案，锐阶半导体计划将其中人民币41亿元投入研发。",
            ]
        ],
        ["Sun Qihang", "锐阶半导体"],
    ),
    (
        "a managing director named in Chinese with an accented Latin name in brackets",
        [
            [
                "标普全球评级（S&P Global Ratings）董事总经理卡琳娜·穆勒（Karina Müller）认为，风险集中在建成之前。"
            ]
        ],
        ["Karina Müller"],
    ),
    (
        "a body whose short name a bracket defines speaks by its full name, and its plan speaks for it",
        [
            [
                "澜原省发展和改革委员会（下称“澜原省发改委”）日前公布方案，设立规模200亿元的引导基金。",
                "方案显示，基金将优先托管省内闲置的GPU集群。",
            ],
            ["基金的管理人为省属国企澜原产业投资集团旗下的澜投资本。"],
            ["澜原省发改委副主任郑启航（Zheng Qihang）表示，基金不会高价接盘。"],
        ],
        ["澜原省发展和改革委员会", "澜原省发展和改革委员会", None, "Zheng Qihang"],
    ),
    (
        "a company publishing its results speaks, and two titles of one officer are not two subjects",
        [
            ["AI眼镜厂商视岚科技昨日晚间发布第三季度财报，公司当季营收18.6亿元，同比增长132%。"],
            [
                "视岚科技创始人、首席执行官贺铭川（He Mingchuan）在随后的业绩电话会上表示，毛利率下滑是因为降价。"
            ],
            ["亚马逊、谷歌和Meta宣布，明年将增加投资。"],
        ],
        ["视岚科技", "He Mingchuan", None],
    ),
    (
        "'this CFO' and 'this analyst' are the people named with those titles before",
        [
            [
                "在随后的电话会上，峦海集团首席财务官蒋若岚（Jiang Ruolan）表示，资本开支不会低于1800亿元。",
                "这位首席财务官还透露，已签约但尚未确认的云合同金额约为960亿元。",
            ],
            ["栎川咨询分析师邝咏诗认为，估值偏高。", "这位分析师亦提醒，风险仍在。"],
        ],
        ["Jiang Ruolan", "Jiang Ruolan", "Kuang Yongshi", "Kuang Yongshi"],
    ),
    (
        "'this chief analyst' after an unnamed source is the chief analyst named before it",
        [
            ["启衡证券电子行业首席分析师韦子谦（Wei Ziqian）维持买入评级，他预计钧拓明年净利润可达36亿元。"],
            ["一位接近该公司的供应链人士透露，订单已排满。"],
            ["这位首席分析师认为，安布瑞云明年的资本开支约为420亿美元。", "他同时将钧拓的目标价上调至72元。"],
        ],
        ["Wei Ziqian", "unnamed: 一位接近该公司的供应链人士", "Wei Ziqian", "Wei Ziqian"],
    ),
    (
        "a city's bureau that reports on a date speaks, and is 'the city bureau' in the next paragraph",
        [
            ["崇澜市数据资源局12月1日通报，该市已累计发放算力券9.6亿元。"],
            ["据通报，市数据资源局联合公安部门核查发现，涉案金额约1.26亿元。"],
        ],
        ["崇澜市数据资源局", "崇澜市数据资源局"],
    ),
    (
        # the reporter's account of a company's monthly revenue or its investor conference, as news labels it
        "a company announcing its monthly revenue on a date is the reporter's narration",
        [
            ["伺服器代工厂瀚骏科技昨（10）日公布11月合并营收新台币1,862亿元，月增12%，年增74%。"],
            ["伺服器代工厂泓鼎科技昨（28）日举行法说会，上修全年营收展望。"],
        ],
        [None, None],
    ),
    (
        "a description before a rating agency, 据…监测, published data, a Hong Kong surname (区), 该机构",
        [
            ["栖知科技周三公布的未经审计数据显示，旗下应用前三季度订阅收入为9.6亿元，同比增长135%。"],
            ["据移动应用数据机构数镜研究监测，年卡用户到期后一个月内的续费比例约为44%。"],
            [
                "德弘證券分析員區詠芝認為，建滙的晶片設備租賃業務受惠內地晶片自主化。",
                "她估計，若GPU伺服器二手價格下跌三成，建滙需要額外計提的減值撥備或達人民幣4.5億元。",
            ],
            [
                "評級機構嘉穗評級在報告中表示，建滙的負債與股東權益比率已升至6.2倍。",
                "該機構同時指出，集團約四成租賃資產的承租人信貸評級低於投資級別。",
            ],
        ],
        ["栖知科技", "数镜研究", "Ou Yongzhi", "Ou Yongzhi", "嘉穗評級", "嘉穗評級"],
    ),
    (
        "a company's short name made of its full name's characters, and the filing the company published before",
        [
            ["南屿出版传媒集团周二晚间发布公告称，已签署为期三年的图书语料授权协议，合同总金额6.8亿元。"],
            ["南屿传媒方面回应称，价格是合理的。"],
            ["根据公司此前发布的公告，南屿传媒今年6月还获得2000万元预付款。"],
        ],
        ["南屿出版传媒集团", "南屿出版传媒集团", "南屿出版传媒集团"],
    ),
    (
        "an audit bureau's report, 'the audit report also says', and a group's side (方面) responding",
        [
            [
                "临澜市审计局日前公布的专项审计报告显示，基金已投出的142亿元中，账面浮亏约为18%。",
                "审计报告还指出，实际完成的返投金额仅约为要求的35%。",
            ],
            ["对于审计报告提出的整改要求，临澜科创投资集团方面回应称，已暂停新增项目投资。"],
        ],
        ["临澜市审计局", "临澜市审计局", "临澜科创投资集团"],
    ),
    (
        "a chief strategy officer named after the company and the title",
        [["衡川集团首席战略官谭以宁在接受本报采访时表示，这笔交易“买的是时间”。"]],
        ["Tan Yining"],
    ),
]


@pytest.mark.parametrize(("construction", "paragraphs", "expected"), ENGLISH, ids=[c for c, _, _ in ENGLISH])
def test_english_constructions(
    construction: str, paragraphs: list[list[str]], expected: list[str | None]
) -> None:
    assert speakers_of(paragraphs, "en") == expected, construction


@pytest.mark.parametrize(("construction", "paragraphs", "expected"), CHINESE, ids=[c for c, _, _ in CHINESE])
def test_chinese_constructions(
    construction: str, paragraphs: list[list[str]], expected: list[str | None]
) -> None:
    assert speakers_of(paragraphs, "zh-Hans") == expected, construction


def test_who_chairs_the_board_works_for_the_organization_named_a_board() -> None:
    text = [
        ["The Harlan Basin Utilities Board on Tuesday ordered Prairie Crest Energy to show its contracts."],
        ['"Ratepayers are not a venture fund," said Rosalind Achterberg, who chairs the board.'],
    ]
    result = attribute_source(text, "en", SpeakerIndex([]))
    chair = result.speakers[1][0]
    assert chair is not None and chair.role == "chair, Harlan Basin Utilities Board"


def test_a_chief_officer_or_an_auditor_the_gazetteer_lacks_keeps_the_written_title() -> None:
    text = [
        [
            "Brisk Mutual, a Nordic credit insurer, has cut its limits on server buyers to €1.5 billion, chief"
            " underwriting officer Elin Marsh said on Tuesday."
        ],
        ["Dalby County auditor Oren Vale put the savings closer to $30 million a year."],
    ]
    result = attribute_source(text, "en", SpeakerIndex([]))
    marsh, vale = result.speakers[0][0], result.speakers[1][0]
    assert marsh is not None and marsh.role == "chief underwriting officer, Brisk Mutual"
    assert ("chief underwriting officer", "Brisk Mutual") in marsh.positions
    assert vale is not None and vale.role == "auditor, Dalby County"
    one_of = [
        [
            "Tarrow Compute said its sales fell.",
            "Osterby Kredit, one of Europe's largest trade-credit insurers, has cut its limits to €2 billion, chief"
            " underwriting officer Ina Holm said.",
        ]
    ]
    holm = attribute_source(one_of, "en", SpeakerIndex([])).speakers[0][1]
    assert holm is not None and holm.role == "chief underwriting officer, Osterby Kredit"


def test_a_bare_title_works_for_the_company_the_article_calls_the_group_not_a_customer_named_more() -> None:
    known = Speaker(name="Corvane Power", kind="organization", role="fuel-cell buyer", aliases=("Corvane",))
    paragraphs = [
        [
            "生产电堆的恒锐氢能昨晚发出盈警，预计中期亏损扩大。",
            "集团在通告中表示，来自美国客户Corvane的收入占逾六成。",
        ],
        ["集团行政总裁岑立说，Corvane已经落单。", "一名接近集团的人士透露，Corvane已就部分订单付款。"],
        ["集团预计，Corvane明年订单将增加。", "集团股价昨日收市急挫17.4%。"],
        [
            "行业人士指出，今年以来数据中心对燃料电池的需求明显上升，不少电堆厂商都在扩产，但原材料价格波动较大，"
            "扩产节奏和良率爬坡仍是市场关注的焦点，部分投资者也担心产能过剩的风险会在明后年集中显现出来。"
        ],
        ["首席财务官余珊补充，新厂的良率已提升至约80%。"],
    ]
    result = attribute_source(paragraphs, "zh-Hans", SpeakerIndex([known]))
    cfo = result.speakers[4][0]
    assert cfo is not None and cfo.role == "CFO, 恒锐氢能"


def test_the_company_just_described_employs_the_person_it_introduces() -> None:
    paragraphs = [
        ["陇原智算是省内规模最大的民营运营商。该公司董事长郭海峰坦言，行业确实存在先建后找客户的现象。"],
        ["华泰证券分析师彭晓东估计，投资规模三年内翻一倍。", "华泰证券认为需求只有一半。"],
    ]
    result = attribute_source(paragraphs, "zh-Hans", SpeakerIndex([]))
    guo = result.speakers[0][0]
    assert guo is not None and "陇原智算" in guo.role and "华泰" not in guo.role


def test_the_boards_chair_works_for_the_articles_fund_and_its_partner_for_the_lender_just_named() -> None:
    paragraphs = [
        ["The Lakeland Municipal Retirement System, which manages $40 billion, approved the plan."],
        ["The lead lender, Osterby Credit Partners of Bergen, put up $500 million."],
        ["Its managing partner, Ruth Amsel, said the risk was priced in."],
        ["The board's chair, Carl Brede, said trustees had capped the exposure at 10%."],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    amsel, brede = result.speakers[2][0], result.speakers[3][0]
    assert amsel is not None and "Osterby Credit Partners" in amsel.role
    assert brede is not None and "Lakeland Municipal Retirement System" in brede.role


def test_a_companys_own_filing_speaks_for_it_and_a_generic_word_is_no_short_name() -> None:
    paragraphs = [
        ["北京大模型公司云枢智能周三在香港上市。", "云枢智能首席执行官陈立表示，需求强劲。"],
        ["招股书显示，云枢智能2025年净亏损人民币21亿元。", "据《智能资本》统计，今年已有11家企业赴港上市。"],
    ]
    result = attribute_source(paragraphs, "zh-Hans", SpeakerIndex([]))
    filing = result.speakers[1][0]
    assert filing is not None and filing.name == "云枢智能"


def test_an_accented_name_with_particles_keeps_its_spelling() -> None:
    paragraphs = [
        ['"We raised at a price the market will pay," Tomás de la Cruz, the chief executive, wrote.'],
        ["De la Cruz wrote that the company would stop training its own models."],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    names = [s.name if s else None for row in result.speakers for s in row]
    assert names == ["Tomás de la Cruz", "Tomás de la Cruz"]


def test_a_bare_corporate_title_works_for_the_articles_company() -> None:
    paragraphs = [
        ["“订单排到2028年。”聿达执行长许书铭说。", "财务长洪佳琪（Kiki Hung）指出，毛利率升至47.3%。"]
    ]
    result = attribute_source(paragraphs, "zh-Hans", SpeakerIndex([]))
    hung = result.speakers[0][1]
    assert hung is not None and "聿达" in hung.role


def test_the_funds_officer_works_for_the_pension_the_article_is_about() -> None:
    paragraphs = [
        ["The Prairie States Teachers' Retirement System approved $1.5 billion of commitments."],
        ["The fund's chief investment officer, Dolores Fenwick, said the money would be spread out."],
        ["Among them is $300 million for a European credit fund run by Halvard Credit Partners."],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    fenwick = result.speakers[1][0]
    assert fenwick is not None and "Prairie States Teachers' Retirement System" in fenwick.role


def test_a_head_of_something_is_a_role() -> None:
    paragraphs = [["Quillstone Brokerage's head of product, Erin Castaneda, said the firm added warnings."]]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    castaneda = result.speakers[0][0]
    assert castaneda is not None and castaneda.role.startswith("head of product")


def test_an_organization_closing_a_sentence_with_the_company_said_is_not_described_as_a_company() -> None:
    paragraphs = [
        [
            "Bellhaven Software will stop reporting the metric after letters with the Securities and Exchange "
            "Commission, the company said in a filing.",
            "The company's chief executive, Margaret Oyelaran, pushed back on a call with analysts.",
        ]
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    oyelaran = result.speakers[0][1]
    assert oyelaran is not None and oyelaran.role == "CEO, Bellhaven Software"


def test_the_companys_officer_works_for_the_company_the_article_is_about() -> None:
    paragraphs = [
        ["Veridian Labs raised money at a lower valuation, according to PitchBook, a data company."],
        ["Veridian cut 200 jobs.", "Veridian's investors accepted the terms."],
        ["The company's chief financial officer, Helga Muller, said the cash would last into 2029."],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    muller = result.speakers[2][0]
    assert muller is not None and muller.role == "CFO, Veridian Labs"


def test_an_officer_named_without_a_company_works_for_the_article_s() -> None:
    paragraphs = [
        ["Corvella Design Automation said bookings rose 47% to $1.36 billion."],
        ['"Every company needs our tools," chief executive Marguerite Olsen said on a call with analysts.'],
        ["Corvella shares fell 4% after the results."],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    olsen = next(s for s in result.quoted if s.name == "Marguerite Olsen")
    assert olsen.role == "CEO, Corvella Design Automation"


def test_an_analyst_described_by_what_he_covers_is_an_analyst_at_his_firm() -> None:
    paragraphs = [
        [
            '"They have hedged the power for buildings that are not finished," said Bernard Oyelaran, who covers '
            "data-centre operators at Fenwick Hale Capital."
        ]
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    assert [(s.name, s.role) for s in result.quoted] == [
        ("Bernard Oyelaran", "analyst, Fenwick Hale Capital")
    ]


def test_the_verb_in_a_whose_clause_is_no_statement_and_names_the_speakers_firm() -> None:
    paragraphs = [
        ["A trader who worked on the deal said about 40% of the notes went to pension funds."],
        [
            "Petra Vandeleur, whose activist fund Quillmoor Capital disclosed a stake in Harlan Grid in March,"
            " said the sale was a warning sign.",
            "She estimates that Harlan Grid will burn $6 billion over the next three years.",
        ],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    names = [s.name if s else None for row in result.speakers for s in row]
    assert names[1:] == ["Petra Vandeleur", "Petra Vandeleur"]
    vandeleur = next(s for s in result.quoted if s.name == "Petra Vandeleur")
    assert "Quillmoor Capital" in vandeleur.role


def test_a_manager_of_money_is_a_fund_manager_and_a_countys_assessor_works_for_the_county() -> None:
    paragraphs = [
        ["Pasture in Velmont County sold for $12,000 an acre, according to the county assessor's office."],
        ['"Prices are wild," said Rhoda Kessling, the county\'s elected assessor.'],
        [
            '"Spreads are thin," said Delia Moran, who manages $9 billion of corporate bonds at Fernhill Partners.'
        ],
        [
            "The Quillmoor Credit Fund lent $2 billion.",
            '"Marks are falling," said Otto Brand, who manages the fund.',
        ],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    positions = {s.name: s.positions for s in result.quoted}
    assert positions["Rhoda Kessling"] == (("assessor", "Velmont County"),)
    assert positions["Delia Moran"] == (("fund manager", "Fernhill Partners"),)
    assert all(
        title != "fund manager" for title, _ in positions["Otto Brand"]
    )  # who manages the fund runs it


def test_the_report_cited_after_an_analyst_is_the_company_s() -> None:
    paragraphs = [
        ["Marrowfield Digital hedged 1.2 gigawatts of power, the company said in its quarterly report."],
        [
            '"The hedge does what it is meant to do," chief financial officer Renata Vasquez-Hale told analysts.'
        ],
        [
            "Marrowfield's contracted capacity stood at 1.5 gigawatts at the end of September, according to the report."
        ],
    ]
    assert speakers_of(paragraphs, "en")[-1] == "Marrowfield Digital"


def test_an_officer_who_never_speaks_is_mentioned_by_name_without_the_title() -> None:
    english = attribute_source(
        [
            ["Tessaly Legal signed contracts worth $640 million, the company said."],
            ["Co-founder Idris Kemble, the company's chief technology officer, did not attend the briefing."],
        ],
        "en",
        SpeakerIndex([]),
    )
    chinese = attribute_source(
        [
            ["帧跃科技周四公布收入27亿元。"],
            ["联合创始人兼首席技术官顾以宁负责模型研发，但很少在公开场合露面。"],
        ],
        "zh-Hans",
        SpeakerIndex([]),
    )
    assert [s.name for s in english.mentioned if s.kind == "person"] == ["Idris Kemble"]
    assert [s.name for s in chinese.mentioned if s.kind == "person"] == ["Gu Yining"]


def test_a_district_speaks_as_the_district() -> None:
    paragraphs = [
        [
            "The Cobrey Valley Water District has agreed to supply cooling water under a contract worth about "
            "$380 million, the district said on Monday."
        ]
    ]
    assert speakers_of(paragraphs, "en") == ["Cobrey Valley Water District"]


def test_the_company_s_side_is_the_company_and_keeps_its_short_name() -> None:
    paragraphs = [["芯澜微电子公告显示，存货账面余额为31亿元。"], ["芯澜方面回应称，相关订单已恢复。"]]
    result = attribute_source(paragraphs, "zh-Hans", SpeakerIndex([]))
    assert [s.name if s else None for row in result.speakers for s in row] == ["芯澜微电子", "芯澜微电子"]
    assert "Xinlan" in result.quoted[0].aliases


def test_an_officer_named_after_another_company_works_for_the_articles_company() -> None:
    paragraphs = [
        ["Pelham Media Group has agreed to sell its photo archive to a chatbot maker, the company said."],
        ["The deals with Corran Labs will lift Pelham's licensing revenue to 9% of sales."],
        ["Operating profit should double, finance chief Ada Mercer told investors on a call."],
        ["Pelham's shares rose 4%.", "Chairman Otto Kray has not commented."],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    mercer = result.speakers[2][0]
    assert mercer is not None and mercer.role == "CFO, Pelham Media Group"


def test_a_title_with_its_complement_before_the_name_is_a_role_at_the_articles_company() -> None:
    paragraphs = [
        ["Brantwood Power asked regulators to raise rates by 6%, Brantwood Power said."],
        ["Big users would pay 30% of it, vice president for regulatory affairs Lena Ostrow told the board."],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    ostrow = result.speakers[1][0]
    assert ostrow is not None and ostrow.name == "Lena Ostrow"
    assert "Brantwood Power" in ostrow.role and ostrow.role.startswith(
        "vice president for regulatory affairs"
    )
    assert ("vice president", "Brantwood Power") in ostrow.positions


def test_a_brand_described_before_its_name_is_the_company_its_officers_work_for() -> None:
    paragraphs = [
        ["手机品牌岚澈通讯15日举行法说会，公布第三季营收新台币210亿元。"],
        ["根据研调机构测川研究的统计，今年AI手机约占整体出货的2成。"],
        ["岚澈通讯的股价随后上涨4%。", "董事长柯明远在法说会上表示，明年AI手机将占出货5成。"],
    ]
    result = attribute_source(paragraphs, "zh-Hans", SpeakerIndex([]))
    chair = result.speakers[2][1]
    assert chair is not None and "岚澈通讯" in chair.role


def test_the_company_the_lede_names_first_employs_an_officer_named_without_one() -> None:
    paragraphs = [
        ["Tarnwick Energy Systems has agreed to sell power to Vellora Cloud for 15 years, the company said."],
        ["Vellora Cloud will pay a fixed price.", "Vellora Cloud needs the power by 2030."],
        ["The plant will cost $3 billion, chief financial officer Ines Brogan told analysts."],
        ["Vellora Cloud declined to comment."],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    brogan = result.speakers[2][0]
    assert brogan is not None and brogan.role == "CFO, Tarnwick Energy Systems"


def test_he_opening_a_sentence_is_a_pronoun_even_when_someone_is_surnamed_he() -> None:
    paragraphs = [
        ["该公司首席财务官何蔓（Mandy He）指出，毛利率已由20%升至28%。"],
    ]
    mandy = attribute_source(paragraphs, "zh-Hans", SpeakerIndex([])).quoted[0]
    assert "He" not in mandy.aliases
    english = [
        [
            '"We will spend," said Owen Patel, the chief financial officer.',
            "He added that a five-year schedule would lower operating income by about $1.7 billion.",
        ]
    ]
    assert speakers_of(english, "en") == ["Owen Patel", "Owen Patel"]
    second = attribute_source(english, "en", SpeakerIndex([mandy])).speakers[0][1]
    assert second is not None and second.name == "Owen Patel"


def test_a_plans_officer_works_for_the_plan_and_customers_are_not_a_company() -> None:
    paragraphs = [
        ["Kettlerock Public Employees' Pension Plan will raise its target, the fund said."],
        ['"We are not buying a story," said Genevieve Arsenault, the plan\'s chief investment officer.'],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    arsenault = result.speakers[1][0]
    assert arsenault is not None
    assert ("cio", "Kettlerock Public Employees' Pension Plan") in arsenault.positions
    chinese = attribute_source([["客户主要是汽车工厂和物流仓储企业。"]], "zh-Hans", SpeakerIndex([]))
    assert not chinese.mentioned and not chinese.quoted


def test_a_state_treasurer_holds_an_office_not_a_job_at_a_company_called_state() -> None:
    paragraphs = [["State Treasurer Marcus Oyelaran, who sits on the board, missed the vote."]]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    assert [s.name for s in result.mentioned] == ["Marcus Oyelaran"]


def test_the_average_analyst_forecast_is_a_noun_not_an_unnamed_analyst_speaking() -> None:
    paragraphs = [
        ["Shares fell 3.8% after the results, though the quarterly profit beat the average analyst forecast."]
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    assert result.speakers == [[None]] and not result.mentioned


def test_a_start_up_described_before_its_bracketed_english_name_is_named_without_the_description() -> None:
    paragraphs = [
        ["本地AI晶片初創灝芯科技（Haosin Technology）昨日宣布完成1.5億美元B輪融資。"],
        ["嘉濤證券分析師鄺詠詩（Kwong Wing-sze）表示，灝芯今年收入約為人民幣2.1億元。"],
    ]
    result = attribute_source(paragraphs, "zh-Hant", SpeakerIndex([]))
    company = result.speakers[0][0]
    assert company is not None and company.name == "Haosin Technology"
    assert company.name_zh == "灝芯科技" and "灝芯" in company.aliases


def test_the_organization_that_leads_a_round_is_found_as_the_companys_lead_investor() -> None:
    paragraphs = [
        ["本地AI晶片初創灝芯科技（Haosin Technology）昨日宣布完成1.5億美元B輪融資。"],
        ["本輪由環弘資本領投，港創策略投資基金跟投。"],
        ["「我們看中的是能效。」領投方環弘資本合夥人麥志朗（Mak Chi-long）表示。"],
    ]
    result = attribute_source(paragraphs, "zh-Hant", SpeakerIndex([]))
    index = SpeakerIndex([*result.quoted, *result.mentioned])
    found = index.find_by_role("how much did the lead investor in haosin's series b put in?")
    assert [s.name_zh for s in found] == ["環弘資本"]
    partner = index.by_name("Mak Chi-long")
    assert partner is not None and partner.role == "partner, 環弘資本"


def test_an_analyst_s_firm_ends_where_the_sector_he_covers_begins_however_long_its_name() -> None:
    paragraphs = [
        ["华曦证券计算机行业分析师冯子墨认为，引导基金的作用是找接盘方。"],
        ["明衡证券消费电子分析师邵嘉宁问及，降价之后单台硬件是否已经亏损。"],
    ]
    result = attribute_source(paragraphs, "zh-Hans", SpeakerIndex([]))
    roles = [s.role for row in result.speakers for s in row if s is not None]
    assert roles == ["analyst, 华曦证券", "analyst, 明衡证券"]
    assert {s.name for s in result.mentioned if s.kind == "organization"} <= {"华曦证券", "明衡证券"}


def test_a_provincial_commission_is_named_in_english_by_what_it_is() -> None:
    paragraphs = [["澜原省发展和改革委员会（下称“澜原省发改委”）日前公布方案，设立规模200亿元的引导基金。"]]
    result = attribute_source(paragraphs, "zh-Hans", SpeakerIndex([]))
    body = result.speakers[0][0]
    assert body is not None and "Lanyuan Provincial Development and Reform Commission" in body.aliases
    assert "澜原省发改委" in body.aliases


def test_a_department_s_title_is_held_at_the_article_s_company_and_its_briefing_papers_speak_for_it() -> None:
    paragraphs = [
        ["AI聊天助手“栖言”的运营方栖言科技日前向投资人披露，10月份该应用月活跃用户达到1.1亿。"],
        ["栖言科技首席财务官顾晓岚（Gu Xiaolan）在投资人沟通会上表示，前三季度公司订阅收入9.6亿元。"],
        ["沟通会材料显示，栖言前三季度营销费用达到27亿元。", "不过，第三方数据给出了不同的画面。"],
        ["对于营销开支，产品副总裁唐潇解释称，公司正处在窗口期。"],
    ]
    result = attribute_source(paragraphs, "zh-Hans", SpeakerIndex([]))
    assert [s.name if s else None for row in result.speakers for s in row] == [
        "栖言科技",
        "Gu Xiaolan",
        "栖言科技",
        None,
        "Tang Xiao",
    ]
    tang = result.speakers[3][0]
    assert tang is not None and tang.role == "vice president for product, 栖言科技"
    assert {s.name for s in [*result.quoted, *result.mentioned] if s.kind == "organization"} == {"栖言科技"}


def test_hong_kong_usage_an_operator_described_before_its_name_an_analyst_and_a_name_that_is_no_speech() -> (
    None
):
    paragraphs = [
        ["本港上市數據中心營運商港門數據（Harbourgate Data）昨日宣布供股，每股供股價3.1港元。"],
        [
            "財務總監陳嘉慧（Chan Ka-wai）補充，集團香港數據中心的整體出租率為86%。",
            "她未有透露預租客戶的名稱及租金水平。",
        ],
        ["鼎峰證券分析員麥詠琪認為，港門數據的淨負債對EBITDA比率在供股後仍會高達5.9倍。"],
    ]
    result = attribute_source(paragraphs, "zh-Hant", SpeakerIndex([]))
    assert [s.name if s else None for row in result.speakers for s in row] == [
        "Harbourgate Data",
        "Chan Ka-wai",
        None,
        "Mai Yongqi",
    ]
    company = result.speakers[0][0]
    assert (
        company is not None
        and "港門數據" in company.aliases
        and not any("運商" in a for a in company.aliases)
    )


def test_a_company_holding_its_investor_conference_on_a_date_is_the_company_its_officers_work_for() -> None:
    paragraphs = [
        ["先進封裝廠曜承先進封裝（Yaocheng）19日舉行法說會，第三季合併營收新台幣438億元，年增52%。"],
        ["執行長鄭聖文（Cheng Sheng-wen）在法說會上表示，客戶對AI加速器的需求一直沒有降溫。"],
        ["曜承的主要設備供應商之一弘鈦精機董事長許文淵（Hsu Wen-yuan）表示，訂單已排到明年。"],
    ]
    result = attribute_source(paragraphs, "zh-Hant", SpeakerIndex([]))
    company = next(s for s in [*result.quoted, *result.mentioned] if s.kind == "organization")
    assert company.name == "Yaocheng" and "曜承" in company.aliases
    ceo, chair = result.speakers[1][0], result.speakers[2][0]
    assert ceo is not None and ceo.role == "CEO, Yaocheng"
    assert chair is not None and chair.role == "chair, 弘鈦精機"


def test_a_chief_investment_officer_named_without_an_employer_works_for_the_article_s_fund() -> None:
    paragraphs = [
        ["Vossmeer, the Dutch pension fund, said it would sell AI stocks."],
        ['"We are not calling the top," chief investment officer Annelies Korteweg said.'],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    cio = result.speakers[1][0]
    assert cio is not None and ("cio", "Vossmeer") in cio.positions


def test_a_bare_group_before_a_title_is_the_company_the_lede_names_not_the_customer_just_named() -> None:
    result = attribute_source(
        [
            ["生產電堆的澤豐氫能昨晚發出盈警，預計中期虧損不少於人民幣2.4億元。"],
            ["通告又指，來自美國客戶Harlow Power的收入佔逾六成。"],
            ["集團行政總裁岑啟明昨日在電話會議上形容，虧損是擴產的代價。"],
        ],
        "zh-Hant",
        SpeakerIndex([]),
    )
    ceo = next(s for s in result.quoted if s.kind == "person")
    assert ceo.positions == (("ceo", "澤豐氫能"),)


def test_a_possessive_after_said_is_no_organization_of_its_own() -> None:
    result = attribute_source(
        [
            [
                "Orinoko Memory raised its forecast to ¥300 billion, the company said.",
                "He also said Orinoko's HBM prices had risen about 20% this year.",
                "The plant would lift Orinoko's share to about 15%, according to the company's presentation.",
            ]
        ],
        "en",
        SpeakerIndex([]),
    )
    names = {s.name for s in [*result.quoted, *result.mentioned]}
    assert "Orinoko's HBM" not in names
    assert result.speakers[0][2] is not None and result.speakers[0][2].name == "Orinoko Memory"


def test_the_portfolio_manager_is_an_unnamed_source_not_the_co_founder_named_before() -> None:
    paragraphs = [
        ["Co-founder Emil Roszak owns 12% of Pintwick."],
        ['"When the early window opens you get a wall of supply," the portfolio manager said.'],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    speaker = result.speakers[1][0]
    assert speaker is None or speaker.name != "Emil Roszak"


def test_a_span_of_the_year_is_no_employer_and_the_bare_bank_is_the_bank_in_play() -> None:
    text = [
        ["本地银行澄港银行昨日公布首三季业绩，净利润按年增长12%。"],
        ["银行披露，前九个月手续费收入增长20%。"],
        ["集团首三季预期信贷损失按年增加15%。"],
        ["行政总裁魏振邦表示，今年首三季新增客户约两成。"],
    ]
    result = attribute_source(text, "zh-Hans", SpeakerIndex([]))
    names = [s.name if s else None for row in result.speakers for s in row]
    assert names[1] == "澄港银行"
    assert "首三季" not in names
    chief = result.speakers[3][0]
    assert chief is not None and chief.role == "CEO, 澄港银行"


def test_who_runs_a_described_firm_heads_that_firm_and_the_firm_is_quoted_through_her() -> None:
    paragraphs = [
        [
            "Pemberly Trust sells a fund with a 2% fee.",
            "Odile Carraway, who runs the pricing consultancy Wenlock Fee Analytics, puts the true cost at 3.9%"
            " a year.",
        ]
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    carraway = result.speakers[0][1]
    assert carraway is not None and carraway.name == "Odile Carraway"
    assert [org for _, org in carraway.positions] == ["Wenlock Fee Analytics"]


def test_a_chipmaker_named_for_what_it_makes_is_an_organization_that_employs_its_officers() -> None:
    result = attribute_source(
        [
            [
                "Morvane Memory, South Korea's second-largest memory chipmaker, said on Thursday that sales rose 40%."
            ],
            ["Chief financial officer Seo Da-hye told analysts on the results call that orders were strong."],
        ],
        "en",
        SpeakerIndex([]),
    )
    company, officer = (s for row in result.speakers for s in row if s is not None)
    assert company.kind == "organization" and officer.role == "CFO, Morvane Memory"


def test_taiwans_chief_investment_officer_speaks_by_the_title_and_his_split_quote_is_his() -> None:
    paragraphs = [
        ["澄和人壽執行長黃啟明在法說會開場時表示，今年前三季初年度保費營收新台幣980億元，年增7%。"],
        [
            "澄和人壽投資長許文宏指出，AI相關債券目前約占公司國外債券部位的16%。",
            "「這些發行人多半是大型科技公司，」他說，「我們買的是他們的資產負債表。」他透露，明年預計再投入約20億美元。",
        ],
    ]
    result = attribute_source(paragraphs, "zh-Hant", SpeakerIndex([]))
    names = [s.name if s else None for row in result.speakers for s in row]
    assert names == ["Huang Qiming", "Xu Wenhong", "Xu Wenhong"]


def test_a_common_noun_before_a_title_is_the_organization_of_that_kind_the_article_names() -> None:
    paragraphs = [
        ["The council voted to let the city-owned utility, Dunmere Public Power, sell $90 million of bonds."],
        ["Utility general manager Rhea Calloway said the developer would pay about $6 million a year."],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    manager = next(s for s in result.quoted if s.kind == "person")
    assert manager.positions == (("general manager", "Dunmere Public Power"),)
    assert "Utility" not in [s.name for s in result.quoted + result.mentioned]


def test_officers_named_without_a_company_work_for_the_packaging_firm_the_story_is_about() -> None:
    paragraphs = [
        ["Brennock Advanced Packaging said on Thursday that third-quarter revenue rose 12% to $900 million."],
        ['"Every line is spoken for," chief executive Ada Morrow told analysts on a conference call.'],
        ["Ira Pell, an analyst at Coldwell Securities, asked about the prepayments."],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    chief = next(s for s in result.quoted if s.name == "Ada Morrow")
    assert chief.positions == (("ceo", "Brennock Advanced Packaging"),)


def test_a_chinese_name_ending_in_he_before_a_speech_verb_is_whole() -> None:
    paragraphs = [
        ["行业层面，峦川智库高级研究员聂清和指出，每P算力的月租金已从去年的1.6万元跌至0.8万元左右。"]
    ]
    result = attribute_source(paragraphs, "zh-Hans", SpeakerIndex([]))
    assert [s.name_zh for s in result.quoted if s.kind == "person"] == ["聂清和"]


def test_who_runs_a_part_of_a_company_heads_that_part_not_the_company() -> None:
    paragraphs = [
        [
            "Owen Trell, who manages the fund at Mossgate, said the concentration reflected the index.",
            "Xavier Brant, who runs purchasing at Tolland Supply, a computer reseller, said prices rose about 7%.",
        ]
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    positions = {s.name: s.positions for s in result.quoted if s.kind == "person"}
    assert positions == {
        "Owen Trell": (("fund manager", "Mossgate"),),
        "Xavier Brant": (("head of purchasing", "Tolland Supply"),),
    }


def test_a_research_firm_a_long_name_described_as_an_institution_speaks() -> None:
    paragraphs = [["研調機構瀚川科技研究估計，今年AI伺服器採用液冷散熱的比重約為15%，明年將升至35%。"]]
    result = attribute_source(paragraphs, "zh-Hant", SpeakerIndex([]))
    assert [s.name if s else None for row in result.speakers for s in row] == ["瀚川科技研究"]


def test_a_transcript_label_with_a_title_before_the_name_or_a_firm_after_it_is_a_turn() -> None:
    paragraphs = [
        [
            "Nerval Silicon said its chip would slip. Oskar Brand, a partner at Holden Ridge Capital, asked about it."
        ],
        [
            "**Chief financial officer Imani Chevrel:** Then the lab can ask for half of it back.",
            "We have $510 million.",
        ],
        ["Oskar Brand, Holden Ridge Capital: What happens to the money?"],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    names = [s.name if s else None for row in result.speakers for s in row]
    assert names[-3:] == ["Imani Chevrel", "Imani Chevrel", "Oskar Brand"]


def test_a_bare_title_works_for_the_article_company_not_the_customer_or_exchange_named_last() -> None:
    text = [
        ["低軌衛星零組件廠宸岳太空科技昨日舉行法說會，宸岳前三季營收年增62%。"],
        ["宸岳董事長邢世安表示，訂單能見度已到2027年。"],
        [
            "最受矚目的客戶是美國新創維拉索軌道（Vellaso Orbital）。維拉索執行長馬多表示，已向宸岳下單約3億美元。"
        ],
        ["財務長賴佩如則說明獲利結構的變化。她表示，第三季毛利率降至29.8%。"],
        ["交易所日前下發问询函。", "公司董事会秘书贺知行在说明会上表示，项目明年完工。"],
    ]
    result = attribute_source(text, "zh-Hant", SpeakerIndex([]))
    roles = {s.name: s.role for row in result.speakers for s in row if s is not None}
    assert "宸岳太空科技" in roles["Lai Peiru"]
    assert "宸岳太空科技" in roles["He Zhixing"]


def test_a_portfolio_manager_without_a_firm_works_for_the_fund_the_story_is_about() -> None:
    text = [
        [
            "Thistleby Strategic Income Fund, a bond fund sold to savers, lost 4.6% in October as the convertible "
            "notes of Orvello Labs fell."
        ],
        ["Orvello Labs said its notes were sound.", "Orvello Labs expects revenue to double."],
        ["Portfolio manager Rosamund Vexford said the fund holds about $410 million of the Orvello notes."],
    ]
    result = attribute_source(text, "en", SpeakerIndex([]))
    vexford = next(
        s for row in result.speakers for s in row if s is not None and s.name == "Rosamund Vexford"
    )
    assert "Thistleby Strategic Income Fund" in vexford.role


def test_the_latin_name_a_later_article_gives_a_company_met_only_in_chinese_becomes_its_alias() -> None:
    known = Speaker(
        name="灏岑科技", kind="organization", role="organization", aliases=("Haocen Technology", "灏岑")
    )
    text = [
        ["總部位於白石角的本地AI晶片初創灝岑科技（Haosen Technology）昨日宣布完成1.5億美元B輪融資。"],
        ["灝岑科技表示，資金將用於研發。"],
    ]
    result = attribute_source(text, "zh-Hant", SpeakerIndex([known]))
    assert {"Haosen Technology", "Haosen"} <= set(result.new_forms["灏岑科技"])


def test_an_investment_officer_works_for_the_sovereign_fund_the_story_is_about_not_a_manager_it_names() -> (
    None
):
    text = [
        ["The Tarvesh Investment Authority has closed its first AI fund, Tarvesh said on Monday."],
        ["Tarvesh hired Halbrook Ridge Capital to run part of the fund.", "Tarvesh put in $2 billion."],
        [
            "Chief investment officer Faisal Darwan told staff in a memo that AI assets were 14% of the portfolio."
        ],
    ]
    result = attribute_source(text, "en", SpeakerIndex([]))
    darwan = next(s for row in result.speakers for s in row if s is not None and s.name == "Faisal Darwan")
    assert "Tarvesh" in darwan.role and "Halbrook" not in darwan.role


def test_an_officer_written_with_english_initials_or_after_its_company_and_ji_qi_works_there() -> None:
    """'澜岳CFO周敏透露' is the CFO of 澜岳; '要求澜岳及其创始人兼CEO方景行…' makes him 澜岳's founder, not a firm
    called 要求澜岳及其; 'Corvane CEO Dana Price表示' works at Corvane, the space no part of its name."""
    text = [
        ["澜岳CFO周敏透露，现金约3亿元。"],
        ["投资方已提出申请，要求澜岳及其创始人兼CEO方景行履行回购义务。", "方景行表示，回购款约4.2亿元。"],
        ["Corvane CEO Dana Price表示，算力需求增长10倍。"],
    ]
    result = attribute_source(text, "zh-Hans", SpeakerIndex([]))
    roles = [(s.name, s.role) for row in result.speakers for s in row if s is not None]
    assert roles == [
        ("Zhou Min", "CFO, 澜岳"),
        ("Fang Jingxing", "founder, 澜岳"),
        ("Dana Price", "CEO, Corvane"),
    ]


def test_that_chair_a_stakeholders_officer_and_a_titled_subject_saying_are_theirs() -> None:
    """'That chair, Lena Marsh, said' names the chair just described; 'its chief investment officer' after 'The Orvell
    Teachers' Pension Plan, which owns about 0.4% of Brantwick,' works for the plan, not Brantwick; 'Chief financial
    officer Ivo Dane made the same case …, saying …' is Ivo Dane's."""
    text = [
        ["Brantwick said its bonuses were paid at 142% of target."],
        [
            "The Orvell Teachers' Pension Plan, which owns about 0.4% of Brantwick, set out its case in a letter.",
            '"A bonus should reward running the business better," its chief investment officer, Mara Quist, wrote.',
        ],
        ["The adviser recommended a vote against the compensation committee's chair."],
        ["That chair, Lena Marsh, said the committee had looked at the numbers both ways."],
        [
            "Chief financial officer Ivo Dane made the same case on the call, saying servers now last six years."
        ],
    ]
    result = attribute_source(text, "en", SpeakerIndex([]))
    who = [(s.name, s.role) if s else ("", "") for row in result.speakers for s in row]
    assert who[2] == ("Mara Quist", "chief investment officer, Orvell Teachers' Pension Plan")
    assert who[4][0] == "Lena Marsh" and who[5][0] == "Ivo Dane"


def test_an_audit_report_after_a_public_audit_office_is_the_office_s() -> None:
    """'审计报告还指出' after '沣川市审计局日前公布的审计报告显示' is the bureau's audit, not the audited company's accounts."""
    text = [
        [
            "沣川市审计局日前公布的审计报告显示，由沣川城发集团旗下沣川算力建设运营的智算中心，算力利用率仅为31%。"
        ],
        ["审计报告还指出，项目去年实现收入1.2亿元，不足以覆盖当年1.6亿元的专项债还本付息。"],
        ["沣川算力总经理钱岱衡表示，上半年的利用率是58%。"],
    ]
    assert speakers_of(text, "zh-Hans")[1] == "沣川市审计局"


def test_a_controlling_shareholder_or_family_head_who_never_speaks_is_mentioned() -> None:
    found = attribute_source(
        [
            ["翮澜精密发布公告称，拟定增不超过24亿元。"],
            ["据了解，公司实际控制人邵承川持有翮澜精密约38.2%的股份。", "锦沅家族掌舵人周颂晖未有公开回应。"],
        ],
        "zh-Hans",
        SpeakerIndex([]),
    )
    assert [s.name for s in found.mentioned if s.kind == "person"] == ["Shao Chengchuan", "Zhou Songhui"]


def test_a_known_transliterated_name_inside_a_longer_one_is_not_that_person() -> None:
    """'蒂爾伯里' (Tilbury) is not the '伯里' (Bury) a library already knows."""
    bury = Speaker(
        name="Dana Bury", kind="person", role="investor", aliases=("Dana Bury", "Bury", "达娜·伯里", "伯里")
    )
    found = attribute_source(
        [
            ["布倫威克海纜財務總監蒂爾伯里早前在電話會議上估計，建造成本約2.8億美元。"],
            ["伯里認為泡沫即將破裂。"],
        ],
        "zh-Hant",
        SpeakerIndex([bury]),
    )
    speakers = [s.name if s else None for row in found.speakers for s in row]
    assert speakers[0] != "Dana Bury" and speakers[1] == "Dana Bury"


def test_a_chinese_name_after_a_title_ending_in_a_sound_character_is_still_that_person() -> None:
    """'总经理卢望川' ends its title with 理, which transliterations use too: a Chinese name is no transliteration."""
    lu = Speaker(
        name="Lu Wangchuan", kind="person", role="general manager", aliases=("Lu Wangchuan", "卢望川")
    )
    found = attribute_source(
        [["岳川基金总经理卢望川透露，基金总规模200亿元。"], ["卢望川表示，目前已投出约七成。"]],
        "zh-Hans",
        SpeakerIndex([lu]),
    )
    assert [s.name if s else None for row in found.speakers for s in row] == ["Lu Wangchuan", "Lu Wangchuan"]
