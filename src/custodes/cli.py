"""The `custodes` command."""

from __future__ import annotations

import gc
import json
import sys
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import click

from custodes.env import SettingError

# Only what `--help` needs is imported here: click. Each command imports what it uses (the
# reader, Django, rich for tables and markup) when it runs, so that the command starts at once.
if TYPE_CHECKING:
    from rich.console import Console

    from custodes.reviewing import Review


@click.group()
def app() -> None:
    """custodes: receive government demands for user data and answer them as the law allows."""


@cache
def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _say(text: str) -> None:
    """A line for a person on standard output, in rich's markup ("[bold]…[/bold]")."""
    _console().print(text)


def _received_on(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not an ISO date such as 2026-11-23", param_hint="'--received-on'"
        ) from None


def _fail(message: str) -> None:
    print(f"custodes: {message}", file=sys.stderr)
    raise click.exceptions.Exit(2)


_PATH = click.Path(path_type=Path)


@app.command("review")
@click.argument("path", type=_PATH)
@click.option("--json", "as_json", is_flag=True, help="Print the contract's JSON.")
@click.option("--provider", multiple=True, help="A name the deployment answers to (repeatable).")
@click.option("--received-on", help="The day the demand arrived (ISO date).")
def review_command(
    path: Path, as_json: bool, provider: tuple[str, ...], received_on: str | None
) -> None:
    """Read a demand (.txt, .pdf, .eml, .json) or a folder of them and decide, with citations,
    what the provider may lawfully do."""
    if not path.is_dir():
        # One review, then the process ends: the collector's passes over the objects the reader
        # makes compiling its patterns (some 25 ms) would free next to nothing.
        gc.disable()
    from custodes.intake import UnreadableInput
    from custodes.reviewing import config_from_env

    try:
        config = config_from_env(_received_on(received_on), tuple(provider or ()))
        if path.is_dir():
            _review_folder(path, config, as_json)
            return
        result = _reviewed(path, config)
    except (UnreadableInput, SettingError) as error:
        _fail(str(error))
    for note in result.notes:
        print(f"custodes: note: {note}", file=sys.stderr)
    if as_json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        from custodes.summary import print_review

        print_review(_console(), result)


def _reviewed(path: Path, config) -> Review:
    """The review of one file; whatever goes wrong reading it is UnreadableInput."""
    from custodes.intake import UnreadableInput
    from custodes.reviewing import review_file

    try:
        return review_file(path, config)
    except UnreadableInput:
        raise
    except Exception as error:  # hostile input ends in one line, never a traceback
        raise UnreadableInput(
            f"{path}: this demand could not be read ({type(error).__name__}); send it as "
            "text, as a PDF printed again, or as the original .eml message"
        ) from None


def _review_folder(folder: Path, config, as_json: bool) -> None:
    from rich.progress import track

    from custodes.intake import UnreadableInput
    from custodes.reviewing import demands_in

    paths = demands_in(folder)
    results: list[Review | tuple[Path, str]] = []
    for path in track(paths, description="Reviewing", console=_console(True), transient=True):
        try:
            results.append(_reviewed(path, config))
        except UnreadableInput as error:
            results.append((path, str(error)))
    if as_json:
        print(json.dumps([_folder_entry(r) for r in results], indent=2, ensure_ascii=False))
        return
    _print_folder_table(results)


def _folder_entry(result: Review | tuple[Path, str]) -> dict:
    if isinstance(result, tuple):
        path, error = result
        return {"path": str(path), "error": error}
    return {"path": str(result.path), **result.to_dict()}


def _print_folder_table(results: list[Review | tuple[Path, str]]) -> None:
    from rich.table import Table

    table = Table(title="Demands reviewed")
    for column in ("demand", "instrument", "action", "notice", "findings"):
        table.add_column(column, overflow="fold")
    actions: Counter[str] = Counter()
    for result in results:
        if not isinstance(result, tuple):
            decision = result.decision
            actions[str(decision.action)] += 1
            table.add_row(
                result.path.name,
                str(result.request.instrument),
                str(decision.action),
                str(decision.notice.action),
                "\n".join(str(code) for code in decision.codes) or "—",
            )
        else:
            actions["unreadable"] += 1
            table.add_row(result[0].name, "—", "unreadable", "—", result[1])
    _console().print(table)
    summary = Table(title="Actions")
    summary.add_column("action")
    summary.add_column("demands", justify="right")
    for action, count in sorted(actions.items()):
        summary.add_row(action, str(count))
    _console().print(summary)


