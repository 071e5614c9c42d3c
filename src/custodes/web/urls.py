from django.urls import path

from custodes.web.views import (
    auth,
    cases,
    letters,
    mailbox,
    notices,
    production,
    queue,
    requesters,
    staff,
    typed,
)

app_name = "web"

urlpatterns = [
    path("login/", auth.login, name="login"),
    path("logout/", auth.logout, name="logout"),
    path("", queue.queue, name="queue"),
    path("upload/", cases.upload, name="upload"),
    path("mailbox/", mailbox.set_aside, name="set_aside"),
    path("typed/", typed.typed, name="typed"),
    path("cases/<str:reference>/", cases.case_page, name="case"),
    path("cases/<str:reference>/move/", cases.move, name="move"),
    path("cases/<str:reference>/decide/", cases.decide, name="decide"),
    path("cases/<str:reference>/assign/", cases.assign, name="assign"),
    path("cases/<str:reference>/duplicate/join/", cases.join_duplicate, name="join_duplicate"),
    path("cases/<str:reference>/duplicate/clear/", cases.clear_duplicate, name="clear_duplicate"),
    path("cases/<str:reference>/correct/", cases.correct, name="correct"),
    path("cases/<str:reference>/notes/", cases.note, name="note"),
    path("cases/<str:reference>/documents/<int:document_id>/", cases.document, name="document"),
    path(
        "cases/<str:reference>/documents/<int:document_id>/pages/<int:page>.png",
        cases.document_page,
        name="document_page",
    ),
    path("cases/<str:reference>/callback/", cases.callback, name="callback"),
    path("cases/<str:reference>/notices/", notices.add_recipient, name="add_recipient"),
    path(
        "cases/<str:reference>/notices/<int:notice_id>/remove/",
        notices.remove_recipient,
        name="remove_recipient",
    ),
    path(
        "cases/<str:reference>/notices/<int:notice_id>/settle/",
        notices.settle_mail,
        name="settle_mail",
    ),
    path("cases/<str:reference>/notice-day/", notices.notice_day, name="notice_day"),
    path("cases/<str:reference>/order/lifted/", notices.lift_order, name="lift_order"),
    path("cases/<str:reference>/order/asked/", notices.court_asked, name="court_asked"),
    path("cases/<str:reference>/nsl/asked/", notices.review_asked, name="review_asked"),
    path("cases/<str:reference>/challenge/", notices.settle_challenge, name="settle_challenge"),
    path("cases/<str:reference>/preservation/", notices.preservation, name="preservation"),
    path("cases/<str:reference>/production/", production.production_page, name="production"),
    path("cases/<str:reference>/production/resolve/", production.resolve, name="resolve"),
    path(
        "cases/<str:reference>/production/matches/<int:match_id>/",
        production.choose,
        name="choose_account",
    ),
    path(
        "cases/<str:reference>/production/datasets/",
        production.choose_dataset,
        name="choose_dataset",
    ),
    path("cases/<str:reference>/production/seal/", production.seal, name="seal"),
    path(
        "cases/<str:reference>/production/<int:production_id>/download/",
        production.download,
        name="download_production",
    ),
    path("cases/<str:reference>/letters/", letters.draft, name="draft_letter"),
    path("cases/<str:reference>/letters/<int:letter_id>/", letters.change, name="change_letter"),
    path("cases/<str:reference>/letters/<int:letter_id>.pdf", letters.staff_pdf, name="letter_pdf"),
    path("staff/", staff.staff, name="staff"),
    path("staff/<int:user_id>/", staff.update, name="update_staff"),
    path("staff/requesters/", requesters.requesters, name="requesters"),
    path(
        "staff/requesters/<int:requester_id>/", requesters.decide_requester, name="decide_requester"
    ),
]
