"""Companies a Chinese article names only in passing, written again and again as a brand and a company ending."""

from __future__ import annotations

from knowledge.attribution import attribute_source
from knowledge.speakers import SpeakerIndex


def test_a_listed_company_named_only_in_passing_speaks_through_its_filings_and_its_chairman() -> None:
    """'概念股菁岚电子…停牌' and '菁岚电子原主业…' make 菁岚电子 the company whose '公司公告' and chairman speak."""
    text = [
        ["因股价涨幅过大，“AI概念”股菁岚电子自11月3日起停牌核查。", "菁岚电子原主业为汽车线束。"],
        ["10月28日，公司公告与翎澈智算签订框架协议，协议总金额不超过9亿元。"],
        ["交易所随即下发问询函，要求公司说明协议的履约能力。"],
        ["回复公告显示，截至9月底公司账面货币资金约1.2亿元。"],
        ["董事长邝牧之在接受本报记者采访时表示，今年相关收入预计不超过1500万元。"],
        ["据研究机构蔚川数据统计，今年以来共有29家公司收到问询函，平均上涨1.2倍。"],
        ["公司公告称，股票将于11月20日复牌。"],
    ]
    result = attribute_source(text, "zh-Hans", SpeakerIndex([]))
    who = [(s.name_zh or s.name) if s else None for row in result.speakers for s in row]
    assert who[2] == "菁岚电子"  # "公司公告与…签订": the company's own filing
    assert who[3] is None  # the exchange asks; no firm is called 要求公司
    assert who[4] == "菁岚电子"  # its reply to the inquiry letter
    chairman = result.speakers[4][0]
    assert chairman is not None and chairman.positions[0][1] == "菁岚电子"
    assert who[6] == "蔚川数据"
    assert who[7] == "菁岚电子"  # the company again, not the research firm that counted just before


def test_a_sector_written_twice_is_no_company() -> None:
    """'消费电子' twice is the consumer-electronics sector, not a company called 消费电子."""
    text = [["消费电子需求疲弱，分析师邝牧之表示，消费电子库存仍高达20%。", "他说，今年出货或下滑5%。"]]
    result = attribute_source(text, "zh-Hans", SpeakerIndex([]))
    names = {s.name_zh or s.name for s in [*result.quoted, *result.mentioned]}
    assert "消费电子" not in names
