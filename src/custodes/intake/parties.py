"""Who sent the demand, to whom, for which agency, and from which country."""

from __future__ import annotations

import re
from dataclasses import dataclass

from custodes.intake.layout import Layout
from custodes.intake.patterns import OnFirstUse
from custodes.intake.selectors import (
    EMAIL,
    LABEL,
    emails_in,
    field_labels,
    normalise_phone,
    phones_in,
    target_lines,
)
from custodes.law.domains import check_domain
from custodes.law.request import Requester

_ORG_SUFFIX = (
    r"(?:Inc\.?|Incorporated|LLC|L\.L\.C\.|Ltd\.?|Limited|Corp\.?|Corporation|GmbH|plc|PLC|"
    r"S\.A\.|B\.V\.|AG)"
)
_COMPANY = re.compile(
    rf"(?P<name>(?:[A-Z][\w&'’.-]*)(?: (?:[A-Z][\w&'’.-]*|&|of|and|de))*),? {_ORG_SUFFIX}(?![\w])"
)
# Whether a line names a company: opened with the space before the suffix, a literal the
# regex engine skips to, and the word before it looked behind for.
_SUFFIX = re.compile(rf" (?:(?<=[\w.] )|(?<=[\w.], )){_ORG_SUFFIX}(?![\w])")
_AGENT = re.compile(r"\bc/o\b|\bcare of\b|\bregistered agent\b", re.IGNORECASE)
_ADDRESSEE_CONTEXT = re.compile(
    r"^\s*(?:to|provider|recipient|attn|addressee|directed to|served on)\b\s*:?", re.IGNORECASE
)
_AGENCY = re.compile(
    r"(?P<name>(?:(?:U\.S\.|United States|Federal|State|County|City|National|Royal|"
    r"[A-Z][a-z]+'?s?)\s+)*"
    r"(?:Department of [A-Z][a-z]+(?: (?:and|of) [A-Z][a-z]+)*(?: [A-Z][a-z]+)*|"
    r"Bureau of [A-Z][\w,]+(?: (?:and )?[A-Z][\w,]+)*|"
    r"Immigration and Customs Enforcement|Customs and Border Protection|"
    r"(?:[A-Z][a-z]+ )*(?:Police Department|Police|Sheriff's Office|Sheriff’s Office|"
    r"Attorney's Office|Attorney’s Office|Inspection Service|Marshals Service|Secret Service|"
    r"Enforcement Administration|Investigation|Constabulary|Kriminalamt)|Bundeskriminalamt))"
)
_FOREIGN_NAMES = {
    "germany": "DE",
    "deutschland": "DE",
    "united kingdom": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "france": "FR",
    "canada": "CA",
    "australia": "AU",
    "new zealand": "NZ",
    "ireland": "IE",
    "brazil": "BR",
    "brasil": "BR",
    "mexico": "MX",
    "méxico": "MX",
    "spain": "ES",
    "españa": "ES",
    "italy": "IT",
    "italia": "IT",
    "netherlands": "NL",
    "belgium": "BE",
    "austria": "AT",
    "switzerland": "CH",
    "india": "IN",
    "japan": "JP",
    "poland": "PL",
    "portugal": "PT",
    "sweden": "SE",
    "norway": "NO",
    "denmark": "DK",
    "finland": "FI",
    "argentina": "AR",
    "israel": "IL",
    "turkey": "TR",
}
_US_STATES = (
    "alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|"
    "hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|"
    "michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|"
    "new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|"
    "rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|"
    "west virginia|wisconsin|wyoming|district of columbia|puerto rico"
)
# (The U.S. Code cited however it is written: "18 U.S.C. § 2702", "18 USC 2702".)
_US_MARKS = OnFirstUse(
    r"u\.\s?s\.\s?c\.|\b\d+\s+u\.?\s?s\.?\s?c\b|united states|u\.s\. |\.gov\b|district court|"
    r"department of justice|"
    r"circuit court|superior court|county of|county court|state's attorney|district attorney|"
    rf"sheriff|penal code|\bilcs\b|commonwealth of|state of (?:{_US_STATES})\b|"
    rf"\b(?:{_US_STATES})\s+state police\b"
)
_SIGNATURE_CUES = re.compile(
    r"\b(special agent|agent|detective|det\.|investigator|inv\.|inspector|officer|sgt\.?|"
    r"sergeant|trooper|deputy|attorney|ausa|counsel|prosecutor|contact|point of contact|"
    r"requested by|submitted by|presented by|issued by|name of official|kriminal\w*|"
    r"sincerely|respectfully|regards|thanks)\b",
    re.IGNORECASE,
)
_PERSON = re.compile(
    r"(?:(?:[A-Z]{2,5}|Det\.|Sgt\.|Inv\.|Lt\.|Special Agent|Detective|Investigator|Inspector|"
    r"Officer|Trooper|Deputy|Postal Inspector|Agent)\s+)?"
    r"[A-Z][a-z]+(?:\s+[A-Z]\.)*(?:\s+[A-Z][a-zA-Z'’-]+){1,2}"
)


