from django.urls import path

from custodes.portal import letters, views

app_name = "portal"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("login/", views.login, name="login"),
    path("logout/", views.logout, name="logout"),
    path("", views.home, name="home"),
    path("submit/", views.submit, name="submit"),
    path("demands/<str:reference>/", views.demand, name="demand"),
    path("demands/<str:reference>/documents/", views.add_document, name="add_document"),
    path(
        "demands/<str:reference>/packages/<str:token>/",
        views.download_package,
        name="download_package",
    ),
    path("token/", views.api_token, name="token"),
    path("demands/<str:reference>/reply/", letters.portal_reply, name="reply"),
    path(
        "demands/<str:reference>/letters/<int:letter_id>.pdf",
        letters.portal_pdf,
        name="letter_pdf",
    ),
]
