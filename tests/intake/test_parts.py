"""A demand's parts and their roles, and the lines each field of its request was read from,
on demands written for these tests (not the samples' wording)."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from custodes.intake import extract_request
from custodes.intake.layout import Layout
from custodes.intake.parts import document_lines, origins, rules, split_parts
from custodes.intake.roles import ROLES, labels
from custodes.intake.sources import find_sources
from custodes.law.request import DateRange, Item, Nondisclosure, Request, Requester, Selector
from custodes.law.vocab import Category, Instrument, SelectorKind

COURT_ORDER = """\
IN THE CIRCUIT COURT OF ELM COUNTY
IN THE MATTER OF AN APPLICATION FOR STORED RECORDS
Case No. 26-CR-4410

ORDER FOR DISCLOSURE (18 U.S.C. § 2703(d))

BACKGROUND

Deputies of the Elm County Sheriff's Office are investigating a string of burglaries of
pharmacies. The account ember_falls_88 offered stolen medicines for sale.

IT IS HEREBY ORDERED that Quillfeather Media LLC shall disclose to the Elm County
Sheriff's Office the records described in Attachment B for the account described in
Attachment A, no later than December 14, 2026.

IT IS FURTHER ORDERED that Quillfeather Media LLC shall not disclose the existence of
this Order to the subscriber or to any other person until March 1, 2027.

Dated: November 3, 2026

/s/ Hon. Priya Okonkwo
Circuit Judge

ATTACHMENT A
Account to Be Searched

Username: ember_falls_88
E-mail address: Ember.Falls@Example.org
Telephone number: (614) 555-0142
Profile: https://quill.example/u/ember_falls_88?ref=share&utm_source=app

ATTACHMENT B
Records to Be Disclosed

For the period January 1, 2026 through October 31, 2026:

  1. The subscriber's name, postal address and telephone number, and the
     means and source of payment for the account;
  2. Records of each session, with the IP address and time of each login.
"""

E_MAIL = """\
From: Inv. Tomas Verhoeven <t.verhoeven@harbourcity.gov>
To: legal@quill.example
Date: Mon, 16 Nov 2026 09:14:00 -0500
Subject: Records request, our file HC-2291

Good morning,

I am writing on behalf of the Harbour City Police about a fraud we are looking into.

CONFIDENTIALITY NOTICE: this e-mail is meant only for the intended recipient and may hold
privileged material. If it reached you in error, delete it.

Accounts:
  coral.lantern (user ID 4477120093)

Please provide the sign-up e-mail address and the login IP addresses of that account.

