"""Who sees a consumer's contact details, and the masked details everyone else sees.

The staff of the unit handling a complaint see them in full. The enterprise complained
about sees name and phone only if the consumer agreed, and never the ID number. Everyone
else (headquarters, other units, lists, exports, the API for other roles) sees masks.
"""

from dataclasses import dataclass

from . import contacts


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    id_number: str
    address: str
    masked: bool


def handles(user, complaint):
    """Whether the user is staff of the unit handling the complaint."""
    return user.is_provincial and user.reporting_unit == complaint.reporting_unit


def contact_for(user, complaint):
    """The complainant's details as ``user`` may see them."""
    if handles(user, complaint):
        return Contact(
            complaint.complainant_name,
            complaint.complainant_phone,
            complaint.complainant_id_number,
            complaint.complainant_address,
            masked=False,
        )
    if user.is_enterprise_user and complaint.contact_consent:
        return Contact(
            complaint.complainant_name,
            complaint.complainant_phone,
            "",
            contacts.mask_address(complaint.complainant_address),
            masked=True,
        )
    return masked(complaint)


def masked(complaint):
    """The masks shown wherever the handler is not looking."""
    return Contact(
        contacts.mask_name(complaint.complainant_name),
        contacts.mask_phone(complaint.complainant_phone),
        contacts.mask_id_number(complaint.complainant_id_number),
        contacts.mask_address(complaint.complainant_address),
        masked=True,
    )
