"""E-mails as an attacker or a broken mail program writes them, drawn by hypothesis: any
structure of multiparts and forwarded messages, charsets Python does not know or cannot use,
broken transfer encodings, nesting far past any real chain, cut anywhere."""

from __future__ import annotations

from hypothesis import strategies as st

CHARSETS = [
    "utf-8",
    "us-ascii",
    "iso-8859-1",
    "koi8-r",
    "utf-16",
    "iso-2022-jp",
    "utf-7",
    "x-unknown-zz",  # no such codec
    "rot13",  # a codec, but not a text encoding
    "idna",  # a text codec that refuses the error handler
    "unicode_escape",
    "utf-8\\0",
    "",
    "../../etc/passwd",
    "ﬀ-ñ",
]
ENCODINGS = ["7bit", "8bit", "base64", "quoted-printable", "x-uuencode", "bogus"]
SUBTYPES = ["mixed", "alternative", "related", "signed", "digest", "report"]
WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=60)
SIGNED = "SUBPOENA TO TESTIFY BEFORE A GRAND JURY\nTo: Parley Social, Inc.\nusername: @someone\n"


def _header(name: str, value: str) -> bytes:
    return f"{name}: {value}\r\n".encode("utf-8", "surrogateescape")


@st.composite
def _leaf(draw) -> bytes:
    kind = draw(st.sampled_from(["text/plain", "text/html", "application/octet-stream"]))
    charset = draw(st.sampled_from(CHARSETS))
    body = draw(st.one_of(WORDS.map(lambda t: (SIGNED + t).encode()), st.binary(max_size=200)))
    filename = draw(st.sampled_from(["", "demand.txt", "scan.pdf", "x\u202e.eml", "=?x-zz?q?a?="]))
    head = _header("Content-Type", f'{kind}; charset="{charset}"')
    head += _header("Content-Transfer-Encoding", draw(st.sampled_from(ENCODINGS)))
    if filename:
        head += _header("Content-Disposition", f'attachment; filename="{filename}"')
    return head + b"\r\n" + body + b"\r\n"


def _multipart(children: list[bytes], subtype: str, boundary: str) -> bytes:
    head = _header("Content-Type", f'multipart/{subtype}; boundary="{boundary}"')
    parts = b"".join(b"--" + boundary.encode() + b"\r\n" + c for c in children)
    return head + b"\r\n" + parts + b"--" + boundary.encode() + b"--\r\n"


def _forwarded(inner: bytes, subject: str) -> bytes:
    return _header("Content-Type", "message/rfc822") + b"\r\n" + message_head(subject) + inner


def message_head(subject: str) -> bytes:
    return _header("From", "dana.reyes@fbi.gov") + _header("Subject", subject)


PARTS = st.recursive(
    _leaf(),
    lambda inner: st.one_of(
        st.builds(
            _multipart,
            st.lists(inner, min_size=0, max_size=3),
            st.sampled_from(SUBTYPES),
            st.from_regex(r"[A-Za-z0-9'()+_,./:=?-]{1,20}", fullmatch=True),
        ),
        st.builds(_forwarded, inner, WORDS),
    ),
    max_leaves=8,
)


def nested(depth: int, kind: str) -> bytes:
    """A body nested `depth` deep: forwarded messages in forwarded messages, or multiparts."""
    body = _header("Content-Type", "text/plain") + b"\r\n" + SIGNED.encode()
    for level in range(depth):
        if kind == "rfc822":
            body = _forwarded(body, f"Fwd {level}")
        else:
            body = _multipart([body], "mixed", f"b{level}")
    return body


@st.composite
def hostile_emails(draw) -> bytes:
    """Whole e-mails: a drawn structure, or a deep one, sometimes cut short."""
    body = draw(
        st.one_of(
            PARTS,
            st.builds(
                nested,
                st.sampled_from([1, 19, 21, 60, 1000, 2000]),
                st.sampled_from(["rfc822", "multipart"]),
            ),
        )
    )
    data = message_head(draw(WORDS)) + _header("Date", "Mon, 23 Nov 2026 09:00:00 +0000") + body
    if draw(st.booleans()):
        data = data[: draw(st.integers(min_value=40, max_value=max(40, len(data))))]
    return data
