"""People in a Chinese article: surnames, where a name ends, and adding a person named in Chinese."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_zh as lx
from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.scripts import to_simplified

SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛"
    "邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝"
    "路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂"
    "全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝洪区屠丘"
    "赖萧傅阎郁蔺邰钮鞠逯仝桓郜尉阚封储荆阙匡晁巢郦邴奚禹狄湛冼訾竺芮羿宓鄢粟缑亢扈谯庾郗"
    # rarer surnames that are no everyday word on their own (容 as in 容祖儿, 廉, 宣, 荀 …)
    "容廉皮贝伏茅宣杭嵇荀惠糜隗伊幸韶薄鄂胥闻莘贡劳逄冀濮寿慕茹宦戈暨弘禄殳沃蔚夔厍乜蒯裘凤乐厉甯亓禤郏谈雍戎揭栗"
)
COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "令狐",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    # rarer compound surnames ("淳于嵩")
    "淳于",
    "澹台",
    "公冶",
    "宗政",
    "濮阳",
    "申屠",
    "端木",
    "尉迟",
    "轩辕",
    "夏侯",
    "钟离",
    "司空",
    "呼延",
    "独孤",
    "赫连",
    "万俟",
    # Japanese family names, as Chinese business news writes the executives of Japanese companies
    "中村",
    "山下",
    "田中",
    "山本",
    "佐藤",
    "铃木",
    "高桥",
    "渡边",
    "伊藤",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "松本",
    "井上",
    "木村",
    "清水",
    "山口",
    "斋藤",
    "坂本",
    "石川",
    "前田",
    "藤田",
    "冈田",
    "后藤",
    "村上",
    "近藤",
    "青木",
    "中岛",
    "宫崎",
    "丰田",
    "柳井",
)
# Any speech verb, longest first: a name ends before one, and a clause's subject is what comes before it.
VERB = "(?:" + "|".join(sorted(lx.SPEECH_VERBS, key=len, reverse=True)) + ")"
# What may follow a person's name.
_AFTER_NAME = re.compile(
    rf"{VERB}|关于|对于|有关|等人|在|于|周[一二三四五六日]|[0-9一二三四五六七八九十]+月|本月|上月|日前|近日|今天|"
    rf"今日|昨天|昨日|昨(?=[（(])|上周|本周|较为|此前|早前|曾|也|则|还|对|向|就|将|已|正|最近|接受|通过|先生|女士|博士|"
    rf"等|和|与|及|的|会后|会上|受访|来台|来华|近期|目前|本人|持有|仍|一直|已经|早已|很少|并未|并不|没有|"
    rf"负责|主管|主导|带领|率队|率领|出席|缺席|未|亲自|兼任|[（(，,。、；;：:“”「」\s]|$"
)
# In a question a name is also followed by how it is asked about ("刘建国怎么评价…").
_AFTER_NAME_IN_QUESTION = re.compile(
    _AFTER_NAME.pattern + "|怎么|怎样|如何|为什么|为何|是否|有没有|评价|看待|说过|讲|谈|点睇|点讲|点解|有冇"
)
_LATIN_AFTER = re.compile(r"^[（(]\s*([A-Z][A-Za-zÀ-ÖØ-öø-ÿ.'’& -]+?)\s*[）)]")
_FOREIGN = re.compile(r"[\u4e00-\u9fff]{1,5}·[\u4e00-\u9fff]{1,6}")


def name_after(text: str, after: re.Pattern[str] = _AFTER_NAME) -> tuple[str, str | None] | None:
    """A person's name at the start of text, and its Latin spelling in brackets after it if any."""
    foreign = _FOREIGN.match(text)
    options: list[str] = []
    if foreign:
        first, _, rest = foreign.group(0).partition("·")
        cut = after.search(rest, 1)
        rest = rest[: cut.start()] if cut and cut.start() > 0 else rest
        options = [f"{first}·{rest[:n]}" for n in range(len(rest), 0, -1)]
    else:
        options = _surname_first(text)
    for name in options:
        if (
            len(name) >= 2
            and name not in lx.NOT_NAMES
            and re.fullmatch(r"[\u4e00-\u9fff·]+", name)
            and after.match(text[len(name) :])
            and not (foreign is None and len(name) == 2 and everyday_word(name))
        ):
            two = after.match(text[2:]) if len(name) == 3 and not foreign else None
            # "聂清和指出": a name ending in a conjunction's character is whole when a speech verb follows it
            joined = two is not None and two.group(0) in ("和", "与", "及") and re.match(VERB, text[3:])
            if two is not None and two.group(0).strip("（(，,。、；;：:“”「」 ") and not joined:
                name = name[:2]  # "周敏说": the third character starts the verb
            latin = _LATIN_AFTER.match(text[len(name) :])
            return name, latin.group(1).strip() if latin else None
    return None


