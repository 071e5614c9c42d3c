"""The accounts a demand names: account IDs, usernames, e-mails, phones, URLs, IPs, devices.

A value is a target only where the demand speaks of an account: under a heading about
accounts, or on a line that says "account", "username", "registered"… An officer's own
e-mail and phone (signatures, "Contact:", "Desk", the sender) are never targets.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import phonenumbers

from custodes.intake.dates import DateOrder, timestamp
from custodes.intake.layout import LIST_MARKER, Layout, Line, folds_plainly
from custodes.intake.patterns import OnFirstUse
from custodes.law.domains import check_domain
from custodes.law.request import Selector
from custodes.law.vocab import SelectorKind

EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
# Each pattern opens with its rarest literal ("@", a digit, a colon) so the regex engine can
# skip to candidates; the look-behind that keeps it from starting mid-word comes after.
_HANDLE = re.compile(r"@(?<![\w@.]@)([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,38}[A-Za-z0-9_])?)")
# The labelled patterns read a lower-cased body (case-sensitive patterns are much faster);
# values are taken from the original text at the same place.
# (and as foreign police label it, with its colon and a value that is no word, with a dot,
# an underscore or a digit: "Benutzername: rhein_main", not "do usuário: nome, e-mail")
_FOREIGN_USERNAME = r"(?:be)?nutzername|usu[áa]rio|nome de usu[áa]rio|nom d'utilisateur|pseudo"
_LABELLED_USERNAME = re.compile(
    rf"(?:(?:user\s?name|screen\s?name|handle|nickname)\s*(?::|\bis\b)?|"
    rf"(?:{_FOREIGN_USERNAME})[ \t]*:\s*[\"“']?@?(?=[a-z0-9_.]*[._\d]))\s*[\"“']?@?"
    r"(?P<value>[a-z0-9_][a-z0-9_.]{1,39})"
)
_QUOTED_ACCOUNT = re.compile(
    r"(?:account|user|profile|conta|cuenta|compte|konto|perfil|profil)\s+[\"“]@?"
    r"(?P<value>[a-z0-9_.]{2,40})[\"”]"
)
# "the account bjorn.lakeside", "Halyard Chat account lt_knuckles775", "channel
# "kaylee.in.midtown"": a handle after the word, told from a word by its dot, underscore or
# digit (and from an account number by its letters).
_NAMED_ACCOUNT = re.compile(
    r"(?:account|channel)\s+[\"“']?@?(?P<value>(?=[a-z0-9_.]*[a-z])[a-z0-9_]+(?:[._][a-z0-9_]+)+"
    r"|(?=[a-z0-9_]*\d)[a-z][a-z0-9_]*\d[a-z0-9_]*)(?=[\"”'\s,;:)]|\.(?:\s|$)|$)"
)
_DOMAIN_LIKE = re.compile(r"\.(?:com|net|org|gov|edu|mil|us|io|co|uk|de|app|social|video|photos?)$")
# The holders an account number is written for: "account no.", "player ID".
_HOLDER = r"(?:account|user|member|profile|customer|player|subscriber)"
_ACCOUNT_ID = re.compile(
    rf"{_HOLDER}\s*(?:id|identifier|number|no\.?|#)\s*[:#]?\s*"
    r"(?P<value>[a-z0-9_-]*\d[a-z0-9_-]{2,})"
)
_DEVICE = re.compile(
    r"\b(?:imei|device\s+id(?:entifier)?|android\s+id|advertising\s+id|idfa|udid)\b\s*[:#]?\s*"
    r"(?P<value>[A-Za-z0-9-]{6,})",
    re.IGNORECASE,
)
_PAYMENT = re.compile(
    r"\b(?:card|account)\s+(?:number\s+)?ending\s+(?:in\s+)?(?P<value>\d{4})\b", re.IGNORECASE
)
# A link written without its scheme on a line that names a target ("Accounts:
# marlin.social/cascadepuppyhaven"): a host, then a path.
_BARE_LINK = re.compile(
    r"(?<![\w@/.:-])(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[\w.~%-]+)+(?<!\.)", re.IGNORECASE
)
# A page's printed header or footer ("https://portal.example/requests/ER-1   Page 1 of 2"):
# the address of the page printed, never a target.
_PAGE_FURNITURE = re.compile(r"\bpage\s+\d+\s+(?:of|/)\s+\d+\b", re.IGNORECASE)
_IPV4 = re.compile(r"\d(?<![\d.]\d)\d{0,2}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d.])")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])", re.IGNORECASE)
_IPV6_HINT = re.compile(r":[0-9a-fA-F]{0,4}:")

# _ACCOUNT_WORDS and _CONTACT_WORDS read lower-cased lines (case-sensitive is much faster).
# The account's own nouns come in the languages foreign police write in too ("conta de
# e-mail", "Nutzerkonto", "compte", "cuenta").
_ACCOUNT_WORDS = re.compile(
    r"(?=[abchkmnprstuv])\b"  # the first letters of the words below, for a quick skip
    r"(accounts?|users?|holders?|channels?|user\s?names?|screen\s?names?|user\s?id|handle|"
    r"profile|registered|associated|recovery|subscriber|customer|target|suspect\w*|missing|"
    r"victim|seller|buyer|contas?|usu[áa]rios?|usuarios?|kont(?:o|en)|(?:be)?nutzer\w*|comptes?|"
    r"utilisat(?:eur|rice)s?|cuentas?)\b"
)
_ACCOUNT_HEADING = re.compile(
    r"\b(accounts?|account\(s\)|targets?|subscriber\(s\)|property to be searched|identifiers|"
    r"selectors)\b",
    re.IGNORECASE,
)
_RECORDS_HEADING = OnFirstUse(
    r"\b(records?|information|documents|data|produc\w*|deliver\w*)\b", re.I
)
_ROLES = (
    r"special agent|agent|detective|det\.|investigator|inv\.|inspector|officer|sgt\.?|"
    r"sergeant|lt\.|lieutenant|trooper|deputy|attorney|ausa|counsel|esq\.?|prosecutor|"
    r"supervisor|kriminal\w*|commissioner|clerk|requested by|submitted by|presented by|sender"
)
_CHANNELS = r"point of contact|contact|desk|cell|office|fax|tel\.?|main|direct|call|questions"
_CONTACT_WORDS = re.compile(
    r"(?=^|\b[acdefiklmopqrst])(?:"  # the first letters of the words below, for a quick skip
    rf"\b({_ROLES}|{_CHANNELS}|deliver\w*|produce to)\b|"
    r"^\s*(?:from|cc|reply-to|sent by)\s*:)"  # a header label, not "from account creation"
)
_ROLE_WORDS = re.compile(rf"\b(?:{_ROLES})\b|^\s*(?:from|cc|reply-to|sent by)\b")
_CHANNEL_WORDS = re.compile(rf"\b(?:{_CHANNELS})\b")
_USERNAME_STOPWORDS = {
    "and",
    "or",
    "of",
    "the",
    "for",
    "is",
    "was",
    "associated",
    "information",
    "field",
    "names",
    "identities",
    "registered",
    "used",
    "with",
    "on",
    "in",
    "at",
    "to",
    "a",
    "an",
    # "… handle this informally": the verb, not a handle's label
    "this",
    "that",
    "it",
    "them",
}
_TRACKING = OnFirstUse(
    r"^(utm_\w+|fbclid|gclid|igshid|igsh|si|ref|ref_src|ref_url|mc_cid|mc_eid|s|t|share_id|"
    r"_hsenc|_hsmi|mkt_tok|spm|feature)$",
    re.IGNORECASE,
)


def extract_selectors(
    layout: Layout,
    region: str,
    excluded: set[str],
    target_lines: set[int],
    order: DateOrder | None = None,
) -> list[Selector]:
    """Every target the demand names, normalised, in the order it names them.

    `excluded` holds the requester's and the provider's own e-mails and phones (normalised);
    `target_lines` the numbers of the lines that speak of an account (`is_target_line`);
    `order` how the demand's country writes numeric dates (an IP address's time).
    Labelled values are read over the whole body, so a label and its value may stand on two
    lines ("… ACCOUNT" / "ID 612…").
    """
    body = layout.body
    lower = _same_length_lower(body)
    found: dict[tuple[str, str, str | None, int | None], tuple[int, Selector]] = {}

    def add(
        position: int,
        kind: SelectorKind,
        value: str | None,
        at: str | None = None,
        port: int | None = None,
    ) -> None:
        if kind is SelectorKind.USERNAME and value and value.isupper():
            value = value.lower()  # written in capitals, as the whole line is: its case is lost
        if value and value not in excluded:
            selector = Selector(kind, value, at, port)
            # a username is kept as the demand writes it, and is the same in any case
            same = value.lower() if kind is SelectorKind.USERNAME else value
            found.setdefault((kind.value, same, at, port), (position, selector))

    rows = list(typed_rows(layout))  # their type column says what each value is
    typed = {number for number, _, _ in rows}
    for number, kind, value in rows:
        add(layout.line_starts[number], kind, _normalised(kind, value, region))
    for number, kind, value in header_typed_rows(layout):
        add(layout.line_starts[number], kind, _normalised(kind, value, region))
    for match in _URL.finditer(body) if "://" in body else ():
        if not _PAGE_FURNITURE.search(layout.lines[layout.line_at(match.start())].text):
            add(match.start(), SelectorKind.URL, normalise_url(match.group(0)))
    for match in _HANDLE.finditer(body):
        if not _is_domain(match[1].lower()):  # "ending in @agency.gov" names a mail domain
            add(match.start(), SelectorKind.USERNAME, match[1])
    for pattern in (_LABELLED_USERNAME, _QUOTED_ACCOUNT, _NAMED_ACCOUNT):
        for match in _at_word_start(pattern, lower):
            value = body[match.start("value") : match.end("value")].rstrip(".")
            # part of an e-mail address or of a link ("Perch handle: https://perch.app/x")
            part_of_address = body[match.end("value") :].startswith(("@", "://"))
            if (
                value.lower() not in _USERNAME_STOPWORDS
                and not part_of_address
                and not (pattern is _NAMED_ACCOUNT and _DOMAIN_LIKE.search(value.lower()))
                and not _by_contact(layout, match.start("value"))  # where the value stands
                and layout.line_at(match.start()) not in typed
            ):
                add(match.start(), SelectorKind.USERNAME, value)
    account_ids = []  # where each account number stands: it is no phone number
    for match in _at_word_start(_ACCOUNT_ID, lower):
        account_ids.append(match.span("value"))
        bank = _BANK.search(lower[max(0, match.start() - 20) : match.start()])
        if not bank and not _by_contact(layout, match.start()):
            add(
                match.start(),
                SelectorKind.ACCOUNT_ID,
                body[match.start("value") : match.end("value")],
            )
    for number, labels in field_labels(layout).items():
        offset, text = layout.line_starts[number], layout.lines[number].text
        for match in _handles_quoted_in_field(text, labels):
            add(offset + match.start(), SelectorKind.USERNAME, match["value"])
    for position, value in _handles_listed(layout):
        add(position, SelectorKind.USERNAME, value)
    for line in layout.lines:
        if line.number not in target_lines or line.number in typed:
            continue
        offset, text = layout.line_starts[line.number], line.text
        # an account number, its label perhaps on the line above, and an IP address
        # (198.51.100.23) are no phone numbers
        ids = [(s - offset, e - offset) for s, e in account_ids if offset <= s < offset + len(text)]
        ids += [m.span() for m in _IPV4.finditer(text)]
        for match in emails_in(text):
            add(offset + match.start(), SelectorKind.EMAIL, match.group(0).lower())
        for match in _BARE_LINK.finditer(text) if "/" in text else ():
            add(offset + match.start(), SelectorKind.URL, normalise_url(f"https://{match[0]}"))
        above = layout.lines[line.number - 1].text if line.number else ""
        # the words just before it, or the whole label it stands under ("(c) Mobile number
        # given to victims:" / "07700 900214")
        before = above if above.rstrip().endswith(":") else above[-40:]
        for value in phones_in(text, region, skip=ids, context=before, shaped=True):
            add(offset, SelectorKind.PHONE, value)
        for match in _DEVICE.finditer(text):
            add(offset + match.start(), SelectorKind.DEVICE, match["value"])
        for match in _PAYMENT.finditer(text):
            add(offset + match.start(), SelectorKind.PAYMENT, f"ending {match['value']}")
    for position, value, at, port in _ips(layout, order):
        add(position, SelectorKind.IP, value, at, port)
    ordered = [selector for _, selector in sorted(found.values(), key=lambda item: item[0])]
    return [s for s in ordered if not _less_precise(s, ordered)]


def _less_precise(selector: Selector, others: list[Selector]) -> bool:
    """Whether another selector names the same address at the time this one gives less
    precisely: none, or the day alone ("on October 4" beside "2026-10-04 03:12:47")."""
    if selector.kind is not SelectorKind.IP:
        return False
    at = selector.at or ""
    return any(
        o.kind is SelectorKind.IP
        and o.value == selector.value
        and o.at
        and o.at != at
        and o.at.startswith(at)
        for o in others
    )


_QUOTED_HANDLE = re.compile(r"[\"“']@?(?P<value>[A-Za-z0-9_][A-Za-z0-9_.]{0,38}[A-Za-z0-9_])[\"”']")
_A_PERSONS_NAME = re.compile(r"\bnames?\b(?<!user name)(?<!username)(?<!screen name)", re.I)


def _handles_quoted_in_field(text: str, labels: tuple[str, ...]):
    """Handles quoted in an account's field ("Account(s):  the user "x.y""), never in its
    display name's field: a display name is no target."""
    if not _labels_say(labels):
        return
    if _A_PERSONS_NAME.search(labels[0]):
        return
    for match in _QUOTED_HANDLE.finditer(text):
        value = match["value"]
        defines = _DEFINED_TERM.search(text, 0, match.start())  # (the "Account")
        if not value.isdigit() and not _is_domain(value.lower()) and not defines:
            yield match