def _django() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "custodes.settings")
    try:
        django.setup()
    except SettingError as error:
        _fail(str(error))


@app.command("migrate")
def migrate() -> None:
    """Create the database's tables, or bring them up to this custodes."""
    _django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    _say("The database is up to date.")


@app.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option("--demo", is_flag=True, help="Load the demo desk and its staff.")
def serve(host: str, port: int, demo: bool) -> None:
    """Migrate the database and start the staff web app."""
    _django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if demo:
        _print_demo()
        _start_demo_worker()
    _say(f"custodes is at [bold]http://{host}:{port}/[/bold]  (Ctrl-C stops it)")
    call_command("runserver", f"{host}:{port}", use_reloader=False, verbosity=0)


def _start_demo_worker() -> None:
    """On a demo desk the background worker runs beside the web app, its e-mails printed
    here; a real deployment runs `custodes worker` (or `custodes tick` from cron)."""
    import threading

    from custodes.worker import work

    threading.Thread(target=work, args=(15,), name="custodes-worker", daemon=True).start()
    _say("The background worker runs every 15 s; e-mails are printed here.")


@app.command("tick")
def tick_command() -> None:
    """One background pass: write the notices and reminders that are due, and send them."""
    _database()
    from custodes.worker import tick

    done = tick()
    _say(f"Notices written: {done.notices}; reminders due: {done.reminders}.")


@app.command("worker")
@click.option(
    "--interval",
    type=click.FloatRange(min=1),
    default=30,
    show_default=True,
    help="Seconds between passes.",
)
def worker_command(interval: float) -> None:
    """Run the background worker: a pass every INTERVAL seconds, e-mails sent as written."""
    _database()
    from custodes.worker import work

    _say(f"custodes worker: a pass every {interval:g} s (Ctrl-C or SIGTERM stops it)")
    work(interval)
    _say("custodes worker stopped, the work in hand finished.")


def _print_demo() -> None:
    from custodes.cases.people import current_code, secret_of
    from custodes.demo import (
        DEMO_PASSWORD,
        DEMO_REQUESTER,
        demo_provider_database,
        demo_requester,
        demo_staff,
        load_demo,
    )

    opened = load_demo()
    if opened:
        _say(f"Loaded {len(opened)} demo demands.")
    _say(f"The demo provider's own data (accounts, sign-ins, posts…): {demo_provider_database()}")
    from rich.table import Table

    table = Table(title="Demo staff (password, then the six-digit code)")
    for column in ("user", "password", "TOTP secret (add to an authenticator)", "code now"):
        table.add_column(column, overflow="fold")
    for username, device in demo_staff().items():
        table.add_row(username, DEMO_PASSWORD, secret_of(device), current_code(device))
    device = demo_requester()
    table.add_row(
        f"{DEMO_REQUESTER} (portal)", DEMO_PASSWORD, secret_of(device), current_code(device)
    )
    _console().print(table)
    _say("Staff sign in at /login/; requesters at /portal/login/ (or sign up at /portal/signup/).")
    _say(
        "A fresh code: [bold]CUSTODES_DEBUG=true .venv/bin/custodes staff code NAME[/bold] "
        "(demo desks only)."
    )


@app.group("domains")
def domains_app() -> None:
    """The lists of known government domains."""


