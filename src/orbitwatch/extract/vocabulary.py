"""The extractor's vocabulary, loaded from the data files in ``orbitwatch/data``.

Nothing here decides anything: it turns CSV and TOML into lookup tables.
``load_vocabulary()`` is cached, so every document shares one read-only copy
and extraction stays a pure function of the document.
"""
from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .cues import cues
from .tokens import tokenize


@dataclass(frozen=True)
class Term:
    """One office term: who held which office of which state, when."""

    code: str
    role: str
    name: str
    start: str
    end: str | None

    def covers(self, date: str | None) -> bool:
        """In office at ``date`` (any precision); an unknown date is not held against it."""
        if not date:
            return True
        lo, hi = self.start[: len(date)], (self.end or "9999-12-31")[: len(date)]
        return lo <= date <= hi

    def overlap(self, date: str | None) -> int:
        """Days of this term within the period ``date`` names (YYYY, YYYY-MM or a day)."""
        period = _period(date)
        if period is None:
            return 0
        lo = max(period[0], _day(self.start))
        hi = min(period[1], _day(self.end) if self.end else period[1])
        return max(0, (hi - lo).days + 1)


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


def _period(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of YYYY, YYYY-MM or YYYY-MM-DD."""
    try:
        if not value:
            return None
        if len(value) == 4:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
        day = _day(value)
        return day, day
    except ValueError:
        return None


@dataclass(frozen=True)
class Entry:
    """What a surface form denotes: codes, a kind, and for people their terms."""

    codes: tuple[str, ...]
    kind: str  # name, adj, people, seat, city, org, person
    terms: tuple[Term, ...] = ()


@dataclass(frozen=True)
class Trigger:
    pattern: re.Pattern
    type: str
    stance: int
    channel: str | None
    negated: str | None  # type when negated (REJECT), or None to drop
    target: str  # object, with, to, from, of, on, imposer, nominal, none (see triggers.toml)
    locative: bool
    weight: float
    needs_by: bool
    name: str
    absorbs: bool = False
    fixed: bool = False
    reverse: str | None = None
    background: bool = False
    cues: tuple[str, ...] | None = None  # literal prefixes a sentence must contain
    intra: bool = True  # a plural subject may pair among itself ("X and Y signed")
    mutual: bool = False  # a plural subject acts on each other, both ways ("X and Y exchanged fire")
    together: str = ""  # a plural subject acts with each other too, as this type ("A and B held joint drills with C")
    brokered: bool = False  # the parties of the target meet each other too ("brought A and B together")
    adjacent: bool = False  # the object must follow the trigger directly
    default_target: str | None = None  # when the text names none ("complies with sanctions": WST)
    fallback: str | None = None  # "organisation": the one last mentioned
    agent_after: str | None = None  # "drew praise from X": X acts, the subject undergoes
    swap: bool = False  # "Russia is our ally": the group after the trigger acts on the subject
    named_parties: bool = False  # only a modifier naming the parties ("the Kyrgyz-Tajik talks") acts
    before: re.Pattern | None = None  # what the text just before the match must end with
    in_person: bool = False  # people who do it together meet: also a CONSULT ("Aliyev and Putin signed")
    target_person: bool = False  # only a target named as a person counts ("told Putin": they met)
    plural_subject: bool = False  # only two or more parties doing it together count ("X and Y issued a statement")


@dataclass(frozen=True)
class Collective:
    pattern: re.Pattern
    members: tuple[str, ...] | None  # None: resolve from the discourse
    anaphor: str | None  # plural, participants, org
    cues: tuple[str, ...] | None = None  # one must occur (lowercased) for a match


@dataclass
class Vocabulary:
    forms: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first token -> form lengths
    names: dict[str, str] = field(default_factory=dict)
    terms: tuple[Term, ...] = ()
    triggers: tuple[Trigger, ...] = ()
    collectives: tuple[Collective, ...] = ()
    territories: dict[tuple[str, ...], str] = field(default_factory=dict)
    grammar: dict = field(default_factory=dict)
    channels: list[tuple[str, re.Pattern]] = field(default_factory=list)
    cue_index: dict[str, tuple[int, ...]] = field(default_factory=dict)  # cue -> trigger positions
    always: tuple[int, ...] = ()  # triggers without cues
    roles: list[tuple[re.Pattern, re.Pattern, str]] = field(default_factory=list)
    hedge_pattern: re.Pattern | None = None  # a hedge that is not the reason ("for allegedly poaching")
    skip_patterns: tuple[re.Pattern, ...] = ()
    trigger_order: dict[int, int] = field(default_factory=dict)  # id(trigger) -> its place in the lexicon
    needs_article: set = field(default_factory=set)  # "the Commission": a common noun is a name only after "the"

    def candidate_triggers(self, text: str) -> list[int]:
        """Positions of the triggers whose cue starts some word of ``text``."""
        found = set(self.always)
        longest = max(map(len, self.cue_index), default=0)
        for word in set(re.findall(r"[a-z]+", text.lower())):
            for n in range(2, min(len(word), longest) + 1):
                hit = self.cue_index.get(word[:n])
                if hit:
                    found.update(hit)
        return sorted(found)

    def officeholder(self, code: str, role: str, date: str | None) -> str | None:
        """Who held ``role`` for ``code`` at ``date``; for a year or a month, who
        held it longest within it (the 2008 Russian president is Medvedev)."""
        terms = [t for t in self.terms if t.code == code and t.role == role and t.covers(date)]
        if not terms:
            return None
        return max(terms, key=lambda t: t.overlap(date)).name


def _read(name: str) -> str:
    return resources.files("orbitwatch.data").joinpath(name).read_text("utf-8")


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _strip_article(form: str) -> str:
    return form[4:] if form.lower().startswith("the ") else form


_PRIORITY = {"name": 3, "org": 3, "seat": 3, "adj": 2, "people": 1, "city": 1, "person": 0}


def _add(vocab: Vocabulary, form: str, entry: Entry) -> None:
    """Register a surface form; on a collision the stronger kind keeps it."""
    key = tuple(t.text for t in tokenize(_strip_article(form)))
    if not key:
        return
    old = vocab.forms.get(key)
    if old is not None:
        if old.kind == entry.kind == "person":
            entry = Entry(tuple(dict.fromkeys(old.codes + entry.codes)), "person", old.terms + entry.terms)
        elif _PRIORITY[old.kind] >= _PRIORITY[entry.kind]:
            return
    vocab.forms[key] = entry


def _load_states(vocab: Vocabulary) -> None:
    for row in csv.DictReader(io.StringIO(_read("states.csv"))):
        code = row["code"].strip()
        vocab.names[code] = row["name"].strip()
        for col, kind in (("adjectives", "adj"), ("demonyms", "people"), ("seats", "seat"),
                          ("aliases", "name"), ("name", "name"), ("cities", "city")):
            for form in _split(row.get(col)):
                _add(vocab, form, Entry((code,), kind))


def _load_organisations(vocab: Vocabulary) -> None:
    for row in csv.DictReader(io.StringIO(_read("organisations.csv"))):
        code = row["code"].strip()
        vocab.names[code] = row["name"].strip()
        for col, kind in (("adjectives", "adj"), ("aliases", "org"), ("name", "org")):
            for form in _split(row.get(col)):
                _add(vocab, form, Entry((code,), kind))
                if form.lower().startswith("the ") and " " not in form[4:]:
                    vocab.needs_article.add((form[4:],))


_TRANSLIT = ((r"ow\b", "ov"), (r"ov\b", "ow"), (r"ew\b", "ev"), (r"ev\b", "ew"), (r"kh", "h"),
             (r"(?<=[aeiou])h(?=[aeiou])", "kh"), (r"(?<=[bdfgklmnprstvz])i(?=[bdfgklmnprstvz])", "y"),
             (r"(?<=[bdfgklmnprstvz])y(?=[bdfgklmnprstvz])", "i"), (r"iy\b", "ii"), (r"ii\b", "iy"),
             (r"dzh", "j"))


def spellings(name: str, limit: int = 32) -> list[str]:
    """Romanisations of a name that the press uses side by side ("Berdimuhamedow",
    "Berdymukhamedov", "Berdimuhamedov"): each rule applied to the name and to
    its variants up to three rules deep, in a fixed order so that every run builds the same table."""
    out = dict.fromkeys([name])
    for _ in range(3):
        for form in list(out):
            for pattern, repl in _TRANSLIT:
                out.setdefault(re.sub(pattern, repl, form))
                if len(out) >= limit:
                    return list(out)
    return list(out)


def _load_officeholders(vocab: Vocabulary) -> None:
    terms = []
    for row in csv.DictReader(io.StringIO(_read("officeholders.csv"))):
        term = Term(row["code"].strip(), row["role"].strip(), row["name"].strip(),
                    row["start"].strip(), row["end"].strip() or None)
        terms.append(term)
        for form in dict.fromkeys(v for f in (term.name, *_split(row.get("aliases"))) for v in spellings(f)):
            _add(vocab, form, Entry((term.code,), "person", (term,)))
    vocab.terms = tuple(terms)


def _load_lexicon(vocab: Vocabulary) -> None:
    lex = tomllib.loads(_read("triggers.toml"))
    triggers = []
    for i, t in enumerate(lex["trigger"]):
        triggers.append(Trigger(
            pattern=re.compile(t["pattern"], re.I), type=t["type"], stance=int(t["stance"]),
            channel=t.get("channel"), negated=t.get("negated", "REJECT") or None,
            target=t.get("target", "object"), locative=bool(t.get("locative", False)),
            weight=float(t.get("weight", 0.8)), needs_by=bool(t.get("needs_by", False)),
            name=t.get("name", f"{t['type'].lower()}-{i}"),
            absorbs=bool(t.get("absorbs", False)), fixed=bool(t.get("fixed", False)),
            reverse=t.get("reverse"), background=bool(t.get("background", False)),
            cues=cues(t["pattern"]), intra=bool(t.get("intra", True)), mutual=bool(t.get("mutual", False)),
            together=_together(t), brokered=bool(t.get("brokered", False)),
            adjacent=bool(t.get("adjacent", False)), default_target=t.get("default_target"),
            fallback=t.get("fallback"), agent_after=t.get("agent_after"), swap=bool(t.get("swap", False)),
            named_parties=bool(t.get("named_parties", False)),
            before=re.compile(t["before"] + "$", re.I) if t.get("before") else None,
            in_person=bool(t.get("in_person", False)), target_person=bool(t.get("target_person", False)),
            plural_subject=bool(t.get("plural_subject", False)),
        ))
    vocab.triggers = tuple(triggers)
    vocab.trigger_order = {id(t): i for i, t in enumerate(vocab.triggers)}
    col = tomllib.loads(_read("collectives.toml"))
    vocab.collectives = tuple(
        Collective(re.compile(c["pattern"], re.I if c.get("ignore_case", True) else 0),
                   tuple(c["members"]) if "members" in c else None, c.get("anaphor"),
                   tuple(c["cues"]) if "cues" in c else None)
        for c in col["collective"]
    )
    for name, patron in col.get("territories", {}).items():
        vocab.territories[tuple(t.text for t in tokenize(name))] = patron
    vocab.grammar = tomllib.loads(_read("grammar.toml"))
    hedges = "|".join(re.escape(h.lower()) for h in vocab.grammar["hedges"]).replace(
        "denies", r"denies(?!\s+(?:the|a|an|its|their|his|her|them|him)\s+(?!charges?\b|claims?\b|accusations?\b"
                  r"|allegations?\b|reports?\b)[a-z])")  # ("a law that denies the country normal trade": no denial)
    vocab.hedge_pattern = re.compile(rf"(?<!\bfor )(?<!\bof )(?<!\bover )(?:{hedges})")
    vocab.skip_patterns = tuple(re.compile(p) for p in vocab.grammar["skip_sentence"])
    for ch in tomllib.loads(_read("channels.toml"))["channel"]:
        vocab.channels.append((ch["name"], re.compile(ch["pattern"], re.I)))


def _index(vocab: Vocabulary) -> None:
    """Lookup tables built once: form lengths by first token, triggers by cue,
    role phrases as compiled patterns."""
    lengths: dict[str, set[int]] = {}
    for key in list(vocab.forms) + list(vocab.territories):
        lengths.setdefault(key[0], set()).add(len(key))
    vocab.lengths = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}
    index: dict[str, list[int]] = {}
    for i, t in enumerate(vocab.triggers):
        for c in t.cues or ():
            index.setdefault(c, []).append(i)
    vocab.cue_index = {c: tuple(v) for c, v in index.items()}
    vocab.always = tuple(i for i, t in enumerate(vocab.triggers) if not t.cues)
    vocab.roles = [(re.compile(rf"(?:[’']s)?\s+{p}\b"), re.compile(rf"\b{p}\s+of\s+(?:the\s+)?$"), role)
                   for p, role in vocab.grammar["roles"].items()]



def _together(t: dict) -> str:
    """The type a plural subject's own pairs get: `true` keeps the trigger's type,
    a type name gives another ("A and B drilled near C's border": A cooperates with B)."""
    v = t.get("together", False)
    return t["type"] if v is True else (v or "")


@lru_cache(maxsize=32)
def word_pattern(words: tuple[str, ...]) -> re.Pattern:
    r"""``\b(?:w1|w2|...)\b`` for a grammar word list, compiled once (the rules
    search for speech verbs and the like in every quoted sentence)."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    vocab = Vocabulary()
    _load_states(vocab)
    _load_organisations(vocab)
    _load_officeholders(vocab)
    _load_lexicon(vocab)
    _index(vocab)
    return vocab
