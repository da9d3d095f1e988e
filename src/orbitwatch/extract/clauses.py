"""Clause structure without a parser: where clauses start, which spans are
embedded (relative, temporal and parenthetical clauses), and which triggers
a sentence holds.

These approximations are what lets "Armenia, after the CSTO refused to help,
cancelled the drills" give Armenia as the one who cancelled.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .vocabulary import Trigger, Vocabulary

_BOUNDARY = re.compile(
    r";|:\s|\s[–—-]\s|,\s*(?:and|but|while|whereas|yet|so)\s|\bthat\b|\bwhile\b|\bwhereas\b|\bbut\b|[“”\"]"
)
_ABSORBED = re.compile(r"^[^,;.:]{0,50}?\b(?:to|on|for|against)\b[^,;.:]{0,25}$")
_COORDINATED_VERB = re.compile(r"\s(?:and|but)\s+(?:then\s+|later\s+|also\s+)?$", re.I)
_REASON = re.compile(r"\b(?:for|of|over)\s*$", re.I)
_SAME_COMPLEMENT = re.compile(r"[^,;.:]{0,40}?\s(?:and|or)\s+(?:to\s+)?", re.I)
_MEANS_OF_CHARGE = re.compile(r"\bof\s+[\w'’-]+ing\b[^,;.:]{0,50}?\bby\s*$", re.I)
_NOUN_REASON = re.compile(r"\bfor\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}$", re.I)
_OPEN_END = re.compile(r"\b(?:to|on|for|that)\s*$", re.I)
_SUBORDINATE = re.compile(r"\b(?:after|before|when|because|since|although|though|until|once|while|whereas)\b", re.I)
_DIRECT_OBJECT = re.compile(r"^\s*(?:(?:a|an|the|its|his|her|their|planned|scheduled|joint|official|state)\s+)*$", re.I)


@dataclass(frozen=True)
class Hit:
    """A trigger found in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    trigger: Trigger
    reason_of: "Hit | None" = None  # "praised X for taking in refugees": X is this hit's actor


# "days after", "shortly before": how long before or after, then the opener itself
_TIME_PREFIX = r"(?:(?:[\w-]+\s+)?(?:days?|weeks?|months?|hours?|years?)\s+(?=after|before)|(?:shortly|soon|just|long)\s+(?=after|before))"


