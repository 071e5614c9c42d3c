"""The papers in a sealed package carry the right names: the certificate and the cover
letter are signed with the sealer's full name and title, never a login name, and address the
requester and agency as corrected."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from pypdf import PdfReader

from custodes.cases import services as cases
from custodes.cases.people import add_staff
from custodes.cases.workflow import State
from custodes.law.refusal import Refused
from custodes.production import services as production
from custodes.production.models import Production
from custodes.staff.models import Profile
from tests.conftest import PASSWORD, sign_in
from tests.notices.conftest import approve
from tests.production.test_packages import AUTUMN, GAGGED, opened, producing, sealed

pytestmark = pytest.mark.django_db


@pytest.fixture
def custodian(db):
    roles = ["counsel", "reviewer"]
    full_name, title = "Dana Whitfield", "Custodian of Records"
    return add_staff("dwhitfield", PASSWORD, roles, full_name=full_name, title=title)[0]


def text_of(archive, name: str) -> str:
    """The PDF's words on one line, as a reader sees them whatever the line breaks."""
    pages = PdfReader(io.BytesIO(archive.read(name))).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_the_certificate_is_signed_with_the_full_name_and_title(open_case, custodian, provider):
    made, key = sealed(producing(open_case, custodian), custodian)
    archive = opened(made, key)
    certificate = text_of(archive, "certificate-902-11.pdf")
    assert "I, Dana Whitfield, attest" in certificate
    assert "as Custodian of Records, and I am qualified" in certificate
    assert "Dana Whitfield, Custodian of Records" in certificate
    letter = text_of(archive, "cover-letter.pdf")
    assert "Dana Whitfield Custodian of Records, Parley Social, Inc." in letter
    assert "dwhitfield" not in certificate + letter


def test_sealing_is_refused_until_the_sealer_has_a_full_name_and_title(
    open_case, custodian, admin, provider
):
    case = producing(open_case, custodian)
    production.resolve_targets(case, custodian)
    Profile.objects.filter(user=custodian).delete()  # added before names were kept
    with pytest.raises(Refused, match=r"full name and title.*staff page \(/staff/\)"):
        production.begin_seal(case, custodian)
    assert not Production.objects.exists()


def test_the_cover_letter_carries_the_corrected_requester_and_agency(
    open_case, reviewer, counsel, provider
):
    case = open_case(
        agency="Federal Bureau of Investigation",
        requester={"name": "SA Test", "email": "agent@fbi.gov", "phone": "+12025550100"},
        nondisclosure=GAGGED,
        date_range=AUTUMN,
    )
    correction = {
        "instrument": "grand_jury_subpoena",
        "authority": "Fed. R. Crim. P. 17(c)\n18 U.S.C. § 2703(c)(2)",
        "agency": "Drug Enforcement Administration",
        "country": "US",
        "addressed_to": "Parley Social, Inc.",
        "requester_name": "SA Jordan Blake",
        "requester_email": "Jordan.Blake@dea.gov",
        "requester_phone": "(571) 555-0142",
        "issued_on": "2026-11-16",
        "return_by": "2027-01-12",
        "signed": "yes",
        "categories": ["subscriber"],
        "items": "subscriber: Subscriber names and addresses",
        "selectors": "username: someone",
        "date_start": AUTUMN["start"],
        "date_end": AUTUMN["end"],
        "ndo_present": "on",
        "ndo_court_ordered": "on",
        "ndo_expires_on": GAGGED["expires_on"],
        "purpose": "An investigation of drug trafficking (21 U.S.C. § 841).",
    }
    response = sign_in(Client(), reviewer).post(f"/cases/{case.reference}/correct/", correction)
    assert response.status_code == 302
    made, key = sealed(cases.move(approve(case, counsel), counsel, State.PRODUCING), counsel)
    letter = text_of(opened(made, key), "cover-letter.pdf")
    assert "To: SA Jordan Blake, Drug Enforcement Administration" in letter
    assert "(Fed. R. Crim. P. 17(c); 18 U.S.C. § 2703(c)(2))" in letter
    assert "SA Test" not in letter and "Federal Bureau of Investigation" not in letter
