from django.urls import path

from custodes.web.views import auth, cases, queue, requesters, staff

app_name = "web"

urlpatterns = [
    path("login/", auth.login, name="login"),
    path("logout/", auth.logout, name="logout"),
    path("", queue.queue, name="queue"),
    path("upload/", cases.upload, name="upload"),
    path("cases/<str:reference>/", cases.case_page, name="case"),
    path("cases/<str:reference>/move/", cases.move, name="move"),
    path("cases/<str:reference>/decide/", cases.decide, name="decide"),
    path("cases/<str:reference>/correct/", cases.correct, name="correct"),
    path("cases/<str:reference>/notes/", cases.note, name="note"),
    path("cases/<str:reference>/documents/<int:document_id>/", cases.document, name="document"),
    path("cases/<str:reference>/callback/", cases.callback, name="callback"),
    path("staff/", staff.staff, name="staff"),
    path("staff/requesters/", requesters.requesters, name="requesters"),
    path(
        "staff/requesters/<int:requester_id>/", requesters.decide_requester, name="decide_requester"
    ),
]
