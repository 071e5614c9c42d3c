"""The readable summary of one review: the request, the decision, each finding's citation."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from custodes.reviewing import Review

_SEVERITY_STYLE = {"block": "bold red", "escalate": "bold yellow", "warn": "yellow", "info": "cyan"}


def print_review(console: Console, result: Review) -> None:
    request, decision = result.request, result.decision
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("instrument", str(request.instrument))
    facts.add_row("authority", ", ".join(request.authority) or "—")
    facts.add_row("agency", request.agency or "—")
    facts.add_row("country", request.country or "—")
    facts.add_row("addressed to", request.addressed_to or "—")
    sender = request.requester
    facts.add_row(
        "requester", " · ".join(x for x in (sender.name, sender.email, sender.phone) if x) or "—"
    )
    facts.add_row("issued / return by", f"{request.issued_on or '—'} / {request.return_by or '—'}")
    facts.add_row("signed", {True: "yes", False: "no", None: "cannot tell"}[request.signed])
    facts.add_row("targets", "\n".join(f"{s.kind}: {s.value}" for s in request.selectors) or "—")
    facts.add_row("categories", ", ".join(request.categories) or "—")
    if request.date_range:
        facts.add_row(
            "dates", f"{request.date_range.start or '…'} to {request.date_range.end or '…'}"
        )
    ndo = request.nondisclosure
    facts.add_row(
        "secrecy",
        "court-ordered" + (f" until {ndo.expires_on}" if ndo.expires_on else ", no end")
        if ndo.court_ordered
        else ("asked for, not ordered" if ndo.present else "none"),
    )
    facts.add_row("purpose", request.purpose or "—")
    console.print(Panel(facts, title=str(result.path.name), expand=False))

    notice = decision.notice
    console.print(
        f"[bold]Decision:[/bold] {decision.action}   "
        f"[bold]may produce:[/bold] {', '.join(decision.allowed_categories) or 'nothing'}   "
        f"[bold]notice:[/bold] {notice.action}"
        + (f" (not before {notice.not_before})" if notice.not_before else "")
    )
    console.print(f"  {notice.reason}")
    for item in decision.withheld:
        console.print(f"  [red]withheld[/red] {item.category}: {item.reason}")
    if not decision.findings:
        console.print("[green]No findings.[/green]")
    for finding in decision.findings:
        style = _SEVERITY_STYLE[str(finding.severity)]
        console.print(f"[{style}]{finding.severity:>8}[/{style}] [bold]{finding.code}[/bold]")
        console.print(f"          {finding.message}")
        console.print(f"          [dim]{finding.citation}[/dim]")
