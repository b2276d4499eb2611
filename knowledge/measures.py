"""What a figure measures (revenue, valuation, burn, orders…), read from the words around it, in either language."""

from __future__ import annotations

import re

from knowledge.figures import Figure
from knowledge.passages import Passage
from knowledge.scripts import fold, space_scripts

# Verbs whose "up" is no rise: "make up 18%" is a part, "lined up $9.6 billion" and "tie up $180 million" no move.
PHRASAL_UP_VERBS = frozenset(
    (
        "make made makes making take takes took taken line lined lining sign signed set snapped picked drew "
        "drawn put puts putting coughed stumped tie ties tied tying free frees freed freeing rack racks "
        "racked use uses used using eat eats ate eaten soak soaks soaked scoop scooped rake raked build "
        "builds built shore shored prop propped open opens opened pay pays paid lock locks locked add adds "
        "added sum summed end ends ended wind winds wound round rounded top topped stock stocked "
    ).split()
)
_NOT_PHRASAL = "".join(f"(?<!{verb} )" for verb in sorted(PHRASAL_UP_VERBS))

# Lines of business whose earnings are takings: "订阅赚了多少" asks subscription revenue.
_LINE_WORDS = ("订阅", "广告", "会员", "授权", "版权", "销售", "租赁", "出租")
_LINE = "(?:" + "|".join(_LINE_WORDS) + ")(?:业务|服务)?"
_NOT_LINE = "".join(f"(?<!{word}{tail})" for word in _LINE_WORDS for tail in ("", "业务", "服务"))

# One entry per measure: English and Chinese (Simplified) words that name it. Domain-wide finance vocabulary.
# What follows "leveraged" when it names a fund rather than borrowing: up to three modifiers ("single-stock",
# "and inverse", "AI chip"), then the product; a leveraged buyout or loan is still debt.
_LEVERAGED_PRODUCT = (
    r"(?:\s+(?!buy-?outs?\b|loans?\b)[\w&-]+){0,3}?\s+"
    r"(?:etfs?|etps?|etns?|funds?|products?|versions?|notes?|tokens?|certificates?|warrants?)\b"
)

# Whom an employer pays for their work: "paying star PhD grads", "pays its engineers" (up to three words before).
_PAID_PEOPLE = (
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:grads?|graduates|staff|staffers|engineers|researchers|employees|workers|"
    r"hires|recruits|scientists|developers|talent|interns|doctors|phds?|members|crews?|nurses|drivers)\b"
)

