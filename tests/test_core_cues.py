"""Cues: the literal word starts a trigger's every match begins with, so a sentence is scanned only by
the patterns it can match. A cue must be necessary: a missing one only costs speed, a wrong one loses events."""
import re

from orbitwatch.extract import load_vocabulary
from orbitwatch.extract.cues import cues


def test_cues_follow_groups_alternations_and_optional_words():
    assert cues(r"\bt(?:old|ells)\b") == ("tells", "told")
    assert cues(r"\b(?:deeply\s+|very\s+)?disappointed\b") == ("deeply", "disappointed", "very")
    assert cues(r"(?:(?<=\bafter )|(?<=\bbefore ))meeting\b") == ("meeting",)


def test_a_pattern_that_may_start_anywhere_has_no_cue():
    assert cues(r"\b[A-Z]\w+") is None
    assert cues(r"\b(?:\w+\s+)?signed\b") is None


def test_every_trigger_match_in_a_sentence_starts_a_word_with_one_of_its_cues():
    vocab = load_vocabulary()
    sentences = ["Russia's foreign minister met his Kazakh counterpart after meeting Xi in Beijing.",
                 "Tokayev said he was deeply disappointed by the decision and spoke with Putin by phone.",
                 "The treaty was signed by the two presidents, and the signing by Xi and Tokayev followed."]
    for text in sentences:
        words = re.findall(r"[a-z]+", text.lower())
        for t in vocab.triggers:
            if t.cues and t.pattern.search(text):
                assert any(w.startswith(c) for w in words for c in t.cues), (t.name, text)
