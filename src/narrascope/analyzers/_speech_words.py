"""The words that attribute speech, per language: data for the quote analyzer.

Each entry is a word or a phrase, matched whole and case-insensitively:

* a space matches any run of white space ("pointed out", "по словам");
* an apostrophe matches both ' and ’; an entry that ends with one is elided and runs into the
  next word with no space ("qu'" in "qu'il", "l'" in "l'a déclaré");
* an entry that ends with ``*`` is a stem that takes up to three more letters, for languages
  that inflect nouns ("доклад*": доклада, докладу, докладом).

Slavic past tenses differ by gender and number, so they are spelt as stems with the language's
endings (``_past``) rather than written out four times each.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["NAME_PARTICLES", "SPEECH_WORDS", "Gender", "SpeechWords"]


@dataclass(frozen=True, kw_only=True)
class Gender:
    """What shows that a person is a woman (or a man) in one language, so that a pronoun is
    never resolved to someone the article shows to be of the other gender."""

    #: Pronouns and possessives of ``SpeechWords`` that stand for this gender ("she", "her").
    pronouns: tuple[str, ...] = ()
    #: Endings of past-tense speech verbs that agree with a subject of this gender ("заявила").
    endings: tuple[str, ...] = ()
    #: Titles right before a name ("Mrs", "Frau", "госпожа").
    titles: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class SpeechWords:
    """The speech words of one language."""

    def is_adverb(self, word: str) -> bool:
        """Whether ``word`` (in lower case) is an adverb that may stand between a subject and its verb."""
        return word in self.adverbs_before_verb or (
            len(word) >= 6 and word.islower() and word.endswith(self.adverb_endings or ("\0",))
        )

    # -- verbs and the clauses they report ------------------------------------------------
    #: Speech verbs in the forms news uses, and parentheticals that work like them ("по словам").
    verbs: tuple[str, ...]
    #: Speech verbs that, capitalised, are part of a name ("the United States"): never a verb so.
    name_verbs: tuple[str, ...] = ()
    #: Forms that are as often nouns ("the minister's claim that"), read as speech verbs only
    #: where they end the sentence that they attribute ("..., the experts claim.").
    tail_verbs: tuple[str, ...] = ()
    #: Of the :attr:`tail_verbs`, those that are verbs anywhere after a plural subject: a
    #: plural noun or pronoun right before them ("Critics claim that ...", "they claim"), not
    #: "the minister's claim that" or "a false claim that".
    plural_verbs: tuple[str, ...] = ()
    #: Verb forms that are plural nouns before one of :attr:`noun_followers` ("media claims of
    #: abductions", "claims by officials"): never a speech verb there.
    noun_forms: tuple[str, ...] = ()
    noun_followers: tuple[str, ...] = ()
    #: Endings of adjectives before which the :attr:`noun_forms` are nouns too ("suspicious
    #: claims emerged", "unfounded claims that").
    noun_after_endings: tuple[str, ...] = ()
    #: First words of an editor's note in brackets after a quote ("(emphasis added)"): its
    #: verb names no speaker.
    editorial_notes: tuple[str, ...] = ()
    #: What a verb of opinion takes before its subject, when the subject follows it ("—
    #: выразил общее мнение наш читатель", "сподели мнението си друг слушател"): the
    #: object, never the speaker.
    opinion_objects: tuple[str, ...] = ()
    #: Words after which a speech verb's form is a noun ("the claims", "into claims that",
    #: "sparking claims"), or a verb that reports nothing (Bulgarian "да заяви", to state):
    #: never a speech verb there.
    noun_markers: tuple[str, ...] = ()
    #: The verbs that ``noun_markers`` change, where not all of them (Bulgarian: the aorists,
    #: whose form is a perfective present after "да", not "смята" of "продължава да смята").
    marked_verbs: tuple[str, ...] = ()
    #: Auxiliaries that belong to the verb they precede ("a déclaré", "ha detto", "е заявил").
    auxiliaries: tuple[str, ...] = ()
    #: Participles that are speech verbs only after one of ``auxiliaries`` ("tem dito", not
    #: "Como dito antes").
    perfect_participles: tuple[str, ...] = ()
    #: Finite auxiliaries that stand second in a clause whose participle or infinitive ends it
    #: ("Daraufhin hat X erklärt, dass"): the subject stands between them, before the verb.
    split_auxiliaries: tuple[str, ...] = ()
    #: Verbs that attribute speech only in an "as" clause ("Как сообщает ТАСС", "As Reuters
    #: reported"); elsewhere they are too often about news, not speech.
    as_verbs: tuple[str, ...] = ()
    #: Verbs that quote what a speaker calls something ('what X called “a hybrid war”', 'X
    #: назвал это «провокацией»'): the quote follows them, perhaps after a short object. Their
    #: subject must be a person, an organisation or a pronoun ('a group called “X”' quotes no one).
    naming: tuple[str, ...] = ()
    #: Naming verbs whose object is followed by ``naming_as_words`` before the quote ('described
    #: the plan as “reckless”', 'dismissed the claims as “fake news”', 'bezeichnete sie als „...“').
    naming_as: tuple[str, ...] = ()
    naming_as_words: tuple[str, ...] = ()
    #: Participles of naming verbs after a comma ('X condemned the deliveries, calling them
    #: “...”'): the quote is the subject's of the clause they follow, as with "saying".
    naming_participles: tuple[str, ...] = ()
    #: Objects after which a naming verb lists rather than calls ("назвал имена западных
    #: «экспертов»": the quote is part of what was listed, and no one's words).
    listing: tuple[str, ...] = ()
    #: Complementisers that open reported speech after a verb ("said that", "заявил, что").
    that: tuple[str, ...]
    #: Words that never stand between a verb and its "that": conjunctions that join another
    #: clause ("said it was over and that ..."), and in English the auxiliaries that show one
    #: ("the asserted extinction was a cyclone that ...").
    gap_stops: tuple[str, ...] = ()
    #: Participles that add reported speech to a quote's attribution ('“...,” she said, adding
    #: that ...'): the quote's speaker says that too.
    adding: tuple[str, ...] = ()
    #: Conjunctions that join a second verb to the subject of the first ('X accused NATO of
    #: “...” and said the alliance ...'): what the second one reports is the quote's speaker's.
    joining: tuple[str, ...] = ()
    #: Words that open a sentence attributing the sentence before it ("Об этом заявил X", "Про
    #: це повідомив X", "Това заяви X", "Lo ha dichiarato X", "Así lo afirmó X"): what was said
    #: is that sentence.
    previous_leads: tuple[str, ...] = ()
    #: Whether a few words may stand between such a lead and its verb ("Об этом во вторник
    #: заявил X", "Об этом X заявил журналистам"); not where the lead also opens sentences of
    #: other kinds ("Lo stesso ministro ha detto che ...", "Lo que dijo X").
    previous_lead_gap: bool = False
    #: Auxiliaries of the passive: a speech verb right after one has no subject that speaks
    #: ("..., the decision was announced"), a naming verb's subject is the one named ("she
    #: was described as “brilliant”").
    passives: tuple[str, ...] = ()
    #: A speech verb and a reflexive pronoun that mean something else, and so report nothing
    #: ("Das erklärt sich von selbst": it is self-evident; "erklärte sich bereit": agreed to).
    reflexive_verbs: tuple[str, ...] = ()
    #: Speech verbs that mean something else before an infinitive ("continues to baffle",
    #: "asked to remain anonymous"), and so report nothing there (its mark: ``infinitive_marks``).
    infinitive_verbs: tuple[str, ...] = ()
    #: Negations: a speech verb next to one reports nothing ("did not say", "ни о чём не говорит").
    negations: tuple[str, ...] = ()
    #: Verbs whose clause may follow the one told ("told the BBC that", "warned the West that");
    #: after the others a clause start wins over a later "that" ("said the West needed to know
    #: that ..."). Only for languages with ``bare_clause_starts``.
    object_verbs: tuple[str, ...] = ()
    #: Verb forms that mark reported speech without "that" after a comma (the German Konjunktiv I:
    #: "sagte, man sei bereit", "sagte am Montag in Berlin, die Lage an der Grenze sei ernst"),
    #: among the clause's first nine words; a sentence right after reported speech that holds
    #: one goes on reporting it ("... sei ernst. Man werde die Lage beobachten.").
    subjunctives: tuple[str, ...] = ()
    #: Articles that open the one told after a speech verb, never its subject ("sagte die
    #: Sprecherin dem Sender"): the speaker's words stop there.
    object_articles: tuple[str, ...] = ()
    #: Words that open a subject after a speech verb ending a sentence, which may then run
    #: longer ("..., sagte eine Sprecherin des Ministeriums dem Sender").
    subject_articles: tuple[str, ...] = ()
    #: Pronouns after which a subjunctive form is an indicative one ("ich habe").
    subjunctive_not_after: tuple[str, ...] = ()
    #: Conjunctions that open a subordinate clause, not reported speech, after a verb and a
    #: comma ("sagte das Treffen ab, weil ...").
    subordinators: tuple[str, ...] = ()
    #: Words that may start a clause reported without "that" (English: "warned the talks ...").
    bare_clause_starts: tuple[str, ...] = ()
    #: The verbs after which such a clause may start: those that take a clause, not an object
    #: ("said the talks ...", but "tweeted a photo", "wrote a letter"). Empty: every verb.
    bare_verbs: tuple[str, ...] = ()
    #: Of ``bare_verbs``, those that take an object as often as a clause ("adds a new danger to
    #: the valley", "maintains its hold on the bank"): a clause without "that" after
    #: them must show a verb, one of ``clause_auxiliaries`` or ``past_forms`` or a word ending
    #: in "-ed" ("adds the talks were over").
    object_or_clause_verbs: tuple[str, ...] = ()
    #: Irregular past forms of common verbs, for ``object_or_clause_verbs``.
    past_forms: tuple[str, ...] = ()
    #: Subject pronouns that open such a clause after any speech verb, one that also takes an
    #: object included ("announced he would end ...", "wrote they were wrong"): no object
    #: starts with them.
    bare_pronoun_starts: tuple[str, ...] = ()
    #: Auxiliaries that show a clause, not an object, after any speech verb when one follows
    #: the clause's first words ("announced the talks would resume", "confirmed the meeting
    #: had taken place"; not "announced a new plan").
    clause_auxiliaries: tuple[str, ...] = ()
    #: Whether a name may open such a clause too ("said Russia was ready", "said Western
    #: capitals had ignored ..."), after a verb that takes no one told ("told Reuters the talks
    #: would ..." names whom), when its first word is none of ``not_name_subjects``.
    name_subjects: bool = False
    #: Adverbs between a subject and its verb, left out of the speaker's words with the
    #: ``clause_auxiliaries`` ("The report also said", "Authorities have repeatedly said").
    adverbs_before_verb: tuple[str, ...] = ()
    #: Endings of the other adverbs that may stand there ("ominously warned", "proudly
    #: claimed"), read so in words of six letters or more, in lower case (not "family", "rally").
    adverb_endings: tuple[str, ...] = ()
    #: Words that open a clause in the words before a verb, whose subject follows them ("a fee
    #: which the council warned of", "with what she claimed", "a week after the
    #: whips warned"): the speaker is the words after the last of them.
    clause_openers: tuple[str, ...] = ()
    #: Words of a share of people ("53 per cent of voters said", "a majority of MPs believe"):
    #: a poll's finding, which names no one.
    share_words: tuple[str, ...] = ()
    #: Words of a title that make it another office than the title without them ("Deputy
    #: Attorney General" is not "the attorney general").
    rank_words: tuple[str, ...] = ()
    #: Prepositions that end a title before a name, read backwards ("a person close to X" gives
    #: X no title; "Secretary of State X" has one).
    not_in_titles: tuple[str, ...] = ()
    #: Passives before a participle whose subject is the one who spoke ("X is quoted as saying").
    quoted_as: tuple[str, ...] = ()
    #: Verbs whose object, before an "as" and a participle, is the one who spoke ("Reuters
    #: quoted X as saying"): not the outlet before them.
    quoting: tuple[str, ...] = ()
    #: A speaker's noun that names a group, not one person, and so never stands for a person
    #: named before: the endings of plurals (English "officers", not "witness"), collectives.
    plural_endings: tuple[str, ...] = ()
    #: Whether the entity recogniser gives people's names in the nominative ("Виктора Мироненко"
    #: -> "Виктор Мироненко"), so that a name in another case is no subject.
    nominative_normals: bool = False
    group_nouns: tuple[str, ...] = ()
    #: Common nouns that a body's name qualifies, after it ("the Wagner group", "the X workers
    #: union"): part of the phrase "the head of the X group" after a verb.
    body_nouns: tuple[str, ...] = ()
    #: Words before a verb that make it none whose clause a name opens: an infinitive's mark
    #: ("no reason to believe Paddock would ..."), an article before an adjective ("the
    #: alleged Muslim spies were ..."), the first word of a name that ends like a verb ("the
    #: United States Congress is ..."), a word after which "said" is an adjective ("because
    #: said boats are ...").
    not_before_name_clause: tuple[str, ...] = ()
    #: Capitalised words that open no clause after a verb: when it was said ("said Tuesday the
    #: deal would ...").
    not_name_subjects: tuple[str, ...] = ()
    #: Verbs with no personal subject, whose source is a document next to them ("В докладе
    #: говорится, что ...", "Im Bericht heißt es"); without one they name no speaker.
    impersonal: tuple[str, ...] = ()
    #: Prepositions: right after a speech verb one opens where something was said ("wrote in a
    #: column for Izvestia"), never what was said, so no clause starts there; and such a
    #: phrase may run longer after a verb that ends its sentence.
    prepositions: tuple[str, ...] = ()
    #: The object pronouns that stand right before a verb ("le dit", "lo ha detto", "lo dijo"):
    #: alone before it, they name no speaker.
    clitics: tuple[str, ...] = ()
    #: Pronouns that are a verb's subject only before their own ending of it, and its object
    #: otherwise ("nous avons dit", but "», nous a dit le ministre", "nous dit-on").
    object_pronouns: tuple[tuple[str, str], ...] = ()
    #: Words that stand for a speech verb between a speaker's name and a colon ("Lerici
    #: weiter: „...“", German news's "X goes on:").
    colon_leads: tuple[str, ...] = ()
    #: Pronouns of whom a verb tells, which stand right after it before its subject ("»,
    #: рассказал нам эксперт", "– mówią nam eksperci"): no part of the subject.
    listener_pronouns: tuple[str, ...] = ()
    #: Prepositions that also open an infinitive ("said to keep on lying"): after a verb they
    #: may open what was said, so never a phrase of where it was said.
    infinitive_marks: tuple[str, ...] = ()
    #: Participles of speech verbs ("saying"), speech verbs too: they report for the subject of
    #: the clause they follow ("X rejected the claims, saying ..."), or for the name right
    #: before them ("with the ministry saying ..."), never for the words next to them.
    participles: tuple[str, ...] = ()
    #: Whether a speech verb set off inside a sentence may come before its subject ("Эти
    #: учения, заявила Захарова, являются ..."). English puts the subject first ("The drills,
    #: she said, are ..."): after "..., say X," comes an apposition, not what X says.
    inverts: bool = True
    #: In a language whose verb stands second (German), the words that open a sentence with
    #: something other than its subject, which then follows the verb: adverbs and the
    #: prepositions of a phrase ("Daraufhin sagte der Minister, ...", "Im März sagte X, ...").
    verb_second_openers: tuple[str, ...] = ()
    #: Whether the language's news prints direct speech as a paragraph opened by a dash ("—
    #: Мы не позволим, — заявил Путин."), not in quotation marks.
    dialogue_dashes: bool = False
    #: Interviews (``_interviews``): the labels of question and answer paragraphs ("Q:", "A:"),
    #: and the stems of the words that announce an interview ("интервью", "беседе").
    question_labels: tuple[str, ...] = ()
    answer_labels: tuple[str, ...] = ()
    interview_words: tuple[str, ...] = ()
    #: Stems of the words that set a quote off as a scare quote ("so-called “experts”", "так
    #: называемые «эксперты»"): such a quote is a phrase, whoever's words hold it.
    scare_words: tuple[str, ...] = ()

    # -- who the subject is -----------------------------------------------------------------
    #: Subject pronouns, resolved to the last person named before the quote ("he said", "sagte er").
    pronouns: tuple[str, ...]
    #: Pronouns that stand for no one person ("they said", "it added", "we are told"): such a
    #: speaker is recorded as said, and counted as no one's.
    group_pronouns: tuple[str, ...] = ()
    #: Possessives that stand for a person before a verb's subject ("his spokesman said").
    possessives: tuple[str, ...] = ()
    #: Words that make a verb's subject the one of the clause before ("..., and added", "..., der
    #: versicherte"): conjunctions and relative pronouns.
    connectives: tuple[str, ...] = ()
    #: The relative pronouns among them: after words of its clause, its antecedent is those
    #: words ("the woman who reportedly told", "Anyone who still thinks"), not a clause before.
    relatives: tuple[str, ...] = ()
    #: Whether the subject of a verb may be left out ("«...», ha aggiunto"): the speaker is then
    #: the last person named.
    drops_subject: bool = False
    #: Endings of a gerund, which opens a phrase of manner before a clause's subject ("Parlando
    #: al Forum, Xi ha detto"): no name inside it is the subject.
    gerund_endings: tuple[str, ...] = ()
    #: Endings of a past participle that opens a sentence as a gerund does ("Questionada pela
    #: agência, a autarca respondeu"): the names in its phrase are no subject either.
    participle_endings: tuple[str, ...] = ()
    #: Words right before a "that" that make it a noun's ("comentou o rumor de que ..."):
    #: what follows is the noun's content, not what the verb before reports.
    noun_before_that: tuple[str, ...] = ()
    #: Endings of a speech verb in the plural (or the neuter), whose left-out subject is never
    #: one person ("spiegano", "заявили", "dizem", "poinformowało").
    plural_verb_endings: tuple[str, ...] = ()
    #: What marks a woman and a man.
    woman: Gender = Gender()
    man: Gender = Gender()

    # -- sources named by a lead: "according to X", "As X said" --------------------------------
    #: Leads that name a source before or after what it says ("according to X, ...").
    according: tuple[str, ...]
    #: Leads that only ever follow what the source says (German ", so der Minister").
    according_after: tuple[str, ...] = ()
    #: Verbs of a relayer named after a comma at the sentence's end (", передает ТАСС"): the
    #: sentence is its report, unless it says who else said it. Not after a quote, where the
    #: verb is an ordinary speech verb's.
    relayers: tuple[str, ...] = ()
    #: Words after a lead that make it no source: a relative pronoun ("la déclaration selon
    #: laquelle ...": what the statement says) or an idiom ("selon toute probabilité").
    not_sources: tuple[str, ...] = ()
    #: Leads whose source is a pronoun inside them ("по его словам", "jego zdaniem", "a suo dire"),
    #: resolved as a pronoun is; at the start or at the end of the sentence they attribute.
    pronoun_leads: tuple[str, ...] = ()
    #: Definite articles, and nouns of people that news calls someone by after naming them
    #: ("the Democrat said", "erklärt der Experte"): such a description with no one introduced
    #: by its noun is the one person named in the sentence before it. Not those who speak for
    #: someone else, whom that sentence often names instead ("A spokesperson for X confirmed
    #: ...", "X's lawyer"): spokespeople and lawyers. A language without articles lists the
    #: nouns in the cases that a speaker takes ("политолог", "по словам эксперта"); Bulgarian
    #: with the article on the noun ("политологът").
    definite_articles: tuple[str, ...] = ()
    person_nouns: tuple[str, ...] = ()
    #: Person nouns for someone the article keeps unnamed ("the source said", "the insider"),
    #: whom no name before stands for.
    unnamed_nouns: tuple[str, ...] = ()
    #: Indefinite articles: a speaker introduced with one ("A government spokesman said") is
    #: someone new, whom no name before stands for, nor a pronoun after.
    indefinite_articles: tuple[str, ...] = ()
    #: Nouns of a medium between a preposition and its name after a speech verb ("powiedział na
    #: antenie Radia X", "na łamach"): the name is where it was said, not who said it.
    medium_nouns: tuple[str, ...] = ()
    #: Particles that make a speech verb impersonal right before it ("si sottolinea", "se
    #: informó"): its source is a document named beside it, in any case.
    impersonal_particles: tuple[str, ...] = ()
    #: Words that open an existential clause before a form of "be" ("There were claims that
    #: ..."): the verb after is a noun's, and no one is named as its speaker.
    existentials: tuple[str, ...] = ()
    #: Words after a comma that may open a clause with another subject and reported speech of
    #: its own ("X said A, but Y said B", "X заявил, что A, а Y сказал, что B").
    contrasts: tuple[str, ...] = ()
    #: Nouns of a person who heads or belongs to a body (in lower case): "the head of the
    #: Council" and "a member of the Greens" speak, persons, not the body that the phrase names
    #: (its spokespeople speak for it, and are not here). Where nouns decline, in the cases of a
    #: subject and of a lead's source ("глава НАТО", "по словам главы НАТО").
    head_nouns: tuple[str, ...] = ()
    #: Prepositions of whom a speaker spoke with, in a language whose other prepositions are
    #: not listed ("сказал геолог в разговоре с X", "на встрече с X"): a name after one after the
    #: verb listened, and never spoke.
    listener_prepositions: tuple[str, ...] = ()
    #: Prepositions that open what or whom a speech verb is about ("пишут журналисты о X",
    #: "рассказал про X"): a name after one is spoken of, never the speaker.
    topic_prepositions: tuple[str, ...] = ()
    #: Prepositions before an institution that a plural verb with no subject quotes ("как
    #: заявили в Кремле", "както заявиха от Кремъл"): the institution is the source.
    body_prepositions: tuple[str, ...] = ()
    #: Words after which a lead is an ordinary noun, no lead ("Ze zdaniem X nie zgodził się Y":
    #: "with X's opinion").
    not_before_leads: tuple[str, ...] = ()
    #: Leads that always name a person or a body, never a document ("по словам", "zdaniem").
    speaker_leads: tuple[str, ...] = ()
    #: Leads that only ever name documents ("zgodnie z", "как следует из"): a person after them is
    #: no source.
    document_leads: tuple[str, ...] = ()
    #: Whether a source after "according to" is closed by a comma as a rule. Where the comma is
    #: usually left out (German, Polish, Bulgarian), the source is read as a name or a noun phrase.
    source_comma: bool = True
    #: Leads that follow their source at the start of a sentence ("Dem Bericht zufolge wird
    #: ...", "Albers zufolge ist ..."): what comes after them was said.
    according_postpositions: tuple[str, ...] = ()
    #: Articles that join a genitive to the noun before it, in a source named without a comma
    #: (German "laut Angaben des Ministeriums").
    genitive_links: tuple[str, ...] = ()
    #: Conjunctions of "As X said, ..." (title phrases as speakers).
    as_words: tuple[str, ...]
    #: Verbs that never attribute speech after an "as" ("As the war continued, ...").
    not_after_as: tuple[str, ...] = ()
    #: Words that show an "as" clause has no speaker ("As has been pointed out", "Wie bereits
    #: gesagt wurde").
    as_without_speaker: tuple[str, ...] = ()

    # -- documents as sources -----------------------------------------------------------------
    #: Nouns that make a source a document rather than a speaker ("the report said").
    documents: tuple[str, ...]
    #: The forms of ``documents`` that can be a verb's subject, where nouns have cases: "доклад
    #: утверждает", not "подписанты письма заявили". None: every form.
    subject_documents: tuple[str, ...] | None = None
    #: Whether nouns compound with the head last (German): a document noun of six letters or more
    #: may end a longer word ("Pressemitteilung", "Untersuchungsbericht").
    compounds: bool = False


def _past(stems: str, endings: str) -> tuple[str, ...]:
    """Every stem with every ending: ``_past("заяви сказа", "в ла")`` -> заявив, заявила, ..."""
    return tuple(stem + ending for stem in stems.split() for ending in endings.split("|"))


# Name particles that stay lowercase inside a person's name ("Ursula von der Leyen").
# fmt: off
NAME_PARTICLES = frozenset({
    "al", "bin", "d'", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "el", "ibn", "la",
    "le", "van", "von", "y", "zu",
})

_EN = SpeechWords(
    head_nouns=("president", "head", "chairman", "chairwoman", "chair", "leader", "chief", "director", "secretary", "minister", "governor", "mayor", "member", "lawmaker", "ambassador", "envoy"),
    indefinite_articles=("a", "an", "another", "one"),
    definite_articles=("the",),
    unnamed_nouns=("source", "insider"),
    person_nouns=(
        "expert", "analyst", "official", "source", "politician", "lawmaker", "diplomat", "economist", "scientist", "researcher",
        "professor", "doctor", "physician", "activist", "journalist", "author", "writer", "veteran",
        "resident", "woman", "man", "mother", "father", "student", "teacher", "democrat",
        "republican", "historian", "commentator", "blogger", "businessman", "businesswoman",
        "entrepreneur", "retiree", "voter", "officer", "soldier", "witness", "survivor", "engineer",
        "pastor", "priest", "farmer", "worker", "nurse", "aide", "adviser", "advisor", "insider", "staffer",
        "host", "presenter", "lawyer", "attorney", "biologist", "geologist", "climatologist",
        "physicist", "chemist",
        # the voices of a platform ("Telegram channels said")
        "channel", "channels", "account", "accounts", "user", "users",
    ),
    name_verbs=("States",),
    noun_markers=(
        "the", "a", "an", "any", "his", "her", "its", "their", "our", "this", "these", "those", "such", "into", "of",
        "about", "amid", "despite", "over", "against", "with", "denying", "dismissing", "rejecting",
        "sparking", "fuelling", "fueling", "prompting",
        # a number of them ("Six states recorded", "two reports"), "member states", "other claims"
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "several",
        "member", "other",
        # adjectives of states ("neighbouring states", "Western states"), and "as per reports"
        "western", "eastern", "northern", "southern", "neighbouring", "neighboring", "baltic", "gulf",
        "nuclear", "sovereign", "per",
        # "according to reports", "in response to claims": a verb after "to" is in its base form
        "according to", "response to", "responding to", "contrary to", "addition to",
    ),
    scare_words=("so-called", "so called", "self-styled", "self-proclaimed"),
    question_labels=("Q", "Question"),
    answer_labels=("A", "Answer"),
    interview_words=("interview",),
    verbs=(
        "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "warned", "warns",
        "noted", "notes", "stressed", "stresses", "emphasised", "emphasized", "emphasises", "emphasizes",
        "claimed", "claims", "declared", "declares", "explained", "explains", "insisted", "insists",
        "argued", "argues", "asked", "announced", "continued", "urged", "urges", "wrote", "writes",
        "commented", "remarked", "replied", "underlined", "alleged", "accused", "recalled", "concluded",
        "believes", "believe", "thinks", "acknowledged", "admitted", "reiterated",
        "asserted", "observed", "pointed out", "put it", "in his words", "in her words",
        # not "denied": what follows it is what the speaker says is untrue
        "responded", "suggested", "suggests", "predicted", "conceded", "maintained",
        "maintains", "contended", "tweeted", "texted", "cautioned", "complained", "lamented", "vowed", "pledged",
        "promised", "revealed", "confirmed", "confirms", "reported", "informed",
        # the present of news and commentary ("..., observes the report", "X admits that ...")
        "observes", "admits", "concedes", "recalls", "acknowledges", "concludes", "asks", "replies",
        "responds", "predicts", "reveals", "announces", "continues", "asserts", "contends", "alleges",
        "points out",
        # the plural present ("Critics argue that ..."; not "claim" and "reports", nouns as
        # often: "the minister's claim that", "intelligence reports that": tail_verbs)
        "argue", "warn", "insist", "conclude", "explain", "admit", "observe", "assert", "contend",
        # not "suggest" and "predict", after a modal as often ("would suggest that")
        # a speaker's manner ("He fumed: “...”")
        "fumed", "quipped", "joked", "boasted", "ranted", "scoffed", "exclaimed",
    ),
    tail_verbs=("claim", "reports", "reported"),
    plural_verbs=("claim",),
    noun_forms=("claims", "notes", "states"),
    noun_followers=("of", "by", "about"),
    noun_after_endings=("ous", "ful", "less", "ed", "ian"),
    editorial_notes=("emphasis", "italics", "translation", "bold", "underlining"),
    that=("that",),
    pronouns=("he", "she"),
    group_pronouns=("it", "they", "them", "we", "us", "you", "i"),
    # "him" and "her" also as objects: "according to him"
    possessives=("his", "her", "him"),
    connectives=("and", "but", "who", "whom", "whose", "which", "what", "how"),
    contrasts=("but", "while", "whereas"),
    relatives=("who", "which"),
    inverts=False,
    gap_stops=("and", "but", "or", "is", "was", "are", "were", "has", "had", "have", "will", "would"),
    # ... and the verbs that refuse a speech verb after them ("declined to say whether")
    negations=("not", "never", "nothing", "refused", "refuses", "declined", "declines"),
    passives=("is", "was", "were", "are", "been", "be", "being"),
    adding=(
        "adding", "and added", "noting", "stressing", "admitting", "insisting", "explaining", "arguing",
        "and said",
    ),
    existentials=("there",),
    joining=("and",),
    object_verbs=(
        "told", "tells", "tell", "warned", "warns", "asked", "urged", "urges", "reminded", "assured",
        "informed",
    ),
    document_leads=("as stated in",),
    according=("according to", "as stated in", "in the words of"),
    pronoun_leads=("in his view", "in her view", "in his opinion", "in her opinion", "in his words", "in her words"),
    as_words=("as",),
    documents=(
        "report", "reports", "statement", "statements", "document", "documents", "data", "study", "studies",
        "survey", "surveys", "memo", "memos", "memorandum", "letter", "communiqué", "communique",
        "resolution", "decree", "transcript", "minutes", "findings", "figures", "estimates", "assessment",
        "analysis", "filing", "filings", "records", "dossier", "indictment", "notice", "bulletin", "cable",
        "cables", "release",
        "article", "articles", "ruling", "verdict", "judgment",
    ),
    bare_verbs=(
        "said", "says", "say", "told", "tells", "warned", "warns", "added", "adds", "claimed", "claims",
        "insisted", "insists", "argued", "argues", "believes", "believe", "thinks", "stated", "states",
        "noted", "notes", "stressed", "stresses", "explained", "explains", "declared", "declares",
        "suggested", "suggests", "predicted", "maintained", "maintains", "contended", "conceded",
        "acknowledged", "admitted", "reiterated", "asserted", "emphasised", "emphasized", "emphasises",
        "emphasizes", "alleged", "recalled", "concluded", "observed", "complained", "cautioned", "saying",
    ),
    bare_pronoun_starts=("he", "she", "they", "we"),
    object_or_clause_verbs=(
        "added", "adds", "maintained", "maintains", "noted", "notes", "stressed", "stresses",
        "emphasised", "emphasized", "emphasises", "emphasizes", "acknowledged", "admitted",
        "reiterated", "recalled", "concluded", "observed", "predicted", "suggested", "suggests",
    ),
    past_forms=(
        "made", "took", "went", "came", "gave", "knew", "saw", "got", "did", "began", "became",
        "left", "felt", "kept", "met", "ran", "sent", "won", "lost", "fell", "led", "held",
        "brought", "bought", "thought", "found", "stood", "meant", "paid", "built", "spent", "sold",
        "told", "said", "put", "set", "cut", "hit", "rose", "grew", "struck", "spoke", "wrote",
        "chose", "broke", "drove", "flew", "sought", "taught", "caught", "fought", "heard",
        "understood", "laid", "shot", "drew", "spread", "let", "beat", "stole", "threw", "sank",
    ),
    clause_auxiliaries=(
        "would", "will", "was", "were", "is", "are", "had", "has", "have", "could", "should", "might",
        "must", "can",
    ),
    name_subjects=True,
    not_before_name_clause=("to", "the", "a", "an", "united", "because", "of"),
    plural_endings=("rs", "ts", "ns", "ls", "ies", "es", "ds", "ks", "ms", "ps", "gs"),
    group_nouns=("police", "staff", "personnel", "crew", "military", "people"),
    body_nouns=(
        "group", "movement", "party", "union", "company", "agency", "network", "coalition", "alliance",
        "militia", "organisation", "organization", "foundation", "institute", "council", "committee",
        "campaign", "bank", "fund", "faction", "battalion", "brigade", "regiment", "initiative",
    ),
    adverb_endings=(
        "ously", "ively", "ently", "antly", "edly", "fully", "ably", "ibly", "ally", "dly", "tly", "rly",
        "ely", "nly",
    ),
    clause_openers=(
        "that", "what", "which", "whom", "why", "how", "after", "before", "when", "while", "because",
        "although", "though", "if", "unless", "until", "whereas", "where", "since",
    ),
    share_words=("percent", "cent", "majority", "minority", "half", "quarter", "third", "thirds"),
    rank_words=("deputy", "vice", "former", "acting", "assistant", "shadow", "ex", "junior", "interim"),
    not_in_titles=("at", "with", "to", "from", "in", "on", "near", "for", "by", "about", "against", "told"),
    quoted_as=("quoted as", "cited as", "reported as", "recorded as", "heard"),
    quoting=("quoted", "cited", "quotes", "cites"),
    adverbs_before_verb=(
        "also", "again", "already", "just", "once", "still", "even", "now", "then", "often", "only", "later", "further",
        "today", "yesterday", "tonight",
        "earlier", "repeatedly", "reportedly", "previously", "recently", "publicly", "openly", "privately",
        "officially", "separately", "subsequently", "quickly", "immediately", "flatly", "firmly",
        "strongly", "clearly", "explicitly", "initially", "originally", "similarly", "likewise", "finally",
        "ultimately", "consistently", "allegedly", "apparently", "however", "meanwhile", "moreover",
        "nevertheless", "instead", "though",
        # a verb that goes on before the speech verb ("she went on to warn")
        "went on to", "goes on to", "go on to", "continued to", "continues to",
    ),
    not_name_subjects=(
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
        "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Today", "Yesterday", "Tomorrow", "Earlier", "Later", "Last", "Next",
        "This", "That", "In", "On", "At",
    ),
    bare_clause_starts=(
        "the", "a", "an", "it", "they", "he", "she", "we", "this", "there", "its", "their", "his", "her",
        "no",
    ),
    participles=("saying",),
    infinitive_marks=("to",),
    infinitive_verbs=("continues", "continued", "asked"),
    prepositions=(
        "to", "in", "on", "at", "for", "with", "from", "during", "after", "before", "via", "through", "by",
        "over", "about", "of", "against", "under", "into", "without", "within", "between", "among",
        "across", "despite", "since", "until", "upon", "towards", "toward", "following", "amid",
    ),
    not_after_as=("continued",),
    as_without_speaker=("has", "have", "had", "been", "was", "were", "is", "are", "already", "previously", "earlier"),
    as_verbs=("reported", "reports"),
    naming=("spoke of", "speaks of", "talked of",
        "called", "calls", "termed", "terms", "dubbed", "dubs", "described as", "describes as", "labelled",
        "labeled", "branded",
    ),
    naming_as=(
        "described", "describes", "characterised", "characterized", "denounced", "dismissed", "slammed",
        "blasted", "condemned", "criticised", "criticized", "decried", "derided", "hailed", "praised",
        "portrayed", "rejected", "branded", "labelled", "labeled",
    ),
    naming_as_words=("as", "as a", "as an", "as the"),
    naming_participles=("calling", "terming", "dubbing", "describing", "labelling", "labeling", "branding"),
    speaker_leads=("in the words of",),
    woman=Gender(pronouns=("she", "her"), titles=("Mrs", "Ms", "Miss", "Madam", "Lady")),
    man=Gender(pronouns=("he", "his", "him"), titles=("Mr", "Sir", "Lord")),
)

_RU = SpeechWords(
    listener_pronouns=("нам", "мне", "ему", "ей", "им"),
    head_nouns=(
        "глава", "главы", "генсек", "генсека", "генсекретарь", "генсекретаря", "секретарь", "секретаря", "председатель", "председателя",
        "зампред", "зампреда", "замглавы", "заместитель", "заместителя", "вице-премьер", "вице-премьера",
        "вице-президент", "вице-президента", "источник", "источника",
        "президент", "президента", "премьер", "премьера", "премьер-министр", "премьер-министра", "министр",
        "министра", "директор", "директора", "руководитель", "руководителя", "лидер", "лидера", "мэр", "мэра",
        "губернатор", "губернатора", "депутат", "депутата", "сенатор", "сенатора", "член", "члена", "посол",
        "посла", "спикер", "спикера", "резидент", "резидента",
        "прокурор", "прокурора", "сотрудник", "сотрудника",
    ),
    person_nouns=(
        "эксперт", "эксперта", "политолог", "политолога", "аналитик", "аналитика", "экономист", "экономиста",
        "историк", "историка", "журналист", "журналиста", "специалист", "специалиста", "социолог", "социолога",
        "дипломат", "дипломата", "собеседник", "собеседника", "учёный",
        "ученый", "учёного", "ученого", "публицист", "публициста",
    ),
    scare_words=("так называем", "так назыв", "т.н.", "самопровозглашенн", "самопровозглашённ"),
    question_labels=("Вопрос",),
    answer_labels=("Ответ",),
    interview_words=("интервью", "беседе", "беседовал", "разговоре"),
    dialogue_dashes=True,
    verbs=(
        *_past(
            "заявил сказал отметил подчеркнул добавил сообщил пояснил предупредил указал напомнил уточнил"
            " констатировал заверил признал написал рассказал утверждал заключил резюмировал обвинил считал"
            " ответил пообещал призвал объяснил заметил подытожил прокомментировал спросил"
            # the imperfective past, for what someone said more than once or at length
            " призывал заявлял отмечал подчеркивал подчёркивал объяснял рассказывал предупреждал"
            " указывал напоминал сообщал обещал повторял настаивал говорил"
            # an opinion voiced ("высказал мнение, что ...", "Такое мнение высказал X")
            " высказал выразил",
            "|а|и|о",
        ),
        "поинтересовался", "поинтересовалась", "поинтересовались",
        "считает", "считают", "говорит", "говорят", "заявляет", "заявляют", "отмечает", "отмечают",
        "подчеркивает", "подчёркивает", "утверждает", "полагает", "уверен", "пишет", "пишут",
        "добавляет", "поясняет", "уверяет", "признаётся", "признается", "признался", "призналась",
        # the present of commentary ("..., — заключает издание")
        "заключает", "резюмирует", "констатирует", "уточняет", "объясняет", "предупреждает",
        "подытоживает", "заверяет", "рассказывает", "уточняют", "объясняют", "предупреждают",
        "рассказывают",
        "уверена", "уверены", "убеждён", "убежден", "убеждена", "убеждены", "говорится", "по словам",
        "по его словам", "по её словам", "по ее словам",
    ),
    naming=("говорил о", "говорила о", "говорили о", "говорит о", "заговорил о", "заговорила о", *_past("назвал охарактеризовал", "|а|и"), "называет", "называют"),
    naming_participles=("назвав", "охарактеризовав"),
    nominative_normals=True,
    listing=(
        "имена", "имя", "фамилии", "фамилию", "причины", "причину", "дату", "сроки", "срок", "сумму",
        "число", "цифры", "цифру", "количество", "условия", "страны", "места", "адреса",
    ),
    that=("что", "будто"),
    adverbs_before_verb=(
        "также", "тоже", "ранее", "уже", "вновь", "снова", "еще", "ещё", "неоднократно", "публично",
        "открыто", "прямо", "даже", "затем", "позднее", "позже", "тогда", "в свою очередь", "впоследствии",
        "не раз", "не однажды",
        # sentence connectives and days ("Однако Москва заявила", "Вчера министерство сообщило")
        "однако", "впрочем", "напротив", "между тем", "вчера", "сегодня", "теперь", "сейчас",
    ),
    clause_openers=(
        "когда", "если", "хотя", "пока", "поскольку", "потому", "чтобы", "где", "куда", "откуда",
        # the relative pronoun in a case that no subject takes ("фильм, в котором рассказчик
        # заявляет"): the subject follows it
        "которой", "котором", "которого", "которому", "которым", "которых", "которую", "которыми",
    ),
    pronouns=("он", "она"),
    group_pronouns=("их", "оно", "они", "мы", "вы", "я", "это"),
    possessives=("его", "её", "ее"),
    # not "также": "Он также подчеркнул" has its own subject
    connectives=("и", "а", "но", "однако", "зато", "который", "которая", "которое", "которые"),
    contrasts=("но", "а", "однако", "тогда как"),
    relatives=("который", "которая", "которое", "которые"),
    gap_stops=("и", "а", "но", "или"),
    negations=("не", "ни", "ничего"),
    adding=("добавив", "подчеркнув", "отметив"),
    joining=("и",),
    previous_leads=("об этом", "об этом же", "такое мнение", "такую точку зрения", "эту точку зрения"),
    previous_lead_gap=True,
    quoting=("цитирует", "процитировал", "процитировала", "процитировали", "цитируя"),
    opinion_objects=(
        "мнение", "общее мнение", "своё мнение", "свое мнение", "надежду", "уверенность", "опасение",
        "опасения", "точку зрения", "позицию",
    ),
    listener_prepositions=("с", "со"),
    topic_prepositions=("о", "об", "обо", "про"),
    body_prepositions=("в", "во", "у", "на"),
    participles=(
        "заявив", "отметив", "подчеркнув", "добавив", "пояснив", "указав", "напомнив", "уточнив",
        "предупредив", "признав",
    ),
    document_leads=("как следует из",),
    pronoun_leads=("по его словам", "по её словам", "по ее словам", "по их словам", "по его мнению", "по её мнению", "по ее мнению", "по их мнению"),
    according=("по словам", "по мнению", "по данным", "по информации", "согласно", "как следует из"),
    relayers=("передает", "передаёт", "сообщает", "пишет", "информирует"),
    as_words=("как",),
    documents=(
        "документ*", "доклад*", "заявлени*", "данны*", "отчёт*", "отчет*", "сообщени*", "исследовани*",
        "резолюци*", "справк*", "протокол*", "публикаци*", "письм*", "материал*", "меморандум*",
        "стать*", "постановлени*", "комментари*", "приговор*",
    ),
    impersonal=("говорится",),
    drops_subject=True,
    # past and present ("заявили", "говорят", "пишут", "считают")
    plural_verb_endings=("ли", "ют", "ят", "ут", "ат"),
    as_without_speaker=("уже", "ранее", "было"),
    as_verbs=("сообщает", "сообщают", "сообщило", "пишет", "пишут", "передает", "передаёт"),
    speaker_leads=("по словам", "по мнению"),
    subject_documents=(
        "документ", "документы", "доклад", "доклады", "заявление", "заявления", "данные", "отчёт", "отчет",
        "отчёты", "отчеты", "сообщение", "исследование", "резолюция", "справка", "протокол", "письмо",
        "публикация", "материал", "меморандум",
        "статья", "постановление", "комментарий", "приговор",
    ),
    woman=Gender(pronouns=("она", "её", "ее"), endings=("ла",), titles=("госпожа", "госпожи")),
    man=Gender(pronouns=("он", "его"), endings=("л",), titles=("господин", "господина")),
)

_UK = SpeechWords(
    listener_pronouns=("нам", "мені", "йому", "їй", "їм"),
    head_nouns=(
        "голова", "голови", "генсек", "генсека", "генсекретар", "генсекретаря", "секретар", "секретаря", "президент", "президента",
        "заступник", "заступника", "віце-прем'єр", "віце-прем'єра", "віце-прем’єр", "віце-прем’єра",
        "віце-президент", "віце-президента",
        "прем'єр", "прем'єра", "прем’єр", "прем’єра", "міністр", "міністра", "директор", "директора",
        "керівник", "керівника", "очільник", "очільника", "лідер", "лідера", "мер", "мера", "губернатор",
        "губернатора", "депутат", "депутата", "член", "члена", "посол", "посла", "спікер", "спікера",
    ),
    person_nouns=(
        "експерт", "експерта", "політолог", "політолога", "аналітик", "аналітика", "економіст", "економіста",
        "історик", "історика", "журналіст", "журналіста", "дипломат", "дипломата", "співрозмовник",
        "співрозмовника", "науковець", "науковця", "соціолог", "соціолога",
    ),
    scare_words=("так зван", "т.зв.", "самопроголошен"),
    question_labels=("Питання",),
    answer_labels=("Відповідь",),
    interview_words=("інтерв'ю", "розмові"),
    previous_leads=("про це", "таку думку"),
    previous_lead_gap=True,
    opinion_objects=("думку", "свою думку", "надію", "впевненість", "позицію"),
    listener_prepositions=("з", "зі"),
    topic_prepositions=("про", "о", "об"),
    body_prepositions=("в", "у"),
    dialogue_dashes=True,
    verbs=(
        *_past(
            "заяви сказа зазначи наголоси підкресли дода повідоми поясни попереди вказа нагада уточни"
            " розпові написа запевни визна констатува стверджува підсумува звинувати вважа відпові пообіця"
            " заклика зауважи прокоментува запита спита говори відзначи вислови",
            "в|ла|ли|ло",
        ),
        "заявляє", "заявляють", "каже", "кажуть", "вважає", "вважають", "говорить", "зазначає", "наголошує",
        "підкреслює", "стверджує", "переконаний", "переконана", "переконані", "йдеться", "пише", "пишуть",
        "за словами", "за його словами", "за її словами",
    ),
    that=("що", "нібито"),
    adverbs_before_verb=(
        "також", "теж", "раніше", "вже", "знову", "неодноразово", "публічно", "відкрито", "прямо", "навіть",
        "потім", "згодом", "тоді", "у свою чергу", "своєю чергою",
        "однак", "проте", "натомість", "тим часом", "вчора", "сьогодні", "зараз", "нині",
    ),
    naming=("говорив про", "говорила про", "говорили про", "говорить про", *_past("назва охарактеризува", "в|ла|ли"), "називає", "називають"),
    pronouns=("він", "вона"),
    group_pronouns=("їх", "їхніми", "їхню", "воно", "вони", "ми", "ви", "я", "це"),
    possessives=("його", "її"),
    connectives=("і", "й", "та", "а", "але", "однак", "проте", "зате", "який", "яка", "яке", "які"),
    contrasts=("але", "а", "проте", "тоді як"),
    relatives=("який", "яка", "яке", "які"),
    # the relative pronoun in a case that no subject takes: the subject follows it
    clause_openers=("якій", "якому", "якого", "яким", "яких", "яку", "якими"),
    gap_stops=("і", "й", "та", "а", "але", "або"),
    negations=("не", "ні", "нічого"),
    adding=("додавши", "наголосивши", "зазначивши"),
    document_leads=("згідно з", "згідно із", "згідно зі", "відповідно до", "як випливає з"),
    pronoun_leads=("за його словами", "за її словами", "за їхніми словами", "на його думку", "на її думку", "на їхню думку"),
    according=(
        "за словами", "на думку", "за даними", "згідно з", "згідно із", "згідно зі", "відповідно до",
        "як випливає з",
    ),
    relayers=("передає", "повідомляє", "пише", "інформує"),
    as_words=("як",),
    documents=(
        "документ*", "доповід*", "звіт*", "заява", "заяви", "заяві", "заявою", "заяву", "дані", "даних",
        "даними", "даним", "повідомлен*", "дослідженн*", "резолюці*", "лист", "листа", "листі",
        "статт*", "постанов*",
    ),
    impersonal=("йдеться",),
    nominative_normals=True,
    drops_subject=True,
    plural_verb_endings=("ли", "ють", "ять", "уть", "ать"),
    as_without_speaker=("вже", "раніше", "було"),
    as_verbs=("повідомляє", "повідомляють", "пише", "пишуть", "передає"),
    speaker_leads=("за словами", "на думку"),
    subject_documents=(
        "документ", "документи", "доповідь", "звіт", "заява", "дані", "повідомлення", "дослідження",
        "резолюція", "лист", "стаття", "постанова",
    ),
    woman=Gender(pronouns=("вона", "її"), endings=("ла",), titles=("пані",)),
    man=Gender(pronouns=("він", "його"), endings=("в", "л"), titles=("пан",)),
)

# The Bulgarian aorists of speech verbs, one form for every gender; with an opinion voiced or
# shared ("изрази мнение, че ...", "Това мнение изрази X")
_BG_AORISTS = (
    "заяви", "каза", "подчерта", "посочи", "добави", "съобщи", "обясни", "предупреди", "отбеляза",
    "уточни", "припомни", "допълни", "коментира", "написа", "увери", "призна", "заключи", "изрази",
    "сподели", "обобщи", "изтъкна", "отговори", "попита", "настоя", "напомни", "продължи", "възрази",
    "отсече",
)  # fmt: skip

_BG = SpeechWords(
    listener_pronouns=("ни", "ми", "му", "им"),
    head_nouns=(
        "председателят", "председателя", "председател", "президентът", "президента", "премиерът", "премиера",
        "министърът", "министъра", "министър", "директорът", "директора", "ръководителят", "ръководителя",
        "лидерът", "лидера", "кметът", "кмета", "генсекът", "генсека", "секретар", "секретарят", "секретаря", "депутатът", "депутата", "член",
        "членът", "посланикът", "посланика", "шефът", "шефа",
    ),
    person_nouns=(
        "експертът", "експерта", "политологът", "политолога", "анализаторът", "анализатора", "икономистът",
        "икономиста", "историкът", "историка", "журналистът", "журналиста", "дипломатът", "дипломата",
        "събеседникът", "събеседника", "ученият", "учения", "социологът", "социолога",
    ),
    scare_words=("така наречен", "т.нар.", "самопровъзгласил"),
    question_labels=("Въпрос",),
    answer_labels=("Отговор",),
    interview_words=("интервю", "разговор"),
    previous_leads=("това",),
    previous_lead_gap=True,
    quoting=("цитира", "цитираха", "цитирайки"),
    # an aorist's form after "да" is the perfective present of a clause of purpose ("за да
    # изрази позицията си", "трябва да съобщи"): no one has said anything yet; "продължава да
    # смята, че" does report
    noun_markers=("да",),
    marked_verbs=_BG_AORISTS,
    opinion_objects=(
        "мнение", "мнението си", "надежда", "увереност", "опасение", "опасения", "позицията си",
        "убеждението си", "подозрения",
    ),
    dialogue_dashes=True,
    verbs=(
        # Aorist (one form for every gender), its plural, and the perfect's participles.
        *_BG_AORISTS,
        "изразиха", "споделиха",
        # "обяви" alone is also the present after "да" ("да се обяви за ..."): its plural only
        *_past("заяви каза подчерта посочи добави съобщи обясни предупреди отбеляза уточни обяви", "ха"),
        *_past("заявил казал подчертал посочил добавил съобщил обяснил отбелязал обявил", "|а|и"),
        # ... and the other aorists' participles ('„...“, е коментирал той', 'е допълнил X')
        *_past(
            "предупредил уточнил припомнил допълнил коментирал написал уверил признал заключил "
            "изразил споделил обобщил изтъкнал отговорил попитал настоял",
            "|а|и",
        ),
        "заявява", "казва", "твърди", "смята", "смятат", "подчертава", "посочва", "отбелязва", "се казва",
        # the present that reports as the aorist does ('„...“, пише авторът', 'предупреждава X')
        "пише", "предупреждава", "добавя", "обяснява", "припомня", "уточнява", "изтъква", "настоява",
        "се посочва", "по думите му", "по думите ѝ",
        # the same impersonal with its particle after it, opening a sentence ("Посочва се, че")
        "казва се", "посочва се", "отбелязва се", "подчертава се", "съобщава се",
    ),
    that=("че",),
    # not "на", "за", which titles hold ("министър на отбраната"), nor "в", "от", which open the
    # speaker after a verb ("съобщиха от пресслужбата")
    prepositions=("към", "при", "пред", "след", "чрез", "през", "с", "със", "по време на"),
    adverbs_before_verb=(
        "също", "още", "вече", "отново", "по-рано", "многократно", "публично", "дори", "след това", "ясно",
        "категорично", "изрично", "открито", "непрекъснато", "постоянно", "сега",
        "обаче", "напоследък", "напротив", "междувременно", "вчера", "днес", "тогава", "впоследствие",
    ),
    naming=("говори за", "говориха за", "нарече", "нарекоха", "нарекъл", "нарекла", "нарекли"),
    naming_as=("определи", "определиха", "описа", "описаха", "квалифицира", "квалифицираха"),
    naming_as_words=("като",),
    pronouns=("той", "тя"),
    group_pronouns=("тях", "им", "то", "те", "ние", "вие", "аз", "това"),
    possessives=("него", "нея"),  # as objects: "според него"
    clitics=("ги", "го", "му", "им", "ѝ", "й"),
    # and "като" of "..., като подчерта" (stressing): the subject of the clause before
    # not "обаче" (however), which follows its subject as often ("Докладът обаче посочва")
    connectives=("и", "а", "но", "който", "която", "което", "които", "като"),
    contrasts=("но", "а", "докато"),
    relatives=("който", "която", "което", "които"),
    gap_stops=("и", "а", "но", "или"),
    negations=("не", "нищо"),
    adding=("като добави", "като подчерта"),
    document_leads=("съгласно",),
    pronoun_leads=(
        "по думите му", "по думите ѝ", "по думите й", "по думите им", "според него", "според нея", "според тях",
    ),
    according=("според", "по думите на", "по данни на", "съгласно"),
    # the author's own view ("Според мен ..."), no one's report
    not_sources=("мен", "нас"),
    relayers=("предава", "съобщава", "пише", "информира"),
    as_words=("както",),
    documents=(
        "доклад*", "документ*", "съобщени*", "изявлени*", "данни", "данните", "проучван*", "анализ*",
        "справк*", "становищ*", "писм*", "резолюци*",
        "статия*", "решени*", "присъд*",
    ),
    auxiliaries=("е", "са"),
    impersonal=("се казва", "се посочва", "казва се", "посочва се", "отбелязва се", "подчертава се", "съобщава се"),
    impersonal_particles=("се",),
    source_comma=False,
    drops_subject=True,
    plural_verb_endings=("ха", "ат", "ят"),
    as_without_speaker=("вече", "по-рано", "се", "беше"),
    as_verbs=("съобщава", "съобщават", "пише", "пишат", "информира"),
    speaker_leads=("по думите на",),
    body_prepositions=("в", "във", "от"),
    # the gerund ("казвайки", "призовавайки", "говорейки")
    gerund_endings=("йки",),
    woman=Gender(pronouns=("нея", "ѝ", "й", "тя",), titles=("г-жа", "госпожа")),
    man=Gender(pronouns=("него", "му", "той",), titles=("г-н", "господин")),
)

_PL = SpeechWords(
    listener_pronouns=("nam", "mi", "mnie", "mu", "im"),  # not "jej", also "her" ("mówi jej mąż")
    head_nouns=(
        "prezes", "prezesa", "przewodniczący", "przewodniczącego", "przewodnicząca", "szef", "szefa", "szefowa",
        "sekretarz", "sekretarza", "prezydent", "prezydenta", "premier", "premiera", "minister", "ministra",
        "dyrektor", "dyrektora", "lider", "lidera", "burmistrz", "burmistrza", "wojewoda", "wojewody", "poseł",
        "posła", "posłanka", "senator", "senatora", "członek", "członka", "ambasador", "ambasadora",
        "marszałek", "marszałka",
    ),
    person_nouns=(
        "ekspert", "eksperta", "politolog", "politologa", "analityk", "analityka", "ekonomista", "ekonomisty",
        "historyk", "historyka", "dziennikarz", "dziennikarza", "dyplomata", "dyplomaty", "rozmówca",
        "rozmówcy", "naukowiec", "naukowca", "socjolog", "socjologa",
    ),
    scare_words=("tak zwan", "tzw.", "samozwańcz", "rzekom"),
    question_labels=("Pytanie",),
    answer_labels=("Odpowiedź",),
    interview_words=("wywiad", "rozmow"),
    dialogue_dashes=True,
    verbs=(
        *_past(
            "stwierdzi oświadczy podkreśli doda zaznaczy przekaza poinformowa wyjaśni zapewni napisa"
            " zauważy oceni przyzna ogłosi",
            "ł|ła|li|ły|ło",  # "ło" of an institution's neuter: "ministerstwo poinformowało"
        ),
        "powiedział", "powiedziała", "powiedzieli", "powiedziały", "przypomniał", "przypomniała",
        "przypomnieli", "zapowiedział", "zapowiedziała", "zapowiedzieli", "ostrzegł", "ostrzegła",
        "ostrzegli", "mówi", "mówią", "twierdzi", "twierdzą", "uważa", "uważają", "podkreśla", "zaznacza",
        "ocenia", "przekonuje", "stwierdza", "czytamy", "napisano",
        # the present of news dialogue ("– ... – tłumaczy ekspert")
        "zapowiada", "zapowiadają", "tłumaczy", "wyjaśnia", "dodaje", "zauważa", "wskazuje", "przyznaje", "ostrzega", "zapewnia",
        "komentuje", "argumentuje", "opowiada", "relacjonuje", "mówił", "mówiła", "pytał",
        "pytała", "zapytał", "zapytała",
        *_past("potwierdzi wskaza podkreśla zaznacza przekonywa tłumaczy wyjaśnia zapewnia twierdzi", "ł|ła|li|ły"),
        "potwierdza", "potwierdzają",
        # answers and declarations ("X odparł: „...”", "oznajmił, że: „...”")
        *_past("odpar oznajmi zadeklarowa zaapelowa apelowa skomentowa przestrzeg orzek", "ł|ła|li|ły|ło"),
        "odpowiedział", "odpowiedziała", "odpowiedzieli", "odpowiedziały",
        *_past("pisa przemawia", "ł|ła|li"),
        "odpowiada", "odpowiadają", "apeluje", "przestrzega", "pisze", "piszą",
        # "pointed out": a verb of two words
        *_past("zwróci", "ł uwagę|ła uwagę|li uwagę|ły uwagę"), "zwraca uwagę", "zwracają uwagę",
        # impersonal: "W raporcie podkreślono, że ...", "Jak podano na portalu, ..."
        "podkreślono", "zaznaczono", "stwierdzono", "wskazano", "zauważono", "poinformowano", "podano",
        "przekazano", "pisano",
        # "Mówi się, że ...": one says, no one named
        "mówi się", "mówiło się", "uważa się", "twierdzi się", "pisze się", "podkreśla się",
    ),
    that=("że", "iż"),
    adverbs_before_verb=(
        "także", "również", "też", "już", "ponownie", "wcześniej", "wielokrotnie", "publicznie", "otwarcie",
        "nawet", "następnie", "z kolei",
        # sentence connectives ("Otóż stwierdził", "Jednakowoż sąd uznał")
        "otóż", "jednak", "jednakże", "jednakowoż", "natomiast", "ponadto", "tymczasem", "zatem", "więc",
        "potem", "później", "wówczas", "wtedy", "kiedyś",
        # "Jak sam powiedział": the subject's own emphasis, the subject left out
        "sam", "sama", "sami",
    ),
    naming=("mówił o", "mówiła o", "mówili o", "mówi o", *_past("nazwa", "ł|ła|li"), "nazywa", "nazywają"),
    naming_as=(*_past("określi", "ł|ła|li"), "określa", "określają"),
    naming_as_words=("jako",),
    pronouns=("on", "ona"),
    group_pronouns=("nich", "ich", "ono", "oni", "one", "my", "wy", "ja", "to"),
    possessives=("niego", "niej"),  # as objects: "według niego"
    connectives=("i", "a", "ale", "który", "która", "które", "którzy", "co"),
    contrasts=("ale", "a", "natomiast"),
    relatives=("który", "która", "które", "którzy"),
    # the relative pronoun in a case that no subject takes: the subject follows it
    clause_openers=("której", "którym", "którego", "których", "którą", "którymi", "któremu"),
    gap_stops=("i", "a", "oraz", "ale", "lub", "albo"),
    negations=("nie", "nic"),
    passives=("zostało", "został", "została", "zostały"),
    adding=("dodając", "podkreślając"),
    document_leads=("zgodnie z", "zgodnie ze", "jak wynika z", "jak wynika ze"),
    pronoun_leads=("jego zdaniem", "jej zdaniem", "ich zdaniem"),
    according=("według", "zdaniem", "w opinii", "zgodnie z", "zgodnie ze", "jak wynika z", "jak wynika ze"),
    as_words=("jak",),
    # where or to whom something was said ("napisał w komentarzu dla PAP", "powiedział podczas
    # konferencji"); not "o", which opens what is spoken of ("mówił o ...")
    prepositions=(
        "w", "we", "na", "dla", "do", "podczas", "po", "przed", "przy", "od", "u", "z", "ze", "pod", "nad",
        "wobec", "wśród", "przez", "między", "w trakcie",
    ),
    documents=(
        "raport*", "raporci*", "dokument*", "dokumenci*", "komunikat*", "komunikaci*", "oświadczeni*",
        "dane", "danych", "danymi", "badani*", "analiz*", "sprawozdani*", "notatk*", "list", "listu",
        "liście",
        "artykuł*", "wyrok*",
    ),
    impersonal=(
        "czytamy", "napisano", "podkreślono", "zaznaczono", "stwierdzono", "wskazano", "zauważono", "poinformowano",
        "podano", "przekazano", "pisano", "mówi się", "mówiło się", "uważa się", "twierdzi się", "pisze się",
        "podkreśla się",
    ),
    source_comma=False,
    nominative_normals=True,
    drops_subject=True,
    plural_verb_endings=("li", "ły", "ją", "ło"),
    as_without_speaker=("już", "wcześniej", "było", "się", "zostało"),
    as_verbs=("podaje", "podają", "informuje", "pisze", "piszą"),
    speaker_leads=("zdaniem", "w opinii"),
    not_before_leads=("z", "ze"),
    medium_nouns=("antenie", "łamach", "falach", "programie", "audycji", "studiu", "kanale", "profilu"),
    subject_documents=(
        "raport", "raporty", "dokument", "dokumenty", "komunikat", "oświadczenie", "dane", "badanie",
        "analiza", "sprawozdanie", "notatka", "list", "artykuł", "wyrok",
    ),
    woman=Gender(pronouns=("niej", "jej", "ona",), endings=("ła",), titles=("pani",)),
    man=Gender(pronouns=("niego", "jego", "on",), endings=("ł",), titles=("pan",)),
)

_DE = SpeechWords(
    listener_pronouns=("uns", "mir", "ihm"),  # not "ihr", also "their" ("sagte ihr Sprecher")
    head_nouns=(
        "chef", "chefin", "präsident", "präsidentin", "vorsitzende", "vorsitzender", "generalsekretär",
        "generalsekretärin", "minister", "ministerin", "direktor", "direktorin", "leiter", "leiterin",
        "bürgermeister", "bürgermeisterin", "mitglied", "abgeordnete", "abgeordneter", "botschafter",
        "botschafterin",
    ),
    indefinite_articles=("ein", "eine", "einer"),
    definite_articles=("der", "die"),
    person_nouns=(
        "experte", "expertin", "politiker", "politikerin", "ökonom", "ökonomin", "wissenschaftler",
        "wissenschaftlerin", "forscher", "forscherin", "aktivist", "aktivistin", "journalist", "journalistin", "autor", "autorin",
        "diplomat", "diplomatin", "historiker", "historikerin", "analyst", "analystin", "arzt",
        "ärztin", "virologe", "virologin", "abgeordnete", "kommentator", "unternehmer",
        "unternehmerin", "mann", "frau", "soldat", "soldatin", "zeuge", "zeugin",
    ),
    scare_words=("sogenannt", "so genannt", "sog.", "selbsternannt", "angeblich"),
    question_labels=("Frage",),
    answer_labels=("Antwort",),
    interview_words=("interview", "gespräch"),
    verbs=(
        "sagte", "sagten", "sagt", "gesagt", "erklärte", "erklärten", "erklärt", "betonte", "betonten",
        "betont", "warnte", "warnten", "warnt", "gewarnt", "meinte", "meint", "unterstrich",
        "unterstreicht", "bekräftigte", "bekräftigt", "versicherte", "versichert", "behauptete",
        "behauptet", "kritisierte", "kritisiert", "schrieb", "schreibt", "geschrieben", "ergänzte",
        "ergänzt", "erläuterte", "erläutert", "bestätigte", "bestätigt", "mahnte", "fügte", "teilte",
        "mitgeteilt", "räumte", "hieß es", "heißt es", "fragte", "fragt", "antwortete", "beklagte",
        # the present of separable verbs, whose particle follows ("räumt X ein"), but "teilt"
        # only with it ("teilt sie gern": shares them), and calls ("riefen: „...“")
        "teilt mit", "räumt", "fügt", "rief", "riefen", "ruft",
        "schilderte", "verwies", "beteuerte", "argumentierte", "berichtete", "berichteten", "berichtet",
        "bemerkte", "bemerkten", "kommentierte", "kommentierten", "kommentiert", "resümierte",
        # separable verbs at the end of a clause join their particle: "Wie X mitteilte, ..."
        "mitteilte", "mitteilten", "hinzufügte", "einräumte", "ankündigte", "ankündigten", "feststellte",
        "hinwies",
        "konterte", "entgegnete", "stellte klar",
        # the present, as news tells a statement ("argumentiert der Ingenieur")
        "argumentiert", "mahnt", "appelliert", "appellierte", "schildert", "beteuert", "bemerkt",
        "resümiert", "äußert sich", "äußerte sich",
    ),
    colon_leads=("weiter",),
    that=("dass", "daß"),
    reflexive_verbs=("erklärt sich", "erklärte sich", "erklärten sich"),
    # "sahen sich bestätigt", "fühlt sich bestätigt" (feel vindicated): a participle after
    # "sich" reports nothing
    noun_markers=("sich",),
    naming=("sprach von", "sprachen von", "spricht von", "sprechen von", "nannte", "nannten"),
    naming_as=("bezeichnete", "bezeichneten", "bezeichnet", "verurteilte", "verurteilten", "kritisierte"),
    naming_as_words=("als",),
    pronouns=("er", "sie"),
    group_pronouns=("es", "wir", "ihr", "ich"),
    possessives=("ihm",),  # as an object: "ihm zufolge"
    connectives=("und", "aber", "sondern", "der", "die", "das", "welcher", "welche"),
    contrasts=("aber", "doch", "während"),
    # "sagte das Treffen ab": "absagen" cancels, it reports nothing
    gap_stops=("und", "aber", "oder", "sondern", "ab"),
    negations=("nicht", "nie", "nichts", "kein", "keine"),
    subjunctives=(
        "sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "gebe", "stehe",
        "liege", "komme", "gehe", "bleibe", "wisse",
        # the Konjunktiv II where the first is like the indicative ("sie hätten", not "haben")
        "hätte", "hätten", "wäre", "wären", "würde", "würden",
        # ... and of strong verbs, whose umlaut sets it apart; not the modals' ("könnte"),
        # which the author's own conjectures use as often
        "sähe", "sähen", "gäbe", "gäben", "käme", "kämen", "läge", "lägen", "stünde", "stünden",
        "wüsste", "wüssten",
    ),
    subjunctive_not_after=("ich",),
    object_articles=("dem", "den", "einem", "einer"),
    subject_articles=("der", "die", "das", "ein", "eine"),
    verb_second_openers=(
        "daraufhin", "dann", "danach", "heute", "gestern", "zudem", "außerdem", "später", "damals",
        "inzwischen", "nun", "jetzt", "dazu", "sinngemäß", "zuvor", "bereits", "ebenso", "ebenfalls",
        "gleichzeitig", "zugleich", "allerdings", "jedoch", "deshalb", "deswegen", "schließlich",
        "anschließend", "kürzlich", "zuletzt", "erst", "schon", "auch", "weiter", "ferner",
        "im", "am", "in", "nach", "bei", "beim", "auf", "vor", "seit", "während", "gegenüber", "zum",
        "zur", "mit", "unter", "über", "vom", "von", "aus", "angesichts", "wegen", "trotz", "zu",
        "hierzu", "dabei", "darüber", "so", "beispielsweise", "etwa", "daher", "dennoch", "trotzdem",
        "zunächst",
    ),
    # not "von", "für": a title's own ("ein Sprecher von X", "der Minister für Wirtschaft")
    prepositions=(
        "am", "im", "in", "an", "auf", "bei", "beim", "mit", "nach", "vor", "zu", "zum", "zur",
        "gegenüber", "während", "über", "unter", "aus", "gegen", "seit", "vorm",
    ),
    subordinators=(
        "weil", "wenn", "ob", "obwohl", "nachdem", "bevor", "damit", "als", "während", "falls",
        "sofern", "da", "wo", "wie", "bis", "seit", "seitdem", "indem", "sodass",
    ),
    passives=("wurde", "wurden", "worden"),
    adverbs_before_verb=(
        "sofort", "bereits", "schon", "erneut", "wiederholt", "mehrfach", "zuvor", "darüber", "dazu",
        "ebenfalls", "öffentlich", "ausdrücklich", "zudem", "außerdem", "noch", "damals",
    ),
    split_auxiliaries=(
        "hat", "haben", "hatte", "hatten", "habe", "hätte", "hätten", "wird", "werden", "würde",
        "würden", "will", "soll", "muss", "müsse", "kann", "könne", "könnte", "könnten",
    ),
    adding=("und fügte hinzu", "und betonte"),
    document_leads=("gemäß",),
    compounds=True,
    pronoun_leads=("seinen Worten zufolge", "seiner Ansicht nach", "nach seinen Worten"),
    according=("laut", "nach Angaben", "nach Worten", "gemäß"),
    according_after=("so",),
    according_postpositions=("zufolge",),
    as_words=("wie",),
    documents=(
        "Bericht*", "Erklärung*", "Dokument*", "Mitteilung*", "Studie*", "Angaben", "Daten",
        "Untersuchung*", "Analyse*", "Papier*", "Protokoll*", "Stellungnahme*", "Gutachten*", "Umfrage*",
        "Meldung*", "Schreiben", "Brief*",
        "Artikel*", "Urteil*",
    ),
    impersonal=("hieß es", "heißt es"),
    source_comma=False,
    genitive_links=("der", "des"),
    as_without_speaker=("bereits", "schon", "wurde", "worden", "ist", "war", "oben"),
    as_verbs=("berichtete", "berichtet", "meldete", "meldet"),
    speaker_leads=("nach Worten",),
    woman=Gender(pronouns=("sie",), titles=("Frau",)),
    man=Gender(pronouns=("ihm", "seinen", "seiner", "er",), titles=("Herr", "Herrn")),
)

_FR = SpeechWords(
    not_sources=("laquelle", "lequel", "lesquels", "lesquelles", "toute vraisemblance", "toute probabilité", "toute apparence"),
    head_nouns=("président", "présidente", "chef", "cheffe", "dirigeant", "dirigeante", "secrétaire", "ministre", "directeur", "directrice", "maire", "gouverneur", "membre", "député", "députée", "sénateur", "sénatrice", "élu", "élue"),
    indefinite_articles=("un", "une"),
    definite_articles=("le", "la", "l'", "l’"),
    person_nouns=(
        "expert", "experte", "politologue", "économiste", "chercheur", "chercheuse", "militant", "militante", "journaliste", "auteur", "autrice", "diplomate",
        "historien", "historienne", "analyste", "médecin", "élu", "élue", "spécialiste",
        "essayiste", "philosophe", "sociologue", "politicien", "politicienne",
    ),
    clitics=("le", "la", "les", "l", "lui", "leur", "en", "y"),
    object_pronouns=(("nous", "ons"), ("vous", "ez")),
    # "se résume à", "qui se dit expert", "se demande si": a reflexive verb reports nothing
    noun_markers=("se",),
    scare_words=("soi-disant", "prétendu", "autoproclamé"),
    question_labels=("Question",),
    answer_labels=("Réponse",),
    interview_words=("entretien", "interview"),
    verbs=(
        # Participles (with an auxiliary: "a déclaré"), presents, and the passé simple.
        "déclaré", "affirmé", "dit", "indiqué", "souligné", "ajouté", "expliqué", "précisé", "estimé",
        "averti", "assuré", "rappelé", "annoncé", "insisté", "jugé", "répondu", "écrit", "confié",
        "martelé", "prévenu", "reconnu", "commenté", "confirmé", "noté", "déclare", "affirme", "indique",
        "souligne", "ajoute", "explique", "précise", "estime", "assure", "rappelle", "insiste",
        "répond", "écrit", "confie", "martèle", "note", "confirme", "déclarent", "affirment", "disent",
        "estiment", "déclara", "affirma", "ajouta", "expliqua", "précisa", "répondit", "assura",
        "lancé", "demandé", "dénoncé", "déploré", "regretté", "poursuivi", "conclu", "fustigé", "tweeté",
        "raconté", "résumé", "ironisé", "lance", "demande", "dénonce", "déplore", "poursuit", "conclut",
        "raconte", "prévient", "résume", "ironise", "calcule",
        # the imperfect, which tells a speech of the past ("Il ajoutait : « ... »")
        "déclarait", "affirmait", "disait", "indiquait", "soulignait", "ajoutait", "expliquait",
        "précisait", "estimait", "assurait", "rappelait", "annonçait", "répondait", "déclaraient",
        "affirmaient", "disaient", "proclamé",
    ),
    that=("que", "qu'"),
    naming=("parlé de", "parlé d'un", "parlé d'une", "parle de", "parle d'un", "parle d'une"),
    naming_as=("qualifié", "qualifie", "qualifient", "qualifiait", "traité", "traite", "taxé"),
    naming_as_words=("de", "d'"),
    pronouns=("il", "elle"),
    group_pronouns=("eux", "ils", "elles", "nous", "vous", "je", "on", "cela", "ça"),
    possessives=("lui",),  # as an object: "selon lui"
    connectives=("et", "mais", "qui", "dont", "lequel", "laquelle"),
    contrasts=("mais", "tandis que", "alors que"),
    gap_stops=("et", "mais", "ou"),
    negations=("ne", "pas", "jamais", "rien"),
    passives=("été",),
    adding=("ajoutant", "et a ajouté"),
    # not "de", which titles hold ("le directeur de l'Institut")
    prepositions=(
        "lors", "à", "au", "aux", "pendant", "devant", "dans", "sur", "après", "avant", "avec", "pour",
        "par", "chez", "en",
    ),
    participles=(
        "ajoutant", "soulignant", "estimant", "affirmant", "expliquant", "précisant", "rappelant",
        "fustigeant", "dénonçant", "avertissant", "assurant", "déclarant", "insistant",
    ),
    according=("selon", "d'après"),
    as_words=("comme",),
    documents=(
        "rapport", "rapports", "communiqué*", "document*", "déclaration*", "étude*", "données", "enquête*",
        "texte*", "bilan*", "chiffres", "sondage*", "analyse*", "note", "notes", "dossier*", "lettre*",
        "article*", "arrêt", "jugement*",
    ),
    auxiliaries=(
        "a", "ont", "avait", "avaient", "l'a", "l'ont", "l'avait", "l'", "s'est", "s'était", "se sont",
        "a-t-il", "a-t-elle", "ont-ils", "ont-elles",
    ),
    as_without_speaker=("déjà", "été", "est", "était"),
    as_verbs=("rapporte", "rapporté", "écrivait", "relève", "relevé"),
    woman=Gender(pronouns=("elle",), titles=("Mme", "Madame")),
    man=Gender(pronouns=("lui", "il",), titles=("M.", "Monsieur")),
)

_IT = SpeechWords(
    gerund_endings=("ando", "endo"),
    subject_articles=("il", "lo", "la", "i", "gli", "le", "un", "uno", "una"),
    # not "di", which opens what was said ("ha detto di non sapere"), nor a title's ("ministro di")
    prepositions=(
        "a", "al", "allo", "alla", "ai", "agli", "alle", "in", "nel", "nello", "nella", "nei", "negli",
        "nelle", "durante", "dopo", "prima", "con", "per", "su", "sul", "sullo", "sulla", "davanti", "presso",
        "tra", "fra",
    ),
    impersonal_particles=("si",),
    not_sources=("cui", "la quale", "il quale", "le quali", "i quali", "ogni probabilità"),
    head_nouns=("presidente", "presidentessa", "capo", "leader", "segretario", "segretaria", "ministro", "ministra", "direttore", "direttrice", "sindaco", "governatore", "esponente", "membro", "deputato", "deputata", "senatore", "senatrice", "dirigente"),
    indefinite_articles=("un", "uno", "una"),
    definite_articles=("il", "la", "lo", "l'", "l’"),
    person_nouns=(
        "esperto", "esperta", "politologo", "politologa", "economista", "ricercatore",
        "ricercatrice", "attivista", "giornalista", "autore", "autrice",
        "diplomatico", "storico", "storica", "analista", "medico", "virologo", "virologa",
        "scienziato", "scienziata", "specialista", "politico", "sociologo", "sociologa", "filosofo",
    ),
    clitics=("lo", "la", "li", "le", "l", "gli", "ne", "ci"),
    # "la replica", "una denuncia", "la dice lunga" (speaks volumes); not "le", which is also
    # "to her" ("le dice che"), nor "sua" ("ha per parte sua affermato")
    # and "è", the auxiliary of a verb that reports nothing ("il vertice si è concluso": ended)
    noun_markers=("la", "una", "della", "alla", "dalla", "nella", "sulla", "questa", "quella", "a", "è"),
    scare_words=("cosiddett", "sedicent", "presunt", "autoproclamat"),
    question_labels=("Domanda",),
    answer_labels=("Risposta",),
    interview_words=("intervist",),
    verbs=(
        "detto", "dichiarato", "affermato", "sottolineato", "aggiunto", "spiegato", "precisato", "ribadito",
        "avvertito", "annunciato", "scritto", "commentato", "osservato", "ricordato", "assicurato",
        "evidenziato", "riferito", "sostenuto", "confermato", "dice", "dicono", "afferma", "dichiara",
        "sottolinea", "spiega", "aggiunge", "precisa", "ribadisce", "avverte", "sostiene", "osserva",
        "ricorda", "assicura", "conferma", "disse", "dichiarò", "affermò", "aggiunse", "spiegò",
        "sottolineò", "annuncia", "annunciò", "chiesto", "chiede", "attacca", "denuncia", "denunciato",
        "incalza", "conclude", "concluso", "prosegue", "proseguito", "ammette", "chiarito",
        "chiarisce", "replicato", "replica", "scrive", "racconta", "raccontato", "insiste", "insistito",
        "commenta", "evidenzia", "rileva",
        # the plural, for authors, experts and parties
        "affermano", "dichiarano", "sottolineano", "spiegano", "aggiungono", "precisano", "sostengono",
        "osservano", "ricordano", "concludono", "scrivono", "raccontano", "avvertono", "confermano",
        "denunciano", "commentano",
    ),
    that=("che",),
    naming=("parlato di", "parla di", "definito", "definita", "definiti", "definisce", "definiscono", "bollato", "bollata"),
    pronouns=("lui", "lei", "egli"),
    group_pronouns=("loro", "essi", "esse", "noi", "voi", "io"),
    connectives=("e", "ed", "ma", "che"),
    contrasts=("ma", "mentre"),
    gap_stops=("e", "ed", "ma", "o", "oppure"),
    negations=("non", "mai", "nulla", "niente"),
    # and "va" of "va detto" (it must be said): said by no one
    passives=("stato", "stata", "stati", "state", "va"),
    adding=("aggiungendo", "sottolineando"),
    participles=(
        "avvertendo", "aggiungendo", "sottolineando", "spiegando", "affermando", "dichiarando",
        "ricordando", "precisando", "osservando", "denunciando",
    ),
    document_leads=("in base a",),
    pronoun_leads=("a suo dire", "a suo avviso", "a loro dire", "a loro avviso"),
    # "-mente" adverbs between a subject and its verb ("ha successivamente aggiunto")
    adverb_endings=("mente",),
    according=("secondo", "stando a", "a detta di", "in base a"),
    relayers=("riporta", "riferisce"),
    as_words=("come",),
    documents=(
        "rapporto", "rapporti", "documento", "documenti", "comunicat*", "dichiarazion*", "dati", "studio",
        "studi", "relazion*", "nota", "note", "indagin*", "sondaggi*", "analisi", "dossier", "verbale",
        "articolo", "articoli", "sentenza", "sentenze", "messaggio", "messaggi",
    ),
    auxiliaries=("ha", "hanno", "aveva", "avevano"),
    # "ha poi evidenziato", "ha inoltre aggiunto": between the auxiliary and the participle too
    adverbs_before_verb=(
        "poi", "anche", "inoltre", "invece", "infatti", "ancora", "pure", "già", "quindi", "subito", "sempre",
        # when ("Come riporta oggi Skytg24")
        "oggi", "ieri", "stamane", "stamattina", "stasera",
    ),
    drops_subject=True,
    plural_verb_endings=("ano", "ono"),
    as_without_speaker=("già", "stato", "è", "era", "abbiamo", "ho", "avevamo", "avevo"),
    as_verbs=("riferisce", "riferito", "scrive", "riporta", "riportato"),
    speaker_leads=("a detta di",),
    previous_leads=("lo",),
    woman=Gender(pronouns=("lei",), titles=("signora",)),
    man=Gender(pronouns=("lui", "egli"), titles=("signor", "signore")),
)

_ES = SpeechWords(
    gerund_endings=("ando", "iendo", "yendo"),
    subject_articles=("el", "la", "los", "las", "un", "una"),
    # not "de", which opens what was said ("dijo de ...") and titles ("el ministro de")
    prepositions=(
        "en", "a", "al", "ante", "durante", "tras", "con", "para", "por", "desde", "hasta", "entre",
    ),
    impersonal_particles=("se",),
    not_sources=("la cual", "el cual", "las cuales", "los cuales", "lo cual"),
    head_nouns=("presidente", "presidenta", "jefe", "jefa", "líder", "secretario", "secretaria", "ministro", "ministra", "director", "directora", "alcalde", "alcaldesa", "gobernador", "miembro", "diputado", "diputada", "senador", "senadora", "dirigente"),
    indefinite_articles=("un", "una"),
    definite_articles=("el", "la"),
    person_nouns=(
        "experto", "experta", "politólogo", "politóloga", "economista", "investigador",
        "investigadora", "activista", "periodista", "autor", "autora",
        "diplomático", "diplomática", "historiador", "historiadora", "analista", "médico", "médica",
        "especialista", "científico", "científica", "sociólogo", "socióloga",
    ),
    clitics=("lo", "la", "los", "las", "le", "les", "se"),
    adverbs_before_verb=("también", "ya", "además", "ayer", "hoy", "luego", "después"),
    scare_words=("supuest", "autoproclamad", "presunt"),
    question_labels=("Pregunta",),
    answer_labels=("Respuesta",),
    interview_words=("entrevist",),
    verbs=(
        "dijo", "dijeron", "declaró", "declararon", "afirmó", "afirmaron", "aseguró", "aseguraron",
        "señaló", "señalaron", "explicó", "explicaron", "añadió", "agregó", "subrayó", "destacó",
        "advirtió", "advirtieron", "indicó", "sostuvo", "manifestó", "insistió", "recordó", "apuntó",
        "precisó", "reconoció", "escribió", "comentó", "anunció", "expresó", "dice", "dicen", "afirma",
        "asegura", "señala", "explica", "añade", "advierte", "sostiene", "dicho", "declarado", "afirmado",
        "asegurado", "señalado", "explicado", "añadido", "subrayado", "advertido", "indicado",
    ),
    that=("que",),
    naming=("habló de", "hablaron de", "habla de",),
    naming_as=("calificó", "calificaron", "califica", "tachó", "tacharon", "tildó", "tildaron"),
    naming_as_words=("de", "como"),
    pronouns=("él", "ella"),
    group_pronouns=("ellos", "ellas", "nosotros", "nosotras", "vosotros", "ustedes", "yo"),
    connectives=("y", "e", "pero", "que", "quien", "quienes"),
    contrasts=("pero", "mientras que"),
    gap_stops=("y", "e", "pero", "o", "u"),
    negations=("no", "nunca", "nada"),
    passives=("sido", "fue", "fueron"),
    adding=("añadiendo", "agregando", "subrayando"),
    participles=(
        "añadiendo", "agregando", "señalando", "afirmando", "asegurando", "explicando", "advirtiendo",
        "subrayando",
    ),
    document_leads=("conforme a",),
    pronoun_leads=("a su juicio", "en su opinión"),
    # "-mente" adverbs between a subject and its verb ("ha successivamente aggiunto")
    adverb_endings=("mente",),
    according=("según", "de acuerdo con", "en palabras de", "conforme a"),
    as_words=("como",),
    documents=(
        "informe*", "documento*", "comunicado*", "declaración", "declaraciones", "datos", "estudio*",
        "encuesta*", "análisis", "nota", "notas", "reporte*", "investigación", "carta*",
        "artículo*", "sentencia*", "fallo",
    ),
    auxiliaries=("ha", "han", "había", "habían"),
    drops_subject=True,
    plural_verb_endings=("an", "en", "ron"),
    as_without_speaker=("ya", "sido", "se", "fue", "es", "hemos", "he", "habíamos", "había"),
    as_verbs=("informó", "informa", "publicó", "publica", "escribe"),
    speaker_leads=("en palabras de",),
    previous_leads=("así lo", "lo"),
    woman=Gender(pronouns=("ella",), titles=("Sra.", "señora")),
    man=Gender(pronouns=("él",), titles=("Sr.", "señor")),
)

_PT = SpeechWords(
    gerund_endings=("ando", "endo", "indo"),
    participle_endings=("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"),
    noun_before_that=("de",),
    relayers=("informou", "noticiou"),
    subject_articles=("o", "a", "os", "as", "um", "uma"),
    # "o alerta", "um apelo", "sinal de alerta": a noun there; not "a", also a preposition and a clitic
    noun_markers=("o", "um", "do", "no", "ao", "pelo", "este", "esse", "novo", "seu", "de"),
    # not "de", a title's ("o ministro de"), nor "a", also an article ("disse a ministra")
    prepositions=(
        "em", "no", "na", "nos", "nas", "num", "numa", "ao", "aos", "à", "às", "durante", "após", "antes",
        "com", "para", "perante", "pelo", "pela", "pelos", "pelas", "por", "desde", "até", "entre",
    ),
    not_sources=("a qual", "o qual", "as quais", "os quais"),
    head_nouns=("presidente", "chefe", "líder", "secretário", "secretária", "ministro", "ministra", "diretor", "diretora", "governador", "autarca", "membro", "deputado", "deputada", "senador", "senadora", "dirigente"),
    indefinite_articles=("um", "uma"),
    definite_articles=("o", "a"),
    person_nouns=(
        "especialista", "perito", "perita", "politólogo", "politóloga", "economista", "investigador",
        "investigadora", "ativista", "jornalista", "autor", "autora",
        "diplomata", "historiador", "historiadora", "analista", "médico", "médica", "cientista",
        "sociólogo", "socióloga", "professor", "professora", "engenheiro", "engenheira", "biólogo",
        "bióloga", "advogado", "advogada",
    ),
    clitics=("o", "a", "os", "as", "lhe", "lhes", "se"),
    adverbs_before_verb=("também", "já", "ainda", "ontem", "hoje", "depois"),
    scare_words=("supost", "autoproclamad", "pretens"),
    question_labels=("Pergunta",),
    answer_labels=("Resposta",),
    interview_words=("entrevist",),
    verbs=(
        "disse", "disseram", "afirmou", "afirmaram", "declarou", "declararam", "explicou", "acrescentou",
        "sublinhou", "destacou", "salientou", "ressaltou", "assegurou", "garantiu", "alertou", "advertiu",
        "indicou", "observou", "lembrou", "frisou", "escreveu", "comentou", "anunciou", "defendeu",
        "considerou", "diz", "dizem", "afirma", "declara", "explica", "garante", "sublinha", "alerta",
        "defende", "referiu", "referiram", "adiantou", "reiterou", "sustentou", "admitiu", "reconheceu",
        "confirmou", "revelou", "apontou", "assinalou", "insistiu", "argumentou",
        "concluiu", "reforçou", "vincou", "realçou", "enfatizou", "sugeriu", "sugere", "acusou", "acusa",
        "considera", "acrescenta", "refere", "salienta", "frisa", "sustenta",
        "alegou", "alegaram", "avisou", "alega", "argumenta", "destaca", "ressalta", "conclui", "admite",
        "observa", "adverte", "avisa", "realça", "reforça",
        # the plural of the past ("acrescentaram os signatários") and of the present
        *_past(
            "explic acrescent sublinh destac salient ressalt assegur alert indic observ lembr fris "
            "coment anunci adiant reiter sustent confirm revel apont assinal argument reforç vinc "
            "realç enfatiz acus consider",
            "aram",
        ),
        "garantiram", "advertiram", "escreveram", "defenderam", "admitiram", "reconheceram",
        "insistiram", "concluíram", "sugeriram",
        "afirmam", "declaram", "explicam", "garantem", "sublinham", "alertam", "defendem", "sugerem",
        "acusam", "consideram", "acrescentam", "referem", "salientam", "frisam", "sustentam",
        "informou", "informaram", "questionou", "questionaram", "respondeu", "responderam", "perguntou",
        "avisou", "avisaram", "avisa", "admite", "observa", "lamentou", "contou", "continuou", "prometeu",
        # the present, singular and plural, which news from Portugal tells in ("..., vinca o
        # engenheiro"); not "nota" nor "aponta", nouns as often, nor "revela" and "destaca", which
        # show as often as they say ("revela cansaço", "destaca o caso de uma ponte que")
        *_past(
            "lembr vinc reiter record ressalt realç enfatiz assegur argument confirm coment "
            "anunci adiant reforç assinal acredit ach",
            "a|am",
        ),
        "insiste", "insistem", "adverte", "advertem", "conclui", "concluem",
    ),
    perfect_participles=(
        "dito", "afirmado", "declarado", "explicado", "acrescentado", "sublinhado", "destacado",
        "salientado", "garantido", "alertado", "indicado", "frisado", "escrito", "comentado",
        "defendido", "referido", "adiantado", "reiterado", "admitido", "reconhecido", "insistido",
        "argumentado", "sugerido",
    ),
    auxiliaries=(
        "tem", "têm", "tinha", "tinham", "havia", "haviam", "terá", "teria", "tenha", "tenham", "ter", "terem",
    ),
    that=("que",),
    naming=("falou em", "falou de", "falaram em", "fala em",),
    naming_as=("classificou", "classificaram", "classifica", "qualificou", "qualificaram", "chamou", "chamaram"),
    naming_as_words=("de", "como"),
    pronouns=("ele", "ela"),
    group_pronouns=("eles", "elas", "nós", "vocês", "eu"),
    connectives=("e", "mas", "que", "quem"),
    contrasts=("mas", "enquanto"),
    gap_stops=("e", "mas", "ou"),
    negations=("não", "nunca", "nada"),
    passives=("sido", "foi", "foram"),
    adding=("acrescentando", "adicionando", "sublinhando"),
    participles=(
        "acrescentando", "afirmando", "dizendo", "explicando", "ressaltando", "destacando", "sublinhando",
    ),
    pronoun_leads=("a seu ver", "na sua opinião"),
    # "-mente" adverbs between a subject and its verb ("ha successivamente aggiunto")
    adverb_endings=("mente",),
    according=("segundo", "de acordo com", "conforme", "nas palavras de"),
    as_words=("como",),
    documents=(
        "relatório*", "documento*", "comunicado*", "declaração", "declarações", "dados", "estudo*", "nota",
        "notas", "inquérito*", "sondagem*", "análise*", "informe*", "carta*",
        "artigo*", "sentença", "acórdão", "texto", "mensagem", "mensagens",
    ),
    drops_subject=True,
    plural_verb_endings=("am", "em"),
    # "os investigadores", "as autoridades": a group, not one person named before
    plural_endings=("os", "as", "es", "ns"),
    # "Embora tenha admitido que ...": a clause before the one that names the subject
    clause_openers=("embora", "quando", "enquanto", "porque", "caso"),
    # "Como dito antes, ...": no one
    as_without_speaker=("já", "sido", "se", "foi", "é", "antes", "anteriormente", "acima"),
    as_verbs=("noticiou", "informou", "informa", "escreve", "publicou"),
    speaker_leads=("nas palavras de",),
    woman=Gender(pronouns=("ela",), titles=("Sra.", "senhora")),
    man=Gender(pronouns=("ele",), titles=("Sr.", "senhor")),
)

# fmt: on

#: Every language with speech words, by ISO 639-1 code.
SPEECH_WORDS: dict[str, SpeechWords] = {
    "en": _EN,
    "ru": _RU,
    "uk": _UK,
    "de": _DE,
    "fr": _FR,
    "it": _IT,
    "es": _ES,
    "pl": _PL,
    "pt": _PT,
    "bg": _BG,
}