# The name a demand gives a thing once ("the "Account"", "hereinafter "Target""), which
# stands just before a quoted word that is no handle.
_DEFINED_TERM = re.compile(r"\b(?:the|hereinafter|collectively)\s*$", re.I)


# A list's item that is a handle and nothing more: "(a) puget.pups.rehome", "(b) cascadedoodles"
# (a word in lower case, or with a dot, an underscore or a digit; not "Facebook").
_BARE_HANDLE = re.compile(
    r"@?(?=[\w.]*[._\d]|[a-z0-9_.]+[.;,]?$)(?=[\w.]*[A-Za-z])[A-Za-z0-9_][\w.]{0,38}[A-Za-z0-9_][.;,]?"
)


def _handles_listed(layout: Layout):
    """(position, handle) for each handle set out bare as a list's item under a line that
    names accounts and ends in a colon ("Accounts:", '"Accounts" means the following
    accounts:'); the list lasts while its items are set in further than that line."""
    lines, fields = layout.lines, field_labels(layout)
    under: int | None = None  # the indent of the introduction the lines stand under
    for line in lines:
        text, indent = line.text, len(line.text) - len(line.text.lstrip())
        if not line.stripped:
            under = None
            continue
        if under is not None and indent <= under:
            under = None
        marker = LIST_MARKER.match(text)
        item = text[marker.end() :].strip() if marker else ""
        listed = marker and (under is not None or _labels_say(fields.get(line.number, ())))
        handle = item.lstrip("@").rstrip(".;,")
        if listed and _BARE_HANDLE.fullmatch(item) and not _is_domain(handle.lower()):
            yield layout.line_starts[line.number] + marker.end(), handle
        if line.stripped.endswith(":") and _ACCOUNT_WORDS.search(text.lower()):
            under = indent


