"""Where each field of a request was read: the lines of the document's text it came from.

The readers (items, selectors, dates…) return values, not places, and a value is often not
the document's own spelling: an item's text is its words flattened, a phone is in E.164, an
e-mail lower-cased, a URL without its tracking parameters. So each field is looked for
again, normalisation-aware, in the lines of the document as `Layout` reads them (its line
numbers mapped back to the text as stored: see `parts.origins`), and where it stands more
than once, the place inside a part whose role holds that field wins (targets in a targets
part, items in a schedule). A field that cannot be found has no span: the page says so
rather than pointing at a guess. No Django here.
"""

from __future__ import annotations

import ipaddress
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

import phonenumbers

from custodes.intake.dates import DateOrder, find_dates
from custodes.intake.layout import Layout, sentences_of
from custodes.intake.parts import OTHER, Part, document_lines, rules, split_parts
from custodes.law.request import Request, Selector
from custodes.law.vocab import SelectorKind

# The roles of the parts where each field is read first, best first.
PREFERRED: dict[str, tuple[str, ...]] = {
    "selector": ("targets", "attachment", "command", "schedule", "cover_letter"),
    "item": ("schedule", "command", "attachment", "cover_letter", "targets"),
    "date_range": ("period", "schedule", "command", "targets", "attachment", "cover_letter"),
    "nondisclosure": ("secrecy", "command", "cover_letter"),
    "purpose": ("reason", "command", "cover_letter", "targets", "caption"),
    "requester": ("contact", "signature", "email_headers", "letterhead", "cover_letter"),
    "issued_on": ("signature", "caption", "letterhead", "email_headers"),
    "return_by": ("command", "schedule", "cover_letter", "other"),
    "execute_by": ("command", "other", "signature"),
    "instrument": ("caption", "letterhead", "email_headers", "command", "cover_letter"),
    "authority": ("caption", "command", "letterhead", "cover_letter", "email_headers"),
    "agency": ("letterhead", "caption", "signature", "contact", "email_headers"),
    "addressed_to": ("addressee", "caption", "command", "email_headers", "targets"),
    "signed": ("signature",),
}
# Where a field is read last: text the demand does not speak in.
_LAST = ("boilerplate",)
MAX_PLACES = 3  # a value named more often is shown where it is named first, up to this

# The words each instrument is named by in a document, looked for in its caption first.
INSTRUMENT_WORDS: dict[str, tuple[str, ...]] = {
    "administrative_subpoena": (
        "administrative subpoena",
        "subpoena",
        "summons",
        "investigative demand",
        "demand",
    ),
    "grand_jury_subpoena": ("grand jury", "subpoena"),
    "trial_subpoena": ("trial subpoena", "subpoena"),
    "civil_subpoena": ("subpoena",),
    "court_order_2703d": ("2703(d)", "order"),
    "search_warrant": ("search warrant", "warrant"),
    "pen_register_order": ("pen register", "trap and trace"),
    "wiretap_order": ("2518", "interception", "wiretap"),
    "emergency_request": ("emergency disclosure", "emergency request", "emergency", "exigent"),
    "preservation_request": ("preservation request", "2703(f)", "preservation", "preserve"),
    "national_security_letter": ("national security letter", "2709"),
    "foreign_request": ("request",),
    "cloud_act_order": ("overseas production order", "production order", "cloud act"),
    "informal_request": (),
    "unknown": (),
}


@dataclass(frozen=True)
class Span:
    field: str  # a key safe in HTML ids and classes: "selectors-0", "items-2", "date_range"
    label: str  # the field as the page names it ("Target 1", "Item 3", "Dates")
    value: str  # the value as the request holds it
    ranges: tuple[tuple[int, int], ...]  # (first, last) 1-based lines of the stored text
    role: str | None = None  # the role of the part its first range stands in

    @property
    def first(self) -> int:
        return self.ranges[0][0]

    def covers(self, line: int) -> bool:
        return any(first <= line <= last for first, last in self.ranges)


@dataclass(frozen=True)
class Sources:
    lines: list[str]  # the document's lines as stored
    parts: list[Part]
    spans: list[Span]  # the fields found, in the request's order
    unfound: list[tuple[str, str, str]] = field(default_factory=list)  # (field, label, value)

    def span(self, key: str) -> Span | None:
        return next((s for s in self.spans if s.field == key), None)


