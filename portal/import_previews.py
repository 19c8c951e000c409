"""What every spreadsheet import shares: the stored copy of a previewed file and the rejected rows.

An import reads the file with ``portal.spreadsheets``, checks every row, shows the
preview, keeps the bytes only while the preview may still be imported
(``PreviewStore``), and returns the rejected rows, with their reason, as an .xlsx
(``save_rejected``). The registry import and the survey import use it.
"""

import io
from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _

from . import exports, jobs

PREVIEW_TTL = timedelta(hours=2)  # a preview older than this cannot be imported
QUEUE_GRACE = timedelta(hours=1)


@dataclass(frozen=True)
class PreviewStore:
    """Stored copies of previewed uploads under one folder of the default storage."""

    folder: str  # ends with "/"

    def save(self, data):
        """Keep a previewed file's bytes until it is imported or cancelled; returns its name."""
        return default_storage.save(f"{self.folder}upload", ContentFile(data))

    def _checked(self, name):
        if not name.startswith(self.folder) or ".." in name:
            raise FileNotFoundError(name)
        return name

    def read(self, name):
        """The bytes of a stored upload (only names under the folder)."""
        with default_storage.open(self._checked(name), "rb") as stream:
            return stream.read()

    def expired(self, name):
        """Whether a stored preview is older than PREVIEW_TTL (or gone)."""
        try:
            stored_at = default_storage.get_modified_time(self._checked(name))
        except FileNotFoundError:
            return True
        return timezone.now() - stored_at > PREVIEW_TTL

    def discard(self, name):
        """Remove a stored preview (cancelled, expired or imported)."""
        default_storage.delete(self._checked(name))

    def remove_expired(self):
        """Remove the previews nobody imported; returns how many went.

        A copy lives PREVIEW_TTL plus the time a started import may wait in the queue.
        """
        if not default_storage.exists(self.folder):
            return 0
        now = timezone.now()
        _dirs, files = default_storage.listdir(self.folder)
        expired = [
            self.folder + name
            for name in files
            if now - default_storage.get_modified_time(self.folder + name)
            > PREVIEW_TTL + QUEUE_GRACE
        ]
        for name in expired:
            default_storage.delete(name)
        return len(expired)


def save_rejected(job_id, header, bad, title="rejected"):
    """Store the rejected rows (row number, cells, reason), with a reason column, on the job."""
    stream = io.BytesIO()
    rows = ([*cells, reason] for _number, cells, reason in bad)
    exports.write_xlsx(stream, [*header, _("Reason")], rows, title)
    jobs.save_result_file(job_id, f"rejected-{job_id}.xlsx", stream.getvalue())
