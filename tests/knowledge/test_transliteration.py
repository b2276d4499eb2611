"""Latin names asked in Chinese by sound."""

from __future__ import annotations

from knowledge.speakers import Speaker, SpeakerIndex
from knowledge.transliteration import SoundIndex, han_skeleton, latin_skeleton, latin_skeletons, sound_index


def test_a_name_and_its_chinese_rendering_share_a_skeleton() -> None:
    for chinese, latin in [
        ("伦威克", "Renwick"),
        ("科利斯", "Corliss"),
        ("贝尔黑文", "Bellhaven"),
        ("卡登洛", "Cardenlow"),
        ("昆摩", "Quenmore"),
        ("鲍威尔", "Powell"),
    ]:
        assert han_skeleton(chinese) == latin_skeleton(latin), (chinese, latin)
    assert han_skeleton("科技") != latin_skeleton("Corliss")


def _index() -> SoundIndex:
    return SoundIndex(
        [
            Speaker(name="Tobias Renwick", kind="person", role="analyst", aliases=("Renwick",)),
            Speaker(name="Bellhaven Energy Analytics", kind="organization", role="research firm"),
        ]
    )


def test_a_question_in_chinese_names_the_library_s_latin_names_by_sound() -> None:
    index = _index()
    assert index.latin_for("伦威克说基板采购承诺有多少？") == "Renwick说基板采购承诺有多少？"
    assert index.latin_for("貝爾黑文統計今年發了多少債？").startswith("Bellhaven")
    # ordinary words and names the library does not have stay as written
    assert index.latin_for("公营电力公司为数据中心发了多少债？") == "公营电力公司为数据中心发了多少债？"
    assert index.latin_for("马斯克怎么看？") == "马斯克怎么看？"


def test_a_name_the_library_has_in_chinese_is_left_alone() -> None:
    assert _index().latin_for("伦威克说", known=[(0, 3)]) == "伦威克说"


def test_the_speakers_of_an_index_are_read_once() -> None:
    speakers = SpeakerIndex([Speaker(name="Tobias Renwick", kind="person", role="analyst")])
    assert sound_index(speakers) is sound_index(speakers)


def test_th_a_silent_t_and_a_closing_r_may_be_rendered_either_way() -> None:
    assert han_skeleton("尼瑞斯") in latin_skeletons("Nerith")  # th as 斯
    assert han_skeleton("托马斯") in latin_skeletons("Thomas")  # th as 托
    assert han_skeleton("西斯爾克羅夫特") in latin_skeletons("Thistlecroft")  # the t of "stle" is silent
    assert han_skeleton("福克斯摩尔") in latin_skeletons("Foxmoor")  # a closing r as 尔
    index = SoundIndex([Speaker(name="Foxmoor Capital", kind="organization", role="fund")])
    assert index.latin_for("福克斯摩尔说，银行借了多少钱？") == "Foxmoor说，银行借了多少钱？"


def test_ordinary_words_of_a_name_are_not_read_as_sounds() -> None:
    index = SoundIndex(
        [
            Speaker(name="Corliss Ratings", kind="organization", role="rating agency"),
            Speaker(name="Larchmont Growth Partners", kind="organization", role="fund"),
        ]
    )
    # "Growth" would sound like 科利斯 too; only the names' own words are indexed
    assert index.latin_for("科利斯評級認為呢？") == "Corliss評級認為呢？"


def test_an_r_inside_a_name_a_dropped_d_and_rarer_characters_are_read() -> None:
    """索尔维克 is Sorvik (an inner r as 尔), 史特兰莱特 Strandlight (the d of -and- unsaid), 奥孔乔 Okonjo and 科林代尔
    Corrindale (孔, 代, 史 are transliteration characters too)."""
    for chinese, latin in [
        ("索尔维克", "Sorvik"),
        ("史特兰莱特", "Strandlight"),
        ("奥孔乔", "Okonjo"),
        ("科林代尔", "Corrindale"),
    ]:
        assert han_skeleton(chinese) in latin_skeletons(latin), (chinese, latin)
    index = SoundIndex([Speaker(name="Maren Okonjo", kind="person", role="analyst", aliases=("Okonjo",))])
    assert index.latin_for("奥孔乔觉得明年收入能做到多少？") == "Okonjo觉得明年收入能做到多少？"


