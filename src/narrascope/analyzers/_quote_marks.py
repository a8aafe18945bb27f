"""Quotation marks of every language, and matching them over a text.

Marks are matched with a stack, so nested quotes («... „...“ ...», “... ‘...’ ...”) stay inside
their outer quote. Several marks mean different things in different languages: “ closes „ in
German and opens in English, » closes « in French and opens in German (»...«), ” opens and
closes in Swedish. The stack decides: a mark that can close the innermost open quote closes it;
otherwise it may open a new one. Marks that also close (" ' » › ”) open only where a word
starts, and ' ‘ ’ between two letters are apostrophes (don't, l'homme, dell'Italia, O'Brien).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from narrascope.paragraphs import NOT_AFTER_TITLE

__all__ = [
    "CLOSE_STRAIGHT",
    "PAIRS",
    "RawQuote",
    "author_line_end",
    "find_dialogue_quotes",
    "find_direct_quotes",
]

#: Opening mark -> the marks that close it.
PAIRS = {
    "“": '”"',  # English; in German and Russian “ closes „ (below)
    "„": '“”"',  # German, Bulgarian, Russian inner quotes; Polish closes with ”
    "‚": "‘’",  # German and Bulgarian single quotes
    "‘": "’",  # English single quotes
    "«": "»",  # French (with spaces inside), Russian, Ukrainian, Spanish, Italian, Portuguese
    "»": "«",  # German and Danish »...«
    "‹": "›",
    "›": "‹",
    "”": "”",  # Swedish and Finnish: the same mark opens and closes
    "「": "」",  # Japanese and Chinese
    "『": "』",
    '"': '"”',  # scraped text mixes straight and curly marks: "...”
    "'": "'",
}
# Marks that are closers (or apostrophes) as often as openers: they open only at a word's start.
_WORD_START_OPENERS = frozenset("'»›”")
_STRAIGHT = frozenset("\"'")
# A scraped text that typed the opening mark straight keeps its language's closing one: the
# Bulgarian, German and Russian “ ("...“, каза тя) and the Russian » ("...», — заявил). They
# close a straight quote only where a word ends: before a word, “ and » open (English “...”,
# German »...«).
CLOSE_STRAIGHT = "“»"
_UNMARKED_PARAGRAPHS = 4  # at most, that a quote goes on into without a mark before one closes it
_APOSTROPHES = frozenset("'’")
_SENTENCE_END = re.compile(rf"{NOT_AFTER_TITLE}[.!?…]\s")
# Every character the matcher must look at; the rest of the text is skipped at C speed.
_INTERESTING = re.compile("[\n" + re.escape("".join(sorted(set(PAIRS) | set("".join(PAIRS.values()))))) + "]")


@dataclass(frozen=True)
class RawQuote:
    """A matched pair of quotation marks: ``open``/``close`` are the marks' offsets; where no
    mark closed the quote (``left_open``), ``close`` is its paragraph's end."""

    open: int
    close: int
    left_open: bool = False
    # Hindi news (and some scrapers) double single marks for a quote: ‘‘...’’. ``open`` is the
    # first of the opening pair and ``close`` the last of the closing one.
    doubled: bool = False

    @property
    def start(self) -> int:
        return self.open + 1 + self.doubled

    @property
    def end(self) -> int:
        return self.close - self.doubled


