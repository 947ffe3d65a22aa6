"""Records of what people ask the service and ask of it, kept in a database.

Three kinds: hand-off tickets (a request to be contacted by a consultant), feedback on
answers, and every question asked with whether it was answered, so the help-desk
staff can review what went unanswered. ``RecordStore`` keeps them in the database a
SQLAlchemy URL names (a SQLite file by default), creating its tables on first use. A
record is written and committed before the caller hears it was stored, so a ticket
id, once given, survives a restart; when the database cannot take a record the store
raises ``RecordsUnavailable`` and nothing pretends to have been stored.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import queue
import secrets
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

from helpdesk.errors import RecordsUnavailable

log = logging.getLogger("helpdesk.records")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def days_ago(days: int | None) -> dt.datetime | None:
    """The moment ``days`` days ago (None for no bound: every record kept)."""
    return _now() - dt.timedelta(days=days) if days else None


def _id(prefix: str, nbytes: int) -> str:
    return f"{prefix}-{secrets.token_hex(nbytes).upper()}"


@dataclass(frozen=True)
class Ticket:
    """A request to be contacted by a human consultant."""

    session_id: str | None
    name: str
    company: str
    email: str | None
    phone: str | None
    question: str
    lang: str
    id: str = field(default_factory=lambda: _id("T", 4))
    created: dt.datetime = field(default_factory=_now)


@dataclass(frozen=True)
class Feedback:
    """Was an answer helpful?"""

    session_id: str | None
    answer_id: str | None
    article_id: str | None
    helpful: bool
    comment: str | None
    id: str = field(default_factory=lambda: _id("F", 4))
    created: dt.datetime = field(default_factory=_now)


@dataclass(frozen=True)
class Asked:
    """A question the service was asked, and what it did with it."""

    session_id: str | None
    question: str
    lang: str
    answered: bool
    confidence: float
    answer_id: str
    # the article answered with, or the closest one offered when the service fell back
    article_id: str | None
    id: str = field(default_factory=lambda: _id("Q", 6))
    created: dt.datetime = field(default_factory=_now)


@dataclass(frozen=True)
class Unanswered:
    """A question the service fell back on, with how often it was asked that way."""

    question: str
    lang: str
    times: int
    last_asked: dt.datetime
    closest_article: str | None


_metadata = sa.MetaData()
# "created" is stored as UTC; SQLite keeps no time zone, so it is put back on read.
_tickets = sa.Table(
    "tickets",
    _metadata,
    sa.Column("id", sa.String(16), primary_key=True),
    sa.Column("created", sa.DateTime, nullable=False, index=True),
    sa.Column("session_id", sa.String(64)),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("company", sa.String(200), nullable=False),
    sa.Column("email", sa.String(254)),
    sa.Column("phone", sa.String(32)),
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("lang", sa.String(2), nullable=False),
)
_feedback = sa.Table(
    "feedback",
    _metadata,
    sa.Column("id", sa.String(16), primary_key=True),
    sa.Column("created", sa.DateTime, nullable=False, index=True),
    sa.Column("session_id", sa.String(64)),
    sa.Column("answer_id", sa.String(16)),
    sa.Column("article_id", sa.String(100)),
    sa.Column("helpful", sa.Boolean, nullable=False),
    sa.Column("comment", sa.Text),
)
_questions = sa.Table(
    "questions",
    _metadata,
    sa.Column("id", sa.String(16), primary_key=True),
    sa.Column("created", sa.DateTime, nullable=False, index=True),
    # a ticket's conversation is read by its session
    sa.Column("session_id", sa.String(64), index=True),
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("lang", sa.String(2), nullable=False),
    sa.Column("answered", sa.Boolean, nullable=False, index=True),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("answer_id", sa.String(16), nullable=False),
    sa.Column("article_id", sa.String(100)),
)


def _utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _naive_utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def _since(query: sa.Select[Any], table: sa.Table, since: dt.datetime | None) -> sa.Select[Any]:
    """``query`` kept to the records of ``table`` made since a moment (all for None)."""
    return query if since is None else query.where(table.c.created >= _naive_utc(since))


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _: ConnectionPoolEntry) -> None:
    """Write-ahead logging lets readers and one writer work at once; wait on a lock."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def open_engine(url: str) -> Engine:
    """An engine for ``url``; a SQLite file's folder is created when missing."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(url, pool_pre_ping=True)
    database = parsed.database or ""
    if database in ("", ":memory:"):
        # one connection shared by every thread, or each would see its own empty database
        engine = sa.create_engine(
            url, poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
    else:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"check_same_thread": False})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class RecordStore:
    """Tickets, feedback and asked questions in one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # SQLite takes one writer at a time and makes the others sleep and retry, which
        # stretches the slowest answers under load; the threads of one process queue
        # here instead (a database server takes concurrent writers itself)
        self._one_writer = (
            threading.Lock() if engine.dialect.name == "sqlite" else contextlib.nullcontext()
        )
        with self._writing() as connection:
            _metadata.create_all(connection)

    @classmethod
    def open(cls, url: str) -> RecordStore:
        """The store in the database at ``url``; raises ``RecordsUnavailable`` naming it."""
        try:
            shown = sa.make_url(url).render_as_string(hide_password=True)
        except (SQLAlchemyError, ValueError) as exc:
            raise RecordsUnavailable(f"not a database URL: {url!r}") from exc
        try:
            return cls(open_engine(url))
        except (RecordsUnavailable, SQLAlchemyError, OSError, ImportError) as exc:
            cause = exc.__cause__ if isinstance(exc, RecordsUnavailable) else exc
            reason = getattr(cause, "orig", None) or cause
            raise RecordsUnavailable(f"cannot open the records database {shown}: {reason}") from exc

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        try:
            with self._one_writer, self.engine.begin() as connection:
                yield connection
        except SQLAlchemyError as exc:
            raise RecordsUnavailable(
                "the records database cannot store this right now; nothing was saved"
            ) from exc

    def _rows(self, statement: sa.Select[Any]) -> list[sa.Row[Any]]:
        try:
            with self.engine.connect() as connection:
                return list(connection.execute(statement))
        except SQLAlchemyError as exc:
            raise RecordsUnavailable("the records database cannot be read right now") from exc

    def _insert(self, table: sa.Table, records: Sequence[Ticket | Feedback | Asked]) -> None:
        rows = [{**vars(r), "created": _naive_utc(r.created)} for r in records]
        if rows:
            with self._writing() as connection:
                connection.execute(table.insert(), rows)

    def _dicts(self, query: sa.Select[Any]) -> list[dict[str, Any]]:
        """The rows ``query`` selects, as dicts, with ``created`` back in UTC."""
        return [{**row._asdict(), "created": _utc(row.created)} for row in self._rows(query)]

    def _read(self, table: sa.Table, since: dt.datetime | None) -> list[dict[str, Any]]:
        """The rows of ``table`` (since a moment), in the order they came in."""
        query = sa.select(table).order_by(table.c.created, table.c.id)
        return self._dicts(_since(query, table, since))

    def add_ticket(self, ticket: Ticket) -> Ticket:
        self._insert(_tickets, [ticket])
        return ticket

    def add_feedback(self, feedback: Feedback) -> Feedback:
        self._insert(_feedback, [feedback])
        return feedback

    def add_asked(self, *asked: Asked) -> None:
        """Keep questions asked, all in one transaction."""
        self._insert(_questions, asked)

    def tickets(self, since: dt.datetime | None = None) -> list[Ticket]:
        """Tickets in the order they came in."""
        return [Ticket(**row) for row in self._read(_tickets, since)]

    def feedback(self, since: dt.datetime | None = None) -> list[Feedback]:
        """Feedback in the order it came in."""
        return [Feedback(**row) for row in self._read(_feedback, since)]

    def asked(self, since: dt.datetime | None = None) -> list[Asked]:
        """Questions in the order they were asked."""
        return [Asked(**row) for row in self._read(_questions, since)]

    def conversation(self, ticket: Ticket, limit: int = 20) -> list[Asked]:
        """What the ticket's session asked before the ticket, oldest first (the last
        ``limit`` questions): what the service told them before they asked for a person."""
        if ticket.session_id is None:
            return []
        query = (
            sa.select(_questions)
            .where(_questions.c.session_id == ticket.session_id)
            .where(_questions.c.created <= _naive_utc(ticket.created))
            .order_by(_questions.c.created.desc(), _questions.c.id.desc())
            .limit(limit)
        )
        return [Asked(**row) for row in reversed(self._dicts(query))]

    def purge(self, before: dt.datetime) -> dict[str, int]:
        """Delete every record made before ``before``, in one transaction; how many of
        each kind went. Tickets hold people's names and contact details, and questions
        may: keep them no longer than the help desk needs them."""
        gone = {}
        with self._writing() as connection:
            for table in (_tickets, _feedback, _questions):
                result = connection.execute(
                    table.delete().where(table.c.created < _naive_utc(before))
                )
                gone[table.name] = result.rowcount
        return gone

    def counts(self, since: dt.datetime | None = None) -> tuple[int, int]:
        """How many questions were asked, and how many of them went unanswered."""
        unanswered = sa.func.sum(sa.case((_questions.c.answered.is_(False), 1), else_=0))
        query: sa.Select[Any] = sa.select(
            sa.func.count().label("asked"), sa.func.coalesce(unanswered, 0).label("missed")
        ).select_from(_questions)
        [row] = self._rows(_since(query, _questions, since))
        return int(row.asked), int(row.missed)

    def unanswered(self, since: dt.datetime | None = None, limit: int = 50) -> list[Unanswered]:
        """Questions the service fell back on, the most often asked first.

        The same words asked again (ignoring case and spacing) count as one
        question, so what many people ask and nobody is answered shows first; the
        article is the one offered the last time it was asked.
        """
        query = (
            sa.select(
                _questions.c.question,
                _questions.c.lang,
                _questions.c.created,
                _questions.c.article_id,
            )
            .where(_questions.c.answered.is_(False))
            .order_by(_questions.c.created, _questions.c.id)
        )
        groups: dict[tuple[str, str], Unanswered] = {}
        for row in self._rows(_since(query, _questions, since)):
            key = (" ".join(row.question.split()).casefold(), row.lang)
            before = groups.get(key)
            groups[key] = Unanswered(
                question=row.question,
                lang=row.lang,
                times=before.times + 1 if before else 1,
                last_asked=_utc(row.created),
                closest_article=row.article_id,
            )
        ranked = sorted(groups.values(), key=lambda u: (-u.times, -u.last_asked.timestamp()))
        return ranked[:limit]


