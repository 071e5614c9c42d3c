"""Everything people do about notice: staff give addresses, record a court's order lifted, set
a day for a held notice, settle an uncertain e-mail, and record how an objection ended; the
account holder objects. Each is one transaction with its audit event."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from custodes.audit.chain import record
from custodes.cases import roles
from custodes.cases import services as case_services
from custodes.cases.models import Case
from custodes.cases.people import staff_addresses
from custodes.cases.services import require_worker
from custodes.cases.signals import case_moved
from custodes.cases.uploads import Checked, check_upload
from custodes.cases.workflow import Outcome, State
from custodes.law.refusal import Refused, require_reason
from custodes.law.vocab import NoticeAction
from custodes.notices import letters, outcomes
from custodes.notices.models import NonDisclosureOrder, Notice, NoticeRuling, Objection
from custodes.notices.plan import finding_codes, notice_action, schedule_for
from custodes.notices.queueing import queue_due
from custodes.outbox import delivery
from custodes.outbox.delivery import queue_mail


@transaction.atomic
def add_recipient(case: Case, user, address: str) -> Notice:
    """The account holder's address, from the provider's records, to which notice goes."""
    require_worker(user)
    address = address.strip().lower()
    try:
        validate_email(address)
    except ValidationError:
        raise Refused(f"{address or 'That'} is not an e-mail address.", field="address") from None
    if notice_action(case) in (NoticeAction.NONE, NoticeAction.PROHIBITED):
        raise Refused(f"No notice on this case. {schedule_for(case, timezone.localdate()).reason}")
    if case.notices.filter(address=address).exists():
        raise Refused(f"A notice to {address} is already on this case.", field="address")
    notice = Notice.objects.create(case=case, address=address, added_by=user)
    record("custodes.notice.recipient_added", user, case.subject, {"notice": notice.pk})
    queue_due(case, timezone.localdate())
    return notice


@transaction.atomic
def remove_recipient(notice: Notice, user) -> None:
    require_worker(user)
    if notice.mail_id:
        raise Refused("This notice has been written to the outbox; it can no longer be removed.")
    record("custodes.notice.recipient_removed", user, notice.case.subject, {"notice": notice.pk})
    notice.delete()


def lift_order(case: Case, user, lifted_on: date, reason: str, document=None):
    """The court lifted its non-disclosure order early (or it was never in force): the
    delayed notice goes out at once. `document` is the court's order as (bytes, name)."""
    return _lift_order(case, user, lifted_on, reason, _read_first(document))


def _read_first(document: tuple[bytes, str] | None) -> tuple[bytes, str, Checked] | None:
    """A court's order as (bytes, name, what was read): read before the transaction that
    stores it opens, so a slow PDF never holds the database."""
    if not document:
        return None
    data, name = document
    return data, name, check_upload(data, name)


@transaction.atomic
def _lift_order(case: Case, user, lifted_on: date, reason: str, document):
    require_worker(user)
    reason = require_reason(reason, "Recording an order lifted")
    if case.secrecy != "court_ordered":
        raise Refused("No court's non-disclosure order is recorded on this case.")
    today = timezone.localdate()
    if lifted_on > today:
        raise Refused(
            "An order is recorded as lifted once it has been; the date is in the future.",
            field="lifted_on",
        )
    order = _order(case, user)
    if document:
        order.lifting_order = case_services.attach_document(case, user, *document)
    order.lifted_on, order.updated_by = lifted_on, user
    order.save()
    data = {"lifted_on": lifted_on.isoformat(), "reason": reason}
    record("custodes.nondisclosure.lifted", user, case.subject, data)
    queue_due(case, today)
    return order


def _order(case: Case, user) -> NonDisclosureOrder:
    order, _ = NonDisclosureOrder.objects.select_for_update().get_or_create(
        case=case, defaults={"updated_by": user}
    )
    return order


@transaction.atomic
def record_court_asked(case: Case, user, asked_on: date, reason: str):
    """Counsel asked the court to end an order that has no end date; the next yearly reminder
    counts from this day."""
    if not roles.is_counsel(user):
        raise Refused("Only counsel asks the court to end its order.")
    reason = require_reason(reason, "Recording the request to the court")
    if case.secrecy != "court_ordered" or case.secrecy_ends_on:
        raise Refused("Only an order with no end date is reviewed each year.")
    order = _order(case, user)
    order.last_asked_on, order.updated_by = asked_on, user
    order.save()
    data = {"asked_on": asked_on.isoformat(), "reason": reason}
    record("custodes.nondisclosure.court_asked", user, case.subject, data)
    return order


