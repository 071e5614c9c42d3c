"""One demand the whole way: an administrative subpoena for the identity behind an account
that posts where immigration agents are, uploaded; escalated by the engine; counsel approves
notice; the user is e-mailed and objects; the requester withdraws; the report counts it."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.test import Client

from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.notices import services as notices
from custodes.transparency import render
from custodes.transparency.aggregate import compute
from custodes.transparency.periods import Period
from custodes.worker import tick
from tests.notices.conftest import approve, link_in, on

pytestmark = pytest.mark.django_db(transaction=True)

SUBPOENA = b"""U.S. Department of Homeland Security
Immigration and Customs Enforcement
SUBPOENA FOR RECORDS (8 U.S.C. \xc2\xa7 1225(d))

To: Parley Social, Inc., Custodian of Records

Account: Parley Social account "@eastside.ice.watch"

The account posts where immigration agents are working and when, and asks followers to come
and watch. This subpoena is issued to identify the person who runs the account.

Produce for the period January 1, 2026 through February 28, 2026:
  1. The subscriber's name, address and telephone number;
  2. Means and source of payment.

Issued by: /s/ M. Ortega, Special Agent in Charge          Date: February 26, 2026
Contact: SA L. Burke, l.burke@ice.dhs.gov, (202) 555-0144
"""


def test_a_withdrawn_subpoena_is_counted_as_the_providers_count(counsel, smtp):
    with on("2026-03-02"):
        case = services.receive_upload(SUBPOENA, "ice-subpoena.txt", counsel)
        assert case.engine_action == "escalate"
        case = approve(case, counsel, reason="Notice first; then see.")
        notices.add_recipient(case, counsel, "eastside@example.org")
        services.move(case, counsel, State.NOTICE_PERIOD)
        tick()
    [notice] = smtp.messages
    with on("2026-03-05"):
        path = urlsplit(link_in(notice)).path
        Client().post(path, {"lawyer": "Immigrant rights clinic", "statement": "I object."})
        case = Case.objects.get(pk=case.pk)
        assert case.state == State.CHALLENGED
        notices.settle_challenge(
            case, counsel, "withdrawn", "ICE withdrew the subpoena by letter of 2026-03-20."
        )
    case.refresh_from_db()
    assert (case.state, case.outcome) == (State.CLOSED, "withdrawn")

    totals = render.to_dict(compute(Period.parse("2026H1")))["totals"]
    assert totals["requests"] == 1
    assert totals["accounts_specified"] == 1
    assert totals["percent_some_data_produced"] == 0
    assert totals["objections"] == 1
    assert totals["withdrawn"] == 1
    assert totals["user_notices_sent_before_production"] == 1
