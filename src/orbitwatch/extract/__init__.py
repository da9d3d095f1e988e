"""Extract: a pure function from one Document to event records v1.

No database and no mutable globals: the vocabulary is read once from the
package's data files and shared read-only, so ``extract`` can be mapped over
documents in any order, in any process.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .. import calibration
from ..ingest.document import Document
from ..records import ORGANISATIONS, SYMMETRIC_TYPES, EventRecord, is_date
from .clauses import clause_starts, embedded_spans, find_triggers
from .dates import find_dates
from .discourse import Discourse
from .events import PARTNER_FALLBACK, Candidate, SentenceView, _subject_ok, sentence_candidates
from .mentions import Mention, find_mentions, group_mentions
from .sentences import Sentence, split_sentences
from .syntax import Parser, ParserUnavailable
from .vocabulary import Vocabulary, load_vocabulary, word_pattern

__all__ = ["extract", "extractor_name", "EXTRACTOR", "load_vocabulary", "Parser", "ParserUnavailable"]

EXTRACTOR = "orbitwatch.rules.v1"
_QUOTE = re.compile(r"[“”\"]")
_LIST_START = re.compile(r"[\s,]*\w+\s+(?:[A-Z][\w'’-]*\s*)+")  # ", while Belarus" opens a list, not a clause
_ANSWER = re.compile(r"\s*(?:A|Answer)\s*[:.–—-]\s", re.I)  # "A: We signed ..." in a question-and-answer interview
_DENIED_CHARGE = re.compile(r",\s+(?:a|the|which|an)\s+(?:charges?|claims?|accusations?|allegations?)\s+"
                            r"(?:(?:that|which)\s+)?(?:[\w'’.-]+\s+){1,4}(?:denies|denied|has\s+denied|rejects|rejected)\b")
_QUESTION = re.compile(r"\s*(?:Q|Question)\s*[:.–—-]\s", re.I)


def _skip_sentence(text: str, vocab: Vocabulary) -> bool:
    """Questions, conditionals, allegations and UN General Assembly votes."""
    if text.rstrip().endswith("?") or re.match(r"\s*[\"“]?(?:If|Unless|Should|Were)\b", text):
        return True
    if vocab.hedge_pattern.search(text.lower()):
        return True  # (but "arrested fishermen for allegedly poaching": the reason is hedged, not the arrest)
    return any(p.search(text) for p in vocab.skip_patterns)


def _quoted(text: str, open_quote: bool) -> list[tuple[int, int]]:
    """Spans of ``text`` inside quotation marks; ``open_quote``: the sentence
    starts inside a quote that an earlier sentence opened."""
    marks = [m.start() for m in _QUOTE.finditer(text)]
    if open_quote:
        marks.insert(0, -1)
    if len(marks) % 2:
        marks.append(len(text))
    return list(zip(marks[::2], marks[1::2]))


_SCARE = re.compile(r"([\"“])([^\"“”\s.,;:!?]+(?:\s[^\"“”\s.,;:!?]+){0,2})([\"”])")


def _unscare(text: str) -> str:
    """Scare quotes (the breakaway "republics") as spaces: a quoted word or
    two is no speech and no clause edge. Offsets stay the same."""
    return _SCARE.sub(lambda m: " " + m.group(2) + " ", text)


def _private_quote(text: str, spans: list[tuple[int, int]], vocab: Vocabulary) -> bool:
    """The sentence's quote is attributed to someone who speaks only for
    themselves ("...," said Hovhannes Grigoryan, a security analyst in Yerevan)."""
    if not spans:
        return False
    outside = "".join(" " if _inside(i, spans) or text[i] in "“”\"" else ch for i, ch in enumerate(text))
    said_by, by_said = _private_voice(tuple(vocab.grammar["private_voices"]), tuple(vocab.grammar["speech"]))
    return bool(said_by.search(outside) or by_said.search(outside))


@lru_cache(maxsize=4)
def _private_voice(voices: tuple[str, ...], speech: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """"said X, an analyst" and "an analyst ... said", compiled once."""
    said, voice = word_pattern(speech).pattern, word_pattern(voices).pattern
    return re.compile(rf"{said}[^.;]{{0,80}}?{voice}"), re.compile(rf"{voice}[^.;]{{0,60}}?{said}")


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in spans)


def _speaker(text: str, mentions: list[Mention], vocab: Vocabulary,
             spans: list[tuple[int, int]]) -> tuple[str, ...]:
    """Who speaks a quote in this sentence: the actor next to a speech verb
    outside the quotation marks ("we have said so" inside it is the quote's own)."""
    if not spans:
        return ()
    for v in word_pattern(tuple(vocab.grammar["speech"])).finditer(text):
        if _inside(v.start(), spans):
            continue
        near = [m for m in mentions if m.codes and m.kind not in ("we", "collective")
                and not _inside(m.start, spans)
                and (0 <= v.start() - m.end <= 60 or 0 <= m.start - v.end() <= 25)]
        if near:
            return min(near, key=lambda m: min(abs(v.start() - m.end), abs(m.start - v.end()))).codes
    return ()


def _resolve(mentions: list[Mention], ctx: Discourse, speaker: tuple[str, ...],
             spans: list[tuple[int, int]], text: str = "") -> list[Mention]:
    """Codes for anaphors; a "we" outside quotation marks is the writer's and names no state."""
    out: list[Mention] = []
    for m in mentions:
        if m.kind == "we" and not _inside(m.start, spans):
            continue
        if m.anaphor and not m.codes:
            m.codes = ctx.resolve(m, out, speaker, text)
        if m.codes:
            out.append(m)
    return out


def _view(sent: Sentence, doc: Document, vocab: Vocabulary, ctx: Discourse) -> SentenceView:
    """Mentions, clauses and dates of one sentence (anaphors resolved)."""
    text = _unscare(sent.text)
    dates = [d for d in find_dates(text, doc.published)  # an event is not reported before it happens
             if not doc.published or d[2] <= doc.published[:len(d[2])]]
    mentions = find_mentions(text, vocab, dates, doc.published, ctx.scene)
    if _ANSWER.match(text):
        ctx.answer = True  # an interview's answer: its "we" is the interviewee's
        ctx.interviewee = ctx.interviewee or ctx.official or ctx.singular
    elif _QUESTION.match(text):
        ctx.answer = False
    spans = [(-1, len(text))] if ctx.answer else _quoted(text, ctx.open_quote)
    speaker = ctx.interviewee if ctx.answer else _speaker(text, mentions, vocab, spans)
    mentions = _resolve(mentions, ctx, speaker, spans, text)
    if spans:
        ctx.voice = speaker or ctx.voice or ctx.singular  # the quote's speaker, for its "we"
    ctx.open_quote = len(_QUOTE.findall(text)) % 2 == 1 if not ctx.open_quote \
        else len(_QUOTE.findall(text)) % 2 == 0
    embedded = embedded_spans(text, vocab)
    barriers = tuple(e[1] for e in embedded if not text[e[0]:e[1]].startswith("(")
                     and not _LIST_START.fullmatch(text[e[0]:e[1]]))
    return SentenceView(text, group_mentions(mentions, text, barriers), clause_starts(text),
                        embedded, dates, vocab, partners=ctx.participants, asked=ctx.asked, host=ctx.host,
                        quotes=tuple(spans),
                        last_org=next((c for c in reversed(ctx.recent) if c in ORGANISATIONS and c != "WST"), None))


def _denied_charge(text: str, vocab: Vocabulary) -> int | None:
    """Where "..., a charge Baku denies" starts, when the denial alone makes the
    sentence hedged: the accusation before it was made, only its content is denied."""
    m = _DENIED_CHARGE.search(text)
    return m.start() if m and not _skip_sentence(text[:m.start()], vocab) else None


def _sentence(sent: Sentence, doc: Document, vocab: Vocabulary, ctx: Discourse,
              parser: Parser | None) -> list[Candidate]:
    view = _view(sent, doc, vocab, ctx)
    found: list[Candidate] = []
    parties: tuple[str, ...] = ()
    skip = _skip_sentence(sent.text, vocab)
    charge = _denied_charge(sent.text, vocab) if skip and view.groups else None
    if view.groups and (not skip or charge is not None):
        hits = find_triggers(sent.text, vocab)
        if skip:  # "Iran has accused Baku of letting Israeli agents operate, a charge Baku denies"
            hits = [h for h in hits if h.trigger.type == "ACCUSE" and h.end <= charge]
        if not ctx.answer and _private_quote(view.text, list(view.quotes), vocab):
            hits = [h for h in hits if not _inside(h.start, list(view.quotes))]  # an analyst's quote
        view.hits = tuple(hits)
        if hits and parser is not None:
            view.parse = parser.parse(sent.text)
        unplaced = []
        for hit in hits:
            cands = [c for c in sentence_candidates(view, hit, doc.published, tuple(found)) if c.actor != c.target]
            found += cands  # (a state "agreeing" with itself sets no parties)
            if not cands and hit.trigger.type in PARTNER_FALLBACK:
                unplaced.append(hit)
            if cands and cands[0].type == "CONSULT" and hit.trigger.name.startswith("host"):
                ctx.host = (cands[0].actor,)  # "Aliyev hosted Erdogan" (not "hosts a Russian base")
            if cands and cands[0].type in ("CONSULT", "AGREE") and not parties and hit.trigger.fallback != "host":
                parties = tuple(dict.fromkeys(c for x in cands for c in (x.actor, x.target)))
                view.partners = parties  # "on a visit to Yerevan, she announced aid": for Armenia
        for hit in unplaced if parties else ():  # "pledged $3 billion in loans at the summit, where Xi met the
            found += sentence_candidates(view, hit, doc.published, tuple(found))  # five presidents": for them
    outside = [g for g in view.groups if not _inside(g.start, list(view.quotes))]
    subject = next((g for g in outside if _subject_ok(g, view)), None) \
        or next((g for g in view.groups if _subject_ok(g, view)), None)  # the speaker, not the quote's subject
    ctx.observe(view.groups, subject, parties)
    ctx.observe_requests(tuple((c.actor, c.target) for c in found if c.type == "REQUEST"))
    return found


def _merge(doc: Document, items: list[tuple[Sentence, Candidate]], raw: bool = False) -> list[EventRecord]:
    """One record per (actor, target, type), evidence from its first mention.

    Its date is the one its mentions agree on; mentions at different dates
    leave it null (the annotation guide's rule for merged events). Dates the
    text gives win over dates taken from context.
    """
    first: dict[tuple, tuple[Sentence, Candidate]] = {}
    dates: dict[tuple, set] = {}
    guesses: dict[tuple, set] = {}
    conf: dict[tuple, float] = {}
    for sent, c in items:
        key = (min(c.actor, c.target), max(c.actor, c.target), c.type) \
            if c.type in SYMMETRIC_TYPES else (c.actor, c.target, c.type)
        first.setdefault(key, (sent, c))
        (guesses if c.date_inferred else dates).setdefault(key, set()).add(c.date)
        conf[key] = c.confidence if key not in conf else min(0.99, max(conf[key], c.confidence) + 0.05)
    out = []
    for key, (sent, c) in first.items():
        score = round(conf[key], 3) if raw else calibration.apply(conf[key])
        out.append(EventRecord(doc.id, c.actor, c.target, c.type, c.stance, c.channel,
                               _common_date(dates.get(key, set()) - {None})
                               or _common_date(guesses.get(key, set()) - {None}), sent.text, sent.start,
                               sent.end, score, c.person))
    return out


def _common_date(known: set[str]) -> str | None:
    """One date for a merged key: the coarsest when all agree at its precision
    (2023 and 2023-10 give 2023), none when they name different times."""
    if not known:
        return None
    coarsest = min(known, key=len)
    return coarsest if all(d.startswith(coarsest) for d in known) else None


def extract(doc: Document, vocab: Vocabulary | None = None, parser: Parser | None = None,
            raw_confidence: bool = False) -> list[EventRecord]:
    """Event records of one document, each with an exact evidence span.

    An event whose sentence gives no time takes the last date the text gave
    in the same paragraph ("On Tuesday X met Y. The two signed ..."), else
    the publication date: a news report tells what just happened.

    With a ``Parser`` (the accurate mode), subjects and passives come from a
    dependency parse of the sentences that can hold an event. Confidence is
    calibrated (``orbitwatch.calibration``) unless ``raw_confidence``.
    """
    vocab = vocab or load_vocabulary()
    if doc.published and not is_date(doc.published):
        doc = replace(doc, published=None)  # "2023-13-45" dates nothing: the document is undated
    ctx = Discourse()
    items: list[tuple[Sentence, Candidate]] = []
    scene: str | None = None  # the last date the text gave in this paragraph
    prev_end = 0
    for sent in split_sentences(doc.text):
        if "\n\n" in doc.text[prev_end:sent.start] or "\n\r\n" in doc.text[prev_end:sent.start]:
            scene = None
            ctx.new_paragraph()
        prev_end = sent.end
        ctx.scene = scene
        found = [c for c in _sentence(sent, doc, vocab, ctx, parser) if c.actor != c.target]
        scene = next((c.date for c in reversed(found) if c.date), scene)
        for c in found:
            if c.date is None:
                c.date, c.date_inferred = scene or doc.published, True
        items += [(sent, c) for c in found]
    return _merge(doc, items, raw_confidence)


def extractor_name(parser: Parser | None = None) -> str:
    """The provenance name stored with records: the mode and its model."""
    return EXTRACTOR if parser is None else f"{EXTRACTOR}+{parser.name}"
