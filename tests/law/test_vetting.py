"""Sign-up domains: government ones accepted, free-mail and look-alikes refused with the
reason, anything else held for staff to check."""

from __future__ import annotations

import pytest

from custodes.law.vetting import ACCEPT, HOLD, REFUSE, vet_domain


@pytest.mark.parametrize(
    "domain",
    [
        "fbi.gov",
        "ny.fbi.gov",
        "kingcounty.gov",
        "fec.gov",
        "troopers.ny.gov",
        "met.police.uk",
        "bka.bund.de",
        "co.kern.ca.us",
        "army.mil",
    ],
)
def test_a_government_domain_is_accepted(domain):
    assert vet_domain(domain).verdict == ACCEPT


@pytest.mark.parametrize("domain", ["gmail.com", "outlook.com", "proton.me", "gmx.de", "mail.ru"])
def test_free_mail_is_refused(domain):
    vetting = vet_domain(domain)
    assert vetting.verdict == REFUSE and "free-mail" in vetting.reason


LOOK_ALIKES = [
    ("fbi-gov.com", "fbi.gov"),  # the agency's name and "gov" as words
    ("fbigov.net", "fbi.gov"),  # run together
    ("fbi.com", "fbi.gov"),  # wrong top-level domain
    ("fbi.gov.co", "fbi.gov"),  # a real government suffix appended
    ("fbi.qov", "fbi.gov"),  # one letter off
    ("fib.gov.us", "fbi.gov"),  # letters swapped
    ("usd0j.gov.us", "usdoj.gov"),  # a digit for a letter
    ("xn--fb-ioc.gov", "fbi.gov"),  # a Cyrillic і, as it arrives in punycode
    ("rnet.police.uk", "met.police.uk"),  # rn for m
    ("secure-fbi.net", "fbi.gov"),  # a word added
    ("dhs-gov.net", "dhs.gov"),
    ("met-police.uk", "met.police.uk"),
    ("bka-bund.de", "bka.bund.de"),
    ("atf.gov.us", "atf.gov"),
    ("usmarshals.co", "usmarshals.gov"),
    ("troopers-ny.gov.com", "troopers.ny.gov"),
]


@pytest.mark.parametrize(("domain", "imitated"), LOOK_ALIKES)
def test_a_look_alike_is_refused_naming_what_it_imitates(domain, imitated):
    vetting = vet_domain(domain)
    assert vetting.verdict == REFUSE
    assert f"looks like {imitated}" in vetting.reason


def test_a_domain_imitating_no_agency_but_claiming_government_is_refused():
    assert vet_domain("county-police.net").verdict == REFUSE


@pytest.mark.parametrize("domain", ["chicagopolice.org", "cookcountysao.org", "lapdonline.org"])
def test_an_unlisted_domain_is_held_for_staff(domain):
    vetting = vet_domain(domain)
    assert vetting.verdict == HOLD and "Staff will confirm" in vetting.reason


def test_a_deployments_allowlist_is_accepted():
    assert vet_domain("chicagopolice.org", ("chicagopolice.org",)).verdict == ACCEPT