def find_sources(text: str, request: Request, layout: Layout | None = None) -> Sources:
    """The parts of the document and, for each field of `request`, the lines it was read
    from. `request` may be the one read from `text` or a reviewer's correction of it."""
    layout = layout or Layout.of(text)
    parts = split_parts(text, layout)
    finder = _Finder(document_lines(text), layout, parts, request)
    spans: list[Span] = []
    unfound: list[tuple[str, str, str]] = []
    for key, label, value, ranges in finder.fields():
        if ranges:
            spans.append(Span(key, label, value, tuple(ranges), finder.role_of(ranges[0][0])))
        else:
            unfound.append((key, label, value))
    return Sources(finder.original, parts, spans, unfound)


# --- searching -------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"\+?\d[\d ().\-/]{5,}\d")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])", re.IGNORECASE)
_COMPACT = re.compile(r"[^a-z0-9]+")
_ISSUED_CUE = re.compile(r"\b(?:issued|dated?|signed|so ordered|entered|this\b.*\bday)", re.I)
_RETURN_CUE = re.compile(
    r"\b(?:on or before|no later than|not later than|return|due|respond|reply|appear)", re.I
)
_EXECUTE_CUE = re.compile(r"\b(?:execut\w*|served?|within)\b", re.I)
# "This warrant must be served within 10 days of issue": a last day counted, not written.
_EXECUTE_WITHIN = re.compile(
    r"\b(?:execut|serv)\w*[^.]{0,80}?\bwithin\s+[\w()\s-]{1,30}?\b(?:days?|hours?)\b"
)
# Any words asking not to tell: the secrecy a demand asks for in words of its own.
_SILENCE = re.compile(
    r"(?:\b(?:not|never|refrain\w*|prohibit\w*|before|delay\w*)\b|n't\b)[^.]{0,60}?"
    r"\b(?:disclos\w*|notif\w*|inform\w*|tell\w*|alert\w*|advis\w*|reveal\w*|know)\b"
)
_PERIOD_CUE = re.compile(r"\b(?:period|from|between|through|to the present|range)\b", re.I)
Range = tuple[int, int]


