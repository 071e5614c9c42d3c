"""The seed story, end to end, through the real services and a real SMTP server on loopback:
an administrative subpoena to identify the accounts that post about immigration enforcement
is escalated; counsel asks the agency to narrow or withdraw it; both account holders are told;
one objects and the ACLU files a motion to quash; the agency withdraws; both holders are told
how it ended; and the transparency report counts it."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from custodes.audit.verifying import verify
from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.challenges import services as challenges
from custodes.letters import services as letters
from custodes.notices.models import Notice
from custodes.transparency import render
from custodes.transparency.aggregate import compute
from custodes.transparency.periods import Period
from custodes.worker import tick
from tests.challenges.conftest import (
    BORDER_HOLDER,
    FILING,
    MOTION,
    NORTH,
    NORTH_HOLDER,
    TWO_ACCOUNTS,
    give_notice,
)
from tests.helpers import RECEIVED_ON, request
from tests.notices.conftest import link_in, on

pytestmark = pytest.mark.django_db(transaction=True)

SUBPOENA = {
    **TWO_ACCOUNTS,
    "purpose": "To identify the persons responsible for the accounts, which post about "
    "immigration enforcement operations and the locations of ICE agents, for officer safety.",
}


def _one(smtp, address: str, subject_has: str):
    [message] = [m for m in smtp.to(address) if subject_has in m["Subject"]]
    return message, message.get_content()


def test_the_seed_story(officer, counsel_with_mail, provider, smtp):
    counsel = counsel_with_mail
    # The subpoena arrives through the portal and the engine escalates it to counsel.
    with on("2026-11-23"):
        case = services.open_case(request(**SUBPOENA), "portal", officer, RECEIVED_ON)
        case = services.move(case, counsel, State.IN_REVIEW)
        assert case.engine_action == "escalate"
        case = services.move(case, counsel, State.ESCALATED)

        # Counsel's pushback: narrow it or withdraw it.
        letter = letters.send(letters.draft(case, counsel), counsel)
        tick()
    _, pushback = _one(smtp, "officer@fbi.gov", "narrow or withdraw")
    assert letter.kind == "pushback"
    assert "asks you to narrow it or to withdraw it" in pushback
    assert "U.S. Const. amend. I; McIntyre v. Ohio Elections Comm'n, 514 U.S. 334" in pushback

    # The agency stands on it; counsel decides what the process reaches, subject to notice.
    with on("2026-11-23"):
        services.decide(
            case, counsel, "produce", ["subscriber"], "subscriber records only, after notice"
        )
        case = services.move(case, counsel, State.APPROVED)
    case = give_notice(case, counsel)

    # Both holders are told, each of their own account only.
    _, north_notice = _one(smtp, NORTH_HOLDER, "a government demand")
    _, border_notice = _one(smtp, BORDER_HOLDER, "a government demand")
    assert "borderlight" not in north_notice and "northside" not in border_notice
    assert "U.S. Immigration and Customs Enforcement" in north_notice

    # The northside holder objects on the page the notice links to; counsel hears at once.
    link = link_in(smtp.to(NORTH_HOLDER)[0])
    with on("2026-11-25"):
        response = Client().post(
            link, {"lawyer": "ACLU of Pennsylvania", "statement": "This is protected speech."}
        )
        tick()
    assert response.status_code == 200
    case = Case.objects.get(pk=case.pk)
    assert case.state == State.CHALLENGED
    assert smtp.to("carl@parley.example")
    objection = Notice.objects.get(case=case, address=NORTH_HOLDER).objection

    # The ACLU files a motion to quash; counsel records it with its docket.
    with on("2026-11-27"):
        challenge = challenges.file(
            case,
            counsel,
            **MOTION,
            accounts=[NORTH],
            filed_on=date(2026, 11, 27),
            objections=[objection.pk],
            documents=[FILING],
        )
    assert challenge.docket == "2:26-mc-00412"

    # The agency withdraws the subpoena: the case closes, and both holders are told.
    smtp.messages.clear()
    with on("2026-12-04"):
        ruled = challenges.rule(
            challenge, counsel, "withdrawn", date(2026, 12, 4), "ICE withdrew the subpoena"
        )
        tick()
    assert (ruled.case.state, ruled.case.outcome) == (State.CLOSED, "withdrawn")
    for address in (NORTH_HOLDER, BORDER_HOLDER):
        _, ending = _one(smtp, address, "how the demand for data about your account ended")
        assert "withdrew the demand. We produced nothing." in ending

    # The report: one request, two accounts, one objection, one challenge, one withdrawal,
    # nothing produced.
    report = render.to_dict(compute(Period.half(2026, 2)))
    totals = report["totals"]
    assert (totals["requests"], totals["accounts_specified"], totals["objections"]) == (1, 2, 1)
    assert totals["challenges"]["filed"] == 1
    assert totals["challenges"]["by_users"]["demands_challenged"] == 1
    assert totals["challenges"]["by_users"]["withdrawn_by_the_agency"] == 1
    assert totals["challenges"]["by_provider"]["demands_challenged"] == 0
    assert (totals["withdrawn"], totals["percent_some_data_produced"]) == (1, 0)
    assert case.productions.count() == 0
    assert verify().ok
