"""The project's apps, and the optional modules (metrics, dashboard, api...) each one has.

An app is one of the project's when its AppConfig says ``project_app = True``;
the core names none of them, so an app added later takes part by itself.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps


def project_apps():
    """The AppConfigs of the project's own apps, in INSTALLED_APPS order."""
    return [config for config in apps.get_app_configs() if getattr(config, "project_app", False)]


def project_app_labels():
    """The labels of the project's own apps."""
    return {config.label for config in project_apps()}


def app_modules(module_name):
    """Yield (app_config, module) for every project app that has ``<app>.<module_name>``."""
    for config in project_apps():
        dotted = f"{config.name}.{module_name}"
        if find_spec(dotted) is not None:
            yield config, import_module(dotted)
