from django.urls import path

from custodes.transparency import views

app_name = "transparency"

urlpatterns = [
    path("", views.report_page, name="report"),
    path("report.csv", views.report_csv, name="csv"),
    path("report.json", views.report_json, name="json"),
    path("breakdowns.csv", views.report_breakdowns_csv, name="breakdowns_csv"),
]
