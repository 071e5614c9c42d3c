"""The reader gives the same decision whatever the layout accident.

Every sample demand in ../shared/cases and its sub-folders is read once as it came, then again
after a transformation that a scanner, a fax, a portal or another clerk could have made: its
paragraphs wrapped at another width, its headings in another case, its lists marked otherwise,
a few OCR slips, words hyphenated over lines, the cover letter after the attachment, the
demand sent as an e-mail attachment of no declared type. What the review makes of it (its
action, allowed categories, notice, findings, and the request's instrument, categories and
selectors) must not change. This compares a reading with a reading, never with the expected
file: a sample still misread must at least be misread the same way.

Each transformation is drawn by hypothesis, derandomized so that CI is reproducible.
"""

from __future__ import annotations

import email
import email.policy
import re
import textwrap
from email.message import EmailMessage
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from custodes.intake import extract_request, read_document
from custodes.law import review
from tests.helpers import CASES, config
from tests.intake.test_corpus import _demands, _name

# (sample, transformation) cases that still break for a cause outside the normalisation
# (layout.py, mail.py, document.py): each names the module and what goes wrong there.
KNOWN_BREAKS: dict[tuple[str, str], str] = {}

_ABSENT = f"{CASES} is absent: the sample demands are not beside this clone"
# Hypothesis walks over every sample: slow (`make test` runs them, `make test-fast` does not).
pytestmark = [pytest.mark.skipif(not CASES.is_dir(), reason=_ABSENT), pytest.mark.slow]

# A handful of draws each, derandomized so that CI sees the same ones every run; wrapping,
# whose one draw is a width, gets twice as many.
SETTINGS = settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    database=None,
    phases=(Phase.explicit, Phase.generate),  # no shrinking: a known break stays quick
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _samples() -> list[Path]:
    return [p for p in _demands() if CASES in p.parents and p.suffix in (".txt", ".eml")]


def _providers(path: Path) -> tuple[str, ...]:
    lines = (path.parent / "PROVIDER").read_text().splitlines()
    return tuple(line.strip() for line in lines if line.strip())


def _decided(text: str, path: Path) -> dict:
    """What the review makes of the text, in the fields that must not change."""
    request = extract_request(text)
    decision = review(request, config(providers=_providers(path))).to_dict()
    data = request.to_dict()
    return {
        "action": decision["action"],
        "allowed": sorted(decision["allowed_categories"]),
        "notice": decision["notice"]["action"],
        "findings": sorted({f["code"] for f in decision["findings"]}),
        "instrument": data["instrument"],
        "categories": sorted(data["categories"]),
        "selectors": sorted({(s["kind"], s["value"]) for s in data["selectors"]}),
    }


@cache
def _text(path: Path) -> str:
    return read_document(path)


@cache
def _baseline(path: Path) -> dict:
    return _decided(_text(path), path)


@cache
def _requester(path: Path) -> str | None:
    return extract_request(_text(path)).requester.email


@cache
def _protected_words(path: Path) -> frozenset[str]:
    """Words an OCR slip or a hyphen must leave alone: the targets' values, the provider's
    names (a slip there is another company), and dates' month and day names."""
    words = set(_MONTHS_AND_DAYS)
    for _, value in _baseline(path)["selectors"]:
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", value))
    for name in _providers(path):
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", name))
    return frozenset(words)


_MONTHS_AND_DAYS = frozenset(
    re.findall(
        r"\w+",
        "january february march april may june july august september october november "
        "december jan feb mar apr jun jul aug sep sept oct nov dec "
        "monday tuesday wednesday thursday friday saturday sunday",
    )
)

# ---------------------------------------------------------------------------------------------
# The shape of a demand's lines, as the transformations see it.

_ITEM = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>\(?\d{1,2}[.)]|\(?[a-z][.)]|[-•*])"
    r"(?P<gap>[ \t]+)(?P<rest>\S.*)$"
)
_LABEL = re.compile(r"^\s*[A-Z][\w .,'&/()-]{0,40}:(\s|$)")
_RULE = re.compile(r"^\s*[-=_*~+]{5,}\s*$")
_COLUMNS = re.compile(r"\S[ \t]{3,}\S")
_SMALL = {"a", "an", "and", "as", "at", "be", "by", "for", "in", "of", "on", "or", "the", "to"}
_ROMAN = re.compile(r"^[IVX]{1,5}[.)]?$")


