"""From one sentence's mentions and triggers to candidate event records.

For each trigger: is it asserted (not a plan, a question, an allegation)?
who acts (the subject of its clause, or the agents after "by")? toward whom
(its object, by the trigger's target rule)? is it negated (then the refusal
it is)? Each answer is a small function; the vocabulary says which words count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import ORGANISATIONS, SYMMETRIC_TYPES
from . import syntax
from .clauses import Hit, clause_of
from .dates import nearest_date
from .mentions import Group, Mention
from .vocabulary import Vocabulary, word_pattern

PARTNER_FALLBACK = ("AID",)  # types whose unnamed beneficiary is the partner just met
POWERS = frozenset({"RUS", "CHN", "EU", "USA", "TUR", "IRN", "WST", "UN", "CSTO", "EAEU", "CIS",
                    "SCO", "OTS", "NATO", "OSCE", "G7", "BRICS"})
_WORD = re.compile(r"[\w’'-]+")
_TITLED = re.compile(r"(?:[’']s)?\)?(?:\s+[A-Z][\w.’'-]*)*\s*")  # "USAID Administrator Samantha Power"
_COUNTERFACTUAL = re.compile(r"\b(?:(?:was|were)\s+(?:to|due\s+to|supposed\s+to|meant\s+to)|would|could|might|should)"
                             r"\s+have\s+(?!been\s+(?:signed|agreed|held))\w+", re.I)
_OWN_MEETING_AFTER = re.compile(r"(?:[’']s)?(?:\s+\w+)?\s+(?:summit|conference|forum|ministerial|meeting)s?\b", re.I)
_OWN_MEETING_BEFORE = re.compile(r"\b(?:summit|conference|forum|meeting)s?\s+of\s+(?:the\s+)?$", re.I)
_CONJ_GAP = re.compile(r"\s(?:and|or)\s|,")
_FRONTED_WITH = re.compile(r"(?:^\W*(?:[A-Z]\W+)?|\btogether\s+)with\s+(?:the\s+)?$", re.I)
_INDEPENDENT = re.compile(r"[;“”\"]|,\s*(?:and|but|while|whereas|yet)\s|\s(?:while|whereas)\s")
_GATHERINGS = frozenset({"summit", "talks", "meeting", "visit", "trip", "conference", "forum", "tour", "ceremony"})
_HALTED = re.compile(r"\b(?:pull(?:ed|s|ing)?\s+out\s+of|withdr(?:ew|aw|awn|awing|aws)\s+from|suspend(?:ed|s|ing)?|"
                     r"br(?:oke|eak|eaks|eaking)\s+off|walk(?:ed|s|ing)?\s+out\s+of|froze|freez(?:e|es|ing)|"
                     r"call(?:ed|s|ing)?\s+off|cancel(?:l?ed|s|ling)?|abandon(?:ed|s|ing)?|postpon(?:ed|es|ing)|"
                     r"quit|scrapp(?:ed|ing))\s+(?:(?:the|a|an|its|their|all|further|planned|scheduled)\s+)?"
                     r"(?:[\w'’-]+\s+){0,3}$", re.I)  # "pulled out of peace treaty talks with Tokyo"
_EVENT_NOUN = re.compile(r"the\s+(?:agreement|deal|treaty|accord|talks|summit|meeting|visit|negotiations)$", re.I)
_SHORT_REPLY = 40  # characters: "declined", "refused to comply"; a longer refusal names what it refuses
_RELATIVE_AFTER = re.compile(r"\b(?:days?|weeks?|hours?|months?|came|come|comes)\s+"
                             r"(?:after|before)\b(?:(?![,;]).)*$", re.I)
_ADVERBIAL = frozenset({"when", "after", "before", "while", "since", "although", "though", "because", "until", "once",
                        "if", "whereas"})


@dataclass
class Candidate:
    actor: str
    target: str
    type: str
    stance: int
    channel: str
    date: str | None
    confidence: float
    person: str | None
    date_inferred: bool = False  # the date comes from context, not from the event's sentence


@dataclass
class SentenceView:
    """Everything the rules need about one sentence."""

    text: str
    groups: list[Group]
    starts: list[int]
    embedded: list[tuple[int, int, str]]
    dates: list[tuple[int, int, str]]
    vocab: Vocabulary
    parse: object = None  # a spaCy Doc in the accurate mode
    partners: tuple[str, ...] = ()  # the parties of the last meeting before this sentence
    last_org: str | None = None  # the organisation named last before this sentence
    host: tuple[str, ...] = ()  # who hosted the last gathering the text told of
    hits: tuple[Hit, ...] = ()  # every trigger of the sentence
    asked: tuple[tuple[str, str], ...] = ()  # (requester, requested) of the requests just before
    quotes: tuple[tuple[int, int], ...] = ()  # spans inside quotation marks

    @property
    def single_trigger(self) -> bool:
        """The sentence holds one event phrase only."""
        return len(self.hits) == 1

    def words(self, lo: int, hi: int) -> list[str]:
        return [w.lower() for w in _WORD.findall(self.text[lo:hi])]

    def embedding(self, pos: int) -> tuple[int, int, str] | None:
        inside = [e for e in self.embedded if e[0] <= pos < e[1]]
        return min(inside, key=lambda e: e[1] - e[0]) if inside else None

    def scope(self, pos: int) -> tuple[int, int]:
        """The clause around ``pos``, narrowed to its embedded clause if inside one."""
        lo, hi = clause_of(self.starts, pos, len(self.text))
        emb = self.embedding(pos)
        if emb:
            lo, hi = max(lo, emb[0]), min(hi, emb[1])
        return lo, hi

    def visible(self, g: Group, pos: int) -> bool:
        """A group outside the trigger's embedded clauses (or in the same one)."""
        own = self.embedding(pos)
        other = self.embedding(g.start)
        return other is None or other == own


_FINITE = re.compile(r"[a-z]+ed|said|told|met|sent|struck|fought|held|went|came|(?:is|was|were|has|had)")


def _is_object(g: Group, vocab: Vocabulary) -> bool:
    head = g.head
    preps = vocab.grammar["prepositions"]
    if head.gov == "of" and (head.gov2 in vocab.grammar["government_nouns"]
                             or head.gov2 in vocab.grammar["quantifiers"]):
        return False  # "the President of Kazakhstan said", "none of the five states"
    if head.gov == "from" and head.gov2 in vocab.grammar["government_nouns"] and head.gov2.endswith("s"):
        return False  # "Diplomats from Britain and France walked out", "officials from the two states met"
    nxt = g.mentions[-1].next
    if head.prev == "with" and re.fullmatch(r"[a-z]+ing", nxt or "") and nxt not in ("including", "regarding"):
        return False  # "with Yerevan accusing Azerbaijani forces of ...": an absolute clause's subject
    if "as" in (head.prev, head.gov) and _FINITE.fullmatch(head.next or ""):
        return False  # "as Iranian President Ahmadinejad denounced Israel": "as" opens a clause
    if head.prev in preps:
        return True
    if head.prev in ("before", "after", "since", "until") and head.possessive:
        return True  # "Two weeks before Putin's visit, Karimov warned": inside a time phrase
    clause = vocab.grammar["clause_verbs"]
    verbish = lambda w: w not in clause and w not in vocab.grammar["not_verbs"] and (
        w.endswith(("ed", "ing")) or w in vocab.grammar["speech"]
                                             or w in vocab.grammar["irregular_verbs"])
    if head.prev in vocab.grammar["skippable"]:
        return head.prev2 in preps or verbish(head.prev2)
    return verbish(head.prev) and head.prev not in ("led",)


def _subject_ok(g: Group, view: SentenceView) -> bool:
    h = g.head
    return h.actor_ok and not h.modifier and not h.in_paren and not _is_object(g, view.vocab) \
        and h.kind != "territory" and not h.owns_firm


def main_subject(view: SentenceView) -> Group | None:
    """The first subject-like group outside every embedded clause."""
    return next((g for g in view.groups if view.embedding(g.start) is None and _subject_ok(g, view)), None)


def _subjectless(view: SentenceView, emb: tuple[int, int, str]) -> bool:
    """An embedded phrase without its own subject: "following the talks",
    "after refusing to help" (but not "after a TV host threatened ...")."""
    if emb[2] == "as" and any(emb[0] <= g.start < emb[1] and _subject_ok(g, view) for g in view.groups):
        return False  # "as Ahmadinejad denounced Israel" has its own subject
    if emb[2] in ("following", "during", "amid", "despite", "as", "in", "at", "on", "over"):
        return True
    if emb[2] in ("after", "before") and (not re.match(r"[\s,]*(?:after|before)\b", view.text[emb[0]:emb[1]], re.I)
                                         or _parenthetical_after(view, emb)):
        # ", a day after his talks with Putin", ", a year after signing", "Nazarbayev, after telephone
        # consultations with Medvedev, ..." (not "days after the court issued")
        return not _finite_after(tuple(view.vocab.grammar["irregular_verbs"])).search(view.text[emb[0]:emb[1]])
    words = view.words(emb[0], emb[1])
    return len(words) > 1 and words[1].endswith("ing")


def _parenthetical_after(view: SentenceView, emb: tuple[int, int, str]) -> bool:
    """An after-phrase set off between the subject and its verb: "Nazarbayev, after telephone
    consultations with Medvedev, arranged ..."."""
    subject = main_subject(view)
    return subject is not None and subject.end <= emb[0] and not view.text[subject.end:emb[0]].strip(" ,") \
        and re.match(r"\s*,", view.text[emb[0]:emb[0] + 2]) is not None


_DEMAND_THAT = re.compile(r"\s+that\s+(?:the\s+)?")
_AUXILIARIES = ("had", "has", "was", "were", "is", "are", "did", "came", "went", "began", "became", "fought", "ran", "saw",
                "shot", "flew", "broke", "threw", "drove", "stood", "hit", "cut", "set", "put", "said")


@lru_cache(maxsize=4)
def _finite_after(irregular: tuple[str, ...]) -> re.Pattern:
    """"after <subject> <finite verb>": a clause with a verb of its own (the grammar's irregular pasts)."""
    verbs = "|".join(dict.fromkeys(irregular + _AUXILIARIES))
    return re.compile(rf"\b(?:after|before)\s+(?:[\w'’-]+\s+){{0,6}}?(?:[a-z]+ed|{verbs})\b")
_QUANTIFIED = re.compile(r"\s*(?:(?:a|an|the|all|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*|several|"
                         r"dozens\s+of|hundreds\s+of|[\w-]+-year-old)\s+){0,2}", re.I)
_IN_TIME_PHRASE = re.compile(r"\b(?:since|after|before|until)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+)?$", re.I)
_DENIAL_OBJECT = re.compile(r"\b(?:a|an|the|this|that|such)\s+(?:charges?|accusations?|allegations?|claims?|criticism|reports?)"
                            r"\s+(?:that\s+|which\s+)?(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s+(?:\w+ly\s+)?$")
_MODAL_AFTER = re.compile(r"(?:(?!\b(?:and|but|that|which|who)\b)[^,.;]){0,40}?\b(?:could|would|will|may|might|should|is\s+to|are\s+to)\s+"
                          r"(?:take\s+place|be\s+held|happen|go\s+ahead|begin|start|follow|come)\b", re.I)
