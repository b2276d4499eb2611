"""The speaker a one-sentence Chinese article quotes, for tests of how English questions find them."""

from __future__ import annotations

from knowledge.attribution import attribute_source
from knowledge.speakers import Speaker, SpeakerIndex


def quoted_in(sentence: str, language: str = "zh-Hant") -> Speaker:
    """The speaker attribution finds for the only sentence of an article."""
    speaker = attribute_source([[sentence]], language, SpeakerIndex([])).speakers[0][0]
    assert speaker is not None
    return speaker
