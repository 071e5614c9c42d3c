"""A structured request out of a demand's text. What cannot be told is None, never guessed."""

from __future__ import annotations

import re
from datetime import date

from custodes.intake import categories, instrument, parties, purpose, secrecy, selectors
from custodes.intake.dates import find_dates, find_ranges, first_date
from custodes.intake.layout import Layout
from custodes.law.request import DateRange, Request, Requester
from custodes.law.vocab import Instrument

_I = re.IGNORECASE
_ISSUED = re.compile(
    r"\b(?:date and time issued|date issued|issued on|issued|dated|signed on)\b\s*:?|"
    r"\b(?:so ordered|entered|signed|done)\s+(?:this|on)\b|\bDate\s*:",
    _I,
)
_RETURN = re.compile(
    r"\b(?:on or before|no later than|not later than|return date\s*:?|due (?:on|by)|"
    r"date and time\s*:|respond by|reply by|(?:to )?appear\b[^.]{0,60}?\bon\b)",
    _I,
)
# These open with literals (no leading \b) so the regex engine can skip to candidates.
_SIGNATURE_MARK = re.compile(
    r"/s/[ \t]*\S|s/(?<![\w/]s/)[ \t]*[A-Z]|\(signed\)|\[signed\]|digitally signed|"
    r"electronically signed|signature on file|signed:[ \t]*\S",
    _I,
)
_SIGNATURE_LINE = re.compile(r"signature|so ordered|issued by|______|judge[^\n]*sign", _I)
# Read against the lower-cased body; it opens with its words, not a \b, to be quick.
_POPULATION = re.compile(
    r"(?:all|every|any)\s+(?:users?|accounts?|persons?|people|individuals|subscribers|"
    r"customers|members|devices)\s+(?:who|that|which|whose)\s+"
    r"(?:used|posted|searched|visited|liked|followed|joined|shared|viewed|commented|attended|"
    r"accessed|logged|mentioned|interacted|were located|was located|were present|belong|"
    r"are members|have|had|created|uploaded|tagged|used the)\b[^.;\n]{0,120}|"
    r"geofence\b[^.;\n]{0,120}|tower dump\b[^.;\n]{0,120}|"
    r"(?:keyword|hashtag)\s+(?:search|warrant|#)[^.;\n]{0,120}"
)


def extract_request(text: str, source_kind: str = "text") -> Request:
    """`source_kind` is 'pdf' where a signature may be an image the text cannot show."""
    layout = Layout.of(text)
    target_lines = selectors.target_lines(layout)
    found = parties.find_parties(layout, target_lines)
    country = parties.find_country(layout, found.requester.email)
    region = country if country and country.isalpha() else "US"
    requester = parties.with_phone(layout, found.requester, region)
    kind = instrument.classify(layout, country)
    issued_on = _issued_on(layout)
    excluded = _own_contacts(layout, found, requester, region, target_lines)
    return Request(
        instrument=kind,
        authority=tuple(instrument.authorities(layout, kind)),
        agency=None if kind is Instrument.CIVIL_SUBPOENA else found.agency,
        country=country,
        addressed_to=found.addressed_to,
        requester=requester,
        issued_on=issued_on,
        return_by=_return_by(layout, issued_on),
        signed=_signed(layout, source_kind),
        selectors=tuple(selectors.extract_selectors(layout, region, excluded, target_lines)),
        categories=tuple(categories.extract_categories(layout)),
        date_range=_date_range(layout),
        nondisclosure=secrecy.find_nondisclosure(layout, issued_on),
        emergency=kind is Instrument.EMERGENCY_REQUEST,
        purpose=purpose.extract_purpose(layout),
        population=_population(layout),
    )


def _own_contacts(
    layout: Layout,
    found: parties.Parties,
    requester: Requester,
    region: str,
    target_lines: set[int],
) -> set[str]:
    """The requester's and the provider's addresses and numbers, which are never targets."""
    own = set(found.provider_emails)
    for name in ("From", "Cc", "Reply-To"):
        own.update(m.group(0).lower() for m in selectors.emails_in(layout.headers.get(name, "")))
    own.update(value for value in (requester.email, requester.phone) if value)
    for line in layout.lines:
        if line.number not in target_lines:
            own.update(m.group(0).lower() for m in selectors.emails_in(line.text))
            own.update(selectors.phones_in(line.text, region))
    return own


def _issued_on(layout: Layout) -> date | None:
    for line in layout.lines:
        for match in _ISSUED.finditer(line.text):
            value = first_date(line.text[match.end() : match.end() + 100])
            if value:
                return value
    for line in layout.lines[:25]:
        dates = find_dates(line.stripped)
        if dates and dates[-1].end == len(line.stripped) and len(line.stripped) < 45:
            return dates[-1].value
    header = layout.headers.get("Date") or layout.headers.get("Sent")
    return first_date(header) if header else None


def _return_by(layout: Layout, issued_on: date | None) -> date | None:
    """The first date after a return cue, on its line or the two after (forms put the date
    below "Date and Time:")."""
    for match in _RETURN.finditer(layout.body):
        index = layout.line_at(match.start())
        following = " ".join(n.text for n in layout.lines[index + 1 : index + 3])
        line = layout.lines[index]
        start = match.end() - layout.line_starts[index]
        window = line.text[start:] + " " + following
        dates = [d.value for d in find_dates(window[:200])]
        later = [d for d in dates if issued_on is None or d >= issued_on]
        if later:
            return later[0]
    return None


def _signed(layout: Layout, source_kind: str) -> bool | None:
    if "/s/" in layout.body or _SIGNATURE_MARK.search(layout.body):
        return True
    if source_kind == "pdf":
        return None  # a signature may be an image the text layer does not show
    return False if _SIGNATURE_LINE.search(layout.body) else None


def _date_range(layout: Layout) -> DateRange | None:
    spans = find_ranges(layout.body)
    if not spans:
        return None
    for span in spans:
        before = layout.body[max(0, span.position - 120) : span.position].lower()
        if re.search(r"period|time frame|timeframe|date range|from|between|zeitraum", before):
            return DateRange(span.start, span.end)
    return DateRange(spans[0].start, spans[0].end)


def _population(layout: Layout) -> str | None:
    text = " ".join(layout.body.split())
    for match in _POPULATION.finditer(text.lower()):
        if match.start() == 0 or not text[match.start() - 1].isalnum():
            return text[match.start() : match.end()].strip()
    return None
