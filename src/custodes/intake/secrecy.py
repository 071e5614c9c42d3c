"""Non-disclosure: does the demand ask for secrecy, has a court ordered it, and until when."""

from __future__ import annotations

import re
from datetime import date

from custodes.intake.boxes import unticked_struck
from custodes.intake.dates import DateOrder, find_dates, period_end
from custodes.intake.layout import Layout, folds_plainly
from custodes.law.request import Nondisclosure

_I = re.IGNORECASE
# A lookahead of the first letters of a pattern's alternatives ("(?=[dfnpr])") lets the
# regex engine pass over every other place at once; it must list the first letter of any
# alternative added.
_SILENCE = re.compile(
    r"(?=[dfnpr])(\bnot|n't|\brefrain\w* from|\bnever|\bprohibit\w*|\bforbid\w*|\bprecluded from|"
    r"\bdelay\w*)\b[^.]{0,80}?"
    r"\b(disclos\w*|notif\w*|inform\w*|tell\w*|alert\w*|advis\w*|reveal\w*|intimat\w*|"
    r"apprise\w*|tip\w* off|let\b[^.]{0,40}\bknow)\b[^.]{0,160}?"
    r"\b(subscriber|account holders?|users?|customers?|targets?|obligors?|"
    r"any (?:other|third) (?:person|party)|anyone|any person|third part(?:y|ies)|the public|"
    r"existence|persons?)\b",
    _I,
)
# Whom a demand would keep uninformed.
_USER = r"(?:users?|subscribers?|account\s+holders?|customers?|targets?)"
# "the user of the account may not be intimated about this": the person first, then the ask.
_KEPT_FROM = re.compile(
    r"(?=[acdnstu])(?:"
    rf"\b{_USER}\b[^.]{{0,60}}\bnot\s+be\s+"
    r"(?:informed|notified|intimated|told|alerted|advised|made aware|apprised)\b|"
    rf"(?:\bnot|n't)\s+let\s+(?:the\s+|your\s+)?(?:{_USER}|anyone|him|her|them)\b"
    r"[^.]{0,20}\bknow\b|"
    # "Please do not contact the account or the family"
    rf"\b(?:do\s+not|don't|not\s+to)\s+contact\s+(?:the\s+|your\s+)?(?:{_USER}|account)\b)",
    _I,
)
# The secrecy of an investigation asked in the languages foreign police write in. (A legend
# of a sealed file, "SEGREDO DE JUSTIÇA", and the lifting of a confidentiality, "quebra de
# sigilo de dados", ask nothing of the provider.)
_FOREIGN = re.compile(
    r"(?=[gnrsv])(?:"
    r"n[ãa]o seja\S* (?:cientificad|comunicad|informad|notificad)|secret de l'enqu[êe]te|"
    r"\bne pas (?:porter|informer|aviser|divulguer|r[ée]v[ée]ler)\b|"
    r"\bnicht (?:zu )?(?:informieren|benachrichtigen|unterrichten)\b|verschwiegenheit|"
    r"geheimhaltung|\bno (?:informar|notificar|comunicar|divulgar)\b|\breserva de la investigaci)",
    _I,
)
_ASK_FIRST = re.compile(
    r"\bcontact\w*\b[^.]{0,60}\bbefore\s+(notifying|informing|telling|disclosing|alerting)", _I
)
_CONFIDENTIAL = re.compile(
    r"\bkeep\b[^.]{0,40}\bconfidential\b|\bnon-?disclosure (order|requirement)\b|\bgag order\b",
    _I,
)
_ORDERED = re.compile(
    # "… it is hereby" / (a blank line) / "ORDERED that …", as courts set it
    r"\bit is (?:hereby |therefore |further )*ordered\b|\bis hereby ordered\b|\bcourt orders\b|"
    r"^\W*ordered\s+that\b|\b(?:is|are)\s+(?:hereby\s+)?ordered\s+not\s+to\b|"
    r"\bthe court (?:has )?(?:ordered|directs)\b|\bpursuant to (?:18 u\.s\.c\. )?§*\s*2705\s*\(b\)|"
    r"\border(?:ed)? under (?:18 u\.s\.c\. )?§*\s*2705\s*\(b\)|\bsealing order\b",
    _I,
)
_NOT_ORDERED = re.compile(
    r"\b(has not|have not|did not|not yet|no)\b[^.]{0,40}\b(sought|obtained|order)|"
    r"\b(will|may|intends? to|would)\s+(?:seek|apply)|\bapply for an order\b|"
    r"\bwithout a court order\b|\babsent a court order\b|\bif a court\b",
    _I,
)
_UNTIL = re.compile(r"\b(?:until|through|expires? on|ending on|up to and including)\b", _I)


_COURT_ORDER = re.compile(
    r"it\s+is\s+(?:hereby\s+|therefore\s+|further\s+)*ordered(?![a-z])|so ordered(?![a-z])|"
    r"(?i:done and ordered)(?![a-z])|"
    r"ORDER(?<![A-Za-z]ORDER)[ \t]*$|the court orders(?![a-z])",
    re.MULTILINE,
)
_COMMANDED = re.compile(
    r"\b(?:shall|must|will) not\b|\bis prohibited from\b|\bare prohibited from\b"
)
_ASKED = re.compile(r"\b(?:request|ask|kindly|please|would appreciate|we would|i would)\w*", _I)


