"""Every string that reaches a user is in the Chinese catalogue, and extraction can find them.

makemessages only extracts calls of the names it knows (``_``, ``gettext``, ``gettext_lazy``,
...): a translation function imported under another name is never extracted, so its
strings stay English in the Chinese UI. The project imports ``gettext`` as ``_`` and the
other functions under their own names (or as ``_``).
"""

import ast
import pathlib
import shutil
import subprocess
import sys

from django.conf import settings

from portal.discovery import project_apps

ROOT = pathlib.Path(settings.BASE_DIR)
CATALOGUE = ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def _sources():
    for config in project_apps():
        for path in pathlib.Path(config.path).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def misnamed_imports(source):
    """(line, name, alias) of translation functions imported under another name."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            for alias in node.names:
                if not alias.name.startswith(("gettext", "ngettext", "pgettext", "npgettext")):
                    continue
                wanted = {"_"} if alias.name == "gettext" else {"_", None}
                if alias.asname not in wanted:
                    found.append((node.lineno, alias.name, alias.asname))
    return found


def test_the_lint_catches_gettext_under_another_name():
    module = "django.utils." + "translation"  # a sample, not an import of this file
    alias = "la" + "zy"
    source = (
        f"from {module} import gettext\n"
        f"from {module} import gettext_lazy as {alias}\n"
        f"from {module} import gettext as _, pgettext_lazy\n"
    )
    assert misnamed_imports(source) == [(1, "gettext", None), (2, "gettext_lazy", "lazy")]


def test_translation_functions_are_imported_under_names_makemessages_extracts():
    problems = [
        f"{path.relative_to(ROOT)}:{line}: {name} as {alias}"
        for path in _sources()
        for line, name, alias in misnamed_imports(path.read_text(encoding="utf-8"))
    ]
    assert not problems, "import gettext as _ (others under their own name):\n" + "\n".join(
        problems
    )


def test_every_extracted_string_has_a_chinese_translation(tmp_path):
    """Run makemessages on a copy of the project and compare with the catalogue."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns(".venv", ".git", "test-artifacts", "staticfiles")
    shutil.copytree(ROOT, copy, ignore=ignore, symlinks=True)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "zh_Hans", "-v0"]
        + ["--ignore=.venv", "--ignore=tests", "--ignore=test-artifacts"],
        cwd=copy,
        check=True,
    )
    extracted = copy / CATALOGUE.relative_to(ROOT)
    missing = subprocess.run(
        ["msgattrib", "--untranslated", "--no-obsolete", "--no-wrap", str(extracted)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-obsolete", "--no-wrap", str(extracted)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "msgid" not in missing, f"strings without a Chinese translation:\n{missing[:3000]}"
    assert "msgid" not in fuzzy, f"fuzzy translations to check:\n{fuzzy[:3000]}"
