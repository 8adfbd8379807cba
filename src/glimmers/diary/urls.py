from django.urls import path

from glimmers.diary.views import (
    capture,
    conflicts,
    entries,
    photos,
    pwa,
    search,
    timeline,
    trash,
    triggers,
)

app_name = "diary"
urlpatterns = [
    path("", capture.home, name="home"),
    path("bean/", capture.bean, name="bean"),
    path("intention/", capture.intention, name="intention"),
    path("timeline/", timeline.timeline, name="timeline"),
    path("search/", search.search, name="search"),
    path("g/<uuid:glimmer_id>/", entries.detail, name="detail"),
    path("g/<uuid:glimmer_id>/edit/", entries.edit, name="edit"),
    path("g/<uuid:glimmer_id>/trash/", entries.trash, name="trash"),
    path("g/<uuid:glimmer_id>/restore/", entries.restore, name="restore"),
    path("trash/", trash.trash_page, name="trash_page"),
    path("trash/empty/", trash.empty_trash, name="empty_trash"),
    path("triggers/", triggers.triggers, name="triggers"),
    path("triggers/<uuid:trigger_id>/trash/", triggers.trigger_trash, name="trigger_trash"),
    path("triggers/<uuid:trigger_id>/restore/", triggers.trigger_restore, name="trigger_restore"),
    path("photos/<uuid:photo_id>", photos.photo, name="photo"),
    path("conflicts/<uuid:conflict_id>/use/", conflicts.use, name="conflict_use"),
    path("conflicts/<uuid:conflict_id>/keep/", conflicts.keep, name="conflict_keep"),
    # The service worker, from the site's root so it may look after every page.
    path("sw.js", pwa.service_worker, name="service_worker"),
]
