"""A demand's document split into its parts, each with a role: letterhead, e-mail headers,
cover letter, caption, addressee, command, attachments and schedules, targets, period,
reason, secrecy, signature, contact, boilerplate; "other" where no rule holds.

Roles come from the layout (labels, headings, blank-line blocks, position) and from word
lists kept as data in vocab/parts.toml, which also says in which order the rules are tried.
Line numbers are those of the document's text as stored and shown (1 for the first line),
not of `Layout.body`, which drops an e-mail's header lines and replaces boilerplate: the
mapping between the two is `origins`. No Django here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from custodes.intake.boxes import BOX
from custodes.intake.layout import LIST_MARKER, Layout, flat
from custodes.intake.roles import OTHER, ROLES, labels, vocabulary


@dataclass(frozen=True)
class Part:
    role: str
    first: int  # the first line it covers, 1-based, in the document's text as stored
    last: int  # the last line it covers (inclusive)
    words: str  # its text, flattened
    title: str | None = None  # the heading or label it opens with, where it has one
    attachment: str | None = None  # the attachment it stands in ("ATTACHMENT B")

    def holds(self, line: int) -> bool:
        return self.first <= line <= self.last


def document_lines(text: str) -> list[str]:
    """The document's lines as stored and shown, split as `Layout` splits them."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# --- the rules, as data ---------------------------------------------------------------


def _words_pattern(words: list[str]) -> re.Pattern[str]:
    alternatives = []
    for word in sorted(words, key=len, reverse=True):
        open_end = word.endswith("*")
        body = re.escape(word.rstrip("*"))
        start = r"(?<![\w])" if word[:1].isalnum() else ""
        end = "" if open_end or not word.rstrip("*")[-1:].isalnum() else r"(?![\w])"
        alternatives.append(f"{start}{body}{end}")
    return re.compile("|".join(alternatives) or r"(?!)")


@dataclass(frozen=True)
class _Rules:
    target_label_ends: tuple[str, ...]
    continuing_labels: frozenset[str]
    headings: list[tuple[str, re.Pattern[str]]]
    # (role, words, on short lines only, only where a target's value stands too)
    phrases: list[tuple[str, re.Pattern[str], bool, bool]]
    introduces: dict[str, str]
    section_roles: frozenset[str]
    proper_roles: frozenset[str]
    greeting: re.Pattern[str]
    names: dict[str, str]


@cache
def rules() -> _Rules:
    data = vocabulary()
    return _Rules(
        target_label_ends=tuple(data["target_label_ends"]),
        continuing_labels=frozenset(data["continuing_labels"]),
        headings=[(g["role"], _words_pattern(g["words"])) for g in data["headings"]],
        phrases=[
            (
                g["role"],
                _words_pattern(g["words"]),
                g.get("short_lines", False),
                g.get("needs_value", False),
            )
            for g in data["phrases"]
        ],
        introduces=dict(data["introduces"]),
        section_roles=frozenset(data["section_roles"]),
        proper_roles=frozenset(data["proper_roles"]),
        names={role: data["names"].get(role, role) for role in ROLES},
        greeting=re.compile(
            rf"^\W*(?:{'|'.join(map(re.escape, data['greetings']))})\b", re.IGNORECASE
        ),
    )


# --- where the body's lines stand in the document --------------------------------------

_HEADER = re.compile(
    r"^(From|To|Cc|Bcc|Date|Sent|Subject|Reply-To|Attachments|Importance)\s*:", re.IGNORECASE
)


def origins(layout: Layout, original: list[str]) -> list[int | None]:
    """For each line of `layout.body`, the index (0-based) of the document line it came from,
    None where it stands for nothing there (the blank lines left for a boilerplate)."""
    text = layout.text.split("\n")
    to_original = _same_lines(text, original)
    body = layout.body.split("\n")
    index = _body_start(layout, text, body)
    out: list[int | None] = []
    i = 0
    while i < len(body):
        if index < len(text) and text[index] == body[i]:
            out.append(index)
            index, i = index + 1, i + 1
            continue
        # Lines left out (a forwarded message's headers): the body goes on further down.
        skipped = _resume(text, body, index, i) if body[i].strip() else None
        if skipped is not None and skipped < len(text):
            index = skipped
            continue
        # Boilerplate replaced: the line keeps what stood before it, then blank lines.
        kept = body[i].strip() and index < len(text) and text[index].startswith(body[i])
        out.append(index if kept else None)
        i += 1
        while i < len(body) and not body[i].strip():
            out.append(None)
            i += 1
        resumed = _resume(text, body, index + 1, i)
        if resumed is None:
            out.extend([None] * (len(body) - i))
            break
        index = resumed
    return [to_original[n] if n is not None else None for n in out]


