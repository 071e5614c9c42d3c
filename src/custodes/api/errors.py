"""One error shape everywhere: {"error": {"code", "message", "field"}}."""

from __future__ import annotations

from django.http import Http404


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        field: str | None = None,
        retry_after: int | None = None,
    ):
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field
        self.retry_after = retry_after


def body(code: str, message: str, field: str | None = None) -> dict:
    return {"error": {"code": code, "message": message, "field": field}}


def install(api) -> None:
    from ninja.errors import AuthenticationError, HttpError, ValidationError

    @api.exception_handler(ApiError)
    def api_error(request, error: ApiError):
        response = api.create_response(
            request, body(error.code, error.message, error.field), status=error.status
        )
        if error.retry_after is not None:
            response["Retry-After"] = str(error.retry_after)
        return response

    @api.exception_handler(ValidationError)
    def invalid(request, error: ValidationError):
        first = error.errors[0] if error.errors else {}
        location = [
            str(part)
            for part in first.get("loc", ())
            if part not in ("body", "payload", "query", "path")
        ]
        field = ".".join(location) or None
        message = (
            f"{field}: {first.get('msg', 'invalid')}"
            if field
            else first.get("msg", "invalid request")
        )
        return api.create_response(request, body("invalid", message, field), status=422)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, error):
        message = (
            "Send an API token as 'Authorization: Bearer cst_…'; tokens are issued in the portal."
        )
        return api.create_response(request, body("unauthenticated", message), status=401)

    @api.exception_handler(HttpError)
    def http_error(request, error: HttpError):
        return api.create_response(request, body("error", str(error)), status=error.status_code)

    @api.exception_handler(Http404)
    def not_found(request, error):
        return api.create_response(
            request, body("not_found", str(error) or "Not found."), status=404
        )