# The kinds a table's type column names ("| 4 | x.y | Username |", "Phone   +1 (720) …").
_TYPE_KINDS = [
    (
        re.compile(rf"\b(?:user\s?name|screen\s?name|handle|{_FOREIGN_USERNAME})\b", re.I),
        SelectorKind.USERNAME,
    ),
    (
        re.compile(rf"\b{_HOLDER}\s*(?:id|number|no\.?)", re.I),
        SelectorKind.ACCOUNT_ID,
    ),
    (re.compile(r"\be-?mail\b", re.I), SelectorKind.EMAIL),
    (re.compile(r"\b(?:phone|telephone|mobile|cell)\b", re.I), SelectorKind.PHONE),
    (re.compile(r"\b(?:url|link)\b", re.I), SelectorKind.URL),
]
_TYPE_HEADER = re.compile(
    r"^(?:identifier\s+|selector\s+)?(?:type|kind)$|^art der kennung$|^tipo(?: de \w+)?$", re.I
)
_MAY_NAME_TYPE = re.compile(r"type|kind|art der|tipo")
_NUMBER_HEADER = re.compile(r"^(?:no\.?|#|item|row|line|ref\.?)$", re.I)
_VALUE_HEADER = re.compile(
    r"^(?:value|identifier|selector|account|target)s?$|^(?:kennung|identificador|valor|wert)$", re.I
)