class _Finder:
    def __init__(self, original: list[str], layout: Layout, parts: list[Part], request: Request):
        self.original = original
        self.request = request
        self.parts = parts
        text_lines = layout.text.split("\n")
        if len(text_lines) == len(original):
            self.lines = text_lines  # Layout's spelling, one line for each stored line
        else:
            self.lines = [line.replace("\u00a0", " ") for line in original]
        self.roles = [OTHER] * len(original)
        for part in parts:
            for n in range(part.first - 1, min(part.last, len(original))):
                self.roles[n] = part.role
        self.order = DateOrder.of(request.country)
        self.region = request.country if request.country and request.country.isalpha() else "US"
        self._stream: list[tuple[str, int]] | None = None
        self._dates: list[list[date]] | None = None

    def role_of(self, line: int) -> str | None:
        return self.roles[line - 1] if 0 < line <= len(self.roles) else None

    # the fields, in the order the page shows them ---------------------------------------

    def fields(self):
        r = self.request
        if r.instrument.value not in ("unknown", "informal_request"):
            yield "instrument", "Instrument", r.instrument.value, self.instrument()
        for n, citation in enumerate(r.authority):
            yield f"authority-{n}", f"Authority {n + 1}", citation, self.authority(citation)
        if r.agency:
            yield "agency", "Agency", r.agency, self.words(r.agency, PREFERRED["agency"])
        requester = r.requester
        if requester.name:
            found = self.words(requester.name, PREFERRED["requester"])
            yield "requester-name", "Requester's name", requester.name, found
        if requester.email:
            found = self.literal(requester.email, PREFERRED["requester"])
            yield "requester-email", "Requester's e-mail", requester.email, found
        if requester.phone:
            found = self.phone(requester.phone, PREFERRED["requester"])
            yield "requester-phone", "Requester's phone", requester.phone, found
        if r.addressed_to:
            found = self.words(r.addressed_to, PREFERRED["addressed_to"])
            yield "addressed_to", "Addressed to", r.addressed_to, found
        for key, cue in (("issued_on", _ISSUED_CUE), ("return_by", _RETURN_CUE)):
            value = getattr(r, key)
            if value:
                label = "Issued on" if key == "issued_on" else "Return by"
                yield key, label, value.isoformat(), self.one_date(value, PREFERRED[key], cue)
        if r.execute_by:
            found = self.one_date(r.execute_by, PREFERRED["execute_by"], _EXECUTE_CUE)
            found = found or self.choose(self._flat_matches(_EXECUTE_WITHIN), ("command",))[:1]
            yield "execute_by", "Execute by", r.execute_by.isoformat(), found
        if r.signed:
            yield "signed", "Signed", "yes", self.signature()
        for n, selector in enumerate(r.selectors):
            label = f"Target {n + 1}"
            yield f"selectors-{n}", label, _selector_text(selector), self.selector(selector)
        for n, item in enumerate(r.items):
            yield f"items-{n}", f"Item {n + 1}", item.text, self.words(item.text, PREFERRED["item"])
        if r.date_range and (r.date_range.start or r.date_range.end):
            start, end = r.date_range.start, r.date_range.end
            value = f"{start.isoformat() if start else '…'} to {end.isoformat() if end else '…'}"
            yield "date_range", "Dates", value, self.date_range(start, end)
        if r.nondisclosure.present:
            value = "court-ordered" if r.nondisclosure.court_ordered else "asked for"
            yield "nondisclosure", "Secrecy", value, self.secrecy()
        if r.purpose:
            yield "purpose", "Purpose", r.purpose, self.purpose(r.purpose)

    # choosing among places --------------------------------------------------------------

    def choose(self, places: list[Range], prefer: tuple[str, ...]) -> list[Range]:
        """The places in the best-ranked role, in the document's order, at most a few."""
        if not places:
            return []
        ranks = [self._rank(first, prefer) for first, _ in places]
        best = min(ranks)
        chosen = sorted({p for p, rank in zip(places, ranks, strict=True) if rank == best})
        return _merge(chosen[:MAX_PLACES])

    def _rank(self, line: int, prefer: tuple[str, ...]) -> int:
        role = self.role_of(line)
        if role in prefer:
            return prefer.index(role)
        return len(prefer) + (1 if role in _LAST else 0)

    # kinds of value ---------------------------------------------------------------------

    def matching_lines(self, pattern: re.Pattern[str]) -> list[Range]:
        return [(n + 1, n + 1) for n, line in enumerate(self.lines) if pattern.search(line)]

    def literal(self, value: str, prefer: tuple[str, ...]) -> list[Range]:
        edge = r"(?<![\w.@+-])" if value[:1].isalnum() else ""
        pattern = re.compile(edge + re.escape(value) + r"(?![\w@-])(?!\.\w)", re.IGNORECASE)
        return self.choose(self.matching_lines(pattern), prefer)

    def selector(self, selector: Selector) -> list[Range]:
        prefer = PREFERRED["selector"]
        value, kind = selector.value, selector.kind
        if kind is SelectorKind.PHONE:
            return self.phone(value, prefer)
        if kind is SelectorKind.URL:
            return self.choose(self._url_lines(value), prefer)
        if kind is SelectorKind.IP:
            return self.choose(self._ip_lines(value), prefer)
        if kind is SelectorKind.USERNAME:
            handle = re.compile(
                r"(?<![\w.@/-])@?" + re.escape(value) + r"(?![\w@-])(?!\.\w)", re.IGNORECASE
            )
            found = self.choose(self.matching_lines(handle), prefer)
            return found or self.literal(value, prefer)  # inside a profile's URL
        if kind is SelectorKind.PAYMENT:
            digits = re.sub(r"\D", "", value)
            pattern = re.compile(rf"ending\s+(?:in\s+)?{digits}\b", re.IGNORECASE)
            return self.choose(self.matching_lines(pattern), prefer)
        return self.literal(value, prefer)

    def phone(self, value: str, prefer: tuple[str, ...]) -> list[Range]:
        try:
            number = phonenumbers.parse(value, self.region)
        except phonenumbers.NumberParseException:
            return self.literal(value, prefer)
        national = str(number.national_number)
        full = f"{number.country_code}{national}"
        places = []
        for n, line in enumerate(self.lines):
            if len(national) < 6 or national[-4:] not in re.sub(r"\D", "", line):
                continue  # most lines hold no part of the number: a cheap look first
            for match in _DIGITS.finditer(line):
                digits = re.sub(r"\D", "", match.group(0)).lstrip("0")
                if digits in (national, full) or (
                    len(digits) > len(national) and digits.endswith(national)
                ):
                    places.append((n + 1, n + 1))
                    break
        return self.choose(places, prefer)

    def _url_lines(self, value: str) -> list[Range]:
        wanted = _bare_url(value)
        places = []
        for n, line in enumerate(self.lines):
            for match in _URL.finditer(line):
                url = _bare_url(match.group(0).rstrip(".,;:!?"))
                if url == wanted or (url.startswith(wanted) and url[len(wanted)] in "?#/"):
                    places.append((n + 1, n + 1))
                    break
        return places

    def _ip_lines(self, value: str) -> list[Range]:
        try:
            wanted = ipaddress.ip_address(value)
        except ValueError:
            return []
        if wanted.version == 4:
            pattern = re.compile(rf"(?<![\d.]){re.escape(value)}(?![\d]|\.\d)")
            return self.matching_lines(pattern)
        places = []
        for n, line in enumerate(self.lines):
            for match in _IPV6.finditer(line) if ":" in line else ():
                try:
                    if ipaddress.ip_address(match.group(0)) == wanted:
                        places.append((n + 1, n + 1))
                        break
                except ValueError:
                    continue
        return places

    def instrument(self) -> list[Range]:
        words = INSTRUMENT_WORDS.get(self.request.instrument.value, ())
        prefer = PREFERRED["instrument"]
        found = []  # (the part's rank, how telling the word is, where)
        for telling, word in enumerate(words):  # the most telling words first
            pattern = re.compile(rf"(?<![\w]){re.escape(word)}", re.IGNORECASE)
            found += [(self._rank(n, prefer), telling, n) for n, _ in self.matching_lines(pattern)]
        if not found:
            return []
        *_, line = min(found)
        return [(line, line)]

    def authority(self, citation: str) -> list[Range]:
        prefer = PREFERRED["authority"]
        compact = _COMPACT.sub("", citation.lower())
        lines = [_COMPACT.sub("", line.lower()) for line in self.lines]
        places = [(n + 1, n + 1) for n, line in enumerate(lines) if compact in line]
        if not places:
            section = re.search(r"§\s*(\S+)$", citation)
            if section:  # "Section 2703(d) of Title 18", "§2703(d)"
                wanted = _COMPACT.sub("", section[1].lower())
                pattern = re.compile(rf"(?:§|\bsec\w*\.?)\s*{re.escape(section[1])}", re.I)
                places = [
                    (n + 1, n + 1)
                    for n, line in enumerate(self.lines)
                    if wanted in lines[n] and pattern.search(line)
                ]
        return self.choose(places, prefer)

    def signature(self) -> list[Range]:
        marks = re.compile(
            r"/s/|\(signed\)|\[signed\]|digitally signed|electronically signed|"
            r"signature on file|signed:\s*\S",
            re.IGNORECASE,
        )
        return self.choose(self.matching_lines(marks), PREFERRED["signed"])

    def secrecy(self) -> list[Range]:
        prefer = PREFERRED["nondisclosure"]
        parts = [(p.first, p.last) for p in self.parts if p.role == "secrecy"]
        if parts:
            return _merge(parts[:MAX_PLACES])
        pattern = next(g[1] for g in rules().phrases if g[0] == "secrecy")
        found = self._flat_matches(pattern) or self._flat_matches(_SILENCE)
        return self.choose(found, prefer)

    def purpose(self, purpose: str) -> list[Range]:
        prefer = PREFERRED["purpose"]
        found: list[Range] = []
        for sentence in sentences_of(purpose)[:12]:
            here = self.words(sentence, prefer)
            if not here:  # a sentence the reader ran together from two places
                words = sentence.split()
                for start in range(0, len(words), 10):
                    here += self.words(" ".join(words[start : start + 10]), prefer)
            found += here
        return _merge(sorted(set(found)))

    # dates ------------------------------------------------------------------------------

    def dates_by_line(self) -> list[list[date]]:
        if self._dates is None:
            self._dates = [
                [d.value for d in find_dates(line, self.order)] if _has_year(line) else []
                for line in self.lines
            ]
        return self._dates

    def one_date(self, value: date, prefer: tuple[str, ...], cue: re.Pattern[str]) -> list[Range]:
        lines = [n for n, found in enumerate(self.dates_by_line()) if value in found]
        if not lines:
            return []
        best = min(
            lines,
            key=lambda n: (
                self._rank(n + 1, prefer),
                not (cue.search(self.lines[n]) or (n and cue.search(self.lines[n - 1]))),
                n,
            ),
        )
        return [(best + 1, best + 1)]

    def date_range(self, start: date | None, end: date | None) -> list[Range]:
        by_line = self.dates_by_line()
        starts = [n for n, found in enumerate(by_line) if start in found] if start else []
        ends = [n for n, found in enumerate(by_line) if end in found] if end else []
        prefer = PREFERRED["date_range"]
        if starts and ends:
            pairs = [(s, e) for s in starts for e in ends if 0 <= e - s <= 3]
            if pairs:
                s, e = min(
                    pairs,
                    key=lambda p: (
                        self._rank(p[0] + 1, prefer),
                        not _PERIOD_CUE.search(self.lines[p[0]]),
                        p[1] - p[0],
                        p[0],
                    ),
                )
                return [(s + 1, e + 1)]
        alone = starts or ends  # "… to the present": the end is the issue date, not written
        if not alone:
            return []
        best = min(alone, key=lambda n: (self._rank(n + 1, prefer), n))
        return [(best + 1, best + 1)]

    # words ------------------------------------------------------------------------------

    def stream(self) -> tuple[list[tuple[str, int]], dict[str, list[int]]]:
        if self._stream is None:
            self._stream = [(word, n) for n, line in enumerate(self.lines) for word in _words(line)]
            self._index: dict[str, list[int]] = {}
            for position, (word, _) in enumerate(self._stream):
                self._index.setdefault(word, []).append(position)
        return self._stream, self._index

    def words(self, text: str, prefer: tuple[str, ...]) -> list[Range]:
        """Where the words of `text` stand in this order (a few may be missing or added:
        an enumerator, a checkbox, a word the reader dropped)."""
        wanted = _words(text)[:60]
        if not wanted:
            return []
        stream, index = self.stream()
        need = len(wanted) if len(wanted) <= 2 else max(2, int(len(wanted) * 0.7 + 0.5))
        scored: list[tuple[int, int, int]] = []
        # Anchored on the rarest of its first words the document holds, read from a little
        # before it (the document may hold a word or two more than the value).
        present = [w for w in wanted[:8] if w in index]
        if not present:
            return []
        rare = min(present, key=lambda w: len(index[w]))
        at = wanted.index(rare)
        starts = {max(0, p - at - 2) for p in index[rare]}
        for start in starts:
            if start < 0:
                continue
            found = _aligned(wanted, stream, start)
            if found and found[0] >= need:
                scored.append(found)
        if not scored:
            return []
        top = max(s[0] for s in scored)
        good = [s for s in scored if s[0] >= top * 0.9]
        if len(wanted) <= 2:  # a name of a word or two: wherever it stands
            places = [(stream[s[1]][1] + 1, stream[s[2]][1] + 1) for s in good]
            return self.choose(places, prefer)
        # the best role, then the most words, then the tightest run of them
        *_, lines = min(
            good, key=lambda s: (self._rank(stream[s[1]][1] + 1, prefer), -s[0], s[2] - s[1], s[1])
        )
        # the lines its words stand on: a line of another part between two is left out
        return _merge([(n + 1, n + 1) for n in lines])

    def _flat_matches(self, pattern: re.Pattern[str]) -> list[Range]:
        """Matches of `pattern` in the text run together (a phrase may wrap), as lines."""
        starts, parts, offset = [], [], 0
        for line in self.lines:
            starts.append(offset)
            parts.append(line.lower())
            offset += len(line) + 1
        joined = " ".join(parts)
        places = []
        for match in pattern.finditer(joined):
            first = bisect_right(starts, match.start()) - 1
            last = bisect_right(starts, max(match.start(), match.end() - 1)) - 1
            places.append((first + 1, last + 1))
        return places