MEASURES: dict[str, str] = {
    # "what does the lease bring in?": what something brings in is its income ("pulled in" may be money raised)
    "revenue": r"revenue|\barr\b|sales|turnover|top line|run[- ]rate|\bpremiums\b|"
    r"\b(?:bring|brings|bringing|brought|rake|rakes|raking|raked) in\b|营收|收入|营业额|销售额|保费|(?<![回吸接征少])收(?:多少|几多|到多少)(?!息)|"
    # "靠广告赚了多少": what a line of business brings in is its income, not a profit
    r"靠[^，。？?]{1,8}赚|" + _LINE + "赚",
    "valuation": r"valuation|valued|本益比|市盈率|\bp/e\b|price[- ]to[- ]earnings|\bvalu(?:es|ing) (?:it|them|the \w+|\w+) at\b|\bworth\b|market cap|price target|"
    r"\bvalues?\b|\bmark(?:s|ed|ing)?\b(?=[^.]{0,40}\b(?:at|down|to)\b)|\bwhere\b[^?]{0,50}\bmark(?:ing|ed|s)?\b|face value|fair value|write-?downs?|markdowns?|估值|市值|(?<!性)价值|公允价值|目标价|值多少|值几多|值幾多",
    # "每年要少收多少钱", "forgo $52 million a year": revenue given up is a loss to whoever gives it up
    "burn": r"\bburn|cash burn|go through|\bloss(?:es)?\b|\blose\b|\bcost(?:s|ing)? (?:the|it|them|us|its|their)\b|"
    r"\bforg(?:o|oes|one|oing|went)\b|\bforeg(?:o|oes|one|oing|went)\b|(?<!多)少收|烧钱|烧掉|烧了?多少|现金消耗|亏",
    # Spending and investing are one measure: "how much will X spend on data centers" is answered by "X will invest".
    "spending": r"capex|capital expenditure|capital spending|\bspend|spent|spending|\bcosts?\b|purchas|\bbuy|bought|"
    r"invest|committed|commit|\bpa(?:y|ys|id|ying)\b(?! for (?:about |roughly |around |nearly |some |only )?\d)(?!"
    + _PAID_PEOPLE
    + r")|支付|put(?:s|ting)? (?:in|into)|(?:sink|sinks|sinking|sunk|sank) into|pour|\bfund(?:ed|ing)\b|to fund|raised?\b|\bround\b|stake|"
    r"\bgo(?:es|ing)? (?:to|into|toward)|earmark|allocat|"
    # "所得款项约六成将用于研发": what proceeds are put to is money spent
    r"(?:将|會|会|拟|擬)用[于於]|拨作|撥作|"
    # "作价46.2亿元收购", "现金对价", "acquired for $2 billion": what a buyer pays in a deal
    r"对价|作价|(?<![回征])收购|并购|\bacquir|\bacquisitions?\b|\bbuyouts?\b|\btakeovers?\b|"
    r"\bexpenses?\b|\bdepreciation\b|"
    # "puts the bill for the first plant closer to $8.1 billion": what something comes to in all is spent on it
    r"\b(?:the|a|its|their) (?:total |final |whole )?(?:bill|tab) for\b|"
    # "burns how much on compute": money burned on something is spent on it
    r"\bburn(?:s|ed|ing|t)?\b[^.?]{0,30}?\bon\b|"
    # "buy $140 million of shares as a cornerstone investor": a cornerstone or anchor order is a purchase
    r"\bcornerstone|\banchor (?:order|investor|investment)s?\b|基石|\b(?:household|electricity|power|monthly|water) bills?\b|折旧|资本支出|支出|开支|(?<![付收免])费用|花|耗资|成本|采购|购买|买|拿出|投资|出资|融资|注资|掏|砸|投入|投(?![诉票保])|"
    # "业绩承诺" is a promise of profit, not money committed
    # "出了多少钱": what an investor put in
    r"出了?(?:多少|几多)钱|"
    r"募资|(?<!业绩)承诺|\b(?:cough|fork|shell)(?:s|ed|ing)? (?:up|out)\b|\boverruns?\b|超支|集到|集资|筹到|筹得|募得|募到|配股|配售|供股",
    # "leveraged single-stock funds", "杠杆ETF": a leveraged product is a kind of fund, no one's borrowing
    "debt": r"\b(?:secured|backed|collateral(?:ised|ized)) (?:by|against|on)\b|抵押|质押|\bdebt|\bleverage(?:d(?!"
    + _LEVERAGED_PRODUCT
    + r")|\b(?!\s+(?:the|its|our|their|this|that|these|those|ai|a|an|it|them)\b))|"
    r"杠杆(?!\s*(?:型|etf|etp|etn|基金|产品|代币|版))|loan|lend|\blent\b|borrow|(?<!compute )(?<!compute-)(?<!cloud )credit(?!s)|\bbonds?\b|financing|exposure|liabilit|借贷|借款|贷款|债|信贷|授信|敞口|外部融资",
    "orders": r"(?<!cornerstone )(?<!anchor )\border|backlog|booking|contracted future revenue|在手合同|oversubscri|amount on offer|订单|询单|超额认购|认购倍数",
    # "spending on liquid cooling will reach $21 billion": spending no one owns is a market's size
    "market": r"\bmarket\b|(?:^|[,;:]|\b(?:global|worldwide|total|industry-wide))\s*spending on\b|市场|规模|扩(?:容|到|至)",
    # "pay about $14 million a year in taxes and fees": a tax is a levy like a fee
    "fee": r"\bfees?\b|management charge|\btaxes\b|\btax bills?\b|管理费|手续费|服务费|佣金|费率|税费|税收|税款",
    # "paying about 35% less than the value it carries them at": a price below a mark is a discount
    "price": r"\bprice|pricing|\b(?:sells?|sold|goes|went) for\b|\bdiscount|%\s+(?:less|below|under|cheaper)\b|\bpremium\b|折价|折扣|折让|溢价|per kilowatt|per (?:unit|hour|token|gpu)|\bcosts?\b|价格|单价|报价|(?<![对作])价(?!值)|成本|每卡",
    # "margin calls", "margin financing": collateral and loans against shares, not a profit margin
    "margin": r"margin(?!s?[ -](?:calls?|financ|loans?|lending|debt|accounts?|requirements?))|profit|earnings|net income|operating income|毛利|利润|获利|净利(?!息)|盈利|纯益|纯利|溢利|"
    + _NOT_LINE
    + "赚(?!取)",
    # "账面货币资金约1.6亿元": a company's monetary funds on its books are its cash
    "cash": r"\bcash\b(?! burn)|cash pile|in the bank|现金(?!消耗)|在手资金|账上|货币资金|貨幣資金|账面资金|帳面資金",
    "yield": r"\byield|coupon|interest rate|\binterest\b|(?<!loss )(?<!default )(?<!delinquency )(?<!charge-off )(?<!vacancy )(?<!churn )(?<!tax )(?<!growth )\brate\b(?=.{0,60}\b(?:loan|debt|bonds?|notes|credit|borrow))|\breturn(?:s|ed)?\b|\b(?:done|performed|fared)\b|\birr\b|收益率|(?<![毛净])利率|票息|收多少息|收几多息|报酬率|回报率|报酬|回报",
    # "AI PC的渗透率": how far something has spread is its share of the whole
    "share": r"\bshare\b|portion|proportion|stake|\bslice|how much of|what part of|\bpenetration\b|占比|比重|比例|份额|渗透率|(?<!应)占|其中|分[到得]",
    "growth": r"\bgrow|\bgrew\b|growth|"
    + _NOT_PHRASAL
    + r"\bup(?= (?:about |around |roughly |nearly |some |by )?[\d$€¥£])|"
    r"\bfrom a year (?:earlier|ago|before)|\b(?:y/y|yoy|year[- ]on[- ]year|year[- ]over[- ]year)(?![\w/])|\brise|rose|increase|jump|doubl|tripl|higher than|more expensive|年增|增长|升幅|涨幅|增幅|按年|升了|升咗|升多少|升几多|成长|上升|提高|翻|(?<!定)增加|同比|涨|高出|高于|贵",
    "cut": r"\bcut|reduc|lower|slash|\bfall|fell|\bdrop|declin|cheaper|\bbelow\b|下调|下滑|滑落|降|削减|减少|缩减|下降|砍|低于|低(?=约|了|出|近|逾|[0-9一二三四五六七八九两]|大约)|便宜|跌|折让|(?<!至)少了?多少",
    "power": r"(?<!-)(?<!green )\bpower|electricity|capacity|peak demand|peak load|gigawatt|megawatt|\bsuppl(?:y|ies|ied)\b|\bdeliver|供电|供電|\bgrid|(?<!-)\bload\b(?!-|\s+(?:customers|users|clients))|电力|装机|用电|算力(?!券|[\u4e00-\u9fff]{0,4}基金|产业|补贴|租|服务|公司|企业|股)|容量|兆瓦|吉瓦",
    "assets": r"\bassets|\bmanage[sd]?\b|under management|\baum\b|holdings|portfolio|资产|管理的|持有|组合",
    "volume": r"shipment|\bship|volume|调用量|用量|出货",
    # "员工股转让", "the staff sale": shares employees sell, not how many there are
    "employees": r"employees|\bstaff\b(?! (?:sale|share|tender|stock))|headcount|workers|员工(?!股|持股)|雇员",
    # "the hourly rates it charges for older accelerators": what renting out capacity brings in
    "rent": r"\brents?\b|\brental (?:prices?|rates?|fees?|costs?|charges?)\b|\bleas(?:e|es|ed|ing)\b|租金|租约|租赁|"
    r"\b(?:hourly|daily|monthly) rates?\b|\brates? (?:it|they|we|the company) charges?\b|租价|时租|小时租",
    "cap": r"\bcap(?:s|ped)?\b|limit|ceiling|maximum|up to|上限|最多|封顶",
    "subsidy": r"subsid|\bgrants?\b|incentives?\b|cover .{0,20}of the cost|补贴|补助|资助|奖励|算力券|補貼|補助|資助",
    "stock": r"(?<!per-)(?<!per )share price|stock price|"
    # "their shares have fallen an average of 42%"
    r"\b(?:stock|shares) (?:ha(?:ve|s|d) )?(?:fallen|risen|dropped|climbed|slid|sunk|gained|lost|tumbled|surged|plunged|"
    r"jumped|soared|slumped|halved|doubled)\b|\b(?:stock|shares) (?:fell|rose|dropped|jumped|climbed|slid|sank|closed|ended|"
    r"gained|lost|tumbled|surged|plunged|traded|drop|fall|rise|jump|climb|slide|sink|gain|lose|tumble|surge|plunge|trade(?= (?:on|in|after|higher|lower|up|down)\b)|react|do\b|fare|move|perform|close|end|finish|"
    r"(?:get |got |was |were )?hit)|"
    r"\bwhere(?:'d|’d|\s+did|\s+does|\s+do)\s+(?:it|they)\s+(?:close|end|finish|settle|open)\b"
    r"|\b(?:first day|day (?:1|one)) of trading\b|\bdebut\b|\bwhat happened to\b.{0,40}\b(?:stock|shares?)\b|"
    # "股价本益比约24倍", "股价净值比": a valuation multiple, not where the shares trade
    # "股价对应明年的本益比已达28倍": a multiple of the price; "目标价较首日收市价低约22%": the close is what a target
    # is measured against, not how the shares moved
    r"(?<![供配每])股价(?![^，。；]{0,8}(?:本益比|市盈率|净值比|营收比|现金流比))|"
    r"(?<![较比])(?<![较比].)(?<![较比]..)(?:收盘|收市)|收于|跌停|涨停|"
    # "那批AI概念股…平均涨了多少", "这些股票在收函前平均上涨1.4倍": how stocks moved
    r"(?:概念|题材|龙头|妖)股[^。；？]{0,20}?(?:上涨|下跌|涨|跌)|股票[^，。；？]{0,10}?(?:上涨|下跌|涨|跌)",
    "utilization": r"utili[sz]|\busage\b|\b(?:weekly|daily|monthly|active|regular) use\b|\bin (?:\w+ ){0,2}use\b|"
    r"\bget used\b|\b(?:being|actually|really) used\b|\bused (?:each|every|weekly|daily|at least)|\b(?:daily|weekly|monthly|active) users?\b|"
    # "机柜有多少在用", "实际用了多少算力": how much of a capacity is used
    r"利用率|使用率|稼动率|上架率|活跃|多少在用|在用的?(?:机柜|比例|比率)|用[了掉]?[^，。？钱]{0,6}?多少(?:算力|产能|容量|机柜|(?:预留|申报|签约|约定)的?电力)|"
    # "will use 95% of the power it has reserved": the share of a reservation used
    r"\buse[sd]?\b[^.?]{0,30}\bof (?:its |the |their )?(?:(?:reserved|contracted|booked) |"
    r"\w+ (?:it|they) (?:has|have|had) (?:reserved|contracted|booked)\b)",
    "retention": r"retention|renewal rate|renew(?:ed|s)? (?:their|its)|renew(?:ed|s)? at (?:a|an|the) (?:\S+ )?(?:rate|pace)\b|留存率|续约率|续费率",
    # "what leverage limit did it commit to": a leverage limit or ratio is net debt against earnings
    # "负债比率将由31%升至约39%", "gearing": a ratio of debt to what backs it is leverage, not an amount of debt
    "net_debt": r"net debt|net borrowing|\bleverage (?:limits?|ratios?|caps?|ceilings?|targets?)\b|\bgearing\b|"
    r"净负债|净债务|净借款|杠杆率|杠杆上限|负债比率|负债率",
    "buyback": r"buy ?backs?|buying back|bought back|repurchas|回购|买回|库藏股",
    # "存货余额已升至3.4亿元": goods on hand, not what was sold
    "inventory": r"\binventor(?:y|ies)\b(?! (?:hit|write|charge))|存货(?!跌价)|存貨(?!跌價)|库存|庫存",
    "writedown": r"\bwrite-?(?:downs?|offs?)\b|\bwr(?:ote|itten|ite) (?:down|off)\b|\bimpairments?\b|inventory hit|"
    r"\bmark(?:s|ed|ing)? (?:it |them |its \w+ )?down\b|\bmarkdowns?\b|"
    # money set aside against bad loans is a charge of the same kind: "set aside $640 million for credit losses"
    r"减值|減值|存货跌价|存貨跌價|撇减|撇減|\b(?:set|put|sets|puts|setting|putting) aside\b|\bprovisions?\b|"
    r"\bprovisioned\b|\bloan[- ]loss\b|拨备|撥備|计提|計提",
    "severance": r"severance|redundancy (?:pay|costs?)|layoff costs?|遣散|裁员补偿|裁员成本|经济补偿金",
    # "年薪已达300万元", "what are labs paying new PhD grads?": what people earn for their work, not a purchase
    "pay": r"\bsalar(?:y|ies)\b|\bwages?\b|\bpay (?:packages?|offers?|rises?|raises?)\b|\bcompensation\b|"
    # "at pay about 18% lower", "their pay rose": pay as a noun is what someone earns
    r"\b(?:at|their|his|her|our|your|in|starting|base|average|median|annual|take-home|hourly|monthly|lower|higher) "
    r"pay\b(?![-\s]+(?:for|to|off|out|back|down|up)\b)(?!-)|"
    r"\bpa(?:y|ys|id|ying)" + _PAID_PEOPLE + r"|年薪|月薪|薪酬|薪资|薪水|工资|底薪|起薪|"
    # "每天给工人多少住宿伙食补贴", "a per diem": what workers are paid for their keep is pay, not a subsidy
    r"\bper diems?\b|\ballowances?\b|津贴|(?:住宿|伙食|餐|餐饮|交通|差旅|通勤|加班|高温|出差)补贴",
    # "the tools would save about $96 million a year": money kept, not spent
    "saving": r"\bsav(?:e|es|ed|ing|ings)\b|节省|節省|省下|节约|節約|慳",
    # "应收账款达41亿元": money customers owe, not what was sold or lent
    "receivables": r"receivables|应收账款|应收帐款|应收款",
    # money a customer puts down before delivery: "Deposits on our books are $2.3 billion", "客户预付的订金"
    "deposit": r"\bdeposits?\b|\bprepa(?:id|yments?)\b|\b(?:paid|paying|pay|pays) up ?front\b|订金|定金|押金|预付|预收|"
    r"先付了?|提前付",  # "客户已经先付了多少钱": paid ahead, a prepayment
    # "每基金单位分派", "distribution per unit": what a company or trust pays out to holders
    "dividend": r"\bdividends?\b|\bpayout ratios?\b|\bdistributions? per (?:unit|share)\b|\bdpu\b|分派|派息|股息",
    # "旧股转让规模": shares transferred to a buyer are sold
    "sale": r"\bsell|\bsold\b|\bsale|unload|cash out|tender|offload|出售|套现|卖出|卖掉|卖了|抛售|转让",
}
_COMPILED = {name: re.compile(pattern, re.I) for name, pattern in MEASURES.items()}
_CLAUSE = re.compile(r"[，,。；;：:！？!?]|(?<=[a-z0-9%]) (?:and|but|while|which) ")