_CAUSATIVE = re.compile(r"\b(?:prompt(?:ing|ed|s)|forc(?:ing|ed|es)|lead(?:ing|s)|led|caus(?:ing|ed|es)|push(?:ing|ed|es)|"
                        r"persuad(?:ing|ed|es)|spurr(?:ing|ed)|spurs|driv(?:ing|es)|drove)\s+(?:the\s+)?$")
_SUBORDINATORS = frozenset({"before", "after", "when", "until", "once", "because", "although", "though", "what"})
_ADJACENT_VERB = re.compile(r"\s+(?:(?:has|have|had|was|were|also|then|formally|officially|\w+ly)\s+)?")
_FRONTED_PARTICIPLE = re.compile(r"\W*([A-Z][a-z]+ing)\s[^,;]{0,100},")
_PREP_WHICH = re.compile(r"\b(?:at|in|during|after|on|under)\s+which\s+(?:[\w.’'-]+\s+){0,4}$", re.I)


_SAID_COMMA = re.compile(r"(?:\s+(?-i:[a-z])[\w-]*){0,3}?\s+(?:said|says|stated|added|announced|declared|wrote|told\s+reporters)"
                         r"(?:\s+(?:on|late\s+on|early\s+on)\s+\w+day|\s+in\s+a\s+statement)?,\s+")


def find_actor(view: SentenceView, hit: Hit) -> tuple[Group | None, bool]:
    """(subject, borrowed): the leftmost subject-like group before the trigger in
    its clause, else the leftmost of an earlier clause (coordinated verbs share
    it); a subjectless embedded clause ("following talks, X ...") borrows the
    sentence's main subject."""
    lo, hi = view.scope(hit.start)
    before = [g for g in view.groups if g.end <= hit.start and view.visible(g, hit.start)]
    absolute = next((g for g in reversed(before) if g.head.prev == "with" and not view.text[g.end:hit.start].strip()
                     and re.match(r"[a-z]+ing\b", view.text[hit.start:hit.end])), None)
    if absolute is not None:  # "..., with Baku complaining of France's stance": Baku complains
        return absolute, False
    speaker = next((g for g in reversed(before) if _SAID_COMMA.fullmatch(view.text[g.end:hit.start])
                    and re.match(r"[a-z]+ing\b", view.text[hit.start:hit.end])), None)
    if speaker is not None:  # "..., the Russian defence ministry said, calling the strike ...": the speaker calls
        return speaker, False
    caused = next((g for g in reversed(before) if re.fullmatch(r"\s+to\s+", view.text[g.end:hit.start])
                   and _CAUSATIVE.search(view.text[:g.start])), None)
    if caused is not None:  # "..., prompting Tokyo to recall its ambassador": Tokyo recalls
        return caused, False
    fronted = _fronted_participle(view)
    if fronted and hit.start >= fronted.end():  # "Visiting Astana, Xi praised ...": not Astana
        before = [g for g in before if g.start >= fronted.end()]
    inside = [g for g in before if g.start >= lo and _subject_ok(g, view)]
    opened = [g for g in inside if g.head.prev in ("as", "while", "whereas")
              or (g.head.prev in _SUBORDINATORS and _ADJACENT_VERB.fullmatch(view.text[g.end:hit.start]))
              or (g.head.prev == "," and g is not inside[0] and _ADJACENT_VERB.fullmatch(view.text[g.end:hit.start]))]
    # (", Armenia joined a day later": a clause of its own after a comma)
    if opened:  # "Diplomats walked out as Ahmadinejad denounced Israel": the clause's own subject
        return opened[-1], False
    if inside:
        near = inside[-1]
        if not view.text[near.end:hit.start].strip() and _PREP_WHICH.search(view.text[max(0, near.start - 60):near.start]):
            return near, False  # "the summit, at which President Rahmon hosted leaders": the relative's own subject
        return _reported_subject(view, inside, hit), False
    emb = view.embedding(hit.start)
    if emb and emb[2] in ("which", "who", "whose"):
        last = _antecedent(view, emb)
        if last is not None and (last.head.gov not in view.vocab.grammar["prepositions"]
                     or (emb[2] == "who" and last.head.kind == "person")  # "spoke with Putin, who assured him"
                     or (emb[2] == "which" and last.head.prev2 not in _GATHERINGS
                         and ((last.head.kind in ("seat", "name") and last.head.gov == "in")
                              or (last.head.kind in ("seat", "name") and last.head.gov == "of"
                                  and last.head.prev2 not in view.vocab.grammar["event_nouns"])  # "the act of Ankara, which"
                              or (last.head.kind == "org" and last.head.gov in ("to", "with"))))):
            # "ran high in Bishkek, which called off the drills"
            return last, True  # "the CSTO, which sent troops, ...", "USAID Administrator Samantha Power, who"
        return None, False
    if emb and _subjectless(view, emb):
        if emb[2] == "at" and hit.trigger.type == "CONSULT":
            return None, False  # "At a summit of the CIS, Georgia and Azerbaijan refused to sign": not their meeting
        return main_subject(view), True  # "following the dialogue, the United States ..."
    if emb:
        return None, False
    interrupted = _interrupted_subject(view, hit)
    if interrupted is not None:  # "while Uzbekistan, which suspended ..., has stayed out of"
        return interrupted, False
    earlier = [g for g in before if g.start < lo and _subject_ok(g, view)]
    if earlier:
        return earlier[0], False
    fronted = _fronted_participle_subject(view, hit)
    if fronted is not None:
        return fronted, True
    opening = _opening_phrase_subject(view, hit)
    if opening is not None:  # "At Armenia's request, Russian border guards handed over ..."
        return opening, True
    return _cut_relative_subject(view, hit), True


_OPENING_PREPOSITION = re.compile(r"(?:at|under|after|following|amid|upon|on|in|with|despite|before|during)\b", re.I)


def _opening_phrase_subject(view: SentenceView, hit: Hit) -> Group | None:
    """The subject after the comma that closes a phrase opening the sentence with the trigger in it."""
    if not re.fullmatch(r"\W*", view.text[:hit.start]) or not _OPENING_PREPOSITION.match(view.text, hit.start) \
            or hit.trigger.type == "CONSULT":
        return None  # (not a gerund subject: "Leaving the CIS costs Georgia nothing"; and "At a summit of the
        # CIS, Georgia and Azerbaijan refused to sign" is no meeting of the two)
    comma = view.text.find(",", hit.end)
    if comma == -1 or comma - hit.end > 60:
        return None
    return next((g for g in view.groups if g.start > comma and _subject_ok(g, view)), None)


def _judge_and_judged(view: SentenceView, hit: Hit, actor: Group | None,
                      target: Group | None) -> tuple[Group | None, Group | None]:
    """"X halted imports, in what Kyiv called a trade war", "a closure Dushanbe called a
    blockade": the party right before the verb judges, and the main clause's subject
    is judged."""
    said = next((g for g in reversed(view.groups) if g.end <= hit.start and _SAID_COMMA.fullmatch(view.text[g.end:hit.start])), None)
    if said is not None:  # "Drones hit Moscow, the Russian defence ministry said, calling the strike terrorism"
        main = main_subject(view)
        return (said, main) if main is not None and not set(main.codes) & set(said.codes) else (actor, target)
    near = next((g for g in view.groups if g.end <= hit.start and not view.text[g.end:hit.start].strip()), None)
    if near is None or not re.search(r"(?:\bwhat|\bwhich|[a-z]{4,})\s+(?:the\s+)?$", view.text[:near.start]) \
            or near.start == 0:
        return actor, target
    main = main_subject(view)
    if main is None or set(main.codes) & set(near.codes):
        return actor, target
    return near, main


_TITLES_ONLY = re.compile(r"\s+(?:the\s+)?(?:(?:[A-Z][\w.'’-]*|of)\s+){1,6}")
_GUESTS_TALK = re.compile(r"\b(?:for|to\s+hold|to\s+discuss|in\s+an\s+effort|to\s+ease|to\s+settle|to\s+end|to\s+mediate)\b[^.;]{0,40}?\b(?:talks|feud|dispute|conflict|tensions?|differences|negotiations|peace|ceasefire|relations)\b", re.I)
_JUDGEMENT_TYPES = ("SUPPORT", "ACCUSE", "PROTEST", "REJECT")
_VERB_FILL = re.compile(r"(?:\s+(?:has|have|had|was|were|is|also|long|since|then|later|publicly|openly|at\s+once"
                        r"|[a-z]+ly))*\s+")


@lru_cache(maxsize=4)
def _official_body(officials: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"(?:['’]s)?(?:\s+[a-z][\w-]*){{0,2}}?\s+(?:{'|'.join(officials)})\b")


def _appositive_judge(view: SentenceView, hit: Hit, earlier: tuple) -> tuple[Group, str] | None:
    """", a move Bishkek condemned", ", a step the Taliban government welcomed":
    the party right before the verb judges the act just told, whose actor it
    targets (the earlier event's, else the sentence's subject)."""
    body = _official_body(tuple(view.vocab.grammar["official_words"]))  # "Azerbaijan's foreign ministry"

    def verb_follows(g: Group) -> bool:
        rest = view.text[g.end:hit.start]
        m = body.match(rest)
        return bool(_VERB_FILL.fullmatch(rest[m.end():] if m else rest or " "))
    near = next((g for g in reversed(view.groups) if g.end <= hit.start and verb_follows(g)), None)
    if near is None:
        return None
    m = re.search(r",\s+(?:a|an|the|one)\s+(?:[\w'’-]+\s+){0,2}?([\w-]+)\s+(?:that\s+|which\s+)?(?:the\s+)?$",
                  view.text[:near.start])
    if m is None or m.group(1).lower() not in view.vocab.grammar["judged_nouns"]:
        return None
    judged = next((c.actor for c in reversed(earlier) if c.actor not in near.codes), None)
    if judged is None:
        main = main_subject(view)
        judged = next((c for c in main.codes if c not in near.codes), None) if main is not None else None
    return (near, judged) if judged is not None else None


def _fronted_participle(view: SentenceView) -> re.Match | None:
    """The participle phrase that opens a sentence ("Visiting Astana on Monday,"),
    not a name that happens to end in -ing ("Beijing, in turn, ...")."""
    m = _FRONTED_PARTICIPLE.match(view.text)
    if m is None or any(g.start <= m.start(1) < g.end for g in view.groups):
        return None
    return m


def _fronted_participle_subject(view: SentenceView, hit: Hit) -> Group | None:
    """"Speaking alongside Tokayev, Xi said ...": a participle that opens the
    sentence has the subject of the clause after its comma."""
    if view.text[:hit.start].strip() or _fronted_participle(view) is None:
        return None
    comma = view.text.find(",", hit.end)
    if comma < 0:
        return None
    return next((g for g in view.groups if g.start > comma and _subject_ok(g, view)), None)


def _antecedent(view: SentenceView, emb: tuple[int, int, str]) -> Group | None:
    """The party a relative clause hangs on: the last one named before it, past titles."""
    named = [g for g in view.groups if g.end <= emb[0] and g.head.actor_ok and not g.head.modifier]
    if named and _TITLED.fullmatch(view.text[named[-1].end:emb[0]]):
        return named[-1]
    return None


_AFTER_RELATIVE = re.compile(r",?\s*(?:(?:has|have|had|was|were|is|are|also|since|then|now|still|\w+ly)\s+){0,2}")


