"""What a question asks: language, speakers (by name or role), figure units, years and search tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.cantonese import to_written_chinese
from knowledge.figures import Figure, find_figures
from knowledge.glossary import Glossary
from knowledge.language import detect_language
from knowledge.lexical import entity_tokens
from knowledge.measures import SITE_SIZE, asked_measures, halves, quarters, several_quarters, tenors
from knowledge.scripts import fold, space_scripts
from knowledge.speakers import TITLE_WORDS, Speaker, SpeakerIndex, find_orgs, org_words
from knowledge.tokens import stem, tokenize
from knowledge.transliteration import sound_index
from knowledge.unit_cues import (
    COMPARED,
    GAP,
    HOLDING_LOST,
    MONEY_PER_MONEY,
    PAPER_LOSS,
    SETTING_CHANGE,
    ZH_RATE,
)

CURRENCIES = frozenset({"USD", "EUR", "JPY", "CNY", "TWD", "HKD"})
_UNIT_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "GW",
        re.compile(
            r"gigawatt|megawatt|\bgw\b|\bmw\b|吉瓦|千兆瓦|兆瓦|万瓩|计算能力|computing (?:power|capacity)|power capacity|"
            r"\bhow much (?:electric(?:ity|al)? )?power\b",
            re.I,
        ),
    ),
    (
        "%",
        re.compile(
            r"percent|per cent|%|share of|proportion|fraction|\b(?:big|large|high)\b.{0,40}\brelative to\b|\byields?\b|\breturns?\b|interest rate|coupon|margin|"
            r"百分之|比例|几成|占比|比重|多少成|成数|年化|\bannuali[sz]ed\b|loan-to-value|\bltv\b|报酬率|回报率|收益率|利率|殖利率|毛利率|"
            # "refund rate", "churn rate": a rate of something that happens, in percent (not a run rate or day rate)
            r"\b(?:refund|churn|default|vacancy|occupancy|renewal|retention|attrition|delinquency|return|cancellation|"
            r"conversion|adoption|penetration|fill|tax|savings|approval|redemption) rates?\b|退款率|退货率|流失率",
            re.I,
        ),
    ),
    # Compute or electricity as a subject: a capacity, unless the question is about money spent on it.
    (
        "GW?",
        re.compile(
            r"算力(?!租|价|成本|服务|市场|中心|公司|芯片)|compute|electricity|电力|用电量|用电负荷|耗电|power draw|"
            # "how much capacity does the deal cover?": power, unless a product's capacity is named ("HBM capacity")
            r"\bhow much (?:(?:new|more|power|generating|data cent(?:re|er)|contracted|signed) )*capacity\b",
            re.I,
        ),
    ),
    (
        "x",
        re.compile(
            r"\btimes\b|multiple|\d+x\b|倍|fold\b|oversubscri|超额认购|超額認購|本益比|市盈率|市净率|市销率|股价净值比|\bp/e\b|\bp/b\b|"
            r"price[- ]to[- ](?:earnings|book|sales)|"
            r"之比|\bto ebitda\b|/ebitda|\bleverage (?:limits?|ratios?|caps?|ceilings?|targets?)\b|杠杆率|杠杆上限|\b(?:debt[- ]service|interest|dscr) cover(?:age)?\b|偿债覆盖|利息覆盖|覆盖倍数",
            re.I,
        ),
    ),
    (
        "money",
        re.compile(
            r"money|cost|price|spend|spent|spending|burn|raise|raised|revenue|earn|\bworth\b|valuation|valued|\bvalues?\b|dollar|\$|"
            r"billion|trillion|cash|fund|invest|capex|ipo|subscription|pay|charg(?:e|es|ed|ing)\b|loan|debt|borrow|lend|exposure|sales|"
            r"market size|how big is the market|\bfinal close\b|\bfund size\b|\bhard cap\b|\bwhat (?:do|does|did|will|would) [\w\s'’-]{1,40}\bpay\b|\bbacklog\b|\bmarket\b(?! share)|\brent(?:al|s)?\b|\bleas(?:e|es|ing)\b|put(?:s|ting)? (?:in|into)|(?:sink|sinks|sinking|sunk|sank) into|commit|allocate|deploy|pour|pump|plough|plow|subsid|grant|voucher|"
            r"placement|offering|proceeds|\binventory\b|\bwrite-?(?:down|off)s?\b|\bimpairments?\b|\bcapital\b|\bmanage[sd]?\b|under management|\baum\b|\bassets\b|profit|\bincome\b|\bget(?:s|ting)? for\b|\bfetch|"
            r"\barr\b|recurring revenue|\bbills?\b|\bpremiums\b|保费|turnover|利润|纯益|纯利|净利|获利|盈利|trading value|成交额|成交金额|交易额|成交了?(?:多少|几多)|营业额|电价|售价|单价|"
            r"(?:卖|售)(?:了|出|出了)?多少(?![台部个件套辆架片颗块张股])|多少钱|钱|美元|金额|资金|花费|花|支出|价位|价钱|报价|每股盈余|每股收益|每股盈利|每股净利|\beps\b|earnings per share|供股价|配股价|发行价|招股价|认购价|电费|费用|租金|利息|(?<![私公])募|烧|收入|营收|估值|成本|耗资|投入|投资|融资|赚|亏损|亏了|净亏|订阅|价格|筹集|订单|规模|"
            r"借贷|贷款|债|资本支出|资本开支|开支|市场|砸|掏|补贴|补助|算力券|目标价|price target|现金|定金|订金|押金|保证金|"
            r"赔偿|罚款|罚金|和解金|集到|筹到|筹得|募得|配股|配售|供股|\b(?:cough|fork|shell)(?:s|ed|ing)? (?:up|out)\b|\bget(?:s|ting)? back\b|\brecover(?:s|ed|y)?\b|\b(?:for|per) (?:each|a|every|one) share\b|"
            r"\bsettle(?:s|d|ment)?\b|\bcompensat|\bdamages\b|\bpay(?:s|ing)? out\b|\bpaid out\b|\bpayouts?\b|"
            # "how much will the contract save?": money, unless time is what is saved
            r"\bsav(?:e|es|ed|ing|ings)\b(?!.{0,30}\b(?:time|hours?|minutes?|days?|weeks?)\b)|省下|节省|节约",
            re.I,
        ),
    ),
]
# A currency the question names narrows "money" to it; otherwise every currency answers.
_CURRENCY_WORDS: list[tuple[str, re.Pattern[str]]] = [
    ("USD", re.compile(r"dollar|\$|美元|美金|\busd\b", re.I)),
    ("EUR", re.compile(r"\beuros?\b|€|欧元", re.I)),
    ("JPY", re.compile(r"(?<!-)\byen\b|日元|日圆", re.I)),  # "Hsu Wen-yen" is a name
    ("CNY", re.compile(r"\byuan\b|\brmb\b|renminbi|人民币", re.I)),
    ("TWD", re.compile(r"新台币|台币|nt\$|taiwan dollar", re.I)),
    ("HKD", re.compile(r"港元|港币|hk\$|hong kong dollar", re.I)),
]
# "How much of X's revenue…", "占多少", "幾成": a share, whatever else the question mentions.
_SHARE = re.compile(
    r"how much of\b|how (?:dependent|reliant|exposed|concentrated)\b|what (?:share|portion|proportion|percentage|fraction)|how big a (?:share|slice|stake)|"
    r"\b(?:slice|piece) of\b|(?:里|裡|中|之中)有?多少(?!钱|錢|亿|億|万|萬)|"
    # "how much new signed capacity comes from AI customers?": the part from one source, as a share
    r"\bhow much\b[^?]{0,50}\b(?:comes?|came|coming) from\b|"
    # "what numbers did he give for cost share vs capacity?": a share named by what it divides
    r"\b(?:cost|revenue|sales|wallet|voting|load|capacity|profit) shares?\b(?! (?:price|sale|buyback)s?\b)|"
    r"what % |占.{0,24}(?:多少|几成|多大)|几成|多少成|比重|占比|比例|负债比|负债率|比率|有?多少(?:是)?集中|"
    r"有?多少(?:会|将|要)?(?:来自|用[于在来]|投[向入到在]|流向|花在)|有多少是|分[到得](?:多少|几成)",
    re.I,
)
# "What yield did the bonds price at?": a rate, whatever money words come with it.
_RATE = re.compile(
    r"\b(?:yield|coupon|interest rate|irr)s?\b|\b(?:annual|expected|target|yearly) returns?\b|"
    # a loan-to-value ratio is a percentage, whatever loan amounts the question mentions
    r"\bloan-to-value\b|\bltv\b(?!\s*(?:/|:|to)\s*cac)|"
    r"\butili[sz]ation\b|\boccupancy\b|\b(?:utilization|utilisation|occupancy|vacancy|default|redemption|churn|penetration|renewal|loss|write-off|"
    r"charge-off|delinquency) rates?\b|"
    r"\b(?:net |gross )?(?:revenue |dollar )?retention\b|"
    r"\bwhat (?:[\w-]+ )?rate\b|\bwhere (?:is|are|was|were|does|do|did)\b[^?]{0,50}\bmark(?:ing|ed|s)?\b|"
    r"收益率|殖利率|利率|收多少息|收几多息|报酬率|回报率|[上使利稼出入占]\w?率|渗透率|留存率|流失率|转化率|空置率|违约率|市占率|占有率|"
    r"良率|退货率|覆盖率|回收率|开工率|达成率|增长率|成长率|"
    # "百分之几的人真的掏钱了": a percentage is asked, whatever money the people pay
    r"百分之(?:几|多少)|(?:几|多少)个百分点|\bwhat percent(?:age)? of (?:the )?(?:users|people|customers|buyers)\b",
    re.I,
)
# "how much of the raise is earmarked for supply?": part of an amount, which may be told as an amount.
_ALLOCATION = re.compile(
    r"\bearmark|\bgo(?:es|ing)? (?:to|into|toward)|\ballocat|\bset aside|\bused (?:for|to)|\bspent on|\bput into|"
    r"\bput(?:s|ting)? up\b|\bcontribut|\b(?:is|are|was|were) (?:meant |earmarked |slated |set )?for\b|"
    # "how much of the bill will the developer cover?": the part someone pays
    r"\bcover(?:s|ed|ing)?\b|\bpa(?:y|ys|id|ying) for\b|\babsorb|\bshoulder|\bpick(?:s|ed|ing)? up\b",
    re.I,
)
_MONEY_NOUN = re.compile(
    r"\b(?:money|cash|dollars|funding|payments?|bonds?|notes|loans?|debt|offering|budgets?|capex|spending|proceeds)\b",
    re.I,
)
_MONEY_ZH = re.compile(r"钱|资金|募资|募集|款项")
# "公司的数字里有多少是促销额度": a part of a reported figure, told as an amount or a share of it.
_FIGURE_ZH = re.compile(r"(?:数字|数目|金额|总额)(?:里|裡|中|之中)有?多少")
# "超额认购了多少倍", "how many times over": a multiple, whatever the money words.
_MULTIPLE = re.compile(r"多少倍|几倍|幾倍|how many times|what multiple", re.I)
# "给AI投资定的上限是多少": a limit may be a share as often as an amount.
_LIMIT = re.compile(r"\bcap(?:s|ped)?\b|\blimit|\bceiling|上限|封顶|天花板", re.I)
# "内部人最多能卖多少": the most an amount may be is a limit too, a share of holdings as often as money.
_AT_MOST = re.compile(r"\bat (?:the )?most\b|\bmaximum\b|最多(?:能|可以?|只能|允许)|至多", re.I)
# "How much cheaper is power in Gansu?": a difference, told as a share or a multiple.
_COMPARATIVE = re.compile(
    r"how much (?:cheaper|dearer|more expensive|less expensive|higher|lower|bigger|smaller|larger|faster|slower)\b|"
    # "how much less time did doctors spend on notes": a time, power or space saved is told as a share
    r"how much (?:less|more|extra) (?:time|power|energy|water|space|floor space|electricity)\b|"
    r"\bout-?(?:price|sell|earn|pace|grow)\w*|"
    r"\bhow far (?:below|above|under|over|behind|ahead of)\b|"
    r"(?:便宜|贵|低|高|快|慢|大|小|(?<!至)少)(?:了)?(?:多少|几成|幾成)|超(?:过|出)[^，。？?]{1,10}多少|"
    r"(?:比起来|相比|相较|比较)[^，。？?]{0,6}多少",
    re.I,
)
_GROWTH = re.compile(
    r"\brais(?:e|es|ed|ing) (?:its |their |the |our )?(?:prices?|rates?|premiums?|fees?|rents?|tariffs?)\b|"
    r"\b(?:grow|grew|grown|growth|increase[sd]?|rise|rose|risen|jump(?:ed)?|up from (?=[\d$€¥]|about|around|roughly|nearly|last|a year|the same)|multipl|"
    r"cut|cuts|slash(?:ed)?|lower(?:ed)?|reduce[sd]?|discount)\w*|"
    r"\b(?:y/y|yoy|q/q|qoq|year[- ]on[- ]year|year[- ]over[- ]year)(?![\w/])|"
    # "how much have premiums gone up?": a move, told as a percentage
    r"\b(?:gone|go|goes|went|going|moved|crept|ticked|edged|shot|come|came|coming) (?:up|down)\b|"
    r"成长|增长|涨了|涨多少|翻了|增加了|增幅|年增|比去年|同比|按年|升了|升多少|升幅|降价|砍|下调|降了|降低|削减|折扣|折价|折让|降.{0,3}(?:多少|几)",
    re.I,
)
# Organizations in a question are its topic unless the question asks what they say or estimate.
# "margin calls", "capital calls": things that are called, not someone calling something
SPEECH_CUE = re.compile(
    r"\b(?:say|said|says|per|according|estimate[sd]?|reckons?|think|thinks|expect(?:s|ed|ing)?|"
    r"forecasts?|predicts?|projected|warns?|warned|sees?|view|(?<!margin )(?<!capital )calls?|called|figures?|count|"
    r"respond(?:s|ed)?|repl(?:y|ied|ies)|react(?:s|ed)?|defend(?:s|ed)?)\b|['’]s (?:number|projection|take|call) (?:for|on)\b|回应|回應|反驳|反駁|"
    r"说|称|表示|认为|觉得|统计|估(?!值)|预计|预测|预期|看|指出|警告|根据|按照|(?<![数证占依])据|觉|提醒|宣布",
    re.I,
)
_QUARTER = re.compile(r"\bq[1-4]\b|quarter|季度|单季|第[一二三四1-4]季|上季|本季", re.I)
_YEARLY = re.compile(
    # "up from 44% a year earlier", "一年前是多少": a comparison with a year before, not a yearly figure
    r"this year|per year|a year(?! (?:ago|earlier|before))|each year|annual|full[- ]year|"
    r"(?:whole|entire|fiscal|financial) year|今年|全年|每年|年度|一年(?!前|之前|以前)",
    re.I,
)
_STOCK_MOVE = re.compile(
    r"\b(?:stock|shares?|share price)\b.{0,20}\b(?:react|respond|do|fare|move|close|end|finish|settle|trade)\w*|"
    r"\bwhat happened to\b.{0,40}\b(?:stock|shares?|share price)\b|"
    r"(?<![供配每])股价.{0,6}(?:反应|表现|怎么|如何|多少)|股票.{0,6}反应"
)
_CHANGE = re.compile(
    r"\b(?:fell|fall|fallen|rose|rise|risen|grew|grow|dropped|drop|declined|decline|increased|"
    r"decreased|slipped|jumped|climbed|hit|slump(?:ed)?|tumbled?|plunged?|sank|sink|soared?|surged?|"
    r"shrink|shrank|shrunk|shrinks|contracted(?!\s+[a-z]))\b|萎缩|缩水|下跌|上涨|下降|下滑|滑落|上升|增长|跌了|涨了|跌幅|涨幅|降幅|增幅|"
    r"(?:[跌降涨漲]|(?<![卖賣花用烧燒亏虧推辞辭退丢丟])掉).{0,3}多少|(?:少掉|少了|减少|減少|缩水).{0,3}多少",
    re.I,
)
_QUANTITY = re.compile(
    # "what are the camps charging a night?": a price asked as what someone charges or pays
    # "退货的比例高吗": whether a rate is high asks the rate
    r"(?:比例|比重|占比|率)(?:高|大|低)(?:吗|嗎|不)|how (?:much|many)|\bwhat (?:do|does|did|will|would) [\w\s'’-]{1,40}\bpay\b|"
    r"\bwhat (?:do|does|did|will|would|is|are|was|were) (?:(?!\b(?:say|said|says|think|thinks|tell|told|mean|means)\b)"
    r"[\w\s'’-]){1,40}\b(?:paying|charg(?:e|es|ed|ing))\b|how far (?:below|above|under|over|behind|ahead of)\b|"
    # "what does the city lose in income tax?", "what is it pulling in from the lease?": an amount gained or lost
    r"\bwhat (?:do|does|did|will|would|could|is|are|was|were) (?:(?!\b(?:say|said|says|think|thinks|tell|told|mean|"
    r"means)\b)[\w\s'’-]){1,40}\b(?:los(?:e|es|ing)|lost|sav(?:e|es|ing)|earn(?:s|ing|ed)?|ow(?:e|es|ing|ed)|"
    r"(?:pull|bring|rak|tak)(?:s|ing|e|es)? in|pulled in|brought in|raked in|took in)\b|"
    r"how (?:big|large|high|far)\b(?=\s+(?:is|was|are|were|will|would|could|can|"
    r"did|do|does|a|an|the|has|have|had)\b|\s*[?？]|\s*$)|what (?:is|was|were|are) the (?:size|amount|total|value|cost)|"
    r"\bwhat\b(?:(?!\b(?:say|said|says|think|thinks|tell|told|argue|argued|mean|make of|happens?)\b).){0,40}\b(?:revenue|arr|sales|valuation|margin|capex|guidance|price target|cap|multiple|"
    r"backlog|market share|profit|net income|operating income|earnings|loss(?:es)?|rate|ratio|allocation|"
    r"number|forecast|estimate|guess|guidance|loan-to-value|ltv|exposure|commitment|rent|tariff|fee|dividend|capacity|capacities|output|limit|ceiling|threshold|price(?! war)|"
    # "what rack utilisation does X think…": a rate by its own name
    r"utili[sz]ation|occupancy|vacancy|leverage|receivables|balance)s?\b|\bwhat (?:is|was|were|are|will be)\b[^?]{0,60}\b(?:bill|budget|expense|fee)s?\b|(?:at )?what price\b|how (?:dependent|reliant|exposed)\b|"
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
    r"\b(?:yoy|y/y|qoq|q/q|year-on-year|year-over-year) (?:growth|change|increase|rise|decline|drop)\b|"
    r"\bwhere (?:is|are|was|were|does|do|did)\b[^?]{0,50}\b(?:mark(?:ing|ed|s)?|valu(?:ing|ed|es)|carr(?:ying|ied|ies))\b|"
    r"\bhow did\b.{1,40}\bdo\b.{0,12}\b(?:debut|first day|day (?:1|one))\b|\bputs?\b.{1,60}?\bat\b(?=\s*(?:[,?？]|$|and\b))|"
    r"how (?:fast|quickly)\b(?=.{0,60}\b(?:grow|grew|grown|rise|rose|risen|increas|climb|expand))|"
    r"\b(?:guess|estimate|forecast|projection)\b.{0,40}\b(?:slice|share|portion|piece|cut)\b|"
    r"\bwhat\b.{0,80}\b(?:worth|add(?:s|ed)? up to|amount(?:s|ed)? to|total(?:s|led)?)\b|"
    r"\bwhat\b[^?]{0,60}\b(?:get(?:s|ting)? back|recover|(?:for|per) (?:each|every|one) share)\b|"
    r"what (?:amount|figure|sum|number|percentage|share|portion|proportion|fraction|slice|chunk)|多少|多大|多高|几(?![千百十万亿])|数额|"
    r"\b(?:q[1-4]|quarterly|quarter's|annual|full[- ]year|year's)\s+(?:numbers|figures|results)\b",
    re.I,
)
_WHO = re.compile(
    r"^\s*(?:and\s+)?who\b|\bwho (?:said|asked|warned|compared|called|claimed|told|thinks?|believes?|"
    r"argued|predicted|described|questioned|talked|responded|replied)|"
    r"\bwhich (?:[a-z-]+\s){0,3}(?:said|says|warned|argued|compared|told|asked|called|replied)\b|"
    # "谁的毛利率比较高" compares two companies' figures: it does not ask who said something
    r"谁(?!的[^，。？?]{0,8}(?:比较|更|最)(?:高|低|大|小|多|少|快|慢|好))|哪位|哪个人|何人",
    re.I,
)
_STANCE = re.compile(
    r"\bbubble\b.{0,20}\?|\b(?:think|thinks|believe|believes|consider|considers|view|see|sees)\b.{0,40}"
    r"bubble|是泡沫|泡沫吗|泡沫\s*[?？]|认为.{0,12}泡沫|看待.{0,12}泡沫|(?:怎么|如何|怎样)看.{0,12}泡沫|"
    r"^(?:does|do|did|is|was)\b.{0,40}\b(?:think|believe|consider|feel|agree)|"
    r"(?:认为|觉得|相信|同意).{0,24}(?<!什)[吗么]\s*[?？]?\s*$",
    re.I,
)
_COMPARE = re.compile(r"compar|versus|\bvs\.?\b|\bthan\b|相比|比较|对比|相当于|比作|类比", re.I)
THEME_WORDS = frozenset(
    stem(word)
    for word in {
        "bubble",
        "泡沫",
        "ai",
        "artificial",
        "intelligence",
        "人工智能",
        "think",
        "view",
        "opinion",
        "stance",
        "believe",
        "feel",
        "boom",
        "hype",
        "热潮",
        "繁荣",
        "看法",
        "观点",
        "态度",
    }
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_CAPITALIZED_NAME = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+(?:-[a-z]+)?)+)\b")  # "Chang Ya-chi"
_ZH_SUBJECT = re.compile(r"^([\u3400-\u9fff]{2,4}?)(?:怎么看|如何看|认为|觉得|说过|表示|对于|对)")
# "第三方统计的…", "per third-party data": a figure from someone outside the company named
THIRD_PARTY = re.compile(
    r"第三方|\bthird[- ]part(?:y|ies)\b|\bindependent (?:data|estimates?|research)\b", re.I
)
_ZH_FOREIGN_NAME = re.compile(r"[\u3400-\u9fff]{1,6}·[\u3400-\u9fff]{1,8}")


@dataclass
class QueryAnalysis:
    """Everything the searcher and the composer need to know about one question."""

    text: str
    language: str
    kind: str
    speakers: list[Speaker] = field(default_factory=list)
    named: list[Speaker] = field(default_factory=list)
    unquoted: list[Speaker] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)
    units: set[str] = field(default_factory=set)
    entities: list[Speaker] = field(default_factory=list)
    period: str | None = None
    measures: set[str] = field(default_factory=set)
    wants_figure: bool = False
    figures: list[Figure] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    quarters: set[int] = field(default_factory=set)
    halves: set[int] = field(default_factory=set)  # first or second half of a year, as asked
    tenors: set[str] = field(default_factory=set)  # "20-year" bonds, "five-year" loans: which one is asked
    tokens: list[str] = field(default_factory=list)
    expansions: list[str] = field(default_factory=list)
    concepts: list[tuple[str, ...]] = field(default_factory=list)
    topic: list[tuple[str, ...]] = field(default_factory=list)
    subjects: list[str] = field(
        default_factory=list
    )  # a name the question opens with, known only from the text


def _title_tokens() -> frozenset[str]:
    """The words of titles ("chief", "officer", "首席"); the middle of "chief risk officer" is also a topic."""
    found: set[str] = set()
    for words in TITLE_WORDS.values():
        for written in words:
            tokens = tokenize(written)
            found |= {tokens[0], tokens[-1]} if len(tokens) > 2 else set(tokens)
    return frozenset(found)


_TITLE_TOKENS = _title_tokens()


def _question_kind(text: str, units: set[str], wants_figure: bool) -> str:
    text = fold(text)
    if _WHO.search(text):
        return "who"
    if wants_figure:
        return "how_much"
    if _STANCE.search(text):
        return "stance"
    if _COMPARE.search(text):
        return "comparison"
    return "what"


def _unknown_names(text: str, speakers: SpeakerIndex, glossary: Glossary) -> list[str]:
    unknown = []
    for match in _CAPITALIZED_NAME.finditer(text):
        words = match.group(1).split()
        # Drop a leading question word or verb that happens to be capitalized ("What Tim Cook …").
        while words and fold(words[0]) in {
            "what",
            "did",
            "does",
            "do",
            "how",
            "why",
            "when",
            "where",
            "is",
            "has",
            "according",
            "and",
            "but",
            "so",
            "which",
            "who",
            "the",
            "was",
            "will",
        }:
            words = words[1:]
        phrase = " ".join(words)
        if len(words) < 2:
            continue
        known = (
            speakers.find_mentions(phrase)
            or glossary.expand(phrase)
            or speakers.find_by_role(phrase)
            # "Changho Life" for 昶和人壽 ("Changhe"): a name spelt a letter off is the one the question means
            or speakers.fuzzy_mentions(phrase)
        )
        if not known:
            unknown.append(phrase)
    for match in _ZH_FOREIGN_NAME.finditer(text):
        if not speakers.find_mentions(match.group(0)):
            unknown.append(match.group(0))
    # "黄仁勋怎么看…": a name-like subject before a verb of opinion; the knowledge base drops it again
    # when the articles contain it, so only people the articles never mention remain.
    subject = _ZH_SUBJECT.match(fold(text).strip())
    if subject and not speakers.find_mentions(subject.group(1)) and not find_orgs(subject.group(1)):
        unknown.append(subject.group(1))
    return unknown


def _asked_units(folded: str) -> set[str]:
    """The units whose figures could answer the question, or any of its parts ("how much, and how fast is it
    growing?" asks for an amount and a rate)."""
    parts = [p for p in _QUESTION_PART.split(folded) if p.strip()]
    units = _units_of(folded)
    if len(parts) > 1:
        asking = [p for p in parts if _QUANTITY.search(p)]
        for n, part in enumerate(asking):
            # the part with the rest of the question as context, without the other parts' own asks
            others = [p for p in parts if p not in asking]
            own = _units_of(" ".join([*others, part]))
            # "how big is the backlog, and how much has it grown?": any unit answers the first part, while
            # "涉案多少钱，追回来多少了？" asks the second in the first one's unit
            if not own and n == 0:
                return set()
            units |= own
    return units


def _measures_of_parts(text: str, figures: list[Figure]) -> set[str]:
    """The measures each part of a question asks ("What ARR did she give, and how fast is it growing?" asks
    revenue and growth), or those of the whole question when it has one part."""
    parts = [p for p in _QUESTION_PART.split(text) if p.strip()]
    asking = [p for p in parts if _QUANTITY.search(fold(p))]
    if len(asking) < 2:
        return asked_measures(text, figures)
    # each part with the rest of the question as context ("X's capex — how much, and how fast is it growing?")
    context = [p for p in parts if p not in asking]
    found = [asked_measures(" ".join([*context, p]), figures) for p in asking]
    return set().union(*found) or asked_measures(text, figures)


# Where a question asks a second thing: "？比去年…", "— how much, and how fast…".
_QUESTION_PART = re.compile(
    # "how much debt is it taking on, and at what interest rate?": a preposition may lead the second ask
    r"[?？]\s*|\s[—–-]\s|,\s*(?:and\s+)?(?:at\s+|in\s+|by\s+|on\s+|for\s+)?(?=how\b|what\b)|"
    r"\s+and\s+(?:at\s+|by\s+)?(?=how\b|what\b)|，(?=.{0,12}(?:多少|几|多大))"
)
_PER_SHARE = re.compile(r"\bper[- ]share\b|\b(?:for )?(?:each|a) share\b|每股", re.I)
_BY_HOW_MUCH = re.compile(r"\bby how much\b|超出多少|超支多少|多出多少", re.I)
# "cut the price to?", "降到多少": the level a figure arrived at, not how much it moved.
_ARRIVES = re.compile(
    # "what will the bill come to?" asks the amount, not where a price was moved to
    r"(?<!come )(?<!comes )(?<!amount )(?<!add up )\bto\s*(?:what\b[^?？]*)?[?？]\s*$|\bto what (?:level|price|rate)\b|[降涨升提增减跌砍][到至]剩?多少",
    re.I,
)
# "从多少降到多少": the two levels are asked, not the change between them.
_FROM_TO = re.compile(r"从多少.{0,8}[到至]多少|from (?:what|how much) (?:\w+ ){0,3}to what", re.I)


# "机柜有多少在用", "用了多少算力": how much of a capacity is in use; "租出去多少": how much of it is let
_USED_SHARE = re.compile(
    r"多少在用|用了[^，。？]{0,6}?多少(?:算力|产能|容量|机柜)|租出去?了?多少(?![兆吉千]?瓦|平方|面积|钱|租金)"
)


def _units_of(folded: str) -> set[str]:
    """The units whose figures could answer one question; money is every currency unless one is named."""
    spaced = space_scripts(folded)  # "ARR到多少": the acronym is a whole word
    if _USED_SHARE.search(folded):
        return {"%"}  # "用了峤云多少算力", "机柜有多少在用": the share of a capacity in use
    units = {unit for unit, pattern in _UNIT_WORDS if pattern.search(spaced)}
    if any(pattern.search(spaced) for _, pattern in _CURRENCY_WORDS):
        units.add("money")  # "投多少日元": a currency named is money asked
    if "GW?" in units:
        # "compute subsidies", "electricity costs": money spent on capacity, not the capacity
        units = units - {"GW?"} if "money" in units else (units - {"GW?"}) | {"GW"}
    if SITE_SIZE.search(folded):
        return {"GW"}  # "够建多大规模的数据中心": how much power the land could hold
    if _MULTIPLE.search(folded):
        return {"x"}  # "毛利率是传统板子的几倍": the multiple is asked, whatever rate it compares
    if _RATE.search(folded) or ZH_RATE.search(folded):
        return {"%"}
    if _PART_OF_WHOLE.search(folded):
        return {"%"} | _currencies(
            folded
        )  # "能把应收款收回多少": a part of the whole, as a share or an amount
    share = _SHARE.search(folded)
    if share:
        if (
            (share.group(0).startswith("how much of") or re.match("(?:里|裡|中|之中)有?多少", share.group(0)))
            and (("money" in units and _ALLOCATION.search(folded)) or _MONEY_NOUN.search(folded))
        ) or (re.match("有?多少(?:会|将|要)?[用投流花]", share.group(0)) and _MONEY_ZH.search(folded)):
            # "how much of the $1.8 billion raise is earmarked for supply?", "how much of the deal is guaranteed
            # money?": a slice, told as a share or an amount
            return {"%"} | _currencies(folded)
        if share.group(0).startswith(("分到多少", "分得多少")) or _FIGURE_ZH.search(folded):
            return {"%"} | _currencies(folded)  # "城市能分到多少": its cut, as a share or an amount
        return {"%"}
    if _COMPARATIVE.search(folded) or GAP.search(folded):
        return (units - {"GW", "money"}) | {"%", "x"}
    if _BY_HOW_MUCH.search(folded) and units <= {"money"}:
        units = units | {"%", "money"}  # "by how much could it overrun its budget?": a share or an amount
    if "money" in units and COMPARED.search(folded):
        units = units | {"%", "x"}  # "worth compared with the debt": the two amounts, or their ratio or gap
    if "money" in units and MONEY_PER_MONEY.search(folded):
        units = units | {"x"}  # "burns how much on compute per yuan of revenue?": a ratio of money to money
    if PAPER_LOSS.search(folded):
        units = units | {"%", "money"}  # "how big were the paper losses?": a share of the cost or an amount
    elif "money" in units and HOLDING_LOST.search(folded):
        units = units | {"%"}  # "how much did the leveraged fund lose?": likewise
    # "how much will the fee cut cost?": the change is the subject, the cost is asked
    moving = SETTING_CHANGE.sub(" ", folded)
    if _ARRIVES.search(folded) and units <= {"money", "%", "x"}:
        units = units | {"%"}  # "what did it cut the price to?": the new level, in money or as a rate
    elif _GROWTH.search(moving) and units <= {"money", "%", "x"} and not _FROM_TO.search(folded):
        units = (units - {"money"}) | {"%", "x"}
    elif _FROM_TO.search(folded) and _RATE_OF_GROWTH.search(folded):
        units = units | {"%"}  # "營收成長從多少下修到多少": the growth rate before and after, in percent
    elif (
        _CHANGE.search(moving)
        or _STOCK_MOVE.search(folded)
        or _LIMIT.search(folded)
        or ("money" in units and _AT_MOST.search(folded))
    ) and units <= {
        "money",
        "%",
        "x",
        "GW",
    }:
        units.add("%")  # "how much did prices fall?" is answered by a percentage as often as by an amount
    if "money" in units and _LOST_TO.search(folded):
        units.add("%")  # "how much revenue does it lose every year to automation?": often told as a share
    if "money" in units and _AMOUNT_OR_SHARE.search(folded):
        units.add("%")  # "how much equity would loans have needed?": "equity of 35% of the project cost"
    if _PER_SHARE.search(folded) and units <= {"%", "x"}:
        units = units | {"money"}  # "by how much per share will it cut earnings?": an amount for each share
    if "money" in units:
        units = (units - {"money"}) | _currencies(folded)
    return units


# "營收成長從多少下修到多少": a growth rate's levels, before and after
_RATE_OF_GROWTH = re.compile(
    r"(?:成长|增长|增速|年增率?|growth)\S{0,4}(?:从|由)多少|growth (?:rate )?from what", re.I
)


# "把应收款收回多少", "把库存卖掉多少": how much of a whole is collected, sold or used up, told as a share of it
# ("收回其中的五成") as often as an amount.
_PART_OF_WHOLE = re.compile(
    r"把[^，,。；;？?]{1,16}?(?:收回|回收|追回|拿回|要回|卖掉|卖出|出售|花掉|用掉|还掉|还清|偿还|消化|去化|转让|减持)了?多少|"
    # "数据中心客户贡献了多少收入": a part of the revenue, as a share or an amount
    r"贡献了?多少(?:收入|营收|利润|销售额)"
)


# What is put up against a whole, told as an amount or as its share of the whole.
_AMOUNT_OR_SHARE = re.compile(
    # "what could lenders get back?": a recovery is told as a share of the debt as often as an amount
    r"\bequity\b|\bdown ?payments?\b|\bdeposits?\b|\bcollateral\b|\bget(?:s|ting)? back\b|\brecover(?:s|ed|y)?\b|"
    r"首付|保证金|资本金|自有资金|押金",
    re.I,
)


# "lose … to automation", "lost to rivals": what something takes away from a whole.
_LOST_TO = re.compile(
    # "how much value could the campus lose?": a fall in value is told as a share as often as an amount
    r"\bvalue\b[^?.,;]{0,40}?\blos(?:e|es|ing|t)\b|\blos(?:e|es|ing|t)\b[^?.,;]{0,20}?\bvalue\b|"
    r"\blos(?:e|es|ing|t)\b[^?.,;]{0,40}?\bto\b(?! (?:be|have|make|get)\b)|流失|被.{1,8}(?:抢走|吃掉|取代)",
    re.I,
)


# A verb of saying with its subject before it, right before a name: "工会说 X…", "the union says X…".
_SAID_BEFORE = re.compile(
    r"[\w\u4e00-\u9fff]\s*(?:说|称|表示|认为|觉得|指出|怎么看|如何看待?)\s*$|\w\s+(?:says|said|thinks|believes|reckons|claims)(?: that)?\s+$"
)


def _currencies(folded: str) -> set[str]:
    """The currencies a question names, or every currency when it names none."""
    return {unit for unit, pattern in _CURRENCY_WORDS if pattern.search(folded)} or set(CURRENCIES)


def _period(folded: str) -> str | None:
    # "第三季度平均一个月要烧掉多少": a monthly figure is asked, whatever quarter it falls in
    if _MONTHLY.search(folded):
        return "month"
    if _TO_DATE.search(folded) or several_quarters(folded):
        # "so far this year" is answered by the first three quarters as well as by the year; "今年前三季" asks
        # neither one quarter nor a year
        return None

    return "quarter" if _QUARTER.search(folded) else "year" if _YEARLY.search(folded) else None


# "per New Consumer Daily", "according to Lexcount": the source a question cites by name.
_CITED_SOURCE = re.compile(r"\b(?:per|according to)\s+((?:the\s+)?(?:[A-Z][\w&'’.-]*\s*){1,5})")
_TO_DATE = re.compile(
    r"so far this year|year to date|year-to-date|\bytd\b|今年以来|今年迄今|年初至今|今年到目前", re.I
)
_MONTHLY = re.compile(r"\bper month\b|\ba month\b|\bmonthly\b|\beach month\b|每个?月|一个月|月均", re.I)


def _speech_cue(folded: str, named_at: set[int]) -> bool:
    """Whether the question asks what someone says: "per" counts only before a name ("per Adaeze Brennick"), not
    in a rate ("per clinician each month")."""
    return any(
        m.group(0) != "per" or any(m.end() < at <= m.end() + 2 for at in named_at)
        for m in SPEECH_CUE.finditer(folded)
    )


def analyze(text: str, *, speakers: SpeakerIndex, glossary: Glossary) -> QueryAnalysis:
    """Analyze a question for search and composition."""
    language = detect_language(text)
    if language != "en":
        text = to_written_chinese(text)  # "曜芯營收幾多": the patterns below read standard written Chinese
        # "伦威克说…": a name the library has only in Latin letters, written by sound
        known = [(m.start, m.end) for m in speakers.find_mentions(text)]
        text = sound_index(speakers).latin_for(text, known)
    mentions = speakers.find_mentions(text)
    named = list(dict.fromkeys([*(m.speaker for m in mentions), *speakers.fuzzy_mentions(text)]))
    by_role = [s for s in speakers.find_by_role(text) if s not in named]
    units = _asked_units(fold(text))
    figures = find_figures(text)
    quantity = bool(_QUANTITY.search(fold(text)))
    # A figure named in the question is context ("26 GW … how much money?"), not the unit asked for.
    asked_units = units - {f.unit for f in figures} if quantity else set()
    if quantity and not asked_units:
        asked_units = units
    phrases = glossary.phrases(text) if language == "en" else glossary.english_for(text)
    expansions = [term for _, terms in phrases for term in terms]
    own = tokenize(text)
    tokens = own + [t for term in expansions for t in tokenize(term)]
    tokens += [t for token in own for t in EN_SYNONYMS.get(token, ())]
    concepts = _concepts(own, phrases)
    # Organizations match across scripts and languages by a canonical token (輝達 = 英伟达 = Nvidia).
    orgs = find_orgs(text)
    spelled = {t for org in orgs for word in org_words(org) for t in tokenize(word)}
    entity = entity_tokens(text)
    tokens += entity
    concepts = [c for c in concepts if c[0] not in spelled] + [(t,) for t in entity]
    kind = _question_kind(text, asked_units, quantity)
    if kind == "who":
        # "Who said … spend …?" asks for a person, not an amount.
        quantity, asked_units = False, set()
    else:
        # "Yingyi's lead investor think…": a fund the role names, never quoted itself, speaks through its people
        by_role = [
            p
            for s in by_role
            for p in ([s] if s.kind == "person" or s.quoted else speakers.people_at(s) or [s])
        ]
        by_role = [s for s in dict.fromkeys(by_role) if s not in named]
    # The topic is what is asked about the speaker: the question without the speaker's name or role.
    unnamed = text
    for mention in sorted(mentions, key=lambda m: -m.start):
        unnamed = unnamed[: mention.start] + " " + unnamed[mention.end :]
    named_words = {
        t
        for s in named + by_role
        for t in tokenize(" ".join((s.name, *s.aliases, s.role, *(" ".join(p) for p in s.positions))))
    }
    # The corpus's own theme ("bubble", "AI") is never off-topic for a quoted speaker.
    topic_words = set(tokenize(unnamed)) - named_words - THEME_WORDS
    if named or by_role:  # a title ("首席财务官", "chief executive") says who, never what about
        topic_words -= _TITLE_TOKENS
    topic = [
        c
        for c in concepts
        if c[0] in topic_words and not (set(c) & _TITLE_TOKENS if named or by_role else set())
    ]
    # "how did the stock react?" asks how the market moved, not what the company said
    cue = _speech_cue(fold(text), {m.start for m in mentions}) and not _STOCK_MOVE.search(fold(text))
    # An organization is who is asked about only when the question asks what it says; otherwise it is the topic.
    asked = [
        s for s in named + by_role if s.quoted and (s.kind == "person" or cue or kind in ("who", "stance"))
    ]
    # "工會說 Brevardine 轉去做…的工程師": an organization named after someone else's verb of saying is the topic
    reported = {
        m.speaker
        for m in mentions
        if m.speaker.kind == "organization" and _SAID_BEFORE.search(fold(text[: m.start]))
    }
    asked = [s for s in asked if s not in reported]
    if any(s.kind == "person" for s in asked):
        # "澜石云总裁觉得…", "what did Kelvin Wong say about Sulan's loans?": the person speaks, the company is the topic
        asked = [s for s in asked if s.kind == "person"]
    elif cue and any(s.kind == "person" and not s.quoted for s in named):
        # "What has Quenmore's chairman Anton Villiers said…?": the person asked about speaks, never quoted as he is,
        # not his company
        asked = []
    if THIRD_PARTY.search(text):
        # "第三方统计的灵瞰双11卖了多少": someone other than the company counts, the company is the topic
        asked = [s for s in asked if s.kind == "person"]
    cited = _CITED_SOURCE.search(text)
    if cited and not any(cited.start(1) <= m.start < cited.end(1) and m.speaker in asked for m in mentions):
        # "Jiguang's valuation, per New Consumer Daily": the source cited speaks, the company named is the topic
        asked = [s for s in asked if s.kind == "person"]
    elif len(asked) > 1:
        # "领械咨询觉得衡钧的订单…": of two organizations, the one the verb of saying follows speaks
        folded = fold(text)
        speaking = {
            m.speaker
            for m in mentions
            # "Fennimore's number for Tarrow": whose estimate it is; "pay Tallowin per clinician" is a rate, and
            # "per X" names its source after the word
            if (
                said_after := SPEECH_CUE.match(folded, m.end, m.end + 20)
                or SPEECH_CUE.match(folded[m.end :].lstrip())
            )
            and said_after.group(0) != "per"
        }
        asked = [s for s in asked if s in speaking] or asked
    # "what is the broker expecting for Peichen?": an organization after a preposition is what is asked about
    objects = {
        m.speaker
        for m in mentions
        if re.search(r"\b(?:for|about|on|of|in|at|into|from)\s+$", text[: m.start], re.I)
    }
    return QueryAnalysis(
        text=text,
        language=language,
        kind=kind,
        speakers=asked,
        named=named,
        entities=[s for s in named if s.kind == "organization" and s not in asked],
        # "Who said … about Meta?" asks for a person: the organization there is the topic, quoted or not.
        unquoted=[
            s
            for s in named
            if not s.quoted
            and (s.kind == "person" or ((cue or kind == "stance") and kind != "who" and s not in objects))
        ]
        + _unquoted_by_role(by_role, cue or kind == "stance"),
        period=_period(fold(text)),
        measures=_measures_of_parts(unnamed, figures)
        if quantity
        else set(),  # "Corridor Loss Analytics" names no loss
        unknown_names=_unknown_names(text, speakers, glossary),
        units=asked_units if quantity else set(),
        wants_figure=quantity,
        figures=figures,
        years=_asked_years(text),
        quarters=quarters(text),
        halves=halves(text),
        tenors=tenors(text),
        tokens=tokens,
        expansions=expansions,
        concepts=concepts,
        topic=topic,
    )


def _unquoted_by_role(by_role: list[Speaker], asks_words: bool) -> list[Speaker]:
    """ "what did Voltcrest's founder say…?" when the founder is only mentioned: someone the articles never quote
    (asked for their words; a quoted holder of the role answers instead)."""
    if not asks_words or any(s.kind == "person" and s.quoted for s in by_role):
        return []
    return [s for s in by_role if s.kind == "person" and not s.quoted]


def _asked_years(text: str) -> list[int]:
    """The years a question asks about; a year it compares with ("how does that compare with 2023?") is context."""
    years = [
        int(m.group(1))
        for m in _YEAR.finditer(text)
        if not _COMPARED_YEAR.search(text[: m.start()])
        # "Larchmont's 2021 flagship", "the 2019 fund": a year that names a thing, not a period asked about
        and not (_NAMING_YEAR_BEFORE.search(text[: m.start()]) and re.match(r"\s+[a-z]", text[m.end() :]))
    ]
    # "in FY27", "fiscal '28": a fiscal year written short
    years += [
        2000 + int(m.group(1)) for m in _FISCAL_SHORT.finditer(text) if 2000 + int(m.group(1)) not in years
    ]
    return years


_FISCAL_SHORT = re.compile(r"\b(?:fy|fiscal\s+['’]?)(\d{2})\b", re.I)


_NAMING_YEAR_BEFORE = re.compile(r"(?:'s|’s|\bthe|\bits|\btheir|\bhis|\bher)\s+$", re.I)


_COMPARED_YEAR = re.compile(
    r"(?:compare[sd]? (?:with|to)|compared|than|from|since|versus|vs\.?|against|比|相比|较|比起|对比)\s*(?:in |the end of |early |late )?$",
    re.I,
)


# How news says what a question asks in other words ("did the stock jump?" / "the shares rose"): stemmed tokens.
EN_SYNONYMS: dict[str, tuple[str, ...]] = {
    stem(word): tuple(stem(w) for w in others)
    for words in (
        ("stock", "share"),
        ("jump", "rise", "gain", "climb"),
        ("surge", "rise", "jump", "soar"),
        ("soar", "rise", "jump", "surge"),
        ("climb", "rise", "gain"),
        ("rally", "rise", "gain"),
        ("plunge", "fall", "drop", "slump"),
        ("tumble", "fall", "drop", "slump"),
        ("slump", "fall", "drop"),
        ("sink", "fall", "drop"),
        ("drop", "fall", "decline"),
        ("fall", "drop", "decline"),
    )
    for word, others in [(words[0], words[1:])]
}


def _concepts(own: list[str], phrases: list[tuple[str, list[str]]]) -> list[tuple[str, ...]]:
    """One concept per question word: the word itself or any Chinese rendering of a phrase containing it."""
    concepts = []
    for token in dict.fromkeys(own):
        alternatives = [token, *EN_SYNONYMS.get(token, ())]
        for phrase, terms in phrases:
            if token in {stem(w) for w in tokenize(phrase)} or token in phrase.split():
                alternatives.extend(t for term in terms for t in tokenize(term))
        concepts.append(tuple(dict.fromkeys(alternatives)))
    return concepts