def _once(layout: Layout, name: str, read):
    """`read(layout)`, worked out once per text: extraction, parties and targets each ask."""
    answers = layout.remembered("selectors")
    if name not in answers:
        answers[name] = read(layout)
    return answers[name]


def typed_rows(layout: Layout) -> list[tuple[int, SelectorKind, str]]:
    """(line number, kind, value) for each row of a table with a type column: the row's type
    cell names the kind of the value in its other column. Any layout of columns: cells
    between pipes, or set apart by two spaces or more inside a box."""
    return list(_once(layout, "typed_rows", lambda layout: list(_typed_rows(layout))))


def _typed_rows(layout: Layout):
    columns: tuple[int, int] | None = None  # the value's column, the type's
    # Outside a table only a header, with its "Type" cell, can matter: other lines are
    # passed over on a look for the word (lower-cased, where that reads as case-blind would).
    plain = folds_plainly(layout.body)
    for line in layout.lines:
        if columns is None and plain and not _MAY_NAME_TYPE.search(line.text.lower()):
            continue
        cells = _cells(line.text)
        if len(cells) < 2:
            columns = None if line.stripped and not _RULE.match(line.text) else columns
            continue
        types = [i for i, cell in enumerate(cells) if _TYPE_HEADER.match(cell)]
        if types:
            others = [i for i in range(len(cells)) if i != types[0]]
            named = [i for i in others if _VALUE_HEADER.match(cells[i])]
            values = named or [i for i in others if not _NUMBER_HEADER.match(cells[i])]
            columns = (values[0], types[0]) if values else None
        elif columns and len(cells) > max(columns):
            kind = _kind_named(cells[columns[1]])
            if kind:
                yield line.number, kind, cells[columns[0]]


def header_typed_rows(layout: Layout) -> list[tuple[int, SelectorKind, str]]:
    """(line number, kind, value) for each row of a table whose header names a column's
    kind ("| No. | Brightwater username | Other identifier |"): the row's cell in that
    column is of that kind; its other cells are read as a target's line is."""
    return list(_once(layout, "header_typed_rows", lambda layout: list(_header_typed(layout))))


def _header_typed(layout: Layout):
    kinds: dict[int, SelectorKind] = {}  # the columns the header names, and their kinds
    for line in layout.lines:
        if not kinds and "|" not in line.text:
            continue  # outside a table, and no row of one
        if _RULE.match(line.text):
            continue  # a rule ("+-----+-----+") or a blank line inside the table
        if "|" not in line.text:
            kinds = {}
            continue
        cells = [cell.strip() for cell in line.text.strip().strip("|").split("|")]
        named = {i: _kind_named(c) for i, c in enumerate(cells) if not _TYPE_HEADER.match(c)}
        if not kinds and any(named.values()) and not any(_VALUE_CELL.search(c) for c in cells):
            kinds = {i: kind for i, kind in named.items() if kind}
            continue
        for index, kind in kinds.items():
            if index < len(cells) and _VALUE_CELL.search(cells[index]):
                yield line.number, kind, cells[index]


