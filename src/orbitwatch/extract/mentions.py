"""Actor mentions in a sentence: states, seats of power, organisations,
office holders, collectives and the pronouns that stand for them.

A mention knows what governs it (the word before it), so the event rules
can tell a subject from an object, a location or a bypassed state.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .tokens import Token, tokenize
from .vocabulary import Vocabulary

_COORD = re.compile(r"^\s*(?:,|,?\s*(?i:and|or|nor|&|as well as|plus)\b)\s*"
                    r"(?i:(?:the|his|her|their|its)\s+)?(?i:other\s+)?(?i:(?:two|three|four|five|six|seven|eight)\s+)?"
                    r"(?:(?:President|Prime\s+Minister|Premier|Chancellor|King|Emir|Foreign\s+Minister)\s+)?$"
                    r"|^\s*,?\s*(?i:and|or)\s+(?i:the\s+)?(?i:presidents|leaders|heads\s+of\s+state|prime\s+ministers|"
                    r"(?:foreign\s+)?ministers)\s+of\s+(?i:the\s+)?$")  # "Tokayev and the presidents of A, B and C"
_CONJ = re.compile(r"\b(?:and|or|nor|as well as|plus)\b|&", re.I)
_ROLE_WORDS = ("counterpart|president|prime|minister|foreign|defen[cs]e|leader|chancellor|secretary|state|"
               "premier|deputy|head|spokes(?:man|woman|person)|ambassador|envoy|king|emir|crown|prince|"
               "vice|first|acting|top|diplomat|chief|interior|economy|finance|trade|energy")
_TITLE_GAP = re.compile(rf"^(?:\s*[’']s)?(?:\s+(?:[A-Z][\w.-]*|of|the|for|and|{_ROLE_WORDS}))*\s*,?\s*$")
_SINGULAR = re.compile(r"\b(?:he|she|He|She|him)\b|\b(?:his|her|its|their|the)\s+country\b|\bthe\s+country\b"
                       r"|\b(?:the|The)\s+(?:chancellor|president|premier|prime\s+minister|foreign\s+minister"
                       r"|(?:government|authorities|regime|administration|leadership)"
                       r"(?!\s+(?:to|led|of|in|at|headed|formed|which|that|who)\b))\b"
                       r"(?!\s+(?:of\b|(?-i:[A-Z]))|[’']s\b|,\s*(?-i:[A-Z]))"  # "the chancellor" (not "the president of X")
                       r"|\b(?:its|Its)\s+(?:(?:special|foreign|top|chief|senior)\s+)?(?:authorities|government|leadership|"
                       r"officials|ministry|forces|troops|army|envoy|ambassador|minister|president|leader|"
                       r"spokesman|spokeswoman|spokesperson|delegation|diplomats|representative)\b")
_IT = re.compile(r"\bit\b")  # after one of the grammar's object_verbs, the state just named
_WE = re.compile(r"\b(?:we|We|our|Our|us)\b")


@dataclass
class Mention:
    start: int
    end: int
    codes: tuple[str, ...]
    kind: str  # name adj people seat city org person territory collective pronoun we
    text: str
    person: str | None = None
    prev: str = ""        # the lowercased word right before
    prev2: str = ""       # and the one before it
    gov: str = ""         # the governing word, past determiners ("with the EU": with)
    gov2: str = ""        # for "of", the noun it hangs on ("leaders of the EU": leaders)
    next: str = ""        # the lowercased word right after
    modifier: bool = False  # "Moscow-led", "pro-Kremlin": describes something else
    anti: bool = False      # "anti-Russian": the state is acted against
    leads: bool = False     # "a Russian-led statement": the state behind the thing named
    actor_ok: bool = True
    in_paren: bool = False
    anaphor: str | None = None
    possessive: bool = False
    owns_firm: bool = False  # "India's Tata Steel": a company acts, though a sanction on it falls on the state


@dataclass
class Group:
    """Coordinated mentions acting together ("Kazakhstan and Uzbekistan")."""

    mentions: list[Mention] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.mentions[0].start

    @property
    def end(self) -> int:
        return self.mentions[-1].end

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c for m in self.mentions for c in m.codes))

    @property
    def head(self) -> Mention:
        return self.mentions[0]

    @property
    def person(self) -> str | None:
        return next((m.person for m in self.mentions if m.person), None)


def _lookup(vocab: Vocabulary, tokens: list[Token], i: int) -> tuple[int, object] | None:
    first = tokens[i].text
    if first not in vocab.lengths and first.isupper() and len(first) > 3:
        titled = vocab.forms.get((first.title(),))  # "KAZAKHSTAN" in a headline
        return (1, titled) if titled is not None else None
    for n in vocab.lengths.get(first, ()):
        if i + n > len(tokens):
            continue
        key = tuple(t.text for t in tokens[i:i + n])
        entry = vocab.forms.get(key)
        if entry is not None:
            return n, entry
        if key in vocab.territories:
            return n, ("territory", vocab.territories[key])
    return None


def _word_before(text: str, pos: int) -> tuple[str, str]:
    words = re.findall(r"[\w’']+|[,;:(“\"]", text[max(0, pos - 60):pos])
    words = [w.lower() for w in words]
    return (words[-1] if words else ""), (words[-2] if len(words) > 1 else "")


def _date_at(dates: list[tuple[int, int, str]], pos: int, default: str | None) -> str | None:
    """The time expression nearest to ``pos`` in the sentence, else the document's date."""
    if not dates:
        return default
    return min(dates, key=lambda d: min(abs(d[0] - pos), abs(d[1] - pos)))[2]