Regards,
Inv. Tomas Verhoeven
Harbour City Police, Fraud Squad
(555) 010-7788
"""


def _roles(text: str) -> list[tuple[str, int, int]]:
    return [(p.role, p.first, p.last) for p in split_parts(text)]


def _role_of(text: str, line: int) -> str:
    return next(p.role for p in split_parts(text) if p.first <= line <= p.last)


def _line(text: str, words: str) -> int:
    """The 1-based number of the first line holding `words`."""
    return next(n for n, t in enumerate(document_lines(text), start=1) if words in t)


# --- parts -----------------------------------------------------------------------------


def test_a_court_orders_parts_each_have_their_role():
    text = COURT_ORDER
    assert _role_of(text, _line(text, "CIRCUIT COURT OF ELM")) == "caption"
    assert _role_of(text, _line(text, "Case No.")) == "caption"
    assert _role_of(text, _line(text, "are investigating")) == "reason"
    assert _role_of(text, _line(text, "IT IS HEREBY ORDERED")) == "command"
    assert _role_of(text, _line(text, "shall not disclose")) == "secrecy"
    assert _role_of(text, _line(text, "Dated:")) == "signature"
    assert _role_of(text, _line(text, "/s/ Hon.")) == "signature"
    assert _role_of(text, _line(text, "Username:")) == "targets"
    assert _role_of(text, _line(text, "Telephone number:")) == "targets"
    assert _role_of(text, _line(text, "Records of each session")) == "schedule"


def test_an_attachments_parts_know_their_attachment():
    parts = split_parts(COURT_ORDER)
    targets = next(p for p in parts if p.role == "targets")
    schedule = next(p for p in parts if p.role == "schedule")
    assert targets.attachment == "ATTACHMENT A"
    assert schedule.attachment == "ATTACHMENT B"
    assert schedule.first == _line(COURT_ORDER, "ATTACHMENT B")
    assert schedule.last == _line(COURT_ORDER, "time of each login")


def test_parts_cover_their_lines_in_order_and_never_overlap():
    for text in (COURT_ORDER, E_MAIL):
        parts = split_parts(text)
        assert all(p.role in ROLES for p in parts)
        assert all(a.last < b.first for a, b in pairwise(parts))
        assert all(p.words for p in parts)


def test_an_e_mails_headers_letter_and_signature_have_their_roles():
    text = E_MAIL
    assert _roles(text)[0] == ("email_headers", 1, 4)
    assert _role_of(text, _line(text, "Good morning")) == "cover_letter"
    assert _role_of(text, _line(text, "I am writing")) == "cover_letter"
    assert _role_of(text, _line(text, "coral.lantern")) == "targets"
    assert _role_of(text, _line(text, "Regards,")) == "signature"
    assert _role_of(text, _line(text, "Fraud Squad")) == "signature"


def test_the_boilerplate_layout_leaves_out_is_still_a_part_at_its_own_lines():
    text = E_MAIL
    notice = next(p for p in split_parts(text) if p.role == "boilerplate")
    assert notice.first == _line(text, "CONFIDENTIALITY NOTICE")
    assert notice.last == _line(text, "reached you in error")


def test_what_no_rule_fits_is_other():
    text = "GRAND JURY SUBPOENA\n\nThe weather in Elm County was mild all week.\n"
    assert _roles(text)[-1] == ("other", 3, 3)


def test_the_body_lines_map_back_to_the_stored_lines():
    for text in (E_MAIL, FORWARDED, SENT_ON, COURT_ORDER):
        layout = Layout.of(text)
        original = document_lines(text)
        where = origins(layout, original)
        for body_line, origin in zip(layout.body.split("\n"), where, strict=True):
            if body_line.strip():
                assert origin is not None and original[origin] == body_line
    where = origins(Layout.of(E_MAIL), document_lines(E_MAIL))
    assert where[0] is not None and where[0] >= 4  # the header lines are not in the body


def test_the_role_rules_are_data_and_name_only_roles():
    r = rules()
    assert ("username", "targets") in labels()
    assert {group[0] for group in r.phrases} <= set(ROLES)
    assert r.names["schedule"]


# --- spans -----------------------------------------------------------------------------


def _court_order_request(**overrides) -> Request:
    values = dict(
        instrument=Instrument.COURT_ORDER_2703D,
        authority=("18 U.S.C. § 2703(d)",),
        agency="Elm County Sheriff's Office",
        addressed_to="Quillfeather Media LLC",
        issued_on=date(2026, 11, 3),
        return_by=date(2026, 12, 14),
        signed=True,
        selectors=(
            Selector(SelectorKind.USERNAME, "ember_falls_88"),
            Selector(SelectorKind.EMAIL, "ember.falls@example.org"),
            Selector(SelectorKind.PHONE, "+16145550142"),
            Selector(SelectorKind.URL, "https://quill.example/u/ember_falls_88"),
        ),
        items=(
            Item(
                "The subscriber's name, postal address and telephone number, and the means "
                "and source of payment for the account;",
                Category.SUBSCRIBER,
            ),
            Item(
                "Records of each session, with the IP address and time of each login.",
                Category.TRANSACTIONAL,
            ),
        ),
        date_range=DateRange(date(2026, 1, 1), date(2026, 10, 31)),
        nondisclosure=Nondisclosure(True, True, date(2027, 3, 1)),
        purpose="Deputies of the Elm County Sheriff's Office are investigating a string of "
        "burglaries of pharmacies.",
    )
    values.update(overrides)
    return Request(**values)


def _span(sources, key):
    span = sources.span(key)
    assert span is not None, f"{key} was not found"
    return span


def test_a_target_is_shown_in_the_targets_part_though_named_before_it():
    sources = find_sources(COURT_ORDER, _court_order_request())
    username = _span(sources, "selectors-0")
    assert username.ranges == ((_line(COURT_ORDER, "Username:"),) * 2,)
    assert username.role == "targets"  # not the reason, which names it first


def test_normalised_targets_are_found_in_the_documents_own_spelling():
    sources = find_sources(COURT_ORDER, _court_order_request())
    assert _span(sources, "selectors-1").first == _line(COURT_ORDER, "Ember.Falls@Example.org")
    assert _span(sources, "selectors-2").first == _line(COURT_ORDER, "(614) 555-0142")
    assert _span(sources, "selectors-3").first == _line(COURT_ORDER, "utm_source=app")


def test_an_item_wrapped_over_two_lines_spans_both():
    sources = find_sources(COURT_ORDER, _court_order_request())
    first = _span(sources, "items-0")
    assert first.ranges == (
        (_line(COURT_ORDER, "1. The subscriber"), _line(COURT_ORDER, "means and source")),
    )
    assert first.role == "schedule"
    assert _span(sources, "items-1").first == _line(COURT_ORDER, "Records of each session")


def test_dates_secrecy_purpose_and_parties_have_their_lines():
    text = COURT_ORDER
    sources = find_sources(text, _court_order_request())
    assert _span(sources, "date_range").first == _line(text, "For the period")
    assert _span(sources, "issued_on").first == _line(text, "Dated:")
    assert _span(sources, "return_by").first == _line(text, "December 14, 2026")
    secrecy = _span(sources, "nondisclosure")
    assert secrecy.first == _line(text, "IT IS FURTHER ORDERED")
    assert secrecy.role == "secrecy"
    assert _span(sources, "purpose").role == "reason"
    assert _span(sources, "authority-0").first == _line(text, "ORDER FOR DISCLOSURE")
    assert _span(sources, "instrument").role == "caption"
    assert _span(sources, "signed").first == _line(text, "/s/ Hon.")


def test_a_value_the_document_does_not_hold_has_no_span():
    corrected = _court_order_request(selectors=(Selector(SelectorKind.USERNAME, "nobody_here"),))
    sources = find_sources(COURT_ORDER, corrected)
    assert sources.span("selectors-0") is None
    assert ("selectors-0", "Target 1", "username: nobody_here") in sources.unfound


def test_line_numbers_are_the_stored_texts_after_e_mail_headers_and_boilerplate():
    text = E_MAIL.replace("\n", "\r\n")  # as a mail client stores it
    request = Request(
        requester=Requester("Inv. Tomas Verhoeven", "t.verhoeven@harbourcity.gov", None),
        selectors=(
            Selector(SelectorKind.USERNAME, "coral.lantern"),
            Selector(SelectorKind.ACCOUNT_ID, "4477120093"),
        ),
        items=(Item("the login IP addresses of that account", Category.TRANSACTIONAL),),
    )
    sources = find_sources(text, request)
    assert sources.lines == document_lines(text)
    target = _line(E_MAIL, "coral.lantern")
    assert _span(sources, "selectors-0").ranges == ((target, target),)
    assert _span(sources, "selectors-1").ranges == ((target, target),)
    assert _span(sources, "items-0").first == _line(E_MAIL, "Please provide")
    assert _span(sources, "requester-email").first == 1  # the From header


def test_what_the_reader_reads_is_found_where_it_was_read():
    request = extract_request(COURT_ORDER)
    keys = {span.field for span in find_sources(COURT_ORDER, request).spans}
    for n, _ in enumerate(request.selectors):
        assert f"selectors-{n}" in keys
    for n, _ in enumerate(request.items):
        assert f"items-{n}" in keys


FORWARDED = """\
From: Sgt. Ines Falk <i.falk@lakeport.gov>
To: legal@quill.example
Date: Tue, 17 Nov 2026 08:00:00 -0600
Subject: Fwd: request form

