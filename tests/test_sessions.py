from __future__ import annotations

from helpdesk.sessions import SessionStore, Turn


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def turn(question: str) -> Turn:
    return Turn(question=question, lang="ko", article_id=None)


def test_last_turn_is_remembered_per_session() -> None:
    store = SessionStore()
    store.add("a", turn("철강 관세"))
    store.add("a", turn("그럼 자동차는?"))
    store.add("b", turn("copper"))
    assert store.last("a") == turn("그럼 자동차는?")
    assert store.last("b") == turn("copper")
    assert store.last("c") is None


def test_sessions_expire_after_the_ttl() -> None:
    clock = Clock()
    store = SessionStore(ttl=60, clock=clock)
    store.add("a", turn("철강 관세"))
    clock.now = 59
    assert store.last("a") is not None
    clock.now = 120
    assert store.last("a") is None
    assert len(store) == 0


def test_an_expired_session_starts_afresh_when_used_again() -> None:
    clock = Clock()
    store = SessionStore(ttl=60, max_turns=3, clock=clock)
    store.add("a", turn("old"))
    clock.now = 100
    store.add("a", turn("new"))
    assert store.last("a") == turn("new")


def test_the_least_recently_used_session_goes_first_when_full() -> None:
    store = SessionStore(max_sessions=2)
    store.add("a", turn("1"))
    store.add("b", turn("2"))
    store.add("a", turn("3"))  # a is now the most recent
    store.add("c", turn("4"))
    assert store.last("b") is None
    assert store.last("a") == turn("3") and store.last("c") == turn("4")
    assert len(store) == 2