def _interrupted_subject(view: SentenceView, hit: Hit) -> Group | None:
    """The subject a relative clause interrupts: "Uzbekistan, which suspended ..., has stayed out"."""
    rel = next((e for e in reversed(view.embedded) if e[2] in ("which", "who") and e[1] <= hit.start
                and _AFTER_RELATIVE.fullmatch(view.text[e[1]:hit.start])), None)
    if rel is None:
        return None
    ante = _antecedent(view, rel)
    return ante if ante is not None and _subject_ok(ante, view) else None


def _reported_subject(view: SentenceView, inside: list[Group], hit: Hit) -> Group:
    """"he said Kazakhstan would not recognise": the subject of the reported
    clause, the first group after the last speech verb before the trigger."""
    verbs = view.vocab.grammar["clause_verbs"]
    for m in reversed(list(re.finditer(r"[\w’']+", view.text[inside[0].end:hit.start]))):
        if m.group(0).lower() in verbs:
            pos = inside[0].end + m.end()
            after = [g for g in inside if g.start >= pos]
            return after[0] if after else inside[0]
    return inside[0]


def _cut_relative_subject(view: SentenceView, hit: Hit) -> Group | None:
    """"..., where Rahmon, speaking at a summit, asked Putin": the clause after
    "where" or "when" ends at the aside's comma, its verb outside it."""
    for lo, hi, opener in view.embedded:
        if opener in ("where", "when") and hi <= hit.start and re.fullmatch(r",[^,;]{0,80},\s*", view.text[hi:hit.start]):
            inside = [g for g in view.groups if lo <= g.start and g.end <= hi and _subject_ok(g, view)]
            if inside and not any(hi <= g.start < hit.start for g in view.groups):
                return inside[0]
    return None


def _own_object(view: SentenceView, hit: Hit, g: Group) -> bool:
    """A trigger that ends in "on" or "against" and the group right after it ("a levy on Iranian lorries")."""
    return bool(re.search(r"\b(?:on|against)$", view.text[hit.start:hit.end])
                and re.fullmatch(r"\s*(?:the\s+|all\s+)?", view.text[hit.end:g.start]))


def _target_ok(g: Group, actor: Group | None, hit: Hit, view: SentenceView) -> bool:
    h = g.head
    if h.modifier and not (h.leads and 0 <= g.start - hit.end <= 30
                           and not any(0 < o.start - g.end <= 6 for o in view.groups)) \
            and not (h.kind == "adj" and hit.trigger.type in ("SANCTION", "COERCE")
                     and (_own_object(view, hit, g) or _QUANTIFIED.fullmatch(view.text[hit.end:g.start]))):
        return False  # "Moscow-backed separatists" (but "declined to join a Russian-led statement",
        # and "a levy on Iranian lorries", "barred Russian airlines", "arrested two Ukrainian journalists" fall
        # on the state)
    if actor is not None and set(g.codes) <= set(actor.codes):
        return False
    if h.anaphor in ("act", "act_here") and g.start < hit.end and any(o.start >= hit.end for o in view.groups):
        return False  # "lifted the ban on flights ... on Georgia": the act's own object, when a party follows
    adjacent = not view.text[hit.end:g.start].strip()
    if h.anaphor and h.gov in view.vocab.grammar["adjunct_prepositions"] and not adjacent \
            and not (h.anaphor in ("org", "plural") and hit.trigger.locative and h.gov == "in"):
        return False  # "signed 20 agreements during the visit" (but "its participation in the alliance",
        # "keeps bases in both countries", and "called on the two capitals", where "on" belongs to the verb)
    if h.anaphor in ("plural", "singular") and (g.start - hit.end > 40 or h.text.lower() in ("they", "he", "she")):
        return False  # a far "them" is more often a company or a people; "they" is a subject
    if h.gov == "with" and re.match(r"\s+(?:looking\s+on|watching|present|presiding|officiating|in\s+attendance|at\s+(?:his|her|their)\s+side)\b",
                                     view.text[g.end:]):
        return False  # "initialled the treaty in Washington, with Trump looking on": a witness
    if h.gov in view.vocab.grammar["not_target_after"] and not adjacent \
            and not (h.gov == "including" and hit.trigger.type == "CONSULT"
                     and re.search(r"\b(?:leaders|presidents|guests|heads\s+of\s+state|delegations)\s+including\s+$",
                                   view.text[max(0, g.start - 40):g.start])):
        return False  # (but "hosted leaders including Putin": the guests)
    if h.gov == "to" and _TO_PHRASE.search(view.text[max(0, g.start - 40):g.start]):
        return False  # "according to the Stockholm institute", "thanks to Russia": no recipient
    if hit.trigger.type == "CONSULT" and set(g.codes) <= set(ORGANISATIONS) and (
            _OWN_MEETING_AFTER.match(view.text[g.end:]) or _OWN_MEETING_BEFORE.search(view.text[:g.start])):
        return False  # "hosted the SCO summit", "flew in for a summit of the CIS": the members meet, not the body
    if h.gov == "by" and re.search(r"\w+ed\s+by\s+(?:the\s+)?$", view.text[max(hit.end, g.start - 30):g.start]) \
            and g.start > hit.end:
        return False  # "signed two protocols, brokered by Switzerland": an agent, not the other party
    own_particle = bool(re.fullmatch(r"\s*(?:the\s+)?", view.text[hit.end:g.start])) \
        and view.text[hit.start:hit.end].split()[-1].lower() == h.gov  # "became an observer in the EAEU"
    if h.gov in view.vocab.grammar["locatives"] and not own_particle and not _event_place(view, g) \
            and g.end > hit.end and not (hit.trigger.type == "MOBILIZE" and _BORDER_OF.match(view.text[g.end:])) and (
            # (a place the trigger's own pattern spans is meant: "drills near the Azerbaijani border";
            # troops massed "near Ukraine's borders" are massed against Ukraine)
            not hit.trigger.locative or (h.kind == "adj" and h.next in view.vocab.grammar["place_nouns"])
            or set(view.words(hit.end, g.start)) & set(view.vocab.grammar["non_state_nouns"])):
        return False  # "struck targets in Lebanon", not "killed militants near the Afghan border"
    if hit.trigger.type in ("REJECT", "PROTEST", "RETREAT") and h.gov in ("in", "at") and h.kind in ("city", "seat") \
            and set(view.words(max(0, g.start - 40), g.start)[-4:]) & _GATHERINGS \
            and not re.search(r"\b(?:trip|visit|tour|journey)\b", view.text[hit.start:g.start], re.I):
        return False  # "stayed away from a meeting in Granada", "walked out of a meeting in Bali": a venue
        # (but "called off her trip to the climate talks in Baku" is a trip to the host)
    if hit.trigger.type != "CONSULT" and h.gov == "to" and g.start > hit.end \
            and re.search(r"\b(?:during|on|in\s+the\s+course\s+of)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+)?"
                          r"(?:trip|visit|tour|journey|stay)\s+to\s+(?:the\s+)?$", view.text[hit.end:g.start]):
        return False  # "warned during a trip to Kazakhstan that ...": where it was said, not to whom
    if hit.trigger.type in ("COOPERATE", "CONSULT", "AGREE") and not re.fullmatch(r"\s*(?:the\s+)?", view.text[hit.end:g.start]) \
            and re.search(r"\b(?:border|borders|frontier)\s+with\s+(?:the\s+)?$", view.text[max(0, g.start - 30):g.start]):
        return False  # "drills near its border with Azerbaijan": a place, not a partner
    if h.gov == "from" and hit.trigger.target == "object" \
            and any(w.endswith("ed") for w in view.words(max(hit.end, g.start - 25), g.start)[-3:]):
        return False  # "intercepted a drone launched from Yemen": where it came from
    if h.gov == "with" and hit.trigger.target == "object" and hit.trigger.type not in SYMMETRIC_TYPES \
            and set(view.words(max(0, g.start - 40), g.start)[-4:]) & set(view.vocab.grammar["conflict_nouns"]):
        return False  # "refused to help in the conflict with Azerbaijan": the other side, not the object
    if h.gov in ("creating", "establishing", "founding", "forming", "launching") and hit.trigger.type == "AGREE":
        return False  # "signed the treaty creating the Eurasian Economic Union": what the treaty makes
    if h.gov.endswith("ing") and g.start - hit.end > 15 and h.gov not in ("including", "regarding"):
        return False  # "accusing it of helping Russia", "welcomed firms leaving Russia": content, not object
    gap = view.text[hit.end:g.start]
    if hit.trigger.adjacent and not re.fullmatch(r"[\s\w'’-]{0,25}", gap) and not (
            re.fullmatch(r"[\s\w'’-]{0,40}\s+of\s+(?:the\s+)?", gap) and h.gov2 in view.vocab.grammar["government_nouns"]):
        return False  # (but "met the foreign ministers of Kazakhstan")
    return view.visible(g, hit.start)


def _event_place(view: SentenceView, g: Group) -> bool:
    """"condemned the coup in Niger": the place of the event condemned is its target."""
    words = view.words(max(0, g.start - 40), g.start)
    return len(words) >= 2 and words[-2] in view.vocab.grammar["event_nouns"]


def _object_start(view: SentenceView, hit: Hit) -> int:
    """Objects may sit inside a long trigger ("summoned the Russian ambassador")."""
    m = re.match(r"\S+", view.text[hit.start:hit.end])
    return hit.start + (m.end() if m else 0)


def _governor(view: SentenceView, g: Group) -> str:
    """The preposition that governs a group, looking through "the leaders of"
    ("signed a declaration with the leaders of the EU": with the EU)."""
    h = g.head
    if h.gov == "of" and h.gov2 in view.vocab.grammar["government_nouns"]:
        m = re.search(r"\b(\w+)\s+(?:(?:the|its|their|his|her|both|all|other|top|senior)\s+)*(?:(?-i:[A-Z])[\w-]*\s+)*"
                      + re.escape(h.gov2) + r"\s+of\s+(?:the\s+)?$", view.text[max(0, g.start - 80):g.start], re.I)
        if m:
            return m.group(1).lower()
    return h.gov


_OBJECT_REL = re.compile(r",?\s*(?:which|whom|who)\s+$", re.I)


def _object_relative(view: SentenceView, hit: Hit, actor: Group | None) -> Group | None:
    """"France, which Baku accuses of siding with Armenia": the relative pronoun
    is the verb's object, so the antecedent is the target."""
    emb = view.embedding(hit.start)
    if emb is None or emb[2] not in ("which", "who", "whom") or actor is None or actor.start < emb[0]:
        return None
    if not _OBJECT_REL.fullmatch(view.text[emb[0]:actor.start]) \
            or not re.fullmatch(r"(?:\s+[\w'’]+){0,3}\s+", view.text[actor.end:hit.start]):
        return None  # unless the trigger is the relative clause's own verb ("which he accuses", "which Baku has long accused")
    if hit.trigger.type in SYMMETRIC_TYPES and len(set(actor.codes)) >= 2:
        return None  # "the council, which A, B and C founded by signing ...": among themselves
    if any(0 <= g.start - hit.end <= 6 for g in view.groups):
        return None  # the verb has an object of its own: "which Baku asked Moscow to ..."
    last = _antecedent(view, emb)
    if last is None or set(last.codes) <= set(actor.codes):
        return None
    return last