# A cell that holds a value rather than a column's name: a digit, "@", "_", "." inside.
_VALUE_CELL = re.compile(r"[\d@_]|\w\.\w")


def _cells(text: str) -> list[str]:
    inner = text.strip().strip("|")
    parts = inner.split("|") if inner.count("|") >= 1 else re.split(r"\s{2,}", inner)
    return [cell.strip() for cell in parts if cell.strip()]


def _kind_named(text: str) -> SelectorKind | None:
    return next((kind for pattern, kind in _TYPE_KINDS if pattern.search(text)), None)


def _normalised(kind: SelectorKind, value: str, region: str) -> str | None:
    if kind is SelectorKind.PHONE:
        return normalise_phone(value, region)
    if kind is SelectorKind.EMAIL:
        return value.lower() if EMAIL.fullmatch(value) else None
    if kind is SelectorKind.URL:
        return normalise_url(value)
    if kind is SelectorKind.USERNAME:
        return value.lstrip("@") or None
    return value


def _is_domain(value: str) -> bool:
    return bool(_DOMAIN_LIKE.search(value)) or check_domain(value).verified


def _at_word_start(pattern: re.Pattern[str], text: str):
    """Matches that start a word. The labelled patterns open with their words rather than
    a \\b, which lets the regex engine skip ahead; the boundary is checked here instead."""
    for match in pattern.finditer(text):
        if match.start() == 0 or not text[match.start() - 1].isalnum():
            yield match


def _same_length_lower(text: str) -> str:
    """Lower case with every offset kept (a few letters change length when lower-cased)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


_BANK = re.compile(r"(bank|credit|card)\s*$", re.IGNORECASE)


def _by_contact(layout: Layout, position: int) -> bool:
    """Whether the line at `position` is an officer's contact line (never a target)."""
    line = layout.lines[layout.line_at(position)]
    return bool(_CONTACT_WORDS.search(_without_selectors(line.text.lower())))


def target_lines(layout: Layout) -> set[int]:
    """The numbers of the lines that name a target, read from the demand's structure: a row
    of a table of typed identifiers, the field a line belongs to, the heading it stands
    under while that heading's part lasts, and never a signature block."""
    return set(_once(layout, "target_lines", _target_lines))


def _target_lines(layout: Layout) -> set[int]:
    lines = layout.lines
    fields = field_labels(layout)
    signature = _signature_lines(layout)
    outside = _outside_their_heading(layout)
    tables = {number for number, _, _ in [*typed_rows(layout), *header_typed_rows(layout)]}
    return tables | {
        line.number
        for line in lines
        if line.number not in signature
        and is_target_line(
            line,
            lines[line.number - 1] if line.number else None,
            fields.get(line.number, ()),
            "" if line.number in outside else line.heading,
            lines[line.number - 2] if line.number > 1 else None,
        )
    }


def is_target_line(
    line: Line,
    previous: Line | None = None,
    labels: tuple[str, ...] = (),
    heading=None,
    before_previous: Line | None = None,
) -> bool:
    """A line naming a target: the field it belongs to names an account, or, where its
    labels say nothing, it or the sentence it continues speaks of one (on the line above,
    or the one above that where the sentence runs on over both), or its heading does."""
    text = line.text
    if not ("@" in text or "/" in text or _NUMBER.search(text)):
        return False  # no value a target could have (an e-mail, a link, a number)
    said = _labels_say(labels)
    if said is not None:
        return said
    lowered = text.lower()
    if _CONTACT_WORDS.search(_without_selectors(lowered)):
        return False
    if _ACCOUNT_WORDS.search(lowered):
        return True
    continues = previous is not None and not previous.stripped.endswith((".", ":", ";"))
    if continues and LABEL.match(previous.text):
        continues = bool(labels)  # below a field but not indented to its value: a new line
    if continues and previous.stripped and _ACCOUNT_WORDS.search(previous.text[-60:].lower()):
        return True
    if continues and previous.stripped and _runs_on(before_previous, previous):
        return True  # "… the account "x.y"," / "also identified by phone … and e-mail" / "x@y"
    heading = line.heading if heading is None else heading
    return bool(_ACCOUNT_HEADING.search(heading)) and not _RECORDS_HEADING().search(heading)


def _runs_on(above: Line | None, line: Line) -> bool:
    """Whether a sentence that speaks of an account on `above` runs on over `line`."""
    return (
        above is not None
        and bool(above.stripped)
        and not above.stripped.endswith((".", ":", ";"))
        and not LABEL.match(line.text)
        and bool(_ACCOUNT_WORDS.search(above.text.lower()))
    )


