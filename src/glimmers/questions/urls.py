from django.urls import path

from glimmers.questions.views import flow, own

app_name = "questions"
urlpatterns = [
    path("", flow.hub, name="hub"),
    path("ask/", flow.ask, name="ask"),
    path("a/<uuid:answer_id>/", flow.answer_detail, name="answer"),
    path("a/<uuid:answer_id>/scale/", flow.scale, name="scale"),
    path("a/<uuid:answer_id>/delete/", flow.delete, name="delete"),
    path("a/<uuid:answer_id>/<slug:step>/", flow.step, name="step"),
    path("mine/", own.own, name="own"),
    path("mine/<uuid:question_id>/", own.own_edit, name="own_edit"),
    path("mine/<uuid:question_id>/archive/", own.own_archive, name="own_archive"),
    path("mine/<uuid:question_id>/unarchive/", own.own_unarchive, name="own_unarchive"),
]