_ADDRESSEE_LINES = 80  # the addressee stands near the top of every form and letter


@dataclass(frozen=True)
class Parties:
    requester: Requester
    addressed_to: str | None
    agency: str | None
    provider_emails: frozenset[str]


def find_parties(layout: Layout, target_lines: set[int]) -> Parties:
    """The parties; the requester's phone is found once the country is known (`with_phone`).
    `target_lines` are the lines naming targets, whose addresses are never the requester's."""
    addressed_to = _addressee(layout)
    provider_emails = _provider_emails(layout, addressed_to)
    requester = _requester(layout, provider_emails, target_lines)
    return Parties(requester, addressed_to, _agency(layout), provider_emails)


def with_phone(layout: Layout, requester: Requester, region: str) -> Requester:
    if not requester.email:
        return requester
    phone = _phone_near(layout, requester.email, region, target_lines(layout))
    return Requester(requester.name, requester.email, phone)


def _addressee(layout: Layout) -> str | None:
    candidates: list[tuple[int, str]] = []
    to_header = layout.headers.get("To", "")
    for index, line in enumerate(layout.lines[:_ADDRESSEE_LINES]):
        if not _SUFFIX.search(line.text):
            continue
        for match in _COMPANY.finditer(line.text):
            name = _clean_company(match.group(0))
            if not name or _AGENT.search(line.text, 0, match.start()):
                continue  # "… c/o its registered agent, CT Corporation System" serves, not receives
            in_context = (
                _ADDRESSEE_CONTEXT.match(line.text)
                or _attn_follows(layout, index)
                or _addressed_above(layout, index)
            )
            candidates.append((0 if in_context else 1, name))
    for match in _COMPANY.finditer(to_header):
        candidates.append((0, _clean_company(match.group(0))))
    if not candidates:
        return None
    best = min(rank for rank, _ in candidates)
    ranked = [name for rank, name in candidates if rank == best and name]
    return max(ranked, key=ranked.count) if ranked else None


def _attn_follows(layout: Layout, index: int) -> bool:
    following = " ".join(line.text for line in layout.lines[index + 1 : index + 3])
    return bool(re.search(r"\b(attn|attention|custodian of records)\b", following, re.I))


def _addressed_above(layout: Layout, index: int) -> bool:
    """ "TO: Custodian of Records" on the line above the company's name."""
    above = layout.lines[index - 1].text if index else ""
    return bool(_ADDRESSEE_CONTEXT.match(above) or re.search(r"custodian of records", above, re.I))


def _clean_company(text: str) -> str | None:
    name = re.sub(r"^(?:[A-Z]+\s+)*?(?:TO|DIRECTED TO|To|Attn:?)\s+", "", text.strip())
    name = re.sub(r"^(?:Custodian of Records|Legal Department)[, ]+", "", name)
    if name.isupper():
        return None  # captions in capitals run into surrounding words; the mixed case wins
    return name.strip(" ,")


def _company_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _provider_emails(layout: Layout, addressed_to: str | None) -> frozenset[str]:
    """The provider's own addresses: the e-mail's To and those of the addressee's domain."""
    emails = {m.group(0).lower() for m in emails_in(layout.headers.get("To", ""))}
    if addressed_to:
        company = _company_key(re.sub(_ORG_SUFFIX, "", addressed_to))
        # (an address never runs over two lines: only the lines with an "@" are read)
        for match in (m for line in layout.lines for m in emails_in(line.text)):
            domain = match.group(0).rsplit("@", 1)[1].lower()
            label = _company_key(domain.rsplit(".", 1)[0])
            if label and len(label) >= 4 and (label in company or company in label):
                emails.add(match.group(0).lower())
    return frozenset(emails)


def _requester(
    layout: Layout, provider_emails: frozenset[str], target_lines: set[int]
) -> Requester:
    sender = layout.headers.get("From")
    if sender:
        match = EMAIL.search(sender)
        if match:
            name = sender[: match.start()].strip(" <\"'") or None
            return Requester(name, match.group(0).lower())
    lines = layout.lines
    candidates = []
    for index, line in enumerate(lines):
        for match in emails_in(line.text):
            email = match.group(0).lower()
            if email in provider_emails or line.number in target_lines:
                continue
            nearby = " ".join(item.text for item in lines[max(0, index - 3) : index + 1])
            cue = bool(_SIGNATURE_CUES.search(nearby))
            candidates.append((not cue, index, email))
    if not candidates:
        return Requester()
    _, index, email = min(candidates)
    name = _name_in_fields(layout, index) or _name_over_title(lines, index)
    return Requester(name or _name_near(lines, index), email)


