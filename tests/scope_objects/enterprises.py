"""Makers of the enterprise registry: claims, pledges, certificates, standards, sampling."""

from tests import factories

from . import enterprise, maker, staff
from .portal import _portal_draw


@maker("enterprises.Enterprise")
def _enterprise(unit_code):
    return enterprise(unit_code)


@maker("enterprises.EnterpriseMembership")
def _membership(unit_code):
    return factories.MembershipFactory(enterprise=enterprise(unit_code))


@maker("enterprises.ClaimStatusChange")
def _claim_status_change(unit_code):
    return factories.ClaimStatusChangeFactory(membership=_membership(unit_code))


@maker("enterprises.Pledge")
def _pledge(unit_code):
    return _pledge_revision(unit_code).pledge


@maker("enterprises.PledgeRevision")
def _pledge_revision(unit_code):
    return factories.PledgeRevisionFactory(pledge__enterprise=enterprise(unit_code))


@maker("enterprises.PledgeStatusChange")
def _pledge_status_change(unit_code):
    return factories.PledgeStatusChangeFactory(pledge=_pledge(unit_code))


@maker("enterprises.Recognition")
def _recognition(unit_code):
    return factories.RecognitionFactory(
        enterprise=enterprise(unit_code), recognised_by=staff(unit_code)
    )


@maker("enterprises.Certificate")
def _certificate(unit_code):
    return factories.CertificateFactory(enterprise=enterprise(unit_code))


@maker("enterprises.CertificateStatusChange")
def _certificate_status_change(unit_code):
    return factories.CertificateStatusChangeFactory(certificate=_certificate(unit_code))


@maker("enterprises.CertificateReminder")
def _certificate_reminder(unit_code):
    return factories.CertificateReminderFactory(certificate=_certificate(unit_code))


@maker("enterprises.StandardDeclaration")
def _declaration(unit_code):
    return factories.DeclarationFactory(enterprise=enterprise(unit_code))


@maker("enterprises.FrontRunnerChange")
def _front_runner_change(unit_code):
    return factories.FrontRunnerChangeFactory(declaration=_declaration(unit_code))


@maker("enterprises.StandardIndicator")
def _indicator(unit_code):
    return factories.IndicatorFactory(declaration=_declaration(unit_code))


@maker("enterprises.SamplingDraw")
def _draw(unit_code):
    return factories.SamplingDrawFactory(
        reporting_unit=factories.unit(unit_code),
        draw=_portal_draw(unit_code),
        drawn_by=staff(unit_code),
    )


@maker("enterprises.SampledDeclaration")
def _sampled(unit_code):
    return factories.SampledDeclarationFactory(
        draw=_draw(unit_code), declaration=_declaration(unit_code)
    )
