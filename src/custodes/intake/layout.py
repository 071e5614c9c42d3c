"""The shape of a demand's text: e-mail headers, lines, headings, sentences.

Demands come as court forms, letters and e-mails. They share a shape: an optional header
block, headings ("ATTACHMENT A", "I. ACCOUNTS", "Records requested:"), enumerated items, and
paragraphs. Extraction reads that shape rather than any one form's wording.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from string import ascii_letters, ascii_uppercase

from custodes.intake.patterns import OnFirstUse

_HEADER = re.compile(
    r"^(From|To|Cc|Bcc|Date|Sent|Subject|Reply-To|Attachments|Importance)\s*:\s*(.*)$",
    re.IGNORECASE,
)
_ENUMERATED_HEADING = re.compile(r"^\(?(?:[IVX]{1,5}|[A-Z])[.)]\s+(?P<title>[A-Z].*)$")
# How a list marks its items: "1.", "(a)", "iv)", a bullet, "STEP 1.".
LIST_MARKER = re.compile(
    # ("1°)" is how French numbers a list)
    r"^\s*(?:\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]|\d{1,3}°\)?|[-•*–·▪]|"
    r"(?i:step|item|request|category|part)\s+\d{1,3}[.:)])\s+"
)
_INLINE_LABEL = re.compile(r"^(?P<label>[A-Z][a-z]+(?: [a-z]+){0,3})\.\s+(?=[A-Z])")
_NOT_LETTERS = re.compile(r"[^A-Za-z]+")
_LOWER_LETTER = re.compile(r"[a-z]")
_PARENTHETICAL = re.compile(r"\([^)]*\)?")
# A word broken over two lines ("in-" / "cluding"): rejoined on the first, lines kept; where
# the word's end is all its line held ("war-" / "rant."), that line goes with it.
# (Each starts only where a word does, as it would anyway: a start inside a word would cost a
# scan of the rest of the word at every letter.)
_HYPHENATED = re.compile(
    r"(?<![A-Za-z])([A-Za-z]{2,})-\n([ \t]*)([a-z]+)(?=[\s.,;:)])(?P<alone>[.,;:)]*[ \t]*(?:\n|$))?"
)
_HYPHENATED_CAPITALS = re.compile(
    r"(?<![A-Z])([A-Z]{2,})-\n([ \t]*)([A-Z]{2,})(?=[\s.,;:)])(?P<alone>[.,;:)]*[ \t]*(?:\n|$))?"
)


def _rejoined(match: re.Match[str]) -> str:
    if match["alone"] is not None:
        return match[1] + match[3] + match["alone"]
    return f"{match[1]}{match[3]}\n{match[2]}"


def _words_rejoined(pattern: re.Pattern[str], letters: str, text: str) -> str:
    """`pattern.sub(_rejoined, text)`, tried only where a line ends in a hyphen: at the start
    of the run of `letters` before it, the one place a match of the pattern can start there."""
    pieces, last = [], 0
    hyphen = text.find("-\n")
    while hyphen != -1:
        start = hyphen
        while start > last and text[start - 1] in letters:
            start -= 1
        match = pattern.match(text, start) if start >= last else None
        if match:
            pieces += [text[last:start], _rejoined(match)]
            last = match.end()
        hyphen = text.find("-\n", max(hyphen + 1, last))
    return "".join(pieces) + text[last:] if pieces else text


# "Username .......... bigred_verdict", "2. Phone number ..... 316-555-0190": a label (in a
# numbered list or not) and its value, written as "label: value".
_DOT_LEADER = re.compile(
    r"(?m)^([ \t]*(?:\(?[0-9a-z]{1,3}[.)][ \t]+)?[^\s.][^\n.]{0,60}?)[ \t]*(?:\.[ \t]?){3,}"
    r"[ \t]*(?=\S)(.*)$"
)
_DOT_PAIR = re.compile(r"\.[ \t]?\.")  # in every leader `_DOT_LEADER` finds


def _labelled(match: re.Match[str]) -> str:
    value = "" if re.fullmatch(r"[_\s]*", match[2]) else match[2]  # a blank left unfilled
    return f"{match[1]}: {value}".rstrip()


_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")


def _cells(row: re.Match[str]) -> list[str]:
    """A `_TABLE_ROW`'s cells, trimmed."""
    return [cell.strip() for cell in row[1].split("|")]