_FUTURE = re.compile(
    r"\bwill\b|\bnext\b|plan|expect|going to|future|coming|\b(?:may|might|could) (?:have|need) to\b|接下来|还要|将|未来|计划|预计|明年|下[一个]?财年|今后|再(?!度|次|下调)|打算|准备|要(?=[在投花砸拿融募借买建扩烧付])"
    r"|会(?=[^，。？]{0,3}(?:多|增|涨|升|达|到|提|降|减|少|跌))|(?:完工|建成|投产|盖好|建好|落成)之?后",
    re.I,
)


def looks_ahead(text: str) -> bool:
    """Whether a question or clause speaks of what is still to come ("接下来还要砸多少", "will invest")."""
    return bool(_FUTURE.search(fold(text)))


# Every question matches the measures of the clauses around its hits' figures: the same clauses come back
# question after question, and 25 searches per clause were half of a warm answer's CPU at 1,000 articles.
_MEASURES_MEMO: dict[str, frozenset[str]] = {}
MEASURES_MEMO = 16384  # texts remembered (a few MB); cleared whole when full


def find_measures(text: str) -> set[str]:
    """Every measure a text names."""
    found = _MEASURES_MEMO.get(text)
    if found is None:
        folded = space_scripts(fold(text))  # "ARR已突破": a Latin word beside Chinese is still a word
        found = frozenset(name for name, pattern in _COMPILED.items() if pattern.search(folded))
        if len(_MEASURES_MEMO) >= MEASURES_MEMO:
            _MEASURES_MEMO.clear()  # a simple bound; answering threads may race here, harmlessly
        _MEASURES_MEMO[text] = found
    return set(found)