@domains_app.command("refresh")
@click.argument("path", type=_PATH)
@click.option("--as-of", required=True, help="The day CISA published it (ISO date).")
@click.option("--source", default="", help="Where the file came from.")
@click.option("--to", type=_PATH, help="Write here, not over the snapshot custodes ships.")
def domains_refresh(path: Path, as_of: str, source: str, to: Path | None) -> None:
    """Replace the snapshot of registered .gov domains with CISA's file (PATH: CISA's
    current-full.csv, as published); nothing on an error."""
    from custodes.law import dotgov
    from custodes.law.refusal import Refused

    try:
        published = date.fromisoformat(as_of)
    except ValueError:
        _fail(f"--as-of {as_of!r} is not an ISO date such as 2026-08-22")
    try:
        snapshot = dotgov.read_cisa(path, published, source or dotgov.DEFAULT_SOURCE)
    except Refused as error:
        _fail(f"{error}. The snapshot is unchanged.")
    target = to or dotgov.snapshot_path()
    before = set(dotgov.registered().domains)
    try:
        dotgov.write_snapshot(snapshot, target)
    except OSError as error:
        _fail(f"{target} cannot be written ({error.strerror}); give --to a path you may write.")
    after = set(snapshot.domains)
    _say(
        f"{len(after):,} .gov domains as of {snapshot.as_of} in {target}: "
        f"{len(after - before):,} added, {len(before - after):,} gone since the shipped snapshot."
    )
    for kind, rows in sorted(snapshot.left_out.items()):
        _say(f"  left out: {rows:,} of type {kind!r}, not a government's")


@app.group("staff")
def staff_app() -> None:
    """Staff accounts."""


@staff_app.command("add")
@click.argument("username")
@click.option("--role", multiple=True, required=True, help="reviewer, counsel or admin")
@click.option(
    "--full-name", required=True, help="As they sign a production's certificate: Dana Whitfield."
)
@click.option("--title", required=True, help="As they sign: Custodian of Records.")
@click.password_option()
@click.option("--email", default="", help="Where reminders and objections reach them.")
def staff_add(
    username: str, role: tuple[str, ...], full_name: str, title: str, password: str, email: str
) -> None:
    """Add a staff member; prints the TOTP secret for their authenticator, once."""
    _database()
    from custodes.cases.people import add_staff, secret_of

    try:
        _, device = add_staff(
            username, password, role, full_name=full_name, title=title, email=email
        )
    except ValueError as error:
        _fail(str(error))
    _say(f"Added {username}. TOTP secret (shown once): [bold]{secret_of(device)}[/bold]")


@staff_app.command("code")
@click.argument("username")
def staff_code(username: str) -> None:
    """The current six-digit code of a demo staff member (only with CUSTODES_DEBUG=true)."""
    _database()
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from custodes.cases.people import current_code

    if not settings.DEBUG:
        _fail("codes are shown only on a demo desk (CUSTODES_DEBUG=true)")
    user = get_user_model().objects.filter(username=username).first()
    device = user.totpdevice_set.first() if user else None
    if device is None:
        _fail(f"no staff member {username!r} with an authenticator")
    print(current_code(device))


@app.group("audit")
def audit_app() -> None:
    """The audit log."""


def _audit_log() -> None:
    """Django, and a database that holds the audit log's tables as this custodes writes them."""
    _django()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if "audit_event" not in connection.introspection.table_names():
        _fail(
            "this database holds no audit log (its tables are missing: never set up, or "
            "dropped); `custodes migrate` sets up a new one"
        )
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        _fail("this database is behind this custodes: run `custodes migrate` first")


@audit_app.command("verify")
def audit_verify() -> None:
    """Check the whole chain, its signatures and its checkpoints; name what does not match."""
    _audit_log()
    from custodes.audit.verifying import verify

    result = verify()
    if not result.ok:
        where = f"audit event #{result.broken_at} does not match: " if result.broken_at else ""
        print(f"custodes: {where}{result.problem}.", file=sys.stderr)
        raise click.exceptions.Exit(1)
    _say(f"The audit log is intact: {result.events} events, every hash matches.")
    if not result.signed:
        _say(
            "It is unsigned: without CUSTODES_AUDIT_KEY_FILE nothing shows whether events were "
            "cut from its end or added behind the application's back."
        )
        return
    signed, before = result.events - result.unsigned_events, result.unsigned_events
    _say(
        f"{signed} events are signed by the deployment's key"
        + (f"; the first {before} were written before it." if before else ".")
    )
    if result.checkpoint is None:
        _say("No signed checkpoint yet: run `custodes audit checkpoint`.")
        return
    checkpoint = result.checkpoint
    _say(
        f"The latest signed checkpoint ({checkpoint.at:%Y-%m-%d %H:%M} UTC, {checkpoint.reason}) "
        f"covers #{checkpoint.sequence}; {result.events - checkpoint.sequence} events follow it."
    )


