"""What the text has named so far, for "he", "they", "these two countries",
"the organisation" and "the participants". One Discourse lives for one
document only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import ORGANISATIONS
from .mentions import Group, Mention

_OFFICIALS = frozenset({"diplomat", "official", "minister", "ambassador", "envoy", "spokesman",
                        "spokeswoman", "spokesperson", "negotiator", "adviser", "advisor", "deputy"})
_ROLES = _OFFICIALS | {"representative", "president", "chief", "head", "leader", "commissioner", "secretary",
                       "premier", "chancellor", "foreign", "prime", "defence", "defense", "special"}
_GOVERNED = frozenset({"as", "with", "beside", "by", "to", "from", "for", "than", "like", "against", "of"})
_ORG_KINDS = {"alliance": frozenset({"CSTO", "NATO"}), "union": frozenset({"EU", "EAEU"})}
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2}
_ROLE_AFTER = re.compile(r"[’']s?\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(sorted(_ROLES)) + r")\b")
_PLACE_GOVERNORS = ("to", "in", "visited", "visiting")
_RECENT_MEETING = 3  # sentences after a meeting in which "his guest", "the visitor" still point to it
_JUST_MET = 1  # ... and "the presidents" (who might be anyone's a little later)
_SENDING = re.compile(r"\b(?:sent|dispatched|despatched|appointed|named|tasked|assigned)\b")
_COUNT = re.compile(r"\b(two|three|four|five|six|both)\b", re.I)


def _count(text: str) -> int | None:
    """The size a collective names: "these two countries" is 2."""
    m = _COUNT.search(text)
    return _NUMBERS[m.group(1).lower()] if m else None


def _first_party(before: list, text: str) -> tuple[str, ...]:
    """The sentence's first named party with the ones coordinated with it ("Estonia, Latvia and
    Lithuania barred ..., and Moscow condemned the move": all three acted)."""
    named = [x for x in before if x.codes and x.actor_ok and not x.anaphor]
    if not named or not text:
        return ()
    codes = list(named[0].codes)
    for a, b in zip(named, named[1:]):
        if not re.fullmatch(r"\s*(?:,|,?\s*and)\s*", text[a.end:b.start]):
            break
        codes += [c for c in b.codes if c not in codes]
    return tuple(codes)


def _coordinated(before: list, text: str) -> tuple[str, ...]:
    """The codes of the last two named parties joined by "and" in this sentence ("Medvedev and Obama")."""
    named = [x for x in before if x.codes and not x.anaphor and x.actor_ok]
    for a, b in reversed(list(zip(named, named[1:]))):
        if text and text[a.end:b.start].strip() == "and" and set(a.codes) != set(b.codes):
            if any(len(x.codes) >= 2 and x.start >= b.end for x in before):
                return ()  # "... before the three men sat down together": the later, larger group
            return tuple(dict.fromkeys(a.codes + b.codes))
    return ()