_OTHER_NAME_AFTER = re.compile(r"\s+(?:(?:al|el|bin|ibn|abu|van|von|de|da|di)[- ])?(?-i:[A-Z])[\w’'-]*(?<!['’]s)\b"
                               r"(?<!Administration)(?<!Government)(?<!Doctrine)")


_LONGER_NAME_AFTER = re.compile(r"\s+(?:on|of|for)\s+(?-i:[A-Z])")


def _article_name(text: str, start: int, end: int) -> bool:
    """Whether a common noun that is a name only with its article ("the Commission") stands as
    that name here: right after "the", and not the head of a longer name ("the Commission on
    National Reconciliation")."""
    return (re.search(r"\bthe\s+$", text[max(0, start - 5):start], re.I) is not None
            and not _LONGER_NAME_AFTER.match(text, end))


def _dictionary_mentions(text: str, vocab: Vocabulary, dates, doc_date: str | None,
                         scene: str | None = None) -> list[Mention]:
    tokens = tokenize(text)
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        hit = _lookup(vocab, tokens, i)
        if hit is None:
            i += 1
            continue
        n, entry = hit
        s, e = tokens[i].start, tokens[i + n - 1].end
        if re.match(r"['’][a-rt-z]", text[e:e + 2]):
            i += n  # "Xi'an" is a city, not Xi
            continue
        if isinstance(entry, tuple):
            out.append(Mention(s, e, (entry[1],), "territory", text[s:e], actor_ok=False))
        elif entry.kind != "person" and (tokens[i].text,) in vocab.needs_article and n == 1 \
                and not _article_name(text, s, e):
            i += n  # "the Commission" is the EU's; "a Commission on ...", "Election Commission" are not
            continue
        elif entry.kind == "person" and n == 1 and _OTHER_NAME_AFTER.match(text, e):
            i += n  # a one-word alias with another name right after it is somebody else's given name
            continue  # ("Anwar al-Awlaki": "Anwar" is Anwar Ibrahim only on its own)
        elif entry.kind == "person":
            when = _date_at(dates, s, doc_date)
            terms = [t for t in entry.terms if t.covers(when)]
            if not terms and doc_date and dates and min(min(abs(d[0] - s), abs(d[1] - s)) for d in dates) > 80:
                terms = [t for t in entry.terms if t.covers(doc_date)]  # "Putin ... the 1991 declaration": far off
            if not terms:  # "A deal took effect in 2018, and Garibashvili met Xi in July 2023": his own date
                terms = [t for t in entry.terms if any(t.covers(d[2]) for d in dates)]
            if not terms and _THEN.search(text[max(0, s - 40):s]):
                terms = list(entry.terms)  # "then-prime minister X": in office when it happened
            if not terms and scene and not dates and not _FORMER.search(text[max(0, s - 40):s]):
                terms = [t for t in entry.terms if t.covers(scene)]  # a history the paragraph dated
            if terms:
                out.append(Mention(s, e, tuple(dict.fromkeys(t.code for t in terms)), "person",
                                   text[s:e], person=terms[0].name))
        else:
            out.append(Mention(s, e, entry.codes, entry.kind, text[s:e]))
        i += n
    return out