# "Officer:", "Requesting agent:", "Name of official:": a field whose value is a person.
_PERSON_LABEL = re.compile(
    r"\b(?:officer|agent|investigator|detective|inspector|name|requested by|submitted by|"
    r"point of contact|contact|requester|requesting)\b",
    re.I,
)
_NAME_AT_END = re.compile(r"[A-ZÀ-Þ][^\W\d_]+(?:\s+[A-Z]\.)*(?:\s+[A-ZÀ-Þ][\w'’-]+){1,2}$")


def _name_in_fields(layout: Layout, index: int) -> str | None:
    """Where the e-mail is a field of a block ("Official e-mail:"), the person a field of
    the same block names ("Officer:  Criminal Investigator Ada B. Roe, Badge 12"), without
    the title before the name or what follows a comma."""
    fields = field_labels(layout)
    lines = layout.lines
    number = index
    while number in fields:
        own = LABEL.match(lines[number].text)
        if own and _PERSON_LABEL.search(own["label"]):
            value = re.split(r",|\||\s[-–]\s|\(", lines[number].text[own.end() :])[0].strip()
            match = _NAME_AT_END.search(value)
            return match.group(0) if match else None
        number -= 1
    return None


def _name_over_title(lines, index: int) -> str | None:
    """In a signature block, the name on the line above the signer's title ("Jo Roe" /
    "Detective Senior Constable")."""
    for number in range(index - 1, max(0, index - 7), -1):
        above = lines[number - 1].stripped
        named = _NAME_AT_END.fullmatch(above) and not above.isupper()  # capitals: an agency
        if named and _SIGNATURE_CUES.match(lines[number].stripped):
            return above
    return None


def _name_near(lines, index: int) -> str | None:
    for line in reversed(lines[max(0, index - 3) : index + 1]):
        text = re.sub(r"^\s*(?:/s/|s/)\s*", "", line.stripped)
        text = re.sub(
            r"^(?:Contact|Point of contact|Requested by|Submitted by|Presented by)\s*:\s*",
            "",
            text,
            flags=re.I,
        )
        match = _PERSON.match(text)
        if match and "@" not in match.group(0):
            return match.group(0).strip()
    return None


def _phone_near(layout: Layout, email: str, region: str, targets: set[int]) -> str | None:
    """The phone beside the requester's e-mail (its line and the two below), else that of the
    first contact line; never one on a line naming a target."""
    lines = [line for line in layout.lines if line.number not in targets]
    for index, line in enumerate(lines):
        if email in line.text.lower():
            for item in lines[index : index + 3]:  # each line alone: columns run together
                phones = phones_in(item.text, region, context="phone")
                if phones:
                    return phones[0]
    for line in lines:
        match = re.search(
            r"\b(?:desk|office|tel|phone|cell)\b[^\d+(]*([+(]?\d[\d\s().-]{8,}\d)", line.text, re.I
        )
        if match:
            return normalise_phone(match[1], region)
    return None


_AGENCY_WORD = re.compile(
    r"Department|Bureau|Enforcement|Protection|Police|Sheriff|Attorney|Service|Administration|"
    r"Investigation|Constabulary|Kriminalamt"
)


def _agency(layout: Layout) -> str | None:
    """The first agency named in the letterhead, else anywhere; read only on lines naming one."""
    lines = layout.lines
    for window in (lines[:12], lines[12:]):
        for line in window:
            if not _AGENCY_WORD.search(line.text):
                continue
            match = _AGENCY.search(line.text)
            if match:
                return match["name"].strip()
    return None


_FOREIGN = re.compile(r"\b(" + "|".join(map(re.escape, _FOREIGN_NAMES)) + r")\b")
_STATE_NAME = re.compile(rf"\b(?:{_US_STATES})\b")


def find_country(layout: Layout, requester_email: str | None) -> str | None:
    if requester_email:
        result = check_domain(requester_email.rsplit("@", 1)[1])
        if result.verified and result.country and len(result.country) == 2:
            return result.country
    top = layout.top(15).lower()
    foreign = _FOREIGN.search(top)
    if foreign:
        return _FOREIGN_NAMES[foreign[1]]
    if _STATE_NAME.search(top) or _US_MARKS().search(layout.body.lower()):
        return "US"
    return None
