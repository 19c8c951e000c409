"""Personal data encrypted at rest, and blind indexes to find rows by it.

``EncryptedTextField`` stores Fernet tokens (AES-128-CBC with HMAC-SHA256) made with
``settings.FIELD_ENCRYPTION_KEYS`` (the first key encrypts; every key decrypts, so keys
can be rotated). Encrypted values cannot be searched; where rows must be found by a
value (the same phone number), store ``blind_index(value)`` beside it.
"""

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models


@lru_cache(maxsize=4)
def _fernet(keys: tuple) -> MultiFernet:
    return MultiFernet([Fernet(_derive(key, b"fernet")) for key in keys])


def _derive(key: str, purpose: bytes) -> bytes:
    digest = hashlib.sha256(purpose + b":" + key.encode()).digest()
    return base64.urlsafe_b64encode(digest)


def encrypt(value: str) -> str:
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS)).encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS)).decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ValueError("a value cannot be decrypted with any of FIELD_ENCRYPTION_KEYS") from error


def blind_index(value: str) -> str:
    """A keyed hash of the value: equal values give equal indexes, nothing else is learnt."""
    key = _derive(settings.FIELD_ENCRYPTION_KEYS[0], b"index")
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField):
    """A text stored encrypted; reads give the plain text. Empty stays empty."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value
