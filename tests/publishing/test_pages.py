"""Who may see and do what, on every page of publishing: counsel proposes, reviews and
approves; a reviewer (her colleague) sees the draft but changes nothing; an outsider and an
administrator see nothing of it; the public sees only what was approved."""

from __future__ import annotations

import pytest
from django.test import Client

from custodes.publishing.models import Publication
from tests.conftest import sign_in
from tests.publishing.conftest import TARGET

pytestmark = pytest.mark.django_db


def staff_client(user):
    return sign_in(Client(enforce_csrf_checks=False), user)


def page(case):
    return f"/cases/{case.reference}/publication/"


def test_counsel_proposes_reviews_and_approves_on_the_page(closed_case, counsel):
    client = staff_client(counsel)
    case_page = client.get(f"/cases/{closed_case.reference}/").content.decode()
    assert page(closed_case) in case_page
    first = client.get(page(closed_case)).content.decode()
    assert "Propose for publication" in first
    client.post(page(closed_case) + "propose/")
    draft = client.get(page(closed_case)).content.decode()
    assert "Redactions to review" in draft and "Not public yet" in draft
    assert '<mark class="redaction target"' in draft
    client.post(page(closed_case) + "redact/", {"phrase": "M. Ortega", "kind": "other"})
    assert "Redacted 1 more passage." in client.get(page(closed_case)).content.decode()
    client.post(page(closed_case) + "approve/")
    publication = Publication.objects.get(case=closed_case)
    assert publication.state == "published" and publication.approved_by == counsel
    done = client.get(page(closed_case)).content.decode()
    assert f"/transparency/demands/{publication.slug}/" in done
    public = Client().get(f"/transparency/demands/{publication.slug}/")
    assert public.status_code == 200 and "M. Ortega" not in public.content.decode()


def test_the_page_says_why_a_case_may_not_be_published(closed_under, counsel):
    case = closed_under(nondisclosure={"present": True, "court_ordered": True, "expires_on": None})
    body = staff_client(counsel).get(page(case)).content.decode()
    assert "non-disclosure order with no end date is in force" in body
    assert "Propose for publication" not in body
    staff_client(counsel).post(page(case) + "propose/")
    assert not Publication.objects.exists()


def test_a_reviewer_sees_the_draft_and_changes_nothing(closed_case, counsel, reviewer):
    staff_client(counsel).post(page(closed_case) + "propose/")
    client = staff_client(reviewer)
    body = client.get(page(closed_case)).content.decode()
    assert "counsel reviews and approves" in body and "Approve the redactions" not in body
    client.post(page(closed_case) + "approve/")
    client.post(page(closed_case) + "unredact/0/")
    client.post(page(closed_case) + "redact/", {"phrase": "Ortega"})
    publication = Publication.objects.get(case=closed_case)
    assert publication.state == "proposed"
    assert "Only counsel" in client.get(page(closed_case)).content.decode()


@pytest.mark.parametrize("persona", ["outsider", "admin"])
def test_an_outsider_sees_nothing_of_it(closed_case, counsel, persona, request):
    staff_client(counsel).post(page(closed_case) + "propose/")
    client = staff_client(request.getfixturevalue(persona))
    for path in ("", "propose/", "redact/", "unredact/0/", "approve/"):
        response = client.get(page(closed_case) + path) if not path else None
        if response is not None:
            assert response.status_code == 403
            assert TARGET not in response.content.decode()
        assert client.post(page(closed_case) + path).status_code == 403
    assert Publication.objects.get(case=closed_case).state == "proposed"


def test_without_signing_in_the_staff_pages_lead_to_the_login(closed_case):
    client = Client()
    for path in ("", "propose/", "redact/", "unredact/0/", "approve/"):
        response = client.post(page(closed_case) + path) if path else client.get(page(closed_case))
        assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert not Publication.objects.exists()


def test_the_public_pages_need_no_login_and_show_only_what_was_approved(published, officer):
    for client in (Client(), sign_in(Client(), officer)):  # the public, and a requester
        index = client.get("/transparency/demands/")
        assert index.status_code == 200 and published.slug in index.content.decode()
        assert client.get(f"/transparency/demands/{published.slug}/").status_code == 200
        record = client.get(f"/transparency/demands/{published.slug}.json")
        assert record["Content-Type"] == "application/json"
        feed = client.get("/transparency/demands/feed/")
        assert feed["Content-Type"] == "application/atom+xml"


def test_a_proposed_demand_is_404_to_everyone_even_counsel(closed_case, counsel):
    staff_client(counsel).post(page(closed_case) + "propose/")
    slug = Publication.objects.get(case=closed_case).slug
    for client in (Client(), staff_client(counsel)):
        assert client.get(f"/transparency/demands/{slug}/").status_code == 404
        assert client.get(f"/transparency/demands/{slug}.json").status_code == 404
