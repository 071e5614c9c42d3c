"""What kind of process a demand is, and the statutes it invokes as its authority.

Each instrument is told by the marks a real one carries (the form's title, its command, the
statute that empowers it), tested in an order that puts the most specific first. A mention
in passing ("I don't have a subpoena yet", "I expect to obtain a search warrant") is not a
mark: titles are read in capitals or as the document's own words.
"""

from __future__ import annotations

import re

from custodes.intake.boxes import unticked_struck
from custodes.intake.layout import Layout, folds_plainly
from custodes.intake.patterns import OnFirstUse
from custodes.law.vocab import Instrument

_I = re.IGNORECASE

_NSL = re.compile(r"national security letter|nsl(?![a-z])(?<![a-z]nsl)")
# A letter under § 2709 is a national security letter whatever it calls itself.
_FBI = re.compile(r"(?=f)(?:federal bureau of investigation|\bfbi\b)")  # (?=f): a quick skip
_SECTION_2709 = re.compile(r"(?=[§su2])(?:(?:§+|sec(?:tion|\.)?|u\.s\.c\.?)\s*2709\b|\b2709\s*\()")
_CLOUD_ACT = re.compile(
    r"overseas production order|international production order|cloud act|"
    r"crime \(overseas production orders\) act|executive agreement"
)
_WIRETAP = re.compile(r"2518(?!\d)(?<!\d2518)|title iii|interception of (?:wire|oral|electronic)")
_PEN_REGISTER = re.compile(r"pen register|trap and trace|3123(?!\d)(?<!\d3123)")
_WARRANT_TITLE = re.compile(
    r"SEARCH AND SEIZURE WARRANT|SEARCH WARRANT|WARRANT BY TELEPHONE|"
    r"execute this warrant|this warrant|probable cause to search|AO 93",
)
# A citation's subsection ("(d)"), and those it joins to the first ("(c) and (d)",
# "(b)(1), (2)"): a citation that joins subsections names each.
_SUB = r"\([a-z0-9]{1,4}\)"
_JOINED_SUBS = rf"(?:,|and|&)\s*((?:{_SUB}\s?)+)"
_CITED_SUBS = rf"(?P<sub>(?:\s?{_SUB})*)(?P<joined>(?:\s*{_JOINED_SUBS})*)"
_ORDER_2703D = re.compile(rf"2703\s*(?:{_SUB}\s*(?:,|and|&)\s*)*\(d\)")
_ORDERED = re.compile(
    r"it is (?:hereby |therefore |further )*ordered(?![a-z])|so ordered(?![a-z])|"
    r"ORDER(?![A-Za-z])(?<![A-Za-z]ORDER)"
)
_EMERGENCY = re.compile(
    r"2702\s*\(b\)\s*\(8\)|2702\s*\(c\)\s*\(4\)|emergency (disclosure|data) request|"
    r"exigent circumstances|exigency|emergency request|emergency disclosure|"
    r"life-threatening emergency"
)
_PRESERVATION = re.compile(
    r"2703\s*\(f\)|preservation (request|letter)|request (for|to) preserv|"
    r"preserv\w+ of (records|evidence|data)"
)
_COMMAND = re.compile(
    r"you are (?:hereby )?(?:commanded|required|directed)|commanded and required|"
    r"YOU ARE (?:HEREBY )?(?:COMMANDED|REQUIRED|DIRECTED|ORDERED TO)|"
    r"SUBPOENA(?![A-Z])(?<![A-Z]SUBPOENA)|SUMMONS(?![A-Z])(?<![A-Z]SUMMONS)|subpoena no\.|"
    r"subpoena to (?:produce|testify|appear)|CIVIL INVESTIGATIVE DEMAND|"
    r"[Cc]ivil [Ii]nvestigative [Dd]emand|summoned and required",
)
_GRAND_JURY = re.compile(r"grand jury")
# Any court's rules of civil procedure, or a civil suit's parties and matters.
_CIVIL = re.compile(
    r"(?=[acdimpr])(?:civil action|civil case|civil procedure|\br\.\s*civ\.\s*p(?:ro)?\.|"
    r"civ\.\s*proc\.|rule 45|ao 88|plaintiffs?\b|marriage of|dissolution of marriage|"
    r"parent-child relationship|parenting plan|child custody|petitioner\b|"
    r"interstate depositions and discovery)"
)
# A criminal case, whose caption may still call the State "plaintiff".
_CRIMINAL = OnFirstUse(
    r"(?=[cdfpsu\d])(?:"  # the alternatives' first letters, for a quick skip (as below)
    r"criminal\W{1,5}(?:division|trial|case|action|no\.|docket)|fed\. r\. crim\. p\.|"
    r"\b(?:state|people|commonwealth|united states) (?:of [a-z ]+)?v\.? |\bdefendant's trial\b|"
    # a caption over columns: "STATE OF OREGON, ) / Plaintiff, ) / v. )"
    r"\b(?:state|people|commonwealth) of [a-z ]{3,30},?[\s)]*(?:plaintiffs?,?[\s)]*)?vs?\.\s|"
    r"\bdefendant (?:is|was|has been|stands) charged\b|"
    r"\d-?cr-?\d)"  # a criminal docket number ("26CR41177", "1:26-cr-00412")
)
_TRIAL = re.compile(
    r"criminal case|fed\. r\. crim\. p\. 17|rule 17|ao 89|trial(?![a-z])(?<![a-z]trial)"
)
_ADMINISTRATIVE = re.compile(
    r"administrative subpoena|1225\s*\(d\)|1509(?!\d)(?<!\d1509)|876(?!\d)(?<!\d876)|"
    r"3486(?!\d)(?<!\d3486)|7602(?!\d)(?<!\d7602)|internal revenue code|78u|"
    r"8 c\.f\.r\. § 287\.4|i-138|customs summons|inspector general|"
    r"department of homeland security|immigration and customs enforcement|"
    r"drug enforcement administration|civil investigative demand|57b-1|investigative subpoena|"
    r"attorney general|secret service"
)
# A statement that the demand is not, or is made without, a given process ("It is not an
# International Production Order", "without a court order", "rather than a subpoena"): what
# follows the denial, to its clause's end, is no mark of the demand's own kind. "Without" and
# "no" deny only a process named within three words ("disclosure without delay under
# 18 U.S.C. § 2702(b)(8)" denies nothing).
_PROCESS_AHEAD = (
    r"(?=(?:[a-z]+\s+){0,2}(?:orders?|warrants?|subpoenas?|process|agreement|treaty)\b)"
)
_DENIAL_WORDS = (
    r"(?=[abdinrw])(?:\b(?:is|are|was|be|been)\s+not\b|\b(?:isn't|aren't|wasn't)|"
    r"\bnot\s+(?:an?|the|made|issued|sent|served|brought|pursuant|under|by)\b|"
    r"\bdoes\s+not\s+(?:constitute|invoke|rely)|\brather\s+than\b|"
    r"\binstead\s+of\b|\bin\s+lieu\s+of\b|\bin\s+the\s+absence\s+of\b|"
    rf"\b(?:without|no)\s+{_PROCESS_AHEAD})"
    r"(?:[^.;:!?\n]|\n(?![ \t]*\n)){0,80}"
)
_CUE_WORDS = (
    r"(?=[ailnrw])(?:\bnot?\b|n't\b|\bwithout\b|\brather\b|\binstead\b|\blieu\b|\babsence\b)"
)
_DENIAL = OnFirstUse(_DENIAL_WORDS, _I)
_DENIAL_CUE = OnFirstUse(_CUE_WORDS, _I)
# The same, read against lower-cased text: a case-sensitive pattern is much faster.
_LOWER_DENIAL = re.compile(_DENIAL_WORDS)
_LOWER_DENIAL_CUE = re.compile(_CUE_WORDS)