def find_nondisclosure(
    layout: Layout, issued_on: date | None, order: DateOrder | None = None
) -> Nondisclosure:
    """`order` is how the demand's country writes numeric dates (`DateOrder.of`)."""
    sentences = [s for s in layout.sentences if asks_silence_in(layout, s)]
    if not sentences:
        return Nondisclosure()
    in_an_order = bool(_COURT_ORDER.search(layout.body))
    ordered = [
        s
        for s in sentences
        if not _NOT_ORDERED.search(s)
        and (_ORDERED.search(s) or (in_an_order and _COMMANDED.search(s) and not _ASKED.search(s)))
    ]
    if not ordered:
        return Nondisclosure(present=True)
    expires_on = _end(ordered, issued_on, order)
    return Nondisclosure(present=True, court_ordered=True, expires_on=expires_on)


_SILENCE_WORDS = (
    "contact",
    "disclos",
    "notif",
    "inform",
    "tell",
    "alert",
    "advis",
    "reveal",
    "confidential",
    "gag",
    "intimat",
    "apprise",
    "tip",
    "know",
    "cientificad",
    "secret",
    "ne pas",
    "nicht",
    "verschwiegen",
    "geheim",
    "comunic",
    "divulg",
    "reserva",
)


# A requirement of secrecy that the demand says there is not: "The judge did not include a
# non-disclosure requirement", "no confidentiality obligation is imposed", "Non-disclosure
# requirement (section 8): none."
_SECRECY_NOUN = (
    r"(?:non-?disclosure|confidentiality|secrecy|gag)\s+(?:requirement|order|obligation|"
    r"provision|direction)s?|gag order"
)
_NONE_IMPOSED = re.compile(
    rf"(?=[acdginsw])(?:"
    rf"\b(?:no|not include[ds]?|did not include|does not include|without|not subject to|"
    rf"nor any)\s+(?:\w+\s+){{0,2}}?(?:{_SECRECY_NOUN})\b|"
    rf"\b(?:{_SECRECY_NOUN})\b[^.:]{{0,40}}:\s*(?:none|no|n/?a|not applicable)\b|"
    r"\bno\s+(?:obligation|duty|requirement)\s+of\s+(?:secrecy|confidentiality|non-?disclosure)|"
    r"\bnothing\s+in\s+(?:this|the)\s+\w+\s+(?:prohibits|prevents|bars|restricts|forbids)\b|"
    # "does not ask you to refrain from notifying", "does not contain a requirement that …"
    r"\b(?:does|do|did|will)\s+not\s+(?:ask|request|require)\w*\s+(?:\w+\s+){0,2}?(?:to\s+)?"
    r"(?:refrain|not\b|keep\b)|\b(?:does|do|did)\s+not\s+(?:contain|include|impose)\w*\s+"
    r"(?:a|any)\s+(?:requirement|obligation|prohibition|direction)\b|\bno such order\b|"
    # a telling allowed, where nothing after takes it back ("…, but you shall not …"): "Texas
    # law does not prohibit you from informing your customer", "You are not required to keep
    # this request confidential"
    # (the telling allowed must be to the customer: "…, which does not prohibit disclosure to
    # an attorney" allows no telling of the user)
    r"(?:\b(?:does|do|did|will|shall)\s+not\s+(?:prohibit|prevent|bar|forbid|preclude)\w*|"
    r"\b(?:is|are)\s+not\s+(?:prohibited|precluded|barred|forbidden))\s+(?:\w+\s+){0,2}?"
    r"(?:from\s+|to\s+)(?:inform|notif|tell|advis|disclos)\w*\s+(?:\w+\s+){0,2}?"
    rf"{_USER}\b(?![^.]*\b(?:but|however|except|unless|save)\b)|"
    r"\b(?:is|are)\s+not\s+required\s+to\s+keep\b(?![^.]*\b(?:but|however|except)\b))",
    _I,
)


# Any of the words, in one scan of the sentence rather than one for each word.
_SILENCE_CUE = re.compile("|".join(map(re.escape, _SILENCE_WORDS)))
# What one of the patterns that find an ask for silence needs (a "not", a "refrain", a
# "contact", …), read against the lower-cased sentence: a word of silence ("information")
# goes with none in most sentences, which then need no case-blind pattern read at all.
_SILENCE_NEEDS = re.compile(
    r"\bnot\b|n't|refrain|never|prohibit|forbid|precluded|delay|contact|confidential|"
    r"disclosure|gag order|o seja|secret de|ne pas|nicht|verschwiegenheit|"
    r"geheimhaltung|no informar|no notificar|no comunicar|no divulgar|reserva de la"
)


def asks_silence_in(layout: Layout, sentence: str) -> bool:
    """`asks_silence`, worked out once for each sentence of the text: purpose and secrecy
    both ask it of the same sentences."""
    answers = layout.remembered("asks_silence")
    if sentence not in answers:
        answers[sentence] = asks_silence(sentence)
    return answers[sentence]


def asks_silence(sentence: str) -> bool:
    sentence = unticked_struck(sentence)  # "[ ] Do not notify the subscriber" is not asked
    lowered = sentence.lower()
    if not _SILENCE_CUE.search(lowered):
        return False
    if folds_plainly(sentence) and not _SILENCE_NEEDS.search(lowered):
        return False
    if _NONE_IMPOSED.search(sentence):
        return False
    return bool(
        _SILENCE.search(sentence)
        or _ASK_FIRST.search(sentence)
        or _CONFIDENTIAL.search(sentence)
        or _KEPT_FROM.search(sentence)
        or _FOREIGN.search(sentence)
    )


def _end(sentences: list[str], issued_on: date | None, order: DateOrder | None) -> date | None:
    """The order's end: a date after "until", or a period from the order's own date."""
    for sentence in sentences:
        for match in _UNTIL.finditer(sentence):
            dates = find_dates(sentence[match.end() : match.end() + 40], order)
            if dates:
                return dates[0].value
        end = period_end(sentence, issued_on)
        if end:
            return end
    return None