Sending the form below on behalf of our unit.

---------- Forwarded message ---------
From: Records Desk <records@lakeport.gov>
Date: Mon, 16 Nov 2026
Subject: request form

Quill username: heron.gate.74
E-mail: heron.gate.74@example.com

Records wanted (tick):
[X] Subscriber name and address
[ ] Private messages
[X] Login IP history
"""


def test_a_forwarded_messages_headers_are_one_part_and_its_form_has_its_roles():
    text = FORWARDED
    headers = [p for p in split_parts(text) if p.role == "email_headers"]
    assert [(p.first, p.last) for p in headers] == [
        (1, 4),
        (_line(text, "Forwarded message"), _line(text, "Subject: request form")),
    ]
    assert _role_of(text, _line(text, "Sending the form")) == "cover_letter"
    target = next(p for p in split_parts(text) if p.first == _line(text, "Quill username"))
    assert target.role == "targets"
    assert target.last == _line(text, "E-mail: heron")  # an e-mail label opens no part
    assert _role_of(text, _line(text, "[X] Login IP")) == "schedule"


SENT_ON = """\
From: Desk Officer <desk@lakeport.gov>
To: legal@quill.example
Date: Wed, 18 Nov 2026 07:30:00 -0600
Subject: Fwd: records request

See below.

From: Det. Omar Reyes <o.reyes@lakeport.gov>
To: legal@quill.example
Date: Tue, 17 Nov 2026 16:02:00 -0600
Subject: records request

Please provide the subscriber name for the account with username kestrel.bay.9.

CONFIDENTIALITY NOTICE: this message is meant only for the intended recipient.

Det. Omar Reyes, (314) 555-0177
"""


def test_the_headers_of_a_message_sent_on_inside_another_are_headers_at_their_lines():
    text = SENT_ON
    roles = {(p.first, p.last): p.role for p in split_parts(text)}
    assert roles[(1, 4)] == "email_headers"
    inner = _line(text, "From: Det. Omar")
    assert roles[(inner, inner + 3)] == "email_headers"
    request = Request(selectors=(Selector(SelectorKind.USERNAME, "kestrel.bay.9"),))
    sources = find_sources(text, request)
    target = _line(text, "kestrel.bay.9")
    assert _span(sources, "selectors-0").ranges == ((target, target),)
    assert _role_of(text, target) == "command"
    assert _role_of(text, _line(text, "CONFIDENTIALITY")) == "boilerplate"
    assert _role_of(text, _line(text, "(314) 555-0177")) == "other"  # a name and a number
