"""What the text has named so far, for "he", "they", "these two countries"
and "the participants". One Discourse lives for one document only.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..records import ORGANISATIONS
from .mentions import Group, Mention


@dataclass
class Discourse:
    singular: tuple[str, ...] = ()
    plural: tuple[str, ...] = ()
    pair: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    recent: list[str] = field(default_factory=list)

    def resolve(self, m: Mention, local: list[Mention], speaker: tuple[str, ...]) -> tuple[str, ...]:
        """Codes an anaphoric mention stands for, preferring this sentence's own."""
        if m.anaphor == "speaker":
            return speaker or self.singular
        if m.anaphor == "singular":
            return self.singular
        if m.anaphor == "participants":
            return self.participants or self.plural
        if m.anaphor == "org":
            return next(((c,) for c in reversed(self.recent) if c in ORGANISATIONS), ())
        earlier = [x for x in local if x.end <= m.start and x.codes and x.kind != "we"]
        if m.anaphor == "pair":
            for x in reversed(earlier):
                if len(x.codes) == 2:
                    return x.codes
            return self.pair
        for x in reversed(earlier):
            if len(x.codes) >= 2:
                return x.codes
        return self.plural

    def observe(self, groups: list[Group], subject: Group | None, parties: tuple[str, ...]) -> None:
        """Update after a sentence: its subject, its groups, its meeting's parties."""
        for g in groups:
            codes = g.codes
            if len(codes) == 2:
                self.pair = codes
            if len(codes) >= 2 and g.head.actor_ok:
                self.plural = codes
            for c in codes:
                if c in self.recent:
                    self.recent.remove(c)
                self.recent.append(c)
        if subject is not None:
            if len(subject.codes) == 1:
                self.singular = subject.codes
            elif len(subject.codes) >= 2:
                self.plural = subject.codes
        if len(parties) >= 2:
            self.participants = parties
            self.plural = parties  # "They agreed ..." after a meeting: its parties
        if not self.pair and len(self.recent) >= 2:
            self.pair = tuple(self.recent[-2:])
