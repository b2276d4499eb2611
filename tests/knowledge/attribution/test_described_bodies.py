"""An organization named by the words of a description: "the region's grid operator" is the Grid Authority."""

from __future__ import annotations

from knowledge.attribution.described_bodies import PLACE_BODY, named_by_its_words
from knowledge.attribution.entities import ArticleEntities, Entity


def test_the_one_organization_whose_name_shares_the_description_s_word_and_none_when_several_do() -> None:
    entities = ArticleEntities()
    authority = entities.add(
        Entity(kind="organization", name="Tarnholm Grid Authority", forms=["Tarnholm Grid Authority"])
    )
    entities.add(Entity(kind="organization", name="Pellow Research", forms=["Pellow Research"]))
    assert PLACE_BODY.match("the region's grid operator")
    assert named_by_its_words("the region's grid operator", entities) is authority
    assert named_by_its_words("the state's power regulator", entities) is None
    rival = entities.add(
        Entity(kind="organization", name="Pellow Grid Analytics", forms=["Pellow Grid Analytics"])
    )
    assert named_by_its_words("the region's grid operator", entities) is None  # two grids: no telling
    assert (
        named_by_its_words("the region's grid operator", entities, [rival]) is rival
    )  # the one named beside it
