"""Every audit action custodes records, with the sentence the case timeline shows for it.

A sentence may name the event's data in braces: `{document}` shows the value as recorded,
`{to:state}` in the plain words of that vocabulary (custodes.law.words). `record` refuses an
action that is not in this table, so add a new one here, one line, in its group.
"""

from __future__ import annotations

import string

from custodes.law import words

ACTIONS = {
    "custodes.auth.login": "signed in",
    "custodes.auth.login_failed": "a sign-in failed",
    "custodes.auth.login_failures_counted": (
        "in the hour from {hour}, {failures} sign-ins failed and {refused} were turned away"
    ),
    "custodes.auth.logout": "signed out",
    "custodes.case.received": "received the demand by {channel:channel}",
    "custodes.case.moved": "moved the case from {from:state} to {to:state}",
    "custodes.case.returned_to_review": "returned the case from {from:state} to review",
    "custodes.case.assigned": "assigned the case to {assignee}",
    "custodes.case.joined": "joined the duplicate {duplicate} to this case",
    "custodes.case.duplicate_cleared": "found this is not a duplicate of {other}",
    "custodes.request.corrected": "corrected the request: {changed}",
    "custodes.request.amended": "amended the demand in an answer: {changed}",
    "custodes.decision.recorded": "decided: {action:action}",
    "custodes.decision.voided": "set aside the decisions made before the correction",
    "custodes.document.attached": "attached {document}",
    "custodes.document.refused": "could not read {document}: {reason}",
    "custodes.document.downloaded": "downloaded {document}",
    "custodes.mailbox.sender_vetted": "checked the sender's address: {reason}",
    "custodes.mailbox.set_aside": "set a message to the mailbox aside: {reason}",
    "custodes.note.added": "added a note",
    "custodes.emergency.callback_recorded": "called the agency back on {number} (from {source})",
    "custodes.preservation.extended": "extended the preservation to {ends_on}",
    "custodes.preservation.released": "released the preserved records",
    "custodes.notice.recipient_added": "added an account holder to notify",
    "custodes.notice.recipient_removed": "removed an account holder from the notices",
    "custodes.notice.queued": "sent the user's notice to the outbox",
    "custodes.notice.rescheduled": "set the notice to go out on {send_on}",
    "custodes.notice.objected": "the account holder objected",
    "custodes.nondisclosure.lifted": "recorded the court's order lifted on {lifted_on}",
    "custodes.nondisclosure.court_asked": "asked the court on {asked_on} to end its order",
    "custodes.nsl.review_asked": (
        "asked the FBI on {asked_on} to seek judicial review of the letter's secrecy ({how})"
    ),
    "custodes.objection.settled": "recorded how the objection ended: {outcome}",
    "custodes.notice.outcome_queued": "wrote to the account holder how it ended: {outcome}",
    "custodes.challenge.filed": "recorded a challenge: {what}",
    "custodes.challenge.updated": "updated the {what}: {changed}",
    "custodes.challenge.ruled": "recorded the ruling on the {what}: {ruling}",
    "custodes.challenge.go_ahead": (
        "let production go ahead for the accounts nobody challenged, holding back {held_back}"
    ),
    "custodes.objection.filing_decided": "decided on an objection with no filing: {decision}",
    "custodes.letter.drafted": "drafted a letter to the requester ({kind})",
    "custodes.letter.edited": "edited the draft letter ({changed})",
    "custodes.letter.discarded": "discarded the draft letter",
    "custodes.letter.sent": "sent the letter to the requester ({kind})",
    "custodes.letter.downloaded": "opened the letter's PDF",
    "custodes.production.resolved": "looked the targets up: {matched} found, {none} not found",
    "custodes.production.account_chosen": "chose the account a target means: {account}",
    "custodes.production.left_out": "left {what} out of the package",
    "custodes.production.included": "included {what} in the package",
    "custodes.publication.proposed": "proposed to publish the demand, with {proposed} redactions",
    "custodes.publication.redacted": "redacted {count} more passages ({kind})",
    "custodes.publication.unredacted": "left a passage visible ({kind})",
    "custodes.publication.approved": "approved the redactions and published the demand as {slug}",
    "custodes.production.started": "started sealing production package {production}",
    "custodes.production.sealed": "sealed production package {production}",
    "custodes.production.failed": "production package {production} failed",
    "custodes.production.downloaded": "downloaded production package {production}",
    "custodes.mail.sent": "sent an e-mail ({purpose})",
    "custodes.mail.failed": "could not send an e-mail ({purpose})",
    "custodes.mail.uncertain": "may or may not have sent an e-mail ({purpose}): a person checks",
    "custodes.mail.settled": "settled an e-mail that was in doubt",
    "custodes.staff.added": "added a staff member ({roles})",
    "custodes.staff.updated": "changed a staff member's {changed}",
    "custodes.requester.signed_up": "signed up as a requester",
    "custodes.requester.refused_at_signup": "refused a sign-up: {reason}",
    "custodes.requester.email_confirmed": "confirmed their e-mail address",
    "custodes.requester.authenticator_set": "set up their authenticator",
    "custodes.requester.approved": "approved the requester's account",
    "custodes.requester.refused": "refused the requester's account: {reason}",
    "custodes.requester.replied": "the requester answered",
    "custodes.token.issued": "issued an API token ({prefix}…)",
}


class UnknownAction(ValueError):
    pass


def check(action: str) -> None:
    if action not in ACTIONS:
        raise UnknownAction(
            f"{action!r} is not an audit action; add it to custodes.audit.actions.ACTIONS"
        )


def sentence(action: str, data: dict) -> str:
    """The timeline's sentence for one event; an action no longer registered is its name."""
    if action not in ACTIONS:
        return action
    return _Plain().vformat(ACTIONS[action], (), data)


class _Plain(string.Formatter):
    def get_value(self, key, args, kwargs):
        return kwargs.get(key)

    def format_field(self, value, vocabulary: str) -> str:
        if value is None or value == "":
            return "none"
        if isinstance(value, list | dict):
            return ", ".join(self.format_field(item, vocabulary) for item in value) or "none"
        return words.label(vocabulary, str(value)) if vocabulary else str(value)