def _labels_say(labels: tuple[str, ...]) -> bool | None:
    """Whether a line's field labels make it a target's or a contact's; None where none names
    either. The first label that says decides: its own, then the fields above it in its block
    (nearest first), then the field it stands under. A person's title outweighs an account
    in the same label ("Agent's account"); a channel ("Fax", "Office") says only where no
    label names a person or an account ("Customer:" / "Fax line: …" is the customer's)."""
    channel = None
    for label in labels:
        text = label.lower()
        if _ROLE_WORDS.search(text):
            return False
        if _ACCOUNT_WORDS.search(text):
            return True
        if _CHANNEL_WORDS.search(text):
            channel = False
    return channel


# "Username:   x", "Registered e-mail (per the victim):  y": a label, a colon, a value.
LABEL = re.compile(
    r"^(?P<indent>[ \t]*)(?P<label>(?=[\d-]*[^\W\d])\w[^:\n]{0,48}?)[ \t]*:[ \t]+(?=\S)"
)
# "ACCOUNT:" alone on its line: a label whose values are the fields below it.
_LONE_LABEL = re.compile(r"^[ \t]*(?P<label>[^\W\d][^:\n]{0,48}?)[ \t]*:[ \t]*$")


@dataclass
class _Field:
    labels: tuple[str, ...]  # its own label, then those it reads under
    column: int  # where a line below must start to run on from it
    above: list[str] = dataclass_field(default_factory=list)  # labels of the fields in it


def field_labels(layout: Layout) -> dict[int, tuple[str, ...]]:
    """The labels each line of a block of fields reads under (`_field_labels`)."""
    return dict(_once(layout, "field_labels", _field_labels))


def _field_labels(layout: Layout) -> dict[int, tuple[str, ...]]:
    """The labels each line of a block of fields reads under: its own, those of the fields
    above it in the block (nearest first), then those of the field it runs on from. A line
    indented to a field's value column runs on from that field ("Account:  No. 5002" /
    "    Line: …"), as do the lines under a label alone on its line ("ACCOUNT:"); a label
    that starts in lower case ends the unlabelled line above it (a label wrapped over two
    lines). A blank line or an unlabelled line ends the block."""
    out: dict[int, tuple[str, ...]] = {}
    block = _Field((), 0)
    field: _Field | None = None
    lines = layout.lines
    for line in lines:
        text = line.text
        indent = len(text) - len(text.lstrip())
        own = LABEL.match(text) if ":" in text else None  # (both labels end in a colon)
        lone = None if own or ":" not in text else _LONE_LABEL.match(text)
        if not text.strip():
            block, field = _Field((), 0), None
        elif field and indent >= field.column - 1:
            label = (own or lone)["label"] if own or lone else None
            out[line.number] = _read_under(field, label)
        elif own or lone:
            label = _wrapped((own or lone)["label"], lines, line.number, indent)
            out[line.number] = _read_under(block, label)
            field = _Field(out[line.number], own.end() if own else indent + 1)
        else:
            block, field = _Field((), 0), None
    return out


def _read_under(field: _Field, label: str | None) -> tuple[str, ...]:
    labels = ((label,) if label else ()) + tuple(reversed(field.above)) + field.labels
    if label:
        field.above.append(label)
    return labels


def _wrapped(label: str, lines: list[Line], number: int, indent: int) -> str:
    """The label with its first part, where the line above holds it ("Phone on account (per"
    / "the victim):  …")."""
    above = lines[number - 1].text if number else ""
    starts_above = above.strip() and len(above) - len(above.lstrip()) == indent
    if label[0].islower() and starts_above and not LABEL.match(above):
        return f"{above.strip()} {label}"
    return label


# (The first `\s*+` is possessive: the closing's own `\s*` would otherwise try every split of
# a long indent, and it finds nothing the possessive one does not.)
_VALEDICTION = re.compile(
    r"^\s*+(?:/s/|(?:yours\s+)?(?:sincerely|faithfully|truly|respectfully(?:\s+submitted)?|"
    r"(?:best|kind|warm)?\s*regards|thanks|thank\s+you|cordially)\s*[,.]?\s*$)",
    re.IGNORECASE,
)
_PART_BREAK = re.compile(
    r"^\s*(?:[-=_*]{10,}\s*$|(?:attachment|exhibit|schedule|appendix|annex)\b)", re.I
)
_SIGNATURE_LINES = 10


def _signature_lines(layout: Layout) -> set[int]:
    """The lines of each signature block: from the closing ("Sincerely," or a /s/ signature)
    over the name, title and contact lines below it, up to a blank pair, a rule or a new
    part of the document."""
    out: set[int] = set()
    lines = layout.lines
    for line in lines:
        if line.number in out or not _VALEDICTION.match(line.text):
            continue
        blank = 0
        for below in lines[line.number : line.number + _SIGNATURE_LINES]:
            blank = blank + 1 if not below.stripped else 0
            if blank == 2 or _PART_BREAK.match(below.text):
                break
            out.add(below.number)
    return out


_PARAGRAPH_NUMBER = re.compile(r"^(?P<indent>[ \t]*)\(?\d{1,2}[.)]\s+\S")