_TO_PLACE_IN = re.compile(r"^(?:\s+[\w'’-]+){0,3}?\s+to\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?"
                          r"(?:refinery|refineries|port|plant|terminal|hospital|airport|factory|station|depot|hub)\s+in\s+"
                          r"(?:(?:northern|southern|eastern|western|central|north-\w+|south-\w+)\s+)?$", re.I)


def find_target(view: SentenceView, hit: Hit, actor: Group | None) -> tuple[Group | None, bool]:
    """(target group, found by fallback). Right of the trigger by its rule,
    else an object left of it ("informed the participants ... and emphasised")."""
    antecedent = _object_relative(view, hit, actor)
    if antecedent is not None:
        return antecedent, False
    if hit.trigger.type == "THREATEN":
        addressee = _condition_subject(view, hit, actor)
        if addressee is not None:  # "threatened to close the strait if Western countries imposed an embargo"
            return addressee, False
    mode = hit.trigger.target
    begin = _object_start(view, hit)
    after = [g for g in view.groups if g.start >= begin and _target_ok(g, actor, hit, view)]
    if actor is not None and len(set(actor.codes)) >= 2 and hit.trigger.type == "CONSULT":
        after = [g for g in after if not (g.head.gov in ("in", "at") and g.head.kind in ("seat", "city"))]
        # "Pashinyan and Erdogan met briefly in Prague": where two parties meet is no third one
    following = [h.start for h in view.hits if h.start >= hit.end]
    if following and re.search(r"\band\s+(?:then\s+|also\s+)?$", view.text[hit.end:min(following)]):
        after = [g for g in after if g.start < min(following)]  # "initialled the treaty and signed a declaration with Trump"
    participle = next((h for h in view.hits if h.start >= hit.end and re.search(r",\s*$", view.text[hit.end:h.start])
                       and re.match(r"[a-z]+ing\b", view.text[h.start:h.end])
                       and h.trigger.type not in _STATEMENT_TYPES), None)
    # (but "rebuffed every call, insisting that Armenia must ...": the complaint names whom it rejects)
    if participle is not None:  # "blocked 100 shipments, complying with Western export controls": its own object
        after = [g for g in after if g.start < participle.start]
    lo, hi = view.scope(hit.start)
    wanted = {"with": ("with", "between", "and"), "to": ("to", "for", "into", "toward", "towards", "from"),
              "from": ("from",), "of": ("of",)}
    if re.match(r"discuss|negotiat", view.text[hit.start:hit.end], re.I):
        wanted = {**wanted, "with": ("with",)}  # "discussed the peace process between Armenia and Azerbaijan": a topic
        after = [g for g in after if not _TOPIC_WITH.search(view.text[max(0, g.start - 40):g.start])]
        # ("discussed the peace talks with Azerbaijan": the talks are with Azerbaijan, the discussion is not)
    right = next((g for g in after if _own_object(view, hit, g)), None) if mode in wanted else None
    if right is not None:
        return right, False  # "a levy on Iranian lorries ... to Armenia": the trigger's own object first
    if mode == "to":
        placed = next((g for g in view.groups if g.start >= begin and _TO_PLACE_IN.search(view.text[hit.end:g.start])
                       and g.head.actor_ok and not g.head.modifier
                       and not (actor is not None and set(g.codes) <= set(actor.codes))), None)
        if placed is not None:
            return placed, False  # "shipping crude to the Schwedt refinery in eastern Germany"
    if mode in wanted:
        for g in after:
            if _governor(view, g) in wanted[mode] and not _INDEPENDENT.search(view.text[hit.end:g.start]):
                return (Group(g.mentions[:1]) if mode == "of" else g), False  # "auspices of the OSCE, the US, ..."
        direct = next((g for g in after if re.fullmatch(r"[\s\w.'’-]{0,30}", view.text[hit.end:g.start])
                       and g.head.gov not in view.vocab.grammar["prepositions"]
                       and not _INDEPENDENT.search(view.text[hit.end:g.start])), None)
        if direct is not None:
            return direct, False  # "met US President Donald Trump"
        if mode == "with" and actor is not None and len(set(actor.codes)) >= 2 \
                and hit.trigger.type in SYMMETRIC_TYPES:
            return None, False  # "Saudi Arabia and Iran restored relations", "the two leaders held talks"
    fronted = next((g for g in view.groups if g.head.gov == "with" and actor is not None and g.end <= actor.start
                    and _FRONTED_WITH.search(view.text[:g.start])), None)
    if fronted is not None and hit.trigger.type in SYMMETRIC_TYPES and not any(g.head.gov == "with" for g in after):
        return fronted, False  # "With Kabul and Islamabad we have signed documents on a railway"
    if actor is not None and len(set(actor.codes)) >= 2 and hit.trigger.type in SYMMETRIC_TYPES and after \
            and after[0].head.gov in view.vocab.grammar["prepositions"] and _governor(view, after[0]) not in ("with", "between") \
            and not (hit.trigger.locative and not view.text[hit.end:after[0].start].strip()):
        return None, False  # "the two leaders signed agreements on a railway to Kyrgyzstan": with each other
        # (but envoys who "travelled to Bishkek" together visit Kyrgyzstan)
    if after and after[0].start < hi:
        return after[0], False
    if actor is not None and len(set(actor.codes)) >= 2 and hit.trigger.type in SYMMETRIC_TYPES:
        return None, False  # "after the leaders of A and B signed a declaration, ... Iran": with each other
    own = view.embedding(hit.start)
    leaves_own = own is not None and own[2] in _ADVERBIAL and bool(after) and after[0].start >= own[1]
    if after and not _INDEPENDENT.search(view.text[hit.end:after[0].start]) and not leaves_own:
        return after[0], True  # past a "that" or a relative clause, not into another clause (nor out of its own)
    left = [g for g in view.groups if g.end <= hit.start and g.start >= lo and g is not actor
            and _target_ok(g, actor, hit, view) and _is_object(g, view.vocab)
            and g.head.prev not in ("before", "after", "since", "until")
            and hit.trigger.type not in ("ASSAULT", "COERCE", "MOBILIZE")]
    if left:
        return left[0], True
    subject = main_subject(view) if view.embedding(hit.start) and \
        hit.trigger.type in view.vocab.grammar["subject_target_types"] else None
    if subject is not None and (actor is None or not set(subject.codes) <= set(actor.codes)):
        return subject, True  # "Armenia, after the CSTO refused to help, ..."
    if actor is not None and hit.trigger.type in view.vocab.grammar["subject_target_types"] \
            and re.search(r"\bbut\s+(?:then\s+)?(?:the\s+)?$", view.text[max(0, actor.start - 12):actor.start]):
        asker = next((g for g in view.groups if g.end <= actor.start and _subject_ok(g, view)
                      and set(g.codes) - set(actor.codes)), None)
        if asker is not None:  # "Yerevan invoked the treaty, but the alliance declined to send troops"
            return asker, True
    return None, False


def _condition_subject(view: SentenceView, hit: Hit, actor: Group | None) -> Group | None:
    """The subject of the if-clause that follows a threat: the threat is aimed at it."""
    lo, hi = clause_of(view.starts, hit.start, len(view.text))
    cond = next((e for e in view.embedded if e[2] in ("if", "unless") and hit.end <= e[0] < hi), None)
    if cond is None:
        return None
    return next((g for g in view.groups if cond[0] <= g.start < cond[1] and g.head.actor_ok and not g.head.modifier
                 and g.head.gov not in view.vocab.grammar["prepositions"]
                 and not (actor is not None and set(g.codes) & set(actor.codes))), None)


_TOPIC_WITH = re.compile(r"\b(?:talks|negotiations|dispute|conflict|relations|ties|cooperation|agreement|deal|"
                         r"treaty|border|war|standoff|rift|row|trade|settlement)\s+with\s+(?:the\s+)?$", re.I)
_SANCTIONS_AFTER = re.compile(r"(?:[’']s?)?\s+(?:[\w-]+\s+){0,2}?(?:sanctions|restrictions|export\s+controls|measures|"
                              r"embargo|regime|penalties|bans?)\b", re.I)


def _imposer(view: SentenceView, hit: Hit) -> Group | None:
    """Who imposed the sanctions a state complies with ("abiding by Western sanctions")."""
    for g in view.groups:
        if hit.start <= g.start < hit.end and not g.head.anti and _SANCTIONS_AFTER.match(view.text, g.end):
            return g  # ("would not allow the country's territory to be used": not the country)
        if hit.end <= g.start < hit.end + 25 and g.head.gov in ("of", "by"):
            return g
    return None


def _nominal(view: SentenceView, hit: Hit) -> tuple[Group | None, Group | None]:
    """"US sanctions on X": the modifier imposes them; X, or the clause subject, bears them."""
    mod = next((g for g in view.groups if 0 <= hit.start - g.end <= 3 and not g.head.anti), None)
    if mod is None:
        return None, None
    lo, hi = view.scope(hit.start)
    target = next((g for g in view.groups if g.start >= hit.end and g.start < hi
                   and g.head.gov in ("against", "on", "targeting", "over", "for")), None)
    if target is None:
        speech = set(view.vocab.grammar["speech"])
        subj = [g for g in view.groups if lo <= g.start and g.end <= mod.start and _subject_ok(g, view)
                and not _EVENT_NOUN.match(g.head.text) and mod.start - g.end <= 60
                and not set(_WORD.findall(view.text[g.end:mod.start].lower())) & speech]
        target = subj[-1] if subj else None  # "Iran, under US sanctions, ..." (but not "he said the talks
        # touched on goods covered by Western sanctions")
    return mod, target


def _default(t, view: SentenceView, hit: Hit) -> Group | None:
    """The trigger's default target as a group ("complies with sanctions": the West);
    not for a noun ("talk about compliance with sanctions" names a topic, not an act)."""
    if not t.default_target or re.match(r"complian|adherence|observance", view.text[hit.start:hit.end], re.I):
        return None
    return Group([Mention(hit.start, hit.end, (t.default_target,), "org", t.default_target)])


_BY_TITLE = re.compile(r"\bby\s+(?:(?!launched\b|fired\b)[\w'’.-]+\s+){0,6}$", re.I)
# "by then Secretary of State Rice", "by the presidents of" (not "by drones launched from")


def _by_agents(view: SentenceView, hit: Hit) -> Group | None:
    """The group that a passive's "by" introduces, past titles and offices before the name."""
    for g in view.groups:
        if g.start < hit.end:
            continue
        if g.head.gov == "by" or _BY_TITLE.search(view.text[hit.end:g.start]):
            return g
    return None


_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being|be|get|gets|got)\s+(?:\w+ly\s+)?$", re.I)


def is_passive(view: SentenceView, hit: Hit, actor: Group) -> bool:
    """"X was invited", "Y were arrested": the subject is acted upon."""
    first = view.text[hit.start:hit.end].split()[0].lower()
    participle = first.endswith(("ed", "en")) or first in ("held", "sent", "built", "struck", "sought",
                                                          "brought", "made", "met", "hit", "shot", "told")
    if not participle or actor.end > hit.start or first in _FEELINGS:
        return False  # "he was disappointed by": a feeling, not a passive
    reduced = re.match(r"\s+by\b", view.text[hit.end:]) and re.search(r",\s*$", view.text[:hit.start])
    return bool(reduced or _PASSIVE.search(view.text[actor.end:hit.start]))


