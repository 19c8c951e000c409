"""What the consumer is told, by e-mail when they gave an address (portal.mail)."""

from portal import mail


def tell_consumer(complaint, notice):
    """Mail the complainant the notice ``notice`` about their complaint, if they gave an e-mail."""
    complaint.refresh_from_db()
    if not complaint.complainant_email:
        return 0
    address = mail.Address(complaint.complainant_email, complaint.language)
    context = {"complaint": complaint, "unit": str(complaint.reporting_unit)}
    return mail.send(f"complaint_{notice}", [address], context)
