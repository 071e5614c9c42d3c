"""Refusing NUL characters at the edge: not in the path, a query parameter or a form field.

PostgreSQL stores no NUL in text, so one would otherwise surface as a server error deep
inside a query or a save. The API's JSON bodies are checked by their schemas; its answers
here take the API's error shape.
"""

from __future__ import annotations

from django.http import HttpResponseBadRequest, JsonResponse

_MESSAGE = "A field holds a NUL character, which is never text; remove it and send again."


class RefuseNulCharacters:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _holds_nul(request):
            if request.path.startswith("/api/"):
                error = {"code": "invalid", "message": _MESSAGE, "field": None}
                return JsonResponse({"error": error}, status=400)
            return HttpResponseBadRequest(_MESSAGE)
        return self.get_response(request)


def _holds_nul(request) -> bool:
    if "\x00" in request.path:
        return True
    sources = [request.GET]
    if not request.content_type.startswith("application/json"):
        sources.append(request.POST)
    return any(
        "\x00" in value for data in sources for _, values in data.lists() for value in values
    )
