"""Refusing NUL characters at the edge: no form field or query parameter may carry one.

PostgreSQL stores no NUL in text, so one would otherwise surface as a server error deep
inside a save. The API's JSON bodies are checked by their schemas.
"""

from __future__ import annotations

from django.http import HttpResponseBadRequest

_MESSAGE = "A field holds a NUL character, which is never text; remove it and send again."


class RefuseNulCharacters:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.content_type.startswith("application/json"):
            for data in (request.GET, request.POST):
                if any("\x00" in value for _, values in data.lists() for value in values):
                    return HttpResponseBadRequest(_MESSAGE)
        return self.get_response(request)
