"""The report counts the national security letters on which the provider asked the FBI to
seek judicial review of their secrecy (18 U.S.C. § 3511(b)), in the bands the law allows."""

from __future__ import annotations

from datetime import date

import pytest

from custodes.notices.models import JudicialReviewAsked
from custodes.transparency import render
from custodes.transparency.aggregate import compute
from custodes.transparency.periods import Period
from custodes.transparency.render import to_html as render_html
from tests.transparency.ledger import cases

pytestmark = pytest.mark.django_db

H1 = Period.parse("2026H1")


def asked(letters, counsel):
    JudicialReviewAsked.objects.bulk_create(
        JudicialReviewAsked(case=c, asked_on=date(2026, 3, 5), how="letter", author=counsel)
        for c in letters
    )


def test_the_letters_asked_about_are_counted_in_bands(counsel):
    letters = cases(263, instrument="national_security_letter")
    asked(letters[:251], counsel)
    asked(cases(3), counsel)  # not letters: never counted here, whatever the data says
    report = compute(H1)
    assert render.to_dict(report)["national_security_letters"]["review_asked"] == "250-499"
    page = render_html(report, [])
    assert "asked the FBI to seek judicial review of their secrecy: <strong>250-499" in page


def test_a_few_asked_about_fall_in_the_first_band(counsel, settings):
    settings.CUSTODES_NSL_BAND = 100
    asked(cases(120, instrument="national_security_letter")[:7], counsel)
    report = render.to_dict(compute(H1))["national_security_letters"]
    assert report["requests"] == "100-199" and report["review_asked"] == "0-99"
