"""Latin names written in Chinese by sound: "伦威克" is Renwick, "贝尔黑文" Bellhaven, "卡登洛" Cardenlow.

Chinese press renders a foreign name syllable by syllable with a small set of characters. Both spellings are reduced
to the same rough skeleton of consonant classes (b/p, d/t, g/k, l/r, f/v/w, the sibilants, m, n, h), and a run of
such characters in a question that sounds like a name in the library is read as that name.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable

from knowledge.attribution import lexicon_zh as zh_lexicon
from knowledge.attribution.org_tails_en import ORG_TAILS
from knowledge.measures import find_measures
from knowledge.places import place_spans
from knowledge.scripts import to_simplified
from knowledge.speakers import Speaker, SpeakerIndex
from knowledge.unknown_names import pinyin_word

# Characters of the Xinhua transliteration tables (simplified), the ones names are spelt with.
_SOUND_CHARS = frozenset(
    "阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕宾波伯博布查达戴丹道德登迪蒂丁东杜敦多厄恩尔法凡范菲费芬丰"
    "弗福夫盖甘冈戈格根贡古瓜圭哈海汉豪赫黑亨洪胡华霍基吉加贾杰金卡凯坎康考柯科克肯库奎拉莱兰朗劳勒雷蕾"
    "里利莉丽列林琳隆卢鲁伦罗洛吕马迈麦曼芒梅门蒙米密明莫姆穆纳奈南瑙内尼宁纽努诺欧帕潘庞佩彭皮珀普奇齐"
    "恰乔琼丘萨塞桑瑟森沙莎尚舍什施斯索苏泰坦汤唐陶特提汀廷通图托瓦万旺威韦维温沃乌伍武西希锡夏谢辛休"
    "雅亚扬耶伊英尤约詹泽扎兹佐卓泽祖斐菲怀霍惠杰捷克肖文瑞茨策赛若沃拉诺埃蒂娜娅妮琪尔昆坤摩塔哥歌葛高迦伽嘉佳色梭素"
    "孔代史舒席黛璐琦韩汉夸芙薇茜玛露洁珊朵黎勃雯娃萝丝"
    "思赞翁灵顿茨邓冯京屈钦津琴沁绍邵顺滕腾默墨慕罕翰赖蔡狄帝俄鄂伐甫噶革喀楞廉烈仑茂蜜敏涅泼儒赛圣诗丝陀"
    "魏歇雍哲珍芝珠宗泊玻芭堡柴慈拜堪坚简君当理派申连品"
)
# The characters transliterations of foreign names are written with (a name hiding in a longer one ends with one).
SOUND_CHARS = _SOUND_CHARS
_RUN = re.compile("[" + "".join(sorted(_SOUND_CHARS)) + "]{2,8}")

# Characters whose everyday reading is not the one a transliteration gives them ("阿什当" is a-shi-dang, 加 renders
# "ga" as in 加里蒂 Garrity, 希 "he" or "hi" as in 希思 Heath).
_READINGS = {"什": "shi", "茜": "xi", "加": "ga", "迦": "ga", "伽": "ga", "希": "hi"}
# …and the reading a name may still give them (夸希 Quarshie: 希 as "shi").
_SECOND_READINGS = {"希": "xi"}

# Pinyin initials (and English consonants) by the class a transliteration keeps them in.
_CLASSES = {
    **dict.fromkeys("bp", "B"),
    **dict.fromkeys("dt", "D"),
    **dict.fromkeys("gk", "K"),
    **dict.fromkeys("lr", "L"),
    **dict.fromkeys("fvw", "F"),
    **dict.fromkeys("sxzjqc", "S"),
    "m": "M",
    "n": "N",
    "h": "H",
}
_VOWELS = set("aeiouy")
_MIN_SKELETON = 3  # two sounds match too many names by chance


def han_skeleton(written: str, *, second: bool = False) -> str:
    """The consonant skeleton of a Chinese transliteration: "伦威克" (lun wei ke) -> "LNFK" (`second`: with the
    second reading of a character that has two in names)."""
    from pypinyin import lazy_pinyin  # its dictionaries take ~0.7 s to load: only when a question needs it

    codes = []
    simplified = to_simplified(written)
    syllables = lazy_pinyin(simplified)
    readings = {**_READINGS, **_SECOND_READINGS} if second else _READINGS
    if len(syllables) == len(simplified):
        syllables = [
            readings.get(char, syllable) for char, syllable in zip(simplified, syllables, strict=True)
        ]
    for syllable in syllables:
        if syllable == "er":  # 尔 renders an l or r
            codes.append("L")
            continue
        initial = re.match(r"zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]", syllable)
        if initial and initial.group(0) not in ("y",):
            codes.append(_CLASSES.get(initial.group(0)[0], ""))
        if syllable.endswith(("n", "ng")) and not (initial and initial.end() == len(syllable)):
            codes.append("N")
    return _collapse(codes)


def latin_skeletons(word: str) -> set[str]:
    """Every skeleton a Latin name may be rendered with: "th" is 特 in Thomas (托马斯) but 斯 in Nerith (尼瑞斯), and a
    closing r is dropped (Cardenlow's "Car-") or rendered 尔 (福克斯摩尔, Foxmoor)."""
    found = {latin_skeleton(word, th=th, closing_r=r) for th in ("t", "s") for r in (False, True)}
    if "th" in word.lower():  # "Harthollow" is 哈特霍洛: Hart-hollow, a t and an h of two syllables
        found.add(latin_skeleton(word, th="th"))
    # "Alderwick" is 奥德威克: an l closing a syllable may go unsaid, as an r does
    dropped = re.sub(r"(?<=[aeiou])l(?=[^aeiouyl])", "", word.lower())
    if dropped != word.lower():
        found |= {latin_skeleton(dropped, th=th) for th in ("t", "s")}
    if "ch" in word.lower():  # "Christopher" 克里斯托弗: a ch may be a k
        found |= {latin_skeleton(word, th=th, ch="k") for th in ("t", "s")}
    # "Gridmere" 格里德米尔: a closing r (before a silent e) as 尔
    if re.search(r"[aeiou]re?$", word.lower()):
        found |= {f"{skeleton}L" for skeleton in found if not skeleton.endswith("L")}
    # "Strandlight" is 史特兰莱特: a d or t closing "-and-" before another consonant goes unsaid, and so is the
    # g of "-ng" (Quarrington 夸灵顿, Armstrong 阿姆斯特朗)
    # …and a French s before n (Dufresne 迪弗雷纳)
    for unsaid in (r"(?<=n)[dt](?=[^aeiouy])", r"(?<=n)g(?=[^aeiouy]|$)", r"(?<=[aeiou])s(?=n)"):
        found |= {latin_skeleton(re.sub(unsaid, "", word.lower()), th=th) for th in ("t", "s")}
    # "Petrakis" is 佩特拉基斯 (a ki as ji), "Dravec" 德拉韦茨 (a closing c as ts), "Gorringe" 戈林奇 (a soft g),
    # "Wexcombe" 韦克斯库姆 (the silent b of a closing -mb)
    for written, heard in ((r"k(?=i)", "j"), (r"c$", "z"), (r"g(?=[eiy])", "j"), (r"(?<=m)b(?=e?$)", "")):
        if re.search(written, word.lower()):
            found |= {latin_skeleton(re.sub(written, heard, word.lower()), th=th) for th in ("t", "s")}
    # "Amberley" is 安伯利, "Semvista" 森维斯塔: an m closing a syllable heard as the n of 安 or 森
    found |= {re.sub(r"M(?=[BF])", "N", skeleton) for skeleton in found}
    if (
        word[:1].lower() in "ou"
    ):  # "Ondrevar" is 翁德雷瓦, "Ulverston" 乌尔弗斯顿: an opening o or u as wo-, wu-
        found |= {f"F{skeleton}" for skeleton in found if not skeleton.startswith("F")}
    return found


def latin_skeleton(word: str, th: str = "t", *, closing_r: bool = False, ch: str = "j") -> str:
    """The consonant skeleton of a Latin name as Chinese would render it: "Renwick" -> "LNFK", "Corliss" -> "KLS";
    with `closing_r`, an r that closes a syllable inside the word is rendered too (Sorvik: 索尔维克)."""
    w = re.sub(r"[^a-z]", "", word.lower())
    w = re.sub(r"stl", "sl", w)  # "Thistlecroft", "Castle": a silent t
    # "Ashdown" 阿什当, "Leversedge" 利弗塞奇, "Richard" 理查德: one sibilant sound each
    for spelled, sound in (
        ("ph", "f"),
        ("gh", ""),
        ("ck", "k"),
        ("qu", "k"),
        ("x", "ks"),
        ("th", th),
        ("sh", "s"),
        ("dge", "j"),
        ("tch", "j"),
        ("ch", ch),
    ):
        w = w.replace(spelled, sound)
    w = re.sub(r"c(?=[eiy])", "s", w).replace("c", "k")
    w = re.sub(r"(.)\1", r"\1", w)
    if len(w) > 3 and w.endswith("e") and w[-2] not in _VOWELS:
        w = w[:-1]  # "Quenmore": a silent final e
    codes = []
    for at, letter in enumerate(w):
        if letter in _VOWELS:
            continue
        before = w[at - 1] if at else ""
        after = w[at + 1] if at + 1 < len(w) else ""
        if letter == "r" and before in _VOWELS and after not in _VOWELS and not (closing_r and after):
            continue  # "Cor-liss", "Car-denlow": an r closing a syllable is not rendered
        if letter in "wh" and before in _VOWELS and after not in _VOWELS:
            continue  # "Cardenlow", "Noah": a glide after a vowel
        codes.append(_CLASSES.get(letter, ""))
    return _collapse(codes)


# The Latin vowels a pinyin vowel renders: 霍 (huo) is Ho-, 哈 (ha) Ha-, 利 (li) Le- or Li-.
_VOWELS_HEARD = {"a": "a", "o": "ou", "e": "eiua", "i": "iey", "u": "uo", "v": "uei", "ao": "ao", "ai": "aie"}


def first_vowel(written: str) -> str:
    """The Latin vowels the first syllable of a transliteration may be spelled with ("霍尔罗伊德" -> "ou")."""
    from pypinyin import lazy_pinyin

    syllable = lazy_pinyin(to_simplified(written[:1]))[0]
    final = re.sub(r"^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])", "", syllable) or syllable
    if len(final) > 1 and final[0] in "ui" and final[1] in "aoe":
        final = final[1:]  # "uo", "ia", "ie": the vowel heard is the second
    # 奥 (ao) is heard as O- too, 派 (pai) as Pi- (Pike)
    return _VOWELS_HEARD.get(final[:2], _VOWELS_HEARD.get(final[:1], "aeiou"))


_VOWEL_LED = "V"  # marks a skeleton of two sounds after an opening vowel ("奥维尔" VFL, "Orvelle")


def _opens_on_vowel(written: str) -> bool:
    """Whether a transliteration's first syllable has no consonant (奥 ao, 艾 ai, 欧 ou, 埃 ai)."""
    from pypinyin import lazy_pinyin

    syllable = lazy_pinyin(to_simplified(written[:1]))[0]
    return syllable[:1] in "aoe"


def _vowels(word: str) -> str:
    """A Latin name's vowels."""
    return re.sub(r"[^aeiouy]", "", word.lower())


def _opens_with(word: str, heard: str) -> bool:
    """Whether a Latin name's first vowel is one of those heard; after "qu" the next one counts too ("Quarshie" is
    夸希, kua, as "Quayle" is 奎尔, kui)."""
    vowels = _vowels(word)
    return vowels[:1] in heard or (word.lower().startswith("qu") and vowels[1:2] in heard)


def _collapse(codes: Iterable[str]) -> str:
    out: list[str] = []
    for code in codes:
        if code and (not out or out[-1] != code):
            out.append(code)
    return "".join(out)


def _common(word: str) -> bool:
    """Whether a capitalized word of a name is an ordinary word of the trade ("Growth", "Partners", "Capital")."""
    return word.lower() in ORG_TAILS or bool(find_measures(word))


class SoundIndex:
    """The library's Latin names by their skeleton, for reading Chinese transliterations in questions."""

    def __init__(self, speakers: Iterable[Speaker]) -> None:
        by_skeleton: dict[str, set[str]] = {}
        short: dict[str, set[str]] = {}
        given: set[str] = set()
        for speaker in speakers:
            chinese = bool(speaker.name_zh) or not all(a.isascii() for a in (speaker.name, *speaker.aliases))
            # "Xunpeng" of 迅鹏科技, "Peng" of 彭…: a Chinese name's pinyin is never written back in Chinese by sound
            native = any(not a.isascii() and "·" not in a for a in (speaker.name, *speaker.aliases))
            if speaker.kind == "person" and " " in speaker.name and speaker.name.isascii():
                given.add(speaker.name.split()[0])
            for form in (speaker.name, *speaker.aliases):
                if not form.isascii():
                    continue
                # ("CoreWeave" is one brand: no "Core" of it is written by sound)
                for word in re.findall(r"\b[A-Z][a-z]{3,}\b", form):
                    if _common(word) or (native and pinyin_word(word.lower())):
                        continue  # "Larchmont Growth Partners": only its own name is written by sound
                    for skeleton in latin_skeletons(word):
                        if len(skeleton) >= _MIN_SKELETON:
                            by_skeleton.setdefault(skeleton, set()).add(word)
                        elif len(skeleton) == _MIN_SKELETON - 1:
                            if word[0] in "AEIOU":
                                # "Orvelle" is 奥维尔: a name opening on a vowel is heard by its first syllable too
                                by_skeleton.setdefault(_VOWEL_LED + skeleton, set()).add(word)
                            if not chinese:  # "Wang" of 王…: a Chinese reader writes that name as is
                                short.setdefault(skeleton, set()).add(word)
        self._words = by_skeleton
        self._short = short  # two sounds: read as a name only where a name must stand (see `latin_for`)
        self._given = given  # "Greg" of Greg Brockman: a question names a foreigner by surname

    def _word(self, written: str) -> str | None:
        """The library name a transliteration sounds like: one with its skeleton, or, when several share it
        ("霍尔罗伊德": Holroyd or Harrowlight), the one whose first vowel is the first syllable's."""
        first, second = han_skeleton(written), han_skeleton(written, second=True)
        found = self._word_heard(written, first)
        return found if found is not None or second == first else self._word_heard(written, second)

    def _word_heard(self, written: str, skeleton: str) -> str | None:
        """The library name a transliteration heard with this skeleton is, if one alone fits."""
        vowel_led = len(skeleton) == _MIN_SKELETON - 1 and _opens_on_vowel(written)
        words = self._words.get(_VOWEL_LED + skeleton if vowel_led else skeleton)
        if not words:
            return None
        if len(words) > 1 or vowel_led:  # two sounds and a vowel: the vowel must be the name's too
            heard = first_vowel(written)
            words = {w for w in words if _opens_with(w, heard)}
        if len(words) > 1:  # "克雷克" is Crake, not Greg Brockman's first name
            words = (words - self._given) or words
        if len(words) > 1 and not re.search(r"[尔爾儿兒]$", written):
            # "瓦尔马": Varma, not Fallmere, which would end on another vowel (法尔米尔)
            last = first_vowel(written[-1:])
            ending = {w for w in words if _vowels(w)[-1:] in last}
            words = ending or words
        return next(iter(words)) if len(words) == 1 else None

    def sounds_like(self, written: str) -> str | None:
        """The library name a Chinese name opens with by sound ("索雷爾蓋特", "奥德威克互助保险"), if one alone fits."""
        run = _RUN.match(to_simplified(written))
        if run is None or len(han_skeleton(run.group(0))) < _MIN_SKELETON:
            return None
        return self._word(run.group(0))

    def latin_for(self, text: str, known: Iterable[tuple[int, int]] = ()) -> str:
        """The text with every transliterated library name written in Latin ("伦威克说…" -> "Renwick说…"), except
        inside the `known` spans (names the library already has in Chinese)."""
        text = self._speaking_surname(text, known)
        if not self._words:
            return text
        spans = list(known)
        # "爱尔兰" is Ireland, whatever library name it or a part of it sounds like
        taken = {i for start, end in [*spans, *place_spans(text)] for i in range(start, end)}
        simplified = to_simplified(text)
        out, last = [], 0
        for run in _RUN.finditer(simplified if len(simplified) == len(text) else text):
            at = run.start()
            while at < run.end() - 1:
                if at in taken:
                    at += 1
                    continue
                found = next(
                    (
                        (end, word)
                        for end in range(min(run.end(), at + 8), at + 1, -1)
                        if _leaves_whole(spans, at, end) and (word := self._word(text[at:end])) is not None
                    ),
                    None,
                )
                if found is None:
                    at += 1
                    continue
                end = found[0]
                while (
                    end - at > 2
                    and han_skeleton(text[end - 1])  # a vowel's character (亚, 伊) ends a name unheard
                    and han_skeleton(text[at : end - 1]) == han_skeleton(text[at:end])
                ):
                    end -= 1  # "伊尔斯沃思基金": 基 adds no sound to the name, it starts 基金
                found = (end, found[1])
                out += [text[last:at], found[1]]
                last = at = found[0]
        return "".join(out) + text[last:]

    def _speaking_surname(self, text: str, known: Iterable[tuple[int, int]]) -> str:
        """'奎尔现在认为…': two sounds opening a question before a verb of opinion are a surname (Quayle), when one
        library name alone sounds so and its first vowel is the syllable's."""
        simplified = to_simplified(text)
        match = _SURNAME_SPEAKING.search(simplified) if len(simplified) == len(text) else None
        if match is None or any(s < match.end(1) and match.start(1) < e for s, e in known):
            return text
        at = match.start(1)
        written = text[at : at + 2]
        heard = first_vowel(written)
        words = {
            w
            for skeleton in {han_skeleton(written), han_skeleton(written, second=True)}
            for w in self._short.get(skeleton, set())
            if _opens_with(w, heard)
        }
        return f"{text[:at]}{next(iter(words))}{text[at + 2 :]}" if len(words) == 1 else text


# A two-character name opening a question before what it thinks or said ("奎尔现在认为", "派克提到").
# ("水务委员会主席派克提到": after a title too)
_SURNAME_SPEAKING = re.compile(
    "(?:^|的|(?:" + "|".join(sorted(zh_lexicon.TITLES, key=len, reverse=True)) + "))"
    "([" + "".join(sorted(_SOUND_CHARS)) + "]{2})(?=(?:现在|目前|此前|之前|当时|曾经?|也|还|则|又)?"
    "(?:认为|表示|说|称|估计|觉得|提到|指出|透露|预计|怎么看))"
)


def _leaves_whole(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a stretch of text keeps every known name whole: it misses each, or spells out a longer name around
    it ("布拉肯伯里" is Brackenbury, not someone called 伯里)."""
    return all(
        end <= known_start
        or known_end <= start
        or (start <= known_start and known_end <= end and end - start > known_end - known_start)
        for known_start, known_end in spans
    )


_INDEXES: weakref.WeakKeyDictionary[SpeakerIndex, SoundIndex] = weakref.WeakKeyDictionary()


def sound_index(speakers: SpeakerIndex) -> SoundIndex:
    """The sound index of a speaker index, built once."""
    found = _INDEXES.get(speakers)
    if found is None:
        found = _INDEXES[speakers] = SoundIndex(speakers.speakers)
    return found