def _upper_heading(line: str) -> bool:
    """A line in capitals that stands as a title ("ATTACHMENT B", "III. RECORDS")."""
    stripped = line.strip()
    letters = re.sub(r"[^A-Za-z]", "", stripped)
    return (
        len(letters) >= 4
        and letters.isupper()
        and len(stripped.split()) <= 12
        and not re.search(r"[\d@\"“”|]", stripped)
        and not _COLUMNS.search(stripped)
        and not _RULE.match(stripped)
    )


def _blankish(line: str) -> bool:
    return not line.strip() or bool(_RULE.match(line))


def _title_heading(lines: list[str], index: int) -> bool:
    """A line in title case standing alone between a title or blank and a blank ("Property to
    Be Searched" below "ATTACHMENT A")."""
    stripped = lines[index].strip()
    words = stripped.split()
    before = lines[index - 1] if index else ""
    after = lines[index + 1] if index + 1 < len(lines) else ""
    return (
        0 < len(words) <= 8
        and not re.search(r"[\d@\"“”|:;,.]", stripped)
        and not _COLUMNS.search(stripped)
        and stripped[0].isupper()
        and any(c.islower() for c in stripped)
        and all(w[0].isupper() for w in words if len(w) >= 4)
        and (_blankish(before) or _upper_heading(before))
        and _blankish(after)
        and not _ITEM.match(lines[index])
    )


def _running(line: str) -> bool:
    """A line of running text: no heading, list item, label, table or column layout."""
    stripped = line.strip()
    return bool(
        stripped
        and not _upper_heading(line)
        and not _ITEM.match(line)
        and not _LABEL.match(line)
        and not _RULE.match(line)
        and not _COLUMNS.search(stripped)
        and "|" not in stripped
        and not stripped.startswith(">")
    )


def _header_end(lines: list[str]) -> int:
    """Where an e-mail's headers, as the reader prints them above its body, end."""
    index = 0
    while index < len(lines) and re.match(r"^(From|To|Cc|Date|Subject):", lines[index]):
        index += 1
    return index if index >= 2 else 0


def _paragraphs(lines: list[str]) -> list[tuple[int, int]]:
    """The running paragraphs, as [start, end) line ranges: runs of two running lines or
    more after a blank line or a title (never a list item's continuation), every line but the
    last long. A line standing alone is a title, a label or an introduction, left in place."""
    found = []
    index = _header_end(lines)
    while index < len(lines):
        starts = _running(lines[index]) and (
            not index or _blankish(lines[index - 1]) or _upper_heading(lines[index - 1])
        )
        if not starts:
            index += 1
            continue
        end = index
        while end < len(lines) and _running(lines[end]):
            end += 1
        run = [lines[i].strip() for i in range(index, end)]
        if len(run) >= 2 and all(len(r) >= 45 for r in run[:-1]):
            found.append((index, end))
        index = end
    return found


def _running_lines(lines: list[str]) -> list[int]:
    return [i for start, end in _paragraphs(lines) for i in range(start, end)]


# ---------------------------------------------------------------------------------------------
# The transformations.


# A word the source hyphenated over a line break ("exist-" / "ence"): whole again once joined.
_BROKEN_WORD = re.compile(r"\b([A-Za-z]{2,})- ([a-z]+)\b")


def rewrap(text: str, width: int) -> str:
    """Each running paragraph joined and wrapped again at `width` columns."""
    lines = text.split("\n")
    for start, end in reversed(_paragraphs(lines)):
        first = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
        rest = lines[start + 1] if end - start > 1 else first
        rest = rest[: len(rest) - len(rest.lstrip())]
        words = _BROKEN_WORD.sub(r"\1\2", " ".join(lines[i].strip() for i in range(start, end)))
        wrapped = textwrap.wrap(
            words,
            width=width,
            initial_indent=first,
            subsequent_indent=rest,
            break_long_words=False,
            break_on_hyphens=False,
        )
        lines[start:end] = wrapped
    return "\n".join(lines)


