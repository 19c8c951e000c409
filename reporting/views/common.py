"""What every reporting page shares: staff only."""

from portal.access import HEADQUARTERS, roles_required

staff_required = roles_required()
headquarters_required = roles_required(HEADQUARTERS)
