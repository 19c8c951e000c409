"""Who may create and change what in the enterprises app: one rule for the pages and the API.

Scope comes first: ``portal.scoping`` hides what a user may not see (404). These
rules say which roles may write an object they can see (403 otherwise), and which
fields a role may not set. Regulators act on pledges, declarations and certificates
only through their workflow actions (publish, return, front-runner, status), never
by editing what the enterprise filed.
"""

from portal.access import ENTERPRISE, PROVINCIAL, STAFF_ROLES, has_role
from portal.workflow import role_of

from .models import Certificate, Enterprise, Pledge, StandardDeclaration
from .services import certificates, pledges

WRITERS = {
    Enterprise: STAFF_ROLES,
    Pledge: (ENTERPRISE,),
    StandardDeclaration: (ENTERPRISE,),
    Certificate: (ENTERPRISE,),
}

# Whether an object's state still lets its content change; by default it does.
OPEN_FOR_CHANGES = {
    Pledge: lambda pledge, user: (
        pledge.status == Pledge.Status.DRAFT
        or pledges.PLEDGE.allowed("revise", pledge.status, role_of(user))
    ),
    Certificate: lambda certificate, user: certificate.status in certificates.LIVE,
}

RECOGNISERS = STAFF_ROLES

# Fields a role may not set on an object it may otherwise write.
CLOSED_FIELDS = {
    (Enterprise, PROVINCIAL): frozenset({"reporting_unit"}),
}


def may_create(user, model):
    """Whether the user may file a new object of this model."""
    return has_role(user, *WRITERS[model])


def may_edit(user, obj):
    """Whether the user may change this object (one they can already see)."""
    return has_role(user, *WRITERS[type(obj)])


def may_change_now(user, obj):
    """may_edit, and the object's state lets its content change now (the pages' "Change")."""
    is_open = OPEN_FOR_CHANGES.get(type(obj), lambda obj, user: True)
    return may_edit(user, obj) and is_open(obj, user)


def may_recognise(user):
    """Whether the user may recognise an enterprise they can see."""
    return has_role(user, *RECOGNISERS)


def closed_fields(user, model):
    """The fields of ``model`` this user may not set."""
    return CLOSED_FIELDS.get((model, getattr(user, "role", None)), frozenset())
