"""Names a lower-case question uses: the words the library writes only capitalized, and which articles write them."""

from __future__ import annotations

from knowledge.passages import Passage
from knowledge.proper_names import LibraryNames


def _passage(source: str, text: str) -> Passage:
    return Passage(id=f"{source}:1.1", source_id=source, paragraph=1, sentence=1, text=text)


def test_a_lower_case_question_names_a_campus_the_library_writes_capitalized() -> None:
    names = LibraryNames(
        [
            _passage("mabry", "The commission approved an abatement for the Corrin Ridge campus in October."),
            _passage("mabry", "Power demand on the ridge has risen, the co-op said."),
            _passage("seed", "OpenAI wants 250 GW of computing capacity by 2033."),
        ]
    )
    # "ridge" is also written in lower case and "October" is the calendar: neither names anything
    assert names.in_question("how much power will corrin ridge need in october?") == ["corrin"]
    assert names.names_in("mabry", "corrin") and not names.names_in("seed", "corrin")


def test_a_word_of_the_trade_written_only_inside_a_name_is_no_name() -> None:
    names = LibraryNames([_passage("a", "The loan went to Pellmore Compute, the landlord said.")])
    assert names.in_question("how much compute did pellmore rent?") == ["pellmore"]


def test_a_sentences_first_word_is_not_taken_for_a_name() -> None:
    names = LibraryNames([_passage("a", "Revenue rose 9%. Analysts expected more from Kelbrook.")])
    assert names.in_question("what revenue did kelbrook report?") == ["kelbrook"]
