"""Institutions whose names go on in lower case (French, Italian), or after a conjunction, made whole.

French and Italian write an institution's name with one capital and the rest in lower case
("Cour des comptes", "Corte costituzionale", "Assemblée nationale", "Istituto superiore di
sanità"), and their press writes a ministry with none ("le ministère des Armées", "il
ministero delle Infrastrutture"). The recognisers read capitals, so they cut such names after
the first word ("Cour", "Corte"), take them for places ("Conseil constitutionnel" as LOC) or
miss them. :func:`lower_case_institutions` mends them:

- a name that an institution's noun opens is an organisation, and takes the adjectives in
  lower case after it and the nouns after a link ("Corte" -> "Corte costituzionale", "Cour"
  -> "Cour des comptes");
- an institution's capitalised noun that no recogniser took, inside a sentence and followed
  by such words, opens an organisation of its own ("La Cour des comptes a publié ...");
- a ministry's noun in any case, a link and a capitalised name after it are one organisation
  ("ministero delle" + "Infrastrutture"), also in Spanish and Portuguese;
- an institution's noun alone and a place right after it are one ("Regione" + "Campania"), and
  in all four languages a second part that a conjunction joins to an institution's name is
  the name's ("Instituto Português do Mar" + "e da Atmosfera", "Ministerio de Agricultura" +
  ", Pesca y Alimentación"; not "Ministerio de Defensa" + "y Rusia").

Adjectives are told by their endings, so that a verb after the name ("la Corte respinge",
"le Conseil juge") is never taken in.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from narrascope.analyzers._name_forms import head_normal, institution_word
from narrascope.analyzers._places import place_of
from narrascope.models.heads import function_words_of

__all__ = ["lower_case_institutions"]

Found = list[tuple[int, int, str, dict[str, Any]]]

# The nouns that open an institution's name, whole words (a stem such as "cour" would also
# take "courrier").
_NOUNS = {
    "fr": re.compile(
        r"(?:minist[eè]res?|cours?|conseils?|assembl[ée]es?|tribunal|tribunaux|agences?|"
        r"autorit[ée]s?|commissions?|banques?|instituts?|office|direction|parquet|comit[ée]s?|"
        r"fondation|universit[ée]s?|acad[ée]mies?|associations?|conf[ée]d[ée]ration|syndicats?|"
        r"observatoire|caisses?|haut-commissariat|inspection|sénat|union|parlement|organisation|"
        r"fonds|gouvernement)",
        re.IGNORECASE,
    ),
    "it": re.compile(
        r"(?:ministeri?|istitut[oi]|banca|agenzi[ae]|consigli?o?|commission[ei]|comitat[oi]|"
        r"corte|tribunale|procura|fondazione|universit[àa]|accademia|associazione|"
        r"confederazione|ufficio|autorit[àa]|servizio|dipartimento|direzione|osservatorio|"
        r"ispettorato|camera|senato|garante|regione|comune|provincia|prefettura|questura|unione|"
        r"parlamento|organizzazione|fondo|governo)",
        re.IGNORECASE,
    ),
}
# Institutions named by their noun alone, inside a sentence ("arriva in Parlamento", "au Sénat").
_ALONE = {"fr": frozenset(["Parlement", "Sénat"]), "it": frozenset(["Parlamento", "Senato"])}
_MINISTRY = re.compile(r"(?<![\w'’-])(minist[eèé]r(?:e|o|io))(?=\s)", re.IGNORECASE)

# Adjectives in lower case by their endings; a verb after a name ends otherwise ("respinge",
# "juge", "a", "ha", "décide").
_ADJECTIVE = {
    "fr": re.compile(
        r"(?:[a-zà-ÿ]+(?:elle|el|els|elles|ale|al|aux|ales|ique|iques|aire|aires|ienne|ien|"
        r"iens|éenne|éen|éens|ieure|ieur|ieurs|aise|ive|if|ifs|ives|aine|ain|ains|aines)|"
        r"suprême|supérieure?|générale?|unies?|étrangères)"
    ),
    "it": re.compile(
        r"(?:[a-zà-ÿ]+(?:ale|ali|ile|ili|ico|ica|ici|iche|ario|aria|ari|arie|ivo|iva|ivi|ive|"
        r"ense|ensi|iore|iori|eo|ea|ei|ee)|europe[oaie])"
    ),
}
_LINK = {
    "fr": re.compile(r"\s+(?:de\s+la\s+|de\s+l['’]|d['’]|des\s+|du\s+|de\s+|pour\s+(?:la\s+|le\s+|l['’])?)"),
    "it": re.compile(
        r"\s+(?:dell['’]|della\s+|dello\s+|delle\s+|degli\s+|dei\s+|del\s+|di\s+|d['’]|per\s+(?:la\s+|il\s+|l['’]|gli\s+|le\s+|i\s+)?)"
    ),
    "es": re.compile(r"\s+(?:de\s+la\s+|de\s+los\s+|de\s+las\s+|del\s+|de\s+)"),
    "pt": re.compile(r"\s+(?:da\s+|do\s+|das\s+|dos\s+|de\s+)"),
}
_NEXT_LOWER = re.compile(r" +([a-zà-ÿ][\w-]*)")
# What follows a verb, not an adjective: an article, a determiner, "che", "que" ("l'Istituto
# nazionale di statistica pubblica i dati", "le Conseil d'État indique que").
_OBJECT = re.compile(
    r" +(?:il|lo|la|i|gli|le|les|un|una|uno|une|des|du|che|que|qu['’]|l['’]|ce|cette|ces|"
    r"son|sa|ses|suo|sua|suoi|sue|nuovi|nuove|nouveaux?|nouvelles?)(?![\w-])",
    re.IGNORECASE,
)
# A verb after a link is the sentence going on, not the name: "le Sénat pour dénoncer", "la Cour
# suprême d'abroger".
_INFINITIVE = {
    "fr": re.compile(
        r"[a-zà-ÿ-]+(?:er|ir)|faire|prendre|mettre|dire|permettre|répondre|défendre|rendre|"
        r"suivre|vivre|combattre|produire|réduire|construire|inscrire|soumettre|reconnaître"
    ),
    "it": re.compile(r"[a-zà-ÿ-]+(?:are|ere|ire|arsi|ersi|irsi)"),
}
_FIRST_WORD = re.compile(r"(?:[lL]['’])?[\w-]+")
_LOWER_WORD = re.compile(r"[a-zà-ÿ][\w-]*")
_NOUN_AT = re.compile(r"(?<![\w'’-])(?:[lL]['’])?([A-ZÀ-ÝÉ][\w-]+)")
_CAPITALS = re.compile(r"[A-ZÀ-ÝÉ][\w'’-]*(?: +[A-ZÀ-ÝÉ][\w'’-]*)*")  # on one line
# A second portfolio after "e", "et", "y" ("dell'Economia e delle Finanze").
_AND = re.compile(r"\s+(?:e|et|y)(?=\s)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n«»\"“”(—–-])\s*$")


def _tail(text: str, end: int, language: str, links: bool = True) -> int:
    """Where an institution's name that reaches ``end`` ends: after the adjectives in lower case
    that follow and the nouns in lower case after a link, three steps at most, so that a name
    does not run on into its sentence."""
    adjective, link = _ADJECTIVE[language], _LINK[language]
    function_words = function_words_of(language)
    for _ in range(3):
        word = _NEXT_LOWER.match(text, end)
        if word is not None and adjective.fullmatch(word.group(1)) and not _OBJECT.match(text, word.end()):
            end = word.end()
            continue
        joined = link.match(text, end) if links else None
        noun = _LOWER_WORD.match(text, joined.end()) if joined else None
        if (
            noun is None
            or noun.group() in function_words
            or len(noun.group()) < 3
            or _INFINITIVE[language].fullmatch(noun.group())
        ):
            break
        end = noun.end()
    return end


def _opens(name: str, language: str) -> bool:
    first = re.sub(r"^[lL]['’]", "", name).split()
    return bool(first) and _NOUNS[language].fullmatch(first[0]) is not None


def _organisation(
    text: str, start: int, end: int, language: str, attrs: dict[str, Any]
) -> tuple[int, int, str, dict[str, Any]]:
    # as written: "ministero delle Infrastrutture" and "Ministero delle Infrastrutture" count
    # as one by their spelling key, which ignores case
    return (start, end, "ORG", {**attrs, "normal": head_normal(text[start:end], "ORG", language)})


def lower_case_institutions(text: str, found: Found, language: str) -> Found:
    """``found`` with French and Italian institutions made whole and ministries in lower case
    found (French, Italian, Spanish, Portuguese); see the module's docstring. What a rule found
    alone says so: its recogniser is "institution"."""
    if language not in _LINK:
        return found
    out = sorted(found, key=lambda f: f[0])
    if language in _NOUNS:
        out = _made_whole(text, out, language)
        for noun in _NOUN_AT.finditer(text):
            start, end = noun.start(1), noun.end(1)
            if not _NOUNS[language].fullmatch(noun.group(1)):
                continue
            elided = noun.start() < start  # "L'Assemblée": the article took the sentence's capital
            if not elided and _SENTENCE_START.search(text, max(0, start - 3), start):
                continue  # a noun opening a sentence: its capital says nothing
            new_end = _tail(text, end, language)
            if new_end > end or noun.group(1) in _ALONE[language]:
                out = _added(text, out, start, new_end, language)
    for ministry in _MINISTRY.finditer(text):
        if (portfolio_end := _portfolio_end(text, ministry.end(1), language)) is not None:
            out = _added(text, out, ministry.start(1), portfolio_end, language)
    if language not in _NOUNS:  # Spanish, Portuguese: an institution taken for a place
        out = [
            (start, end, "ORG", attrs)
            if label == "LOC" and institution_word((text[start:end].split() or [""])[0], language)
            else (start, end, label, attrs)
            for start, end, label, attrs in out
        ]
    return _conjoined(text, out, language)


# A conjunction and the link after it that join a second part to a name ("Instituto Português do
# Mar" + "e da Atmosfera"), or a comma that lists a ministry's portfolios ("Ministerio de
# Agricultura" + ", Pesca y Alimentación").
_JOINED = {
    language: re.compile(rf"\s+{word}\s+(?P<link>(?:{link})\s*)?(?=[A-ZÀ-ÝÉ])")
    for language, word, link in (
        ("fr", "et", r"de\s+la|de\s+l['’]|des|du|de|d['’]"),
        ("it", "e", r"della|dello|delle|degli|dei|del|di|dell['’]"),
        ("es", "y", r"de\s+la|de\s+los|de\s+las|del|de"),
        ("pt", "e", r"da|do|das|dos|de"),
    )
}
_LISTED = re.compile(r",\s+(?=[A-ZÀ-ÝÉ])")


def _conjoined(text: str, found: Found, language: str) -> Found:
    """``found`` with the second part that a conjunction joins to an institution's name taken
    in: after a link ("do Mar" + "e da Atmosfera", "dell'Economia" + "e delle Finanze"), or a
    word that is no place and no institution of its own ("de Agricultura" + "y Pesca", not "de
    Defensa" + "y Rusia", "Corte costituzionale" + "e Consiglio di Stato"); a ministry's
    portfolios listed with a comma before the conjunction too ("de Agricultura, Pesca y
    Alimentación")."""
    out: Found = []
    for start, end, label, attrs in found:
        if out and start < out[-1][1]:
            continue  # taken in by the name before
        name = text[start:end]
        words = re.sub(r"^[lL]['’]", "", name).split()
        if (
            label == "ORG"
            and len(words) > 2
            and words[-1][:1].isupper()
            and institution_word(words[0], language)
        ):
            new_end = _second_part(text, end, language)
            if new_end is None and _MINISTRY.match(name):
                listed = _LISTED.match(text, end)
                middle = _CAPITALS.match(text, listed.end()) if listed else None
                if middle is not None and place_of(middle.group()) is None:
                    new_end = _second_part(text, middle.end(), language)
            inside = [f for f in found if f[0] < (new_end or end) and f[1] > end]
            if new_end is not None and not any(
                f[2] == "PER" or f[1] > new_end or (f[2] == "LOC" and not _linked(text, end, language))
                for f in inside
            ):
                out.append(_organisation(text, start, new_end, language, attrs))
                continue
        out.append((start, end, label, attrs))
    return out


def _linked(text: str, end: int, language: str) -> bool:
    joined = _JOINED[language].match(text, end)
    return joined is not None and joined["link"] is not None


def _second_part(text: str, end: int, language: str) -> int | None:
    joined = _JOINED[language].match(text, end)
    part = _CAPITALS.match(text, joined.end()) if joined else None
    if joined is None or part is None:
        return None
    if joined["link"] is None and (
        " " in part.group() or place_of(part.group()) is not None or institution_word(part.group(), language)
    ):
        return None
    return part.end()


def _made_whole(text: str, found: Found, language: str) -> Found:
    """``found`` with each name that an institution's noun opens an organisation, with its
    words in lower case after it, and without the names those words held."""
    out: Found = []
    reach = 0  # the end of the last name made longer
    starts = {f[0]: f for f in found}
    for start, end, label, attrs in found:
        if start < reach:
            continue  # inside the name before, which took its words in
        if label in ("ORG", "LOC") and _opens(text[start:end], language):
            new_end = _longer(text, start, end, language)
            after = starts.get(end + 1)
            if (
                new_end == end
                and after is not None
                and after[2] in ("ORG", "LOC")
                and " " not in text[start:end]
                and text[end] == " "
            ):
                # the noun alone and a place or name right after it: "Regione" + "Campania"
                new_end = reach = after[1]
            if new_end != end or label != "ORG":
                out.append(_organisation(text, start, new_end, language, attrs))
                reach = new_end if new_end > end else reach
                continue
        out.append((start, end, label, attrs))
    return out


def _longer(text: str, start: int, end: int, language: str) -> int:
    """Where the name at ``start:end`` that an institution's noun opens ends, once its words in
    lower case are in: the words after its noun where they explain the name ("Corte" ->
    "Corte costituzionale", "Istituto superiore" -> "Istituto superiore di sanità"); after a
    name that ends in capitals, its adjectives only ("ministère de l'Éducation" + "nationale",
    not "Dipartimento della Protezione Civile" + "d'intesa"); none after a word that they do
    not explain (the recogniser's "Commission fourmille")."""
    first = _FIRST_WORD.match(text, start)
    noun_end = first.end() if first is not None else end
    after_noun = _tail(text, noun_end, language)
    if after_noun >= end:
        return after_noun
    if text[start:end].split()[-1][:1].isupper():
        return _tail(text, end, language, links=False)
    return end


def _added(text: str, found: Found, start: int, end: int, language: str) -> Found:
    """``found`` (in order) with an organisation at ``start:end`` that a rule found, taking in
    the names inside it; as it was where a name covers ``start`` already, or a person's or one
    that reaches out of it overlaps it."""
    at = bisect.bisect_left(found, start, key=lambda f: f[0])
    if at > 0 and found[at - 1][1] > start:
        return found  # a name covers it: a recogniser's, or one made whole above
    inside = at
    while inside < len(found) and found[inside][0] < end:
        if found[inside][2] == "PER" or found[inside][1] > end:
            return found
        inside += 1
    attrs = {"source_label": "ORG", "recogniser": "institution"}
    return [*found[:at], _organisation(text, start, end, language, attrs), *found[inside:]]


def _portfolio_end(text: str, at: int, language: str) -> int | None:
    """The end of the portfolio that a link and capitals open at ``at`` (two joined by "e",
    "et", "y" at most, with the adjectives in lower case after them); None where there is none."""
    end = None
    for _ in range(2):
        joined = _LINK[language].match(text, at)
        capitals = _CAPITALS.match(text, joined.end()) if joined else None
        if capitals is None:
            break
        end = capitals.end()
        if language in _ADJECTIVE:
            end = _tail(text, end, language)
        also = _AND.match(text, end)
        if also is None:
            break
        at = also.end()
    return end