def _words(text: str) -> list[str]:
    """The words of a text, lower-cased, a plural's "s" dropped ("Investigations"), without
    the letters and digits that stand alone (an enumerator's "a", an "A" of "Attachment A"),
    which would tie a value to a line it does not stand on."""
    return [
        w[:-1] if len(w) > 3 and w.endswith("s") else w
        for w in _WORD.findall(text.lower())
        if len(w) > 1
    ]


def _aligned(wanted: list[str], stream, start: int):
    """(words matched, first and last position, the lines they stand on) reading `wanted`
    in order from `start`, skipping a few words of the document (a label, a line of another
    part) between two; None where not one is found."""
    position, matched, first, last = start, 0, None, None
    lines: set[int] = set()
    for word in wanted:
        for look in range(position, min(position + 8, len(stream))):
            if stream[look][0] == word:
                matched += 1
                first = look if first is None else first
                last, position = look, look + 1
                lines.add(stream[look][1])
                break
    return (matched, first, last, lines) if first is not None else None


def _merge(ranges: list[Range]) -> list[Range]:
    out: list[Range] = []
    for first, last in sorted(ranges):
        if out and first <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def _bare_url(url: str) -> str:
    url = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip(), flags=re.IGNORECASE)
    host, _, rest = url.partition("/")
    return host.lower() + ("/" + rest.rstrip("/") if rest.strip("/") else "")


def _has_year(line: str) -> bool:
    return bool(re.search(r"(?:19|20)\d\d", line))


def _selector_text(selector: Selector) -> str:
    at = f" at {selector.at}" if selector.at else ""
    return f"{selector.kind.value}: {selector.value}{at}"
