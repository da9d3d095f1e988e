"""Word tokens with offsets, robust to the glued words of scraped text.

"TheUzbekistan" and "TokayevForced" come from pages whose markup was
stripped without spaces; a lower-to-upper case change inside a word is
taken as a word boundary so that the names inside are still found.
"""
from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")


class Token(NamedTuple):
    text: str
    start: int
    end: int


def _camel_parts(word: str, offset: int) -> list[Token]:
    parts, cut = [], 0
    for i in range(1, len(word)):
        if word[i].isupper() and word[i - 1].islower() and len(word) - i > 1 and i - cut > 1:
            parts.append(Token(word[cut:i], offset + cut, offset + i))
            cut = i
    parts.append(Token(word[cut:], offset + cut, offset + len(word)))
    return parts


def tokenize(text: str, offset: int = 0) -> list[Token]:
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        if len(word) > 3 and word[0].isalpha() and not word[1:].islower() and not word.isupper():
            out.extend(_camel_parts(word, offset + m.start()))
        else:
            out.append(Token(word, offset + m.start(), offset + m.end()))
    return out