_FEELINGS = frozenset({"disappointed", "concerned", "alarmed", "worried", "outraged", "dismayed", "pleased",
                       "satisfied", "delighted", "troubled", "shocked", "angered", "frustrated", "saddened"})
_NOUN_OF = re.compile(r"\s+of\b")
_BROKERED = re.compile(r",\s*(?:[\w-]+\s+){0,6}?(?:brokered|mediated|facilitated)\s+by\s+(?:the\s+)?$", re.I)
_TO_PHRASE = re.compile(r"\b(?:according|thanks|due|owing|prior|contrary|compared|close|next|similar|addition|"
                        r"response|reference|relation|regard)\s+to\s+(?:the\s+)?$", re.I)
_BORDER_OF = re.compile(r"[’']s\s+(?:\w+\s+)?(?:borders?|frontiers?)\b")
_NOUN_OBJECT = re.compile(r"\s+(?:of|to|on|against)\b")  # "a visit to X by Y", "an attack on X by Y"


def _content_noun(view: SentenceView, hit: Hit) -> bool:
    """"condemned Russia's expulsion of its diplomats": an act named as a noun
    in the object of another event is what that event is about."""
    word = view.text[hit.start:hit.end].split()[0].lower()
    if not word.endswith(("ion", "ions")) or not _NOUN_OF.match(view.text[hit.end:]):
        return False
    lo, _ = view.scope(hit.start)
    return any(lo <= h.start and h.end <= hit.start and not re.search(r"[,;]", view.text[h.end:hit.start])
               for h in view.hits)


_ACT_NOUN = re.compile(r"[a-z]+(?:ions?|ments?|als?|ures?)|supply|supplies|raids?|strikes?|attacks?|shelling|"
                       r"bombing|shooting|visits?|aid|sale|sales|transfers?|deliver(?:y|ies)|requests?|pleas?|"
                       r"appeals?|demands?", re.I)
_FORCES_FROM = re.compile(r"\s+of\s+(?:the\s+)?(?:last\s+|remaining\s+)?((?:[\w'’-]+\s+){1,5}?)"
                          r"(?:troops|forces|soldiers|peacekeepers|contingents?|personnel|units)\s+from\s+", re.I)
_NOUN_TARGET = re.compile(r"\b(?:of|on|against|to|toward|towards|into|for|over|with|from)\s+(?:[\w'’-]+\s+){0,3}$", re.I)


def _possessor(view: SentenceView, hit: Hit) -> tuple[Group, Group | None] | None:
    """(agent, target) of an act named as a noun after its agent: "Tehran's supply
    of drones to Russia", "Azerbaijani shelling of Armenian villages",
    "Washington's recognition of Israeli sovereignty"."""
    word = view.text[hit.start:hit.end].split()[0]
    if not _ACT_NOUN.fullmatch(word) or hit.trigger.target == "nominal":
        return None
    forces = _FORCES_FROM.match(view.text, hit.end)
    if forces:  # "the withdrawal of US and NATO troops from Afghanistan"
        owner = next((g for g in view.groups if forces.start(1) <= g.start < forces.end(1)), None)
        place = next((g for g in view.groups if g.start >= forces.end() - 1 and g.start - forces.end() <= 12), None)
        if owner is not None and place is not None:
            return owner, place
    agent = next((g for g in view.groups if g.end <= hit.start and not g.head.anti and not g.head.modifier
                  and (re.fullmatch(r"(?:[’']s?)?\s*", view.text[g.end:hit.start])
                       or (g.head.possessive and re.fullmatch(r"[’']s?\s+(?:[a-z][\w-]*\s+){1,2}",
                                                               view.text[g.end:hit.start])))
                  and (g.head.possessive or g.head.kind == "adj"
                       or (g.head.kind in ("name", "org") and not view.text[g.end:hit.start].strip()))),
                 None)  # ("Tehran's continued detention of", "a U.S. demand")
    if agent is None:
        return None
    lo, hi = view.scope(hit.start)
    that = _DEMAND_THAT.match(view.text, hit.end)
    if hit.trigger.type == "REQUEST" and that:  # "Baku's demand that Armenia change its constitution"
        target = next((g for g in view.groups if g.start == that.end()), None)
        if target is not None and not set(target.codes) & set(agent.codes):
            return agent, target
    if hit.trigger.type == "REQUEST":  # "North Korea brushed aside Seoul's proposal": asked of the subject
        target = next((g for g in view.groups if lo <= g.start and g.end <= agent.start and _subject_ok(g, view)
                       and not set(g.codes) & set(agent.codes)), None)  # (not "a request to send troops to Yemen")
    else:
        target = next((g for g in view.groups if hit.end <= g.start < hi and g.start - hit.end <= 60
                       and _NOUN_TARGET.search(view.text[hit.start:g.start]) and not set(g.codes) <= set(agent.codes)),
                      None)
    return agent, target


def _nominal_by(view: SentenceView, hit: Hit) -> tuple[Group, Group] | None:
    """(agent, undergoer) of an act named as a noun, "the expulsion of X by Y"."""
    word = view.text[hit.start:hit.end].split()[0].lower()
    noun = word.endswith(("ion", "ions", "al", "als", "ment", "ments")) or word in view.vocab.grammar["act_by_nouns"]
    if not noun or not _NOUN_OBJECT.match(view.text[hit.end:]):
        return None
    _, hi = clause_of(view.starts, hit.start, len(view.text))
    after = [g for g in view.groups if hit.end <= g.start < hi]
    agent = next((g for g in after if g.head.gov == "by"), None)
    undergoer = next((g for g in after if agent is not None and g.end <= agent.start), None)
    return (agent, undergoer) if agent is not None and undergoer is not None else None


def _passive_undergoer(view: SentenceView, hit: Hit) -> Group | None:
    """The group before "were expelled by ...", also when it names people
    rather than a state ("Tajik nationals"): it is the target."""
    lo, _ = view.scope(hit.start)
    before = [g for g in view.groups if lo <= g.start and g.end <= hit.start and not g.head.modifier]
    rel = list(re.finditer(r"\b(?:who|which)\s+(?:had|have|has|was|were)?\s*\w+", view.text[lo:hit.start]))
    if rel and any(g.end <= lo + rel[0].start() for g in before):  # "Three American hikers who had strayed
        before = [g for g in before if g.end <= lo + rel[0].start()]  # from Iraqi Kurdistan were arrested by"
    if not before or not _PASSIVE.search(view.text[before[-1].end:hit.start]) \
            or not re.match(r"\s+by\b", view.text[hit.end:]):
        return None
    return before[-1]


_DENIED_THAT = re.compile(r"\bden(?:ied|ies|y|ying)\s+that\s+(?:[\w'’-]+\s+){0,4}$", re.I)


def is_negated(view: SentenceView, hit: Hit, actor: Group | None) -> bool:
    lo, _ = view.scope(hit.start)
    if re.search(r",\s*$", view.text[:hit.start]) and re.match(r"\w+ing\b", view.text[hit.start:hit.end]):
        return False  # "refused to sign ..., complaining that": a participle after a comma has its own polarity
    if actor is not None and actor.end <= hit.start:
        lo = min(lo, actor.start)
    own = view.embedding(hit.start)
    text = "".join(ch if own == view.embedding(i) else " " for i, ch in enumerate(view.text[lo:hit.start], lo))
    words = [w.lower() for w in _WORD.findall(text)]  # an embedded clause's "refused" is not ours
    if _DENIED_THAT.search(view.text[:(actor.start if actor is not None and actor.end <= hit.start else hit.start)]):
        return True  # "Minsk denied that any Belarusian troops had poured into Ukraine": denied across "that"
    negs = set(view.vocab.grammar["negations"])
    last = max((i for i, w in enumerate(words) if w in negs or w.endswith("n't")), default=None)
    if last is not None:
        rest = words[last + 1:]  # "refused to recognise X but complies", "... and says it complies": a new predicate
        new_verb = set(view.vocab.grammar["speech"]) | {"has", "have", "had", "then", "also", "later"}
        if _IN_TIME_PHRASE.search(view.text[:hit.start]):
            return False  # "had not left China since a visit to Myanmar": the visit is not negated
        return not ("but" in rest or "yet" in rest[1:]  # ("has not yet recognised" is still negated)
                    or any(w == "and" and (set(rest[i + 1:i + 3]) & new_verb) for i, w in enumerate(rest)))
    return bool(re.match(r"\s*(?:nor|neither)\b", view.text[lo:], re.I))


_ASKED_FOR = re.compile(r"\b(?:call(?:ed|s|ing)?\s+for|urg(?:ed|es|ing)|demand(?:ed|s|ing)|sought|seek(?:s|ing)?|"
                        r"(?:press|push)(?:ed|es|ing)?\s+for|lobb(?:ied|ies|ying)\s+for|appeal(?:ed|s|ing)?\s+for)"
                        r"\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$", re.I)


def is_modal(view: SentenceView, hit: Hit, actor: Group | None, negated: bool) -> bool:
    """A plan, a prediction or a wish rather than an act ("will sign", "plans to").

    A modal counts within the verb group before the trigger; a plan word only
    when it governs the trigger ("plans to sign", "considering signing").
    """
    lo, _ = view.scope(hit.start)
    if actor is not None and lo <= actor.end <= hit.start:
        lo = actor.end
    text = view.text[lo:hit.start]
    for a, b, _ in view.dates:  # "in May 2023" holds no modal
        if a < hit.start and b > lo:
            a, b = max(a, lo) - lo, min(b, hit.start) - lo
            text = text[:a] + " " * (b - a) + text[b:]
    if _COUNTERFACTUAL.search(view.text[view.scope(hit.start)[0]:hit.start]):
        return True  # "the trip was to have included a summit", "a deal that would have opened"
    emb = view.embedding(hit.start)
    if emb and emb[2] == "until" and re.search(r"\b(?:would|will|not|never|refused|refuses)\b|n't\b",
                                                view.text[max(0, emb[0] - 80):emb[0]]):
        return True  # "would not ratify them until Armenian forces began to withdraw": a condition
    if emb and emb[2] in ("if", "unless"):
        return True  # "... if the EU called the operation an invasion": a condition, not an act
    if _ASKED_FOR.search(text):
        return True  # "called for the lifting of sanctions on Afghanistan": asked for, not done
    if re.search(r"\b(?:has|have|had|is|are|was|were)\s+yet\s+to\s+$", text):
        return True  # "Baku and Ashgabat have yet to agree": not done yet
    if re.search(r"\brul(?:e|ed|es|ing)\s+out\b", text):
        return True  # "did not rule out a meeting with Putin": a possibility, not an act
    if re.search(r"\b(?:was|were|is|are)\s+(?:due\s+|set\s+|about\s+|expected\s+|scheduled\s+|supposed\s+|going\s+)?to\s+"
                 r"(?:(?:start|begin|resume|continue)\s+)?$", text):
        return True  # "the downstream states were to supply Kyrgyzstan": an obligation, not an act
    first = view.text[hit.start:hit.end].split()[0].lower()
    noun = not first.endswith(("ed", "ing")) and first not in view.vocab.grammar["irregular_verbs"]
    if noun and _MODAL_AFTER.match(view.text, hit.end):
        return True  # "the exchange of prisoners could take place within days" (not "attacked ... and more will follow")
    window = [w.lower() for w in _WORD.findall(text)][-4:]
    if len(window) >= 2 and window[-2] == "to" and window[-1] in ("start", "begin", "resume"):
        window = window[:-1]  # "hoped to start importing": the plan governs through "start"
    g = view.vocab.grammar
    if any(w in g["modals"] for w in window):
        if any(w in g["standing"] for w in window):
            return False  # "would continue to comply": a standing policy
        if any(w in ("might", "may", "could") for w in window):
            return True  # "said Turkey might one day send troops": a possibility, even in its own words
        return not _own_statement(view, hit, actor)
    governs = window[-1:] == ["to"] or (window and window[-1] in g["plans"])
    if governs and any(w in g["plans"] for w in window):
        return hit.trigger.type not in g["plan_proof"]
    if _plan_chain(tuple(g["plans"])).search(text):  # "were expected to meet in Brussels to discuss",
        return hit.trigger.type not in g["plan_proof"]  # "hoped to strengthen the case for joining NATO"
    return False


