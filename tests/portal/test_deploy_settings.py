"""Production settings pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_is_clean_under_production_settings():
    env = {
        **os.environ,
        "PORTAL_ENV": "production",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "SECRET_KEY": "x" * 60 + "production-like-secret-key-for-the-deploy-check",
        "FIELD_ENCRYPTION_KEYS": "y" * 50,
        "ALLOWED_HOSTS": "portal.example.cn",
        "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal"),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_keys_for_personal_data():
    env = {**os.environ, "PORTAL_ENV": "production", "DJANGO_SETTINGS_MODULE": "portal.settings",
           "SECRET_KEY": "x" * 60}  # fmt: skip
    env.pop("FIELD_ENCRYPTION_KEYS", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0 and "FIELD_ENCRYPTION_KEYS" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "PORTAL_ENV": "production", "DJANGO_SETTINGS_MODULE": "portal.settings"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_only_the_proxy_is_published_and_the_app_trusts_only_it():
    import yaml

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    published = {
        name: ports
        for name, service in services.items()
        for ports in [[p for p in service.get("ports", []) if not p.startswith("127.0.0.1:")]]
        if ports
    }
    assert list(published) == ["proxy"]
    proxy_address = services["proxy"]["networks"]["edge"]["ipv4_address"]
    assert services["web"]["environment"]["TRUSTED_PROXIES"] == proxy_address
    nginx = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in nginx