def _body_start(layout: Layout, text: list[str], body: list[str]) -> int:
    if not layout.headers:
        return 0
    index = 0
    while index < len(text) and not text[index].strip():
        index += 1
    while index < len(text) and _HEADER.match(text[index].strip()):
        index += 1
    if index < len(text) and body and text[index] == body[0]:
        return index
    return max(0, len(text) - len(body))  # no boilerplate in the body's way: the tail


def _resume(text: list[str], body: list[str], start: int, i: int) -> int | None:
    """The index in `text` from which `body[i:]` goes on line for line."""
    if i >= len(body):
        return len(text)
    for size in (3, 1):  # a few lines alike, else the one (a boilerplate may follow it)
        window = body[i : i + size]
        for index in range(start, len(text)):
            if text[index : index + len(window)] == window:
                return index
    return None


def _same_lines(text: list[str], original: list[str]) -> list[int]:
    """Layout keeps one line for each of the document's; should it ever not, the lines are
    matched by their words."""
    if len(text) == len(original):
        return list(range(len(text)))
    from difflib import SequenceMatcher

    mapping = [0] * len(text)
    matcher = SequenceMatcher(None, [flat(t) for t in text], [flat(o) for o in original], False)
    last = 0
    for tag, a0, a1, b0, _b1 in matcher.get_opcodes():
        for n in range(a0, a1):
            mapping[n] = min(len(original) - 1, b0 + (n - a0) if tag == "equal" else b0)
            last = mapping[n]
    return [m if m >= 0 else last for m in mapping]


# --- blocks and their roles -------------------------------------------------------------

_LABEL = re.compile(r"^\W*(?P<label>[A-Za-z][\w()'’/&.-]*(?:[ \t]+[\w()'’/&.-]+){0,5}?)[ \t]*:")
_INLINE_LABEL = re.compile(r"^(?P<label>[A-Z][a-z]+(?: [a-z]+){0,3})\.\s+[A-Z]")
_ENUMERATED_TITLE = re.compile(r"^\(?(?:[IVX]{1,5}|[A-Z]|\d{1,2})[.)]\s+(?P<title>[A-Z].*)$")
_ATTACHMENT = re.compile(
    r"^\W*(?P<name>(?:attachment|schedule|exhibit|appendix|annex|anlage)\s+[\w.-]{1,4})\b",
    re.IGNORECASE,
)
_NOT_LETTERS = re.compile(r"[^A-Za-z]+")
_FORWARDED = re.compile(r"^\s*-{2,}\s*(?:forwarded|original)\b|^\s*begin forwarded", re.I)
_CLOSING = re.compile(r"^\W*(?:regards|sincerely|respectfully|thanks|thank you|best)\b", re.I)


@dataclass
class _Block:
    lines: list[tuple[int, str]]  # (document line index, text)
    role: str = OTHER
    title: str | None = None
    attachment: str | None = None
    by: str = ""  # which rule gave the role

    @property
    def first_text(self) -> str:
        return self.lines[0][1].strip()

    @property
    def text(self) -> str:
        return "\n".join(t for _, t in self.lines)


def split_parts(text: str, layout: Layout | None = None) -> list[Part]:
    """The parts of a document's text, in order, each with its role and its line range."""
    layout = layout or Layout.of(text)
    original = document_lines(text)
    where = origins(layout, original)
    body = layout.body.split("\n")
    covered = {n for n in where if n is not None}
    blocks = _header_and_removed_blocks(layout, original, covered)
    blocks += [b for b in _blocks(body, where) if any(c.isalnum() for c in b.text)]
    blocks.sort(key=lambda b: b.lines[0][0])
    _assign_roles(blocks, bool(layout.headers))
    return _parts(_merged(blocks))


