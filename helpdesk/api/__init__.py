"""The HTTP API: the app factory, routes and the one error shape."""

from helpdesk.api.app import create_app

__all__ = ["create_app"]
