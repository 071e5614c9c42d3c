"""Settings read from the environment, failing loudly on a value that makes no sense."""

from __future__ import annotations

import os


class SettingError(ValueError):
    pass


def env_int(name: str, default: int | None, minimum: int = 1) -> int | None:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingError(f"{name}={raw!r} is not a whole number") from None
    if value < minimum:
        raise SettingError(f"{name}={value} must be at least {minimum}")
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw not in ("true", "false"):
        raise SettingError(f"{name}={raw!r} must be 'true' or 'false'")
    return raw == "true"


def env_text(name: str, default: str) -> str:
    """A text setting; NAME_FILE names a file holding it (for secrets)."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        try:
            with open(path, encoding="utf-8") as handle:
                return handle.read().strip()
        except OSError as error:
            raise SettingError(f"{name}_FILE={path!r} cannot be read: {error.strerror}") from None
    return os.environ.get(name, default)


def env_list(name: str, separator: str = ";") -> tuple[str, ...]:
    raw = os.environ.get(name, "")
    return tuple(item.strip() for item in raw.split(separator) if item.strip())


def env_days(name: str, default: tuple[int, ...]) -> tuple[int, ...]:
    """Whole numbers of days, comma-separated, largest first: "7,1"."""
    items = env_list(name, ",")
    if not items:
        return default
    try:
        days = tuple(sorted({int(item) for item in items}, reverse=True))
    except ValueError:
        raise SettingError(f"{name}={os.environ[name]!r} must be whole days, e.g. 7,1") from None
    if days[-1] < 0:
        raise SettingError(f"{name}={os.environ[name]!r}: days cannot be negative")
    return days
