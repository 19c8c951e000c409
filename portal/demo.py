"""Demo accounts of every role; other apps add their data in their own ``demo.py``.

Each app's ``demo.py`` defines ``seed(demo: DemoContext)``; ``seed_demo`` runs them
in app order inside one transaction, as the demo administrator.
"""

import base64
import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Agency, User

DEMO_PASSWORD = "demo-2019"  # noqa: S105 - printed for the demo on purpose
# Every demo staff account's authenticator: add this key to any TOTP app (or
# `oathtool --totp -b KEY`) to get the code asked after the password.
DEMO_TOTP_SECRET = "DEMOSQPDEMOSQPDEMOSQPDEMOSQPDEMO"  # noqa: S105 - printed on purpose

# (username, full name, role, reporting unit code or None for headquarters, agency kind)
DEMO_STAFF = [
    ("samr", "国家市场监管总局 王强", "headquarters", None, "market"),
    ("ndrc", "国家发展改革委 李敏", "headquarters", None, "drc"),
    ("guangdong", "广东省市场监管局 陈华", "provincial", "440000", "market"),
    ("guangdong_drc", "广东省发展改革委 黄磊", "provincial", "440000", "drc"),
    ("shenzhen", "深圳市市场监管局 林静", "provincial", "440300", "market"),
    ("zhejiang", "浙江省市场监管局 周洋", "provincial", "330000", "market"),
    ("beijing", "北京市市场监管局 赵雪", "provincial", "110000", "market"),
    ("sichuan", "四川省市场监管局 刘洋", "provincial", "510000", "market"),
]


# The demo's stories happen on fixed dates of the campaign (2019 and 2020, the rounds the
# notice asks for); what must be current (the present round, work waiting for review,
# certificates valid today) is dated from today with ``present_period``.
CAMPAIGN_START = datetime.date(2019, 2, 1)


def moment(day, hour=10, minute=0):
    """An aware datetime at Beijing time (the portal's TIME_ZONE) on that day."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def present_period(today=None):
    """(start, end) covered by the newest round open today, as the campaign's rounds run:
    November to October, opened on 1 November (the 2020 round covers 2019-11-01..2020-10-31)."""
    today = today or timezone.localdate()
    year = today.year if today >= datetime.date(today.year, 11, 1) else today.year - 1
    return datetime.date(year - 1, 11, 1), datetime.date(year, 10, 31)


@dataclass
class DemoContext:
    """What the seeding steps share: the accounts made so far, and the logins to print."""

    users: dict = field(default_factory=dict)
    logins: list = field(default_factory=list)  # (role label, username, password)
    totp_secret: str = DEMO_TOTP_SECRET
    notes: list = field(default_factory=list)  # lines printed after the logins
    last: list = field(default_factory=list)  # steps that need every app's data, run last

    def run_last(self, step):
        """Run ``step(demo)`` after every app has seeded (e.g. scores over all the data)."""
        self.last.append(step)

    def add_login(self, user, password=DEMO_PASSWORD):
        self.logins.append((str(user.get_role_display()), user.username, password))


def make_user(username, password=DEMO_PASSWORD, **fields):
    user, _created = User.objects.update_or_create(username=username, defaults=fields)
    user.set_password(password)
    user.save()
    return user


def give_demo_authenticator(user):
    """A confirmed TOTP device with the printed demo key, so staff can pass the second step."""
    TOTPDevice.objects.update_or_create(
        user=user,
        name=str(_("demo authenticator")),
        defaults={"key": base64.b32decode(DEMO_TOTP_SECRET).hex(), "confirmed": True},
    )


def seed(demo):
    """Headquarters and provincial staff accounts."""
    for username, full_name, role, unit_code, kind in DEMO_STAFF:
        agency = Agency.objects.get(reporting_unit__code=unit_code, kind=kind)
        user = make_user(
            username,
            full_name=full_name,
            role=role,
            agency=agency,
            email=f"{username}@demo.example.cn",
        )
        demo.users[username] = user
        give_demo_authenticator(user)
        demo.add_login(user)
    admin = make_user(
        "admin",
        full_name=str(_("Demo administrator")),
        role="headquarters",
        agency=Agency.objects.get(reporting_unit__isnull=True, kind="market"),
        is_staff=True,
        is_superuser=True,
    )
    demo.users["admin"] = admin
    give_demo_authenticator(admin)
    demo.add_login(admin)
