"""The plan's twelve tasks and the default sections of a progress report.

Task names are the plan's own (Chinese, as the documents carry them) with an
English gloss for the interface. A round stores its sections as data
(``Round.sections``), built from :func:`default_sections` unless headquarters
configures them otherwise.
"""

from django.utils.translation import gettext_lazy as _

# number: (official name, English gloss)
TASKS = {
    1: ("推动服务创新能力建设", _("Innovation capacity")),
    2: ("激发企业质量提升动力", _("Enterprise motivation")),
    3: ("开展服务质量监测", _("Quality monitoring")),
    4: ("加强服务质量监管", _("Quality supervision")),
    5: ("强化售后服务及质量担保", _("After-sales service and guarantees")),
    6: ("加强服务行业信用监管", _("Credit supervision")),
    7: ("推动服务标准提高", _("Service standards")),
    8: ("加大服务认证力度", _("Service certification")),
    9: ("提升从业人员素质", _("Workforce")),
    10: ("加强服务领域品牌建设", _("Brands")),
    11: ("推进服务消费环境建设", _("Consumption environment")),
    12: ("推动服务质量社会共治", _("Co-governance")),
}

# Tasks with no app of their own: the unit records structured measures for them.
MEASURE_TASKS = (1, 9, 10, 12)

# key: (title in the report, whether a narrative is required)
WORK_SECTIONS = {
    "organisation": ("加强组织领导", True),
    "publicity": ("加强宣传引导", True),
    "supervision": ("加强督促检查", True),
    "mechanism": ("建立长效机制", True),
    "experiences": ("典型经验", True),
    "problems": ("存在问题和下一步工作", True),
    "attachments": ("附件", False),
}

ATTACHMENTS = "attachments"


def task_key(number):
    """The section key of a task, e.g. ``task-3``."""
    return f"task-{number}"


def task_of(key):
    """The task number of a section key, or None for a work-requirement section."""
    return int(key.removeprefix("task-")) if key.startswith("task-") else None


def default_sections():
    """The twelve tasks, then the work requirements, experiences, problems, attachments."""
    sections = [
        {"key": task_key(number), "title": name, "required": True}
        for number, (name, _gloss) in TASKS.items()
    ]
    sections += [
        {"key": key, "title": title, "required": required}
        for key, (title, required) in WORK_SECTIONS.items()
    ]
    return sections


NUMERALS = "零一二三四五六七八九"


def chinese_numeral(number):
    """1..99 in Chinese numerals, as headings count them: 一, 十, 十二, 二十一."""
    tens, ones = divmod(number, 10)
    if not tens:
        return NUMERALS[ones]
    prefix = ("" if tens == 1 else NUMERALS[tens]) + "十"
    return prefix + (NUMERALS[ones] if ones else "")


def configured_sections(keys, extra_titles):
    """The chosen default sections in their order, extra titled ones before the attachments."""
    chosen = [s for s in default_sections() if s["key"] in keys]
    extra = [
        {"key": f"extra-{number}", "title": title, "required": True}
        for number, title in enumerate(extra_titles, start=1)
    ]
    tail = [s for s in chosen if s["key"] == ATTACHMENTS]
    return [s for s in chosen if s["key"] != ATTACHMENTS] + extra + tail
