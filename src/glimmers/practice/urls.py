from django.urls import path

from glimmers.practice.views import (
    beans,
    dark,
    days,
    hub,
    onboarding,
    pause,
    photo,
    prompts,
    triggers,
    walk,
)

app_name = "practice"
urlpatterns = [
    path("", hub.hub, name="hub"),
    path("pause/", pause.pause, name="pause"),
    path("anchor/<uuid:glimmer_id>/", pause.anchor, name="anchor"),
    path("walk/", walk.walk, name="walk"),
    path("walk/<int:step>/", walk.walk_step, name="walk_step"),
    path("walk/discard/", walk.walk_discard, name="walk_discard"),
    path("morning/", days.morning, name="morning"),
    path("evening/", days.evening, name="evening"),
    path("beans/", beans.beans, name="beans"),
    path("beans/<uuid:bean_id>/glimmer/", beans.bean_glimmer, name="bean_glimmer"),
    path("after-trigger/<uuid:trigger_id>/", triggers.after_trigger, name="after_trigger"),
    path("dark-time/", dark.dark_time, name="dark_time"),
    path("photo/", photo.photo, name="photo"),
    path("photo/<uuid:glimmer_id>/", photo.photo_reflect, name="photo_reflect"),
    path("prompts/", prompts.prompts, name="prompts"),
    path("prompts/visibility/", prompts.prompt_visibility, name="prompt_visibility"),
    path("welcome/", onboarding.onboarding, name="onboarding"),
    path("welcome/<int:screen>/", onboarding.onboarding, name="onboarding_screen"),
    path("welcome/skip/", onboarding.skip_onboarding, name="skip_onboarding"),
]
