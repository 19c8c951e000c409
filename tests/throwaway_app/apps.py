from django.apps import AppConfig


class ThrowawayConfig(AppConfig):
    name = "tests.throwaway_app"
    label = "throwaway"
    verbose_name = "Throwaway"
    project_app = True
    audited = True