def _wrapped_cells_joined(text: str) -> str:
    """A table's row whose cells wrap onto a row of their own, its first cell empty
    ("| 1 | steelcity_ | 7730… |" / "|   | blues412 |   |"), written as one row; a cell
    that wrapped after a dot, an underscore or a hyphen goes on without a space."""
    if "|" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        row, above = _TABLE_ROW.match(line), _TABLE_ROW.match(out[-1]) if out else None
        cells = _cells(row) if row else []
        if above and cells and not cells[0] and any(cells):
            kept = _cells(above)
            if len(kept) == len(cells) and kept[0] and _goes_on(kept, cells):
                joined = (_joined_cell(a, b) for a, b in zip(kept, cells, strict=True))
                out[-1] = "| " + " | ".join(joined) + " |"
                continue
        out.append(line)
    return "\n".join(out)


def _goes_on(above: list[str], row: list[str]) -> bool:
    """Whether a row's cells go on with the row above's: that row holds values, no header's
    words ("| # | Value | Type |"), and a cell of it was cut ("steelcity_", "mck.rocks.") or
    goes on in lower case ("blues412"); a row of its own ("|  | Phone | +1 412 …|") does not."""
    if not any(_VALUE_MARK.search(cell) for cell in above):
        return False
    pairs = [(a, b) for a, b in zip(above, row, strict=True) if a and b]
    return bool(pairs) and all(a.endswith(("_", ".", "-", "@")) or b[0].islower() for a, b in pairs)


_VALUE_MARK = re.compile(r"[\d@_.]")


def _joined_cell(first: str, rest: str) -> str:
    if not rest:
        return first
    return first + rest if first.endswith(("_", ".", "-", "@")) else f"{first} {rest}".strip()


def _typed_table_rows(text: str) -> str:
    """A table with a value column and a type column ("| 1 | x.y | Username |"): each row
    written as "Username: x.y", so that it reads as any labelled target does."""
    if "|" not in text:
        return text  # no table row, and nothing to rewrite
    lines = text.split("\n")
    columns: tuple[int, int] | None = None
    for number, line in enumerate(lines):
        if columns is None and "|" not in line:
            continue  # no row, and no table to end
        row = _TABLE_ROW.match(line)
        if not row:
            columns = None if line.strip() and not set(line.strip()) <= set("+-=| ") else columns
            continue
        cells = _cells(row)
        names = [c.lower() for c in cells]
        if "value" in names and ({"type", "kind", "identifier type"} & set(names)):
            value = names.index("value")
            kind = next(i for i, n in enumerate(names) if n in ("type", "kind", "identifier type"))
            columns = (value, kind)
        elif columns and len(cells) > max(columns):
            # what the type cell says after a semicolon goes after the value: "IPv4;
            # 04/14/2026 06:22 PM EDT" is the address's time
            kind, _, detail = cells[columns[1]].partition(";")
            lines[number] = f"{kind}: {cells[columns[0]]}" + (
                f"; {detail.strip()}" if detail else ""
            )
    return "\n".join(lines)


_BOILERPLATE = OnFirstUse(
    r"(?is)(?=[ct])(confidentiality notice|this e-?mail (message)?[^.]{0,80}intended recipient)"
    r".*?(\n\s*\n|$)"
)


def _may_hold_boilerplate(body: str) -> bool:
    """Whether `_BOILERPLATE` may find anything: each of its notices holds one of two phrases
    (looked for lower-cased, where that reads as case-blind would)."""
    if not folds_plainly(body):
        return True
    lowered = body.lower()
    return "confidentiality notice" in lowered or "intended recipient" in lowered


# Pleading paper numbers its lines down the margin ("1" … "28", then again on each page).
_MARGIN_NUMBER = re.compile(r"^[ \t]{0,2}(\d{1,2})(?=[ \t]|$)", re.MULTILINE)
_NUMBERED_RUN = 8
_FIRST_TWO_NUMBERED = re.compile(
    r"^[ \t]{0,2}1(?:[ \t][^\n]*)?\n[ \t]{0,2}2(?=[ \t]|$)", re.MULTILINE
)


