"""Backup and restore of one installation: its database and its files, in one dated directory.

``backup(into)`` writes ``portal-YYYYmmdd-HHMMSS/`` under ``into`` (``PORTAL_BACKUP_DIR``):

- ``database.dump``: ``pg_dump --format=custom`` of PostgreSQL (one consistent snapshot),
  or ``database.sqlite3``, SQLite's online backup of the demo database;
- ``files/media/`` and ``files/private/``: ``MEDIA_ROOT`` and ``PRIVATE_MEDIA_ROOT``;
- ``manifest.json``: when, which engine, every table's row count and every file's SHA-256.

``restore(directory, database)`` creates the database ``database`` (a PostgreSQL name that
must not exist yet, or for SQLite a file path that must not exist), loads the dump into it,
copies the files into ``MEDIA_ROOT`` and ``PRIVATE_MEDIA_ROOT`` and checks the restored row
counts and checksums against the manifest. ``manage.py backup`` / ``restore`` (and
``make backup`` / ``make restore``) call these two.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import psycopg2
from django.conf import settings
from django.db import connection
from django.utils import timezone
from psycopg2 import sql

MANIFEST = "manifest.json"
ROOTS = {"media": "MEDIA_ROOT", "private": "PRIVATE_MEDIA_ROOT"}  # folder in files/ -> setting


class BackupError(Exception):
    """A backup or restore that could not be made or does not match its manifest."""


def backup(into):
    """Back up the database and the files into a new dated directory under ``into``."""
    target = Path(into) / timezone.now().strftime("portal-%Y%m%d-%H%M%S")
    target.mkdir(parents=True)
    engine = _engine(connection.settings_dict)
    if engine == "postgresql":
        _run(["pg_dump", "--format=custom", "--file", str(target / "database.dump")], _pg())
        rows = pg_row_counts(connection.settings_dict["NAME"])
    else:
        with (
            closing(sqlite3.connect(connection.settings_dict["NAME"])) as source,
            closing(sqlite3.connect(target / "database.sqlite3")) as copy,
        ):
            source.backup(copy)
        rows = _sqlite_row_counts(target / "database.sqlite3")
    for folder, setting in ROOTS.items():
        root = Path(getattr(settings, setting))
        if root.is_dir():
            shutil.copytree(root, target / "files" / folder)
    manifest = {
        "created_at": timezone.now().isoformat(),
        "engine": engine,
        "rows": rows,
        "files": checksums(target / "files"),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return target


def restore(directory, database):
    """Restore a backup into a new database ``database`` and the configured file roots."""
    directory = Path(directory)
    manifest = json.loads((directory / MANIFEST).read_text())
    if checksums(directory / "files") != manifest["files"]:
        raise BackupError(f"{directory}: the files do not match the manifest's checksums.")
    if manifest["engine"] == "postgresql":
        _create_pg_database(database)
        command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
        _run([*command, "--dbname", database, str(directory / "database.dump")], _pg(database))
        rows = pg_row_counts(database)
    else:
        if Path(database).exists():
            raise BackupError(f"{database} exists already; restore into a new file.")
        shutil.copyfile(directory / "database.sqlite3", database)
        rows = _sqlite_row_counts(database)
    if rows != manifest["rows"]:
        raise BackupError(f"{database}: the restored row counts differ from the manifest's.")
    for folder, setting in ROOTS.items():
        source = directory / "files" / folder
        if source.is_dir():
            shutil.copytree(source, getattr(settings, setting), dirs_exist_ok=True)
    return manifest


def checksums(root):
    """SHA-256 of every file under ``root``, by its path relative to it."""
    root = Path(root)
    if not root.is_dir():
        return {}
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _engine(settings_dict):
    return "postgresql" if "postgresql" in settings_dict["ENGINE"] else "sqlite"


def _pg(database=None):
    """Environment for the PostgreSQL tools: the configured server, this database."""
    db = connection.settings_dict
    given = {
        "PGHOST": db.get("HOST"),
        "PGPORT": str(db.get("PORT") or ""),
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
        "PGDATABASE": database or db["NAME"],
    }
    return {**os.environ, **{key: value for key, value in given.items() if value}}


def _connect(database):
    """An autocommit connection to a database on the configured server (close it)."""
    db = connection.settings_dict
    given = {"host": db.get("HOST"), "port": db.get("PORT"), "user": db.get("USER"),
             "password": db.get("PASSWORD")}  # fmt: skip
    link = psycopg2.connect(dbname=database, **{k: v for k, v in given.items() if v})
    link.autocommit = True
    return closing(link)


def _create_pg_database(database):
    with _connect("postgres") as admin, admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
        if cursor.fetchone():
            raise BackupError(f"The database {database} exists already; restore into a new one.")
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))


def pg_row_counts(database):
    """Row counts of every table of a PostgreSQL database on the configured server."""
    with _connect(database) as db, db.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        counts = {}
        for (table,) in cursor.fetchall():
            cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
            counts[table] = cursor.fetchone()[0]
        return counts


def _sqlite_row_counts(path):
    with closing(sqlite3.connect(path)) as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608


def _run(command, env):
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()}")
