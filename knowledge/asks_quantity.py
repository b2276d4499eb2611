"""Whether a question asks for a number ("how much", "what valuation", "多少", "几成")."""

from __future__ import annotations

import re

from knowledge.unit_cues import SOLD_FOR

# A question that asks for a number ("how much", "what valuation", "多少", "几成").
QUANTITY = re.compile(
    # "what are the camps charging a night?": a price asked as what someone charges or pays
    # "退货的比例高吗": whether a rate is high asks the rate
    r"(?:比例|比重|占比|率)(?:高|大|低)(?:吗|嗎|不)|how (?:much|many)|\bwhat (?:do|does|did|will|would) [\w\s'’-]{1,40}\bpay\b|"
    r"\bwhat (?:do|does|did|will|would|is|are|was|were) (?:(?!\b(?:say|said|says|think|thinks|tell|told|mean|means)\b)"
    r"[\w\s'’-]){1,40}\b(?:paying|charg(?:e|es|ed|ing))\b|"
    # "what does the professor reckon it would cost to fix them?": what something would cost
    r"\bwhat\b[^?]{0,60}\b(?:would|will|could|might) cost\b|how far (?:below|above|under|over|behind|ahead of)\b|"
    # "what does the city lose in income tax?", "what is it pulling in from the lease?": an amount gained or lost
    r"\bwhat (?:do|does|did|will|would|could|is|are|was|were) (?:(?!\b(?:say|said|says|think|thinks|tell|told|mean|"
    r"means)\b)[\w\s'’-]){1,40}\b(?:los(?:e|es|ing)|lost|sav(?:e|es|ing)|earn(?:s|ing|ed)?|ow(?:e|es|ing|ed)|"
    r"(?:pull|bring|rak|tak)(?:s|ing|e|es)? in|pulled in|brought in|raked in|took in)\b|"
    # "what are LP stakes going for on the secondary market?": what something sells for is its price
    r"\bwhat (?:is|are|was|were|do|does|did|will|would) [^?]{1,60}(?:" + SOLD_FOR + ")|"
    r"how (?:busy|utili[sz]ed)\b|how (?:big|large|high|far)\b(?=\s+(?:is|was|are|were|will|would|could|can|"
    r"did|do|does|a|an|the|has|have|had)\b|\s*[?？]|\s*$)|what (?:is|was|were|are) the (?:size|amount|total|value|cost)|"
    r"\bwhat\b(?:(?!\b(?:say|said|says|think|thinks|tell|told|argue|argued|mean|make of|happens?)\b).){0,40}\b(?:revenue|arr|sales|valuation|margin|capex|guidance|price target|cap|multiple|"
    r"backlog|market share|profit|net income|operating income|earnings|loss(?:es)?|rate|ratio|allocation|"
    r"number|forecast|estimate|guess|guidance|loan-to-value|ltv|exposure|commitment|rent|tariff|fee|dividend|capacity|capacities|output|limit|ceiling|threshold|price(?! war)|"
    # "what rack utilisation does X think…": a rate by its own name
    r"utili[sz]ation|occupancy|vacancy|leverage|receivables|balance|cash flow)s?\b|\bwhat(?: is|['’]s| was| were| are| will be)\b[^?]{0,60}\b(?:bill|budget|expense|fee)s?\b|(?:at )?what price\b|how (?:dependent|reliant|exposed)\b|"
    # "what demand charge per kW": a charge for each unit is a price
    r"\bwhat (?:[\w-]+ ){0,3}(?:charge|fee|levy|surcharge|toll)s? (?:per|for each|a|each)\b|"
    r"\bwhat (?:interest |coupon |discount |growth )?rate\b|\bwhat (?:[\w-]+ ){0,2}(?:yield|return|coupon|irr)s?\b|how oversubscribed|"
    r"\bwhat (?:kind|sort|size|level) of (?:discount|premium|markdown|haircut|return|yield|margin|multiple|valuation)\b|"
    r"how (?:hard|badly)\b|\bhow did\b.{0,40}\b(?:stock|shares?|share price)\b.{0,12}\b(?:react|respond|do|fare|move|trade)\b|"
    r"\bhow (?:has|have|did)\b.{1,40}\b(?:done|performed|fared)\b|"
    r"\bwhat happened to\b.{0,40}\b(?:stock|shares?|share price)\b|"
    r"\bwhere did\b.{0,40}\b(?:stock|shares?|share price)\b.{0,12}\b(?:close|end|finish|settle)\b|"
    r"\bwhere(?:'d|’d|\s+did|\s+does|\s+do)\s+(?:it|they)\s+(?:close|end|finish|settle|open)\b|"
    r"\bin (?:usd|us dollars|dollars|euros?|yen|yuan|rmb|renminbi|twd|hkd)\s*[?？]|"
    r"\b(?:raised|lifted|bumped|cut|lowered|trimmed|moved|pushed|set|put|take|took) (?:[\w'’-]+ ){1,6}to what\b|"
    # "what did X cut the price to?", "has utilisation climbed to?": where a figure ended up
    r"\b(?:raised|lifted|bumped|cut|lowered|trimmed|reduced|slashed|climbed|risen|rose|fallen|fell|dropped|grown|"
    r"grew|jumped|recovered|rebounded|increased|decreased|moved|pushed) (?:[\w'’-]+ ){0,8}?to\s*[?？]\s*$|"
    # "what did she say the funds were marked down by?", "what do the rebates really run at?": a question ending on
    # the preposition a figure would follow
    r"\bwhat\b[^?？]{1,80}\b(?:down|up|run|runs|running|ran|priced|valued|trad(?:e|es|ed|ing)|sit(?:s|ting)?|"
    r"stand(?:s|ing)?|peak(?:s|ed)?|settle[sd]?|come in|came in|clos(?:e|ed|ing)|open(?:ed|ing)?|end(?:ed)?|"
    r"finish(?:ed)?)\s+(?:by|at)\s*[?？]?\s*$|"
    # "how pricey is it on sales?", "what did the queue top out at?", "where does she have her price target now?"
    r"\bhow (?:pricey|expensive|cheap|costly|leveraged|indebted)\b|"
    r"\bwhat\b[^?？]{1,60}\b(?:top(?:s|ped)? out|bottom(?:s|ed)? out|max(?:es|ed)? out|peak(?:s|ed)?) at\b|"
    r"\bwhere (?:is|are|was|were|does|do|did|has|have)\b[^?？]{0,50}\b(?:price target|target price|forecast|estimate|"
    r"guidance)\b|"
    # "what did its free cash flow drop to last quarter?": where a figure moved to, whatever follows
    r"\bwhat (?:did|has|have|does|do|will|would|could)\b[^?]{1,60}?(?<!\bthe)(?<!\ba) (?:drop|fall|shrink|slip|sink|slide|rise|climb|"
    r"grow|jump|surge|increase|decrease|decline|tumble|plunge|swell|balloon|dwindle)\s+to\b|"
    r"\b(?:yoy|y/y|qoq|q/q|year-on-year|year-over-year) (?:growth|change|increase|rise|decline|drop)\b|"
    r"\bwhere (?:is|are|was|were|does|do|did)\b[^?]{0,50}\b(?:mark(?:ing|ed|s)?|valu(?:ing|ed|es)|carr(?:ying|ied|ies))\b|"
    r"\bhow did\b.{1,40}\bdo\b.{0,12}\b(?:debut|first day|day (?:1|one))\b|\bputs?\b.{1,60}?\bat\b(?=\s*(?:[,?？]|$|and\b))|"
    r"how (?:fast|quickly)\b(?=.{0,60}\b(?:grow|grew|grown|rise|rose|risen|increas|climb|expand))|"
    r"\b(?:guess|estimate|forecast|projection)\b.{0,40}\b(?:slice|share|portion|piece|cut)\b|"
    r"\bwhat\b.{0,80}\b(?:worth|add(?:s|ed)? up to|amount(?:s|ed)? to|total(?:s|led)?)\b|"
    r"\bwhat\b[^?]{0,60}\b(?:get(?:s|ting)? back|recover|(?:for|per) (?:each|every|one) share)\b|"
    r"what (?:amount|figure|sum|number|percentage|share|portion|proportion|fraction|slice|chunk)|多少|多大|多高|多低|多快|几(?![千百十万亿])|数额|"
    r"\b(?:q[1-4]|quarterly|quarter's|annual|full[- ]year|year's)\s+(?:numbers|figures|results)\b",
    re.I,
)
