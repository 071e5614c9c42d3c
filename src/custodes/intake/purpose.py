"""The stated purpose: what the demand gives as its reason, in its own words.

It is the sentences that say why (an investigation of…, in connection with…, plaintiffs
allege…, we believe…) and the sections a demand sets aside for it (Background, Nature of
the emergency, Facts). The meaning rules in law/ read it.
"""

from __future__ import annotations

import re

from custodes.intake.layout import Layout, sentences_of

# Read against lower-cased sentences: a case-sensitive pattern is much faster.
_REASON = re.compile(
    r"\b(?:investigat\w*|in connection with|arising (?:from|out of)|alleg\w*|"
    r"charged (?:with|by)|in furtherance of|evidence of|fruits|"
    r"violations? of|suspected of|suspect\w*|for the purpose of|to identify|"
    r"we believe|believed to|offen[cs]es?|crimes?|relevant (?:to|and material)|"
    r"in danger|emergency involving|missing|threat\w*|because|claims? of|"
    r"in order to|inquiry|report(?:ed)? that|intends? to|suicid\w*|"
    r"end (?:her|his|their) (?:own )?life|welfare check|danger\w*|at risk|"
    r"harm|emergency)\b|"
    # what the account did: "the account has been organizing…", "the user posted…"
    r"\bthe (?:account|user|subscriber|page|channel|handle)\b(?: \w+){0,3}? "
    r"(?:has|have|had|is|was|were|posts?|posted|publish\w*|runs?|operat\w*|sent|shared|wrote)\b"
)
_AGENCY_NAMES = re.compile(
    r"(?:Federal )?Bureau of Investigation|(?:Criminal )?Investigations? (?:Division|Unit|Bureau|"
    r"Department)|Homeland Security Investigations|Office of (?:the )?Inspector General|"
    r"Crimes Against Children (?:squad|unit|task force)|Major Crimes Unit|Economic Crimes Unit|"
    r"Violent Crimes?",
    re.IGNORECASE,
)
_SECTIONS = re.compile(
    r"^(background|nature of the emergency|purpose|basis|facts|statement of facts|summary|"
    r"reason|why|details|circumstances|facts of the case|sachverhalt)\b",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(r"\bunder penalty\b|\bfailure to comply\b", re.IGNORECASE)
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
    for paragraph, sentences in layout.sentences_by_paragraph:
        if _in_reason_section(headings, paragraph):
            for sentence in sentences:
                chosen.setdefault(sentence, None)
            continue
        for sentence in sentences:
            # An agency's name ("Bureau of Investigation") is no reason; look again without it.
            reasons = _REASON.search(sentence.lower()) and _REASON.search(
                _AGENCY_NAMES.sub(" ", sentence).lower()
            )
            if reasons and not _BOILERPLATE.search(sentence):
                chosen.setdefault(sentence, None)
    text = " ".join(chosen)
    return text[:MAX_CHARS] or None


def _in_reason_section(headings: dict[str, str], paragraph: str) -> bool:
    first = paragraph.strip().split("\n", 1)[0].strip()
    return bool(_SECTIONS.match(first) or _SECTIONS.match(headings.get(first, "").strip()))