def _title_case(line: str) -> str:
    tokens = re.split(r"(\s+)", line)
    words = [i for i, t in enumerate(tokens) if t.strip()]
    for position, i in enumerate(words):
        token = tokens[i]
        core = token.strip("():,.-")
        if not core.isalpha() or _ROMAN.match(token) or "." in token.strip("."):
            continue
        if core.lower() in _SMALL and 0 < position < len(words) - 1:
            tokens[i] = token.lower()
        elif len(core) <= 3 and core.lower() not in _SMALL:
            continue  # an acronym: FBI, DEA, AO, or a label letter (ATTACHMENT A)
        else:
            tokens[i] = "-".join(part[:1].upper() + part[1:].lower() for part in token.split("-"))
    return "".join(tokens)


def heading_lines(text: str) -> list[int]:
    lines = text.split("\n")
    start = _header_end(lines)
    return [
        i for i in range(start, len(lines)) if _upper_heading(lines[i]) or _title_heading(lines, i)
    ]


def recase_headings(text: str, chosen: set[int]) -> str:
    """The chosen headings in the other case: capitals to title case, title case to capitals."""
    lines = text.split("\n")
    for i in chosen:
        lines[i] = _title_case(lines[i]) if _upper_heading(lines[i]) else lines[i].upper()
    return "\n".join(lines)


STYLES = ("1.", "(1)", "a.", "(a)", "-", "•")


def _ordinal(marker: str) -> int | None:
    """1 for "1.", "(1)", "a." or "(a)"; None for a bullet."""
    core = marker.strip("().")
    if core.isdigit():
        return int(core)
    if len(core) == 1 and core.isalpha():
        return ord(core) - ord("a") + 1
    return None


def _style(marker: str) -> str:
    core = marker.strip("().")
    if not core:
        return marker
    kind = "1" if core.isdigit() else "a"
    return f"({kind})" if marker.startswith("(") else f"{kind}."


def lists_in(text: str) -> list[list[int]]:
    """Each list's item lines: items of one style at one indentation, numbered in order
    from 1 (or a), with continuation lines and blank lines between them."""
    lines = text.split("\n")
    found: list[list[int]] = []
    index = _header_end(lines)
    while index < len(lines):
        match = _ITEM.match(lines[index])
        if not match or _ordinal(match["marker"]) not in (1, None):
            index += 1
            continue
        indent, style = len(match["indent"]), _style(match["marker"])
        items, cursor = [index], index + 1
        while cursor < len(lines):
            line = lines[cursor]
            following = _ITEM.match(line)
            if following and len(following["indent"]) == indent:
                ordinal = _ordinal(following["marker"])
                wanted = None if style in ("-", "•", "*") else len(items) + 1
                if _style(following["marker"]) != style or ordinal != wanted:
                    break
                items.append(cursor)
            elif line.strip() and len(line) - len(line.lstrip()) <= indent:
                break
            cursor += 1
        if len(items) >= 2:
            found.append(items)
        index = cursor if len(items) >= 2 else index + 1
    return found


def _marker(style: str, ordinal: int) -> str:
    if style in ("-", "•"):
        return style
    label = str(ordinal) if "1" in style else chr(ord("a") + ordinal - 1)
    return style.replace("1", label).replace("a", label)


def remark_lists(text: str, styles: dict[int, str]) -> str:
    """The lists numbered `styles[k]` consistently: the k-th list's items all in that style,
    each item's text where it stood."""
    lines = text.split("\n")
    for k, items in enumerate(lists_in(text)):
        style = styles.get(k)
        if style is None:
            continue
        for ordinal, i in enumerate(items, start=1):
            match = _ITEM.match(lines[i])
            marker = _marker(style, ordinal)
            gap = " " * max(1, len(match["marker"]) + len(match["gap"]) - len(marker))
            lines[i] = f"{match['indent']}{marker}{gap}{match['rest']}"
    return "\n".join(lines)


_WORD = re.compile(r"(?<![\w@./'’-])[A-Za-z]{4,}(?![\w@/'’-]|\.\w)")
_SLIPS = (("rn", "m"), ("m", "rn"), ("l", "1"), ("O", "0"))