def _pattern_mentions(text: str, vocab: Vocabulary) -> list[Mention]:
    out = []
    low = text.lower()
    for col in vocab.collectives:
        if col.cues and not any(c in low for c in col.cues):
            continue
        for m in col.pattern.finditer(text):
            if col.anaphor == "plural" and _ONE_OF.search(text[:m.start()]) and _APPOSITIVE.match(text[m.end():]):
                continue  # "One of them, Azerbaijan's Ilham Aliyev, met Xi": the one is named
            out.append(Mention(m.start(), m.end(), col.members or (), "collective", m.group(0),
                               anaphor=col.anaphor))
    for m in _SINGULAR.finditer(text):
        out.append(Mention(m.start(), m.end(), (), "pronoun", m.group(0), anaphor="singular"))
    for m in _IT.finditer(text):
        verb = re.search(r"(\w+) $", text[max(0, m.start() - 14):m.start()])
        if verb is not None and verb.group(1) in vocab.grammar["object_verbs"]:
            out.append(Mention(m.start(), m.end(), (), "pronoun", m.group(0), anaphor="object"))
    for m in _WE.finditer(text):
        out.append(Mention(m.start(), m.end(), (), "we", m.group(0), anaphor="speaker"))
    return out


def _annotate(m: Mention, text: str, vocab: Vocabulary) -> Mention:
    prev, prev2 = _word_before(text, m.start)
    after = text[m.end:m.end + 40]
    nxt = re.match(r"[’']s\b|-[\w]+|\s+([\w-]+)", after)
    m.prev, m.prev2 = prev, prev2
    m.next = (nxt.group(1) or nxt.group(0)).lower() if nxt else ""
    m.possessive = bool(re.match(r"[’']s?\b", after))
    m.modifier = bool(re.match(r"-(?:led|backed|based|brokered|sponsored|made|built|born|controlled|dominated|friendly|leaning|oriented|centric)\b", after)) \
        or prev in ("pro-", "pro") or text[max(0, m.start - 4):m.start].lower().endswith("pro-")
    m.anti = text[max(0, m.start - 5):m.start].lower().endswith("anti-")
    m.leads = bool(re.match(r"-(?:led|backed|sponsored|brokered|drafted|proposed|dominated)\b", after))
    m.in_paren = text.count("(", 0, m.start) > text.count(")", 0, m.start)
    if not text[:m.start].strip() and m.text.isupper() and re.match(r"\s*(?:\([^)]*\)\s*)?[-–—:]", after):
        m.modifier = True  # a dateline ("MOSCOW - ..."): where the story was filed
    if prev in ("a", "an") and m.kind == "adj" and m.next in _INDIVIDUALS:
        m.modifier = True  # "a Russian soldier who had deserted killed ...": one person, not the state
    if prev in ("a", "an") and m.kind in ("name", "collective", "org", "seat") \
            and m.next not in vocab.grammar["act_nouns"] \
            and not set(re.findall(r"[a-z-]+", after.lower())[:3]) & set(vocab.grammar["government_nouns"]) \
            and m.text.split()[-1].lower() not in vocab.grammar["government_nouns"]:
        # (but "a Taliban delegation", "a UN fact-finding team")
        m.modifier = True  # "a Central Asia analyst", "a Russia expert" (but "an EU statement" is the EU's)
    m.gov = prev2 if prev in vocab.grammar["skippable"] else prev
    m.gov2 = _word_before(text, m.start - len(prev) - 1 - (len(prev2) + 1 if m.gov == prev2 else 0))[0] \
        if m.gov in ("of", "from") else ""
    if m.gov in ("in", "at") and prev2 in ("government", "authorities", "regime", "leadership", "rulers",
                                           "officials", "diplomats", "policymakers", "lawmakers", "leaders",
                                           "police", "prosecutors", "courts", "court", "ministry", "administration",
                                           "cabinet", "parliament", "junta", "military"):
        m.gov, m.gov2 = "of", prev2  # "the new government in Kabul" is Afghanistan's, not a place
    if prev == "capital" or (prev == "," and prev2 == "capital"):
        m.prev = m.gov = "in"  # "in his capital, Tashkent," is a place
    if m.kind == "seat" and prev in ("the", "a") and m.next in _PLACE_NAMED:
        m.modifier = True  # "the Washington meeting", "the Minsk agreements": named for the place
    if _route_name(text, m):
        m.modifier = True  # "the Baku-Tbilisi-Ceyhan pipeline": a route named for its cities
    if re.match(r"\s+(?:[A-Z][\w-]*\s+){0,2}(?:" + "|".join(vocab.grammar["company_words"]) + r")\b", after):
        m.modifier = True  # "Azerbaijan Airlines", "Kazakhstan Temir Zholy Railways": a company
    if re.match(r"['’]s\s+(?:[A-Z][\w-]*\s+){0,2}(?:" + "|".join(_FIRM_WORDS) + r")\b", after):
        m.owns_firm = True
    if re.search(r"\b(?:" + "|".join(vocab.grammar["company_words"]) + r")\s+of\s+(?:the\s+)?$", text[:m.start]):
        m.modifier = True  # "the Sea of Japan", "the University of Georgia": a name, not the state
    if m.kind in ("adj", "name") and prev == "the" and m.next in vocab.grammar["topic_nouns"]:
        m.modifier = True  # "discussed the Afghan situation", "the Ukraine crisis": a topic, not a party
    if m.kind == "city":
        m.actor_ok = False  # "visited Samarkand": a place of the state, never the state acting
    if m.kind in ("adj", "people"):
        following = re.match(r"(?:(?:\s*,|\s+and|\s+or)?\s+[A-Z][\w-]*)*\s+([a-z-]+)", after)  # "Kyrgyz and Tajik troops"
        gov = set(vocab.grammar["government_nouns"])
        named = re.match(r"(?:(?:\s*,|\s+and|\s+or)?\s+[A-Z][\w-]*)*", after).group(0)
        m.actor_ok = m.kind == "adj" and bool(
            (following and following.group(1) in gov) or (nxt and m.next in gov)
            or bool(_COMMODITY_FLOWS.match(after))  # "Kazakh oil has flowed to China": the exporter
            or _WEAPON_MODEL.search(named) or set(re.findall(r"[a-z]+", named.lower())) & _SERVICES)
        # "Thai F-16s bombed", "US Navy SEALs killed": the state's forces
        second = re.match(r"(?:\s+[A-Z][\w-]*)*\s+[a-z-]+\s+([a-z-]+)", after)
        if following and (following.group(1) in vocab.grammar["non_state_nouns"]
                          or (second and second.group(1) in vocab.grammar["non_state_nouns"]
                              and following.group(1) not in vocab.grammar["government_nouns"])):
            m.modifier = True  # "Russian companies", "Kazakh banks", "a Kazakh logistics firm": not the state
    return m


