from django.urls import path

from glimmers.booklet import views

app_name = "booklet"
urlpatterns = [
    path("", views.booklet, name="booklet"),
    path("bookmarks/", views.bookmarks, name="bookmarks"),
    path("made/<uuid:job_id>/", views.job, name="job"),
    path("made/<uuid:job_id>/pdf/", views.job_pdf, name="job_pdf"),
]