# What a figure of each unit measures, when a question names one as context ("26 吉瓦的算力相当于多少钱").
UNIT_MEASURES = {"GW": {"power"}, "%": {"share", "growth", "cut"}, "x": {"growth"}}


# "If valuations fell 30%, how much would it lose?": the condition sets the scene, the main clause asks.
_CONDITION = re.compile(
    r"^\s*(?:if|suppose|assuming|should)\b[^,?]{3,}?,|^\s*(?:如果|假如|假设|若|要是)[^，,？?]{2,}?[，,]|"
    # "收购完成后，每单位分派能多出多少", "…once the placing is done?": what happens first sets the scene
    r"^\s*(?:once|after)\s[^,?]{3,}?,|^\s*[^，,？?]{2,16}?(?:以后|之后|后)[，,]|"
    r",?\s+once\s(?:(?!\b(?:how|what)\b)[^,?]){3,60}(?=[?？]?\s*$)",
    re.I,
)


_PRICED_AT = re.compile(
    r"(?:按|以|按照)(?:当日|當日|昨日|今日)?(?:收盘价|收盤價|收市价|收市價|现价|現價|市价|市價)(?:计算|計算)?",
    re.I,
)
_HOW_ADJECTIVE = re.compile(
    r"\bhow (?!much\b|many\b|big\b|large\b|high\b|far\b|fast\b|quickly\b|long\b|soon\b|often\b|do\b|does\b|"
    r"did\b|is\b|was\b|are\b|were\b|will\b|would\b|can\b|could\b|should\b|has\b|have\b|had\b)([a-z-]+)",
    re.I,
)


