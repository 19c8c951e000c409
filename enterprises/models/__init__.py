"""Models of the enterprises app, one module per business area."""

from .registry import Enterprise, EnterpriseMembership

__all__ = ["Enterprise", "EnterpriseMembership"]
