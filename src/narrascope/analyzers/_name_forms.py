"""Normal forms of names, and the names that a recogniser cut short made whole, per language.

What :mod:`narrascope.analyzers.entities` counts an entity by is its normal form: the
nominative where names inflect (Polish by :mod:`narrascope.analyzers._polish`, Ukrainian by
:mod:`narrascope.analyzers._east_slavic`), a German head out of the genitive, a Bulgarian name without its
article, a French or Italian one without its elided article (:func:`head_normal`). The entity
head, which reads every language through one encoder, now and then cuts a name short or in
two; the language-specific repairs live here too: an adjective and the name after it joined
(German, Polish: :func:`join_fragments`), an organisation cut at a linking word made whole
(Italian, Spanish, Portuguese, Bulgarian: :func:`linked_names`), a Polish surname alone read
as the fuller name of the article it is a form of (:func:`polish_surnames`), and a German
title taken for an organisation (:func:`german_title`).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from typing import Any

from narrascope.analyzers import _east_slavic as east_slavic
from narrascope.analyzers import _polish as polish
from narrascope.analyzers._bodies import body_of
from narrascope.analyzers._places import place_of
from narrascope.analyzers._speech_words import NAME_PARTICLES
from narrascope.models.heads import function_words_of

__all__ = [
    "LINKS",
    "Found",
    "bulgarian_phrases",
    "cased_as_elsewhere",
    "completed_as_elsewhere",
    "completed_bodies",
    "completed_links",
    "dotted_abbreviations",
    "french_name_start",
    "german_genitives",
    "german_title",
    "head_normal",
    "institution_names",
    "institution_word",
    "join_fragments",
    "joined_persons",
    "linked_names",
    "polish_surnames",
    "repeated_tails",
    "without_trailing_links",
]

# Where names inflect for case, the head's names are put in the nominative word by word.
_INFLECTING = ("pl", "uk")


# The definite article of a Bulgarian word: "-та", "-то", "-ът", "-ят" (not "-те": plural nouns
# in names are rare, and the plain plural also ends in "-те"); the short "-а", "-я" only where a
# lemma confirms it (a feminine noun ends in "-а" without one).
_BULGARIAN_ARTICLE = re.compile(r"(?<=\w{3})(?:та|то|ът|ят)$")
# A person's name takes no article: only a title before it does ("Президентът Румен Радев");
# these masculine forms end no name (see :func:`_bulgarian_title`).
_BULGARIAN_TITLE_ARTICLE = re.compile(r"(?<=\w{3})(?:ът|ят)$")


# An elided article or preposition glued to a name: "l'OTAN", "dell'ONU", "d'Europa".
_ELIDED = re.compile(r"^(?:[ldn]|dell|all|nell|sull|dall)['’](?=\w)", re.IGNORECASE)


Found = list[tuple[int, int, str, dict[str, Any]]]


# A capitalised German adjective by its suffix and ending ("Deutsche", "Statistischen",
# "Staatliche", "Nationalen"; not a noun or a place that ends alike: "Behörde", "Litauen"):
# the recognisers may cut an organisation's name after it.
_ADJECTIVE = re.compile(r"[A-ZÄÖÜ]\w*(?:isch|sch|lich|ig|al|ar|ell|iv)(?:e|en|er|es|em)")
# ... and a city's, which does not decline ("Münchner", "Wiener", "Kieler"): before an
# organisation, part of its name ("Münchner" + "Institut für Wirtschaftsforschung").
_CITY_ADJECTIVE = re.compile(r"[A-ZÄÖÜ]\w{2,}er")


# The words that link an organisation's head to the rest of its name ("Banco Central do Brasil",
# "Camera dei deputati", "Институт за пазарна икономика"), by language.
LINKS = {
    "it": ("di", "del", "dello", "della", "dei", "degli", "delle", "per"),
    "es": ("de", "del", "para"),
    "pt": ("de", "do", "da", "dos", "das", "para"),
    "bg": ("на", "за"),
}


# ... and, in a name that ends with one, contracted prepositions and the articles after a link
# ("Istituto di Ricerca Medica sulle", "Associazione internazionale per lo").
_TRAILING_LINKS = {
    "it": (
        "sul",
        "sulla",
        "sulle",
        "sui",
        "sugli",
        "nel",
        "nella",
        "nelle",
        "al",
        "alla",
        "alle",
        "ai",
        "agli",
    ),
    "es": ("en", "para la", "de la", "de los", "de las"),
    "pt": ("na", "no", "nas", "nos", "pela", "pelo", "ao"),
    "bg": (),
}


_ARTICLES = frozenset(
    ["lo", "la", "il", "i", "gli", "le", "l'", "l’", "o", "a", "os", "as", "el", "los", "las"]
)


_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _article(word: str) -> bool:
    return word.lower() in _ARTICLES and not (len(word) > 1 and word.isupper())  # not "AS", "LA"


def linked_names(text: str, found: Found, language: str) -> Found:
    """Organisations that the head cut at a linking word, made whole: one that ends with it
    takes the word after it, and the capitalised words after that ("Camera dei" -> "Camera dei
    deputati", "Associação Angolana de" -> "... de Geólogos"); one that a linking word and a
    place or organisation follow takes them in ("Banco Central" + "do" + "Brasil"), as it does
    capitalised words that no recogniser took ("Banco" + "de España"); never a person ("el
    Gobierno de Pedro Sánchez")."""
    links = LINKS[language]
    trailing = links + _TRAILING_LINKS[language] + tuple(_ARTICLES)
    spans = sorted(found, key=lambda f: f[0])
    out: Found = []
    i = 0
    while i < len(spans):
        start, end, label, attrs = spans[i]
        i += 1
        words = text[start:end].split()
        if label == "LOC" and words and words[-1].lower() in links + _TRAILING_LINKS[language]:
            # a place cut at its link: the capitalised words after it ("Faixa de" + "Gaza")
            new_end = _name_run(text, end, first_any=False, links=links)
            if new_end > end and not (i < len(spans) and spans[i][0] < new_end and spans[i][2] == "PER"):
                while i < len(spans) and spans[i][0] < new_end:
                    new_end = max(new_end, spans[i][1])
                    i += 1
                attrs = {**attrs, "normal": head_normal(text[start:new_end], label, language)}
                end = new_end
        if label != "ORG":
            out.append((start, end, label, attrs))
            continue
        if all(_article(word) for word in words):
            continue  # the head's stray article ("Il" + "Ministero ..."): no name, and no link
        new_end = end
        if len(text[start:end]) > 3 and text[start:end].isupper():
            pass  # a heading in capitals: its capitals are no name's
        elif words[-1].lower() in trailing and len(words[-1]) > 1 and words[-1].isupper():
            pass  # an acronym ("AS", "LA") is no link, whatever word it spells
        elif words[-1].lower() in trailing and language == "bg":
            # Bulgarian adjectives come first: "Института за" + "пазарна икономика"; a link
            # that nothing follows is no part of the name
            new_end = _bulgarian_run(text, end)
            if new_end == end:  # or a name in capitals: "Конференция на" + "ООН"
                new_end = _name_run(text, end, first_any=False, links=links)
            if new_end == end and len(words) > 1:
                new_end = start + len(text[start:end].rstrip()[: -len(words[-1])].rstrip())
        elif words[-1].lower() in trailing:
            new_end = _name_run(text, end, first_any=True, links=links)
        else:
            link = re.match(r" (\w+) ", text[end : end + 20])
            if link and link.group(1).lower() in links:
                after = end + link.end()
                nxt = spans[i] if i < len(spans) else None
                if nxt is not None and nxt[0] == after and nxt[2] in ("ORG", "LOC"):
                    new_end = nxt[1]
                elif nxt is None or nxt[0] > after:
                    new_end = (
                        _name_run(text, after, first_any=False) if text[after : after + 1].isupper() else end
                    )
                    if new_end == end and language == "bg" and _bulgarian_institution(words[0]):
                        # "Министерството" + "на вътрешните работи", not "НАТО" + "на срещата"
                        new_end = _bulgarian_run(text, after - 1)
                    elif (
                        new_end == end
                        and language in _LOWER_CASE_NAMES
                        and institution_word(words[0], language)
                        and not any(word[:1].isupper() for word in words[1:])
                    ):
                        # "Istituto nazionale" + "di statistica", "Agenzia" + "delle entrate";
                        # a name in capitals is whole ("Agenzia Spaziale" + "di lanciare")
                        new_end = _lower_noun(text, after, end, language)
        if new_end > end:
            while i < len(spans) and spans[i][0] < new_end:
                if spans[i][2] == "PER":
                    new_end = end  # a person after the link: no name of the organisation's
                    break
                new_end = max(new_end, spans[i][1])
                i += 1
        if language == "bg" and new_end > end:
            # a link of its own ends no name ("Служба за климатични промени на")
            new_end = start + len(_TRAILING_LINK_BG.sub("", text[start:new_end]))
        if new_end != end:
            normal = head_normal(text[start:new_end], "ORG", language)
            attrs = {**attrs, "normal": normal}
        out.append((start, new_end, label, attrs))
    return out


# The stems of the nouns that head an organisation's name (not "Federación", "Federazione":
# "Federação da Rússia" is the country). Italian names go on in lower case
# after a link ("Istituto nazionale di statistica", "Agenzia delle entrate"); Spanish and
# Portuguese ones are written in capitals, where words in lower case are more often no name's,
# so there the stems serve only to join an institution to the name after it.
_INSTITUTIONS = {
    "it": (
        "istitut", "minister", "banca", "agenzi", "consigli", "commission", "comitat", "corte",
        "tribunal", "procura", "fondazion", "universit", "accademi", "associazion",
        "confederazion", "ufficio", "autorità", "servizio", "sindacat", "direzion", "dipartiment",
        "osservatori",
    ),
    "es": (
        "institut", "minister", "banco", "agencia", "consejo", "comisi", "comit", "congreso", "tribunal",
        "fundaci", "universidad", "academia", "asociaci", "confederaci", "oficina",
        "autoridad", "servicio", "sindicato", "direcci", "departamento", "observatorio",
    ),
    "fr": (),  # French names: the portfolio rule only
    "pt": (
        "institut", "minist", "banco", "agência", "conselho", "comiss", "comit", "congresso",
        "tribunal", "fundaç", "universidade", "academia", "associaç", "confederaç",
        "autoridade", "serviço", "sindicato", "direç", "departamento", "observatório",
    ),
}  # fmt: skip
_LOWER_CASE_NAMES = ("it",)


def institution_word(word: str, language: str) -> bool:
    stems = _INSTITUTIONS.get(language)
    return stems is not None and word.lower().startswith(stems)


# A minister's title and the link before a portfolio ("ministro de", "ministra da", "ministro
# dell'", "ministre des"): the portfolio after it names an office, not an organisation the
# article mentions; not after "ministros" ("reunião de ministros da Associação ...").
_PORTFOLIO_BEFORE = re.compile(
    r"\bministr[oae]\s+(?:de|del|da|do|dos|das|des|du|della|dello|delle|degli|dei|dell['’]|"
    r"de\s+la|de\s+l['’]|per\s+gli|per\s+la|per\s+il)\s*$"
)
# spaCy's French pipeline takes the title in with the portfolio ("ministre des Armées").
_PORTFOLIO = re.compile(r"ministre\s")
# An institution's capitalised words and a link (with an article) right before a name.
_INSTITUTION_BEFORE = re.compile(
    r"(?<![\w'’-])((?:[A-ZÀ-Ý][\w'’-]*\s+){1,3}?)"
    r"(?:de|del|da|do|dos|das|di|della|dello|delle|degli|dei|dell['’]|de\s+la|de\s+los|de\s+las)\s*$"
)


def institution_names(text: str, found: Found, language: str) -> Found:
    """Italian, Spanish and Portuguese organisations that the head took only the end of, or
    took in the wrong place. An institution's words and a link right before a name the head
    found make one organisation with it ("Congreso de los" + "Diputados", "Confederación
    Hidrográfica del" + "Guadalquivir", "Ministério da" + "Administração Interna"), and a
    minister's portfolio is no organisation ("ministro de" + "Asuntos Exteriores", "ministro
    dell'" + "Economia": an office that the article names through its minister)."""
    if language not in _INSTITUTIONS:
        return found
    out: Found = []
    for start, end, label, attrs in sorted(found, key=lambda f: f[0]):
        line_start = text.rfind("\n", 0, start) + 1
        if label == "ORG" and (
            _PORTFOLIO_BEFORE.search(text, max(line_start, start - 40), start)
            or _PORTFOLIO.match(text, start)
        ):
            continue
        before = _INSTITUTION_BEFORE.search(text, max(line_start, start - 80), start)
        if label in ("ORG", "LOC") and before is not None and institution_word(before.group(1), language):
            if out and out[-1][1] > before.start():
                if out[-1][0] < before.start() or out[-1][2] == "PER":
                    out.append((start, end, label, attrs))
                    continue  # a name that runs into the institution's words: leave both
                out.pop()  # the head took the institution apart ("Congreso" + "Diputados")
            start = before.start()
            label, attrs = "ORG", {**attrs, "normal": head_normal(text[start:end], "ORG", language)}
        out.append((start, end, label, attrs))
    return out


def _lower_noun(text: str, after: int, end: int, language: str) -> int:
    """The end of the word in lower case at ``after``, a link's end (or of the one after an
    article there: "per gli" + "investimenti"), that finishes a name ending at ``end``; ``end``
    where there is none or it is a function word ("il Governo di questo paese")."""
    function_words = function_words_of(language)
    at = after - 1  # _LOWER_WORD reads the space before a word
    for _ in range(2):
        word = _LOWER_WORD.match(text, at)
        if word is None:
            break
        lowered = word.group(1).lower()
        if lowered in _ARTICLES:
            at = word.end()
            continue
        if lowered in function_words or len(lowered) < 3:
            break
        return word.end()
    return end


_TRAILING_LINK_BG = re.compile(rf"(?:\s+(?:{'|'.join(LINKS['bg'])}))+\s*$", re.IGNORECASE)
# Endings of Bulgarian adjectives, with and without the definite article ("пазарна",
# "регионалното", "вътрешните", "европейския").
_BULGARIAN_ADJECTIVE = re.compile(
    r"\w+(?:ск(?:и|а|о|ия|ият|ата|ото|ите)|н(?:а|о|и|ия|ият|ата|ото|ите)|ен|ов(?:а|о|и)?|ев(?:а|о|и)?)",
    re.IGNORECASE,
)
_LOWER_WORD = re.compile(r" ([^\W\d_A-ZА-Я][\w-]*)")


# The stems of Bulgarian nouns that head an organisation's name ("Министерството", "Агенция").
_BULGARIAN_INSTITUTIONS = (
    "министерств", "институт", "агенци", "съвет", "комиси", "комитет", "банк", "съд", "прокуратур",
    "парти", "съюз", "служб", "център", "централ", "фонд", "университет", "академи", "асоциаци",
    "федераци", "камар", "дирекци", "инспекци", "управлени", "бюро",
)  # fmt: skip


def _bulgarian_institution(word: str) -> bool:
    return word.lower().startswith(_BULGARIAN_INSTITUTIONS)


def _bulgarian_run(text: str, position: int) -> int:
    """The end of the words after a Bulgarian link at ``position`` that finish a name: up to two
    adjectives and the word after them ("за" + "пазарна икономика"), or one word ("на" +
    "отбраната"), all in lower case; ``position`` where none follows."""
    end = position
    for number in range(3):
        word = _LOWER_WORD.match(text, end)
        if word is None:
            break
        end = word.end()
        if number == 2 or not _BULGARIAN_ADJECTIVE.fullmatch(word.group(1)):
            break
    return end


def _name_run(text: str, position: int, first_any: bool, links: tuple[str, ...] = ()) -> int:
    """The end of the name's words from ``position``: the first word whatever its case if
    ``first_any``, then capitalised words and the links between them ("Tratado do Atlântico
    Norte"), on one line; ``position`` where none."""
    end = position
    free = 1 if first_any else 0  # words taken whatever their case: one, and an article's noun
    matches = list(itertools.islice(_NAME_WORD.finditer(text, position), 12))
    for number, match in enumerate(matches):
        gap = text[end : match.start()]
        if gap.strip() or "\n" in gap or (number and match.start() != end + 1):
            break
        word = match.group()
        linking = (
            word.lower() in links
            and number + 1 < len(matches)
            and matches[number + 1].start() == match.end() + 1
            and matches[number + 1].group()[:1].isupper()
        )
        if number >= free and not word[:1].isupper() and not linking:
            break
        if number < free and word.lower() in _ARTICLES:
            free += 1  # "per lo sviluppo", "per la sicurezza": the noun after the article too
        end = match.end()
    return end


def join_fragments(text: str, found: Found, language: str) -> Found:
    """Two names one space apart that are one name cut in two, joined, with the normal form of
    the whole: in German an adjective and the organisation after it ("Statistischen" +
    "Bundesamtes": the Statistisches Bundesamt); in Polish a place or organisation and one
    whose words agree with it in case, number and gender ("Wojska" + "Polskiego", "Najwyższej"
    + "Izby Kontroli"), which :func:`narrascope.analyzers._polish.parse` reads as one phrase."""
    out: Found = []
    for start, end, label, attrs in sorted(found, key=lambda f: f[0]):
        if out and out[-1][1] + 1 == start and text[start - 1] == " ":
            first = out[-1]
            kind = "ORG" if "ORG" in (label, first[2]) else label
            normal = None
            if (
                language == "de"
                and label == first[2] == "ORG"
                and (
                    _ADJECTIVE.fullmatch(text, first[0], first[1])
                    or _CITY_ADJECTIVE.fullmatch(text, first[0], first[1])
                )
            ):
                normal = head_normal(text[first[0] : end], label, language)
            elif language == "pl" and {label, first[2]} <= {"ORG", "LOC"}:
                left, words = len(text[first[0] : first[1]].split()), text[first[0] : end].split()
                phrase = polish.parse(words, kind)
                normal = " ".join(phrase.forms) if phrase is not None and phrase.last > left else None
            if normal is not None:
                out[-1] = (first[0], end, kind, {**attrs, "normal": normal})
                continue
        out.append((start, end, label, attrs))
    return out


_DOTTED = re.compile(r"(?<![\w.])(?:[^\W\d_]\.){2,}")


def dotted_abbreviations(text: str, found: Found) -> Found:
    """An abbreviation with a dot after each letter ("U.E.", "U.S.", "С.Ш.А.") that a recogniser
    cut into pieces ("U" and "E."), or took only part of, as one name: the pieces' first kind,
    its own text for a normal form."""
    spans = [m.span() for m in _DOTTED.finditer(text)]
    if not spans:
        return found
    out: Found = []
    taken: set[tuple[int, int]] = set()
    for start, end, label, attrs in sorted(found, key=lambda f: f[0]):
        whole = next(((a, b) for a, b in spans if a <= start and end <= b and (a, b) != (start, end)), None)
        if whole is None:
            out.append((start, end, label, attrs))
        elif whole not in taken:  # the first piece stands for the whole; the others go
            taken.add(whole)
            out.append((*whole, label, {**attrs, "normal": text[whole[0] : whole[1]]}))
    return out


def cased_as_elsewhere(found: Found) -> Found:
    """A name in capitals ("ЕВРОПА" in a headline "ЕВРОПА ДНЕС: ...") written as the article
    writes it elsewhere ("Европа"), so that the two count as one; an acronym ("НАТО", "ЕС"),
    which the article writes in capitals everywhere, stays."""
    written = {str(attrs["normal"]) for *_, attrs in found}
    out: Found = []
    for start, end, label, attrs in found:
        normal = str(attrs["normal"])
        if normal.isupper() and len(normal) > 3:
            cased = " ".join(word[:1] + word[1:].lower() for word in normal.split())
            if cased in written:
                attrs = {**attrs, "normal": cased}
        out.append((start, end, label, attrs))
    return out


def repeated_tails(text: str, found: Found) -> Found:
    """A place's or organisation's name that the head cut short before the same capitalised
    word at every mention, two at least ("Linha" before "Norte"), given that word: a name
    written so each time is one name ("Linha Norte"). Not where the word is another entity's,
    nor in German, whose nouns all have capitals (the caller's to leave out)."""
    starts = {start for start, *_ in found}
    tails: dict[str, list[str]] = {}
    for start, end, label, attrs in found:
        if label in ("ORG", "LOC") and attrs.get("recogniser") == "head":
            word = _NAME_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
            capitalised = word is not None and word.group()[:1].isupper() and word.start() not in starts
            tails.setdefault(text[start:end], []).append(word.group() if capitalised and word else "")
    whole = {
        name: said[0] for name, said in tails.items() if len(said) > 1 and said[0] and len(set(said)) == 1
    }
    out: Found = []
    for start, end, label, attrs in found:
        tail = (
            whole.get(text[start:end])
            if label in ("ORG", "LOC") and attrs.get("recogniser") == "head"
            else None
        )
        if tail is not None:
            end += 1 + len(tail)
            attrs = {**attrs, "normal": f"{attrs['normal']} {tail}"}
        out.append((start, end, label, attrs))
    return out


def completed_as_elsewhere(text: str, found: Found) -> Found:
    """A name that the head cut short ("Forza" of "secondo Forza Italia") where the text goes on
    into a longer name of an organisation or a place that the article has elsewhere, made that
    name, with its kind; an entity inside it ("Italia") goes. Not a person's: "Giorgia" before
    "Meloni" is the head's to find, and "Kennedy" of "Kennedy Airport" may be the man."""
    longer: dict[str, tuple[str, dict[str, Any]]] = {}
    for start, end, label, attrs in found:
        if label in ("ORG", "LOC") and " " in text[start:end]:
            longer.setdefault(text[start:end], (label, attrs))
    longest_first = sorted(longer, key=len, reverse=True)
    out: Found = []
    swallowed: list[tuple[int, int]] = []
    for start, end, label, attrs in sorted(found, key=lambda f: (f[0], -f[1])):
        if any(s <= start and end <= e for s, e in swallowed):
            continue
        name = text[start:end]
        if attrs.get("recogniser") == "head" and label in ("ORG", "LOC"):
            whole = next(
                (
                    other
                    for other in longest_first
                    if other.startswith(name + " ")
                    and text.startswith(other, start)
                    and not text[start + len(other) : start + len(other) + 1].isalnum()
                ),
                None,
            )
            if whole is not None:
                label, attrs = longer[whole][0], {**attrs, "normal": longer[whole][1]["normal"]}
                end = start + len(whole)
                swallowed.append((start, end))
        out.append((start, end, label, attrs))
    return out


_WORD_BEFORE = re.compile(r"([^\W\d_][\w-]*) $")
_WORD_AFTER = re.compile(r" ([^\W\d_][\w-]*)")


def completed_bodies(text: str, found: Found) -> Found:
    """An organisation, a place or a person's name that the head cut out of a body's name, with
    the capitalised word before or after it that makes the name whole ("Weiße" + "Haus",
    "Vereinten" + "Nationen", "Palazzo" + "Chigi", a person to the head:
    :func:`~narrascope.analyzers._bodies.body_of`), given the body's kind."""
    starts = {start for start, *_ in found}
    ends = {end for _, end, *_ in found}
    # a word that is an entity of its own ("Palazzo" of "Palazzo" + "Chigi") may open the name
    single = {(start, end) for start, end, *_ in found if " " not in text[start:end]}
    taken: set[tuple[int, int]] = set()
    out: Found = []
    for start, end, label, attrs in found:
        name = text[start:end]
        if label in ("ORG", "LOC", "PER") and body_of(name) is None:
            before = _WORD_BEFORE.search(text, max(0, start - 40), start)
            after = _WORD_AFTER.match(text, end)
            # a capitalised word of no other entity, or one that is an entity alone
            if before and before.group(1)[:1].isupper():
                alone = (before.start(1), before.end(1)) in single
                body = body_of(f"{before.group(1)} {name}") if alone or start - 1 not in ends else None
                if body is not None:
                    start, label = before.start(), body.kind
                    if alone:
                        taken.add((before.start(1), before.end(1)))
            if text[start:end] == name and after and after.group(1)[:1].isupper() and end + 1 not in starts:
                body = body_of(f"{name} {after.group(1)}")
                if body is not None:
                    end, label = after.end(), body.kind
            if text[start:end] != name:
                attrs = {**attrs, "normal": text[start:end]}
        out.append((start, end, label, attrs))
    return [f for f in out if (f[0], f[1]) not in taken]


# A Bulgarian adjective, with or without its article ("Световната", "Европейския",
# "Парижкото", "обединените", "Южна"): what a name that the head cut short ends with.
_BULGARIAN_ADJECTIVE = re.compile(
    r"[^\W\d_]+(?:ск|шк|цк|жк|чк|ен|н)(?:и|ия|ият|а|ата|о|ото|ите)", re.IGNORECASE
)
# The head nouns that end such names (without article, as inside a name), and their kind
_BULGARIAN_HEADS: dict[str, str] = {
    **dict.fromkeys(
        ["организация", "съюз", "парламент", "комисия", "администрация", "агенция", "служба",
         "банка", "фонд", "съвет", "министерство", "нации", "институт", "университет", "академия",
         "партия", "асамблея", "камара", "прокуратура", "църква", "армия", "споразумение"],
        "ORG",
    ),
    **dict.fromkeys(["федерация", "република", "полукълбо", "регион", "област", "море", "океан"], "LOC"),
}  # fmt: skip
_LOWER_WORD = re.compile(r" ([^\W\d_]+)")


def bulgarian_phrases(text: str, found: Found) -> Found:
    """A Bulgarian name that the head cut short after a capitalised adjective, which names
    capitalise alone ("Световната" of "Световната метеорологична организация", "Руската" of
    "Руската федерация", "Организация на обединените" of "... нации"), with the adjectives in
    lower case after it and the head noun that ends the name; the noun gives the kind (a
    federation is a place). Only the nouns of ``_BULGARIAN_HEADS``: "Руската армия" is an
    army, "Руската позиция" no name."""
    out: Found = []
    for start, end, label, attrs in found:
        words = text[start:end].split()
        if label in ("ORG", "LOC") and words and _BULGARIAN_ADJECTIVE.fullmatch(words[-1]):
            at = end
            while (word := _LOWER_WORD.match(text, at)) and word.group(1).islower():
                noun = _BULGARIAN_HEADS.get(word.group(1))
                if noun is not None:
                    end, label = word.end(), noun
                    attrs = {**attrs, "normal": head_normal(text[start:end], label, "bg")}
                    break
                if not _BULGARIAN_ADJECTIVE.fullmatch(word.group(1)) or word.end() - end > 40:
                    break
                at = word.end()
        out.append((start, end, label, attrs))
    return out


def without_trailing_links(text: str, found: Found, language: str) -> Found:
    """People's and places' names without the function words in lower case that the head ran
    on into ("Paulo Ramos à" + "Lusa", "Estado dos"): such a name ends in a word of its own
    ("Charles de Gaulle", "Черно море"); an organisation's may end in a link's noun
    ("Istituto nazionale di statistica")."""
    function_words = function_words_of(language)
    out: Found = []
    for start, end, label, attrs in found:
        new_end = end
        while label in ("PER", "LOC"):
            cut = text.rfind(" ", start, new_end)
            if cut <= start or text[cut + 1 : new_end] not in function_words:
                break
            new_end = len(text[:cut].rstrip())
        if new_end != end:
            attrs = {**attrs, "normal": head_normal(text[start:new_end], label, language)}
        out.append((start, new_end, label, attrs))
    return out


_CAPITALISED_AFTER = re.compile(r" ((?:[^\W\d_][\w-]*)(?: [^\W\d_][\w-]*){0,5})")


# Italian and French links that elide before a vowel ("d’Italia", "dell’ONU", "l’Est"), and
# the capitalised word that an apostrophe joins to one.
_ELIDED_LINKS = frozenset(["d", "dell", "dall", "all", "nell", "sull", "l"])
_ELISION_AFTER = re.compile(r"['’][^\W\d_][\w-]*")


def completed_links(text: str, found: Found, language: str) -> Found:
    """An organisation that the head cut right after a link ("Instituts für" + "Stadtforschung",
    "Ministerstwo do" + "Spraw ..."), with the capitalised words after the link, and any
    entity among them, made one name: no name ends in a function word. An organisation or a
    place cut at an elided link ("Fratelli d" of "Fratelli d’Italia") takes the word that the
    apostrophe joins to it."""
    function_words = function_words_of(language)
    out: Found = []
    swallowed_to = -1
    for start, end, label, attrs in sorted(found, key=lambda f: f[0]):
        if end <= swallowed_to:
            continue  # a piece of the name completed before
        last = text.rfind(" ", start, end)
        elision = _ELISION_AFTER.match(text, end)
        if (
            label in ("ORG", "LOC")
            and last > start
            and elision is not None
            and elision.group()[1:2].isupper()
            and text[last + 1 : end].casefold() in _ELIDED_LINKS
        ):
            # "Fratelli d" + "’Italia", "Banca d" + "’Inghilterra": an elision binds one word, or
            # the name that it opens ("Museo dell" + "’Opera del Duomo di Pisa")
            joined = [e for s, e, *_ in found if s == elision.start() + 1]
            end = swallowed_to = max([elision.end(), *joined])
            attrs = {**attrs, "normal": head_normal(text[start:end], label, language)}
        elif label == "ORG" and last > start and text[last + 1 : end] in function_words:
            after = _CAPITALISED_AFTER.match(text, end)
            words = after.group(1).split() if after else []
            capitals: list[str] = []
            for k, word in enumerate(words):
                if word[:1].isupper():
                    capitals.append(word)
                elif not (  # "für Außen- und Sicherheitspolitik": a shared compound's part goes on
                    capitals
                    and capitals[-1].endswith("-")
                    and words[k + 1 : k + 2]
                    and words[k + 1][:1].isupper()
                ):
                    break
                else:
                    capitals.append(word)
            if capitals:
                new_end = end + 1 + len(" ".join(capitals))
                swallowed_to = new_end
                attrs = {**attrs, "normal": head_normal(text[start:new_end], label, language)}
                end = new_end
        out.append((start, end, label, attrs))
    return out


def joined_persons(text: str, found: Found, language: str) -> Found:
    """Two persons one space apart, one name that the entity head cut in two ("Volodymyr" +
    "Zelensky"): news writes two people next to each other with a comma or a conjunction
    between them, not a space. The whole takes the normal form of a person's name. A first
    part of one word only: two words before a name are more often another person in the
    genitive ("współpracowniczka Jana Kowala Anna Nowak"); and not in German or Polish,
    where a capitalised noun or title the head took for a person comes before the name
    ("Berater Müllers", "Frau Berger", "Felietonista Jan Kowal")."""
    if language in ("de", "pl"):
        return found
    out: Found = []
    for start, end, label, attrs in sorted(found, key=lambda f: f[0]):
        if (
            out
            and label == out[-1][2] == "PER"
            and out[-1][1] + 1 == start
            and text[start - 1] == " "
            and " " not in text[out[-1][0] : out[-1][1]]
            and len(text[out[-1][0] : end].split()) <= 3
        ):
            first = out[-1]
            out[-1] = (
                first[0],
                end,
                label,
                {**first[3], "normal": head_normal(text[first[0] : end], label, language)},
            )
            continue
        out.append((start, end, label, attrs))
    return out


def capitalised_tails(text: str, found: Found, language: str) -> Found:
    """An organisation's name that the entity head cut before its capitalised words, made whole
    ("Partią" + "Konserwatywną", "Uniwersytetu" + "Yale", "Unione" + "Sovietica", "Regione" +
    "Lombardia"), with the whole's normal form: in Polish, Italian, Spanish and Portuguese a
    capitalised word inside a sentence is a name's, and a head noun with adjectives or a
    complement after it is the usual shape of an organisation's name. Up to four words, up to
    the next entity; in Polish one "i" too, between two nouns in one case ("Klimatu i
    Środowiska", not "Obywatelskiej i Lewicy"). Not a person's first name that the head left
    out ("Marine" before "Le Pen"), nor a person's surname ("Rząd Draghiego", where the article
    names Draghi): a person follows the name there; nor a heading in capitals."""
    surnames = {
        str(attrs["normal"]).split()[-1]
        for _, _, label, attrs in found
        if label == "PER" and len(str(attrs["normal"])) > 3
    }
    starts = {start: label for start, _, label, _ in found}
    out: Found = []
    for start, end, label, attrs in found:
        if (
            label == "ORG"
            and attrs.get("recogniser") == "head"
            and not (len(text[start:end]) > 3 and text[start:end].isupper())
        ):
            new_end, last = end, (text[start:end].split() or [""])[-1]
            for word in itertools.islice(_TAIL_WORD.finditer(text, end), 4):
                name = word.group("name")
                linked = word.group().startswith(" i ")
                if (
                    word.start() != new_end
                    or not name[:1].isupper()
                    or word.start("name") in starts
                    or any(name.startswith(surname) for surname in surnames)
                    or (
                        linked
                        and (
                            language != "pl"
                            or " i " in text[start:new_end]
                            or not polish.coordinated_nouns(last, name)
                        )
                    )
                ):
                    break
                new_end, last = word.end(), name
            if new_end > end and starts.get(new_end + 1) != "PER":
                end, attrs = new_end, {**attrs, "normal": head_normal(text[start:new_end], label, language)}
        out.append((start, end, label, attrs))
    return out


def polish_adjectives_before(text: str, found: Found) -> Found:
    """A Polish organisation or place that the entity head cut after a capitalised word that
    agrees with it in case, number and gender ("Koalicji" + "Obywatelskiej", "Nowej" +
    "Drogi"), made whole, in the nominative: not a noun with its genitive ("Żydów Izrael",
    "Prezesie PAN"), nor a sentence's first word; a country only where the two name one
    ("Wielką Brytanię", not "Spraw Zagranicznych Mongolii")."""
    ends = {end for _, end, _, _ in found}
    out: Found = []
    for start, end, label, attrs in found:
        before = _WORD_BEFORE_IN_SENTENCE.search(text, max(0, start - 60), start)
        if label in ("ORG", "LOC") and attrs.get("recogniser") == "head" and before is not None:
            phrase = polish.parse([before.group("name"), *text[start:end].split()], label)
            normal = " ".join(phrase.forms) if phrase is not None and phrase.last > 1 else None
            if (
                normal is not None
                and before.start("name") - 1 not in ends
                and (place_of(str(attrs["normal"])) is None or place_of(normal))
            ):
                start, attrs = before.start("name"), {**attrs, "normal": normal}
        out.append((start, end, label, attrs))
    return out


# A capitalised word after a space, or a lower-case "i" joining two ("Klimatu i Środowiska").
_TAIL_WORD = re.compile(r" (?:i )?(?P<name>[^\W\d_][\w-]*)")
# A capitalised word right before a name, after another word (one that ends in lower case: no
# acronym) or a comma on its line: not the first of a sentence, a line or a quotation.
_WORD_BEFORE_IN_SENTENCE = re.compile(
    r"(?:\b[^\W\d_]*[^\W\d_A-ZĄĆĘŁŃÓŚŹŻ]|,) (?P<name>[A-ZĄĆĘŁŃÓŚŹŻ][\w-]*) $"
)


def polish_surnames(text: str, found: Found) -> Found:
    """A Polish surname alone, in a case that the dictionary cannot tell ("Camerona", "Muskowi"),
    put in the nominative of a fuller name of the article that ends with it ("David Cameron"):
    so that it counts as that person."""
    surnames = {
        str(attrs["normal"]).split()[-1]
        for _, _, label, attrs in found
        if label == "PER" and " " in str(attrs["normal"])
    }
    out: Found = []
    for start, end, label, attrs in found:
        name = text[start:end]
        # only a word whose case nothing told: "Kowalska" beside "Jan Kowalski" is his wife
        if label == "PER" and " " not in name and attrs["normal"] == name and polish.person([name]) is None:
            surname = polish.surname_of(name, surnames)
            if surname is not None:
                attrs = {**attrs, "normal": surname}
        out.append((start, end, label, attrs))
    return out


# A German name in the genitive: "-s" ("Putins", "Merkels"), or an apostrophe after a sibilant
# ("Scholz'", "Macrons" aside).
_GERMAN_GENITIVE = re.compile(r"(?P<name>\w+?)(?:(?<![sßxz])s|(?<=[sßxz])['’])")


def german_genitives(found: Found) -> Found:
    """A German person's name in the genitive ("Putins", "Wladimir Putins", "Scholz'") put
    back in the nominative where the article names the person so too ("Putin", "Wladimir
    Putin"): so that it counts as that person. A name that ends so in the nominative ("Hans",
    "Klaus", "Jens") stays, since no name of the article lacks the "-s"."""
    persons = [str(attrs["normal"]).split() for _, _, label, attrs in found if label == "PER"]
    names = {word for words in persons for word in words}
    surnames = {words[-1] for words in persons if len(words) > 1}
    out: Found = []
    for start, end, label, attrs in found:
        words = str(attrs["normal"]).split()
        genitive = _GERMAN_GENITIVE.fullmatch(words[-1]) if words else None
        # a person's name; or a surname alone that the recogniser took for something else
        # ("Macrons" as a place), which settle_kinds then makes the person's
        known = names if label == "PER" else surnames if len(words) == 1 else set()
        if genitive is not None and genitive.group("name") in known:
            attrs = {**attrs, "normal": " ".join([*words[:-1], genitive.group("name")])}
        out.append((start, end, label, attrs))
    return out


# Prepositions and articles that spaCy's French model takes into a place's or an organisation's
# name ("le consul de France", "avec le Japon"); in lower case only: "Le Monde" is a newspaper.
_FRENCH_LEADING = frozenset({"de", "du", "des", "d'", "d’", "le", "la", "les", "l'", "l’"})


def french_name_start(words: Sequence[str], kind: str) -> int | None:
    """Where the name starts among the words of a French entity (elided words apart: "l'",
    "Intérieur"), which spaCy's model opens
    with a title, or a preposition: after a person's title ("président Emmanuel Macron",
    "Premier ministre Jean Marot"), a place's "de" ("de France"); ``None`` where only a title is
    left, with its complement or none ("président de la République", "Premier ministre",
    "ministre des Affaires étrangères"), which names no one. A person's name has no word in
    lower case but its particles ("Charles de Gaulle"), and may follow its title with one
    ("général de Gaulle")."""
    if kind != "PER":
        leading = 0
        while leading < len(words) - 1 and words[leading] in _FRENCH_LEADING:
            leading += 1
        return leading
    # an elided article or preposition before the name ("l'Office Clara Nunes") is no title
    lead = 0
    while lead < len(words) - 1 and words[lead][:1].islower() and words[lead].endswith(("'", "’")):
        lead += 1
    lower = [
        i for i, word in enumerate(words) if i >= lead and word[:1].islower() and word not in NAME_PARTICLES
    ]
    if not lower:
        return lead
    rest = words[lower[-1] + 1 :]
    if (
        not rest
        or words[lower[-1]].endswith(("'", "’"))  # "ministre de l'Intérieur"
        or (rest[0] in NAME_PARTICLES and (len(rest) < 2 or rest[1] in NAME_PARTICLES))
    ):
        return None
    return lower[-1] + 1


@functools.lru_cache(maxsize=65536)
def _lemma(word: str, language: str) -> str:
    import simplemma

    if len(word) > 1 and word.isupper():  # acronyms do not decline: "НАТО", "ONZ"
        return word
    lemma = str(simplemma.lemmatize(word, lang=language))
    # simplemma lower-cases some names ("София" -> "софия") and now and then maps a name onto
    # an unrelated common word; keep the word unless the lemma is a case form of it.
    stem = min(len(word), len(lemma), 3) - 1
    if not lemma or lemma[:stem].lower() != word[:stem].lower():
        return word
    return lemma[:1].upper() + lemma[1:] if word[:1].isupper() else lemma


def head_normal(text: str, kind: str, language: str) -> str:
    """A normal form for counting: in Polish and Ukrainian the nominative of each word of a
    person's or place's name, and of an organisation's head word only (its other words stay as
    they are: "Ministerstwa Obrony Narodowej" -> "Ministerstwo Obrony Narodowej"); a Ukrainian
    name read by :mod:`narrascope.analyzers._east_slavic` where its dictionary is installed (a
    person's words in the case and gender they share, "Валерія Залужного" -> "Валерій
    Залужний"; a phrase's adjectives agreeing with its noun, "Верховної Ради" -> "Верховна
    Рада"); a Polish place's or organisation's name parsed as a phrase, its adjectives agreeing with its head
    ("Korei Południowej" -> "Korea Południowa"), a person's words in the case they share
    ("Emmanuelem Macronem" -> "Emmanuel Macron", :mod:`narrascope.analyzers._polish`); in Bulgarian,
    which has no cases, a name without its first word's definite article ("Народното събрание"
    -> "Народно събрание"), but not a person's name or a known place's, whose ends look like
    one ("Марта", "Иванова", "Малта"); a German name's head out of the genitive ("Innenministeriums" ->
    "Innenministerium", "Russlands" -> "Russland"; a person's name, by the article's other
    names: :func:`german_genitives`); without an elided article in French and Italian ("l'OTAN" -> "OTAN")."""
    words = _ELIDED.sub("", text).split()
    if not words:
        return ""
    if language == "bg":
        if kind == "LOC" and place_of(" ".join(words)) is not None:
            return " ".join(words)  # "Малта", "Торонто": the end of a place's name is no article
        following = words[1] if len(words) > 1 else None
        first = (
            _bulgarian_title(words[0]) if kind == "PER" else _without_bulgarian_article(words[0], following)
        )
        return " ".join([first, *words[1:]])
    if (
        language == "de"
        and kind == "LOC"
        and len(words) == 1
        and words[0].endswith("s")
        and place_of(words[0]) is None
        # the place's English name begins as the word does: "Russland" is Russia, but
        # "Massachusett" is a name of some other town
        and (place_of(words[0][:-1]) or "")[:3].casefold() == words[0][:3].casefold()
    ):
        return words[0][:-1]  # "Russlands", "Chinas": a place GeoNames knows, in the genitive
    if language == "de" and kind in ("ORG", "LOC"):
        return " ".join(_german_nominative(_german_head(words)))
    if (
        language == "fr"
        and kind == "LOC"
        and words[0] in ("La", "Le", "Les")
        and place_of(" ".join(words[1:])) is not None
        and place_of(" ".join(words)) is None
    ):
        return " ".join(words[1:])  # "La France" at a sentence's start; not "Le Havre"
    if language not in _INFLECTING:
        return " ".join(words)
    if language == "uk" and east_slavic.available():
        if kind == "PER":
            return east_slavic.person(words) or " ".join(words)
        if (nominative := east_slavic.phrase(words, kind)) is not None:
            return nominative
    morfeusz = language == "pl" and polish.available()
    if morfeusz and kind in ("ORG", "LOC") and (phrase := polish.parse(words, kind)) is not None:
        return " ".join(phrase.forms)
    if morfeusz and kind == "PER":
        # a person's words in one case, else as written: simplemma's guesses at foreign names
        # ("Al Gore" -> "Ala Gorzeć") are worse than none
        return polish.person(words) or polish.common_name(words) or " ".join(words)
    if kind == "ORG":
        return " ".join([_lemma(words[0], language), *words[1:]])
    return " ".join(_lemma(word, language) for word in words)


# What German titles of people end with ("Innenminister", "Bundesaußenministerin",
# "Regierungssprecher", "Bundeskanzlers"): a title, which the head, reading every capitalised
# noun, now and then takes for an organisation or a person.
_GERMAN_TITLE = re.compile(
    r"\w*(?:minister|kanzler|präsident|sprecher|botschafter|direktor|vorsitzender?|gouverneur)(?:in(?:nen)?|s)?",
    re.IGNORECASE,
)


def german_title(found: tuple[int, int, str, dict[str, Any]]) -> bool:
    """Whether a German organisation, place or person of one word is a person's title: no name
    ("betonte der Kanzler": the quote's speaker is then the chancellor the article names)."""
    _, _, label, attrs = found
    normal = str(attrs["normal"])
    return (
        label in ("ORG", "LOC", "PER") and " " not in normal and _GERMAN_TITLE.fullmatch(normal) is not None
    )


# A German adjective of a city, which does not decline ("Münchner", "Berliner", "Kieler").
_CITY_ADJECTIVE = re.compile(r"[A-ZÄÖÜ]\w+er")


def _german_head(words: list[str]) -> list[str]:
    """A German name with its head noun out of the genitive ("Innenministeriums" ->
    "Innenministerium", "Österreichs" -> "Österreich", "Münchner Instituts für
    Wirtschaftsforschung" -> "Münchner Institut für ..."), where simplemma's lemma is the word
    without its "-s" or "-es". The words after the head are its attributes and stay; a name
    with a declined adjective before its head ("Statistischen Bundesamtes") stays as written:
    the adjective's nominative needs the noun's gender, which no installed dictionary gives."""
    head = 0
    while head < len(words) - 1 and _CITY_ADJECTIVE.fullmatch(words[head]):
        head += 1
    word = words[head]
    if not word[:1].isupper() or _ADJECTIVE.fullmatch(word) or not word.endswith("s"):
        return words
    if any(w in _ENGLISH_FUNCTION_WORDS for w in words):
        return words  # "Centers for Disease Control": an English name, its plural its own
    lemma = _lemma(word, "de")
    # simplemma writes a noun's lemma capitalised, an adjective's not ("Neues" -> "neu")
    if lemma in (word[:-1], word[:-2]) and len(lemma) > 2 and _raw_lemma(word, "de")[:1].isupper():
        return [*words[:head], lemma, *words[head + 1 :]]
    return words


# A capitalised German adjective declined after an article ("der Europäischen", "den Vereinigten",
# "das Statistische"): its stem and ending.
_DECLINED = re.compile(r"([A-ZÄÖÜ]\w{2,}?)(?:en|em|er|es|e)")


def _german_nominative(words: list[str]) -> list[str]:
    """A German name that opens with a declined adjective, in the nominative, so that it is the
    same place or body in every case. The adjective's ending needs the noun's gender, which no
    installed dictionary gives: first the endings are tried in turn, and one is kept where
    GeoNames or the table of bodies knows the name it makes ("Vereinigten Staaten" ->
    "Vereinigte Staaten", the United States; "Europäischen Union" -> "Europäische Union");
    else the gender comes from the ending of the noun, the last part of a compound, where it
    tells (:data:`_GERMAN_GENDERS`: "Statistischen Bundesamtes" -> "Statistisches Bundesamt",
    "Internationalen Währungsfonds" -> "Internationaler Währungsfonds", "Deutschen Bahn" ->
    "Deutsche Bahn"); otherwise the name stays as written."""
    stems = []
    for word in words[:-1]:  # "Vereinigten Arabischen Emirate": every adjective before the noun
        declined = _DECLINED.fullmatch(word)
        # simplemma's lemma of the word in lower case is a noun's capitalised ("Staaten")
        if declined is None or _raw_lemma(word.lower(), "de")[:1].isupper():
            break
        stems.append(declined.group(1))
    if not stems:
        return words
    for ending in ("e", "er", "es"):
        candidate = [stem + ending for stem in stems] + words[len(stems) :]
        if candidate != words and (place_of(" ".join(candidate)) or body_of(" ".join(candidate))):
            return candidate
    noun = words[len(stems)]
    gendered = _german_gender(noun)
    if gendered is None:
        return words
    gender, nominative = gendered
    ending = {"f": "e", "m": "er", "n": "es"}[gender]
    # a word in "-er" is a city's adjective, which does not decline ("Petersburger
    # Wirtschaftsforums"), or a masculine's nominative already
    adjectives = [
        word if word.endswith("er") else stem + ending
        for word, stem in zip(words[: len(stems)], stems, strict=True)
    ]
    return [*adjectives, nominative, *words[len(stems) + 1 :]]


# The endings of German nouns, the last part of a compound, that tell the noun's gender, among
# the heads of organisations' names: feminine, masculine, neuter.
_GERMAN_GENDERS: dict[str, tuple[str, ...]] = {
    "f": (
        "ung", "heit", "keit", "schaft", "tion", "sion", "tät", "partei", "polizei", "bank", "bahn",
        "kammer", "agentur", "behörde", "kommission", "union", "armee", "akademie", "hochschule",
        "schule", "stiftung", "zeitung", "allianz", "liga", "börse", "konferenz", "versammlung",
    ),
    "m": (
        "tag", "rat", "bund", "verband", "dienst", "konzern", "senat", "fonds", "verein", "hof",
        "rundfunk", "sender", "ausschuss", "gipfel", "klub", "club", "flughafen", "gewerkschaftsbund",
    ),
    "n": (
        "amt", "ministerium", "institut", "gericht", "haus", "zentrum", "büro", "werk", "komitee",
        "parlament", "kommando", "kabinett", "bündnis", "forum", "museum", "sekretariat", "präsidium",
        "gremium", "kollegium", "direktorium", "konsortium",
    ),
}  # fmt: skip


# Nouns whose ending is one of those above by chance: "Referat", "Inserat" are neuter, not of
# "Rat" (masculine).
_GERMAN_NOT_GENDERED = ("erat",)


def _german_gender(noun: str) -> tuple[str, str] | None:
    """The gender of ``noun`` by its ending, and its nominative singular: a masculine or a
    neuter noun's genitive loses its "-s" or "-es" ("Bundesamtes" -> "Bundesamt"); None
    where the ending does not tell."""
    lowered = noun.lower()
    if lowered.rstrip("es").endswith(_GERMAN_NOT_GENDERED):
        return None
    for gender, endings in _GERMAN_GENDERS.items():
        for ending in endings:
            if lowered.endswith(ending):
                return gender, noun
            if gender != "f":
                for genitive in ("es", "s"):
                    if lowered.endswith(ending + genitive):
                        return gender, noun[: -len(genitive)]
    return None


_ENGLISH_FUNCTION_WORDS = frozenset(["for", "of", "and", "the", "on", "in"])


@functools.lru_cache(maxsize=65536)
def _raw_lemma(word: str, language: str) -> str:
    import simplemma

    return str(simplemma.lemmatize(word, lang=language))


def _bulgarian_title(word: str) -> str:
    """The first word of a person's name without a title's article: the masculine one, which no
    name ends with ("Президентът" -> "Президент"), or "-та"/"-то" where the lemma is the word
    without it ("Папата" -> "Папа"; "Марта", "Ивета" stay)."""
    if _BULGARIAN_TITLE_ARTICLE.search(word):
        return _BULGARIAN_TITLE_ARTICLE.sub("", word)
    if word.endswith(("та", "то")) and _lemma(word, "bg") == word[:-2]:
        return word[:-2]
    return word


# The prepositions that follow a name's head noun ("Института за ...", "Съвета на ...").
_BULGARIAN_PREPOSITIONS = frozenset(
    ["за", "на", "по", "от", "в", "във", "с", "със", "към", "при", "до", "срещу", "след", "пред", "между", "над", "под"]
)  # fmt: skip


def _without_bulgarian_article(word: str, following: str | None = None) -> str:
    """A Bulgarian word without its definite article: the short masculine one ("Института" ->
    "Институт", "Министерския" -> "Министерски") where simplemma's lemma says so, else the long
    one ("Народното" -> "Народно": an adjective keeps its gender, which the lemma would not).
    The short "-а" only on a name's head, alone or before a preposition ("Института за ..."):
    before another word of the name it is a feminine adjective's own end ("Голяма Сърбия",
    "Луганска област"); and never to leave "-скат" ("Берлинската" -> "Берлинска", where the
    lemma says "берлинскат"). An adjective in "-ен" gets back the vowel that its article took
    away ("Световният", "Народния" -> "Световен", "Народен"), where the lemma confirms it.
    An adjective in "-ския" or "-ският" is one in "-ски", whatever the lemma ("Хамбургския")."""
    if re.search(r"[сшц]ки(?:я|ят)$", word, re.IGNORECASE):
        # an adjective in "-ски" that simplemma does not know ("Хамбургския", "Мичиганския")
        return word[: -len("я")] if word.endswith("я") else word[: -len("ят")]
    lemma = _lemma(word, "bg").casefold()
    for article in ("ният", "ния"):
        candidate = word[: -len(article)] + "ен"
        if word.endswith(article) and candidate.casefold() == lemma:
            return candidate
    head = following is None or following in _BULGARIAN_PREPOSITIONS
    if lemma != word.casefold():
        for article in ("а", "я"):
            stem = word[: -len(article)]
            if (
                word.endswith(article)
                and stem.casefold() == lemma
                and (article == "я" or head)
                and not stem.casefold().endswith(("скат", "цкат"))
            ):
                return stem
    if not head and word.endswith("а") and not word.endswith(("та", "то")):
        return word  # "Голяма Сърбия": no article to drop
    return _BULGARIAN_ARTICLE.sub("", word)