# "How much cash is Veridian sitting on now that the round closed?": the noun after "how much" is asked.
_HOW_MUCH_NOUN = re.compile(
    r"\bhow (?:much|many) ((?:[a-z-]+ )?[a-z-]+)\b(?= (?:is|was|are|were|has|have|had)\b|"
    # "how much net cash will Ka Lai have": what someone will hold
    r" (?:will|would|does|do|did|could|can) [^?]{1,40}?\b(?:have|hold|keep|end up with)\b)",
    re.I,
)
# "给AI投资定的上限是多少": the noun right before "是多少" is what is asked, the rest its object.
_ZH_HEAD_NOUN = re.compile(r"的([\u4e00-\u9fff]{1,4}?)(?:是|有|为|约|大概)?(?:多少|多大|多高|几|什么水平)")
# "对那笔贷款计提了多少减值？", "how much in taxes and fees will it pay": the verb and noun around the "多少" the
# question ends on ("卖掉多少资产" is a sale), or the nouns after "how much in", are what is asked; the loan
# named before them is their object.
# ("从多少降到多少" ends on a second "多少", not on a noun)
_ZH_TAIL_NOUN = re.compile(r"([\u4e00-\u9fff]{0,2}多少((?:(?!多少)[\u4e00-\u9fff]){1,6}))[？?。！!]*\s*$")
_HOW_MUCH_IN = re.compile(r"\bhow much in ((?:[a-z-]+ ){0,2}[a-z-]+)", re.I)

