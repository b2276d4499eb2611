"""Brokers and research firms in a Chinese article, named by the rating or target price they set."""

from __future__ import annotations

import re

from knowledge.attribution.entities import ArticleEntities
from knowledge.attribution.orgs_zh import add_org_zh, org_before, plausible_org

# "卡佛利奈恩（Caverly Nairn）证券": a firm's Latin name in brackets before its Chinese ending
_LATIN_INSIDE = re.compile(
    r"(?:外资|内资|券商|投行)?(?P<zh>[\u4e00-\u9fff]{2,8}?)[（(](?P<latin>[A-Z][A-Za-z&.'’ -]{1,40})[）)]"
    r"(?P<tail>证券|投顾|研究|资本|银行|集团|科技|顾问|数据|咨询|控股|资产管理|资产|基金|投资|保险)"
)
# "欧系外资麦斯顿证券则将评等调降至「减码」": a firm named by the rating or target price it set
_RATES = re.compile(
    r"(?:^|[，。；：])(?P<subject>[^，。；：]{2,24}?)(?:日前|近日|昨日|昨天|今日|最新|近期)?(?:则|也|亦|同步|同样)*"
    r"(?:在[^，。；：]{0,14}?(?:中|上))?[，,]?"
    r"(?:将|把)[^，。；：]{0,20}?(?:评等|评级|目标价)[^，。；：]{0,8}?"
    r"(?:调升|调降|上调|下调|调高|调低|(?:大幅)?[降升砍]至|调至|下修|上修|[降升]为|调整为)"
)
# "外资大行", "欧系外资": a kind of firm the article leaves unnamed
UNNAMED_FIRM = re.compile(
    r"(?:另一边厢|另外|此外)?(?:外资|内资|本土|中资|港资|陆资|欧系|美系|日系|韩系|某|一家|大型|国际)+(?:大行|券商|投行|银行|法人|机构|投顾)?"
)


def add_brokers_zh(text: str, original: str, entities: ArticleEntities) -> None:
    """Add the firms a sentence names by its Latin name in brackets or by the rating it set; `text` is folded."""
    for match in _LATIN_INSIDE.finditer(text):
        # "外资卡佛利奈恩（Caverly Nairn）证券": the Chinese name, its Latin one in brackets, then the ending
        zh = original[match.start("zh") : match.end("zh")] + original[match.start("tail") : match.end("tail")]
        add_org_zh(entities, zh, latin=match.group("latin").strip())
    for match in _RATES.finditer(text):
        # "欧系外资麦斯顿证券", "本土法人宏瀚投顾": the kind of investor before the firm's name
        org = org_before(re.sub(r"^.*?(?:外资|法人|投顾业者)(?=..)", "", match.group("subject")))
        if org and plausible_org(org, org, weak=False) and not UNNAMED_FIRM.fullmatch(org):
            at = match.start("subject") + match.group("subject").rfind(org)
            add_org_zh(entities, original[at : at + len(org)])
