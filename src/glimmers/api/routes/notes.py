"""Beans and intentions: list, get, create (safe to repeat), update, delete; and a bean
given its words, which makes it a glimmer.

Neither has a trash, so deleting is their way out.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.utils import timezone
from ninja import Router, Status

from glimmers.api.paging import Cursor, page
from glimmers.api.routes.entries import entry_input, fresh
from glimmers.api.schemas import (
    BeanGlimmerIn,
    BeanIn,
    BeanOut,
    BeanPage,
    BeanUpdate,
    GlimmerOut,
    IntentionIn,
    IntentionOut,
    IntentionPage,
    IntentionUpdate,
)
from glimmers.api.types import ERRORS, ApiRequest, Limit
from glimmers.diary import services
from glimmers.diary.access import get_bean_for, get_intention_for
from glimmers.diary.models import Bean, Intention
from glimmers.diary.records import bean_record, intention_record
from glimmers.practice.services import bean_to_glimmer

router = Router()


def _bean(request: ApiRequest, bean_id: uuid.UUID) -> Bean:
    return get_bean_for(request.auth, bean_id)


def _intention(request: ApiRequest, intention_id: uuid.UUID) -> Intention:
    return get_intention_for(request.auth, intention_id)


@router.get("/beans", response={200: BeanPage, **ERRORS}, tags=["beans"])
def list_beans(request: ApiRequest, cursor: Cursor | None = None, limit: int = Limit) -> Any:
    """Your counted beans, newest first."""
    items, next_cursor = page(Bean.objects.filter(owner=request.auth), "counted_at", cursor, limit)
    return {"items": [bean_record(bean) for bean in items], "next": next_cursor}


@router.post("/beans", response={201: BeanOut, **ERRORS}, tags=["beans"])
def create_bean(request: ApiRequest, payload: BeanIn) -> Any:
    """Count a moment. Sending the same `id` again counts it once."""
    if payload.id is None:
        bean = services.count_bean(request.auth, counted_at=payload.counted_at, note=payload.note)
    else:
        bean = services.count_bean_once(
            request.auth, payload.id, counted_at=payload.counted_at, note=payload.note
        )
    return Status(201, bean_record(bean))


@router.get("/beans/{bean_id}", response={200: BeanOut, **ERRORS}, tags=["beans"])
def get_bean(request: ApiRequest, bean_id: uuid.UUID) -> Any:
    """One of your beans."""
    return bean_record(_bean(request, bean_id))


@router.put("/beans/{bean_id}", response={200: BeanOut, **ERRORS}, tags=["beans"])
def update_bean(request: ApiRequest, bean_id: uuid.UUID, payload: BeanUpdate) -> Any:
    """Change a bean's time or note."""
    bean = services.change_bean(
        _bean(request, bean_id), counted_at=payload.counted_at, note=payload.note
    )
    return bean_record(bean)


@router.post(
    "/beans/{bean_id}/glimmer",
    response={200: GlimmerOut, 201: GlimmerOut, **ERRORS},
    tags=["beans"],
)
def bean_glimmer(request: ApiRequest, bean_id: uuid.UUID, payload: BeanGlimmerIn) -> Any:
    """Give a bean its words: it becomes a glimmer that keeps the bean's time (201). A bean
    that has its glimmer already answers with it (200)."""
    bean = _bean(request, bean_id)
    had = bean.glimmer_id is not None
    glimmer = bean_to_glimmer(bean, entry_input(payload))
    return Status(200 if had else 201, fresh(glimmer))


@router.delete("/beans/{bean_id}", response={204: None, **ERRORS}, tags=["beans"])
def delete_bean(request: ApiRequest, bean_id: uuid.UUID) -> Any:
    """Uncount a bean."""
    services.uncount_bean(_bean(request, bean_id))
    return Status(204, None)


@router.get("/intentions", response={200: IntentionPage, **ERRORS}, tags=["intentions"])
def list_intentions(request: ApiRequest, cursor: Cursor | None = None, limit: int = Limit) -> Any:
    """Your intentions, the latest day first."""
    items, next_cursor = page(Intention.objects.filter(owner=request.auth), "day", cursor, limit)
    return {"items": [intention_record(item) for item in items], "next": next_cursor}


@router.post("/intentions", response={201: IntentionOut, **ERRORS}, tags=["intentions"])
def create_intention(request: ApiRequest, payload: IntentionIn) -> Any:
    """Set the intention for a day (today by default); there is one a day, so repeating
    this replaces its words."""
    day = payload.day or timezone.localdate()
    return Status(
        201, intention_record(services.set_intention(request.auth, payload.text, day=day))
    )


@router.get(
    "/intentions/{intention_id}", response={200: IntentionOut, **ERRORS}, tags=["intentions"]
)
def get_intention(request: ApiRequest, intention_id: uuid.UUID) -> Any:
    """One of your intentions."""
    return intention_record(_intention(request, intention_id))


@router.put(
    "/intentions/{intention_id}", response={200: IntentionOut, **ERRORS}, tags=["intentions"]
)
def update_intention(request: ApiRequest, intention_id: uuid.UUID, payload: IntentionUpdate) -> Any:
    """Change an intention's words."""
    intention = _intention(request, intention_id)
    return intention_record(services.set_intention(request.auth, payload.text, day=intention.day))


@router.delete("/intentions/{intention_id}", response={204: None, **ERRORS}, tags=["intentions"])
def delete_intention(request: ApiRequest, intention_id: uuid.UUID) -> Any:
    """Remove an intention."""
    _intention(request, intention_id).delete()
    return Status(204, None)
