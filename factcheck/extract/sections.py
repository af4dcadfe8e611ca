"""Document sections: which lines of a source are not article body.

Input: a document's text. Output: sorted, non-overlapping `(start, end, Section)` regions for the
headline (TITLE), bylines and author bios (BYLINE), photo and video captions (CAPTION), reader
comments (COMMENT) and page furniture such as subscription plugs, related links and social handles
(BOILERPLATE). Everything outside the regions is BODY.

Lines are classified on their own first (cue words at the start or end of a line), then in context:
the headline is the first line when it reads like one; an author's sign-off block (a name line
next to a subscription plug, contact lines or a bio) or an explicit comments marker ends the
article, and the paragraphs after it are reader comments. Cutting article text is worse than keeping
a comment, so comments are only marked after such an end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.lexicon import MONTH_NAMES
from factcheck.models import Section


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# ---------------------------------------------------------------- word tables

# A line opening with one of these and a colon is a caption of a picture, video or sound.
CAPTION_LABELS = ("watch", "video", "photo", "photos", "photograph", "image", "images", "picture",
                  "pictured", "caption", "image caption", "media caption", "image source", "listen",
                  "graphic", "gallery", "file photo", "top photo", "main photo", "in pictures")
PHOTO_AGENCIES = ("AP", "AFP", "Reuters", "EPA", "EPA-EFE", "Getty Images", "Getty", "Shutterstock",
                  "Alamy", "Xinhua", "TASS", "Sputnik", "PA", "PA Media", "ANP", "dpa", "Bloomberg",
                  "NurPhoto", "SOPA Images", "Anadolu", "Anadolu Agency", "Kremlin Pool", "Pool")
CREDIT_WORDS = ("Photo", "Photograph", "Photos", "Image", "Credit", "Courtesy", "Picture", "Pictures",
                "Footage", "Illustration")

# A line opening with one of these and a colon (or alone on its line) is page furniture.
BOILERPLATE_LABELS = ("read more", "read also", "also read", "related", "related articles", "see also",
                      "more", "more on this", "more on this story", "recommended", "advertisement",
                      "sponsored", "website", "web", "blog", "twitter", "x", "facebook", "instagram",
                      "telegram", "youtube", "linkedin", "substack", "email", "e-mail", "contact",
                      "tags", "topics", "filed under", "follow", "follow us", "share", "share this",
                      "share this article", "share this story", "share this post", "share on facebook",
                      "share on twitter", "share on x",
                      "subscribe", "sign up", "newsletter", "click here", "most read", "trending",
                      "you may also like", "continue reading", "skip to content", "listen to this article",
                      "copyright", "all rights reserved", "this article was originally published",
                      "support our journalism", "donate", "podcast", "download the app")
# Plug paragraphs: a subscription or donation word, an appeal, and the reader addressed as "you".
PLUG_WORDS = ("subscribe", "subscription", "subscriptions", "subscriber", "subscribers", "newsletter",
              "paid subscription", "premium", "donate", "donation", "donations", "patreon", "paywall",
              "sign up", "become a member", "support my work", "support our work", "support our journalism")
APPEAL_WORDS = ("please", "consider", "sign up", "join", "become", "upgrade", "upgrading",
                "you'll get", "you\u2019ll get", "you will get", "click", "support", "subscribe now")
READER_WORDS = ("you", "your", "you'll", "you\u2019ll", "you're", "you\u2019re", "you've", "you\u2019ve")

BIO_LABELS = ("latest book", "new book", "books", "author of", "about the author", "bio")
BIO_NOUNS = ("journalist", "writer", "author", "economist", "editor", "correspondent", "reporter",
             "columnist", "analyst", "professor", "researcher", "commentator", "contributor",
             "fellow", "director", "founder", "filmmaker", "historian", "blogger", "lecturer")
BYLINE_LEADS = ("by", "reporting by", "writing by", "editing by", "additional reporting by",
                "written by", "words by", "posted by", "author", "authors", "story by")
OUTLET_WORDS = ("News", "Times", "Post", "Press", "Reuters", "Agency", "Staff", "Reporter", "Reporters",
                "Correspondent", "Editor", "Writer", "Contributor", "Journal", "Tribune", "Herald",
                "Guardian", "Telegraph", "Wire", "Desk", "Bureau", "Newsroom", "Service")

COMMENT_MARKERS = ("comments", "comment", "reader comments", "join the discussion",
                   "join the conversation", "leave a comment", "leave a reply", "discussion about this post",
                   "show comments", "view comments", "top comments")
COUNTED_MARKERS = ("comments", "comment", "replies", "responses")
COMMENT_OPENERS = ("guys", "folks", "people", "friends", "everyone", "mate", "sir", "madam", "dear",
                   "great article", "excellent article", "good article", "great piece", "excellent piece",
                   "thanks", "thank you", "well said", "spot on", "agreed", "exactly", "lol", "wow")

# ---------------------------------------------------------------- patterns

_CAPTION_LABEL_RE = re.compile(rf"^\s*(?:{_alt(CAPTION_LABELS)})\s*:", re.I)
# Photo credits: "(AP Photo/Alexander Zemlianichenko)", "(Photo by X/Getty Images)", a line ending in
# "Photo: X" or "X/Reuters". Searched only where such a credit can be: a bracket, or the line's end.
_CREDIT_IN_BRACKETS_RE = re.compile(
    rf"\((?:(?:[A-Z][\w.&-]*\s){{0,3}}(?:{_alt(CREDIT_WORDS)})\s*(?:/|:|by\b)[^()]{{1,80}}"
    rf"|(?:{_alt(PHOTO_AGENCIES)})\s*/[^()]{{1,60}})\)"
)
_CREDIT_AT_END_RE = re.compile(
    rf"\b(?:{_alt(CREDIT_WORDS)})\s*(?::|by)\s*[^.]{{0,60}}$"
    rf"|/\s*(?:{_alt(PHOTO_AGENCIES)})(?:\s+via\s+(?:{_alt(PHOTO_AGENCIES)}))?\s*\)?\s*$"
)
_CREDIT_TAIL = 100  # characters at the end of a line where a credit may stand
_BOILER_LABEL_RE = re.compile(rf"^\s*(?:{_alt(BOILERPLATE_LABELS)})\s*(?::|\||$)", re.I)
_HANDLE_RE = re.compile(r"^\s*@\w+\s*$")
_URL_RE = re.compile(r"^\s*(?:(?:https?://|www\.)\S+|[\w.-]+\.(?:com|net|org|co\.uk|io)/?\S*)\s*$", re.I)
_PLUG_RE = re.compile(rf"\b(?:{_alt(PLUG_WORDS)})\b", re.I)
_APPEAL_RE = re.compile(rf"\b(?:{_alt(APPEAL_WORDS)})\b", re.I)
_READER_RE = re.compile(rf"(?<![\w'\u2019])(?:{_alt(READER_WORDS)})(?![\w'\u2019])", re.I)
_BIO_LABEL_RE = re.compile(rf"^\s*(?:{_alt(BIO_LABELS)})\s*:", re.I)
_BIO_SENTENCE_RE = re.compile(
    rf"^\s*(?:[A-Z][\w'\u2019-]+\s+){{1,3}}(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}(?:{_alt(BIO_NOUNS)})\b"
)
_BYLINE_LEAD_RE = re.compile(rf"^\s*(?:{_alt(BYLINE_LEADS)})\s*:?\s+[A-Z]", re.I)
_NAME_LINE_RE = re.compile(
    r"^\s*[A-Z][\w'\u2019.-]+(?:\s+(?:[A-Z][\w'\u2019.-]+|de|van|von|der|da|di|al|bin)){1,3}\s*$"
)
# A cue that a header line carries a date (not a date parser: the dates extractor reads the value).
_MONTH = "|".join(MONTH_NAMES)
_DATE_TOKEN_RE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|(?:{_MONTH})\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}})\b"
)
_PERSON = r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019.-]+){1,2}"
# "Laura Gozzi and Paul Kirby BBC News", "Jane Doe, Reuters": names, then an outlet
_AUTHORS_OUTLET_RE = re.compile(
    rf"{_PERSON}(?:(?:,\s*|\s+and\s+){_PERSON})*,?\s+(?:[A-Z][\w.]*\s+){{0,2}}(?:{_alt(OUTLET_WORDS)})\s*$"
)
_HEADER_LOWER_OK = frozenset("and by date updated published posted on at in with for the of".split())
_HEADER_WORD_RE = re.compile(r"\b(?:date|by|updated|published|posted)\b", re.I)
_COMMENT_MARKER_RE = re.compile(
    rf"^\s*(?:(?:{_alt(COMMENT_MARKERS)})\s*(?:\(\d+\))?\s*:?|\d+\s+(?:{_alt(COUNTED_MARKERS)}))\s*$", re.I
)
_COMMENT_OPENER_RE = re.compile(rf"^\s*(?:{_alt(COMMENT_OPENERS)})\b[,!.]", re.I)
_SCAFFOLD_RE = re.compile(r"^\s*(?:reply|like|share|report|\d+\s+likes?|\d+\s+repl(?:y|ies))\s*$", re.I)
_WORD_RE = re.compile(r"[\w'\u2019-]+")
# Any of the cues that stand at the start of a line, each with its own flags: a line that matches
# none can carry only the cues that may stand anywhere (_classify).
_LINE_START_CUE_RE = re.compile("|".join(
    f"(?{'i' if rx.flags & re.I else ''}:{rx.pattern})"
    for rx in (_CAPTION_LABEL_RE, _BIO_LABEL_RE, _HANDLE_RE, _BOILER_LABEL_RE, _SCAFFOLD_RE, _URL_RE,
               _BYLINE_LEAD_RE, _NAME_LINE_RE)
))

_TITLE_MAX_WORDS = 25
_TITLE_MAX_CHARS = 250
_BYLINE_MAX_WORDS = 14


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    label: Section | None = None
    name_line: bool = False  # only a name: an author's sign-off, or part of a byline block
    contact: bool = False  # website, social handle, e-mail
    plug: bool = False
    bio: bool = False


def detect_sections(text: str) -> list[tuple[int, int, Section]]:
    """Regions of `text` that are not article body, in order."""
    lines = _lines(text)
    if not lines:
        return []
    for line in lines:
        _classify(line)
    _mark_title_and_header(lines)
    _mark_sign_off_and_comments(lines)
    return _regions(lines)


def author_name(text: str) -> str | None:
    """The writer named by the first byline: for text the author writes in the first person."""
    for start, end, section in detect_sections(text):
        if section is not Section.BYLINE:
            continue
        line = text[start:end].strip()
        m = _BYLINE_LEAD_RE.match(line)
        if m:
            line = line[m.end() - 1:]
        names = re.findall(r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)+", line)
        if names:
            return names[0].split(" and ")[0]
    return None


def _lines(text: str) -> list[_Line]:
    out = []
    start = 0
    for part in text.split("\n"):
        end = start + len(part)
        stripped = part.strip()
        if stripped:
            lo = start + (len(part) - len(part.lstrip()))
            out.append(_Line(lo, lo + len(stripped), stripped))
        start = end + 1
    return out


def _classify(line: _Line) -> None:
    """Cues a line carries on its own."""
    s = line.text
    low = s.lower()
    # most lines are prose and match none of the line-start cues: one test says so for all of them
    start = _LINE_START_CUE_RE.match(s) is not None
    # the words are counted only when a cue matched
    n_words = lambda: len(_WORD_RE.findall(s))  # noqa: E731
    if (start and _CAPTION_LABEL_RE.match(s)) or _has_credit(s):
        line.label = Section.CAPTION
    elif start and _BIO_LABEL_RE.match(s):
        line.label, line.bio = Section.BYLINE, True
    elif start and (_HANDLE_RE.match(s) or (_BOILER_LABEL_RE.match(s) and _is_contact(s)
                                             and n_words() <= _BYLINE_MAX_WORDS)):
        line.label, line.contact = Section.BOILERPLATE, True
    elif _copyright(low) or (start and (_BOILER_LABEL_RE.match(s) or _SCAFFOLD_RE.match(s) or _URL_RE.match(s))):
        line.label = Section.BOILERPLATE
    elif _is_plug(s, low):
        line.label, line.plug = Section.BOILERPLATE, True
    elif start and _BYLINE_LEAD_RE.match(s) and not s.endswith(".") and n_words() <= _BYLINE_MAX_WORDS:
        line.label = Section.BYLINE
    line.name_line = start and bool(_NAME_LINE_RE.match(s)) and n_words() <= 5


def _is_plug(s: str, low: str) -> bool:
    """A line that asks readers to subscribe, donate, follow."""
    return ("you" in low and bool(_READER_RE.search(s) and _PLUG_RE.search(s) and _APPEAL_RE.search(s))
            and len(_WORD_RE.findall(s)) < 120)


def _has_credit(s: str) -> bool:
    if "(" in s and _CREDIT_IN_BRACKETS_RE.search(s):
        return True
    tail = s[-_CREDIT_TAIL:]
    return ("/" in tail or ":" in tail or " by " in tail) and bool(_CREDIT_AT_END_RE.search(tail))


def _copyright(low: str) -> bool:
    return low.startswith(("\u00a9", "(c) ", "copyright")) or "all rights reserved" in low


def _is_contact(s: str) -> bool:
    return bool(re.match(r"^\s*(?:website|web|blog|twitter|x|facebook|instagram|telegram|youtube|linkedin|"
                         r"substack|email|e-mail|contact)\s*:", s, re.I))


def _mark_title_and_header(lines: list[_Line]) -> None:
    """The headline is the first line when it reads like one; short header lines of names, dates
    and outlet words before the first paragraph are bylines."""
    first_body = next((i for i, ln in enumerate(lines) if ln.label is None and _is_prose(ln.text)), len(lines))
    first = lines[0]
    if first.label is None and len(lines) > 1 and _looks_like_title(first.text) and not (
        _is_header_byline(first.text) and (_HEADER_WORD_RE.search(first.text) or _AUTHORS_OUTLET_RE.search(first.text))
    ):
        # "Action of 2 January 1783" and "Goole Times" are headlines; "date 2025-03-14 Jane Doe BBC News" is not
        first.label = Section.TITLE
    for line in lines[:first_body]:
        if line.label is None and _is_header_byline(line.text):
            line.label = Section.BYLINE


def _looks_like_title(s: str) -> bool:
    words = _WORD_RE.findall(s)
    if not 0 < len(words) <= _TITLE_MAX_WORDS or len(s) > _TITLE_MAX_CHARS:
        return False
    if s.endswith((".", ",", ";", ":")):
        return False
    return s[0].isupper() or s[0].isdigit() or s[0] in "\"'\u201c\u2018"


def _is_prose(s: str) -> bool:
    """A paragraph of running text: several words, ending like a sentence."""
    return s.endswith((".", "!", "?", ".\u201d", '."')) or len(_WORD_RE.findall(s)) > _BYLINE_MAX_WORDS


def _is_header_byline(s: str) -> bool:
    """A header line of dates, authors and outlet: "May 3, 2013 at 7:31 AM ET",
    "date 2025-03-14 Laura Gozzi and Paul Kirby BBC News"."""
    words = _WORD_RE.findall(s)
    if not words or len(words) > _BYLINE_MAX_WORDS or s.endswith((".", "?", "!")):
        return False
    if not (_DATE_TOKEN_RE.search(s) or _AUTHORS_OUTLET_RE.search(s)):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _HEADER_LOWER_OK for w in words)


def _mark_sign_off_and_comments(lines: list[_Line]) -> None:
    """An explicit comments marker, an author's sign-off block, or page furniture followed by a
    paragraph that addresses readers ("Guys, please.", "Great article!") ends the article; what
    follows is reader comments."""
    n = len(lines)
    for i, line in enumerate(lines):
        if i > 0 and _COMMENT_MARKER_RE.match(line.text):
            line.label = Section.BOILERPLATE
            _comments_from(lines, i + 1)
            return
    end = _sign_off_end(lines)
    if end is not None and end + 1 < n:
        _comments_from(lines, end + 1)
        return
    seen_body = False
    for i in range(1, n):
        line, prev = lines[i], lines[i - 1]
        seen_body = seen_body or (prev.label is None and _is_prose(prev.text))
        if (seen_body and line.label is None and _COMMENT_OPENER_RE.match(line.text)
                and prev.label in (Section.BOILERPLATE, Section.BYLINE)):
            _comments_from(lines, i)
            return


def _sign_off_end(lines: list[_Line]) -> int | None:
    """Index of the last line of an author's sign-off block, if the text has one after its body."""
    n = len(lines)
    for i in range(1, n):
        if not lines[i].name_line or lines[i].label not in (None, Section.BYLINE):
            continue
        lo, hi = i, i
        while lo - 1 > 0 and _furniture(lines[lo - 1]):
            lo -= 1
        while hi + 1 < n and (_furniture(lines[hi + 1]) or _bio(lines[hi + 1])):
            hi += 1
        block = lines[lo:hi + 1]
        if not any(ln.contact or ln.plug or ln.bio for ln in block) or lo == 0:
            continue
        if not any(ln.label is None and _is_prose(ln.text) for ln in lines[:lo]):
            continue  # a header block, not a sign-off
        lines[i].label = Section.BYLINE
        for ln in block:
            if ln.bio and ln.label is None:
                ln.label = Section.BYLINE
        return hi
    return None


def _furniture(line: _Line) -> bool:
    return line.contact or line.plug or line.bio or line.label in (Section.BOILERPLATE, Section.BYLINE)


def _bio(line: _Line) -> bool:
    line.bio = line.bio or bool(_BIO_SENTENCE_RE.match(line.text))
    return line.bio


def _comments_from(lines: list[_Line], i: int) -> None:
    for line in lines[i:]:
        if line.label is None or line.label is Section.CAPTION:
            line.label = Section.COMMENT


def _regions(lines: list[_Line]) -> list[tuple[int, int, Section]]:
    """Labelled lines as regions; consecutive lines of one section become one region."""
    out: list[tuple[int, int, Section]] = []
    prev: Section | None = None
    for line in lines:
        label = line.label
        if label is not None and label is not Section.BODY:
            if prev is label:
                out[-1] = (out[-1][0], line.end, label)
            else:
                out.append((line.start, line.end, label))
        prev = label
    return out
