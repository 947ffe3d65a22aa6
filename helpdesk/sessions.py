"""Short conversation memory: the last few turns of each session, bounded in time and size."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass

from helpdesk.kb.models import Lang


@dataclass(frozen=True)
class Turn:
    """One answered question: what was asked and which article answered it."""

    question: str
    lang: Lang
    article_id: str | None


class SessionStore:
    """Keeps the last ``max_turns`` turns per session for ``ttl`` seconds.

    At most ``max_sessions`` sessions are kept; the least recently used goes first.
    Thread-safe: routes run in a thread pool.
    """

    def __init__(
        self,
        *,
        ttl: float = 1800.0,
        max_sessions: int = 10_000,
        max_turns: int = 5,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl
        self.max_sessions = max_sessions
        self.max_turns = max_turns
        self._clock = clock
        self._lock = threading.Lock()
        self._sessions: OrderedDict[str, tuple[float, deque[Turn]]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._sessions)

    def last(self, session_id: str) -> Turn | None:
        """The latest turn of a live session, or None."""
        with self._lock:
            entry = self._sessions.get(session_id)
            if entry is None:
                return None
            seen, turns = entry
            if self._clock() - seen > self.ttl:
                del self._sessions[session_id]
                return None
            return turns[-1] if turns else None

    def add(self, session_id: str, turn: Turn) -> None:
        with self._lock:
            now = self._clock()
            entry = self._sessions.pop(session_id, None)
            turns = (
                entry[1] if entry and now - entry[0] <= self.ttl else deque(maxlen=self.max_turns)
            )
            turns.append(turn)
            self._sessions[session_id] = (now, turns)
            while len(self._sessions) > self.max_sessions:
                self._sessions.popitem(last=False)