def _outside_their_heading(layout: Layout) -> set[int]:
    """Lines past the part their heading opens: a heading inside a numbered paragraph ("3. The
    account is:") reaches no further than the next paragraph of that numbering ("4. …")."""
    out: set[int] = set()
    opened: tuple[str, int] | None = None  # the heading, and the indent of its paragraph
    closed = False
    for line in layout.lines:
        number = _PARAGRAPH_NUMBER.match(line.text)
        if line.heading != (opened[0] if opened else None):
            opened = (line.heading, len(number["indent"])) if number else (line.heading, -1)
            closed = False
        elif number and len(number["indent"]) <= opened[1]:
            closed = True
        if closed:
            out.add(line.number)
    return out


def emails_in(text: str):
    """The e-mail addresses in a text (most lines have none, so look for '@' first)."""
    return EMAIL.finditer(text) if "@" in text else iter(())


def _without_selectors(text: str) -> str:
    """The line's words without its e-mails and URLs, so that 'office@x' is no label."""
    if "@" in text:
        text = EMAIL.sub(" ", text)
    return _URL.sub(" ", text) if "://" in text else text


_PHONE_WORD = re.compile(  # (?=…): the words' first letters, for a quick skip
    r"(?=[cmnpstw])\b(phone|telephone|mobile|cell|number|tel|sms|whatsapp)\b", re.I
)
_THREE_DIGITS = re.compile(r"\d{3}")
# A number written in pairs ("+33 5 57 55 01 42") has seven digits but no three in a row.
# (Its first digit is written once, outside the alternatives, so that the engine can skip
# straight to digits.)
_NUMBER = re.compile(r"\d(?:\d{2}|(?:\D{0,3}\d){6})")


# A number written as only a phone number is: "(757) 555-0148", "757-555-0148", "+44 20 …".
_PHONE_SHAPED = re.compile(
    r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}|(?<!\d)\d{3}([-.])\d{3}\1\d{4}(?!\d)|\+\d"
)


def phones_in(
    text: str,
    region: str,
    skip: list[tuple[int, int]] = (),
    context: str = "",
    shaped: bool = False,
) -> list[str]:
    """Phone numbers in `text`, where it or `context` (the words just before it) says phone,
    or, with `shaped`, where the number is written as a phone number is."""
    if not _NUMBER.search(text):
        return []  # most lines have no number: the cheapest look first
    said = bool(_PHONE_WORD.search(f"{context} {text}"))
    if not (said or (shaped and _PHONE_SHAPED.search(text))):
        return []
    out = []
    for match in _phone_matches(text, region):
        if any(match.start < e and s < match.end for s, e in skip):
            continue
        if not (said or _PHONE_SHAPED.search(match.raw_string)):
            continue
        out.append(phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164))
    return out


_COLUMN = re.compile(r"\S(?:.*?\S)?(?=\s{3,}|\s*$)")
_POSSIBLE = phonenumbers.Leniency.POSSIBLE


def _phone_matches(text: str, region: str):
    """The phone numbers of each column of a line apart (columns set apart by three spaces
    or more would run together into no number), with their offsets in the whole line."""
    for column in _COLUMN.finditer(text):
        for match in phonenumbers.PhoneNumberMatcher(column.group(0), region, _POSSIBLE):
            match.start += column.start()
            match.end += column.start()
            yield match


def normalise_phone(text: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_url(url: str) -> str | None:
    url = url.rstrip(".,;:!?")
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not host or check_domain(host).verified:
        return None  # an agency's own site is never a target
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING().match(k)])
    netloc = host + (f":{parts.port}" if parts.port else "")
    path = parts.path.rstrip("/") if parts.path not in ("", "/") else ""
    return urlunsplit((parts.scheme.lower(), netloc, path, query, ""))


def ips_in(text: str, order: DateOrder | None = None) -> list[tuple[int, str, str | None]]:
    """IP addresses in a text, where they stand, with the time the demand gives for each."""
    return [(position, address, at) for position, address, at, _ in _ips(Layout.of(text), order)]


def _ips(layout: Layout, order: DateOrder | None) -> list[tuple[int, str, str | None, int | None]]:
    """Each IP address with the time of its own record: the rest of its line and the lines
    that continue it (a wrapped sentence, a "Date and time:" field of its block), in the zone
    the record gives, else the zone its table's header declares ("Date/time (UTC)"); and its
    source port where the demand gives one."""
    out = []
    for line, matches in zip(layout.lines, _line_addresses(layout), strict=True):
        for match in matches:
            address = ipaddress.ip_address(match.group(0))
            record = _record(layout, line.number, match.end())
            zone = _declared_zone(layout, line.number)
            at = timestamp(record, order, zone)
            port = _port(layout, line.number, match, address.version, record)
            out.append((layout.line_starts[line.number] + match.start(), str(address), at, port))
    return out


# "203.0.113.58:41877", "source port 52144", "Port: 52144"
_JOINED_PORT = re.compile(r":(\d{1,5})(?!\d|:)")
_PORT_WORDS = OnFirstUse(
    r"\b(?:port|porta|puerto)(?:\s+(?:number|l[óo]gica))?\s*[:#]?\s*(\d{1,5})\b", re.I
)
_PORT_HEADER = re.compile(r"\b(?:port|porta|puerto|portnummer)\b", re.I)
_PORT_CELL = re.compile(r"(?<![\d.:/-])\d{1,5}(?![\d.:/-])")


