"""Sentence spans with exact character offsets into the document text.

Rule-based: a sentence ends at ``.``, ``!`` or ``?`` (with any closing
quotes or brackets) before whitespace and a capital, digit or opening
quote, and at every line break, since scraped text puts headlines, captions
and paragraphs on lines of their own. Abbreviations do not end a sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    "st mr mrs ms dr prof gen lt col maj capt sen rep gov pres jan feb mar apr jun jul aug "
    "sep sept oct nov dec no vs etc approx dept est fig inc ltd co corp jr sr mt ft".split()
)
_END = re.compile(r"[.!?]+[\"'”’)\]»]*(?=\s+[\"'“‘(«]?[A-Z0-9À-ÖØ-Þ\u0400-\u042f])")
_INITIALS = re.compile(r"(?:\b[A-Z]\.){1,3}$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial."""
    head = text[max(0, dot - 12): dot + 1]
    if _INITIALS.search(head):
        return True
    word = re.search(r"([A-Za-z]+)\.$", head)
    return bool(word and word.group(1).lower() in ABBREVIATIONS)


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cur = [], start
    for m in _END.finditer(text, start, end):
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
            continue
        spans.append((cur, m.end()))
        cur = m.end()
    spans.append((cur, end))
    return spans


MAX_SENTENCE = 800  # characters; longer runs (unpunctuated scrapes) are cut at spaces


def _bounded(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut an overlong span at whitespace so that rules stay linear in the text."""
    spans = []
    while e - s > MAX_SENTENCE:
        cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
        cut = cut if cut > s else s + MAX_SENTENCE
        spans.append((s, cut))
        s = cut
    spans.append((s, e))
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Every non-blank sentence of ``text``, trimmed, with its offsets."""
    out: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        pieces = [p for s, e in _split_line(text, line.start(), line.end()) for p in _bounded(text, s, e)]
        for s, e in pieces:
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Sentence(s, e, text[s:e]))
    return out
