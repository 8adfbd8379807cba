from django.urls import path

from glimmers.booklet import views

app_name = "booklet"
urlpatterns = [
    path("", views.booklet, name="booklet"),
    path("bookmarks/", views.bookmarks, name="bookmarks"),
]