@audit_app.command("checkpoint")
def audit_checkpoint() -> None:
    """Sign the chain's head with the deployment's key, so that no event before it can go."""
    _audit_log()
    from custodes.audit.checkpoints import ON_DEMAND, make

    checkpoint = make(ON_DEMAND)
    if checkpoint is None:
        _fail("no audit key: set CUSTODES_AUDIT_KEY_FILE (make one with `custodes audit keygen`)")
    _say(
        f"Checkpoint of {checkpoint.at:%Y-%m-%d %H:%M} UTC: event #{checkpoint.sequence}, "
        f"SHA-256 {checkpoint.head_hash}, signed {checkpoint.signature}."
    )


@audit_app.command("keygen")
@click.argument("path", type=_PATH)
def audit_keygen(path: Path) -> None:
    """Make the deployment's audit key (Ed25519) at PATH (a PEM file), readable by its owner
    only; an existing key is kept, never replaced."""
    from custodes.audit.keys import generate

    try:
        made = generate(path)
    except (SettingError, OSError) as error:
        _fail(f"{path}: {error}")
    _say(f"{'Made' if made else 'Kept'} the audit key {path}; keep a copy somewhere safe.")


FORMATS = ("csv", "json", "html")


@app.group("report", invoke_without_command=True)
@click.option("--period", default="", help="A half-year (2026H1), a year (2026) or a range (A..B).")
@click.option("--format", "format", default="csv", show_default=True, help="csv, json or html.")
@click.option("--output", type=_PATH, help="Write here, not to standard output.")
@click.pass_context
def report(ctx: click.Context, period: str, format: str, output: Path | None) -> None:
    """Print the transparency report of a period (the current half-year by default)."""
    if ctx.invoked_subcommand:
        return
    if format not in FORMATS:
        _fail(f"--format {format!r}: choose csv, json or html")
    _database()
    from django.utils import timezone

    from custodes.law.refusal import Refused
    from custodes.transparency import render
    from custodes.transparency.aggregate import compute
    from custodes.transparency.history import requests_by_period
    from custodes.transparency.periods import Period

    try:
        chosen = Period.parse(period) if period else Period.containing(timezone.localdate())
    except Refused as error:
        _fail(str(error))
    figures = compute(chosen)
    text = {
        "csv": lambda: render.to_csv(figures),
        "json": lambda: render.to_json(figures),
        "html": lambda: render.to_html(figures, requests_by_period()),
    }[format]()
    if output:
        output.write_text(text, encoding="utf-8")
        _say(f"The {chosen.label} report is in {output}.")
    else:
        sys.stdout.write(text)


@report.command("import")
@click.argument("files", nargs=-1, required=True, type=_PATH)
@click.option(
    "--period",
    default="",
    help="The period of a file that does not say it (Meta's): 2017H1 or 2023Q2.",
)
def report_import(files: tuple[Path, ...], period: str) -> None:
    """Import totals a provider published before custodes (Google's, GitHub's, Meta's,
    Discord's or Twitter's CSV files)."""
    _database()
    from custodes.law.refusal import Refused
    from custodes.transparency.importing import import_file
    from custodes.transparency.periods import Period

    try:
        given = Period.parse(period) if period else None
    except Refused as error:
        _fail(f"--period {error}")
    for path in files:
        try:
            done = import_file(path, given)
        except Refused as error:
            _fail(f"{error}. Nothing from {path.name} was imported.")
        _say(f"{path.name}: {done.rows} rows imported.")
        for note in done.notes:
            _say(f"  note: {note}")


def _database() -> None:
    """Django, and its database's tables as this custodes writes them: a fresh data folder
    has none yet, so they are made first, as `custodes serve` would."""
    _django()
    _migrate_if_new()


def _migrate_if_new() -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        _console(True).print("The database was new or behind its migrations: migrating it first.")
        call_command("migrate", verbosity=0)


if __name__ == "__main__":
    app()