def test_more_transliteration_characters_a_silent_g_an_opening_o_and_a_longer_name_around_a_known_one() -> (
    None
):
    """夸灵顿 is Quarrington (the g of -ng- unsaid; 灵 and 顿 are sound characters), 翁德雷瓦 Ondrevar (an opening
    o as wo-), 伊尔斯沃思 Ilsworth (思 for th); 布拉肯伯里 is Brackenbury even where 伯里 is a known name."""
    index = SoundIndex(
        [
            Speaker(name="Fenella Quarrington", kind="person", role="strategist"),
            Speaker(name="Ondrevar Labs", kind="organization", role="AI developer"),
            Speaker(name="Ilsworth Teachers' Fund", kind="organization", role="pension fund"),
            Speaker(name="Ottavio Brackenbury", kind="person", role="partner"),
        ]
    )
    assert index.latin_for("夸灵顿认为呢？") == "Quarrington认为呢？"
    assert index.latin_for("翁德雷瓦园区用多少电？") == "Ondrevar园区用多少电？"
    assert index.latin_for("伊爾斯沃思基金回報多少？") == "Ilsworth基金回報多少？"
    assert index.latin_for("合伙人布拉肯伯里预期多少？", [(5, 7)]) == "合伙人Brackenbury预期多少？"
    assert index.latin_for("伯里预期多少？", [(0, 2)]) == "伯里预期多少？"  # the known name alone stays


def test_sh_dge_and_ch_are_one_sibilant_and_shi_is_read_as_in_names() -> None:
    assert han_skeleton("阿什当") in latin_skeletons("Ashdown")  # 什 is shi in a name, not shen
    assert han_skeleton("利弗塞奇") in latin_skeletons("Leversedge")
    assert han_skeleton("理查德") in latin_skeletons("Richard")
    assert han_skeleton("克里斯托弗") in latin_skeletons("Christopher")  # a ch may still be a k
    index = SoundIndex([Speaker(name="Marguerite Ashdown", kind="person", role="analyst")])
    assert index.latin_for("阿什当给的目标价是多少？") == "Ashdown给的目标价是多少？"


def test_names_sharing_a_skeleton_are_told_apart_by_their_first_vowel() -> None:
    index = SoundIndex(
        [
            Speaker(name="Bastian Holroyd", kind="person", role="rating analyst"),
            Speaker(name="Harrowlight Capital", kind="organization", role="fund manager"),
        ]
    )
    assert index.latin_for("霍尔罗伊德算过银行得亏多少？") == "Holroyd算过银行得亏多少？"
    assert index.latin_for("哈罗莱特资本怎么估值？").startswith("Harrowlight")


def test_a_name_opening_on_a_vowel_is_heard_by_two_sounds_but_not_inside_a_place() -> None:
    """'奥维尔' (ao-wei-er) is Orvelle, two consonants after an opening vowel; '爱尔兰' is Ireland, and no part of
    it is a library name."""
    index = SoundIndex(
        [
            Speaker(name="Orvelle Software", kind="organization", role="company"),
            Speaker(name="Allen Hobart", kind="person", role="analyst"),
        ]
    )
    assert index.latin_for("奥维尔的AI智能体降价后每个月多少钱") == "Orvelle的AI智能体降价后每个月多少钱"
    assert index.latin_for("奧維爾第三季營收多少") == "Orvelle第三季營收多少"
    assert index.latin_for("艾伦怎么看") == "Allen怎么看"
    assert index.latin_for("爱尔兰的数据中心") == "爱尔兰的数据中心"


def test_two_sounds_before_a_verb_of_opinion_are_a_surname_the_library_has() -> None:
    """'奎尔现在认为…' is Quayle, '主席派克提到…' Pike and '管规划的韦恩说' Venn: two sounds where a name must stand,
    when one Latin name alone sounds so (a Chinese name's pinyin, 'Wang', is never written by sound)."""
    index = SoundIndex(
        [
            Speaker(name="Margery Quayle", kind="person", role="cio"),
            Speaker(name="Rosalind Pike", kind="person", role="chair"),
            Speaker(name="Callum Venn", kind="person", role="director"),
            Speaker(name="Wang Lei", kind="person", role="analyst", aliases=("王磊",)),
        ]
    )
    assert index.latin_for("奎尔现在认为基金每年净回报能有多少？").startswith("Quayle现在认为")
    assert index.latin_for("水務委員會主席派克提到農民") == "水務委員會主席Pike提到農民"
    assert index.latin_for("电网那边管规划的韦恩说，预测里") == "电网那边管规划的Venn说，预测里"
    assert index.latin_for("奎尔是谁") == "奎尔是谁"  # no verb of opinion: two sounds may be any word


def test_an_m_before_b_a_ki_and_a_closing_c_are_heard_as_chinese_renders_them() -> None:
    """'Amberley' is 安伯利 (m as the n of 安), 'Petrakis' 佩特拉基斯 (ki as 基), 'Dravec' 德拉韦茨 (c as 茨)."""
    assert han_skeleton("安伯利") in latin_skeletons("Amberley")
    assert han_skeleton("佩特拉基斯") in latin_skeletons("Petrakis")
    assert han_skeleton("德拉韦茨") in latin_skeletons("Dravec")
    assert han_skeleton("德拉韦茨") not in latin_skeletons("Draven")
    assert han_skeleton("迪弗雷纳") in latin_skeletons("Dufresne")  # a French s before n goes unsaid