def everyday_word(word: str) -> bool:
    """Whether a two-character word is one Chinese writes every day ("应用", "金额"), not a name (王芳, 李娜)."""
    from knowledge.zh_dictionary import tokenizer  # memory-mapped: only once a candidate name needs it

    frequencies = tokenizer().FREQ
    return word in frequencies and frequencies[word] >= _EVERYDAY


# jieba's count above which a surname-led pair is a word: 应用 8796, 金额 1292; 李娜 438, 王芳 0
_EVERYDAY = 1000


def _surname_first(text: str) -> list[str]:
    """The names a text may open with, longest first: a surname and one or two characters ("欧阳" takes two)."""
    if text[:2] in COMPOUND_SURNAMES:
        return [text[:4], text[:3]]
    if to_simplified(text[:5]).startswith(tuple(lx.EXCHANGE_LETTERS)):
        return []  # "关注函指出": an exchange's letter, not a Mr Guan
    return [text[:3], text[:2]] if text[:1] in SURNAMES else []


def repeated_name_after(text: str, article: str, before: str = "") -> tuple[str, str | None] | None:
    """A name right after a title, whatever verb follows it ("分析师简伯川抛出一个问题"), when the article writes it
    again: a surname and one or two characters, the longest the article repeats, or three characters whatever the
    surname (`before`: the title they follow)."""
    for name in _surname_first(text):
        if (
            re.fullmatch(r"[\u4e00-\u9fff]+", name)
            and name not in lx.NOT_NAMES
            and not re.search(VERB, name)
            and article.count(name) >= 2
        ):
            return name, None
    # "分析員利俊謙在電話會上追問 … 利俊謙會後向本報表示": three characters after a title, written again, are a name
    # whatever its surname (利, 冼 and many Cantonese surnames are not on the list)
    name = text[:3]
    if (
        re.fullmatch(r"[\u4e00-\u9fff]{3}", name)
        and name not in lx.NOT_NAMES
        and not re.search(VERB, name)
        and not everyday_word(name[:2])
        and not everyday_word(name[1:])
        # ("…负责人工智能…": the title's last character and the first one make a word, 人工)
        and not everyday_word(before[-1:] + name[0])
        and _AFTER_NAME.match(text[3:])
        and article.count(name) >= 2
    ):
        return name, None
    return None


def person_at(text: str) -> str | None:
    """The Chinese person's name a text starts with ("刘建国怎么评价…" -> "刘建国"), if it starts with one."""
    named = name_after(text, _AFTER_NAME_IN_QUESTION)
    return named[0] if named else None


def add_person_zh(
    entities: ArticleEntities,
    written: str,
    *,
    latin: str | None = None,
    title: str | None = None,
    org: str | None = None,
) -> Entity:
    """Add a person named in Chinese (and in Latin letters if the article gives them)."""
    forms = [written] + ([latin] if latin else [])
    short: tuple[str, ...] = ()
    if "·" in written:
        short = (written.split("·")[-1],)
    if latin and " " in latin:
        short += (latin.split()[-1],)
    gender = "f" if title and "女" in title else None
    person = Entity(
        kind="person",
        name=latin or written,
        forms=forms,
        name_zh=written,
        title=title,
        org=org,
        role_zh=f"{org or ''}{title or ''}" or None,
        gender=gender,
    )
    return entities.add(person, short=short)
