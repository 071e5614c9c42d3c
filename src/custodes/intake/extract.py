"""A structured request out of a demand's text. What cannot be told is None, never guessed."""

from __future__ import annotations

import re
from datetime import date, timedelta

from custodes.intake import dates, instrument, parties, purpose, secrecy, selectors
from custodes.intake.dates import (
    DateOrder,
    find_dates,
    find_lookbacks,
    find_periods,
    find_ranges,
    first_date,
    window_days,
)
from custodes.intake.items import requested_items
from custodes.intake.layout import Layout
from custodes.intake.patterns import OnFirstUse
from custodes.law.pack import load_pack
from custodes.law.request import DateRange, Item, Request, Requester
from custodes.law.vocab import Category, Instrument

_I = re.IGNORECASE
# "Dated" only where it dates this document: at a line's start, "Dated:", "Dated this",
# never "Executive Order 12333, dated December 4, 1981".
# The lookaheads of first letters ("(?=^|\b[degist])") here let the regex engine pass over
# every other place at once: each must list the first letter of any alternative added.
_ISSUED = re.compile(
    r"(?=^|\b[degist])(?:"
    r"\b(?:date and time issued|date issued|issued on|issued|signed on)\b[ \t]*:?|"
    r"^[ \t]*dated\b[ \t]*:?|\b(?:dated|entered)[ \t]*(?::|this\b)|"
    r"\b(?:so ordered|entered|signed|done|given),?[ \t]+(?:this|on)\b|"
    r"\bdone and ordered\b|"  # "DONE AND ORDERED in Chambers at Orlando, …, on November 19"
    r"\bthis[ \t]+(?:the[ \t]+)?(?=\d{1,2}(?:st|nd|rd|th)[ \t]+day[ \t]+of\b))",
    _I | re.MULTILINE,
)
# A bare "Date:" label dates the document only where nothing says when it was issued: a
# fax cover sheet's "Date:" is the day it was sent.
_DATE_LABEL = re.compile(r"\bDate[ \t]*:", _I)
_RETURN = re.compile(
    r"(?=[abdnort])\b(?:(?:on\s+or\s+before|no\s+later\s+than|not\s+later\s+than)"
    # "on or before the date above" points to a date given elsewhere
    r"(?!\s+(?:that|the)\s+date\s+(?:above|below|shown|stated|indicated|set))|"
    r"return\s+date\s*:?|due\s+(?:on|by)|date\s+and\s+time\s*:|respond\s+by|reply\s+by|"
    # as foreign police write it: "Réponse souhaitée avant le 13/11/2026", "bis zum …"
    r"(?:avant|au plus tard)\s+le|bis\s+(?:zum|spätestens)|antes\s+del|a\s+más\s+tardar|"
    # "to appear before the Grand Jury at the Courthouse, 200 N. Kansas Avenue, … on …"
    r"(?:to\s+)?appear\b(?:[^.]|(?<=\s[A-Z])\.){0,240}?\bon\b)",
    _I,
)
# These open with literals (no leading \b) so the regex engine can skip to candidates, and
# with a lookahead of their first characters, which passes over every other place at once.
_SIGNATURE_MARK = re.compile(
    r"(?=[/s(\[de])(?:/s/[ \t]*\S|s/(?<![\w/]s/)[ \t]*[A-Z]|\(signed\)|\[signed\]|\[signature\]|"
    r"digitally signed|electronically signed|signature on file|signed:[ \t]*\S)",
    _I,
)
_SIGNATURE_LINE = re.compile(
    r"(?=[sij_])(?:signature|so ordered|issued by|______|judge[^\n]*sign)", _I
)
# Read against the lower-cased body; it opens with its words, not a \b, to be quick.
_POPULATION = re.compile(
    r"(?=[aeghkst])(?:"
    r"(?:all|every|any|each)\s+(?:[\w&-]+\s+){0,3}?(?:users?|accounts?|subscribers|customers|"
    r"members|devices?)(?:\s+or\s+(?:users?|accounts?|"
    r"devices?))?\s+(?:who|that|which|whose)\s+"
    # "any account that is registered to x@y" names an account; it reaches no class
    r"(?!(?:is|are|was|were|has been|have been)\s+(?:associated|linked|registered|identified|"
    r"listed|described|named|connected)\b)[^.;\n]{0,160}|"
    r"geofence\b[^.;\n]{0,120}|tower dump\b[^.;\n]{0,120}|"
    r"(?:keyword|hashtag)\s+(?:search|warrant|#)[^.;\n]{0,120}|"
    r"search\s+(?:queries|query records|terms)\b[^.;\n]{0,120})"
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
    order = DateOrder.of(country)
    issued_on = _issued_on(layout, order)
    excluded = _own_contacts(layout, found, requester, region, target_lines)
    items = requested_items(layout, own_names=(found.addressed_to or "", found.agency or ""))
    return Request(
        instrument=kind,
        authority=tuple(instrument.authorities(layout, kind)),
        agency=None if kind is Instrument.CIVIL_SUBPOENA else found.agency,
        country=country,
        addressed_to=found.addressed_to,
        requester=requester,
        issued_on=issued_on,
        return_by=_return_by(layout, issued_on, order),
        execute_by=_execute_by(layout, issued_on, order),
        signed=_signed(layout, source_kind, kind),
        selectors=tuple(selectors.extract_selectors(layout, region, excluded, target_lines, order)),
        categories=_categories(items, layout),
        items=tuple(items),
        date_range=_date_range(layout, order, issued_on),
        nondisclosure=secrecy.find_nondisclosure(layout, issued_on, order),
        emergency=kind is Instrument.EMERGENCY_REQUEST,
        purpose=purpose.extract_purpose(layout),
        population=_population(layout),
    )


def _categories(items: list[Item], layout: Layout) -> tuple[Category, ...]:
    """The items' categories; where no item could be read, what the asking parts name."""
    return tuple(c for c in Category if c in {item.category for item in items})


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


def _issued_on(layout: Layout, order: DateOrder | None) -> date | None:
    for cue in (_ISSUED, _DATE_LABEL):
        for match in cue.finditer(layout.body):
            index = layout.line_at(match.start())
            after = match.end() - layout.line_starts[index]
            value = first_date(layout.lines[index].text[after : after + 100], order)
            if value:
                return value
    for line in layout.lines[:25]:
        dates = find_dates(line.stripped, order)
        if dates and dates[-1].end == len(line.stripped) and len(line.stripped) < 45:
            return dates[-1].value
    header = layout.headers.get("Date") or layout.headers.get("Sent")
    return first_date(header, order) if header else None


def _return_by(layout: Layout, issued_on: date | None, order: DateOrder | None) -> date | None:
    """The first date after a return cue, on its line or the two after (forms put the date
    below "Date and Time:")."""
    for match in _RETURN.finditer(layout.body):
        index = layout.line_at(match.start())
        following = " ".join(n.text for n in layout.lines[index + 1 : index + 3])
        line = layout.lines[index]
        start = match.end() - layout.line_starts[index]
        window = line.text[start:] + " " + following
        dates = [d.value for d in find_dates(window[:200], order)]
        later = [d for d in dates if issued_on is None or d >= issued_on]
        if later:
            return later[0]
    return None


# A warrant's own period: "shall be executed within three (3) days from its issuance",
# "you are commanded to execute this warrant on or before December 1, 2026".
_EXECUTE = re.compile(r"\bexecut\w*|\bserved?\b", _I)
_WITHIN = re.compile(
    rf"\bwithin\s+(?P<count>\d+|{dates.number_words()}(?:[\s-]+{dates.number_words()})*)\s*"
    r"(?:\(\d+\)\s*)?(?P<unit>days?|hours?)\b",
    _I,
)
_BY_DATE = re.compile(r"\b(?:on or before|no later than|not later than|by)\b", _I)


def _execute_by(layout: Layout, issued_on: date | None, order) -> date | None:
    """The last day a warrant may be executed, where the warrant itself says so."""
    for sentence in layout.sentences:
        lowered = sentence.lower()
        if "warrant" not in lowered or not _EXECUTE.search(sentence):
            continue
        within = _WITHIN.search(sentence)
        if within and issued_on:
            count = dates.count(within["count"])
            if count:
                days = count if within["unit"].lower().startswith("day") else -(-count // 24)
                return issued_on + timedelta(days=days)
        by = _BY_DATE.search(sentence)
        if by:
            found = first_date(sentence[by.end() : by.end() + 60], order)
            if found:
                return found
    return None


def _signed(layout: Layout, source_kind: str, kind: Instrument) -> bool | None:
    if load_pack().instruments[kind].kind == "order" and _judges_lines_blank(layout):
        return False  # an affiant's /s/ does not sign a judge's order
    if "/s/" in layout.body or _SIGNATURE_MARK.search(layout.body):
        return True
    if source_kind == "pdf":
        return None  # a signature may be an image the text layer does not show
    return False if _SIGNATURE_LINE.search(layout.body) else None


_RULED = re.compile(r"^\s*_{10,}\s*$")
_JUDGE = re.compile(r"\b(?:judge|magistrate|justice)\b", _I)


def _judges_lines_blank(layout: Layout) -> bool:
    """Whether the document has a line for a judge's signature and every one is blank: a
    rule of underscores with the judge's title under it and no signature (/s/) just above."""
    lines = [line.text for line in layout.lines]
    blocks = [
        number
        for number, text in enumerate(lines)
        if _RULED.match(text) and any(_JUDGE.search(t) for t in lines[number + 1 : number + 3])
    ]
    signed_above = [
        number
        for number in blocks
        if any(
            "/s/" in t or _SIGNATURE_MARK.search(t) for t in lines[max(0, number - 1) : number + 1]
        )
    ]
    return bool(blocks) and not signed_above


def _date_range(
    layout: Layout, order: DateOrder | None, issued_on: date | None
) -> DateRange | None:
    """The range the demand states, the one a period cue introduces first; failing that, a
    period that runs from the order's own date ("for sixty (60) days from the date of this
    Order"). A range "to the present" ends on the issue date."""
    spans = find_ranges(layout.body, order, issued_on)
    if not spans:
        return (
            _period_from_issue(layout, issued_on)
            or _lookback(layout, issued_on)
            or _time_window(layout, order)
        )
    for span in spans:
        before = layout.body[max(0, span.position - 120) : span.position].lower()
        if re.search(r"period|time frame|timeframe|date range|from|between|zeitraum", before):
            return DateRange(span.start, span.end)
    return DateRange(spans[0].start, spans[0].end)


def _time_window(layout: Layout, order: DateOrder | None) -> DateRange | None:
    for sentence in layout.sentences:
        days = window_days(sentence, order)
        if days:
            return DateRange(*days)
    return None


# A period in these sentences is how long to keep silent or to preserve, not the records'.
_NOT_THE_RECORDS = re.compile(r"disclos|notif|preserv", _I)


def _period_from_issue(layout: Layout, issued_on: date | None) -> DateRange | None:
    for sentence in layout.sentences:
        periods = [] if _NOT_THE_RECORDS.search(sentence) else find_periods(sentence, issued_on)
        if periods:
            return DateRange(periods[0].start, periods[0].end)
    return None


def _lookback(layout: Layout, issued_on: date | None) -> DateRange | None:
    """A period back from the document's date ("IP addresses for the last 48 hours")."""
    for sentence in layout.sentences:
        if _SILENCE_PERIOD.search(sentence):
            continue
        periods = find_lookbacks(sentence, issued_on)
        if periods:
            return DateRange(periods[0].start, periods[0].end)
    return None


_SILENCE_PERIOD = re.compile(r"disclos|notif", _I)


# A class tied to what the demand names ("each person who controls each Subject Account",
# "any account that logged in from IP address …") is those targets, not a population.
_TIED_TO_TARGETS = OnFirstUse(
    r"\b(?:subject|target|listed|above|said|identified|named)\s+accounts?\b|\bip\s+address|"
    r"\b\d{1,3}(?:\.\d{1,3}){3}\b|\bphone\s+number|\be-?mail\s+address|\busername\b|"
    # "every account that sent a message to the account": its counterparts, not a class
    r"\b(?:with|to|from|by|of)\s+the\s+(?:subject\s+|target\s+)?account\b"
)


def _population(layout: Layout) -> str | None:
    text = layout.flat_body
    for match in _POPULATION.finditer(text.lower()):
        if match.start() and text[match.start() - 1].isalnum():
            continue
        if not _TIED_TO_TARGETS().search(match.group(0)):
            return text[match.start() : match.end()].strip()
    return None