def _at_word_start(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return before.isspace() or before in "([{—–-/:"


def _apostrophe(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def _opens(text: str, i: int) -> bool:
    char = text[i]
    if char == '"':
        return _at_word_start(text, i)
    if char in _WORD_START_OPENERS:
        return _at_word_start(text, i) and i + 1 < len(text) and not text[i + 1].isspace()
    if char == "‘":
        return not _apostrophe(text, i)
    return char in PAIRS


def _closes(stack: list[tuple[str, int]], text: str, i: int) -> int | None:
    """The depth in ``stack`` of the innermost open quote that the mark at ``i`` closes."""
    char = text[i]
    if char in _APOSTROPHES and _apostrophe(text, i):
        return None
    for depth in range(len(stack) - 1, -1, -1):
        opener = stack[depth][0]
        if char in PAIRS[opener] or (opener == '"' and char in CLOSE_STRAIGHT and _at_word_end(text, i)):
            return depth
    return None


def _at_word_end(text: str, i: int) -> bool:
    """Whether the mark at ``i`` follows a word or a stop and no letter follows it: where a
    mark closes, whichever way it is drawn elsewhere."""
    before, after = text[i - 1 : i] if i else "", text[i + 1 : i + 2]
    return (
        (before.isalnum() or before in (".", "!", "?", "…", ",", ";"))
        and bool(before)
        and not after.isalnum()
    )


def find_direct_quotes(text: str) -> list[RawQuote]:
    """Outermost quotations in ``text``, matched by a stack of marks.

    A quote left open at the end of a paragraph goes on where the next paragraph re-opens it
    with the same mark (the convention for multi-paragraph quotes); otherwise it ends there if
    it opened where a speaker's words begin (see :func:`_left_open`), and is no quote if not.
    Such a quote's ``close`` is the paragraph's end (its line break, or the text's end). But
    where a quote inside it with the same mark closed before a sentence's end, that one mark
    closed both («... по формуле «Грузия+Россия». А ещё ...»: writers fold »» into one), and
    the quote ends there.
    """
    quotes: list[RawQuote] = []
    stack: list[tuple[str, int]] = []
    collapsed: int | None = None  # the first mark that may have closed two quotes at once
    i = 0
    while True:
        found = _INTERESTING.search(text, i)
        i = len(text) if found is None else found.start()
        char = "\n" if found is None else text[i]  # the text's end ends a paragraph too
        if char == "\n":
            if stack:
                j = i
                while j < len(text) and text[j].isspace():
                    j += 1
                if j < len(text) and text[j] == stack[0][0] and len(stack) == 1:
                    i = j + 1  # the quote goes on in the next paragraph
                    continue
                if len(stack) == 1 and _left_open(text, stack[0][1]) and _closed_next(text, j, stack[0][0]):
                    i = j  # ... or goes on without a mark, to the one that closes it there
                    continue
                if collapsed is not None:
                    quotes.append(RawQuote(stack[0][1], collapsed))
                    i, collapsed = collapsed + 1, None
                    stack.clear()
                    continue  # the rest of the paragraph is the author's, with quotes of its own
                if _left_open(text, stack[0][1]):
                    quotes.append(RawQuote(stack[0][1], i, left_open=True))
                stack.clear()
            if found is None:
                return quotes
        elif (depth := _closes(stack, text, i)) is not None:
            if (
                char in _STRAIGHT
                and _at_word_start(text, i)
                and i + 1 < len(text)
                and not text[i + 1].isspace()
            ):
                # A nested straight quote inside a straight one is rare; treat it as opening.
                stack.append((char, i))
            else:
                # Inner quotes left open ("... 'em ...") end with the quote around them.
                opener, position = stack[depth]
                del stack[depth:]
                if not stack:
                    quotes.append(_doubled(text, RawQuote(position, i)))
                    collapsed = None
                elif (
                    collapsed is None
                    and depth == 1
                    and opener == stack[0][0]
                    and text[i + 1 : i + 2] in (".", "!", "?", "…")
                    # in the outer quote's first sentence: a mark that no font has (″) may
                    # leave a quote open over several, with quotes of the author's after it
                    and _SENTENCE_END.search(text, stack[0][1], position) is None
                ):
                    collapsed = i
        elif _opens(text, i):
            stack.append((char, i))
        i += 1


def _doubled(text: str, quote: RawQuote) -> RawQuote:
    """``quote`` with its marks read as one pair where each is doubled (‘‘...’’, ''...''): the
    inner pair then marks nothing."""
    if (
        quote.close - quote.open > 3
        and text[quote.open + 1] == text[quote.open]
        and text[quote.close - 1] == text[quote.close]
    ):
        return RawQuote(quote.open, quote.close, doubled=True)
    return quote


def _closed_next(text: str, start: int, opener: str) -> bool:
    """Whether the first mark in the paragraphs from ``start`` on, within a few, closes a quote
    that ``opener`` opened, where a word ends, with the author's words after it in its paragraph:
    a writer who went on into the next paragraphs without a mark ("„... горят.⏎Когато ...
    мост“, каза Петров."); not a mark at an article's end that a scraper put around it all."""
    for _ in range(_UNMARKED_PARAGRAPHS):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        found = _INTERESTING.search(text, start, end)
        if found is not None:
            return (
                found.group() in PAIRS[opener] + (CLOSE_STRAIGHT if opener == '"' else "")
                and _at_word_end(text, found.start())
                and bool(text[found.end() : end].strip())
            )
        if end >= len(text):
            return False
        start = end + 1
    return False


def _left_open(text: str, position: int) -> bool:
    """Whether a quote that no mark closes before its paragraph's end still quotes that
    paragraph: it opens the paragraph or follows a colon ("Mr Corbyn said: 'The issue ..."),
    and a letter follows its mark. Scraped news loses closing marks (the British press closes a
    quote of several paragraphs only after the last, and a scraper may cut it before that); a
    mark anywhere else left open is more likely a stray one ('90s, a typo) than speech."""
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position].rstrip()
    return (not before or before.endswith(":")) and text[position + 1 : position + 2].isalpha()


# A paragraph of dialogue opens with a dash: Russian, Ukrainian, Bulgarian and Polish news
# print direct speech so ("— Мы не позволим, — заявил Путин. — Это очевидно."). What follows
# the dash starts with a capital letter or a digit: a list whose items open with dashes
# ("— обеспечить ...;") is no dialogue.
_DIALOGUE_LINE = re.compile(r"^[ \t]*([—–])[ \t]+(?=[^\W_a-zа-яёіїєґąćęłńóśźż]|[\"«„“])", re.MULTILINE)
# Online news types the dash as a hyphen ("- Nie zgadzam się - powiedział minister."), as
# lists do: a hyphen opens speech only where the author's words and a speech verb follow it.
_HYPHEN_LINE = re.compile(r"^[ \t]*(-)[ \t]+(?=[^\W_a-zа-яёіїєґąćęłńóśźż]|[\"«„“])", re.MULTILINE)
_HYPHEN_TO_AUTHOR = re.compile(r"([,!?…]*)[ \t]+-[ \t]+(?=[^\W\d_])")
# ... and inside a paragraph after a sentence's end, where the author's words must follow.
_DIALOGUE_INSIDE = re.compile(r"(?<=[.!?…])[ \t]+([—–])[ \t]+(?=[^\W_a-zа-яёіїєґąćęłńóśźż]|[\"«„“])")
# Where speech may give way to the author's words: a dash before a word in lower case, after a
# comma, "!", "?" or "…" ("..., — заявил Путин"), or right after the speech where a speech verb
# follows (Polish "– Nie zgadzam się – powiedział minister"). Any other dash is the speaker's
# own ("Россия — великая страна").
_TO_AUTHOR = re.compile(r"([,!?…]*)[ \t]+[—–][ \t]+(?=[^\W\d_])")
# ... and in the next paragraph, after speech set off as a block with no marks
_AUTHOR_LINE = re.compile(r"([,!?…])[ \t]*\n\s*[—–][ \t]+(?=[^\W\d_])")
# Where the author's words give way to speech again: ". — Это очевидно."
_TO_SPEECH = re.compile(r"[.:!?…][ \t]+([—–])[ \t]+(?=\S)")


def find_dialogue_quotes(text: str, verbs: re.Pattern[str] | None = None) -> list[RawQuote]:
    """The speech in paragraphs that open with a dash, as quotes whose ``open`` is the dash and
    whose ``close`` is where the speech ends (the comma before the author's words, after a "!"
    or "?", or the paragraph's end). "— A, — said X. — B." gives A and B; a paragraph of
    dialogue with no author's words is one quote, unless it ends as a list item does (";", ",").
    Speech after a dash inside a paragraph, after a sentence's end, is a quote only where the
    author's words follow it ("Песков ответил. — Это неприемлемо, — заявил он.").
    ``verbs`` (speech verbs) lets a dash with no punctuation before it open the author's words,
    and a hyphen that opens a paragraph open speech where the author's words and a speech verb
    follow it ("- Mamy nowy most - dodał Nowak."; not a list's "- item")."""
    found: list[RawQuote] = []
    covered = 0  # the end of the last paragraph opened by a dash
    hyphens = [*_HYPHEN_LINE.finditer(text)] if verbs is not None else []
    for opener in sorted(
        [*_DIALOGUE_LINE.finditer(text), *_DIALOGUE_INSIDE.finditer(text), *hyphens], key=lambda m: m.start(1)
    ):
        if opener.start(1) < covered:
            continue  # a dash that goes back to speech in a dialogue paragraph, read with it
        end = text.find("\n", opener.end())
        end = len(text) if end < 0 else end
        inside = opener.re is _DIALOGUE_INSIDE
        if inside and _enclosed(text, text.rfind("\n", 0, opener.start()) + 1, opener.start()):
            continue  # "(нужно. — О. П.)": a note inside brackets or a quote, not speech
        before = len(found)
        opened: int | None = opener.start(1)
        at = opener.end()
        hyphen = opener.re is _HYPHEN_LINE
        to_author = _HYPHEN_TO_AUTHOR if hyphen else _TO_AUTHOR
        while opened is not None:
            author = next(
                (
                    m
                    for m in to_author.finditer(text, at, end)
                    if text[m.end()].islower()
                    and (
                        (m.group(1) and not hyphen)
                        or (verbs is not None and verbs.match(text, m.end()) is not None)
                    )
                ),
                None,
            )
            if author is None:
                if (
                    not inside
                    and not hyphen
                    and (opened != opener.start(1) or not text[at:end].rstrip().endswith((";", ",")))
                ):
                    found.append(RawQuote(opened, end))
                break
            close = author.start() if author.group(1) in ("", ",") else author.end(1)
            found.append(RawQuote(opened, close))
            speech = None if hyphen else _TO_SPEECH.search(text, author.end(), end)
            opened, at = (None, end) if speech is None else (speech.start(1), speech.end())
            inside = False  # after the author's words, speech goes on as in a dialogue paragraph
        if len(found) > before:
            covered = end  # the rest of the paragraph is read
    if verbs is not None:
        found = sorted(found + _paragraphs_before_author(text, verbs, found), key=lambda q: q.open)
    return found


def author_line_end(text: str, close: int) -> int | None:
    """Where the paragraph of the author's words after a block of speech that ends at
    ``close`` ends (",⏎— отметил X."); None where no such paragraph follows."""
    author = _AUTHOR_LINE.match(text, close)
    if author is None:
        return None
    end = text.find("\n", author.end())
    return len(text) if end < 0 else end


def _paragraphs_before_author(text: str, verbs: re.Pattern[str], dialogue: list[RawQuote]) -> list[RawQuote]:
    """Paragraphs of speech set off as a block with no marks, which the author's words in the
    next paragraph attribute after a dash ("... мост через реку,⏎— отметил X."): the paragraph
    ends as speech gives way to the author's words, and a speech verb opens them."""
    found = []
    opens = [q.open for q in dialogue]  # in text order, disjoint
    for author in _AUTHOR_LINE.finditer(text):
        i = bisect.bisect_left(opens, author.start(1))
        start = text.rfind("\n", 0, author.start(1)) + 1
        if (
            start == 0  # the title's line
            or not text[author.end()].islower()
            or verbs.match(text, author.end()) is None
            or _DIALOGUE_LINE.match(text, start)
            or _HYPHEN_LINE.match(text, start)
            or (i > 0 and dialogue[i - 1].close > start)  # in a dialogue paragraph
        ):
            continue
        found.append(RawQuote(start - 1, author.start(1)))
    return found


def _enclosed(text: str, start: int, position: int) -> bool:
    """Whether ``position`` lies inside brackets or guillemets opened after ``start``."""
    before = text[start:position]
    return before.count("(") > before.count(")") or before.count("«") > before.count("»")
