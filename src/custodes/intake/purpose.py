"""The stated purpose: what the demand gives as its reason, in its own words.

It is the sentences that say why (an investigation of…, in connection with…, plaintiffs
allege…, we believe…) and the sections a demand sets aside for it (Background, Nature of
the emergency, Facts). The meaning rules in law/ read it.
"""

from __future__ import annotations

import re
from functools import cache

from custodes.intake import secrecy
from custodes.intake.boxes import unticked_struck
from custodes.intake.categories import unit_categories
from custodes.intake.layout import LIST_MARKER, Layout, folds_plainly, sentences_of
from custodes.law.pack import load_vocabularies
from custodes.law.terms import Vocabulary

# Read against lower-cased sentences: a case-sensitive pattern is much faster. The lookaheads
# here list the first letters of their pattern's alternatives, so that the engine passes over
# every other place at once; each must list the first letter of any alternative added.
_REASON = re.compile(
    r"(?=[abcdefhimorstvw])\b(?:"
    # "investigating", not "investigator" (a title) nor an "Investigating Grand Jury" (a name)
    r"\b(?:investigat(?:ion|ions|ing|ed|es|e)\b(?! grand jury)|inquir(?:ing|es|e)\b|"
    r"in connection with|"
    r"arising (?:from|out of)|alleg\w*|"
    r"charged (?:with|by)|in furtherance of|evidence of|fruits|"
    r"violations? of|suspected of|suspect\w*|for the purpose of|to identify|"
    r"we believe|believed to|offen[cs]es?|crimes?|relevant (?:to|and material)|"
    r"in danger|emergency involving|missing|threat\w*|because|claims? of|"
    r"in order to|inquiry|report(?:ed)? that|intends? to|suicid\w*|"
    r"end (?:her|his|their) (?:own )?life|welfare check|danger\w*|at risk|"
    r"harm|harass\w*|emergency|fugitive|convicted|order of removal|ordered \w+ removed|"
    r"wanted (?:for|on|in)|to locate|(?:will|would) be used to)\b|"
    # what the account did: "the account has been organizing…", "the user posted…", "the
    # account @x (https://…) keeps posting …"
    r"\bthe (?:account|user|subscriber|page|channel|handle)\b(?: \S+){0,3}? "
    r"(?:has|have|had|is|was|were|keeps|posts?|posted|posting|publish\w*|runs?|operat\w*|"
    r"sent|shared|wrote)\b)"
)
_AGENCY_NAMES = re.compile(
    r"(?=[bcefhimov])(?:"
    r"(?:Federal )?Bureau of Investigation|(?:Criminal )?Investigations? (?:Division|Unit|Bureau|"
    r"Department)|Homeland Security Investigations|Office of (?:the )?Inspector General|"
    r"Crimes Against Children (?:squad|unit|task force)|Major Crimes Unit|Economic Crimes Unit|"
    r"Violent Crimes?)",
    re.IGNORECASE,
)
# A word each of the names holds, looked for lower-cased first: most sentences name none.
_AGENCY_WORDS = re.compile(r"investigation|inspector general|crime")


def _may_name_agency(sentence: str, lowered: str) -> bool:
    return not folds_plainly(sentence) or bool(_AGENCY_WORDS.search(lowered))


