"""How to make one object of each project model inside a given reporting unit.

The route matrix and the audit tests use this registry: every model of the
project's apps must have a maker here, so a new model cannot slip past them.
A maker takes the reporting unit code ("440000" Guangdong, "330000" Zhejiang).
The makers live in one module per app (portal, enterprises, reporting, complaints,
credit, monitoring); this module holds the registry and what they share.
"""

import itertools

from tests import factories

DIVISION_OF_UNIT = {"440000": "440106", "330000": "330106", "440300": "440305"}

MAKERS = {}
_numbers = itertools.count(1)


def maker(label):
    def register(function):
        MAKERS[label] = function
        return function

    return register


def make(model, unit_code):
    """An object of the model in the unit; KeyError names a model nobody registered."""
    return MAKERS[model._meta.label](unit_code)


def next_number():
    """A number no other marker of this run has (names and codes stay unique)."""
    return next(_numbers)


def enterprise(unit_code, **kwargs):
    """An enterprise named "标记企业<unit>-<n>号", so a page that shows it can be caught."""
    kwargs.setdefault("name", f"标记企业{unit_code}-{next_number()}号")
    return factories.EnterpriseFactory(division_code=DIVISION_OF_UNIT[unit_code], **kwargs)


def scope_of_model_is_reference(model):
    """Reference data (everyone may read it) is loaded by migrations, not written by people."""
    from portal.scoping import scope_of

    return scope_of(model).everyone


def staff(unit_code):
    return factories.provincial_user(unit_code)


def make_model(label, unit_code):
    """An object of the model named by its label, in the unit."""
    return MAKERS[label](unit_code)


# The makers register themselves when their modules are imported.
from . import complaints, credit, enterprises, monitoring, portal, reporting  # noqa: E402,F401
from .credit import _inspector  # noqa: E402,F401  (tests make inspectors with fields)
from .monitoring import survey_link_token  # noqa: E402,F401