def _without_line_numbers(text: str) -> str:
    """The text with pleading paper's margin numbers blanked (their width kept, so columns
    and line numbers stay): only runs of lines numbered one after another count."""
    if not _FIRST_TWO_NUMBERED.search(text):
        return text  # pleading paper numbers its lines from 1, a court's page header above
    runs: list[list[re.Match[str]]] = []
    line, seen, previous_line = 0, 0, -2
    for mark in _MARGIN_NUMBER.finditer(text):
        line += text.count("\n", seen, mark.start())  # counted once over the text: linear
        seen = mark.start()
        previous = runs[-1][-1] if runs else None
        follows = (
            previous is not None
            and line == previous_line + 1
            and int(mark[1]) in (int(previous[1]) + 1, 1)
        )
        if follows:
            runs[-1].append(mark)
        else:
            runs.append([mark])
        previous_line = line
    blank = [m for run in runs if len(run) >= _NUMBERED_RUN for m in run]
    if not blank:
        return text
    pieces, last = [], 0
    for mark in blank:
        pieces += [text[last : mark.start(1)], " " * len(mark[1])]
        last = mark.end(1)
    return "".join(pieces) + text[last:]


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    heading: str  # the heading this line stands under ("" before the first)

    @cached_property  # (frozen, yet a cached property writes past the dataclass's guard)
    def stripped(self) -> str:
        return self.text.strip()


@dataclass
class Layout:
    text: str
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""
    # What several readers ask of this text's parts (is a sentence a request for silence?),
    # kept so that each is worked out once per text: a reader's name, then its answers.
    memo: dict[str, dict] = field(default_factory=dict, repr=False, compare=False)

    def remembered(self, reader: str) -> dict:
        return self.memo.setdefault(reader, {})

    @classmethod
    def of(cls, text: str) -> Layout:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
        text = _without_line_numbers(text)
        if not text.isascii():
            text = text.translate(_BOX_DRAWING)  # a table drawn in lines: "│ 1 │ x.y │"
        text = ocr_repaired(text)
        text = _numbers_mended(text)
        text = _words_rejoined(_HYPHENATED, ascii_letters, text)
        text = _words_rejoined(_HYPHENATED_CAPITALS, ascii_uppercase, text)
        text = _wrapped_cells_joined(text)
        text = _typed_table_rows(text)
        if _DOT_PAIR.search(text):  # most texts have no leader for `_DOT_LEADER` to scan for
            text = _DOT_LEADER.sub(_labelled, text)
        headers, body = _split_headers(text)
        if _may_hold_boilerplate(body):
            body = _BOILERPLATE().sub("\n\n", body)
        body = _without_own_replies(body, headers.get("To", ""))
        return cls(text=text, headers=headers, body=body)

    @cached_property
    def lines(self) -> list[Line]:
        out: list[Line] = []
        heading = ""
        raws = self.body.split("\n")
        for number, raw in enumerate(raws):
            title = heading_title(raw)
            if title is None and _headline(raw):
                before = raws[number - 1] if number else ""
                after = raws[number + 1] if number + 1 < len(raws) else ""
                alone = _blank_or_rule(after) and (
                    _blank_or_rule(before) or heading_title(before) == before.strip()
                )
                title = raw.strip() if alone else None
            if title is not None:
                heading = title
            out.append(Line(number, raw, heading))
        return out

    @cached_property
    def line_starts(self) -> list[int]:
        """The offset in `body` at which each line starts."""
        starts, offset = [], 0
        for line in self.body.split("\n"):
            starts.append(offset)
            offset += len(line) + 1
        return starts

    def line_at(self, position: int) -> int:
        return bisect_right(self.line_starts, position) - 1

    @cached_property
    def paragraphs(self) -> list[str]:
        return [p for p in re.split(r"\n\s*\n", self.body) if p.strip()]

    @cached_property
    def sentences_by_paragraph(self) -> list[tuple[str, list[str]]]:
        return [(p, self.sentences_in(p)) for p in self.paragraphs]

    def sentences_in(self, paragraph: str) -> list[str]:
        """The sentences of a paragraph (of this text, or made of its lines), each block's
        apart; cut once for each paragraph, however many readers ask."""
        cut = self.remembered("sentences_in")
        if paragraph not in cut:
            cut[paragraph] = [s for block in blocks_of(paragraph) for s in sentences_of(block)]
        return list(cut[paragraph])

    @cached_property
    def flat_body(self) -> str:
        """The body with each run of white space one space (`flat`)."""
        return flat(self.body)

    @cached_property
    def sentences(self) -> list[str]:
        return [s for _, sentences in self.sentences_by_paragraph for s in sentences]

    def top(self, count: int = 25) -> str:
        return "\n".join(line.text for line in self.lines[:count])