_COMMODITY_FLOWS = re.compile(r"\s+(?:oil|gas|crude|electricity|uranium|grain|wheat|cotton|exports)\s+"
                               r"(?:has\s+|have\s+|had\s+)?(?:flowed|flows|been\s+(?:sold|exported|shipped|pumped))\b")
_ONE_OF = re.compile(r"\b(?:one|either|neither)\s+of\s+$", re.I)
_APPOSITIVE = re.compile(r"\s*,\s*[A-Z]")
_PLACE_NAMED = frozenset({"meeting", "summit", "talks", "agreement", "agreements", "declaration", "format",
                          "process", "accords", "protocol", "conference", "forum", "group", "statement"})
_THEN = re.compile(r"\bthen[- ](?:[\w-]+\s+){0,4}$", re.I)
_FORMER = re.compile(r"\b(?:former|ex|late|ousted|exiled|retired|first|outgoing)[- ](?:[\w-]+\s+){0,3}$", re.I)
_CHAIN = re.compile(r"[A-Z][\w’']*(?:-[A-Z][\w’']*){2,}")


_FIRM_WORDS = ("Airlines", "Airways", "Bank", "Railways", "Holding", "Holdings", "Group", "Oil", "Gas", "Petroleum",
               "Energy", "Corporation", "Company", "Telecom", "Steel", "Mining", "Motors", "Shipping", "Television")


_ROUTE_NOUNS = r"(?:pipelines?|railways?|rail\s+links?|highways?|roads?|corridors?|routes?|gas\s+lines?|oil\s+lines?|power\s+lines?|canals?|tunnels?|bridges?)"
_ROUTE_NOUN_AFTER = re.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,2}}?{_ROUTE_NOUNS}\b")
_ROUTE_PAIR_AFTER = re.compile(rf"[-–](?-i:[A-Z])[\w'’]*(?:\s+(?-i:[A-Z])[\w'’]*)?\s+(?:[a-z][\w-]*\s+){{0,2}}?{_ROUTE_NOUNS}\b")
_ROUTE_PAIR_BEFORE = re.compile(r"(?-i:[A-Z])[\w'’]*[-–]$")