_SHARE_OF_CHANGE = re.compile(r"\s*what (?:share|portion|proportion|percentage|fraction|part) of\b", re.I)
_PART_FROM = re.compile(r"多少(?:是)?(?:来自|出自)")


# "够建多大规模的数据中心", "how big a data centre could the land hold?": a site's size is its power capacity.
SITE_SIZE = re.compile(
    r"(?:够|能|可以?|足以)(?:建|盖|蓋|容纳|支撑|放)(?:下)?多(?:大|少)(?:规模|容量)?的?(?:数据中心|资料中心|机房|算力|园区)|"
    r"\bhow (?:big|large|much) (?:a |of (?:a |the )?)?data[- ]cent(?:er|re)s?(?: capacity)?\b[^?]{0,30}\b(?:could|can|would|will)\b"
    r"[^?]{0,40}\b(?:hold|fit|support|hosts?|take|build|built)\b|\benough (?:land |room |space )?for how (?:big|large|much)\b",
    re.I,
)


def asked_measures(question: str, figures: list[Figure]) -> set[str]:
    """The measures a question asks about, without those of the figures it gives as context."""
    if SITE_SIZE.search(fold(question)):
        return {"power"}
    context = {m for f in figures for m in UNIT_MEASURES.get(f.unit, set())}
    main = _CONDITION.sub("", question)
    main = main if main.strip() else question
    # "按收盘价大概能套现多少钱": the price is how it is counted, not what is asked
    main = _PRICED_AT.sub(" ", main)
    # "the shipped-but-not-yet-accepted equipment": a compound adjective describes the thing, it is not asked
    main = _COMPOUND_ADJECTIVE.sub(" ", main)
    how = (
        _HOW_ADJECTIVE.search(main)
        or _HOW_MUCH_NOUN.search(main)
        or _HOW_MUCH_IN.search(main)
        or _ZH_HEAD_NOUN.search(fold(main))
        or _measured_tail(fold(main))
    )
    named = find_measures(how.group(1)) - context if how else set()
    # "How oversubscribed was the bond deal?": the adjective asked about is the measure, the rest its object
    found = named or find_measures(main) - context
    rate = _NAMED_RATE.search(fold(main))
    if rate and not found & _RATE_KINDS and not find_measures(rate.group(1) or rate.group(2)):
        # "算力券核销率能到多少", "违约率多少": a rate named by a word no measure knows ("核销", "违约") is not
        # measured by the thing it is a rate of (the vouchers, the debt); "负债比率" is still debt
        found = set()
    if energy_priced(question):
        found = found | {"price"}  # "what do data centres pay for power?": a price per unit of energy
    if found <= {"power"} and "utilization" in find_measures(main):
        found = {"utilization"}  # "用了峤云多少算力": how much of the compute was used, not how much there is
    if _SHARE_OF_CHANGE.match(main):  # "what share of the growth came from data centres?" asks the part
        found = (found - {"growth", "cut"}) | {"share"}
    if _PART_FROM.search(fold(main)):  # "营收有多少是来自AI": a part of the revenue named before it
        found = found | {"share"}
    # "net revenue retention", "how did the stock react to the results": a named metric is the whole ask
    named = found & _NAMED_METRICS
    # "how much of the capacity it rents is being used?": the use asked stays beside the rent that names the thing
    return (named | (found & {"utilization"})) if named else found


def _measured_tail(question: str) -> re.Match[str] | None:
    """The question's closing "…多少X" when X itself names a measure ("多少减值"; not "多少钱")."""
    tail = _ZH_TAIL_NOUN.search(question)
    return tail if tail and find_measures(tail.group(2)) else None


# A rate asked by its name: the word before "率" or "rate" says what it measures.
_NAMED_RATE = re.compile(
    r"([\u4e00-\u9fff]{1,4}(?<![汇功效频倍速])(?<!市盈)(?<!市净)(?<!市销)率)[^，,。？?]{0,10}?(?:多少(?!钱)|几|多高|多大)|"
    r"\bwhat(?:'s| is| was)?\b[^?]{0,40}?\b([a-z-]+ rates?)\b",
)
# Measures that are rates of their own kind: "毛利率" is a margin, "上架率" a utilization.
_RATE_KINDS = frozenset({"margin", "utilization", "yield", "retention", "share"})
_COMPOUND_ADJECTIVE = re.compile(r"\b[a-z]+(?:-[a-z]+){2,}\b", re.I)
_NAMED_METRICS = frozenset({"retention", "stock", "yield", "net_debt", "buyback", "rent", "severance"})


def figure_measures(passage: Passage, figure: Figure) -> set[str]:
    """The measures named in the figure's clause (or the list it continues), and in the passage's English gloss."""
    found = _clause_measures(passage.text, figure) | (
        find_measures(passage.gloss_en) if passage.gloss_en else set()
    )
    if {"cut", "spending"} <= found:
        found.add("saving")  # "电费支出每年减少约2.3亿元": a cost cut is money saved
    if "price" in found and _BY_THE_HOUR.match(_after(passage.text, figure)):
        found.add(
            "rent"
        )  # "the average price … was $1.38 an hour": what renting costs by the hour is its rent
    return found | _lease_paid(found, passage)