def slip_places(text: str, path: Path) -> list[tuple[int, int, str, str]]:
    """Where an OCR slip could fall: (offset of the letters, length, from, to) in words of
    running text that are no target, provider name or date."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    protected = _protected_words(path)
    places = []
    for i in _running_lines(lines):
        for word in _WORD.finditer(lines[i]):
            if word[0].lower() in protected:
                continue
            for old, new in _SLIPS:
                for hit in re.finditer(old, word[0]):
                    places.append((offsets[i] + word.start() + hit.start(), len(old), old, new))
    return places


def slip(text: str, places: list[tuple[int, int, str, str]]) -> str:
    for offset, length, _, new in sorted(places, reverse=True):
        text = text[:offset] + new + text[offset + length :]
    return text


_LONG_WORD = re.compile(r"(?<![\w@./'’-])[A-Za-z]{8,}(?=[\s.,;:)]|$)")


def hyphen_places(text: str, path: Path) -> list[tuple[int, int, int]]:
    """(line, start of a long word in it, its length) in running text."""
    lines = text.split("\n")
    protected = _protected_words(path)
    return [
        (i, word.start(), len(word[0]))
        for i in _running_lines(lines)
        for word in _LONG_WORD.finditer(lines[i])
        if word[0].lower() not in protected
    ]


def hyphenate(text: str, breaks: dict[int, tuple[int, int]]) -> str:
    """Each chosen line broken inside a word: `breaks[line] = (start of the word, letters
    kept before the hyphen)`; the rest of the line goes down to a line of its own."""
    lines = text.split("\n")
    for i in sorted(breaks, reverse=True):
        start, kept = breaks[i]
        line = lines[i]
        indent = line[: len(line) - len(line.lstrip())]
        if i + 1 < len(lines) and _running(lines[i + 1]):
            indent = lines[i + 1][: len(lines[i + 1]) - len(lines[i + 1].lstrip())]
        cut = start + kept
        lines[i : i + 1] = [line[:cut] + "-", indent + line[cut:]]
    return "\n".join(lines)


_ATTACHMENT_TITLE = re.compile(r"^\W*(?:ATTACHMENT|SCHEDULE|EXHIBIT|APPENDIX|ANNEX|ENCLOSURE)\b")


def _caption(line: str) -> bool:
    """A title in capitals, alone or in a column of a caption ("DEPARTMENT OF … SUMMONS")."""
    return any(_upper_heading(cell) for cell in re.split(r"\s{3,}", line.strip()))


def cover_letter(text: str) -> tuple[int, int] | None:
    """The cover letter, as a [start, end) line range: the running text before the demand's
    own first title or caption, where there is such text (a letter that is itself the demand,
    with no title before its attachment, has none)."""
    lines = text.split("\n")
    start = _header_end(lines)
    first = next((i for i in range(start, len(lines)) if _caption(lines[i])), None)
    if first is None or _ATTACHMENT_TITLE.match(lines[first].strip()):
        return None  # a letter that is itself the demand, its attachment after it
    if sum(len(lines[i].strip()) for i in range(start, first) if _running(lines[i])) < 150:
        return None
    return start, first


def move_cover(text: str, span: tuple[int, int], separator: str) -> str:
    lines = text.split("\n")
    start, end = span
    return "\n".join([*lines[:start], *lines[end:], separator, *lines[start:end]])


def as_octet_stream(text: str, path: Path, draw) -> bytes:
    """The demand as an e-mail whose text is attached as application/octet-stream, with a
    cover note or none; an .eml sample's own parts repacked so."""
    if path.suffix == ".eml":
        return _repacked(path, draw)
    message = EmailMessage()
    sender = _requester(path)
    message["From"] = f"Records Desk <{sender}>" if sender else "Records Desk"
    message["To"] = "legal@example.net"
    message["Subject"] = draw(st.sampled_from(["Attached", "Documents attached", "Our ref. 1"]))
    note = draw(st.sampled_from(["", "Please see the attached document.\n"]))
    if note:
        message.set_content(note)
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    filename = draw(st.sampled_from(["demand.txt", "scan0001.dat", "document", None]))
    message.add_attachment(
        text.replace("\n", newline).encode("utf-8"),
        maintype="application",
        subtype="octet-stream",
        filename=filename,
    )
    return message.as_bytes()


def _repacked(path: Path, draw) -> bytes:
    original = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    message = EmailMessage()
    for header in ("From", "To", "Cc", "Date", "Subject"):
        if original[header]:
            message[header] = original[header]
    parts = [p for p in original.walk() if not p.is_multipart()]
    texts = [p for p in parts if p.get_content_type() == "text/plain"]
    body, attached = (texts[0], texts[1:]) if len(texts) > 1 else (None, texts)
    if body is not None:
        message.set_content(body.get_content())
    for part in attached:
        message.add_attachment(
            part.get_content().encode("utf-8"),
            maintype="application",
            subtype="octet-stream",
            filename=draw(st.sampled_from([part.get_filename() or "demand.txt", "att.bin", None])),
        )
    return message.as_bytes()