@lru_cache(maxsize=4)
def _embedded_pattern(openers: tuple[str, ...], initial: tuple[str, ...], irregular: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(openers)
    first = "|".join(openers) + "|(?:" + "|".join(initial) + r")\s+(?:a|an|the|his|her|its|their)"
    finite = (r"(?:(?!(?:and|but)\b(?!\s+(?-i:[A-Z]))|(?:that|which|who)\b)[\w'’-]+\s+){0,6}?"  # "after the leaders of A and B signed"
              # (not across "that": "told reporters after the talks that the protocol confirmed ...")
              rf"(?:[a-z-]+ed|said|was|were|had|did|{'|'.join(irregular)})\b")
    return re.compile(
        rf"\([^()]*\)|,\s*{_TIME_PREFIX}?(?:{alt})\b[^,;:]*(?=,|;|$)|^(?:{first})\b[^,;:]*(?=,)"  # ", days after Putin visited"
        rf"|^according\s+to\b[^,;:]*(?=,)"  # "According to the Kremlin, Putin and Aliyev ..."
        rf"|(?<=,\s)(?:{'|'.join(initial)})\s+(?:a|an|his|her|its|their)\b[^,;:]*(?=,)"  # "Last month, on a visit to X, ..."
        rf"|(?<=\s)(?<!\bhas\s)(?<!\bhave\s)(?<!\bhad\s)(?<!\bever\s)"  # "has since complained" is no clause
        rf"(?:after|before|when|because|although|though|until|once|since|if|unless)\s+{finite}[^,;:]*", re.I
    )


def embedded_spans(text: str, vocab: Vocabulary) -> list[tuple[int, int, str]]:
    """Spans of embedded clauses as (start, end, opener word)."""
    pattern = _embedded_pattern(tuple(vocab.grammar["embedded_openers"]), tuple(vocab.grammar["initial_openers"]),
                                tuple(vocab.grammar["irregular_verbs"]))
    spans = []
    for m in pattern.finditer(text):
        if m.group(0).startswith("(") and len(m.group(0).split()) <= 3:
            continue  # "(CSTO)", "(DPR)": an apposition, not a clause
        opener = re.match(rf"[\s,(]*{_TIME_PREFIX}?([\w]+)", m.group(0))
        end = m.end()
        named = _APPOSITIVE_NAME.match(text, end) if _SUBORDINATOR_START.match(m.group(0)) else None
        if named:  # "When Georgia's prime minister, Irakli Garibashvili, met Xi, ...": the name is the clause's
            nxt = re.compile(r"[,;]").search(text, named.end())
            end = nxt.start() if nxt else len(text)
        tail = _LIST_TAIL.match(text, end) if not m.group(0).startswith("(") \
            and not m.group(0).lower().startswith("according") else None
        if tail and not _NAME_END.search(text, 0, end):
            tail = None  # "During a visit in January 2024, Mirziyoyev and Xi raised ...": the list is the subject
        if tail:  # "where X met the presidents of Kazakhstan, Kyrgyzstan and Uzbekistan for ...": a list, not the end
            nxt = re.compile(r"[,;]").search(text, tail.end())
            end = nxt.start() if nxt else len(text)
        spans.append((m.start(), end, opener.group(1).lower() if opener else ""))
    return spans


_NAME = r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*"
_APPOSITIVE_NAME = re.compile(r",\s*(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3},\s*"
                              r"(?=(?!(?:then|the|a|an|who|which|former|now|its|his|her|their)\b)[a-z])")
_SUBORDINATOR_START = re.compile(r"[\s,]*(?:when|after|before|while|as|although|though|because|since|once)\s", re.I)
_NAME_END = re.compile(r"(?-i:[A-Z])[\w'’-]*\s*$")
_LIST_TAIL = re.compile(rf",\s*{_NAME}(?:,\s*{_NAME})*,?\s+(?:and|or)\s+{_NAME}")


def clause_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _BOUNDARY.finditer(text)]


def clause_of(starts: list[int], pos: int, length: int) -> tuple[int, int]:
    lo = max(s for s in starts if s <= pos)
    later = [s for s in starts if s > pos]
    return lo, (min(later) if later else length)


def _in_compound(text: str, start: int) -> bool:
    """A match that starts inside a hyphenated word is no verb ("the early-warning radar")."""
    return start > 1 and text[start - 1] == "-" and text[start - 2].isalpha()


def find_triggers(text: str, vocab: Vocabulary) -> list[Hit]:
    """Non-overlapping trigger hits, longest first, then in lexicon order."""
    triggers = vocab.triggers
    hits = [Hit(m.start(), m.end(), triggers[i]) for i in vocab.candidate_triggers(text)
            for m in triggers[i].pattern.finditer(text)
            if not _in_compound(text, m.start())
            and (triggers[i].before is None or triggers[i].before.search(text[max(0, m.start() - 160):m.start()]))]
    order = vocab.trigger_order
    hits.sort(key=lambda h: (-(h.end - h.start), order[id(h.trigger)]))
    kept: list[Hit] = []
    for h in hits:
        if all(h.end <= k.start or h.start >= k.end for k in kept):
            kept.append(h)
    kept.sort(key=lambda h: h.start)
    return _drop_absorbed(text, kept)


