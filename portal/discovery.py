"""Find an optional module (metrics, dashboard, api) in each of the project's apps."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps

PROJECT_APPS = ("portal", "enterprises", "monitoring", "credit", "complaints", "reporting")


def app_modules(module_name):
    """Yield (app_config, module) for every project app that has ``<app>.<module_name>``."""
    for config in apps.get_app_configs():
        if config.name not in PROJECT_APPS:
            continue
        dotted = f"{config.name}.{module_name}"
        if find_spec(dotted) is not None:
            yield config, import_module(dotted)
