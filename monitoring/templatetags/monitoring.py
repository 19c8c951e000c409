"""Template filters of the survey pages."""

from django import template

register = template.Library()


@register.filter
def get(mapping, key):
    """mapping[key], or None (a dict lookup by a variable key)."""
    return mapping.get(key) if hasattr(mapping, "get") else None