_BY_THE_HOUR = re.compile(r"\s*(?:an?|per|each)\s+(?:hour|day)\b|\s*(?:每|一)(?:小时|天)", re.I)


def _after(text: str, figure: Figure) -> str:
    """The few characters right after a figure in its passage."""
    folded = fold(text)
    at = folded.find(fold(figure.text))
    return folded[at + len(figure.text) : at + len(figure.text) + 16] if at >= 0 else ""


def head_measures(
    passage: Passage, figure: Figure, asked: frozenset[str] | set[str] = frozenset()
) -> set[str]:
    """The measures named nearest the figure in its clause, one before and one after it.

    "利息收入约为9.8亿" is income, not loans; "120億美元 今年夏天的年收入" names it after the figure.
    """
    folded = fold(passage.text)
    at = folded.find(fold(figure.text))
    if at < 0:
        return set()
    after = at + len(figure.text)
    start = max((m.end() for m in _CLAUSE.finditer(folded, 0, at)), default=0)
    stop = next((m.start() for m in _CLAUSE.finditer(folded, after)), len(folded))
    before: tuple[int, str] | None = None
    behind: tuple[int, str] | None = None
    starts: dict[int, str] = {}  # measures named after the figure, by where they start
    for name, pattern in _COMPILED.items():
        if (name == "cap" and name not in asked) or (name == "share" and figure.unit != "%"):
            continue  # "sell up to $1.2 billion", "$40 a share": a bound or a price per unit, not what it measures
        for match in pattern.finditer(folded, start, stop):
            if _in_a_name(passage.text, folded, match.start()):
                continue  # "Harbourgate Data Holdings": a company's name is no measure
            if match.end() <= at and (before is None or at - match.end() < before[0]):
                before = (at - match.end(), name)
            elif match.start() >= after:
                starts.setdefault(match.start(), name)
                if behind is None or match.start() - after < behind[0]:
                    behind = (match.start() - after, name)
    if behind is not None:
        # "$212 million of revenue bonds": the noun a measure word qualifies is what the figure measures
        word = re.match(r"[\w-]+\s", folded[after + behind[0] :])
        head = starts.get(after + behind[0] + len(word.group(0))) if word else None
        if head is not None:
            behind = (behind[0], head)
    if before is not None and before[1] in _MOVES and _LEVEL_AFTER_MOVE.search(folded, 0, at):
        # "Revenue in the quarter, which ended in October, rose 6% to $14.2 billion", "营收同比增长12%至18.6亿元": the
        # move is the 6%; the level after "to" is what moved, named before it in the sentence
        level = _last_measure(passage.text, folded, at, percent=figure.unit == "%")
        if level is not None:
            before = (at - level[0], level[1])
    if before is None and start > 0 and folded[start - 1] in "，,":
        # "相关订单的占比，从一年前的2成升至目前约45%": the measure that ends the clause before is its topic
        topic = folded[max(0, start - 9) : start - 1]
        ending = [
            name for name, pattern in _COMPILED.items() if re.search(f"(?:{pattern.pattern})$", topic, re.I)
        ]
        if ending and (ending[0] != "share" or figure.unit == "%"):
            before = (at - start, ending[0])
    heads = {found[1] for found in (before, behind) if found is not None}
    if _BY_AMOUNT.search(folded, 0, at):
        # "marked down its stake in Nerith by 25%", "cut prices by 8%": the figure measures the move the verb names
        moves = [(m.end(), name) for name in _BY_MOVES for m in _COMPILED[name].finditer(folded, start, at)]
        if moves:
            heads.add(max(moves)[1])
    return heads | _lease_paid(heads, passage)


def _lease_paid(measures: set[str], passage: Passage) -> set[str]:
    """Rent, when a figure measures money paid in a passage about a lease ("Under the revised lease, it will pay
    about $118 million a year")."""
    return {"rent"} if "spending" in measures and "rent" in find_measures(passage.text) else set()


_MOVES = frozenset({"growth", "cut"})
# A figure told as the size of a move: "by 25%", "by about $2 billion".
_BY_AMOUNT = re.compile(r"\bby\s*(?:about |roughly |nearly |some |around |almost )?$")
_BY_MOVES = ("writedown", "cut", "growth")
# A level a move ends at: "rose 6% to", "增长12%至", "fell to about"
_LEVEL_AFTER_MOVE = re.compile(r"(?:\bto|至|到)\s*(?:about |around |roughly |nearly |almost |约|約|近)?$")

_NAME_BEFORE = re.compile(r"[A-Z][\w&'’.-]*\s+$")


