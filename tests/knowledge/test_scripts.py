"""Script folding: Traditional to Simplified, and Latin to lower case."""

from __future__ import annotations

from knowledge.scripts import fold, to_simplified


def test_a_rare_character_without_a_common_simplified_form_stays_as_written() -> None:
    """ "昱鋐精密": 鋐 simplifies to a character outside the common block, so the name keeps 鋐."""
    assert to_simplified("昱鋐精密董事長") == "昱鋐精密董事长"
    assert fold("臺灣Chip") == "台湾chip"
