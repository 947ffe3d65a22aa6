"""Records of what people ask the service to do: hand-off tickets and answer feedback.

``RecordStore`` is the storage interface. ``MemoryRecordStore`` keeps records for the
life of the process; a durable database store implements the same interface.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from dataclasses import dataclass, field
from typing import Protocol


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


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
    id: str = field(default_factory=lambda: "T-" + secrets.token_hex(4).upper())
    created: dt.datetime = field(default_factory=_now)


@dataclass(frozen=True)
class Feedback:
    """Was an answer helpful?"""

    session_id: str | None
    answer_id: str | None
    article_id: str | None
    helpful: bool
    comment: str | None
    id: str = field(default_factory=lambda: "F-" + secrets.token_hex(4).upper())
    created: dt.datetime = field(default_factory=_now)


class RecordStore(Protocol):
    def add_ticket(self, ticket: Ticket) -> Ticket: ...

    def add_feedback(self, feedback: Feedback) -> Feedback: ...

    def tickets(self) -> list[Ticket]: ...

    def feedback(self) -> list[Feedback]: ...


class MemoryRecordStore:
    """Keeps records in memory, in arrival order (lost when the process stops)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tickets: list[Ticket] = []
        self._feedback: list[Feedback] = []

    def add_ticket(self, ticket: Ticket) -> Ticket:
        with self._lock:
            self._tickets.append(ticket)
        return ticket

    def add_feedback(self, feedback: Feedback) -> Feedback:
        with self._lock:
            self._feedback.append(feedback)
        return feedback

    def tickets(self) -> list[Ticket]:
        with self._lock:
            return list(self._tickets)

    def feedback(self) -> list[Feedback]:
        with self._lock:
            return list(self._feedback)
