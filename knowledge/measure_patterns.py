"""The words that name each measure (revenue, valuation, burn, orders…), as patterns in either language."""

from __future__ import annotations

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
# "its paid AI advisory product", "paying subscribers": what people pay for, not money the subject spends
_PAID_THINGS = (
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:products?|subscriptions?|tiers?|users?|subscribers?|versions?|plans?|"
    r"services?|customers?|seats?|accounts?|apps?|features?)\b"
)
_PAID_PEOPLE = (
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:grads?|graduates|staff|staffers|engineers|researchers|employees|workers|"
    r"hires|recruits|scientists|developers|talent|interns|doctors|phds?|members|crews?|nurses|drivers)\b"
)

MEASURES: dict[str, str] = {
    # "what does the lease bring in?": what something brings in is its income ("pulled in" may be money raised)
    "revenue": r"revenue|\barr\b|sales|turnover|top line|run[- ]rate|\bpremiums\b|"
    # "how much premium has it written?", "insurers wrote $1.3 billion of delay cover": an insurer's sales
    r"\b(?:wr(?:ote|itten|ites?|iting)|collect(?:ed|s)?)\b(?:[^.?]|\.(?=\d)){0,30}\b(?:premiums?|cover|policies|insurance)\b|"
    r"\bpremiums?\b(?:[^.?]|\.(?=\d)){0,40}\b(?:wr(?:ote|itten|ites?|iting)|collected)\b|"
    r"\b(?:bring|brings|bringing|brought|rake|rakes|raking|raked) in\b|\b(?:make|makes|made|making) (?:from|off)\b|营收|收入|营业额|销售额|保费|(?<![回吸接征少])收(?:多少|几多|到多少)(?!息)|"
    # "靠广告赚了多少": what a line of business brings in is its income, not a profit
    r"靠[^，。？?]{1,8}赚|" + _LINE + "赚",
    "valuation": r"valuation|valued|\bput(?:s|ting)? (?:the |its |their |that |this )?(?:same )?(?:stake|holding|position|shares?) at\b|本益比|市盈率|\bp/e\b|price[- ]to[- ]earnings|\bvalu(?:es|ing) (?:it|them|the \w+|\w+) at\b|\bworth\b|market cap|price target|"
    r"\bvalues?\b|\bmark(?:s|ed|ing)?\b(?=[^.]{0,40}\b(?:at|down|to)\b)|\bwhere\b[^?]{0,50}\bmark(?:ing|ed|s)?\b|face value|fair value|write-?downs?|markdowns?|估值|市值|(?<!性)价值|公允价值|目标价|值多少|值几多|值幾多",
    # "每年要少收多少钱", "forgo $52 million a year": revenue given up is a loss to whoever gives it up
    "burn": r"\bburn|cash burn|go through|\bloss(?:es)?\b(?! ratios?\b)|\blose\b|\bcost(?:s|ing)? (?:the|it|them|us|its|their)\b|"
    r"\bforg(?:o|oes|one|oing|went)\b|\bforeg(?:o|oes|one|oing|went)\b|(?<!多)少收|烧钱|烧掉|烧了?多少|现金消耗|亏|"
    # "经营现金流净流出约41亿元": operating cash going out is cash burned
    r"\bcash outflows?\b|\bspend(?:s|ing)?\b[^.?]{0,30}\b(?:a|per|each|every) month\b|每月(?:花|烧|支出)|\b(?:operating )?cash (?:burn|drain)\b|现金流[^，。；]{0,4}?净?流出",
    # Spending and investing are one measure: "how much will X spend on data centers" is answered by "X will invest".
    # "the price tag on the gas line": what a project costs in all, not a price per unit
    "spending": r"capex|capital expenditure|capital spending|\bspend|spent|spending|\bcosts?\b|\bprice tags?\b|purchas|\bbuy|bought|"
    r"invest|committed|commit|\bpa(?:y|ys|id|ying)\b(?! for (?:about |roughly |around |nearly |some |only )?\d)(?!"
    + _PAID_PEOPLE
    + r")(?!"
    + _PAID_THINGS
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
    r"\bcornerstone|\banchor (?:order|investor|investment)s?\b|基石|\b(?:household|electricity|power|monthly|water) bills?\b|折旧|资本支出|支出|开支|(?<![付收免])费用|花|耗资|成本|采购|购买|买|拿出|投资|出资|融资|注资|掏|砸|投入|(?<![城创产])投(?![诉票保顾行信资人者])|"
    # "业绩承诺" is a promise of profit, and "公司承诺的转化率" what was promised, not money committed ("承诺接多少" is)
    # "出了多少钱": what an investor put in
    r"出了?(?:多少|几多)钱|"
    r"募资|募了?(?:多少|几多|幾多)|(?<!金)融了(?:多少|几多|幾多)?|(?<!业绩)承诺(?!的)|\b(?:cough|fork|shell)(?:s|ed|ing)? (?:up|out)\b|\boverruns?\b|超支|集到|集资|筹到|筹得|募得|募到|配股|配售|供股",
    # "leveraged single-stock funds", "杠杆ETF": a leveraged product is a kind of fund, no one's borrowing
    "debt": r"\b(?:secured|backed|collateral(?:ised|ized)) (?:by|against|on)\b|抵押|质押|\bdebt|\binterest[- ]bearing\b|有息负债|"
    # "Skellan's convertible", "可转债": a bond that converts into shares is still borrowing
    r"\bconvertibles?\b(?! (?:cars?|tops?))|可转债|可转换债|\bleverage(?:d(?!"
    + _LEVERAGED_PRODUCT
    + r")|\b(?!\s+(?:the|its|our|their|this|that|these|those|ai|a|an|it|them)\b))|"
    r"杠杆(?!\s*(?:型|etf|etp|etn|基金|产品|代币|版))|loan|lend|\blent\b|borrow|\b(?:[\w-]+-year|senior|secured|unsecured|convertible|exchangeable|high-yield|junk) notes\b|\bof notes\b|\bnotes? (?:offering|sale|deal|due)\b|(?<!compute )(?<!compute-)(?<!cloud )credit(?!s|[- ](?:funds?|managers?|loss(?:es)?|costs?)\b)|\bbonds?\b|financing|exposure|liabilit|借贷|借款|贷款|债|信贷(?!损失|减值|成本)|授信|敞口|外部融资",
    "orders": r"(?<!cornerstone )(?<!anchor )\border|backlog|booking|contracted future revenue|在手合同|oversubscri|amount on offer|订单|询单|超额认购|认购倍数",
    # "spending on liquid cooling will reach $21 billion": spending no one owns is a market's size
    "market": r"\bmarket\b|(?:^|[,;:]|\b(?:global|worldwide|total|industry-wide))\s*spending on\b|市场|规模|扩(?:容|到|至)",
    # "pay about $14 million a year in taxes and fees": a tax is a levy like a fee
    # "提早解约费", "违约金", "a break fee": what leaving a contract early costs is a fee too
    "fee": r"\bfees?\b|management charge|\btaxes\b|\btax bills?\b|\bpenalt(?:y|ies)\b|管理费|手续费|服务费|佣金|费率|税费|税收|税款|"
    r"解约费|违约金|罚金|罚款",
    # "paying about 35% less than the value it carries them at": a price below a mark is a discount
    "price": r"\bprice(?! tags?\b)|pricing|\b(?:nightly|daily|hourly|room|day) rates?\b|\bcharging\b|\bbill(?:s|ed|ing)? (?:customers|clients|users|buyers|tenants)\b|\bcharg(?:e|es|ed)\b(?=\s+(?:(?:about|roughly|around|only|just)\s+)?[$€£¥\d]|\s+(?:for|per)\b)|\b(?:sells?|sold|selling|goes|going|went|fetch(?:es|ed|ing)?) for\b|\bdiscount|%\s+(?:less|below|under|cheaper)\b|"
    # an insurance premium written is sales, not a price premium; a resale value is what a thing sells for
    r"\bpremium\b(?![^.?]{0,40}\b(?:wr(?:ote|itten|ites?|iting)|collected)\b)|\bresale (?:values?|prices?)\b|折价|折扣|折让|溢价|per kilowatt|per (?:unit|hour|token|gpu)|\bcosts?\b|价格|单价|报价|(?<![对作])价(?!值)|成本|每卡",
    # "margin calls", "margin financing": collateral and loans against shares, not a profit margin
    "margin": r"margin(?!s?[ -](?:calls?|financ|loans?|lending|debt|accounts?|requirements?))|profit|earnings|\beps\b|net income|operating income|毛利|利润|获利|净利(?!息)|盈利|纯益|纯利|溢利|"
    + _NOT_LINE
    + "赚(?!取)",
    # "账面货币资金约1.6亿元": a company's monetary funds on its books are its cash
    "cash": r"\bcash\b(?! burn)|cash pile|in the bank|现金(?!消耗)|在手资金|账上|货币资金|貨幣資金|账面资金|帳面資金",
    "yield": r"\byield|coupon|interest rate|(?<!with )\binterest\b(?![- ]bearing)|(?<!loss )(?<!default )(?<!delinquency )(?<!charge-off )(?<!vacancy )(?<!churn )(?<!tax )(?<!growth )\brate\b(?=.{0,60}\b(?:loan|debt|bonds?|notes|credit|borrow))|\breturn(?:s|ed)?\b|\b(?:done|performed|fared)\b|\birr\b|收益率|(?<![毛净])利率|票息|收多少息|收几多息|报酬率|回报率|报酬|回报|"
    # "现在账面赚了几倍": a multiple made on an investment is its return
    r"赚了?(?:几|多少)倍",
    # "AI PC的渗透率": how far something has spread is its share of the whole
    # An insurer's ratios: a loss ratio does not answer what its combined ratio is
    "loss_ratio": r"\bloss ratios?\b|\bclaims ratios?\b|赔付率|損失率|损失率",
    "combined_ratio": r"\bcombined ratios?\b|综合成本率|綜合成本率|综合赔付率",
    "share": r"\bshare\b|\btake rate\b|抽成|portion|proportion|stake|\bslice|how much of|what part of|\bpenetration\b|占比|比重|比例|份额|渗透率|(?<!应)占|其中|持股|\bof which\b|"
    # "closed at $9.6 billion, including $2.8 billion from retail savers": the part an amount came from
    r"\bincluding (?:about |some |roughly |nearly )?[$€£¥]?\d[\d.,]*(?:\s*(?:million|billion|bn|m))?\s+(?:from|of)\b|分[到得]",
    "growth": r"\bgrow|\bgrew\b|growth|"
    + _NOT_PHRASAL
    + r"\bup(?= (?:about |around |roughly |nearly |some |by )?[\d$€¥£])|"
    r"\bfrom a year (?:earlier|ago|before)|\b(?:y/y|yoy|year[- ]on[- ]year|year[- ]over[- ]year)(?![\w/])|\brise|rose|increase|jump|doubl|tripl|higher than|more expensive|年增|季增|月增|增长|升幅|涨幅|增幅|按年|升了|升咗|升多少|升几多|成长|上升|提高|翻|(?<!定)增加|同比|涨|高出|高于|贵",
    "cut": r"\bcut(?:s|ting)?\b|reduc|lower|slash|\bfall(?:s|en|ing)?\b|fell|\bdrop(?:s|ped|ping)?\b|declin|cheaper|\bbelow\b|下调|年减|季减|月减|下滑|滑落|降|削减|减少|缩减|下降|砍|低于|掉(?:到|至|了|落)|低(?=约|了|出|近|逾|[0-9一二三四五六七八九两]|大约)|便宜|跌|折让|(?<!至)少了?多少",
    "power": r"(?<!-)(?<!green )\bpower|electricity|capacity|peak demand|peak load|gigawatt|megawatt|\bsuppl(?:y|ies|ied)\b|\bdeliver|供电|供電|\bgrid|(?<!-)\bload\b(?!-|\s+(?:customers|users|clients))|电力|装机|用电|(?:多少|几多)电(?!费|价|池|子|脑|视|话|商|网)|算力(?!券|[\u4e00-\u9fff]{0,4}基金|产业|补贴|租|服务|公司|企业|股)|容量|兆瓦|吉瓦",
    "assets": r"\bassets|\bmanage[sd]?\b|\blooks? after\b|\blooking after\b|under management|\baum\b|holdings|portfolio|资产|管理的|持有|组合",
    # ("made at volume", "volume production": how a product is made, not how much of it ships)
    "volume": r"shipment|\bship|(?<!\bat )(?<!\bto )(?<!\bin )volume(?! production)|调用量|用量|出货",
    # "员工股转让", "the staff sale": shares employees sell, not how many there are
    "employees": r"employees|\bstaff\b(?! (?:sale|share|tender|stock))|headcount|workers|员工(?!股|持股)|雇员",
    # "the hourly rates it charges for older accelerators": what renting out capacity brings in
    "rent": r"\brents?\b|\brenting\b(?! out (?:hours|time))|\brental (?:prices?|rates?|fees?|costs?|charges?)\b|\bleas(?:e|es|ed|ing)\b|租金|租约|租赁|租用|"
    r"\b(?:hourly|daily|monthly) rates?\b|\brates? (?:it|they|we|the company) charges?\b|租价|时租|小时租",
    "cap": r"\bcap(?:s|ped)?\b|limit|ceiling|maximum|up to|上限|最多|封顶",
    "subsidy": r"subsid|\bgrants?\b|incentives?\b|cover .{0,20}of the cost|补贴|补助|资助|奖励|算力券|補貼|補助|資助",
    "stock": r"(?<!per-)(?<!per )share price|stock price|"
    # "their shares have fallen an average of 42%"
    r"\b(?:stock|shares) (?:ha(?:ve|s|d) )?(?:fallen|risen|dropped|climbed|slid|sunk|gained|lost|tumbled|surged|plunged|"
    r"jumped|soared|slumped|halved|doubled)\b|\b(?:stock|shares) (?:now |still |currently )?(?:fell|rose|dropped|jumped|climbed|slid|sank|closed|ended|"
    r"gained|lost|tumbled|surged|plunged|traded|drop|fall|rise|jump|climb|slide|sink|gain|lose|tumble|surge|plunge|trade(?= (?:on|in|after|higher|lower|up|down)\b)|react|do\b|fare|move|perform|close|end|finish|"
    r"(?:get |got |was |were )?hit)|"
    r"\bwhere(?:'d|’d|\s+did|\s+does|\s+do)\s+(?:it|they)\s+(?:close|end|finish|settle|open)\b"
    r"|\b(?:first day|day (?:1|one)) of trading\b|\bdebut\b|\bwhat happened to\b.{0,40}\b(?:stock|shares?)\b|"
    # "股价本益比约24倍", "股价净值比": a valuation multiple, not where the shares trade
    # "股价对应明年的本益比已达28倍": a multiple of the price; "目标价较首日收市价低约22%": the close is what a target
    # is measured against, not how the shares moved
    r"(?<![供配每转])股价(?![^，。；]{0,8}(?:本益比|市盈率|净值比|营收比|现金流比))|"
    r"(?<![较比])(?<![较比].)(?<![较比]..)(?<![较比]...)(?<![较比]....)(?:收盘|收市)|收于|跌停|涨停|"
    # "那批AI概念股…平均涨了多少", "这些股票在收函前平均上涨1.4倍": how stocks moved
    r"(?:概念|题材|龙头|妖)股[^。；？]{0,20}?(?:上涨|下跌|涨|跌)|股票[^，。；？]{0,10}?(?:上涨|下跌|涨|跌)|"
    # "暗盘跌了多少": how a new listing traded on the grey market the evening before its debut
    r"暗盘|暗盤|\bgrey[- ]market\b|\bgray[- ]market\b|"
    # "How much did the REIT's units drop?": a trust's units trade as a company's shares do
    r"\b(?:reit|trust)(?:['’]s)? units\b|"
    # "Juling stock: how much is it up year to date?"
    r"\b(?:stock|shares)\b[^.?]{0,40}\b(?:up|down) (?:year to date|ytd|so far this year|this year)\b",
    "utilization": r"utili[sz]|\busage\b|\bhow busy\b|\bidle\b|\b(?:weekly|daily|monthly|active|regular) use\b|\bin (?:\w+ ){0,2}use\b|"
    r"\bget used\b|\b(?:being|actually|really) used\b|\bused (?:each|every|weekly|daily|at least)|\b(?:daily|weekly|monthly|active) users?\b|"
    # "机柜有多少在用", "实际用了多少算力": how much of a capacity is used
    r"利用率|使用率|稼动率|上架率|出租率|入驻率|满租|\boccupan|\bhow full\b|活跃|多少在用|在用的?(?:机柜|比例|比率)|用[了掉]?[^，。？钱]{0,6}?多少(?:算力|产能|容量|机柜|(?:预留|申报|签约|约定)的?电力)|"
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
    # "a 2x liquidation preference", "清算优先权": what new investors get back first, as a multiple of their money
    "preference": r"\bliquidation preferences?\b|清算优先权?|优先清算权",
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
    "receivables": r"receivables|应收(?:账款|帐款|款)?(?![入益])",
    # money a customer puts down before delivery: "Deposits on our books are $2.3 billion", "客户预付的订金"
    "deposit": r"\bdeposits?\b|\bprepa(?:id|yments?)\b|\b(?:paid|paying|pay|pays) up ?front\b|订金|定金|押金|预付|预收|"
    r"先付了?|提前付",  # "客户已经先付了多少钱": paid ahead, a prepayment
    # "每基金单位分派", "distribution per unit": what a company or trust pays out to holders
    "dividend": r"\bdividends?\b|\bpayout ratios?\b|\bdistributions? per (?:unit|share)\b|\bdpu\b|分派|派息|股息|"
    # "可供分配金额约1.46亿元", "能分给持有人的钱": what a trust has to pay out to its holders
    r"可供分配|可分配金额|分[给到](?:持有人|股东|投资者|基金份额持有人)|分红|\bdistributable\b",
    # "旧股转让规模": shares transferred to a buyer are sold
    # "这次打算发多少债": issuing bonds is selling them
    # "平均赎回率多少", "redemption requests reached 90%": what investors asked to be paid back
    "redemption": r"\bredemptions?\b|\bredeem|\b(?:their|its|his|her) money (?:back|out)\b|\bwithdrawals?\b|\brefund(?:s|ed|ing)?\b|赎回|贖回|核销|兑付|兑现|退回|退还|退款|退费",
    "sale": r"\bsell|\bsold\b|\bsale|unload|\bdump(?:s|ed|ing)?\b|cash out|tender|offload|沽售|沽出|出售|套现|卖出|卖掉|卖了|抛售|转让|发债|发了?多少债|"
    r"发行(?!价|人|商|部)",
}