def _drop_absorbed(text: str, hits: list[Hit]) -> list[Hit]:
    """"agreed to expand ties" is one AGREE: the complement is not a second event
    (but an agreement to lend or give is the aid itself).
    The reason of praise is kept as an event of the one praised ("praised
    Poland for taking in refugees": Poland took them in)."""
    out: list[Hit] = []
    absorbed: list[Hit] = []
    for h in hits:
        outer = next((p for p in out if p.end <= h.start and _absorbs(
            p, text[p.start:p.end], text[p.end:h.start], text[h.start:h.end])), None)
        if outer is None and absorbed and absorbed[-1].end <= h.start \
                and _SAME_COMPLEMENT.fullmatch(text[absorbed[-1].end:h.start]) \
                and not re.match(r"\w+(?:ed|[^s]s)\b", text[h.start:h.end]):  # ("... and called on Seoul": the subject's own verb)
            absorbed.append(h)  # "signed protocols to establish relations and reopen their border": both the content
            continue
        if outer is None:
            out.append(h)
        elif outer.trigger.type == "AGREE" and (h.trigger.type in ("CONCEDE", "SANCTION", "COERCE") or (
                h.trigger.type == "AID" and h.trigger.channel == "economic")):
            out[out.index(outer)] = h  # "agreed to lend Venezuela 20 billion dollars": the loan is the event;
            # "agreed to hand the islands to Saudi Arabia": the concession; "ministers agreed to ban arms
            # sales to Uzbekistan": the sanction
            # (but "agreed to supply Armenia with howitzers" is an arms deal)
        elif outer.trigger.type == "SUPPORT" and (_REASON.search(text[outer.end:h.start])
                                                  or _NOUN_REASON.search(text[outer.end:h.start])) \
                and (h.trigger.type not in ("SUPPORT", "ACCUSE")
                     or (h.trigger.type == "SUPPORT" and re.match(r"\w+ing\b", text[h.start:h.end])
                         and re.search(r"\bfor\s*$", text[outer.end:h.start]))):  # "for standing by Doha"
            out.append(Hit(h.start, h.end, h.trigger, outer))  # "thanked India for the credit lines": India gave
        else:
            absorbed.append(h)
    return out


_ADJUNCT_NOUN = re.compile(r"\b(?:during|after|before|amid|ahead\s+of)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _absorbs(p: Hit, p_text: str, gap: str, nxt: str = "") -> bool:
    """"agreed to expand ties", "postponed a visit", "sanctioned firms for supplying
    Russia": the second trigger is the first's content or reason; one past
    a subordinating conjunction ("expelled X after Y criticised ...") is not."""
    if _SUBORDINATE.search(gap) or re.match(r"(?:in|during|over|by|at)\b", nxt, re.I) or _ADJUNCT_NOUN.search(gap):
        return False  # an adjunct ("congratulated X in a phone call", "agreed to hand over the islands
        # during a visit by King Salman") is an event of its own
    if _COORDINATED_VERB.search(gap) and re.fullmatch(r"\w+ed", nxt.split(" ")[0]):
        return False  # "accused Russia of a cover-up and demanded ...": a second verb of the subject
    if p.trigger.type == "REJECT" and _DIRECT_OBJECT.match(gap):
        return True
    if p.trigger.type == "REQUEST" and re.fullmatch(r"\s*(?:for\s+)?(?:(?:a|an|the|more|urgent|further|new)\s+)*", gap):
        return True  # "requested military assistance from the CSTO", "insisted on the withdrawal of": what is asked for
    if p.trigger.type in ("REQUEST", "THREATEN", "ACCUSE") and re.fullmatch(r"\s+that\s+[^,;.:]{0,60}", gap):
        return True  # "demanded that Moscow withdraw", "warned that Moscow would deploy", "alleged that Kyiv had
        # shelled the plant": content, not an act
    if _REASON.search(gap) and nxt.split(" ")[0].lower().endswith("ing") and len(gap) <= 60:
        return True
    if p.trigger.type == "ACCUSE" and _MEANS_OF_CHARGE.search(gap) and nxt.split(" ")[0].lower().endswith("ing"):
        return True  # "accused Israel of fuelling the conflict by selling weapons": the charge, not an act
    if not p.trigger.absorbs:
        return False
    return bool(_ABSORBED.match(gap) or (_OPEN_END.search(p_text) and len(gap) <= 40
                                         and not re.search(r"[,;.:]", gap)))