# ---------------------------------------------------------------------------------------------
# The tests.


def _params(transformation: str):
    if not CASES.is_dir():
        return [pytest.param(None, id="no-samples", marks=pytest.mark.skip(reason=_ABSENT))]
    params = []
    for path in _samples():
        name = _name(path)
        reason = KNOWN_BREAKS.get((name, transformation))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(path, id=name, marks=marks))
    return params


def _same(transformed: str, path: Path) -> None:
    assert _decided(transformed, path) == _baseline(path)


@pytest.mark.parametrize("path", _params("rewrap"))
def test_rewrapping_paragraphs_changes_nothing(path):
    text = _text(path)
    if not _paragraphs(text.split("\n")):
        pytest.skip("no running paragraph to wrap")

    @settings(SETTINGS, max_examples=10)
    @given(width=st.integers(60, 100))
    def check(width):
        _same(rewrap(text, width), path)

    check()


@pytest.mark.parametrize("path", _params("heading_case"))
def test_changing_the_case_of_headings_changes_nothing(path):
    text = _text(path)
    headings = heading_lines(text)
    if not headings:
        pytest.skip("no heading")

    @SETTINGS
    @given(chosen=st.sets(st.sampled_from(headings), min_size=1))
    def check(chosen):
        _same(recase_headings(text, chosen), path)

    check()


@pytest.mark.parametrize("path", _params("list_markers"))
def test_switching_list_markers_changes_nothing(path):
    text = _text(path)
    count = len(lists_in(text))
    if not count:
        pytest.skip("no list")

    @SETTINGS
    @given(styles=st.dictionaries(st.integers(0, count - 1), st.sampled_from(STYLES), min_size=1))
    def check(styles):
        _same(remark_lists(text, styles), path)

    check()


@pytest.mark.parametrize("path", _params("ocr_slips"))
def test_a_few_ocr_slips_change_nothing(path):
    text = _text(path)
    places = slip_places(text, path)
    if not places:
        pytest.skip("no running text to slip in")

    @SETTINGS
    @given(st.lists(st.sampled_from(places), min_size=1, max_size=5, unique_by=lambda p: p[0]))
    def check(chosen):
        # two slips in one word's overlapping letters would be one slip; keep them apart
        chosen = sorted(chosen)
        kept = [p for k, p in enumerate(chosen) if not k or p[0] >= chosen[k - 1][0] + 2]
        _same(slip(text, kept), path)

    check()


@pytest.mark.parametrize("path", _params("hyphenation"))
def test_words_hyphenated_over_lines_change_nothing(path):
    text = _text(path)
    places = hyphen_places(text, path)
    if not places:
        pytest.skip("no long word in running text")

    @SETTINGS
    @given(data=st.data())
    def check(data):
        chosen = data.draw(
            st.lists(st.sampled_from(places), min_size=1, max_size=4, unique_by=lambda p: p[0])
        )
        breaks = {
            line: (start, data.draw(st.integers(2, length - 3), label="kept"))
            for line, start, length in chosen
        }
        _same(hyphenate(text, breaks), path)

    check()


@pytest.mark.parametrize("path", _params("cover_moved"))
def test_the_cover_letter_after_the_attachment_changes_nothing(path):
    text = _text(path)
    span = cover_letter(text)
    if span is None:
        pytest.skip("no cover letter before the demand's own first title")

    @SETTINGS
    @given(separator=st.sampled_from(["", "\n", "-" * 60, "\n" + "=" * 90 + "\n"]))
    def check(separator):
        _same(move_cover(text, span, separator), path)

    check()


@pytest.mark.parametrize("path", _params("octet_stream"))
def test_the_demand_as_an_octet_stream_attachment_changes_nothing(path, tmp_path):
    text = _text(path) if path.suffix == ".txt" else ""

    @SETTINGS
    @given(data=st.data())
    def check(data):
        sent = tmp_path / f"{path.stem}.eml"
        sent.write_bytes(as_octet_stream(text, path, data.draw))
        _same(read_document(sent), path)  # the .eml read path: document.py, then mail.py

    check()
