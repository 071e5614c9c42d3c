"""National security letters: counsel asks the FBI to seek judicial review of the letter's
secrecy (18 U.S.C. § 3511(b)(1)(A)) within the rule pack's `nsl_review_request_days` of its
arrival, as the provider's policy promises on every such letter; until it is recorded, the
deadline stands and counsel is reminded."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from custodes.audit.chain import record
from custodes.cases import roles
from custodes.cases import services as case_services
from custodes.cases.models import Case
from custodes.cases.uploads import check_upload
from custodes.law.pack import load_pack
from custodes.law.refusal import Refused
from custodes.law.vocab import Instrument
from custodes.notices.models import JudicialReviewAsked

NSL = Instrument.NATIONAL_SECURITY_LETTER.value
WHAT = "Ask the FBI to seek judicial review of the letter's secrecy (18 U.S.C. § 3511(b))"


def due_on(case: Case) -> date:
    return case.received_on + timedelta(days=load_pack().defaults["nsl_review_request_days"])


def not_yet_asked(until: date | None):
    """The letters on which the FBI has not yet been asked, due by `until` if it is given."""
    cases = Case.objects.filter(instrument=NSL, review_asked__isnull=True)
    if until is not None:
        days = load_pack().defaults["nsl_review_request_days"]
        cases = cases.filter(received_on__lte=until - timedelta(days=days))
    return cases


def record_asked(case: Case, user, asked_on: date, how: str, document=None):
    """Counsel asked the FBI (by letter, e-mail or through its portal); `document` is the
    request as sent, (bytes, name), read before the transaction that stores it opens."""
    checked = document and (*document, check_upload(*document))
    return _record(case, user, asked_on, how, checked)


@transaction.atomic
def _record(case: Case, user, asked_on: date, how: str, document):
    if not roles.is_counsel(user):
        raise Refused("Only counsel asks the FBI to seek judicial review.")
    if case.instrument != NSL:
        raise Refused("Judicial review under § 3511(b) is asked on a national security letter.")
    how = how.strip()
    if not how:
        raise Refused("Say how the FBI was asked (a letter, an e-mail, its portal).", field="how")
    if asked_on > timezone.localdate():
        raise Refused(
            "The request is recorded once it is made; the date is in the future.", field="asked_on"
        )
    if asked_on < case.received_on:
        raise Refused(
            "The FBI was asked before the letter arrived; check the date.", field="asked_on"
        )
    Case.objects.select_for_update().get(pk=case.pk)  # one record, however many click at once
    if JudicialReviewAsked.objects.filter(case=case).exists():
        raise Refused("That the FBI was asked is already recorded on this case.")
    attached = document and case_services.attach_document(case, user, *document)
    asked = JudicialReviewAsked.objects.create(
        case=case, asked_on=asked_on, how=how, document=attached or None, author=user
    )
    data = {"asked_on": asked_on.isoformat(), "how": how}
    record("custodes.nsl.review_asked", user, case.subject, data)
    return asked