def _last_measure(text: str, folded: str, at: int, *, percent: bool) -> tuple[int, str] | None:
    """The measure named last before `at` that is no move, and where it ends (a share only for a percentage)."""
    last: tuple[int, str] | None = None
    for name, pattern in _COMPILED.items():
        if name in _MOVES or name == "cap" or (name == "share" and not percent):
            continue
        for match in pattern.finditer(folded, 0, at):
            if not _in_a_name(text, folded, match.start()) and (last is None or match.end() > last[0]):
                last = (match.end(), name)
    return last


def _in_a_name(text: str, folded: str, at: int) -> bool:
    """Whether a capitalized word continues a capitalized name ("Data Holdings" of "Harbourgate Data Holdings")."""
    return (
        len(text) == len(folded)
        and text[at : at + 1].isupper()
        and _NAME_BEFORE.search(text, max(0, at - 40), at) is not None
    )


ENERGY_UNITS = frozenset({"kilowatt-hour", "megawatt-hour"})
_ENERGY_PRICED = re.compile(
    r"每度|每千瓦时|每兆瓦时|电价|per (?:kwh|mwh|kilowatt[- ]hour|megawatt[- ]hour)|"
    r"an? (?:kilowatt|megawatt)[- ]hour|power price|electricity price|"
    r"\bpays? for (?:their |its |the )?(?:power|electricity)\b(?! (?:plants?|lines?|grid|upgrades?))",
    re.I,
)


def energy_priced(text: str) -> bool:
    """Whether a question asks a price per unit of energy ("每度电多少钱", "the price per megawatt-hour")."""
    return bool(_ENERGY_PRICED.search(fold(text)))


def figure_clause(text: str, figure: Figure) -> str:
    """The folded clause a figure is written in (the whole text when the figure is not found in it)."""
    folded = fold(text)
    at = folded.find(fold(figure.text))
    if at < 0:
        return folded
    start = max((m.end() for m in _CLAUSE.finditer(folded, 0, at)), default=0)
    stop = next((m.start() for m in _CLAUSE.finditer(folded, at + len(figure.text))), len(folded))
    return folded[start:stop]


def _clause_measures(text: str, figure: Figure) -> set[str]:
    folded = fold(text)
    at = folded.find(fold(figure.text))
    if at < 0:
        return find_measures(text)
    bounds = [0, *(m.end() for m in _CLAUSE.finditer(folded)), len(folded)]
    index = max(i for i, b in enumerate(bounds) if b <= at)
    end = bounds[index + 1] if index + 1 < len(bounds) else len(folded)
    found = find_measures(folded[bounds[index] : end])
    # "亚马逊烧掉了30亿美元，特斯拉约40亿美元，优步300亿美元": a list goes on with the measure named before it.
    while index > 0 and not found - {"growth", "cut", "share"}:
        index -= 1
        aside = _ASIDE.match(folded, bounds[index])
        if aside and index > 0:
            # "net revenue retention, which counts price rises, was 112%": an aside between commas names no measure
            # of the figure; the clause before it does
            continue
        found |= find_measures(folded[bounds[index] : bounds[index + 1]])
    total = _ADDS_UP_TO.search(folded, 0, at)
    if total is not None and total.end() >= at - 1:
        # "loans tied to data centres, powered land and offices … add up to about $4.2 billion": a total measures
        # what its subject names, however many commas before; "add up to" sets no cap
        subject = max((m.end() for m in _REPORTED.finditer(folded, 0, total.start())), default=0)
        found = (found - {"cap"}) | find_measures(folded[subject : total.start()])
    return found


# "… add up to about $4.2 billion", "… amount to", "… come to": a total of what the subject names.
_ADDS_UP_TO = re.compile(
    r"\b(?:add(?:s|ed)? up to|amount(?:s|ed)? to|c[ao]me to)\s+(?:about |around |roughly |some |nearly |almost |"
    r"more than |over |just over |just under )?"
)
# Where a reported statement's own subject starts: "Foxmoor estimated that loans …".
_REPORTED = re.compile(r"\b(?:that|said|estimated|estimates|says|found|finds|counts|counted|reckons)\s+")


# A relative clause set off by commas: "…, which counts price rises and seat changes, …".
_ASIDE = re.compile(r"\s*(?:which|who|whose|that is|including)\b")


_PROFIT_KINDS = {
    # "净利息收入" is net interest income, not a net profit
    "net": re.compile(r"\bnet (?:profit|income|loss|earnings)|净利(?!息)|净亏|纯益", re.I),
    "operating": re.compile(
        r"\boperating (?:profit|income|loss|margin)|营业利润|营业利益|营业亏损|经营利润|营益", re.I
    ),
    "gross": re.compile(r"\bgross (?:profit|margin)|毛利", re.I),
}


def profit_kinds(text: str) -> set[str]:
    """Which profit a text names: "net", "operating" or "gross" ("net profit", "营业利润", "毛利率")."""
    folded = fold(text)
    return {name for name, pattern in _PROFIT_KINDS.items() if pattern.search(folded)}