@transaction.atomic
def set_notice_day(case: Case, user, send_on: date, reason: str) -> NoticeRuling:
    """Staff set the day of a notice that waits: an emergency notice brought forward or put
    back, or (counsel only) the end of the child-safety exception."""
    require_worker(user)
    reason = require_reason(reason, "Setting the day of a notice")
    action = notice_action(case)
    today = timezone.localdate()
    if action not in (NoticeAction.AFTER_EMERGENCY, NoticeAction.DELAY):
        raise Refused(
            f"The day of this notice is not set by staff. {schedule_for(case, today).reason}"
        )
    codes = finding_codes(case)
    if "CHILD_SAFETY_EXCEPTION" in codes and not roles.is_counsel(user):
        raise Refused("Counsel confirms that telling the user no longer endangers a child.")
    if action == NoticeAction.DELAY and "CHILD_SAFETY_EXCEPTION" not in codes:
        raise Refused("A court's order sets this day; record the order lifted if it was.")
    if send_on < today:
        raise Refused("The day is in the past; to send at once, choose today.", field="send_on")
    ruling = NoticeRuling.objects.create(case=case, send_on=send_on, reason=reason, author=user)
    data = {"send_on": send_on.isoformat(), "reason": reason}
    record("custodes.notice.rescheduled", user, case.subject, data)
    queue_due(case, today)
    return ruling


def settle_mail(notice: Notice, user, went_out: bool, reason: str) -> None:
    require_worker(user)
    if notice.mail is None:
        raise Refused("This notice has not been written yet.")
    try:
        delivery.settle(notice.mail, user, went_out, reason)
    except Refused as error:
        raise Refused(str(error)) from None


@transaction.atomic
def object_to(notice: Notice, lawyer: str, statement: str) -> Objection:
    """The account holder objects through the link in their notice; the case is challenged."""
    notice = Notice.objects.select_for_update(of=("self",)).select_related("mail").get(pk=notice.pk)
    if Objection.objects.filter(notice=notice).exists():
        received = notice.objection.received_at.date().isoformat()
        raise Refused(f"Your objection was received on {received}; this link works once.")
    deadline = notice.objection_deadline
    if deadline is None:
        raise Refused("This notice does not take objections.")
    if timezone.localdate() > deadline:
        raise Refused(
            f"The time to object ended on {deadline.isoformat()}. You or your lawyer may still "
            "write to us, or ask the court directly."
        )
    case = Case.objects.select_for_update().get(pk=notice.case_id)
    if case.state not in (State.NOTICE_PERIOD, State.CHALLENGED):
        raise Refused(f"This demand is no longer pending ({case.outcome or case.state}).")
    objection = Objection.objects.create(
        notice=notice, lawyer=lawyer.strip()[:500], statement=statement.strip()[:5000]
    )
    if case.state == State.NOTICE_PERIOD:
        case.state = State.CHALLENGED
        case.save(update_fields=["state", "updated_at"])
        data = {
            "from": State.NOTICE_PERIOD,
            "to": State.CHALLENGED,
            "outcome": "",
            "reason": "the account holder objected through the link in their notice",
        }
        record("custodes.case.moved", None, case.subject, data)
        case_moved.send(Case, case=case, source=State.NOTICE_PERIOD)
    data = {"notice": notice.pk, "lawyer_given": bool(objection.lawyer)}
    record("custodes.notice.objected", None, case.subject, data)
    _tell_staff(case, objection)
    return objection


def _tell_staff(case: Case, objection: Objection) -> None:
    """Counsel decides what follows an objection: they are told at once, beside the assignee."""
    to = sorted(set(staff_addresses(case)) | set(staff_addresses(case, counsel=True)))
    if to:
        subject, body = letters.objection_mail(objection)
        queue_mail(f"objection:{objection.pk}", to, subject, body, "objection", case.subject)


def settle_challenge(case: Case, user, outcome: str, reason: str, court_order=None) -> Case:
    """Counsel records how the objection ended: the demand quashed or withdrawn closes the
    case; the objection denied by a court (its order as (bytes, name)) lets production go
    ahead."""
    return _settle_challenge(case, user, outcome, reason, _read_first(court_order))


@transaction.atomic
def _settle_challenge(case: Case, user, outcome: str, reason: str, court_order) -> Case:
    if not roles.is_counsel(user):
        raise Refused("Counsel records how an objection ended.")
    reason = require_reason(reason, "Recording how an objection ended")
    if outcome not in Objection.Outcome.values:
        raise Refused(
            "Choose how it ended: quashed, withdrawn, or denied by the court.", field="outcome"
        )
    if case.state != State.CHALLENGED:
        raise Refused("Only a challenged case has an objection to settle.")
    if outcome == Objection.Outcome.DENIED and not court_order:
        raise Refused("Attach the court's order denying the objection.", field="document")
    pending = Objection.objects.filter(notice__case=case, outcome="")
    if not pending.exists():
        raise Refused("No objection on this case waits for its outcome.")
    document = case_services.attach_document(case, user, *court_order) if court_order else None
    pending.update(
        outcome=outcome,
        court_order=document,
        decided_by=user,
        decided_at=timezone.now(),
        reason=reason,
    )
    data = {"outcome": outcome, "reason": reason}
    if document:
        data["court_order_sha256"] = document.sha256
    record("custodes.objection.settled", user, case.subject, data)
    if outcome == Objection.Outcome.DENIED:
        outcomes.tell_holders(case, outcomes.DENIED)
        return case_services.move(case, user, State.PRODUCING, reason=reason)
    closing = Outcome.QUASHED if outcome == Objection.Outcome.QUASHED else Outcome.WITHDRAWN
    return case_services.move(case, user, State.CLOSED, closing, reason=reason)
