"""Morning and evening: an intention and yesterday's good moments; a look back at the day."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from glimmers.diary import services as diary
from glimmers.diary.models import TEXT_MAX
from glimmers.diary.views.common import SignedInRequest, add_errors
from glimmers.practice import services
from glimmers.practice.forms import MorningForm
from glimmers.practice.views.common import posted


@login_required
@require_http_methods(["GET", "POST"])
def morning(request: SignedInRequest) -> HttpResponse:
    if request.method == "POST" and request.htmx:
        # Saved as the person types (htmx), so leaving the page loses nothing; checked
        # only when the morning is kept.
        typed = {name: request.POST.get(name, "")[:TEXT_MAX] for name in MorningForm().fields}
        services.save_morning_draft(request.user, typed)
        return render(request, "_saved_as_you_type.html")
    today = timezone.localdate()
    yesterday = services.day_review(request.user, today - timedelta(days=1))
    current = diary.intention_on(request.user, today)
    initial = {"intention": current.text if current else ""}
    initial.update(services.morning_draft(request.user))  # what was typed and not kept yet
    form = MorningForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.morning(
                request.user,
                intention=form.cleaned_data["intention"],
                moments=form.moments(),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            count = len(saved["glimmers"])
            if count:
                messages.success(
                    request,
                    ngettext(
                        "Kept %(count)d good moment from yesterday.",
                        "Kept %(count)d good moments from yesterday.",
                        count,
                    )
                    % {"count": count},
                )
            else:
                messages.success(request, _("Your morning is set. Have a gentle day."))
            return redirect("practice:morning")
    status = 400 if form.errors else 200
    context = {"form": form, "yesterday": yesterday, "intention": current}
    return render(request, "practice/morning.html", context, status=status)


@login_required
@require_GET
def evening(request: SignedInRequest) -> HttpResponse:
    review = services.day_review(request.user, timezone.localdate())
    return render(request, "practice/evening.html", {"review": review})