@lru_cache(maxsize=4)
def _plan_chain(plans: tuple[str, ...]) -> re.Pattern:
    """A plan word whose "to" governs a phrase that ends at the trigger, with no new clause between."""
    words = "|".join(re.escape(w) for w in plans if w.isalpha())
    return re.compile(rf"\b(?:{words})\s+to\s+(?:(?!and\b|but\b|while\b|then\b)[\w'’-]+\s+){{2,7}}(?:to|for|of|on|about|towards?)\s+$", re.I)


def _own_statement(view: SentenceView, hit: Hit, actor: Group | None) -> bool:
    """"Tokayev said Kazakhstan would not recognise ...": a state stating its own
    policy, not an analyst's prediction. The speaker is the group before a
    speech verb (or after it, as in "..., the ministry said")."""
    if actor is None:
        return False
    verbs = view.vocab.grammar["speech"]
    for m in re.finditer(r"[\w’']+", view.text):
        if m.group(0).lower() not in verbs:
            continue
        if actor.end <= m.start() and m.end() <= hit.start and m.start() - actor.end <= 60 \
                and not _is_object(actor, view.vocab):
            return True  # "Astana said it would comply": the actor speaks of itself
        near = [g for g in view.groups if (0 <= m.start() - g.end <= 60 or 0 <= g.start - m.end() <= 30)
                and not _is_object(g, view.vocab) and g.start != actor.start]
        # neither "aid to Ukraine, the prime minister said" nor the actor itself is the speaker
        if any(set(g.codes) & set(actor.codes) for g in near):
            return True
        main = main_subject(view) if re.search(r"\band\s+(?:then\s+|later\s+|also\s+)?$", view.text[:m.start()]) else None
        if main is not None and main.end <= m.start() and set(main.codes) & set(actor.codes):
            return True  # "Xi chose Kazakhstan for his first trip ..., and promised that China would back ..."
        edge = max(view.text.rfind(c, 0, m.start()) for c in ",;“”\"")  # an unnamed speaker after the clause edge
        if not [g for g in near if g.start > edge] and _unnamed_official(view, m.start()):
            return True  # "Kazakhstan will not help Russia ..., a deputy head of the administration said"
    return False


def _unnamed_official(view: SentenceView, pos: int) -> bool:
    """The words before a speech verb, back to the clause edge, name an office."""
    phrase = re.split(r"[,;:“”\"]", view.text[max(0, pos - 70):pos])[-1]
    return bool(set(view.words(pos - len(phrase), pos)) & set(view.vocab.grammar["official_words"]))


def in_background(view: SentenceView, hit: Hit) -> bool:
    """Inside a since/after/when clause, or a clause that opens with one (a
    clause the parse missed). An embedded clause that ends before the trigger
    ("Hours before the deal was announced, a unit shot down ...") opens the
    sentence, not the trigger's clause."""
    emb = view.embedding(hit.start)
    openers = view.vocab.grammar["background_openers"]
    if emb and emb[2] in openers:
        return True
    lo, hi = view.scope(hit.start)
    lo = max([lo] + [e[1] for e in view.embedded if lo <= e[0] and e[1] <= hit.start])
    return bool(set(view.words(lo, hi)[:3]) & set(openers))


def _dated(view: SentenceView, hit: Hit) -> bool:
    """A backdrop clause with its own date ("when Azerbaijani forces attacked in
    September 2022") reports an event; an undated one ("since Russia invaded")
    only sets the scene. "On February 17, when drones struck ..." dates it too."""
    lo, hi = view.scope(hit.start)
    if any(lo <= d[0] < hi or 0 <= lo - d[1] <= 3 for d in view.dates):
        return True
    emb = view.embedding(hit.start)
    start = emb[0] if emb else lo
    return bool(_RELATIVE_AFTER.search(view.text[max(0, start - 40):hit.start]))  # "days after troops landed"


ORG_CHANNELS = {"CSTO": "security", "NATO": "security", "EAEU": "economic"}


def channel_of(view: SentenceView, hit: Hit, codes: set[str] = frozenset()) -> str:
    """The trigger's own channel, else a security or economic organisation's,
    else the first channel whose keywords occur around the trigger."""
    if hit.trigger.channel:
        return hit.trigger.channel
    for code, channel in ORG_CHANNELS.items():
        if code in codes:
            return channel
    lo, hi = view.scope(hit.start)
    scopes = [view.text[min(lo, hit.start):max(hi, hit.end)]]
    if hit.trigger.absorbs:  # "agreed to 'join efforts on security'": the complement tells
        scopes.append(re.split(r",\s*(?:and|but|while|whereas)\s|;", view.text[hit.start:])[0])
    for scope in scopes:
        for name, pattern in view.vocab.channels:
            if pattern.search(scope):
                return name
    return "diplomatic"


_CENTRAL_ASIA = frozenset(("KAZ", "KGZ", "TJK", "TKM", "UZB"))


def pairs(actor: Group, target: Group | None, type_: str, intra: bool = True,
          mutual: bool = False) -> list[tuple[str, str]]:
    """Actor-target code pairs; a multi-party meeting pairs its hub with each other party."""
    a_codes = actor.codes
    if target is not None:
        return [(a, t) for a in a_codes for t in target.codes if a != t]
    if mutual:
        return [(a, b) for a in a_codes for b in a_codes if a != b]
    if not intra or type_ not in SYMMETRIC_TYPES or len(a_codes) < 2:
        return []
    blocs = [m for m in actor.mentions if m.kind == "collective" and len(m.codes) >= 3]
    if len(blocs) == 1 and len(actor.mentions) == 2:  # "Italy and the five Central Asian states": Italy with each
        hub = next(m for m in actor.mentions if m is not blocs[0])
        return [(h, c) for h in hub.codes for c in blocs[0].codes if c != h]
    hubs = [c for c in a_codes if c in POWERS]
    if _CENTRAL_ASIA <= set(a_codes) and len(a_codes) == 6 and actor.head.anaphor:
        # "the leaders" of a Central Asia plus Germany meeting: Germany is the hub
        hubs = [c for c in a_codes if c not in _CENTRAL_ASIA]
    if len(hubs) == 1 and len(a_codes) >= 4 and (set(a_codes) - set(hubs) <= _CENTRAL_ASIA
                                                  or any(m.kind == "collective" for m in actor.mentions)):
        # "C5+1": the power meets each of the others (but "Turkey, Azerbaijan, Kazakhstan and Kyrgyzstan
        # signed the Nakhchivan Agreement": each with each)
        return [(hubs[0], c) for c in a_codes if c != hubs[0]]
    return [(a, b) for i, a in enumerate(a_codes) for b in a_codes[i + 1:]]


_OTHER_BODY = re.compile(r"\s+(?:of|in|from|with)\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?(?-i:[A-Z])[\w-]+")
_OTHER_PEOPLE = re.compile(r"\s+(?:the|its|their|his|her|a|an|local|several|some)\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:leaders?|officials|authorities|rulers|opposition|rebels|protesters|elders|"
                           r"interim\s+\w+|new\s+\w+)\b(?!\s+of\b)", re.I)  # "the envoys ... met the interim leaders": not each other
_ADJUNCT_NOUN = re.compile(r"\b(?:after|before|over|following|despite|amid|since|against|at)\s+"
                          r"(?:the|a|an|this|that|these|those)\s+(?:[\w-]+\s+)?$", re.I)
_EACH_OTHER = re.compile(r"\s+(?:each\s+other|one\s+another|the\s+other(?:\s+(?:side|party|government|country))?"
                         r"(?=\s+(?:of|for|over|in|on|at|with|by)\b|\s*[.,;]))\b", re.I)  # "each accused the other of"
_NOUN_USE = re.compile(r"(?:\b(?:the|a|an|of|new|its|their|western|us|eu)\s+$)", re.I)


