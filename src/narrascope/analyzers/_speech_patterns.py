"""The patterns of each language's speech words, compiled once: what the quote analyzer
searches with. The words themselves are data, in :mod:`~narrascope.analyzers._speech_words`."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from narrascope.analyzers._quote_marks import PAIRS
from narrascope.analyzers._speech_words import SPEECH_WORDS, Gender, SpeechWords
from narrascope.paragraphs import TITLE_STOP

__all__ = ["DOUBLE_MARKS", "MARK_CHARS", "QUOTE_MARK", "Grammar", "grammar", "lower"]

#: Every quotation mark, opening or closing.
MARK_CHARS = "".join(sorted(set(PAIRS) | set("".join(PAIRS.values()))))
DOUBLE_MARKS = MARK_CHARS.replace("'", "").replace("’", "").replace("‘", "")
# A quotation mark, but not an apostrophe between letters ("Russia's").
QUOTE_MARK = re.compile(rf"[{re.escape(DOUBLE_MARKS)}]|(?<![^\W\d_])['’‘]|['’‘](?![^\W\d_])")


def lower(cue: str) -> str:
    """A cue as the word lists spell it: lower case, single spaces."""
    return " ".join(cue.lower().split())


def _escape(entry: str) -> str:
    words = (re.escape(word).replace("'", "['’]") for word in entry.split())
    return r"\s+".join(words)


def _fixed(entry: str) -> str:
    """:func:`_escape` with one space between words: for a lookbehind, which needs a fixed width."""
    return " ".join(re.escape(word).replace("'", "['’]") for word in entry.split())


def _words(entries: Iterable[str], then: str = r"(?!\w)", compounds: bool = False) -> str:
    """One regex for a word list of :mod:`_speech_words`; ``then`` follows each whole word.
    ``compounds``: words of six letters or more may end a longer word ("Pressemitteilung")."""
    parts = []
    for entry in sorted(set(entries), key=len, reverse=True):  # longest first: "по его словам"
        if compounds and len(entry.rstrip("*")) >= 6:
            parts.append(r"\w*" + _escape(entry.rstrip("*")) + r"\w{0,3}" + then)
        elif entry.endswith("'"):
            parts.append(_escape(entry))  # elided: the next word follows at once
        elif entry.endswith("*"):
            parts.append(_escape(entry[:-1]) + r"\w{0,3}" + then)
        else:
            parts.append(_escape(entry) + then)
    return "(?:" + "|".join(parts) + ")"


def _titles(gender: Gender) -> str:
    return _words(gender.titles, then="") if gender.titles else "(?!)"


@dataclass(frozen=True)
class Grammar:
    """The patterns of one language, compiled once from its word lists."""

    words: SpeechWords
    verbs: re.Pattern[str]
    #: A form of :attr:`SpeechWords.tail_verbs` that ends the searched text ("..., they claim.").
    tail_verbs: re.Pattern[str]
    as_verbs: re.Pattern[str]
    #: A naming verb followed by at most three words of its object and the end of the searched
    #: text, where a quote opens.
    naming: re.Pattern[str]
    #: A naming verb anywhere.
    naming_verbs: re.Pattern[str]
    #: A scare word right before the end of the searched text ("so-called ").
    scare: re.Pattern[str]
    pronouns: re.Pattern[str]
    person_words: re.Pattern[str]
    group_pronouns: re.Pattern[str]
    documents: re.Pattern[str]
    subject_documents: re.Pattern[str]
    impersonal: frozenset[str]
    speaker_leads: frozenset[str]
    document_leads: frozenset[str]
    reported: re.Pattern[str]
    #: A complementiser that opens reported speech ("that", "что", "qu'").
    that: re.Pattern[str]
    #: A verb form of reported speech anywhere ("sei", "werde"; never where the language has none).
    subjunctive: re.Pattern[str]
    lead_in: re.Pattern[str]
    according: re.Pattern[str]
    according_lead: re.Pattern[str]
    according_tail: re.Pattern[str]
    #: A source and a lead that follows it, opening the sentence ("Dem Bericht zufolge ...").
    according_before: re.Pattern[str]
    #: ', adding that ...' after a quote's attribution (group ``content``).
    adding: re.Pattern[str]
    #: ', but ...', ', while ...': a comma and a word that may open a clause of another subject
    #: with reported speech of its own ("X said A, but Y said B").
    contrast: re.Pattern[str]
    #: ' and said ...' right after a quote (group ``verb``: where a reported clause is looked for).
    joined: re.Pattern[str]
    #: A sentence's opening that attributes the sentence before it ("Об этом, как передает
    #: ТАСС, заявил"; group ``cue``: the verb).
    previous_lead: re.Pattern[str]
    #: A lead with its source's pronoun inside, opening the sentence or ending it ("По его словам, ...").
    pronoun_lead: re.Pattern[str]
    #: Such a lead alone.
    pronoun_leads_any: re.Pattern[str]
    pronoun_lead_tail: re.Pattern[str]
    after_quote: re.Pattern[str]
    as_said: re.Pattern[str]
    as_said_tail: re.Pattern[str]
    #: A title that says a person's gender, right before the end of the searched text: group
    #: "woman" or "man" matches.
    title_before: re.Pattern[str]
    #: Every pronoun and possessive of one gender, as a whole word anywhere in a text.
    gendered: re.Pattern[str]

    def gender_of(self, word: str) -> str | None:
        """ "woman" or "man" for a pronoun or possessive of one gender ("she", "его"), else None."""
        word = lower(word).replace("’", "'")
        for gender in ("woman", "man"):
            if word in getattr(self.words, gender).pronouns:
                return gender
        return None

    def gender_of_verb(self, cue: str) -> str | None:
        """ "woman" or "man" for a speech verb whose ending agrees with its subject ("заявила")."""
        last = lower(cue).split()[-1] if cue.split() else ""
        for gender in ("woman", "man"):
            endings = getattr(self.words, gender).endings
            if endings and last.endswith(endings):
                return gender
        return None


@functools.cache
def grammar(language: str) -> Grammar:
    w = SPEECH_WORDS[language]
    space = r"\s+"
    # an auxiliary, and an adverb after it: "ha poi evidenziato", "a également déclaré"
    between = f"(?:{_words(w.adverbs_before_verb, then=space)})?" if w.adverbs_before_verb else ""
    aux = f"(?:{_words(w.auxiliaries, then=space)}{between})?" if w.auxiliaries else ""
    names = rf"(?!(?-i:{'|'.join(map(re.escape, w.name_verbs))})\b)" if w.name_verbs else ""
    verbs = _words(w.verbs + w.participles)
    if w.plural_verbs:
        # one lookbehind each (fixed width): a plural noun ("critics", not "Russia's" nor an
        # adjective in "-ous": "the outrageous claim that"), a pronoun
        plural_subject = "|".join(
            [
                r"(?<=[^\W\d_]s\s)(?<!ss\s)(?<!us\s)(?<!is\s)",
                *(rf"(?<=\b{_fixed(p)}\s)" for p in (*w.group_pronouns, "who", "some")),
            ]
        )
        # the word first, then the lookbehinds: tried at every position, they cost time
        plural = _words(w.plural_verbs)
        verbs = rf"(?:{verbs}|(?={plural})(?:{plural_subject}){plural})"
    if w.noun_markers:
        # one lookbehind each (fixed width), tried only where a verb starts: the markers cost
        # half the search's time again if tried at every word
        names += f"(?={verbs})"
        if w.marked_verbs:
            marked = _words(w.marked_verbs)
            names += "".join(rf"(?!(?<=\b{_fixed(marker)}\s){marked})" for marker in w.noun_markers)
        else:
            names += "".join(rf"(?<!\b{_fixed(marker)}\s)" for marker in w.noun_markers)
    # "..., according to reports.": the last word is a noun there, too
    tail_nouns = "" if w.marked_verbs else "".join(rf"(?<!\b{_fixed(m)}\s)" for m in w.noun_markers)
    if w.reflexive_verbs:
        names += f"(?!{_words(w.reflexive_verbs)})"
    if w.infinitive_verbs and w.infinitive_marks:
        names += f"(?!{_words(w.infinitive_verbs, then=space + _words(w.infinitive_marks))})"
    if w.noun_forms and w.noun_followers:
        # one lookbehind each (fixed width): "claims of abductions" names no speech
        forms = "|".join(rf"(?<=\b{_fixed(form)})" for form in w.noun_forms)
        verbs += rf"(?!(?:{forms})\s+{_words(w.noun_followers)})"
        if w.noun_after_endings:
            # "dubious claims surfaced": an adjective's ending before the form (one lookbehind each)
            adjective = "|".join(rf"(?<={_fixed(e)}\s)" for e in w.noun_after_endings)
            verbs = rf"(?!(?={_words(w.noun_forms)})(?:{adjective})){verbs}"
    verb = rf"(?<![\w-]){aux}{names}{verbs}"
    as_verb = rf"(?<![\w-]){aux}{_words(w.verbs + w.as_verbs)}"
    if w.perfect_participles:
        # "tem dito", "havia indicado": a participle only after its auxiliary ("Como dito antes",
        # "dito isto" report nothing)
        perfect = rf"(?<![\w-]){_words(w.auxiliaries, then=space)}{between}{_words(w.perfect_participles)}"
        verb, as_verb = f"(?:{perfect}|{verb})", f"(?:{perfect}|{as_verb})"
    that = _words(w.that, then=space)
    # ... but not a preposition before a clause without "that": "wrote in a column" reports nothing.
    not_preposition = rf"(?!{_words(w.prepositions, then='')}\s)" if w.prepositions else ""
    # ... a listener after "told" ("told reporters the talks ..."), never a plural noun and a
    # pronoun after another verb: "says accusations it would ..." reports the accusations too
    # (one lookbehind each: fixed width)
    told_after = "|".join(f"(?<={_escape(v)})" for v in w.object_verbs) or "(?!)"
    plural_noun = r"(?-i:[a-z])[\w'’-]{2,}(?<!ss)(?<!us)(?<!is)(?<!ward)s"
    clause_pronoun = (
        _words((*w.bare_pronoun_starts, "it"), then=r"(?=\s)") if w.bare_pronoun_starts else "(?!)"
    )
    bare_gap = (
        rf"(?:(?:{told_after})\s+{not_preposition}[\w'’-]+"
        rf"|\s+(?!{plural_noun}\s+{clause_pronoun}){not_preposition}[\w'’-]+)"
    )
    # English also reports without "that" ("warned the talks ..."), one word after the verb at most.
    bare = _words(w.bare_clause_starts, then="") if w.bare_clause_starts else "(?!)"
    # ... and only after a verb that takes a clause (one lookbehind each: fixed width)
    bare_after = "|".join(f"(?<={_escape(v)})" for v in w.bare_verbs) if w.bare_verbs else ""
    bare_pronoun = _words(w.bare_pronoun_starts, then="") if w.bare_pronoun_starts else "(?!)"
    # "sagte, man sei ...", not "ich habe"; and not a clause of "weil", "wenn", ... before it
    not_after = "".join(rf"(?<!\b{_escape(p)}\s)" for p in w.subjunctive_not_after)
    subjunctive = not_after + _words(w.subjunctives) if w.subjunctives else "(?!)"
    subordinate = rf"(?!{_words(w.subordinators)})" if w.subordinators else ""
    # "announced the talks would resume": a subject of one to three words, none that opens a
    # relative clause or an infinitive ("revealed the plan that was", "promised the aid to").
    if w.clause_auxiliaries:
        not_subject = _words((*w.clause_auxiliaries, "that", "which", "who", "to"), then="")
        subject_word = rf"(?!{not_subject}\s)[\w'’-]+"
        # ... or a plural noun ("said prices would rise", "said officials had met"), perhaps
        # with a clause of its own ("says accusations it would ... are absurd")
        plural_clause_subject = (
            rf"{plural_noun}(?:\s+{clause_pronoun}|(?:\s+(?!{bare}\s){subject_word}){{0,2}})"
        )
        auxiliary_clause = rf"(?:{bare}(?:\s+{subject_word}){{1,3}}|{plural_clause_subject})\s+{_words(w.clause_auxiliaries, then='')}\s"
    else:
        auxiliary_clause = "(?!)"
    if w.clause_auxiliaries and w.name_subjects:
        # "said Russia was ready", "said Western capitals had ...": a capitalised first word
        # (case matters here, whatever the flags), then at most three words and an auxiliary.
        untold = "".join(f"(?<!{_escape(v)})" for v in w.object_verbs)
        not_name = _words(w.not_name_subjects, then=r"(?![\w'’-])") if w.not_name_subjects else "(?!)"
        name_clause = (
            rf"{untold}\s+(?P<content6>(?-i:[A-Z])(?!{not_name})[\w'’-]+(?:\s+{subject_word}){{0,3}}"
            rf"\s+{_words(w.clause_auxiliaries, then='')}\s)"
        )
    else:
        name_clause = "(?P<content6>(?!))"
    # Up to eight words may stand before a "that" ("said in an interview with RIA Novosti on
    # Monday that"), none that shows another clause; after a verb that takes no one told, the
    # first of them is no clause start ("said the West needed to know that" reports all of it).
    stop = f"(?!{_words(w.gap_stops)})" if w.gap_stops else ""
    # "told Mr. Smith on Monday that", "told X on Oct. 4 that": an abbreviation before a number
    word = rf"{stop}[\w'’-]+(?:{TITLE_STOP}|\.(?=\s+\d))?"
    # "told Elena Varga the port would close": a listener's name, then a clause of its own
    told_name = rf"(?:(?:{told_after})(?:\s+(?-i:[A-Z])[\w'’-]+){{1,3}})?"
    gap_to_that = rf"(?:(?:{told_after})\s+{word}|\s+(?!{bare}\s){word})(?:\s+{word}){{0,7}}?"
    # ... or an aside between commas, up to four words: "disse, esta quarta-feira, que", "said,
    # however, that", "afirmou, numa conferência de imprensa, que"; the comma that closes it is
    # the one before "that" below (not a clause that goes on: "mówiła, wszyscy w naszym mieście
    # są zmęczeni tym, że")
    gap_to_that += rf"|\s*,\s*{word}(?:\s+{word}){{0,3}}(?=\s*,\s*{that})"
    # ... whose "that" is no noun's ("comentou o rumor de que": one lookbehind each)
    noun_that = "".join(rf"(?<!\b{_escape(p)}\s)" for p in w.noun_before_that)
    leads = _words(w.according, then=space)
    # one lookbehind each (fixed width)
    leads = "".join(rf"(?<!\b{_escape(word)}\s)" for word in w.not_before_leads) + leads
    if w.not_sources:
        leads += f"(?!{_words(w.not_sources)})"
    pronoun_leads = _words(w.pronoun_leads) if w.pronoun_leads else "(?!)"
    tail_leads = _words(w.according + w.according_after, then=space)
    relaying_tail_leads = _words(w.according + w.according_after + w.relayers, then=space)
    # up to six words, none of them a negation ("Об этом не говорил никто" names no source); a
    # full stop inside a word is no sentence's end ("в разговоре с порталом Norda.info")
    negation = f"(?!{_words(w.negations)})" if w.negations else ""
    previous_gap = rf"(?:{negation}(?:[^\s,.;:!?]|\.(?=\w))+\s+){{1,6}}?" if w.previous_lead_gap else "(?!)"
    who = r"(?P<who>[^,.;:()]{2,80}?)"
    as_words = _words(w.as_words, then=space)
    # the clause of "as": no punctuation but a title's full stop ("As Sen. X said, ...")
    as_rest = rf"(?:[^,.;:!?]|{TITLE_STOP}){{2,120}}?"
    naming = _words(w.naming + w.naming_participles) if w.naming else "(?!)"
    naming_verbs_as = _words(w.naming_as) if w.naming_as else "(?!)"
    scare = "|".join(re.escape(stem) for stem in w.scare_words) or "(?!)"
    # the object, at most three words, then "as" right before the quote
    as_tail = rf"(?:\s+[\w'’-]+){{0,3}}?\s+{_words(w.naming_as_words, then='')}\s*$"
    naming_as = rf"{naming_verbs_as}(?={as_tail})" if w.naming_as else "(?!)"
    flags = re.IGNORECASE
    return Grammar(
        words=w,
        verbs=re.compile(verb, flags),
        tail_verbs=re.compile(
            rf"(?<![\w-]){tail_nouns}{_words(w.tail_verbs, then='')}(?=\s*[.!?…]?\s*$)", flags
        )
        if w.tail_verbs
        else re.compile("(?!)"),
        as_verbs=re.compile(as_verb, flags),
        naming=re.compile(rf"(?<![\w-])(?:{naming}(?=(?:\s+[\w'’-]+){{0,3}}\s*$)|{naming_as})", flags),
        scare=re.compile(rf"(?<![\w-])(?:{scare})\w*[\s\"“„«]*$", flags),
        naming_verbs=re.compile(rf"(?<![\w-])(?:{naming}|{naming_verbs_as})", flags),
        pronouns=re.compile(_words(w.pronouns, then=""), flags),
        person_words=re.compile(_words(w.pronouns + w.possessives, then=""), flags),
        group_pronouns=re.compile(_words(w.group_pronouns, then="") if w.group_pronouns else "(?!)", flags),
        documents=re.compile(_words(w.documents, then="", compounds=w.compounds), flags),
        subject_documents=re.compile(
            _words(w.subject_documents or w.documents, then="", compounds=w.compounds), flags
        ),
        impersonal=frozenset(lower(v) for v in w.impersonal),
        document_leads=frozenset(lower(v) for v in w.document_leads),
        speaker_leads=frozenset(lower(v) for v in w.speaker_leads),
        # "said that ...", "said on Tuesday that ...", "заявил журналистам, что ...", "said in an
        # interview with RIA Novosti on Monday that ...", then "said he ...". A "that" in the same
        # clause is looked for first: "said in a statement that X" reports X, not "a statement that X".
        reported=re.compile(
            rf"(?P<cue>{verb})(?:(?:{gap_to_that})??\s*,?\s*{noun_that}{that}(?P<content>\S)|(?:{bare_after}){bare_gap}?\s+(?P<content2>{bare}\s)|\s+(?P<content4>{bare_pronoun}\s)|{told_name}\s+(?P<content5>{auxiliary_clause})|{name_clause}"
            rf"|(?:\s+{word}){{0,8}}?\s*,\s*(?P<content3>{subordinate}(?:[\w'’-]+\s+){{0,8}}{subjunctive}))",
            flags,
        ),
        that=re.compile(rf"(?<![\w-]){_words(w.that, then='')}", flags),
        subjunctive=re.compile(rf"(?<![\w-]){subjunctive}", flags),
        # What may stand between a verb and the quote after it: 'said on Monday: “', 'dijo que «'
        lead_in=re.compile(
            rf"[:,]?\s*(?:[\w'‘’-]+\s*){{0,5}}[:,]?\s*(?:{_words(w.that, then='')})?\s*[:,]?", flags
        ),
        according=re.compile(rf"(?<![\w-])(?P<lead>{leads}){who}\s*,\s*(?P<content>\S)", flags),
        according_lead=re.compile(rf"(?<![\w-])(?P<lead>{leads})(?P<rest>\S)", flags),
        according_before=re.compile(
            rf"\s*(?P<who>[^,.;:!?(){DOUBLE_MARKS}]{{2,80}}?)\s+(?P<lead>{_words(w.according_postpositions, then='')})"
            rf"\s*,?\s*(?P<content>\S)"
            if w.according_postpositions
            else "(?!)",
            flags,
        ),
        according_tail=re.compile(rf",\s*[—–-]?\s*(?P<cue>{relaying_tail_leads}){who}\s*[.!?]?\s*$", flags),
        adding=re.compile(
            rf",\s*{_words(w.adding) if w.adding else '(?!)'}\s*,?\s*{that}(?P<content>\S)", flags
        ),
        # with its comma, or without it where the rules after it find another subject's report
        # ("... if the harvest holds but the agency Varnel Ratings has said ...")
        contrast=re.compile(rf"(?:[,;]\s*|\s+){_words(w.contrasts)}\s*" if w.contrasts else "(?!)", flags),
        joined=re.compile(
            rf"[\s,]*{_words(w.joining, then=space)}(?:{_words(w.adverbs_before_verb, then=space)})?(?P<verb>{verb})"
            if w.joining
            else "(?!)",
            flags,
        ),
        previous_lead=re.compile(
            # not "О том, что X, заявил Y", whose clause says what was said itself; a few words
            # may stand before the verb ("Об этом в интервью газете «Y» рассказал X")
            rf"\s*{_words(w.previous_leads, then='')}\s*(?:,(?!\s*{that})[^,.;:!?]{{1,60}},\s*|(?P<gap>{previous_gap}))?(?P<cue>{verb})"
            if w.previous_leads
            else "(?!)",
            flags,
        ),
        pronoun_leads_any=re.compile(pronoun_leads, flags),
        # where a source is seldom closed by a comma, none may follow the lead ("Seinen Worten
        # zufolge könnten ...", "Jego zdaniem granica ...")
        pronoun_lead=re.compile(
            rf"\s*(?P<lead>{pronoun_leads})\s*{',' if w.source_comma else ',?'}\s*(?P<content>\S)", flags
        ),
        pronoun_lead_tail=re.compile(rf",\s*[—–-]?\s*(?P<lead>{pronoun_leads})\s*[.!?]?\s*$", flags),
        after_quote=re.compile(
            rf"[\s,—–-]*(?P<cue>{tail_leads})(?P<who>[^,.;:!?(){DOUBLE_MARKS}]{{2,80}}?)\s*(?:[,.;:!?]|$)",
            flags,
        ),
        as_said=re.compile(rf"\W{{0,3}}(?P<as>{as_words})(?P<rest>{as_rest})\s*[,:]\s*", flags),
        as_said_tail=re.compile(rf",\s*[—–-]?\s*(?P<as>{as_words})(?P<rest>{as_rest})\s*[.!?]?\s*$", flags),
        gendered=re.compile(rf"(?<![\w-]){_words(w.woman.pronouns + w.man.pronouns)}", flags),
        title_before=re.compile(
            rf"(?<![\w-])(?:(?P<woman>{_titles(w.woman)})|(?P<man>{_titles(w.man)}))\.?\s+$", flags
        ),
    )