def _port(
    layout: Layout, number: int, match: re.Match[str], version: int, record: str
) -> int | None:
    """The source port an address is given with: joined to it (IPv4 only), named in its
    record or a field of its block ("source port 52144", "Port: 52144"), or in the column a
    table's header names "Port"."""
    line = layout.lines[number].text
    joined = _JOINED_PORT.match(line, match.end()) if version == 4 else None
    if joined:
        return _valid_port(joined[1])
    block = " ".join(x.text for x in layout.lines[number + 1 : number + 1 + _RECORD_LINES])
    named = _PORT_WORDS().search(record) or (_FIELD.match(block) and _PORT_WORDS().search(block))
    if named:
        return _valid_port(named[1])
    return _port_column(layout, number, line)


def _port_column(layout: Layout, number: int, row: str) -> int | None:
    """The number in a table's row that stands under the header's "Port"."""
    for above in reversed(layout.lines[max(0, number - 12) : number]):
        header = _PORT_HEADER.search(above.text)
        if header and not _line_addresses(layout)[above.number]:
            start, end = header.span()
            for cell in _PORT_CELL.finditer(row):
                if cell.start() <= end + 2 and cell.end() >= start - 2:
                    return _valid_port(cell.group(0))
            return None
        if not above.text.strip():
            return None
    return None


def _valid_port(text: str) -> int | None:
    port = int(text)
    return port if 0 < port < 65536 else None


def _line_addresses(layout: Layout) -> list[list[re.Match[str]]]:
    """The IP addresses of each line (`_addresses`), found once for each text: the lines
    around an address are read again for its time, zone and port."""
    return _once(layout, "addresses", _find_line_addresses)


def _find_line_addresses(layout: Layout) -> list[list[re.Match[str]]]:
    # Only a line with an IPv4 address's shape or an IPv6 one's two colons can hold one:
    # those are found in one pass over the body (none runs over two lines).
    body = layout.body
    shaped = {layout.line_at(m.start()) for p in (_IPV4, _IPV6_HINT) for m in p.finditer(body)}
    return [list(_addresses(x.text)) if x.number in shaped else [] for x in layout.lines]


def _addresses(text: str):
    """The matches in a line that are IP addresses."""
    if not _THREE_DIGITS.search(text) and ":" not in text:
        return
    patterns = (_IPV4, _IPV6) if _IPV6_HINT.search(text) else (_IPV4,)
    matches = sorted((m for p in patterns for m in p.finditer(text)), key=lambda m: m.start())
    for match in matches:
        try:
            ipaddress.ip_address(match.group(0))
        except ValueError:
            continue
        yield match


# "Date and time:", "Timestamp:", "Hora:": a field of an address's block that dates it.
_FIELD = re.compile(r"^\s*(?P<label>[^\W\d][\w /()&.-]{0,40}):\s")
_TIME_FIELD = re.compile(r"\b(?:date|time|timestamp|when|data|hora|datum|zeit|heure)", re.I)
_CLOCK = re.compile(r"\d:\d\d")
_ITEM_START = OnFirstUse(r"^\s*(?:\(?[a-z0-9]{1,3}[.)]|[-*•])\s", re.I)
_RECORD_LINES = 4


def _record(layout: Layout, number: int, end: int) -> str:
    """What follows an address in its record: the rest of its line, then the lines below
    that continue it, up to a blank line, another address or a new item."""
    parts = [layout.lines[number].text[end:]]
    for line in layout.lines[number + 1 : number + 1 + _RECORD_LINES]:
        text = line.text
        if not text.strip() or _ITEM_START().match(text) or _line_addresses(layout)[line.number]:
            break
        field = _FIELD.match(text)
        if field and not (_TIME_FIELD.search(field["label"]) or _CLOCK.search(text)):
            continue  # "Source port: 33817" is the address's, but dates nothing
        parts.append(text)
    return " ".join(parts)


# A zone a table's header or the line introducing it declares: "Date/time (UTC)",
# "(Brasília time, UTC-3)".
_DECLARED_ZONE = OnFirstUse(
    r"\([^()]*?\b(?P<zone>(?:UTC|GMT)(?:\s?[+−-]\s?\d{1,2}(?::?\d{2})?)?|[A-Z]{2,4}T)\b[^()]*\)"
)
_RULE = re.compile(r"^[\s|+=_-]*$")
_HEADER_LINES = 2


def _declared_zone(layout: Layout, number: int) -> str:
    """The zone declared above the table an address's line stands in ("" where none is):
    the header and the line introducing the table, above its other rows and rules."""
    seen = 0
    for line in reversed(layout.lines[max(0, number - 40) : number]):
        text = line.text
        if _RULE.match(text) or _line_addresses(layout)[line.number]:
            continue
        declared = _DECLARED_ZONE().search(text)
        if declared:
            return declared["zone"].replace(" ", "")
        seen += 1
        if seen == _HEADER_LINES:
            break
    return ""