# A word a scanner misread ("disc1ose", "0RDERED", "ernbezzlement"): letters with a 1 or a
# 0 among them, or an "rn" or "m" that may stand for the other. Never a part of an address,
# a link, a handle or a number ("k1ng@x.com", "@ho1der", "2026").
# (The lookahead for a 1, 0, "rn" or "m" keeps only the tokens `_SUSPECT` finds a slip in:
# the rest need no mending, and skipping them here saves a call for every word. It comes
# before the one for two letters, which nearly every word passes, so as to fail sooner.)
_OCR_WORD = OnFirstUse(
    r"(?<![\w@./\\-])(?=[A-Za-z01])(?=[A-Za-z01]*?(?:[01mM]|[rR][nN]))(?=[A-Za-z01]*[A-Za-z]{2})"
    r"[A-Za-z01]{3,30}(?![\w@/-]|\.\w)"
)
_WORD = re.compile(r"[A-Za-z]{3,}")
_SUSPECT = re.compile(r"[01]|rn|m")
# The runs of letters and digits `_OCR_WORD` may match a token in, and the two letters it needs.
_RUN = re.compile(r"[a-z01]{3,30}")
_TWO_LETTERS = re.compile(r"[a-z]{2}")
_SUFFIX = re.compile(r"(?:ly|s|es|ed|ing)$")
# What comes just before a target's name ("Username: k1tten", "account “c0ffee”"): a name is
# spelt as it is, slip or not.
_NAMED = OnFirstUse(
    r"(?:user\s*name|handle|account|screen\s*name|profile|channel|page|id)\s*[:#]\s*$|[\"'“‘]$",
    re.IGNORECASE,
)
# The words the reader's own vocabularies are written in, beside the document's own.
_LEXICONS = (
    ("custodes.intake", "vocab/categories.toml"),
    ("custodes.intake", "vocab/dates.toml"),
    ("custodes.intake", "vocab/parts.toml"),
    ("custodes.law", "packs/meaning.toml"),
    ("custodes.law", "packs/us.toml"),
)
# Words the reader's cues turn on that its vocabularies may not spell out.
_CUE_WORDS = frozenset(
    re.findall(
        r"\w+",
        "order ordered orders disclose disclosed disclosure disclosing notify notified notice "
        "notification until unless child children minor sexual abuse exploitation material "
        "warrant subpoena summons commanded command produce provide preserve records information "
        "location content contents subscriber account holder holders metadata online inform "
        "looking email mail offense offenses offence offences assault embezzlement funds further "
        "hereby sealed existence period days months year years from through between attachment "
        "schedule ",
    )
)


@cache
def _lexicon() -> frozenset[str]:
    words: set[str] = set(_CUE_WORDS)
    for package, name in _LEXICONS:
        try:
            text = (resources.files(package) / name).read_text(encoding="utf-8")
        except (FileNotFoundError, ModuleNotFoundError):
            continue
        words.update(w.lower() for w in _WORD.findall(text))
    return frozenset(words)


# A number a scanner misread a digit of: an O or an l among digits ("November 1O, 2O26",
# "l5 days"); the mark next to a digit is a look for one first (most texts have none).
_NUMBER_SLIP = re.compile(r"\d[Ol]|[Ol]\d")
_SLIPPED_NUMBER = re.compile(r"(?<![\w@./\\-])(?=[\dOl]*\d)(?=[\dOl]*[Ol])[\dOl]{2,8}(?![\w@/-])")
_AS_DIGITS = str.maketrans("Ol", "01")


# What follows a number that a date or a count holds: ", 2O26", " days".
_COUNTED = re.compile(r"[ \t]*(?:,[ \t]*[\dOl]{4}\b|(?:days?|hours?|weeks?|months?|years?)\b)")


def _numbers_mended(text: str) -> str:
    """A number with a slip mended where it is one: more digits than slips ("2O26"), or as
    many before a year or a unit ("1O, 2026", "l5 days"); never a name ("Username: l0l",
    "Account ID: 1O0l", "O2"), which a label or fewer digits tells."""
    if not _NUMBER_SLIP.search(text):
        return text

    def mended(number: re.Match[str]) -> str:
        token = number[0]
        digits = sum(c.isdigit() for c in token)
        counted = digits * 2 > len(token) or (
            digits * 2 == len(token) and _COUNTED.match(text, number.end())
        )
        named = _NAMED().search(text, max(0, number.start() - 24), number.start())
        return token.translate(_AS_DIGITS) if counted and not named else token

    return _SLIPPED_NUMBER.sub(mended, text)


