"""No import cycles between the project's modules, lazy imports inside functions included."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def project_modules():
    """{dotted name: path} of every module of the project's apps, migrations left out."""
    modules = {}
    for config in apps.get_app_configs():
        folder = Path(config.path)
        if folder.parent != ROOT:  # a library, not one of ours
            continue
        for path in folder.rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def imported_by(name, path, modules):
    """The project modules one module imports, anywhere in its body."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                full = f"{target}.{alias.name}" if target else alias.name
                found.add(full if full in modules else target)
    return {module for module in found if module in modules and module != name}


def cycle_from(start, graph):
    """A path of imports from start back to start, or None."""
    stack, seen = [(start, [start])], set()
    while stack:
        module, path = stack.pop()
        for imported in graph[module]:
            if imported == start:
                return [*path, start]
            if imported not in seen:
                seen.add(imported)
                stack.append((imported, [*path, imported]))
    return None


def test_the_import_graph_has_no_cycle():
    modules = project_modules()
    graph = {name: imported_by(name, path, modules) for name, path in modules.items()}
    assert {"enterprises.tasks", "enterprises.services.imports", "portal.jobs"} <= set(graph)
    assert "enterprises.services.imports" in graph["enterprises.tasks"]
    cycles = [cycle for name in graph if (cycle := cycle_from(name, graph))]
    assert cycles == []