def _route_name(text: str, m: Mention) -> bool:
    """A mention inside a chain of three or more capitalised names joined by hyphens."""
    lo = max(0, m.start - 40)
    if any(c.start() + lo <= m.start and m.end <= c.end() + lo for c in _CHAIN.finditer(text[lo:m.end + 40])):
        return True
    return bool(_ROUTE_PAIR_AFTER.match(text, m.end) or (_ROUTE_PAIR_BEFORE.search(text, 0, m.start)
                                                         and _ROUTE_NOUN_AFTER.match(text, m.end)))
    # ("the Central Asia-Centre pipeline", "the Kazakhstan-China oil pipeline": two ends of a route)


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Longest mention wins where two overlap (a collective over its states)."""
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _merge_titles(mentions: list[Mention], text: str) -> list[Mention]:
    """One mention for "Kazakhstan's Foreign Minister Mukhtar Tleuberdi"."""
    out: list[Mention] = []
    for m in mentions:
        last = out[-1] if out else None
        if (last and last.codes and last.codes == m.codes and last.kind not in ("collective", "city")
                and not (last.kind == "seat" and "," in text[last.end:m.start])  # "in Astana, Nazarbayev, Putin"
                and _TITLE_GAP.match(text[last.end:m.start])
                and not re.search(r"according\s+to\s+(?:the\s+)?$", text[:last.start], re.I)):
            out[-1] = replace(last, end=m.end, text=text[last.start:m.end],
                              person=last.person or m.person, actor_ok=True,
                              kind=last.kind if last.kind != "adj" else m.kind,
                              possessive=m.possessive, next=m.next)
            continue
        out.append(m)
    return out


def _attach_roles(m: Mention, text: str, vocab: Vocabulary, date: str | None) -> None:
    """"the Russian president" in 2008 is Medvedev: fill ``person`` from the terms."""
    if m.person or len(m.codes) != 1:
        return
    after = text[m.end:m.end + 30].lower()
    before = text[max(0, m.start - 30):m.start].lower()
    for after_re, before_re, role in vocab.roles:
        if after_re.match(after) or before_re.search(before):
            m.person = vocab.officeholder(m.codes[0], role, date)
            m.actor_ok = True
            return


def find_mentions(text: str, vocab: Vocabulary, dates: list[tuple[int, int, str]],
                  doc_date: str | None, scene: str | None = None) -> list[Mention]:
    """All actor mentions of a sentence, annotated, overlaps resolved.

    ``dates`` are the sentence's time expressions: an office holder counts
    as the state only if in office at the nearest one (else the document's
    date, or, for a sentence with no date of its own, the last date its
    paragraph gave: "In May 2014 ... Two months later, Nazarbayev hosted").
    """
    raw = [m for m in _dictionary_mentions(text, vocab, dates, doc_date, scene) + _pattern_mentions(text, vocab)
           if not _REGION_AMERICAN.search(text, 0, m.start) or m.text != "American"]  # "Latin American": no state
    mentions = [_annotate(m, text, vocab) for m in _drop_overlaps(raw)]
    mentions = _merge_titles(mentions, text)
    for a, b in zip(mentions, mentions[1:]):
        if a.kind == b.kind == "adj" and text[a.end:b.start] == " " and a.codes != b.codes:
            a.modifier = b.modifier = True  # "Turkish Cypriot", "Greek Cypriot": a community, neither state
    for m in mentions:
        _attach_roles(m, text, vocab, _date_at(dates, m.start, doc_date))
        if m.text == "Brussels" and m.codes == ("EU",) and _BELGIUM.search(text[max(0, m.start - 100):m.start]) \
                and not _EU_WORDS.search(text):
            m.codes = ("BEL",)  # "Rwanda cut ties with Belgium, accusing Brussels of ...": Belgium's capital
    return mentions


_WEAPON_MODEL = re.compile(r"\b[A-Z]{1,3}-\d+\w*")
_SERVICES = frozenset({"navy", "army", "force", "forces", "guard", "guards", "police", "marines", "military",
                       "command", "corps", "ministry", "government"})
_INDIVIDUALS = frozenset({"soldier", "serviceman", "policeman", "man", "woman", "citizen", "national", "student",
                          "tourist", "worker", "migrant", "teenager", "businessman", "blogger", "pilot", "sailor"})
_REGION_AMERICAN = re.compile(r"\b(?:Latin|South|Central|North|Native|African|Pan)[\s-]$")
_BELGIUM = re.compile(r"\bBelgi(?:um|an)\b")
_EU_WORDS = re.compile(r"\b(?:EU|European|bloc|Commission|presidency)\b")


def _pronoun_first(m: Mention, gap: str) -> bool:
    """"he and Xi Jinping agreed": a resolved pronoun heads a coordination."""
    return m.text.lower() in ("he", "she") and bool(m.codes) and bool(_CONJ.search(gap))


_PAIR_GAPS = ("-", "–", "—", "/")
_FRONTED_PLACE = re.compile(r"\s*(?:In|At|From|Near|Inside|Outside)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?")


def _paired(a: Mention, b: Mention, gap: str) -> bool:
    """"the Kyrgyz-Tajik treaty", "Armenia-Azerbaijan talks": both parties, one group."""
    kinds = ("adj", "name", "collective", "org")  # "the China-Central Asia summit", "the EU-Central Asia summit"
    return gap in _PAIR_GAPS and a.kind in kinds and b.kind in kinds and bool(a.codes) and bool(b.codes) \
        and not a.anaphor and not b.anaphor and a.codes != b.codes


def group_mentions(mentions: list[Mention], text: str, barriers: tuple[int, ...] = ()) -> list[Group]:
    """Coordinated mentions ("X, Y and Z") become one group.

    Commas alone do not coordinate ("In his capital, Tashkent, he met"): a
    comma-linked run becomes a group only if a conjunction joins it somewhere.
    No group runs over a ``barrier``, the end of an embedded clause ("after
    the people fled to Armenia, Moscow and Baku agreed").
    """
    runs: list[list[Mention]] = []
    for m in mentions:
        last = runs[-1][-1] if runs else None
        gap = text[last.end:m.start] if last is not None else ""
        list_end = not re.match(r"\s*,\s*(?:and|or)\b", gap) or len(runs[-1]) >= 2
        closed = last is not None and gap.strip() == "," and len(runs[-1]) >= 2 and any(
            _CONJ.search(text[a.end:b.start]) and not re.search(r"\bof\s+(?:the\s+)?$", text[a.end:b.start])
            for a, b in zip(runs[-1], runs[-1][1:]))  # "With A and B, C signed" (but "X and the presidents of A, B and C")
        closed = closed or (last is not None and gap.strip() == "," and len(runs[-1]) == 1
                            and bool(_FRONTED_PLACE.fullmatch(text[:last.start])))  # "In Tashkent, the five presidents"
        closed = closed or (last is not None and len(runs[-1]) == 1 and last.gov in ("in", "at", "near")
                            and bool(re.fullmatch(r"\s*,\s*the\s+", gap)))  # "in Sharm el-Sheikh, the Commission and X"
        closed = closed or (last is not None and len(runs[-1]) == 1 and last.gov in ("in", "at") and gap.strip() == ","
                            and "," not in text[:last.start] and len(text[:last.start].split()) <= 8)
        # "On May 29 in Astana, Nazarbayev, Putin and Lukashenko signed": the place opens the sentence
        titled = last is not None and last.kind == "adj" and bool(_TITLE_GAP.fullmatch(gap)) \
            and bool(re.search(r"(?:,|\band)\s*$", gap))  # "Romanian President Klaus Iohannis and Hungarian ..."
        titled = titled or (last is not None and last.kind == "person" and m.kind == "person"
                            and bool(re.match(r"\s*,?\s*and\s", gap)) and bool(_TITLE_GAP.fullmatch(gap)))
        # ("Foreign Minister Ararat Mirzoyan and Secretary of State Antony Blinken")
        if (last is not None and not closed and (_COORD.match(gap) or _paired(last, m, gap) or titled) and list_end
                and not m.modifier
                and not any(last.end <= b <= m.start for b in barriers)
                and (not last.anaphor or _pronoun_first(last, gap) or (last.kind == "collective" and last.codes))
                and not m.anaphor):  # "the five presidents and their European counterparts"
            runs[-1].append(m)
        else:
            runs.append([m])
    groups: list[Group] = []
    for run in runs:
        gaps = [text[a.end:b.start] for a, b in zip(run, run[1:])]
        if len(run) > 1 and not any(_CONJ.search(g) or g in _PAIR_GAPS for g in gaps):
            groups.extend(Group([m]) for m in run)
        else:
            if run[-1].actor_ok and all(m.kind == "adj" for m in run):
                for m in run:  # "Indian and Chinese soldiers": the noun is shared
                    m.actor_ok = True
            groups.append(Group(run))
    return groups