# A table drawn with the box-drawing characters, as its ASCII form draws it.
_BOX_DRAWING = str.maketrans("│┃║─━═┌┬┐├┼┤└┴┘╔╦╗╠╬╣╚╩╝", "|||---" + "+" * 18)


def ocr_repaired(text: str) -> str:
    """The text with a scanner's slips mended where the mended word is known: one the
    document itself writes so twice or more, or one of the reader's vocabularies. A 1 or 0 among
    letters is an l or o (I, L, O in capitals); an "rn" an "m" and an "m" an "rn". A word
    the document spells the same way twice is no slip, and is left as it is."""
    lexicon = _lexicon()
    if not _SUSPECT.search(text) or not _may_mend(text, lexicon):
        return text
    counted: Counter[str] | None = None

    def counts(word: str) -> int:  # counted only once a token needs it: most never do
        nonlocal counted
        if counted is None:
            counted = Counter(w.lower() for w in _WORD.findall(text))
        return counted[word]

    def mended(match: re.Match[str]) -> str:
        token = match[0]  # `_OCR_WORD` matches only tokens `_SUSPECT` finds a slip in
        lower = token.lower()
        if lower.isalpha() and lower in lexicon:
            return token  # a word the reader knows: no slip
        if _NAMED().search(text, max(0, match.start() - 24), match.start()):
            return token
        if lower.isalpha() and counts(lower) > 1:
            return token  # a word written so twice: no slip
        return _known_reading(token, lexicon, counts) or token

    return _OCR_WORD().sub(mended, text)


def _may_mend(text: str, lexicon: frozenset[str]) -> bool:
    """Whether a word of the text may be a slip `ocr_repaired` mends: one outside the
    lexicon with a reading in it or written twice. Its words are read once each, in lower
    case, and a reading's count is that of the string, never less than the word's: most texts
    have no slip, and are passed over here at the cost of one scan."""
    lowered = text.lower()
    for lower in set(_RUN.findall(lowered)) - lexicon:
        if not _SUSPECT.search(lower) or not _TWO_LETTERS.search(lower):
            continue
        if _known_reading(lower, lexicon, lowered.count):
            return True
    return False


def _known_reading(token: str, lexicon: frozenset[str], counts) -> str | None:
    """The first of a token's readings that the lexicon knows, or that the text writes twice
    or more (`counts` says how often it writes a word in lower case)."""
    digits = not token.isalpha()
    for candidate in _readings(token):
        word = candidate.lower()
        stem = _SUFFIX.sub("", word) if digits else word  # "informa1ly": informal
        if word in lexicon or stem in lexicon or counts(word) > 1 or counts(stem) > 1:
            return candidate
    return None


def _readings(token: str) -> list[str]:
    """What a token may have said before a scanner read it: its digits read as letters,
    then each "rn" read as "m" and each "m" as "rn"."""
    capitals = sum(c.isupper() for c in token) > sum(c.islower() for c in token)
    out = []
    if any(c in "01" for c in token):
        for one in ("L", "I") if capitals else ("l", "i"):
            zero = "O" if capitals else "o"
            letters = [(zero if c == "0" else one) if c in "01" else c for c in token]
            if token[0] == "0" and len(token) > 1 and token[1].islower():
                letters[0] = "O"  # "0rder": a capital starting a word
            out.append("".join(letters))
        return out
    for old, new in (("rn", "m"), ("m", "rn"), ("RN", "M"), ("M", "RN")):
        start = token.find(old)
        while start != -1:
            out.append(token[:start] + new + token[start + len(old) :])
            start = token.find(old, start + 1)
    return out


# Where a quoted message begins: its "From:" header, or "On …, X <x@y> wrote:".
_QUOTED_FROM = re.compile(
    r"^[>\s]*(?:From:\s*(?P<sender>.*)|On\s(?P<writer>.{5,160})\swrote:\s*)$", re.IGNORECASE
)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WRAPPED_ATTRIBUTION = re.compile(r"^[>\s]*On\s.{5,120}$")
_WROTE = re.compile(r"\swrote:\s*$")