_SECTIONS = re.compile(
    r"^(background|nature of the emergency|emergency\b(?! (?:disclosure|request|data))|purpose|"
    r"basis|facts|statement of facts|summary|findings|"
    r"reason|why|circumstances|facts of the case|sachverhalt|"
    # "Details:", "Details of the incident:", not "Details of the channel:"
    r"details(?=\s*:|\s+of\s+the\s+(?:emergency|incident|investigation|offen[cs]e|case|crime)))\b",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(r"(?=[fu])(?:\bunder penalty\b|\bfailure to comply\b)", re.IGNORECASE)


def _is_boilerplate(sentence: str) -> bool:
    # (each phrase holds letters no character outside ASCII reads as case-blind: "penalty",
    # "to comply", looked for first in the lower-cased sentence)
    lowered = sentence.lower()
    return ("penalty" in lowered or "to comply" in lowered) and bool(_BOILERPLATE.search(sentence))


MAX_CHARS = 3000


def _labelled_sections(layout: Layout) -> list[str]:
    """Text under a reason label that starts a line inside a paragraph ("Background: …")."""
    found, current = [], None
    for line in layout.lines:
        stripped = line.stripped
        if _SECTIONS.match(stripped) and re.match(r"^[A-Za-z ]+[:.]\s", stripped):
            current = [stripped]
            found.append(current)
        elif (
            current is not None and stripped and not re.match(r"^[A-Z][A-Za-z ]{1,30}:\s", stripped)
        ):
            current.append(stripped)
        else:
            current = None
    return [" ".join(section) for section in found]


def extract_purpose(layout: Layout) -> str | None:
    chosen: dict[str, None] = {}
    for section in _labelled_sections(layout):
        for sentence in sentences_of(section):
            chosen.setdefault(sentence, None)
    headings = {}
    for line in layout.lines:
        headings.setdefault(line.stripped, line.heading)
    findings = False  # inside the numbered findings of a court ("the Court FINDS:")
    for paragraph in layout.paragraphs:
        sentences = _prose_sentences(layout, paragraph)
        findings = findings and bool(_ENUMERATOR.match(paragraph))
        if findings or _in_reason_section(headings, paragraph):
            for sentence in sentences:
                chosen.setdefault(sentence, None)
            continue
        told = [s for s in sentences if not (_is_boilerplate(s) or _is_item(s))]
        # why to keep quiet, not why
        told = [s for s in told if not secrecy.asks_silence_in(layout, s)]
        reasons = [s for s in told if _gives_reason(s)]
        # A paragraph that tells what happened and why it matters is read whole.
        for sentence in told if reasons and _narrates(told) else reasons:
            chosen.setdefault(sentence, None)
        # (`_FINDS` ends its paragraph with a colon: a quick look for one first)
        findings = findings or (paragraph.rstrip().endswith(":") and bool(_FINDS.search(paragraph)))
    text = " ".join(chosen)
    return text[:MAX_CHARS] or None


def _gives_reason(sentence: str) -> bool:
    """A sentence with a word of why, or one that names an offence or a danger to life."""
    lowered = sentence.lower()
    # An agency's name ("Bureau of Investigation") is no reason; look again without it.
    if _REASON.search(lowered) and (
        not _may_name_agency(sentence, lowered)
        or _REASON.search(_AGENCY_NAMES.sub(" ", sentence).lower())
    ):
        return True
    return bool(_offences_and_dangers().pattern.search(lowered))


@cache
def _offences_and_dangers() -> Vocabulary:
    """The offences and the dangers to life as one vocabulary: only whether a sentence names
    any of them is asked, never which."""
    vocabularies = load_vocabularies()
    return Vocabulary(
        [*vocabularies["crime"]["offences"].terms, *vocabularies["emergency"]["danger"].terms]
    )


# A sentence that tells what someone did: a past tense of its own.
_PAST = re.compile(r"\b(?:was|were|had|has been|have been|\w{3,}ed)\b", re.IGNORECASE)


def _narrates(sentences: list[str]) -> bool:
    """Whether a paragraph of three sentences or more is a narrative: most of them tell."""
    telling = [s for s in sentences if _PAST.search(s)]
    return len(sentences) >= 3 and len(telling) * 2 > len(sentences)


# A requested item ("Subscriber information: all names …", "2. Login records") is what is
# asked for, not why.
_LABELLED_ITEM = re.compile(
    r"^\W*[A-Z][a-z]+(?: [a-z]+){0,2} (?:information|records|data|logs?|history):"
)


def _is_item(sentence: str) -> bool:
    """Whether a sentence is a requested item: a label of records, or a numbered line that
    opens with the records it names ("(a) basic subscriber information …"); a numbered
    paragraph that tells what happened ("2. Between 24 October and …") is a reason."""
    if _LABELLED_ITEM.match(sentence):
        return True
    numbered = LIST_MARKER.match(sentence)
    opening = " ".join(sentence[numbered.end() :].split()[:4]) if numbered else ""
    return bool(opening) and bool(unit_categories(opening.lower()))


_SIGNED = re.compile(r"(?=[/_s])(?:/s/|_{5,}|\bsignature\b)", re.IGNORECASE)  # a quick skip


def _may_sign(line: str) -> bool:
    """What `_SIGNED` needs: a slash, an underscore, or the letters of "signature" that no
    character outside ASCII reads as case-blind. Most lines have none."""
    return "/" in line or "_" in line or "atur" in line.lower()


_NO_LOWER_WORD = re.compile(r"\b(?!(?:of|and|the|for|in|on|at|to|a|an|or|by)\b)[a-z]")


def _prose_sentences(layout: Layout, paragraph: str) -> list[str]:
    """The paragraph's sentences, without the lines of a letterhead, caption, heading or
    signature block set among them: lines in capitals, lines with no word in lower case
    ("Gerald P. Haldane", "Special Agent in Charge") where short or in two columns, a
    signature and what follows it."""
    kept: list[str] = []
    signed = False
    for line in unticked_struck(paragraph).split("\n"):  # a choice not made says nothing
        stripped = line.strip()
        signed = signed or (_may_sign(stripped) and bool(_SIGNED.search(stripped)))
        mid_sentence = bool(kept) and not kept[-1].rstrip().endswith((".", ":", ";", "!", "?"))
        if signed or not stripped or not (mid_sentence or not _letterhead(stripped)):
            continue  # a line in capitals goes on only inside a sentence ("the crime of MURDER")
        kept.append(line)
    sentences = (_past_the_prompt(s) for s in layout.sentences_in("\n".join(kept)))
    return [s for s in sentences if s]


def _past_the_prompt(sentence: str) -> str:
    """A sentence without a form's instruction to whoever fills it in, which states no fact
    ("Explain the specific facts showing an imminent danger of death …"); what is written
    after an instruction's colon is the answer."""
    if not _ASKS_THE_FILLER.match(sentence):
        return sentence
    _, colon, answer = sentence.partition(":")
    return answer.strip() if colon else ""


_ASKS_THE_FILLER = re.compile(
    r"\W*(?:please\s+)?(?:describe|explain|state|summari[sz]e|set out|list|give)\s+"
    r"(?:the|your|any|all|why|how|what|when|whether|in detail|briefly|below|here)\b",
    re.IGNORECASE,
)


_FINDS = re.compile(
    r"\b(?:finds?|found|facts? (?:submitted|presented|shown))\b[^.:]{0,60}:\s*$", re.IGNORECASE
)


def _letterhead(line: str) -> bool:
    """A line of a letterhead, caption or signature: in capitals, or with no word in lower
    case and short or set in two columns."""
    if _NO_LOWER_WORD.search(line):
        return False
    return len(line) < 60 or "   " in line or not re.search(r"[a-z]", line)


_ENUMERATOR = re.compile(r"^\s*\(?(?:[IVX]{1,5}|[A-Z]|\d{1,2})[.)]\s+")


# A form's prompt before its section: "DESCRIBE THE EMERGENCY (specific facts …):".
_PROMPT = re.compile(
    r"^(?:please\s+)?(?:describe|state|explain|summari[sz]e|give|set out)\s+(?:the\s+|your\s+)?",
    re.IGNORECASE,
)


def _in_reason_section(headings: dict[str, str], paragraph: str) -> bool:
    first = paragraph.strip().split("\n", 1)[0].strip()
    return any(
        _SECTIONS.match(_PROMPT.sub("", _ENUMERATOR.sub("", title)))
        for title in (first, headings.get(first, "").strip())
    )
