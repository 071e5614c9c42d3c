"""The stated purpose: what the demand gives as its reason, in its own words.

It is the sentences that say why (an investigation of…, in connection with…, plaintiffs
allege…, we believe…) and the sections a demand sets aside for it (Background, Nature of
the emergency, Facts). The meaning rules in law/ read it.
"""

from __future__ import annotations

import re

from custodes.intake.layout import Layout, sentences_of

_REASON = re.compile(
    r"\binvestigat\w*|\bin connection with\b|\barising (?:from|out of)\b|\balleg\w*|"
    r"\bcharged (?:with|by)\b|\bin furtherance of\b|\bevidence of\b|\bfruits\b|"
    r"\bviolations? of\b|\bsuspected of\b|\bsuspect\w*\b|\bfor the purpose of\b|\bto identify\b|"
    r"\bwe believe\b|\bbelieved to\b|\boffen[cs]es?\b|\bcrimes?\b|\brelevant (?:to|and material)\b|"
    r"\bin danger\b|\bemergency involving\b|\bmissing\b|\bthreat\w*\b|\bbecause\b|\bclaims? of\b|"
    r"\bin order to\b|\binquiry\b|\breport(?:ed)? that\b|\bintends? to\b|\bsuicid\w*|"
    r"\bend (?:her|his|their) (?:own )?life\b|\bwelfare check\b|\bdanger\w*|\bat risk\b|"
    r"\bharm\b|\bemergency\b",
    re.IGNORECASE,
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


def extract_purpose(layout: Layout) -> str | None:
    chosen: dict[str, None] = {}
    headings = {}
    for line in layout.lines:
        headings.setdefault(line.stripped, line.heading)
    for paragraph in layout.paragraphs:
        if _in_reason_section(headings, paragraph):
            for sentence in sentences_of(paragraph):
                chosen.setdefault(sentence, None)
            continue
        for sentence in sentences_of(paragraph):
            reasons = _REASON.search(_AGENCY_NAMES.sub(" ", sentence))
            if reasons and not _BOILERPLATE.search(sentence):
                chosen.setdefault(sentence, None)
    text = " ".join(chosen)
    return text[:MAX_CHARS] or None


def _in_reason_section(headings: dict[str, str], paragraph: str) -> bool:
    first = paragraph.strip().split("\n", 1)[0].strip()
    return bool(_SECTIONS.match(first) or _SECTIONS.match(headings.get(first, "").strip()))