def _without_own_replies(body: str, to: str) -> str:
    """The body without the messages quoted in it that the provider itself sent (an
    automatic reply, its answer to an earlier ask): they were written to the requester,
    not asked of the provider. Each is blanked line for line, up to the next quoted message,
    so that line numbers stay."""
    own = {a.lower() for a in _ADDRESS.findall(to)}
    lowered = body.lower()
    if not own or ("from:" not in lowered and "wrote:" not in lowered):
        return body
    lines = body.split("\n")
    blanking = False
    for number, line in enumerate(lines):
        quoted = _QUOTED_FROM.match(line)
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if not quoted and _WRAPPED_ATTRIBUTION.match(line) and _WROTE.search(following):
            # "On Thu, Nov 19, 2026 at 4:52 PM Halyard Response" / "<le@x.com> wrote:"
            quoted = _QUOTED_FROM.match(f"{line.rstrip()} {following.lstrip()}")
        if quoted:
            sender = {a.lower() for a in _ADDRESS.findall(quoted["sender"] or quoted["writer"])}
            blanking = bool(sender & own)
        if blanking:
            lines[number] = ""
    return "\n".join(lines)


def _split_headers(text: str) -> tuple[dict[str, str], str]:
    """The e-mail's headers and its body. Where the body opens, after a line or two of note
    at most, with another e-mail's headers (the demand's own e-mail, sent on as a document
    attached to this one), those are the demand's headers and leave the body too."""
    lines = text.split("\n")
    headers, index = _header_block(lines, 0)
    if not headers:
        return {}, text
    inner_start = next(
        (
            i
            for i in range(index, min(len(lines), index + _NOTE_LINES))
            if (i == index or not lines[i - 1].strip()) and _HEADER.match(lines[i].strip())
        ),
        None,
    )
    if inner_start is not None:
        inner, end = _header_block(lines, inner_start)
        if inner:
            return headers | inner, "\n".join(lines[index:inner_start] + lines[end:])
    return headers, "\n".join(lines[index:])


_NOTE_LINES = 6


