"""Publishing a closed case's demand: custodes proposes the redactions, a person reviews and
approves them; nothing is public before; a demand under an order in force, a national security
letter or a child-safety hold is refused; each step is audited."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.test import Client

from custodes.audit.models import Event
from custodes.cases import services
from custodes.law.refusal import Refused
from custodes.notices import services as notices
from custodes.publishing import redaction
from custodes.publishing import services as publishing
from custodes.publishing.models import Publication
from tests.helpers import RECEIVED_ON, request
from tests.publishing.conftest import OFFICER_EMAIL, OFFICER_PHONE, TARGET

pytestmark = pytest.mark.django_db


def public_views(slug: str) -> dict[str, str]:
    client = Client()
    return {
        "page": client.get(f"/transparency/demands/{slug}/").content.decode(),
        "json": client.get(f"/transparency/demands/{slug}.json").content.decode(),
        "feed": client.get("/transparency/demands/feed/").content.decode(),
        "index": client.get("/transparency/demands/").content.decode(),
    }


def test_a_published_demand_holds_none_of_its_targets_values(published):
    assert published.state == Publication.State.PUBLISHED
    assert TARGET in published.text  # the original is kept, privately
    views = public_views(published.slug)
    for name, body in views.items():
        assert TARGET not in body.lower(), name
        assert OFFICER_EMAIL not in body and "555-0144" not in body, name
    assert "[target]" in views["page"] and "[e-mail address]" in views["page"]
    assert "8 U.S.C. § 1225(d)" in views["page"]  # the authority is public
    assert "What we decided" in views["page"] and "Outcome: rejected" in views["page"]
    record = json.loads(views["json"])
    assert record["slug"] == published.slug
    assert record["outcome"] == "rejected"
    assert record["url"].endswith(f"/transparency/demands/{published.slug}/")
    assert {f["code"] for f in record["findings"]} >= {"ANONYMOUS_SPEECH_RISK"}
    assert f"/transparency/demands/{published.slug}/" in views["feed"]
    assert views["feed"].startswith("<?xml") and "<feed" in views["feed"]
    assert published.slug in views["index"]


def test_nothing_is_public_before_approval(closed_case, counsel):
    proposed = publishing.propose(closed_case, counsel)
    views = public_views(proposed.slug)
    client = Client()
    assert client.get(f"/transparency/demands/{proposed.slug}/").status_code == 404
    assert client.get(f"/transparency/demands/{proposed.slug}.json").status_code == 404
    assert proposed.slug not in views["feed"] and proposed.slug not in views["index"]
    assert client.get("/transparency/demands/d-nosuchdemand/").status_code == 404


def test_custodes_proposes_the_targets_and_the_officers_contacts(closed_case, counsel):
    proposed = publishing.propose(closed_case, counsel)
    spans = publishing.spans_of(proposed)
    hidden = {(proposed.text[s.start : s.end].lower(), s.kind) for s in spans}
    assert (TARGET, redaction.TARGET) in hidden
    assert (OFFICER_EMAIL, redaction.EMAIL) in hidden
    assert (OFFICER_PHONE, redaction.PHONE) in hidden


def test_a_person_adds_and_removes_redactions_before_approving(closed_case, counsel):
    proposed = publishing.propose(closed_case, counsel)
    assert publishing.redact(proposed, counsel, "M. Ortega") == 1
    proposed.refresh_from_db()
    spans = publishing.spans_of(proposed)
    phone = next(i for i, s in enumerate(spans) if s.kind == redaction.PHONE)
    publishing.unredact(proposed, counsel, phone)
    target = next(i for i, s in enumerate(publishing.spans_of(proposed)) if s.kind == "target")
    with pytest.raises(Refused, match="never published"):
        publishing.unredact(proposed, counsel, target)
    proposed = publishing.approve(proposed, counsel)
    assert "M. Ortega" not in proposed.redacted_text and "[redacted]" in proposed.redacted_text
    assert OFFICER_PHONE in proposed.redacted_text  # the reviewer chose to show it
    with pytest.raises(Refused, match="can no longer change"):
        publishing.redact(proposed, counsel, "Special Agent")
    actions = list(
        Event.objects.filter(subject=closed_case.subject, action__startswith="custodes.publication")
        .order_by("sequence")
        .values_list("action", flat=True)
    )
    assert actions == [
        "custodes.publication.proposed",
        "custodes.publication.redacted",
        "custodes.publication.unredacted",
        "custodes.publication.approved",
    ]


def test_words_not_on_the_page_or_too_short_are_refused(closed_case, counsel):
    proposed = publishing.propose(closed_case, counsel)
    with pytest.raises(Refused, match="not on the page"):
        publishing.redact(proposed, counsel, "Nowhere Person")
    with pytest.raises(Refused, match="Give the words"):
        publishing.redact(proposed, counsel, " ")


def test_only_counsel_proposes_and_approves(closed_case, reviewer, counsel):
    with pytest.raises(Refused, match="Only counsel"):
        publishing.propose(closed_case, reviewer)
    proposed = publishing.propose(closed_case, counsel)
    with pytest.raises(Refused, match="Only counsel"):
        publishing.approve(proposed, reviewer)
    with pytest.raises(Refused, match="already been proposed"):
        publishing.propose(closed_case, counsel)


def test_an_open_case_cannot_be_published(counsel):
    case = services.open_case(request(), "api", None, RECEIVED_ON)
    with pytest.raises(Refused, match="Only a closed case"):
        publishing.propose(case, counsel)


@pytest.mark.parametrize("expires_on", [None, (date.today() + timedelta(days=30)).isoformat()])
def test_a_case_under_an_order_in_force_cannot_be_published(closed_under, counsel, expires_on):
    case = closed_under(
        nondisclosure={"present": True, "court_ordered": True, "expires_on": expires_on}
    )
    with pytest.raises(Refused, match=r"non-disclosure order .*in force") as refused:
        publishing.propose(case, counsel)
    assert "18 U.S.C. § 2705(b)" in str(refused.value)
    assert not Publication.objects.exists()


def test_an_order_that_has_ended_no_longer_forbids_it(closed_under, counsel):
    ended = (date.today() - timedelta(days=1)).isoformat()
    case = closed_under(nondisclosure={"present": True, "court_ordered": True, "expires_on": ended})
    assert publishing.refusal(case) is None


def test_an_order_lifted_early_no_longer_forbids_it(closed_under, counsel):
    case = closed_under(nondisclosure={"present": True, "court_ordered": True, "expires_on": None})
    assert "in force" in publishing.refusal(case)
    notices.lift_order(case, counsel, date.today() - timedelta(days=1), "The court lifted it.")
    assert publishing.refusal(case) is None


def test_a_national_security_letter_is_never_published(closed_under, counsel):
    case = closed_under(instrument="national_security_letter", authority=["18 U.S.C. § 2709"])
    with pytest.raises(Refused, match="national security letter is never published"):
        publishing.propose(case, counsel)


def test_a_child_safety_hold_forbids_it_until_counsel_rules(closed_under, counsel):
    case = closed_under(
        purpose="An investigation of the sexual exploitation of a minor (18 U.S.C. § 2251)."
    )
    assert "sexual exploitation of a child" in publishing.refusal(case)


def test_the_target_must_be_hidden_even_if_the_spans_were_emptied(closed_case, counsel):
    proposed = publishing.propose(closed_case, counsel)
    Publication.objects.filter(pk=proposed.pk).update(spans=[])
    with pytest.raises(Refused, match="target of the demand still shows"):
        publishing.approve(proposed, counsel)
    assert Client().get(f"/transparency/demands/{proposed.slug}/").status_code == 404
