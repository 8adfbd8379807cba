from django import forms
from django.utils.translation import gettext_lazy as _

from glimmers.api.models import TOKEN_NAME_MAX


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Device name"),
        max_length=TOKEN_NAME_MAX,
        required=False,
        help_text=_("So you can tell your tokens apart, e.g. “phone” or “laptop”."),
    )