def _header_block(lines: list[str], index: int) -> tuple[dict[str, str], int]:
    """The headers of a block starting at `index` (after blank lines) and where it ends;
    none unless it holds a From and another header."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    headers: dict[str, str] = {}
    while index < len(lines):
        match = _HEADER.match(lines[index].strip())
        if not match:
            break
        headers.setdefault(match[1].title(), match[2].strip())
        index += 1
    if len(headers) < 2 or "From" not in headers:
        return {}, index
    return headers, index


def heading_title(raw: str) -> str | None:
    """The title if the line is a heading, else None."""
    line = raw.strip()
    if not line or len(line) > 110 or line[0].islower():  # no kind of heading starts so
        return None
    words = line.split()
    if len(words) <= 12:  # (first, as the letters cost two passes over the line)
        unbracketed = _PARENTHETICAL.sub("", line) if "(" in line else line
        # (a letter in lower case rules it out at once: most lines have one)
        if not _LOWER_LETTER.search(unbracketed):
            letters = _NOT_LETTERS.sub("", unbracketed)
            if len(letters) >= 4 and letters.isupper():
                return line
    match = _ENUMERATED_HEADING.match(line)
    if match and not re.search(r"[;.,]\s*$", match["title"]):
        return line
    label = _INLINE_LABEL.match(line)
    if label and len(label["label"].split()) <= 3:
        return label["label"]
    if line.endswith(":") and len(words) <= 16 and not line[0].islower():
        return line
    return None


# The words a title in headline style leaves in lower case ("Property to Be Searched").
_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "under",
        "upon",
        "with",
    ]
)
_RULE = re.compile(r"^\s*[-=_*~]{5,}\s*$")


def _blank_or_rule(raw: str) -> bool:
    return not raw.strip() or bool(_RULE.match(raw))


def _headline(raw: str) -> bool:
    """A short line in headline style: "Provider Service Sheet", "Property to Be Searched",
    the title case a clerk may write a title in where another writes it in capitals. A title
    only where it stands alone (see `Layout.lines`)."""
    line = raw.strip()
    words = line.split()
    if not 0 < len(words) <= 8 or re.search(r"[\d@|:;,.!?\"“”]", line) or "   " in line:
        return False
    return line[0].isupper() and all(w[0].isupper() or w in _MINOR_WORDS for w in words[1:])


# A line that starts a new part even without a blank line before it: "Background: …",
# "Issued by: …", "1. …", "(b) …", "iv. …".
_PART_START = re.compile(
    r"^\s*(?:[A-Z][A-Za-z]+(?: [A-Za-z]+){0,3}:\s|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s)"
)
# A line of running text that the next line goes on: long, and ending inside a sentence.
_RUNS_ON = re.compile(r"[\w,]$")


def blocks_of(paragraph: str) -> list[str]:
    """A paragraph cut where a labelled or enumerated line starts a new part. A line that
    only looks so because the text was wrapped there ("… for thirty" / "(30) days …",
    "… Photo & Chat," / "Inc. shall …") goes on the part before it: one that follows a long
    line ending inside a sentence, in a paragraph where no part has started yet."""
    blocks: list[list[str]] = [[]]
    previous, parted = "", False
    for line in paragraph.split("\n"):
        if _PART_START.match(line):
            wrapped = not parted and len(previous) >= 50 and bool(_RUNS_ON.search(previous))
            if blocks[-1] and not wrapped:
                blocks.append([])
            parted = parted or not wrapped
        blocks[-1].append(line)
        previous = line.strip() or previous
    return ["\n".join(block) for block in blocks if any(x.strip() for x in block)]


# Words that end in a full stop without ending a sentence: titles, legal abbreviations,
# initials ("Fed. R. Crim. P. 17", "U.S. Attorney", "Mr. Ruiz", "J. Doe").
_ABBREVIATION = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|hon|sgt|det|lt|capt|cpl|insp|supt|st|jr|sr|no|nos|inc|co|corp|ltd|"
    r"fed|crim|civ|evid|app|supp|cir|dist|ct|stat|ann|sec|art|para|ch|vol|v|vs|e\.g|i\.e|"
    r"u\.s|u\.s\.c|c\.f\.r|a\.m|p\.m|approx|dept|gov|univ|ave|blvd|rd|ste)|"
    r"(?<![\w.])[A-Za-z])\.$",
    re.IGNORECASE,
)


# The longest word `_ABBREVIATION` knows ("approx.") is seven characters long.
_ABBREVIATION_REACH = 10
# Read against flattened text, whose white space is single spaces: the space it opens with is
# a literal the regex engine skips to, where a look-behind first is tried at every place.
_SENTENCE_END = re.compile(r" (?<=[.!?] )(?=[\"“(]?[A-Z0-9])")


def _ends_in_abbreviation(sentence: str) -> bool:
    # Searched only over the sentence's last characters, where a match must stand: a search
    # over the whole of a long sentence costs far more and finds the same.
    return _ABBREVIATION.search(sentence, max(0, len(sentence) - _ABBREVIATION_REACH)) is not None


def sentences_of(paragraph: str) -> list[str]:
    flat = " ".join(paragraph.split())
    parts = _SENTENCE_END.split(flat)
    sentences: list[str] = []
    for part in parts:
        if sentences and _ends_in_abbreviation(sentences[-1]):
            sentences[-1] += " " + part
        elif part:
            sentences.append(part)
    return sentences


def flat(text: str) -> str:
    return " ".join(text.split())


# The only characters outside ASCII that a case-blind pattern reads as an ASCII letter ("ı",
# "ſ", "İ", the Kelvin sign); lower case changes the length of "İ" alone, and keeps what is
# a letter or a digit so.
_ASCII_FOLDING = re.compile("[\u0130\u0131\u017f\u212a]")


def folds_plainly(text: str) -> bool:
    """Whether a case-sensitive pattern of ASCII words finds in `text.lower()`, at the same
    places, what the same pattern finds case-blind in `text`."""
    return text.isascii() or not _ASCII_FOLDING.search(text)


# What a case-blind pattern reads as "i" and "s" that lower case keeps apart (and makes two
# characters of "İ"); the Kelvin sign lower-cases to "k" as it is read.
_CASE_FOLDS = str.maketrans("İıſ", "iis")


def folded(text: str) -> str:
    """`text` in lower case as a case-blind pattern reads it, letter for letter: a pattern
    that minds case reads it as that pattern case-blind reads `text`, at the same places."""
    if "İ" in text or "ı" in text or "ſ" in text:  # a look is far quicker than translate()
        text = text.translate(_CASE_FOLDS)
    return text.lower()
