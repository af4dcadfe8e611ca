"""Word tables for quote attribution: speech verbs, titles and roles, pronouns.

Each table lives here once; `phrases` and `speakers` build their patterns and checks from them.
"""

from __future__ import annotations

import re

# Verbs that introduce or attribute speech, as lemmas. Characterising verbs ("described it as",
# "dismissed it as", "called it") count: the quoted fragment is the subject's wording.
SPEECH_LEMMAS = """
say tell add note state ask insist conclude emphasise emphasize stress explain argue claim warn
write tweet post declare announce reply respond answer remark comment observe continue report
suggest acknowledge admit recall concede confirm deny predict promise vow pledge threaten urge
demand complain maintain reiterate repeat assert contend counter quip joke exclaim shout cry
whisper describe call dub label brand term dismiss hail praise welcome criticise criticize
condemn denounce slam blast accuse question wonder indicate outline underscore highlight mention
caution allege boast lament tout testify inform assure agree disagree propose recommend order
estimate calculate reveal disclose characterise characterize proclaim pronounce rule quote
talk speak
""".split()

# Forms the inflection rules below get wrong.
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "cry": ("cry", "cries", "cried", "crying"),
    "rule": ("rule", "rules", "ruled", "ruling"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "reply": ("reply", "replies", "replied", "replying"),
    "deny": ("deny", "denies", "denied", "denying"),
    "speak": ("speak", "speaks", "spoke", "spoken", "speaking"),
}


def _inflect(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return (lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith(("s", "sh", "ch", "x")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


# every inflected form -> its lemma
SPEECH_FORMS: dict[str, str] = {form: lemma for lemma in SPEECH_LEMMAS for form in _inflect(lemma)}

# Lemmas whose "-s" form is more often a plural noun ("peace talks", "Southern states", "his
# remarks"): only their other forms ("stated", "talked", "remarked") count as speech verbs.
NOUN_LIKE_LEMMAS = frozenset("""
state talk call report claim demand question comment remark answer order promise pledge post tweet
note term label brand quote estimate counter cry joke rule welcome praise outline highlight blast
reply repeat
""".split())

# Forms that are verbs wherever they stand: no noun-like lemma's bare or "-s" form ("Putin will
# respond" counts, "Southern states" does not).
UNAMBIGUOUS_FORMS = frozenset(
    f for f, lemma in SPEECH_FORMS.items()
    if not (lemma in NOUN_LIKE_LEMMAS and (f == lemma or f.endswith("s")))
)
# Forms that mark speech in running text: besides, not the bare lemma ("reports say").
VERB_FORMS = frozenset(f for f in UNAMBIGUOUS_FORMS if f != SPEECH_FORMS[f])

# Verbs whose object is the listener, never the speaker ("told NY1", "asked Putin").
ADDRESSEE_FORMS = frozenset(_inflect("tell") + _inflect("ask") + _inflect("inform") + _inflect("assure")
                            + _inflect("urge") + _inflect("accuse") + _inflect("quote") + _inflect("order"))

# Participles that attach a quote to the subject of the main clause: "Putin ..., saying, “...”".
SPEECH_PARTICIPLES = frozenset(f for f in SPEECH_FORMS if f.endswith("ing"))

# Words that may stand between a subject and its verb ("Putin has also said", "Rubio later told").
AUXILIARIES = frozenset("""
has have had is was were be been will would could should may might must can did does do also
then later again once further repeatedly previously reportedly recently simply just only still
already even often frequently publicly privately separately subsequently earlier not never n't
""".split())

# Titles and roles: the name of a speaker is what follows the last of them.
ROLE_WORDS = frozenset("""
president presidents vice prime minister ministers secretary secretaries spokesman spokeswoman
spokesperson spokespeople aide aides adviser advisers advisor advisors ambassador ambassadors envoy
envoys chancellor senator sen rep representative congressman congresswoman governor gov mayor
general gen colonel col commander chief director chairman chairwoman chair ceo head leader
leaders official officials officer lawyer attorney judge justice professor prof dr mr mrs ms
miss sir lord lady king queen prince princess pope sheriff captain capt lieutenant lt sergeant
sgt coach manager analyst analysts economist expert experts researcher researchers scientist
author writer journalist correspondent editor founder owner deputy counsel negotiator diplomat
diplomats premier speaker commissioner inspector detective superintendent constable marshal
bishop archbishop cardinal rabbi imam reverend rev father sister brother actor actress singer
star player striker midfielder defender goalkeeper boss chairperson executive spokesmen
agent publicist undersheriff trooper firefighter deputies ranger warden principal dean
critic critics reviewer vocalist musician composer poet novelist painter artist producer historian
biographer scholar philosopher commentator columnist guitarist drummer bassist rapper dancer
filmmaker screenwriter playwright photographer designer architect engineer physician surgeon
nurse doctor teacher student activist campaigner protester witness resident neighbor neighbour
presidential ministerial
""".split())

# Nouns that head the name of an organisation or place ("Bank of England", "University of Ghana").
ORG_HEADS = frozenset("""
bank university college school institute institution ministry department office council board
court church party association union federation league society agency committee commission
foundation fund academy centre center museum library hospital company corporation group club
house chamber assembly parliament congress senate government state states republic kingdom
city county province region district island islands sea ocean river lake mountains army navy
""".split())

# Lower-case words inside a name ("Ursula von der Leyen", "Mohammed bin Salman").
NAME_PARTICLES = frozenset("von van der den de del della di da la le du bin ibn al el dos das".split())

# Words that end a speaker phrase read rightwards ("said Putin in a statement", "said Putin, who").
NP_STOP = frozenset("""
in on at during after before while when who which that as if because and but or so since with
without from into by about over under than then where whose whom although though yet
""".split())

PERSON_PRONOUNS = frozenset({"he", "she"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "i", "we", "they", "it"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her"})

# Speaker phrases that name nobody in particular.
UNNAMED_HEADS = frozenset("""
one someone somebody anyone everyone nobody people others source sources report reports
statement statements witness witnesses resident residents observer observers
""".split())

# Abbreviated titles written with a full stop ("Gen. Gerasimov", "Mr. Peskov").
TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt",
                       "Prof", "Rev", "St", "Jr", "Sr", "Adm", "Maj", "Cpl", "Pres", "Amb")

# Capitalised words that start place names rather than first names ("Eastern Europe").
PLACE_PREFIXES = frozenset("""
north south east west northern southern eastern western central greater new old upper lower
great saint st mount lake fort port cape united royal grand
""".split())


def trie_pattern(words) -> str:
    """A regex alternation of `words` factored into a prefix tree: the engine then tries one branch
    per character instead of every word in turn (several times faster on long word tables)."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(tree)


def _trie_node(node: dict) -> str:
    branches = [re.escape(ch) + _trie_node(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body
