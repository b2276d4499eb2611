"""The words that name a unit in a question: power, percentages, multiples, money and each currency."""

from __future__ import annotations

import re

from knowledge.unit_cues import SELLS_FOR

# The currencies a figure may be in: money asked in no named currency is any of them.
CURRENCIES = frozenset({"USD", "EUR", "JPY", "CNY", "TWD", "HKD"})
UNIT_WORDS: list[tuple[str, re.Pattern[str]]] = [
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
            r"conversion|adoption|penetration|fill|tax|savings|approval|redemption) rates?\b|退款率|退货率|流失率|"
            # "what are LP stakes going for?": a price, often as a share of what they are worth; "有多少空置", "how
            # much vacancy": vacancy is told as a rate, unless floor space or units are counted
            + SELLS_FOR
            + r"|\bvacancy\b(?! (?:of|in) \d)|\b(?:loss|combined|expense|claims) ratios?\b|赔付率|综合成本率|空置(?![的]?(?:面积|楼面|单位|楼层|机柜|[0-9一二三四五六七八九十几多]+[层栋间个]))",
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
            # ("tenfold", "3-fold", not the Brierfold a company is called)
            r"\btimes\b|multiple|\d+x\b|倍|\b(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|\d+)-?fold\b|oversubscri|超额认购|超額認購|本益比|市盈率|市净率|市销率|股价净值比|\bp/e\b|\bp/b\b|"
            r"price[- ]to[- ](?:earnings|book|sales)|"
            r"之比|\bto ebitda\b|/ebitda|\bleverage\b|\bhow (?:leveraged|indebted)\b|杠杆率|杠杆上限|\b(?:debt[- ]service|interest|dscr) cover(?:age)?\b|偿债覆盖|利息覆盖|覆盖倍数",
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
            r"借贷|贷款|债|应收|应付|存货|预付|预收|合同负债|合约负债|资本支出|资本开支|开支|市场|砸|掏|补贴|补助|算力券|目标价|price target|现金|定金|订金|押金|保证金|"
            r"赔偿|罚款|罚金|和解金|集到|筹到|筹得|募得|配股|配售|供股|\b(?:cough|fork|shell)(?:s|ed|ing)? (?:up|out)\b|\bget(?:s|ting)? back\b|\brecover(?:s|ed|y)?\b|\b(?:for|per) (?:each|a|every|one) share\b|"
            r"\bsettle(?:s|d|ment)?\b|\bcompensat|\bdamages\b|\bpay(?:s|ing)? out\b|\bpaid out\b|\bpayouts?\b|"
            # "每年可以收到多少税": tax collected is money (a tax rate is a percentage, above)
            r"\btax(?:es)?\b|税|稅|"
            # "how big a hit did it take on its power hedges?": a loss, in money
            r"\b(?:big|large|bad) (?:a )?hit\b|\b(?:take|takes|took|taken|taking) (?:a |the )?hit\b|\bhedg(?:e|es|ing)\b|"
            # "how much will the contract save?": money, unless time is what is saved
            r"\bsav(?:e|es|ed|ing|ings)\b(?!.{0,30}\b(?:time|hours?|minutes?|days?|weeks?)\b)|省下|节省|节约",
            re.I,
        ),
    ),
]
# A currency the question names narrows "money" to it; otherwise every currency answers.
CURRENCY_WORDS: list[tuple[str, re.Pattern[str]]] = [
    ("USD", re.compile(r"dollar|\$|美元|美金|\busd\b", re.I)),
    ("EUR", re.compile(r"\beuros?\b|€|欧元", re.I)),
    ("JPY", re.compile(r"(?<!-)\byen\b|日元|日圆", re.I)),  # "Hsu Wen-yen" is a name
    ("CNY", re.compile(r"\byuan\b|\brmb\b|renminbi|人民币", re.I)),
    ("TWD", re.compile(r"新台币|台币|nt\$|taiwan dollar", re.I)),
    ("HKD", re.compile(r"港元|港币|hk\$|hong kong dollar", re.I)),
]
