"""A demand naming two accounts whose holders were told, and one who objected."""

from __future__ import annotations

import pytest

from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.notices import services as notices
from custodes.notices.models import Notice
from custodes.production import services as production
from custodes.worker import tick
from tests.helpers import RECEIVED_ON, request
from tests.notices.conftest import ICE_SUBPOENA, approve, counsel_with_mail, on
from tests.production.conftest import provider, provider_sqlite

__all__ = ["counsel_with_mail", "provider", "provider_sqlite"]

# Two accounts of the demo provider that post where ICE agents are seen, and their holders'
# addresses as its records give them.
NORTH, BORDER = "username northside.alerts", "username borderlight_alerts"
NORTH_HOLDER, BORDER_HOLDER = "alerts@northside.example", "alerts@borderlight.example"
TWO_ACCOUNTS = {
    **ICE_SUBPOENA,
    "selectors": [
        {"kind": "username", "value": "northside.alerts"},
        {"kind": "username", "value": "borderlight_alerts"},
    ],
}
MOTION = {
    "filed_by": "holder",
    "kind": "motion_to_quash",
    "court": "U.S. District Court for the Eastern District of Pennsylvania",
    "docket": "2:26-mc-00412",
}
FILING = (b"MOTION TO QUASH the administrative subpoena. Filed 2026-11-27.", "motion.txt")
ORDER = (b"ORDER. The motion to quash is DENIED. So ordered, 2026-12-10.", "order.txt")


def give_notice(case: Case, counsel) -> Case:
    """Counsel looks the accounts up in the provider's data and gives notice to the holders
    its records name, on 2026-11-23 (and the worker sends the e-mails)."""
    with on("2026-11-23"):
        production.resolve_targets(case, counsel)
        for address in (NORTH_HOLDER, BORDER_HOLDER):
            notices.add_recipient(case, counsel, address)
        case = services.move(case, counsel, State.NOTICE_PERIOD)
        tick()
    return case


def notified_case(counsel, **overrides) -> Case:
    """Approved by counsel, both holders given notice on 2026-11-23."""
    with on("2026-11-23"):
        case = services.open_case(
            request(**{**TWO_ACCOUNTS, **overrides}), "api", None, RECEIVED_ON
        )
        case = approve(case, counsel)
    return give_notice(case, counsel)


def object_for(case: Case, address: str = NORTH_HOLDER, day: str = "2026-11-25"):
    with on(day):
        return notices.object_to(
            Notice.objects.get(case=case, address=address), "ACLU of Pennsylvania", "I object."
        )


@pytest.fixture
def notified(counsel, provider):
    return notified_case(counsel)


@pytest.fixture
def objected(notified):
    objection = object_for(notified)
    return Case.objects.get(pk=notified.pk), objection