def _header_and_removed_blocks(
    layout: Layout, original: list[str], covered: set[int]
) -> list[_Block]:
    """The lines Layout left out of its body: an e-mail's headers at the top, and the
    boilerplate (confidentiality notices) it replaced."""
    first_body = min(covered) if covered else len(original)
    out: list[_Block] = []
    if layout.headers:
        lines = [(n, original[n]) for n in range(first_body) if original[n].strip()]
        if lines:
            out.append(_Block(lines, "email_headers", "e-mail headers", by="layout"))
    current: list[tuple[int, str]] = []
    for n in range(first_body, len(original) + 1):
        if n < len(original) and n not in covered and original[n].strip():
            current.append((n, original[n]))
        elif current and (n == len(original) or original[n].strip()):
            out.append(_left_out(current))
            current = []
    return out


def _left_out(lines: list[tuple[int, str]]) -> _Block:
    """Lines inside the document that Layout left out of its body: the headers of the
    message it was sent on in, or a boilerplate it replaced."""
    if all(_HEADER.match(t.strip()) or _FORWARDED.match(t) for _, t in lines):
        return _Block(lines, "email_headers", "e-mail headers", by="layout")
    return _Block(lines, "boilerplate", by="layout")


def _blocks(body: list[str], where: list[int | None]) -> list[_Block]:
    """Runs of lines between blank lines, cut again where a labelled line starts."""
    out: list[_Block] = []
    current: list[tuple[int, str]] = []
    for line, origin in zip(body, where, strict=False):
        if origin is None or not line.strip():
            if current:
                out.append(_Block(current))
            current = []
            continue
        if current and _starts_part(line, current[-1][1], current[0][1]):
            out.append(_Block(current))
            current = []
        current.append((origin, line))
    if current:
        out.append(_Block(current))
    return out


def _starts_part(line: str, previous: str, block_first: str) -> bool:
    stripped = line.strip()
    if _HEADER.match(stripped) and (
        _HEADER.match(block_first.strip()) or _FORWARDED.match(block_first)
    ):
        return False  # a forwarded message's headers stay together
    if _ATTACHMENT.match(stripped) and _is_heading(stripped):
        return True
    if previous.rstrip().endswith(":") and LIST_MARKER.match(line):
        return True  # an introduction and the list it opens
    label = _label_role(stripped)
    if label is None or LIST_MARKER.match(line) or _continues(stripped):
        return False
    # "Contact: …" after "Issued by: …" is a part of its own; "Attn: …" after "To: …" is not
    return label[0] != _label_role(block_first.strip(), default=(None, None))[0]


def _label_role(line: str, default=None) -> tuple[str, str] | None:
    match = _LABEL.match(line) or _INLINE_LABEL.match(line)
    if not match:
        return default
    label = " ".join(match["label"].lower().split()).rstrip(".")
    r = rules()
    for word, role in labels():
        if label == word or (label.startswith(word + " ") and role in ("schedule", "period")):
            return role, match["label"]
    named = match["label"][:1].isupper() and len(label.split()) <= 4
    if (
        named
        and not LIST_MARKER.match(line)
        and any(label.endswith(" " + end) for end in r.target_label_ends)
    ):
        return "targets", match["label"]
    return default


def _continues(line: str) -> bool:
    """Whether a labelled line only goes on with the part it stands in ("E-mail: …")."""
    match = _LABEL.match(line.strip())
    return bool(match) and " ".join(match["label"].lower().split()) in rules().continuing_labels