def _parties(view: SentenceView, hit: Hit) -> tuple[Group | None, Group | None, bool]:
    """(actor, target, weak) by the trigger's rules; weak marks a fallback guess."""
    t = hit.trigger
    if hit.reason_of is not None:  # "praised Poland for taking in refugees"
        _, praised, _ = _parties(view, hit.reason_of)
        if praised is None:
            return None, None, False
        target, fallback = find_target(view, hit, praised)
        return praised, target, fallback
    if t.needs_by:
        agent = _by_agents(view, hit)
        guests = next((g for g in view.groups if agent is not None and g.start >= agent.end and re.search(
            r"\b(?:for|with|attended\s+by)\s+(?:[\w'’-]+\s+){0,3}$", view.text[agent.end:g.start])), None) \
            if t.target == "with" else None
        if agent is not None and t.target == "on":  # "sanctions were imposed on Belarus by the EU"
            guests = next((g for g in view.groups if hit.end <= g.start and g.end <= agent.start), None)
        if guests is None and agent is not None and t.target == "with":
            subject = main_subject(view)  # "A and B shook hands on the sidelines of a summit hosted by C"
            guests = subject if subject is not None and subject.end <= hit.start \
                and not set(subject.codes) & set(agent.codes) else None
        return agent, guests, False  # "hosted by Rahmon for his four counterparts": the host and its guests
    if t.swap:  # "Russia is our ally": we support Russia
        subject, _ = find_actor(view, hit)
        agent = next((g for g in view.groups if 0 <= g.start - hit.end <= 12), None)
        return (agent, subject, False) if agent is not None and subject is not None else (None, None, False)
    if t.agent_after:  # "Kazakhstan's decision drew praise from Moscow"
        agent = next((g for g in view.groups if g.start >= hit.end - len(t.agent_after) - 1
                      and (g.head.gov == t.agent_after or _TITLES_ONLY.fullmatch(view.text[hit.end:g.start]))), None)
        # ("a visit by President Barack Obama": the title is no party)
        before = [g for g in view.groups if g.end <= hit.start]
        subject = next((g for g in before if g.head.gov == "by"), None) or find_actor(view, hit)[0] \
            or main_subject(view) or (before[0] if before else None)  # "the expulsion of X by Georgia drew a response"
        visited = next((g for g in view.groups if agent is not None and g.head.gov == "to"
                        and re.fullmatch(r"\s+to\s+", view.text[agent.end:g.start])), None)
        subject = visited or subject  # "a visit by Obama to Hanoi": Vietnam, not the subject
        return (agent, subject, False) if agent is not None and subject is not None else (None, None, False)
    if t.named_parties:  # "at the first China-Central Asia summit": the parties the name joins
        mod = next((g for g in view.groups if 0 <= hit.start - g.end <= 25 and len(set(g.codes)) >= 2
                    and re.fullmatch(r"(?:\s+[\w'’-]+){0,2}\s+", view.text[g.end:hit.start] or " ")
                    and any(m.kind != "collective" or not m.anaphor for m in g.mentions)
                    and len(g.mentions) >= 2 and not _CONJ_GAP.search(view.text[g.start:g.end])), None)
        return (mod, None, False) if mod is not None else (None, None, False)
    if t.target == "nominal":
        mod, target = _nominal(view, hit)
        if mod is not None:
            return mod, target, False
        word = view.text[hit.start:hit.end].lower()
        if word.endswith("s") and not word.endswith("es") or _NOUN_USE.search(view.text[:hit.start]):
            return None, None, False  # the bare noun "sanctions" names no act
    if view.parse is not None:
        parsed = _parsed_parties(view, hit)
        if parsed is not None:
            actor, target, fallback = parsed
            if actor is None or t.target == "imposer":
                return (actor, _imposer(view, hit), False) if actor is not None else (None, None, False)
            if target is None:
                target, fallback = find_target(view, hit, actor)
            return actor, target, fallback
    owned = _possessor(view, hit)
    if owned is not None and t.target == "imposer":  # "Tbilisi's refusal to join Western sanctions against Moscow"
        return owned[0], _imposer(view, hit) or _default(t, view, hit), False
    if owned is not None:
        return owned[0], owned[1], False
    nominal = _nominal_by(view, hit)
    if nominal is not None:  # "the expulsion of two Russian diplomats by Georgia"
        return nominal[0], nominal[1], False
    if t.type not in SYMMETRIC_TYPES and _ADJUNCT_NOUN.search(view.text[:hit.start]) \
            and not re.match(r"[a-z]+(?:ed|ing)\b", view.text[hit.start:hit.end].lower()):
        return None, None, False  # "after the arrest of a German officer": whose arrest, the text does not say
    actor, borrowed = find_actor(view, hit)
    if actor is None:
        undergoer = _passive_undergoer(view, hit)
        if undergoer is not None:  # "Tajik nationals were expelled by Russian courts"
            agents = _by_agents(view, hit)
            return (agents, undergoer, False) if agents is not None else (None, None, False)
        if _PASSIVE.search(view.text[max(0, hit.start - 30):hit.start]) and re.match(r"\s+by\b", view.text[hit.end:]):
            return _by_agents(view, hit), None, False  # "a memorandum was signed by the Russian and Turkish ministers"
    if actor is not None and is_passive(view, hit, actor):
        agents = _by_agents(view, hit)  # "Westerners are invited to ...": the subject undergoes it
        return (agents, actor, False) if agents is not None else (None, None, False)
    if t.target == "imposer":
        imposer = _imposer(view, hit) or _default(t, view, hit)
        return (actor, imposer, False) if imposer is not None else (None, None, False)
    target, fallback = find_target(view, hit, actor)
    if actor is None and t.type in SYMMETRIC_TYPES and target is not None and len(target.mentions) >= 2 \
            and target.head.gov not in ("from", "to", "into", "for") \
            and not re.search(r"\b(?:host|receiv|welcom|greet|br(?:ing|ought))", view.text[hit.start:hit.end], re.I) \
            and not re.search(r"\bto\s+$", view.text[max(0, hit.start - 5):hit.start]):
        return target, None, False  # "the meeting of the leaders of Armenia and Turkey" (an unknown host's
        # guests do not meet each other)
    return actor, target, fallback or borrowed


def _group_in(view: SentenceView, span: tuple[int, int] | None, head: int | None = None) -> Group | None:
    if span is None:
        return None
    inside = [g for g in view.groups if span[0] <= g.start and g.end <= span[1]]
    if head is not None:
        own = [g for g in inside if g.start <= head < g.end]
        if own:
            return own[0]
    return inside[0] if inside else None


def _parsed_parties(view: SentenceView, hit: Hit) -> tuple[Group | None, Group | None, bool] | None:
    """Actor (and, in the passive, target) from the parse; None: let the rules decide."""
    r = syntax.roles(view.parse, hit.start)
    if r is None or r.subject is None:
        return None
    subject = _group_in(view, r.subject, r.subject_head)
    if subject is None:
        return None if not r.passive else (None, None, False)
    if r.passive:
        return _group_in(view, r.agent), subject, False
    if not (subject.head.actor_ok or subject.head.anaphor) or subject.head.modifier:
        return (None, None, False)
    return subject, None, False


_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|this|these|those|our|whose)\s+$", re.I)


def modifier_use(view: SentenceView, hit: Hit) -> bool:
    """A participle used as an adjective ("the cancelled contract") or in a
    reduced relative clause ("expelled a diplomat accused of spying", "vetoed
    a statement criticising China"): it describes a noun, nobody acts."""
    word = view.text[hit.start:hit.end]
    if not re.fullmatch(r"[A-Za-z]+(?:ed|ing)", word.split()[0]) or hit.reason_of is not None \
            or hit.trigger.agent_after == "by":
        return False  # ("a deal brokered by Washington": the agent acts)
    before = view.text[:hit.start]
    if word.split()[0].endswith("ed") and _DETERMINER.search(before) \
            and (" " not in word or not re.match(r"\w+\s+(?:the|a|an|its|their|his|her|our|off|down|up|out|with|to)\b", word)):
        return True  # ("the closed Turkish border")
    prev = re.search(r"([A-Za-z'’]+)\s+$", before)
    if prev is None or not prev.group(1).islower() or prev.group(1) in view.vocab.grammar["not_nouns"] \
            or prev.group(1).endswith("ly") or re.match(r"\s+by\b", view.text[hit.end:]):
        return False
    if any(not view.text[g.end:hit.start].strip() and _subject_ok(g, view) for g in view.groups):
        return False  # "and the two presidents signed a treaty": a party right before acts
    lo, _ = view.scope(hit.start)
    return any(lo <= h.start and h.end < hit.start and "," not in view.text[h.end:hit.start]
               for h in view.hits)


_NEW_CLAUSE = re.compile(r"[,;]\s*(?:and|but|while)\s+(?:the\s+)?$")


def _clause_partner(view: SentenceView, hit: Hit, actor: Group, type_: str,
                    earlier: tuple) -> list[tuple[str, str]]:
    """", and Tokyo demanded his release", ", and Beijing lodged a protest": a
    clause that answers the sentence's earlier event names no one, its party
    is the one that event joined the actor to; ", while Chile and Colombia
    recalled their ambassadors": a like act toward the same target."""
    if not _NEW_CLAUSE.search(view.text[:actor.start]) \
            or not re.fullmatch(r"(?:\s+[\w'’-]+){0,3}\s+", view.text[actor.end:hit.start]):
        return []  # the clause's own verb, not a noun further on ("summoned X to protest the arrests")
    codes = set(actor.codes)
    for c in reversed(earlier):
        if c.actor in codes and c.target not in codes:
            return [(a, c.target) for a in actor.codes]
        if c.target in codes and c.actor not in codes:
            return [(a, c.actor) for a in actor.codes]
    same = next((c for c in reversed(earlier) if c.type == type_ and c.target not in codes), None)
    return [(a, same.target) for a in actor.codes] if same is not None else []


def _shared_object(view: SentenceView, hit: Hit, actor: Group, earlier: tuple) -> list[tuple[str, str]]:
    """"The EU has frozen Georgia's accession process and suspended 30 million euros in aid": a verb
    coordinated with the subject's earlier one, naming no party, acts on that verb's target."""
    if not re.search(r"\band\s+(?:then\s+|also\s+|later\s+|has\s+|have\s+|had\s+)?$", view.text[:hit.start]):
        return []
    prior = next((c for c in reversed(earlier) if c.actor in actor.codes and c.target not in actor.codes), None)
    return [(a, prior.target) for a in actor.codes if a != prior.target] if prior is not None else []


_IN_PROTEST = re.compile(r"\bin\s+protest\s+(?:at|over|against|of)\s+(?:the\s+|a\s+|an\s+)?"
                         r"(?:(?:presence|participation|attendance|visit|treatment)\s+of\s+)?", re.I)


def _protested(view: SentenceView, hit: Hit, actor: Group) -> Group | None:
    """"stayed away ... in protest at Sri Lanka's human rights record", "boycotted
    the conference in protest at a NATO air strike": the protest is at its owner."""
    m = _IN_PROTEST.search(view.text, hit.end)
    if m is None or m.start() - hit.end > 150:
        return None
    g = next((g for g in view.groups if m.end() <= g.start <= m.end() + 25), None)
    return g if g is not None and not set(g.codes) & set(actor.codes) else None


_STATEMENT_TYPES = ("REJECT", "SUPPORT", "ACCUSE", "REQUEST", "THREATEN")


def _quote_speaker(view: SentenceView, hit: Hit) -> Group | None:
    """Who says a quote whose own words name no actor: the party outside the
    quotation marks next to the speech verb."""
    quote = next(((a, b) for a, b in view.quotes if a < hit.start < b), None)
    if quote is None:
        return None
    verbs = word_pattern(tuple(view.vocab.grammar["speech"]))
    outside = [g for g in view.groups if not (quote[0] < g.start < quote[1]) and g.head.actor_ok
               and not g.head.modifier]
    near = [g for g in outside if verbs.search(view.text[max(0, g.start - 30):g.end + 40])]
    return near[0] if near else None


_THEN_PLACE = re.compile(r"\s+(?:on|in|last|this|next|early|late)\s+[\w-]+(?:\s+\d+)?\s+(?:and|then)\s+"
                         r"(?:then\s+|later\s+|on\s+)?(?:to\s+|in\s+)?")
_PLACE_KINDS = ("seat", "name", "city")


def _further_places(view: SentenceView, target: Group) -> Group:
    """The places a trip went on to: "visited Bishkek on Monday and Dushanbe on Tuesday"."""
    mentions = list(target.mentions)
    for g in view.groups:
        if g.start >= mentions[-1].end and g.head.kind in _PLACE_KINDS and target.head.kind in _PLACE_KINDS \
                and _THEN_PLACE.fullmatch(view.text[mentions[-1].end:g.start]):
            mentions += g.mentions
    return target if len(mentions) == len(target.mentions) else Group(mentions)