def _without_denials(text: str) -> str:
    if not _DENIAL_CUE().search(text):
        return text
    return _DENIAL().sub(lambda denial: " " * len(denial[0]), text)


def _both_without_denials(subject: str, body: str) -> tuple[str, str]:
    """`_without_denials(body)`, and `_without_denials(subject + "\n" + body).lower()`: both
    read in one pass over the lower-cased text, where lower case reads as case-blind would.
    A denial in the subject that runs on into the body leaves the body's read apart."""
    whole = subject + "\n" + body
    if not folds_plainly(whole):
        return _without_denials(body), _without_denials(whole).lower()
    lower = whole.lower()
    if not _LOWER_DENIAL_CUE.search(lower):
        return body, lower
    start = len(subject) + 1
    spans = [m.span() for m in _LOWER_DENIAL.finditer(lower)]
    if not _LOWER_DENIAL_CUE.search(lower, start):
        own = []
    elif any(s < start <= e for s, e in spans):
        own = [m.span() for m in _LOWER_DENIAL.finditer(lower, start)]
    else:
        own = [(s, e) for s, e in spans if s >= start]
    return _blanked(body, own, start), _blanked(lower, spans, 0)


def _blanked(text: str, spans: list[tuple[int, int]], offset: int) -> str:
    """The text with each span (offset by `offset`) written over with spaces."""
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last : start - offset], " " * (end - start)]
        last = end - offset
    return "".join(pieces) + text[last:]


