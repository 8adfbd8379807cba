"""Today's beans, and turning a bean into a full glimmer later."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from glimmers.diary.access import get_bean_for
from glimmers.diary.services import EntryInput
from glimmers.diary.views.common import SignedInRequest, add_errors
from glimmers.practice import services
from glimmers.practice.forms import BeanGlimmerForm
from glimmers.practice.views.common import posted


@login_required
@require_GET
def beans(request: SignedInRequest) -> HttpResponse:
    review = services.day_review(request.user, timezone.localdate())
    return render(request, "practice/beans.html", {"beans": review.beans})


@login_required
@require_http_methods(["GET", "POST"])
def bean_glimmer(request: SignedInRequest, bean_id: uuid.UUID) -> HttpResponse:
    bean = get_bean_for(request.user, bean_id)
    if bean.glimmer_id is not None:
        return redirect("diary:detail", glimmer_id=bean.glimmer_id)
    form = BeanGlimmerForm(posted(request), initial={"text": bean.note})
    if request.method == "POST" and form.is_valid():
        data = EntryInput(text=form.cleaned_data["text"], senses=form.cleaned_data["senses"])
        try:
            glimmer = services.bean_to_glimmer(bean, data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your bean has its words now."))
            return redirect("diary:detail", glimmer_id=glimmer.id)
    status = 400 if form.errors else 200
    return render(
        request, "practice/bean_glimmer.html", {"form": form, "bean": bean}, status=status
    )
