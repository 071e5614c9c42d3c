"""Charts drawn on the server as SVG: readable without JavaScript, scaled to any screen."""

from __future__ import annotations

from xml.sax.saxutils import escape

INK, BAR, MUTED = "#1d2330", "#1f4e8c", "#5b6475"


def bars(items: list[tuple[str, int]], title: str) -> str:
    """Horizontal bars, one per item, the value written beside each."""
    width, row, label_width = 460, 30, 225
    height = row * len(items) + 10
    top = max((v for _, v in items), default=0) or 1
    parts = [_open(width, height, title)]
    for i, (label, value) in enumerate(items):
        y = i * row + 5
        length = (width - label_width - 60) * value / top
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 18}" text-anchor="end" fill="{INK}" '
            f'font-size="13">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y + 4}" width="{length:.1f}" height="{row - 10}" '
            f'fill="{BAR}"><title>{escape(label)}: {value:,}</title></rect>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + 18}" fill="{INK}" '
            f'font-size="14">{value:,}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def trend(points: list[tuple[str, int]], title: str) -> str:
    """Vertical bars over periods, oldest first; the latest value written on its bar."""
    width, height, bottom = 440, 220, 36
    top = max((v for _, v in points), default=0) or 1
    step = (width - 20) / max(len(points), 1)
    parts = [_open(width, height, title)]
    for i, (label, value) in enumerate(points):
        x = 10 + i * step
        tall = (height - bottom - 20) * value / top
        y = height - bottom - tall
        parts.append(
            f'<rect x="{x + step * 0.15:.1f}" y="{y:.1f}" width="{step * 0.7:.1f}" '
            f'height="{tall:.1f}" fill="{BAR}"><title>{escape(label)}: {value:,}</title></rect>'
        )
        if len(points) <= 6 or i % max(1, len(points) // 5) == 0 or i == len(points) - 1:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle" '
                f'fill="{MUTED}" font-size="13">{escape(label)}</text>'
            )
    if points:
        label, value = points[-1]
        x = 10 + (len(points) - 1) * step + step / 2
        tall = (height - bottom - 20) * value / top
        parts.append(
            f'<text x="{x:.1f}" y="{height - bottom - tall - 5:.1f}" text-anchor="middle" '
            f'fill="{INK}" font-size="14">{value:,}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _open(width: int, height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}" style="width:100%;height:auto">'
        f"<title>{escape(title)}</title>"
    )
