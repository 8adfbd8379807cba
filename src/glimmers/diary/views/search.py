"""Search: ranked full-text results with highlights, updated as you type (htmx) and a plain
form without JavaScript."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from glimmers.diary import queries
from glimmers.diary.forms import SearchForm
from glimmers.diary.search import explain, terms_of
from glimmers.diary.views.common import SignedInRequest

PAGE_SIZE = 20


@login_required
@require_GET
def search(request: SignedInRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context: dict[str, object] = {"form": form, "hits": [], "searched": False}
    if form.is_valid() and terms_of(form.cleaned_data["q"] or ""):
        data = form.cleaned_data
        page = data.get("page") or 1
        rows = queries.search_page(
            request.user,
            data["q"],
            form.filters(),
            offset=(page - 1) * PAGE_SIZE,
            count=PAGE_SIZE + 1,
        )
        more = len(rows) > PAGE_SIZE
        context.update(
            searched=True,
            hits=explain(rows[:PAGE_SIZE], terms_of(data["q"])),
            page=page,
            next_url=_page_url(request.GET, page + 1) if more else None,
        )
    if request.htmx and request.htmx.target in ("results", "more"):
        template = "diary/_search_more.html" if request.htmx.target == "more" else None
        return render(request, template or "diary/_search_results.html", context)
    return render(request, "diary/search.html", context)


def _page_url(query: QueryDict, page: int) -> str:
    params = query.copy()
    params["page"] = str(page)
    return f"{reverse('diary:search')}?{params.urlencode()}"