_ASKS_FOR_DATA = OnFirstUse(
    r"(?=[cdgilnpstw])\b(send|provide|give|share|looking for|need|want|disclose|let me know|"
    r"what you have|tell me|tell us|who owns|could you|can you|identify)\b"
)

# Read against lower-cased text, opening with a digit so the engine skips straight to digits.
_AUTHORITY = re.compile(
    r"(?P<title>\d\d?)\s*u\.?\s?s\.?\s?c\.?\s*(?:a\.\s*)?(?:§*|secs?\.|sections?)\s*"
    r"(?P<section>\d{3,4}[a-z]?)" + _CITED_SUBS
)
_SPELLED_AUTHORITY = re.compile(
    r"(?=t)title\s+(?P<title>\d{1,2}),?\s+united states code,?\s+(?:\(u\.s\.c\.\),?\s+)?"
    r"section\s+(?P<section>\d{3,4}[a-z]?)" + _CITED_SUBS,
    _I,
)
_SUBSECTION = re.compile(_SUB)
_JOINED = re.compile(_JOINED_SUBS)
# Statutes that empower a demand (as opposed to the offences it investigates).
_PROCEDURAL = {
    "8": {"1225", "1357"},
    "12": {"3405"},
    "15": {"78u", "57b-1"},
    "18": {"2702", "2703", "2705", "2709", "2518", "3123", "3486", "2713"},
    "19": {"1509"},
    "21": {"876"},
    "26": {"7602"},
    "50": {"1861", "1881a"},
}


# A covering note that says the process is attached: where none can be read, what it is
# cannot be told, and it is no informal request either.
_PROCESS_ATTACHED = OnFirstUse(
    r"(?=[acelsw])(?:\b(?=[ae])(?:attached|enclosed|accompanying)\s+(?:copy\s+of\s+(?:the\s+)?)?"
    # "Attached is the signed legal process for the account below"
    r"(?:(?:is|are)\s+(?:the|a|an|our)\s+(?:signed\s+|sealed\s+|certified\s+)?)?"
    r"(?:legal\s+process|court\s+(?:paperwork|papers|order)|subpoena|warrant|process)\b|"
    r"\b(?:legal\s+process|court\s+(?:paperwork|papers|order)|subpoena|warrant)\s+"
    r"(?:is\s+|are\s+)?(?:attached|enclosed)\b)"
)


# A word that each alternative of a mark read against lower-cased text holds: a mark is
# looked for only where one is written, and most demands write few of them.
_NEEDS = {
    _NSL: ("nsl", "national security letter"),
    _FBI: ("fbi", "federal bureau of investigation"),
    _SECTION_2709: ("2709",),
    _CLOUD_ACT: ("production order", "cloud act", "executive agreement"),
    _WIRETAP: ("2518", "title iii", "interception of "),
    _PEN_REGISTER: ("pen register", "trap and trace", "3123"),
    _ORDER_2703D: ("2703",),
    _EMERGENCY: ("2702", "emergenc", "exigen"),
    _PRESERVATION: ("2703", "preserv"),
}


def _names(lower: str, mark: re.Pattern[str]) -> bool:
    return any(word in lower for word in _NEEDS[mark]) and bool(mark.search(lower))


