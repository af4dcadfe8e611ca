"""Which date rules can start at a position: dispatch by the first character.

Input: the rule patterns (patterns.RULES). Output: `rules_at(char)`, the rules (name, compiled
pattern, in priority order) whose match can begin with that character. Trying ~30 rules where 5
can start is most of the cost of a rejected position: the first
characters of each pattern are read off its parse tree once (lookbehinds and other zero-width
assertions are skipped, optional parts add the characters of what follows).
"""

from __future__ import annotations

import re
import re._constants as K  # the parse tree's opcodes
import re._parser as sre_parse
import string

from factcheck.extract.dates.patterns import RULES

# the characters an atom can start with (START finds no other): on a lowered text
UNIVERSE = frozenset(string.ascii_lowercase + string.digits + "'")


def _in_set(items, c: str) -> bool:
    """Does the character class `items` (an IN node) hold `c`, in either case?"""
    negate = False
    hit = False
    for op, av in items:
        if op is K.NEGATE:
            negate = True
        elif op is K.LITERAL:
            hit |= chr(av).lower() == c
        elif op is K.RANGE:
            hit |= any(av[0] <= ord(x) <= av[1] for x in (c, c.upper()))
        elif op is K.CATEGORY:
            if av in (K.CATEGORY_DIGIT, K.CATEGORY_UNI_DIGIT):
                hit |= c.isdigit()
            elif av in (K.CATEGORY_WORD, K.CATEGORY_UNI_WORD):
                hit |= c.isalnum()
            elif av in (K.CATEGORY_NOT_SPACE, K.CATEGORY_UNI_NOT_SPACE, K.CATEGORY_NOT_DIGIT,
                        K.CATEGORY_UNI_NOT_DIGIT, K.CATEGORY_NOT_WORD, K.CATEGORY_UNI_NOT_WORD):
                hit = True  # over-approximation: never loses a rule
        else:
            hit = True
    return hit != negate


def _first(seq) -> tuple[frozenset[str], bool]:
    """The characters a sequence of parse nodes can start with, and whether it can match empty."""
    out: set[str] = set()
    for op, av in seq:
        chars, nullable = _first_node(op, av)
        out |= chars
        if not nullable:
            return frozenset(out), False
    return frozenset(out), True


def _first_node(op, av) -> tuple[frozenset[str], bool]:
    if op is K.LITERAL:
        return frozenset({chr(av).lower()}) & UNIVERSE, False
    if op is K.NOT_LITERAL:
        return UNIVERSE - {chr(av).lower()}, False
    if op is K.IN:
        return frozenset(c for c in UNIVERSE if _in_set(av, c)), False
    if op is K.BRANCH:
        parts = [_first(alt) for alt in av[1]]
        return frozenset().union(*(p[0] for p in parts)), any(p[1] for p in parts)
    if op is K.SUBPATTERN:
        return _first(av[3])
    if op in (K.MAX_REPEAT, K.MIN_REPEAT, K.POSSESSIVE_REPEAT):
        chars, nullable = _first(av[2])
        return chars, nullable or av[0] == 0
    if op is K.ATOMIC_GROUP:
        return _first(av)
    if op in (K.ASSERT, K.ASSERT_NOT, K.AT):
        return frozenset(), True  # zero width: what follows decides
    return UNIVERSE, False  # anything else (group references, ANY): any character


def first_chars(pattern: str) -> frozenset[str]:
    chars, nullable = _first(sre_parse.parse(pattern, re.IGNORECASE))
    return UNIVERSE if nullable else chars


_FIRST = {name: first_chars(rx.pattern) for name, rx in RULES.items()}


_BY_CHAR: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    c: tuple((n, rx) for n, rx in RULES.items() if c in _FIRST[n]) for c in UNIVERSE
}


def rules_at(char: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The rules (name, pattern) that can start with `char` (lowered), in priority order."""
    return _BY_CHAR.get(char, ())
