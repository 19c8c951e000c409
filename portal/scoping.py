"""The one scoping rule: what each role may see of a model.

Every model that a user can reach declares ``scope = Scope(...)``: the path
from the model to its reporting unit, to its enterprise, and which rows are
public. ``scoped(queryset, user)`` narrows any queryset by that declaration.
A model without a declaration raises instead of leaking.

- headquarters staff: every row
- provincial staff: rows whose reporting unit is their agency's
- enterprise users: rows of the enterprises they act for (approved claims)
- the public (anonymous): the rows the model calls public
- rows the model shares with all staff (``staff``) are read by every regulator too
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q

from .discovery import project_apps


class ScopeNotDeclared(ImproperlyConfigured):
    """A model was queried through the scoping rule without declaring its scope."""


@dataclass(frozen=True)
class Scope:
    """How rows of a model reach a jurisdiction, an enterprise and the public.

    jurisdiction: lookup path to ``portal.ReportingUnit``, or a tuple of paths for rows that
        two units share (a request between units: both see it).
    enterprise: lookup path to the enterprise the row belongs to (its id is matched).
    owner: lookup path to the ``portal.User`` who owns the row.
    public: a Q (or a callable returning one) selecting the rows anyone may read.
    staff: a Q selecting rows every staff member (headquarters and provincial) may read,
        beside their own jurisdiction's: a national survey wave that each unit works in.
    everyone: reference data that every user, anonymous included, may read.
    headquarters_only: only headquarters staff see rows.
    enterprise_rows: a Q (or a callable returning one) that the rows of their own
        enterprises must also satisfy for enterprise users (a consumer's evaluation held
        for review is not shown to the enterprise it is about).
    """

    jurisdiction: str | None = None
    enterprise: str | None = None
    owner: str | None = None
    public: Q | None = None
    staff: Q | None = None
    everyone: bool = False
    headquarters_only: bool = False
    enterprise_rows: Q | None = None

    @property
    def first_jurisdiction(self):
        """The path an audit entry files the row under (the first of several)."""
        if self.jurisdiction is None or isinstance(self.jurisdiction, str):
            return self.jurisdiction
        return self.jurisdiction[0]

    def jurisdiction_q(self, unit_id):
        """Rows of the unit: through the one path, or through any of several."""
        paths = (self.jurisdiction,) if isinstance(self.jurisdiction, str) else self.jurisdiction
        return _or(*(Q(**{path: unit_id}) for path in paths))

    def public_q(self):
        return self.public() if callable(self.public) else self.public

    def enterprise_rows_q(self):
        rows = self.enterprise_rows
        return rows() if callable(rows) else rows


def scope_of(model) -> Scope:
    """The model's declared scope, or ScopeNotDeclared."""
    scope = getattr(model, "scope", None)
    if not isinstance(scope, Scope):
        raise ScopeNotDeclared(
            f"{model._meta.label} declares no `scope = Scope(...)`; "
            "every model a user can reach must say how it reaches a jurisdiction."
        )
    return scope


def enterprise_ids(user) -> list[int]:
    """The enterprises an enterprise user may act for.

    Each app that knows (enterprises: approved claims) says so with an AppConfig
    method ``enterprise_ids_for(user)``; the answer is their union.
    """
    if not getattr(user, "is_enterprise_user", False):
        return []
    cached = getattr(user, "_enterprise_ids", None)
    if cached is None:
        ids = [
            pk
            for config in project_apps()
            if hasattr(config, "enterprise_ids_for")
            for pk in config.enterprise_ids_for(user)
        ]
        cached = user._enterprise_ids = list(dict.fromkeys(ids))
    return cached


def _or(*conditions):
    present = [c for c in conditions if c is not None]
    if not present:
        return None
    combined = present[0]
    for condition in present[1:]:
        combined |= condition
    return combined


def visibility(model, user) -> Q | None:
    """The Q a user's rows of this model satisfy; None means every row."""
    scope = scope_of(model)
    if getattr(user, "is_headquarters", False):
        return None
    if scope.everyone:
        return None
    public = scope.public_q()
    if scope.headquarters_only or not user.is_authenticated:
        return public if public is not None else Q(pk__in=[])
    own = None
    if scope.owner:
        own = Q(**{scope.owner: user.pk})
    if user.is_provincial and (scope.jurisdiction or scope.staff is not None):
        mine = scope.jurisdiction_q(user.agency.reporting_unit_id) if scope.jurisdiction else None
        return _or(mine, own, scope.staff)
    if user.is_enterprise_user and scope.enterprise:
        theirs = Q(**{f"{scope.enterprise}__in": enterprise_ids(user)})
        if scope.enterprise_rows is not None:
            theirs &= scope.enterprise_rows_q()
        return _or(theirs, own)
    return own if own is not None else Q(pk__in=[])


def scoped(queryset, user):
    """Narrow a queryset to what the user's role may see."""
    condition = visibility(queryset.model, user)
    return queryset if condition is None else queryset.filter(condition)


def public_rows(queryset):
    """The rows of a queryset anyone may read (public pages use this)."""
    scope = scope_of(queryset.model)
    if scope.everyone:
        return queryset
    public = scope.public_q()
    return queryset.filter(public) if public is not None else queryset.none()


def can_see(user, obj) -> bool:
    """Whether the user's scope includes this object."""
    return scoped(type(obj)._default_manager.filter(pk=obj.pk), user).exists()


def covers_unit(user, reporting_unit_id) -> bool:
    """Whether the user's jurisdiction includes the reporting unit (writes into it check this)."""
    if getattr(user, "is_headquarters", False):
        return True
    return getattr(user, "is_provincial", False) and (
        user.agency.reporting_unit_id == reporting_unit_id
    )