def sentence_candidates(view: SentenceView, hit: Hit, ref_date: str | None,
                        earlier: tuple[Candidate, ...] = ()) -> list[Candidate]:
    """Candidates of one trigger; ``earlier``: those of the sentence's earlier triggers."""
    t = hit.trigger
    if t.background and in_background(view, hit) and not _dated(view, hit):
        return []
    if modifier_use(view, hit) or (_content_noun(view, hit) and _possessor(view, hit) is None):
        return []
    if t.type == "CONSULT" and _HALTED.search(view.text[max(0, hit.start - 60):hit.start]):
        return []  # "suspended human rights talks with Washington": a meeting called off is none
    actor, target, fallback = _parties(view, hit)
    if t.locative and t.type == "CONSULT" and target is not None:
        target = _further_places(view, target)
    if t.target_person and (target is None or not _as_people(view, target)):
        return []  # "told reporters", "told the assembly": no meeting
    between = view.text[hit.start:hit.end].lower().endswith("between")
    if actor is None and between:
        actor = next((g for g in view.groups if g.start >= hit.end and len(set(g.codes)) >= 2), None)
        target = None  # "a ceasefire between Israel and Lebanon took effect": the two agreed
    if actor is None and t.type in _STATEMENT_TYPES:
        actor = _quote_speaker(view, hit)  # '"Full membership is not on the table," the Uzbek minister said'
    if actor is None or (_EVENT_NOUN.match(actor.head.text) and t.type not in SYMMETRIC_TYPES):
        return []  # "the talks had touched on how to stop goods": an event is no actor (but "the summit agreed")
    if t.type == "CONSULT" and actor.head.kind == "adj" and actor.head.next in view.vocab.grammar["forces"]:
        return []  # "Armenian deminers landed in Syria": troops arriving are no visit
    if t.type in ("COERCE", "SANCTION") and target is not None and target.head.anaphor \
            and set(target.codes) <= set(actor.codes):  # "closed Iran's embassy and gave its diplomats
        target = next((g for g in reversed(view.groups) if g.end <= hit.start and g.head.actor_ok  # 48 hours to
                       and not set(g.codes) & set(actor.codes)), target)  # leave": Iran's, not Britain's own
    if t.plural_subject and len(set(actor.codes)) < 2 and (target is None or _governor(view, target) != "with"):
        return []  # "the ministry issued a statement condemning X" is no agreement with X
    if t.name in ("negative-judgement", "label-of-blame"):
        actor, target = _judge_and_judged(view, hit, actor, target)
    if t.type == "PROTEST":
        target = _protested(view, hit, actor) or target
    judge = _appositive_judge(view, hit, earlier) if t.type in _JUDGEMENT_TYPES else None
    if judge is not None:  # the judged act's actor, by code
        actor, target = judge[0], None
    if t.name == "blame-failure":  # "Peskov said Putin had refused": no blame of one's own side
        said = next((g for g in view.groups if g.start >= hit.end), None)
        if said is None or set(said.codes) & set(actor.codes):
            return []
        target = said
    if t.type == "REJECT" and _DENIAL_OBJECT.search(view.text[:hit.start]):
        return []  # "a charge Moscow rejects": a denial, not a refusal of anyone
    negated = not t.fixed and (is_negated(view, hit, actor) if judge is None  # (the appositive's own words only)
                               else bool(re.search(r"\b(?:not|never)\b|n't\b", view.text[actor.end:hit.start])))
    if is_modal(view, hit, actor, negated):
        return []
    type_, stance = t.type, t.stance
    if negated:
        if not t.negated:
            return []
        type_, stance = t.negated, -1
    lo, hi = view.scope(hit.start)
    date = nearest_date(view.dates, lo, hi, hit.start)
    if date is None and actor.start < lo:  # "met on Friday ..., and agreed to": the shared subject's clause
        date = nearest_date(view.dates, *view.scope(actor.start), actor.start)
    if date is None and view.single_trigger:  # "X cancelled the drills, the ministry said on Sunday"
        free = [d for d in view.dates if view.embedding(d[0]) is None]
        date = nearest_date(free, 0, len(view.text), hit.start)
    conf = t.weight * (0.85 if actor.head.anaphor else 1.0) * (0.75 if fallback else 1.0)
    mutual = t.mutual or bool(_EACH_OTHER.match(view.text[hit.end:]))  # "pounded each other"
    intra = t.target != "imposer" and t.intra and not (target is None and _OTHER_PEOPLE.match(view.text[hit.end:]))
    coded = pairs(actor, target, type_, intra=intra, mutual=mutual)
    if judge is not None:
        coded = [(a, judge[1]) for a in actor.codes if a != judge[1]]
    inner = []
    if t.together and target is not None and len(set(actor.codes)) >= 2 and not negated:
        inner = [p for p in pairs(actor, None, t.together) if p not in coded]  # "Indian and Japanese warships ... with the US"
    between = between or (t.type == "CONSULT" and bool(re.match(r"\s+between\b", view.text[hit.end:])))
    between = between or (t.name == "host" and target is not None and len(set(target.codes)) == 2
                          and _GUESTS_TALK.search(view.text, hit.end))
    between = between or bool(re.search(r"\bcall\s+with$", view.text[hit.start:hit.end]))
    # ("held a call with Tokayev and Netanyahu": one call, all three on it)
    # ("Bush hosted Karzai and Musharraf at a White House dinner to ease their feud": the two guests met)
    # ("hosted secret talks between US and Iranian officials": the two sides met too)
    if (between or t.brokered) and target is not None and len(set(target.codes)) >= 2 and type_ in SYMMETRIC_TYPES:
        # "brokered talks between A and B": A meets B
        coded += [p for p in pairs(target, None, type_) if p not in coded and p[::-1] not in coded]
    org = next((c for g in view.groups for c in g.codes if c in ORGANISATIONS and c != "WST"), view.last_org)
    if not coded and target is None and t.fallback == "organisation" and org and org not in actor.codes \
            and not _OTHER_BODY.match(view.text, hit.end):  # ("its membership of the older Eurasian Economic Community")
        coded = [(a, org) for a in actor.codes]
        conf *= 0.6  # "the leaders of A, B and C also attended" the organisation's summit
    if not coded and target is None and t.fallback == "host" and view.host:
        coded = [(a, h) for a in actor.codes for h in view.host if a != h]
        conf *= 0.7  # "X hosted Y at the ceremony. The prime ministers of A and B were among the guests."
    if not coded and target is None and type_ in ("REJECT", "CONCEDE") and hit.end - hit.start < _SHORT_REPLY:
        askers = tuple(dict.fromkeys(r for r, q in view.asked if q in actor.codes and r not in actor.codes))
        coded = [(a, r) for a in actor.codes for r in askers]
        conf *= 0.7  # "Moscow asked Dushanbe to free the pilots. Dushanbe has so far declined."
    if not coded and target is None and type_ in PARTNER_FALLBACK and set(actor.codes) & set(view.partners):
        coded = [(a, p) for a in actor.codes for p in view.partners if p not in actor.codes]
        conf *= 0.6  # "announced a package of 12 billion euros" after meeting the five
    if not coded and target is None and earlier:
        coded = _clause_partner(view, hit, actor, type_, earlier) or _shared_object(view, hit, actor, earlier)
        conf *= 0.7 if coded else 1.0
    if not coded and target is None and type_ in ("AGREE", "CONSULT") and len(set(actor.codes)) == 1:
        others = {c for g in view.groups if g is not actor and g.head.actor_ok and not g.head.modifier
                  for c in g.codes} - set(actor.codes)
        if len(others) == 1 and any(m.kind == "person" or (m.kind in ("seat", "name") and (
                m.gov in ("visited", "visiting") or (m.gov == "to" and m.prev2 in ("visit", "trip", "tour"))))
                                    for g in view.groups for m in g.mentions if set(m.codes) == others):
            coded = [(actor.codes[0], others.pop())]  # "When President Putin came to Tashkent, we signed documents"
            conf *= 0.6
    channel = channel_of(view, hit, {c for pair in coded + inner for c in pair})
    out = [Candidate(a, b, type_, stance, channel, date, round(conf, 3), actor.person) for a, b in coded]
    out += [Candidate(a, b, t.together, stance if t.together == type_ else 1, channel, date, round(conf * 0.9, 3),
                      actor.person) for a, b in inner]
    if t.reverse and not negated:
        out += [Candidate(b, a, t.reverse, 0, channel, date, round(conf * 0.9, 3), None) for a, b in coded]
        out = [c for c in out if c.type == t.reverse or not any(
            {e.actor, e.target} == {c.actor, c.target} for e in earlier)]  # "sent troops at the request of X":
        # the act is coded by its own verb
    broker = None if negated or type_ not in ("AGREE", "CONSULT") else next(
        (g for g in view.groups if hit.start < g.start and g.start - hit.end <= 90
         and _BROKERED.search(view.text[hit.start:g.start])), None)  # (also inside the trigger's own span:
    # "agreed in Ankara, in talks brokered by Recep Tayyip Erdogan, to end their dispute")
    if broker is not None:  # "signed two protocols, brokered by Switzerland"
        parties = {c for pair in coded for c in pair} - set(broker.codes)
        out += [Candidate(b, p, "CONSULT", 1, "diplomatic", date, round(conf * 0.8, 3), None)
                for b in broker.codes for p in sorted(parties)]
    if t.in_person and not negated and _as_people(view, actor) and (
            _as_people(view, target) if target is not None else len(set(actor.codes)) >= 2):
        out += [Candidate(a, b, "CONSULT", 1, "diplomatic", date, round(conf * 0.85, 3), actor.person)
                for a, b in coded]  # "Aliyev and Putin signed a declaration at the Kremlin": they met
    return out


_PERSON_ROLE = re.compile(r"(?:\s+[A-Z][\w'’-]*)*\s+(?:president|prime\s+minister|premier|leader|counterpart|"
                          r"(?:foreign|defen[cs]e|economy|trade|energy)\s+minister|chancellor|king|emir)\b", re.I)


def _as_people(view: SentenceView, group: Group) -> bool:
    """Every party of the group is named as a person who was there: a leader
    by name, "he", or a role ("his French counterpart", "the presidents of")."""
    def person(m) -> bool:
        if m.kind == "person" or (m.kind == "pronoun" and m.text.lower() in ("he", "she")):
            return True
        if m.gov == "of" and re.search(r"(?-i:[A-Z])[\w-]+\s+of\s+$", view.text[max(0, m.start - 40):m.start]) \
                and any(p.kind == "person" and p.end <= m.start for p in group.mentions):
            return True  # "President Ilham Aliyev of Azerbaijan"
        if _PERSON_ROLE.search(" " + m.text) and re.search(r"(?-i:[A-Z])\w+$", m.text):
            return True  # "US President Donald Trump"
        if re.search(r"[’']s\s+(?:(?-i:[A-Z])[\w-]+\s+){1,3}(?-i:[A-Z])[\w-]+$", m.text) or (m.possessive and re.match(
                r"[’']s\s+(?:(?-i:[A-Z])[\w-]+\s+){0,3}(?-i:[A-Z])", view.text[m.end:m.end + 60])):
            return True  # "Azerbaijan's Ilham Aliyev"
        if m.kind == "adj":
            return bool(_PERSON_ROLE.match(view.text[m.end:m.end + 60]))
        if m.kind == "collective" and m.anaphor and re.search(
                r"\b(?:leaders|presidents|premiers|prime\s+ministers|heads\s+of\s+state|men)$", m.text, re.I):
            return True  # "Putin hosted Aliyev and Pashinyan, when the three leaders agreed": all three were there
        return m.kind == "collective" and bool(re.search(r"\b(?:presidents|leaders|heads\s+of\s+state)\s+of\s+(?:the\s+)?$",
                                                          view.text[max(0, m.start - 40):m.start], re.I))
    if group.head.gov == "of" and group.head.gov2 in ("leaders", "presidents", "heads", "premiers", "ministers"):
        return True  # "the leaders of Armenia and Azerbaijan signed"
    return all(person(m) for m in group.mentions)
