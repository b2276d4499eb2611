"""Find people and organizations in Chinese news text ("英伟达首席执行官黄仁勋表示", "……的报告估计")."""

from __future__ import annotations

import re

from knowledge.candidates import Candidate, title_key
from knowledge.speakers import ORG_WORDS

# Simplified script: text is folded before matching.
TITLES_ZH = [
    "首席执行官", "执行长", "行政总裁", "首席财务官", "财务长", "财务总监", "首席技术官", "技术长", "首席运营官",
    "营运长", "首席经济学家", "经济学家", "首席科学家", "首席策略师", "策略师", "分析师", "副总裁", "总裁",
    "董事长", "董事会主席", "联合创始人", "创始人", "创办人", "管理合伙人", "合伙人", "总经理", "总监",
    "基金经理", "教授", "发言人", "负责人", "投资人",
]
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛"
    "邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝"
    "路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂"
    "全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝洪")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "公孙", "慕容", "长孙", "宇文", "司徒")
# What may follow a name: a reporting verb, a time or place word, a particle, or punctuation.
_AFTER_NAME = re.compile(
    r"表示|说|称|指出|认为|强调|透露|坦言|承认|警告|提醒|预计|预测|估计|回应|解释|补充|直言|告诉|写道|宣布|提到|谈到|"
    r"重申|坚称|相信|觉得|介绍|分析|在|于|周[一二三四五六日]|星期|日前|近日|今天|今日|昨天|昨日|上周|本周|此前|早前|"
    r"曾|也|则|还|对|向|就|将|已|正|最近|接受|通过|先生|女士|博士|等|和|与|及|的|[（(，,。、；;：:“”「」\s]|$")
_LATIN_AFTER = re.compile(r"^[（(]\s*([A-Z][A-Za-z.'’ -]+?)\s*[）)]")
_DESCRIPTOR = re.compile(r"^.*(?:商|大厂|厂|机构|公司之一|之一|巨头|龙头|初创公司|公司|平台|集团旗下|旗下|券商|投行|智库)"
                         r"(?=.{2,})")
_LEADING = re.compile(r"^(?:而|但|据|不过|另外|此外|同时|其中|就连|包括|由|与|和|对|在|当|则|也|还|是|根据|按照|"
                      r"周[一二三四五六日]|今天|昨天|日前|近日|上周|本周|此前|最近|今年|去年|国内|国外|全球|美国|中国)+")
_TRAILING = re.compile(r"(?:的|发布|发表|公布|一份|份|最新|新|上周|本周|近日|日前|今年|最近|本月|上月|今天|昨天|"
                       r"周[一二三四五六日]|早前|此前)+$")
_RUN = re.compile(r"([A-Za-z0-9\u4e00-\u9fff&·.]+(?: [A-Za-z0-9&.]+)*)$")
_TITLE = re.compile("(?:" + "|".join(sorted(TITLES_ZH, key=len, reverse=True)) + ")(?:兼(?:"
                    + "|".join(sorted(TITLES_ZH, key=len, reverse=True)) + "))?")
_REPORT = re.compile(r"(?:报告|调查|研究报告)(?:中)?(?:还)?(?:估计|显示|指出|称|认为|预计|预测|发现|表示)")
_REPORT_BY = re.compile(r"(?:据|根据|按照)(?P<org>[A-Za-z0-9\u4e00-\u9fff&·. ]{2,16}?)(?:发布|公布)?的?(?:最新)?"
                        r"(?:研究)?(?:报告|调查)")
_NOT_ORG = frozenset({"该", "这份", "一份", "这", "其", "他", "她", "他们", "公司", "该机构", "机构", "报告", "研究"})


def _name_after(text: str) -> tuple[str, str | None] | None:
    """A person's name at the start of text, and a Latin spelling in brackets after it if any."""
    foreign = re.match(r"[\u4e00-\u9fff]{1,5}·[\u4e00-\u9fff]{1,6}", text)
    options: list[str] = []
    if foreign:
        first, _, rest = foreign.group(0).partition("·")
        options = [f"{first}·{rest[:n]}" for n in range(1, len(rest) + 1)]
    elif text[:2] in COMPOUND_SURNAMES:
        options = [text[:3], text[:4]]
    elif text[:1] in SURNAMES:
        options = [text[:2], text[:3]]
    for name in options:
        if len(name) >= 2 and _AFTER_NAME.match(text[len(name):]) and re.fullmatch(r"[\u4e00-\u9fff·]+", name):
            latin = _LATIN_AFTER.match(text[len(name):])
            return name, latin.group(1).strip() if latin else None
    return None


def _org_before(text: str) -> str | None:
    """The organization named right before an offset: "台湾伺服器代工大厂宏硕电子" -> "宏硕电子"."""
    text = _TRAILING.sub("", text.rstrip())
    match = _RUN.search(text)
    if not match:
        return None
    run = _LEADING.sub("", match.group(1)).strip()
    for words in ORG_WORDS.values():
        for word in words:
            if run.lower().endswith(word):
                return run[len(run) - len(word):]
    run = _DESCRIPTOR.sub("", run)
    if len(run) > 8 and not run.isascii():
        run = run[-6:]
    return run if len(run) >= 2 and run not in _NOT_ORG else None


def _descriptor(text: str) -> str | None:
    match = re.search(r"(咨询机构|研究机构|咨询公司|研究公司|市场研究机构|调研机构|智库|投行|券商)[^，,。]{0,12}$", text)
    return match.group(1) if match else None


_ROLE_EN = {"咨询机构": "consultancy", "咨询公司": "consultancy", "智库": "think tank", "投行": "investment bank",
            "券商": "brokerage"}


def _as_written(found: str, folded: str, original: str, before: int) -> str:
    """The original-script spelling of a name found in the folded text (same length) before an offset."""
    at = folded.rfind(found, 0, before)
    return original[at:at + len(found)] if at >= 0 and len(original) == len(folded) else found


def discover_chinese(text: str, original: str | None = None) -> list[Candidate]:
    """People named with their role, and organizations whose reports the article cites.

    `text` is folded to Simplified for matching; names keep the script of `original` (same length).
    """
    original = original if original is not None and len(original) == len(text) else text
    found: list[Candidate] = []
    for match in _TITLE.finditer(text):
        named = _name_after(text[match.end():])
        if named is None:
            continue
        name = original[match.end():match.end() + len(named[0])]
        latin = named[1]
        written = match.group(0).split("兼")[0]
        org = _org_before(text[:match.start()])
        org_written = _as_written(org, text, original, match.start()) if org else ""
        aliases = [name] + ([latin, latin.split()[-1]] if latin else [])
        found.append(Candidate(
            kind="person", name=latin or name, name_zh=name, aliases=aliases, title=title_key(written),
            org=org_written or None,
            role_zh=f"{org_written}{original[match.start():match.end()]}",
        ))
    spans = [(m.start(), m.end("org"), m.group("org")) for m in _REPORT_BY.finditer(text)]
    spans += [(m.start(), m.start(), text[:m.start()]) for m in _REPORT.finditer(text)]
    for start, end, before in spans:
        org = _org_before(before)
        if org is None:
            continue
        descriptor = _descriptor(text[max(0, start - 30):start])
        written = _as_written(org, text, original, end)
        found.append(Candidate(kind="organization", name=written, aliases=[written], name_zh=written,
                               role=_ROLE_EN.get(descriptor or "", "research organization"),
                               role_zh=descriptor or "研究机构"))
    return found