def test_a_ke_stays_a_k_so_basset_and_paskett_are_told_apart() -> None:
    """'Paskett' is 帕斯克特, not 巴塞特: only a ki is heard as 基; 巴塞特 is Basset alone."""
    assert han_skeleton("巴塞特") not in latin_skeletons("Paskett")
    assert han_skeleton("巴塞特") in latin_skeletons("Basset")


def test_a_transliteration_ending_on_a_vowel_is_the_name_ending_on_it() -> None:
    """'瓦爾馬估計…' is Varma, not the Fallmere department whose skeleton is alike: 馬 ends on the a of Varma, and
    Fallmere would be written 法尔米尔."""
    index = SoundIndex(
        [
            Speaker(name="Nikhil Varma", kind="person", role="analyst", aliases=("Varma",)),
            Speaker(name="Fallmere Department of Insurance", kind="organization", role="regulator"),
        ]
    )
    assert index.latin_for("瓦爾馬估計這份草案會讓每股盈餘少多少？").startswith("Varma")


def test_a_t_and_an_h_of_two_syllables_and_an_unsaid_closing_l_are_read() -> None:
    assert han_skeleton("哈特霍洛") in latin_skeletons("Harthollow")
    assert han_skeleton("奥德威克") in latin_skeletons("Alderwick")
    index = SoundIndex([Speaker(name="Ashenmoor Micro", kind="organization", role="chip designer")])
    assert index.latin_for("阿申摩尔到底压了多少货？").startswith("Ashenmoor")
    assert index.sounds_like("阿申摩尔微电子") == "Ashenmoor"
    assert index.sounds_like("华夏基金") is None


def test_ga_a_soft_g_a_silent_b_a_closing_re_and_m_before_v_are_heard_as_chinese_renders_them() -> None:
    """加 is ga (特斯加 Tesgar), 希 hi (希思摩尔 Hethmoor), a soft g a j (贝林奇 Berringe), a closing -mbe drops its b
    (哈尔库姆 Halcombe), a closing -re is 尔 (芬米尔 Fenmere), an m before v the n of 坦 (坦维尔 Tamvale); 连 and 品
    are characters names are written with (瓦连科 Valenko, 品代尔 Pindale)."""
    for chinese, latin in [
        ("特斯加", "Tesgar"),
        ("希思摩尔", "Hethmoor"),
        ("贝林奇", "Berringe"),
        ("哈尔库姆", "Halcombe"),
        ("芬米尔", "Fenmere"),
        ("坦维尔", "Tamvale"),
        ("瓦连科", "Valenko"),
        ("品代尔", "Pindale"),
    ]:
        assert han_skeleton(chinese) in latin_skeletons(latin), (chinese, latin)
    index = SoundIndex([Speaker(name="Pindale Flow Research", kind="organization", role="research firm")])
    assert index.latin_for("品代尔流量研究说被动基金持有多少？").startswith("Pindale")


def test_a_chinese_name_s_pinyin_and_a_first_name_do_not_take_a_surname_s_sound() -> None:
    """'克雷克' is Linnea Crake, not Greg Ashworth's first name; '彭尼克' is Pennick, not the pinyin of 彭宇 or of
    迅鹏科技 (a Chinese name is never written back by sound)."""
    index = SoundIndex(
        [
            Speaker(name="Greg Ashworth", kind="person", role="analyst"),
            Speaker(name="Linnea Crake", kind="person", role="portfolio manager", aliases=("Crake",)),
            Speaker(name="彭宇", kind="person", role="analyst", aliases=("Peng Yu",)),
            Speaker(
                name="迅鹏科技",
                kind="organization",
                role="company",
                aliases=("Xunpeng Technology", "Xunpeng"),
            ),
            Speaker(name="Marta Pennick", kind="person", role="strategist", aliases=("Pennick",)),
        ]
    )
    assert index.latin_for("克雷克的基金设的上限是多少？").startswith("Crake")
    assert index.latin_for("彭尼克說客戶虧損會有多少？").startswith("Pennick")


def test_the_u_of_qu_and_a_second_reading_of_xi_are_heard() -> None:
    """'夸希说…' is Quashie: 夸 (kua) opens on the a after qu, and 希 is read xi as well as hi."""
    index = SoundIndex([Speaker(name="Odile Quashie", kind="person", role="director", aliases=("Quashie",))])
    assert index.latin_for("夸希說大約多少比例的持有人只投了不到5000美元？").startswith("Quashie說")


def test_a_part_of_a_camel_case_brand_is_not_a_name_written_by_sound() -> None:
    """'奎尔现在认为…' is Quayle, not the "Core" of the brand CoreLattice."""
    index = SoundIndex(
        [
            Speaker(name="Margot Quayle", kind="person", role="cio", aliases=("Quayle",)),
            Speaker(name="CoreLattice", kind="organization", role="cloud company"),
        ]
    )
    assert index.latin_for("奎尔现在认为基金每年净回报能有多少？").startswith("Quayle现在认为")
