"""First steps: what a glimmer is, how it differs from a trigger, then your first glimmer.

Skippable at every screen, and findable again from the practice hub.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from glimmers.diary import services as diary
from glimmers.diary.services import EntryInput
from glimmers.diary.views.common import SignedInRequest, add_errors
from glimmers.practice import services
from glimmers.practice.forms import FirstGlimmerForm
from glimmers.practice.views.common import posted

SCREENS = 3


@login_required
@require_http_methods(["GET", "POST"])
def onboarding(request: SignedInRequest, screen: int = 1) -> HttpResponse:
    screen = min(max(screen, 1), SCREENS)
    form = FirstGlimmerForm(posted(request))
    if request.method == "POST" and screen == SCREENS and form.is_valid():
        try:
            glimmer = diary.add_glimmer(request.user, EntryInput(text=form.cleaned_data["text"]))
        except ValidationError as error:
            add_errors(form, error)
        else:
            services.finish_onboarding(request.user)
            messages.success(request, _("Your first glimmer is kept. Welcome."))
            return redirect("diary:detail", glimmer_id=glimmer.id)
    status = 400 if form.errors else 200
    context = {"screen": screen, "screens": SCREENS, "form": form}
    return render(request, "practice/onboarding.html", context, status=status)


@login_required
@require_POST
def skip_onboarding(request: SignedInRequest) -> HttpResponse:
    services.finish_onboarding(request.user)
    messages.success(request, _("You can find the first steps again under Practice."))
    return redirect("diary:home")