def _is_heading(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > 110 or line[0].islower():
        return False
    words = line.split()
    unbracketed = re.sub(r"\([^)]*\)?", "", line)
    letters = _NOT_LETTERS.sub("", " ".join(w for w in unbracketed.split() if w not in _MINOR))
    if len(letters) >= 4 and letters.isupper() and len(words) <= 14:
        return True
    title = _ENUMERATED_TITLE.match(line)
    if title and len(words) <= 14 and not re.search(r"[;.,]\s*$", line):
        return True
    if line.endswith(":") and len(words) <= 12:
        return True
    return len(words) <= 8 and _title_case(line) and not line.endswith((".", ",", ";"))


def _titles_section(line: str) -> bool:
    """A heading in capitals, enumerated or in a title's case titles what follows it; a
    line that only ends in a colon ("Records requested for the period …:") opens a list."""
    body = line.strip().rstrip(":")
    letters = _NOT_LETTERS.sub("", " ".join(w for w in body.split() if w not in _MINOR))
    return (len(letters) >= 4 and letters.isupper()) or bool(
        _ENUMERATED_TITLE.match(body) or _title_case(body)
    )


_MINOR = frozenset(
    {"a", "an", "and", "as", "at", "be", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"per", "the", "to", "under", "upon", "with"}
)


def _title_case(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return len(words) >= 2 and all(w[0].isupper() or w.lower() in _MINOR for w in words)


def _heading_role(block: _Block) -> tuple[str, str] | None:
    for _, raw in block.lines[:2]:
        line = raw.strip()
        if not _is_heading(line):
            return None  # a heading stands first; a second only under a first
        lowered = line.lower()
        for role, pattern in rules().headings:
            if pattern.search(lowered):
                return role, line
    return None


_SHORT = 60
_VALUE = re.compile(r"(?<![\w@])@\w|\w@\w|\d{3}|https?://|www\.")


def _phrase_role(block: _Block, in_letter: bool = False) -> str | None:
    lowered = flat(block.text).lower()
    short = "\n".join(t.strip() for _, t in block.lines if len(t.strip()) <= _SHORT).lower()
    for role, pattern, short_only, needs_value in rules().phrases:
        if needs_value and not _VALUE.search(lowered):
            continue
        if pattern.search(short if short_only else lowered):
            if role == "caption" and in_letter:
                return "cover_letter"  # "our case number is …" in a letter's prose
            return role
    return None


def _assign_roles(blocks: list[_Block], is_email: bool) -> None:
    r = rules()
    section: str | None = None
    section_title: str | None = None
    attachment: str | None = None
    seen_proper = False
    in_letter = False
    signed_off = False
    previous: _Block | None = None
    for block in blocks:
        if block.by == "layout":  # e-mail headers and replaced boilerplate: already known
            previous = block
            continue
        first = block.first_text
        attached = _ATTACHMENT.match(first)
        if attached and _is_heading(first):
            attachment = attached["name"].upper()
            section, section_title = None, None
        block.attachment = attachment
        label = _label_role(first)
        heading = _heading_role(block)
        if section and not heading and _is_heading(first) and _titles_section(first):
            section, section_title = None, None  # "II. DEFINITIONS" ends "I. INSTRUCTIONS"
        headers = sum(bool(_HEADER.match(t.strip())) for _, t in block.lines)
        if headers >= 2 and any(t.strip().lower().startswith("from") for _, t in block.lines):
            block.role, block.title, block.by = "email_headers", "e-mail headers", "label"
        elif r.greeting.match(first) and len(block.lines) <= 2:
            block.role, block.by = "cover_letter", "position"  # "Dear Custodian of Records:"
        elif label:
            block.role, block.title, block.by = label[0], label[1], "label"
        elif heading:
            block.role, block.title, block.by = heading[0], heading[1], "heading"
        elif attached and _is_heading(first):
            block.role, block.title, block.by = "attachment", first, "attachment"
        elif (
            previous is not None
            and previous.text.rstrip().endswith(":")
            and (previous.role in r.introduces or LIST_MARKER.match(block.lines[0][1]))
        ):
            block.role, block.by = _introduced(previous.role, block), "introduction"
            block.title = previous.title
        elif section:
            block.role, block.title, block.by = section, section_title, "section"
            phrase = _phrase_role(block)
            if phrase in _OUTRANK_SECTIONS and phrase != section:
                # "BACKGROUND … IT IS HEREBY ORDERED …": the order is no background
                block.role, block.title, block.by = phrase, None, "words"
                if section in ("reason", "period"):
                    section, section_title = None, None
        elif _checklist(block):
            block.role, block.by = "schedule", "checklist"
        else:
            phrase = _phrase_role(block, in_letter or is_email)
            if phrase:
                block.role, block.by = phrase, "words"
            elif attachment:
                block.role, block.title, block.by = "attachment", attachment, "attachment"
        # where a heading opens a section, or any other heading closes one
        if block.by == "heading":
            opens = block.role in r.section_roles and _titles_section(block.title or "")
            section, section_title = (block.role, block.title) if opens else (None, None)
        elif block.by in ("words", "attachment") and _is_heading(first):
            section, section_title = None, None
        # position: the letterhead above the demand proper; the letter of an e-mail
        if r.greeting.match(first):
            in_letter = True
        if block.role == "letterhead" and seen_proper:
            block.role, block.by = OTHER, ""
        if not seen_proper and block.role in (OTHER, "contact", "signature"):
            if in_letter or (is_email and block.by != "label"):
                block.role = "cover_letter" if block.role == OTHER else block.role
            elif _letterhead_like(block):
                block.role, block.by = "letterhead", "position"
        elif in_letter and block.role == OTHER and block.attachment is None:
            block.role, block.by = "cover_letter", "position"
        if block.role == "caption":
            in_letter = False
        if _CLOSING.match(first) and block.role in (OTHER, "cover_letter"):
            block.role, block.by = "signature", "words"
            signed_off = True
        elif signed_off and block.role in (OTHER, "cover_letter"):
            block.role, block.by = "signature", "position"  # the name and title below it
        elif block.role not in (OTHER, "signature", "contact"):
            signed_off = False
        if block.role in r.proper_roles:
            seen_proper = True
        previous = block


# What a part's words make it whatever section it stands in.
_OUTRANK_SECTIONS = frozenset({"command", "secrecy", "signature", "email_headers"})


def _introduced(role: str, block: _Block) -> str:
    """What the part after an introduction holds: a command's list is its schedule, unless
    it names the targets ("YOU ARE COMMANDED to search: …the account with user ID …")."""
    listed = bool(LIST_MARKER.match(block.lines[0][1]))
    if role == "command" and not listed and _phrase_role(block) == "targets":
        return "targets"
    if role in ("command", "period", OTHER) and listed:
        return "schedule"  # "… to seize, for the period …:" and its list
    return rules().introduces.get(role, OTHER)


_RECORD_WORDS = re.compile(
    r"\b(?:subscriber|content|messages?|login|ip|location|records?|information|logs?|posts?|"
    r"photos?|videos?|contacts?|payment|history)\b",
    re.IGNORECASE,
)


def _checklist(block: _Block) -> bool:
    """A form's boxes of records to tick ("[X] Basic subscriber information")."""
    boxes = [t for _, t in block.lines if BOX.match(t.lstrip())]
    return len(boxes) >= 2 and sum(bool(_RECORD_WORDS.search(t)) for t in boxes) >= 2


def _letterhead_like(block: _Block) -> bool:
    return len(block.lines) <= 8 and all(len(t.strip()) <= 80 for _, t in block.lines)


_ALWAYS_MERGED = frozenset(
    {"caption", "letterhead", "email_headers", "boilerplate", "signature", "addressee", "targets"}
)


def _merged(blocks: list[_Block]) -> list[_Block]:
    """Neighbouring blocks of one role (and one attachment) as one part."""
    out: list[_Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if (
            last is not None
            and last.role == block.role
            and last.attachment == block.attachment
            and block.role not in (OTHER, "command")
            and (
                block.by in ("introduction", "section", "position", "attachment", "layout")
                or block.role in _ALWAYS_MERGED
            )
        ):
            last.lines.extend(block.lines)
            continue
        out.append(block)
    return out


def _parts(blocks: list[_Block]) -> list[Part]:
    return [
        Part(
            role=block.role,
            first=block.lines[0][0] + 1,
            last=block.lines[-1][0] + 1,
            words=flat(block.text),
            title=block.title,
            attachment=block.attachment,
        )
        for block in blocks
    ]


def role_name(role: str) -> str:
    """The role as the case page names it ("e-mail headers", "records asked for")."""
    return rules().names.get(role, role)


def part_at(parts: list[Part], line: int) -> Part | None:
    """The part that covers a (1-based) line, if any."""
    for part in parts:
        if part.holds(line):
            return part
    return None