class AskedLog:
    """Records asked questions from a background thread, so an answer never waits on it.

    ``put`` only queues; one thread writes what has queued up in one transaction (a
    busy service writes hundreds of questions per commit). ``close`` writes what is
    still queued before it returns. A write that fails is logged with how many
    questions it held; a queue that is full (the database has stopped taking writes
    for a long while) drops the question and logs it rather than hold up the answer.
    ``on_lost`` hears how many questions each failure lost (the service counts them).
    """

    def __init__(
        self,
        store: RecordStore,
        max_pending: int = 10_000,
        batch: int = 500,
        on_lost: Callable[[int], None] = lambda count: None,
    ) -> None:
        self._store = store
        self._on_lost = on_lost
        self._batch = batch
        self._queue: queue.Queue[Asked | None] = queue.Queue(maxsize=max_pending)
        self._thread: threading.Thread | None = None
        self._start = threading.Lock()

    def put(self, asked: Asked) -> None:
        with self._start:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="helpdesk-asked-log", daemon=True
                )
                self._thread.start()
        try:
            self._queue.put_nowait(asked)
        except queue.Full:
            log.error("question %s not recorded: the records queue is full", asked.answer_id)
            self._on_lost(1)

    def flush(self) -> None:
        """Wait until every question queued so far is written (or its failure logged)."""
        self._queue.join()

    def close(self, timeout: float = 10.0) -> None:
        """Write what is queued, then stop the thread."""
        with self._start:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(None)
            thread.join(timeout)

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            batch = [] if first is None else [first]
            stop = first is None
            while not stop and len(batch) < self._batch:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                stop = item is None
                if item is not None:
                    batch.append(item)
            try:
                self._store.add_asked(*batch)
            except RecordsUnavailable as exc:
                ids = ", ".join(a.answer_id for a in batch)
                log.error("%d question(s) not recorded (%s): %s", len(batch), ids, exc.message)
                self._on_lost(len(batch))
            finally:
                for _ in range(len(batch) + stop):
                    self._queue.task_done()
            if stop:
                return