def classify(layout: Layout, country: str | None) -> Instrument:
    """Patterns in lower case read `lower`; those about capitals (titles) read `text`."""
    body = unticked_struck(layout.body)  # "[ ] Preservation letter" says not what it is
    text, lower = _both_without_denials(layout.headers.get("Subject", ""), body)
    if (_names(lower, _NSL) or _names(lower, _FBI)) and _names(lower, _SECTION_2709):
        return Instrument.NATIONAL_SECURITY_LETTER
    if _names(lower, _CLOUD_ACT):
        return Instrument.CLOUD_ACT_ORDER
    if country and country != "US":
        return Instrument.FOREIGN_REQUEST
    if _names(lower, _WIRETAP) and _ORDERED.search(text):
        return Instrument.WIRETAP_ORDER
    if _names(lower, _PEN_REGISTER) and _ORDERED.search(text):
        return Instrument.PEN_REGISTER_ORDER
    if _WARRANT_TITLE.search(text):
        return Instrument.SEARCH_WARRANT
    if _names(lower, _ORDER_2703D) and _ORDERED.search(text):
        return Instrument.COURT_ORDER_2703D
    commanded = _COMMAND.search(text)
    if _names(lower, _EMERGENCY) and not commanded:
        return Instrument.EMERGENCY_REQUEST
    if _names(lower, _PRESERVATION) and not re.search(r"you are (hereby )?commanded", lower):
        return Instrument.PRESERVATION_REQUEST
    if commanded:
        return _subpoena_kind(lower)
    if _PROCESS_ATTACHED().search(lower):
        return Instrument.UNKNOWN  # the process it rests on did not come, or cannot be read
    if _ASKS_FOR_DATA().search(lower):
        return Instrument.INFORMAL_REQUEST
    return Instrument.UNKNOWN


def _subpoena_kind(text: str) -> Instrument:
    if _GRAND_JURY.search(text):
        return Instrument.GRAND_JURY_SUBPOENA
    if _CIVIL.search(text) and not _CRIMINAL().search(text):
        return Instrument.CIVIL_SUBPOENA
    if _ADMINISTRATIVE.search(text):
        return Instrument.ADMINISTRATIVE_SUBPOENA
    if _TRIAL.search(text) or _CRIMINAL().search(text):
        return Instrument.TRIAL_SUBPOENA  # a subpoena in a criminal case, not a grand jury's
    return Instrument.UNKNOWN


def authorities(layout: Layout, instrument: Instrument) -> list[str]:
    """The statutes the demand invokes for itself, as '18 U.S.C. § 2703(d)'."""
    text = layout.flat_body.lower()
    found: dict[str, None] = {}
    for pattern in (_AUTHORITY, _SPELLED_AUTHORITY):
        for match in pattern.finditer(text):
            title, section = match["title"], match["section"].lower()
            if section not in _PROCEDURAL.get(title, ()):
                continue
            for sub in _subsections(match["sub"].lower(), match["joined"].lower()):
                found.setdefault(f"{title} U.S.C. § {section}{sub}", None)
    cited = {match.lastgroup for match in _RULE_CITED.finditer(text)}
    for index, (rule, _, _) in enumerate(_RULES):
        if f"rule{index}" in cited:
            found.setdefault(rule, None)
    return list(found)


def _subsections(sub: str, joined: str) -> list[str]:
    """The subsections a citation names: "(c)" and "(d)" of "(c) and (d)". A joined one
    stands beside the last of its kind ("(b)(1) and (2)" names (b)(2)), letter or digit."""
    first = _SUBSECTION.findall(sub)
    named = ["".join(first)]
    for joined_part in _JOINED.findall(joined):
        part = _SUBSECTION.findall(joined_part)
        same = [i for i, p in enumerate(first) if p[1].isdigit() == part[0][1].isdigit()]
        if same:
            named.append("".join(first[: same[-1]] + part))
    return named


_RULES = (
    ("Fed. R. Crim. P. 41", "crim", "41"),
    ("Fed. R. Crim. P. 17", "crim", "17"),
    ("Fed. R. Civ. P. 45", "civ", "45"),
)
# Each rule's citations, one group apiece, read in one pass: no citation of one can start
# where another's can or inside another's.
_RULE_CITED = re.compile(
    "(?=[fr])(?:"
    + "|".join(
        rf"(?P<rule{index}>fed\.\s*r\.\s*{kind}\.\s*p\.\s*{number}\b|rule\s+{number}\b)"
        for index, (_, kind, number) in enumerate(_RULES)
    )
    + ")"
)