@dataclass
class Discourse:
    singular: tuple[str, ...] = ()
    plural: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    met_age: int = 99  # sentences since the last meeting set the participants (99: none yet)
    venue: tuple[str, ...] = ()  # whose seat or city the last meeting took place in
    subject: tuple[str, ...] = ()
    recent: list[str] = field(default_factory=list)
    history: list[tuple[str, ...]] = field(default_factory=list)
    voice: tuple[str, ...] = ()  # who speaks the current quote ("we", "our")
    open_quote: bool = False  # the last sentence left a quotation open
    answer: bool = False  # inside an interview's answer ("A: ...") until the paragraph ends
    interviewee: tuple[str, ...] = ()  # whose "we" the answers are
    official: tuple[str, ...] = ()  # the state of the last official named ("a senior Uzbek diplomat")
    scene: str | None = None  # the last date the paragraph gave, for leaders of its time
    host: tuple[str, ...] = ()  # the host of the last gathering ("Aliyev hosted Erdogan")
    leaders: tuple[str, ...] = ()  # the states of the last two leaders a sentence named ("Pashinyan and Aliyev")
    asked: tuple[tuple[str, str], ...] = ()  # (requester, requested) of the latest requests, for two sentences
    asked_age: int = 0  # sentences since those requests
    subjects: list[tuple[str, ...]] = field(default_factory=list)  # of the last two sentences that had one
    acts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "the raid" -> whose raid, as first resolved

    def resolve(self, m: Mention, local: list[Mention], speaker: tuple[str, ...], text: str = "") -> tuple[str, ...]:
        """Codes an anaphoric mention stands for, preferring this sentence's own
        (``local``: the sentence's mentions resolved so far)."""
        before = [x for x in local if x.end <= m.start]
        if m.anaphor == "speaker":
            return speaker or self.voice or self.singular
        if m.anaphor == "object":  # "cut ties with Tehran, accusing it of ...": the last state named, not the subject
            states = [x for x in before if len(x.codes) == 1 and x.actor_ok and not x.anaphor
                      and x.kind in ("name", "seat", "adj")]
            return states[-1].codes if len(states) >= 2 else ()
        if m.anaphor == "singular":
            return self._him(before, text) if m.text == "him" else self._singular(m, before, text)
        if m.anaphor == "participants":
            return self.participants or self.plural
        if m.anaphor == "attendees":  # "The presidents agreed ..." right after their meeting
            return self.participants if self.met_age <= _JUST_MET else ()
        if m.anaphor == "plural" and m.text.lower() in ("they", "them", "themselves", "both"):
            pair = _coordinated(before, text)
            if pair:
                return pair  # "Medvedev and Obama had themselves discussed ..., where they signed"
        if m.anaphor == "act_here":  # "..., and Damascus condemned the offensive": an act this sentence told
            named = [x for x in before if x.codes and x.actor_ok and not x.anaphor]
            return (_first_party(before, text) or named[0].codes) if len(named) > 1 else ()
        if m.anaphor == "act":
            codes = self._act(m, before, text)
            if codes:
                self.acts.setdefault(m.text.lower(), codes)
            return codes
        handler = {"counterpart": self._counterpart, "side": self._side,
                   "org": self._org}.get(m.anaphor or "", self._plural)
        return handler(m, before)

    def _him(self, before: list[Mention], text: str) -> tuple[str, ...]:
        """"him" is an object: not the person who acts on him."""
        people = [x for x in before if x.kind == "person" and x.codes]
        if len(people) >= 2 and re.match(r"\s*,\s*who\b", text[people[-1].end:]):
            return people[-2].codes  # "Rahmon called Putin, who assured him": Putin's antecedent acts
        if len(people) >= 2 and people[-1].prev not in ("and", ",", "&"):
            return people[-1].codes  # "Xi sent Tokayev a message ..., calling him responsible"
        return self.singular  # "Putin and Xi were the first to congratulate him"

    def _singular(self, m: Mention, before: list[Mention], text: str) -> tuple[str, ...]:
        """"he", "his country", "the country": this sentence's subject if it has one."""
        pronoun = m.text.lower() in ("he", "she")
        people = [x for x in before if x.kind == "person" and x.codes and x.gov not in _GOVERNED]
        if people and pronoun:  # (not "sitting beside Putin, he said")
            return people[0].codes  # "Putin flew to Ashgabat, where he met ...": the subject first
        owners = [x for x in before if x.possessive and x.codes and x.gov not in _GOVERNED
                  and _ROLE_AFTER.match(text, x.end)]
        if owners and pronoun and not people:
            return owners[0].codes  # "The OSCE's representative condemned the raid, as she had ..."

        if m.text.lower().startswith(("his ", "her ")):  # "he said his country had": his, not Minsk's
            owners = [x for x in before if x.codes and (x.kind == "person" or x.text.lower() in ("he", "she"))]
            free = [x for x in owners if x.gov not in _GOVERNED]  # "Tokayev, who met Scholz, said his country"
            if owners:
                return (free or owners)[-1].codes
        states = [x for x in before if len(x.codes) == 1 and x.actor_ok and x.kind in ("name", "seat", "adj")
                  and not x.anaphor and x.gov not in _GOVERNED and x.gov not in ("in", "at")]
        if states and not pronoun:
            return states[0].codes  # "Armenia cancelled the drills in the country"
        if states and states[0].start <= 1 and not people and _SENDING.search(text[:m.start]):
            return states[0].codes  # "Moscow then dispatched Kozak to Bishkek, where he met ...": Moscow's man
        return () if self.singular == ("WST",) and pronoun else self.singular  # no man speaks for "the West"

    def _counterpart(self, m: Mention, before: list[Mention]) -> tuple[str, ...]:
        """"Putin met Pashinyan. He assured his guest ...": the other party of the meeting."""
        owner = {c for x in before if x.gov not in _PLACE_GOVERNORS for c in x.codes} or set(self.subject)
        visited = [x for x in before if x.kind in ("seat", "name") and len(x.codes) == 1
                   and x.gov in _PLACE_GOVERNORS and not set(x.codes) & owner]
        if "host" in m.text.lower() and visited:
            return visited[-1].codes  # "Medvedev came to Ashgabat and agreed with his host"
        pool = self.participants if self.met_age <= _RECENT_MEETING else self.leaders
        rest = tuple(c for c in pool if c not in owner)
        return rest if owner and len(rest) == 1 else ()  # "His host thanked Ankara": the last subject's host

    def _side(self, m: Mention, before: list[Mention]) -> tuple[str, ...]:
        """"the visitor", "the host": one side of the meeting just told of."""
        if self.met_age > _RECENT_MEETING or len(self.participants) < 2:
            return ()
        host = next((h for h in (self.host, self.venue) if h and set(h) <= set(self.participants)),
                    self.participants[1:2])  # else the one met: "X held talks with Y"
        guests = tuple(c for c in self.participants if c not in host)
        return host if "host" in m.text.lower() else (guests if len(guests) == 1 else ())

    def _act(self, m: Mention, before: list[Mention], text: str = "") -> tuple[str, ...]:
        """"criticised the drills": whoever held them, never the critic."""
        named = [x.codes for x in before if x.codes and x.actor_ok and not x.anaphor]
        if len(named) > 1:
            return _first_party(before, text) or named[0]  # the last one named is the critic
        critic = set(named[0]) if named else set()
        known = self.acts.get(m.text.lower())
        if known and not set(known) & critic:
            return known  # "the raid" again: the same raid, whoever criticises it now
        return next((c for c in reversed(self.subjects) if c and not set(c) & critic), ())

    def _org(self, m: Mention, before: list[Mention]) -> tuple[str, ...]:
        """"the alliance", "the bloc": the last organisation of that kind named."""
        earlier = [x.codes for x in before if x.codes and x.kind != "we"]
        orgs = [c for c in self.recent if c in ORGANISATIONS] + \
            [c for codes in earlier for c in codes if c in ORGANISATIONS]
        kinds = next((v for k, v in _ORG_KINDS.items() if k in m.text.lower()), None)
        fitting = [c for c in orgs if (kinds is None or c in kinds) and c != "WST"]
        # "the alliance" is no trade union, and "Western markets" name no bloc
        return (fitting[-1],) if fitting else ()

    def _plural(self, m: Mention, before: list[Mention]) -> tuple[str, ...]:
        """"they", "these two countries", "both sides": a group named before."""
        earlier = [x.codes for x in before if x.codes and x.kind != "we"]
        size = _count(m.text)
        if size:
            return self._sized(m, before, earlier, size)
        if m.text.lower().startswith("their "):  # "he and Jeenbekov signed ... their countries' partnership"
            named = tuple(dict.fromkeys(c for x in before if x.codes and x.kind != "territory" for c in x.codes))
            if len(named) == 2:
                return named
        plural = [c for c in earlier if len(c) >= 2]
        collective_nouns = [x.codes for x in before if x.codes and not x.anaphor
                            and re.search(r"(?:governments|countries|states|allies|partners|capitals|powers)$", x.text, re.I)]
        if m.text.lower() in ("them", "they") and collective_nouns and not plural:
            return collective_nouns[-1]  # "rounded on Western governments and media, accusing them"
        if not plural and m.text.lower() in ("them", "they"):
            people = [x for x in before if x.kind == "adj" and x.codes and x.next.endswith("s")]
            if people:
                return people[-1].codes  # "Turkish soldiers would join, but Moscow refused to accept them"
        return plural[-1] if plural else self.plural

    def _sized(self, m: Mention, before: list[Mention], earlier: list[tuple[str, ...]], size: int) -> tuple[str, ...]:
        """"the two presidents", "the three men": a group of that size named before."""
        named = tuple(dict.fromkeys(c for x in before if x.actor_ok and x.kind != "territory"
                                    and (not x.anaphor or x.text.lower() in ("he", "she")) for c in x.codes))
        # ("he hosted Aliyev and Pashinyan, where the three leaders": he is one of them)
        if len(named) == size and (re.search(r"leaders|presidents|ministers|heads|premiers|counterparts|\bmen\b",
                                              m.text, re.I) or m.text.lower() == "the two"
                                   or re.fullmatch(r"the two (?:sides|governments|countries)", m.text, re.I)):
            return named  # "Rahmon telephoned Putin, and the two presidents agreed", "... and the two signed"
        same_size_here = [c for c in earlier if len(c) == size]
        if len(self.leaders) == size and re.search(r"leaders|presidents|premiers|heads", m.text, re.I) \
                and not same_size_here:
            return self.leaders  # "Pashinyan and Aliyev signed ... with Trump. ... The two leaders appealed"
        if len(self.participants) == size and not same_size_here:
            return self.participants  # "the two leaders" after their meeting
        sized = [c for c in self.history + earlier if len(c) == size]
        return sized[-1] if sized else (tuple(self.recent[-2:]) if size == 2 else ())

    def observe_requests(self, asked: tuple[tuple[str, str], ...]) -> None:
        """Keep a sentence's requests for the two sentences after it, for a refusal
        that names no one ("Karimov refused"): it answers them."""
        if asked:
            self.asked, self.asked_age = asked, 0
        elif self.asked:
            self.asked_age += 1
            if self.asked_age >= 2:
                self.asked = ()

    def new_paragraph(self) -> None:
        """A paragraph break ends an interview answer and forgets open requests."""
        self.answer = False
        self.asked, self.asked_age = (), 0

    def observe(self, groups: list[Group], subject: Group | None, parties: tuple[str, ...]) -> None:
        """Update after a sentence: its subject, its groups, its meeting's parties."""
        people = [g for g in groups if sum(m.kind == "person" for m in g.mentions) >= 2]
        named = tuple(dict.fromkeys(c for g in groups for m in g.mentions if m.kind == "person" for c in m.codes))
        if people:
            self.leaders = people[0].codes
        elif len(named) == 2:
            self.leaders = named
        for g in groups:
            codes = g.codes
            if g.head.kind == "adj" and g.head.next in _OFFICIALS and len(codes) == 1:
                self.official = codes
            elif len(codes) == 1 and g.head.prev in ("at", "of", "from", "in") and g.head.prev2 in _OFFICIALS:
                self.official = codes  # "a senior diplomat at Uzbekistan's foreign ministry"
            if len(codes) >= 2:
                self.history.append(codes)
                if g.head.actor_ok:
                    self.plural = codes
            for c in codes:
                if c in self.recent:
                    self.recent.remove(c)
                self.recent.append(c)
        if subject is not None:
            self.subject = subject.codes
            self.subjects = (self.subjects + [subject.codes])[-2:]
            if len(subject.codes) == 1:
                self.singular = subject.codes
            elif len(subject.codes) >= 2:
                self.plural = subject.codes
        self.met_age += 1
        if len(parties) >= 2:
            self.met_age = 0
            self.participants = parties
            self.venue = next((g.codes for g in groups if g.head.kind in ("seat", "city") and g.head.gov == "in"
                               and set(g.codes) <= set(parties)), ())
            self.plural = parties  # "They agreed ..." after a meeting: its parties
