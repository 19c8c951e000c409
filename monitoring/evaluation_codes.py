"""Evaluation codes and the authenticity rules, without the database.

A code is 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), printed
in groups of four; people may type it in lower case, with spaces or dashes. A source
(for bursts) is a code batch used from one address network.
"""

import ipaddress
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 12
GROUP = 4


def new_code():
    """A fresh random code, as printed: ``ABCD-EFGH-JKMN``."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return printed(raw)


def printed(code):
    """The normalised code in groups of four."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise(raw):
    """The code as stored (upper case, no separators), or "" if it cannot be one."""
    code = "".join(ch for ch in (raw or "").upper() if ch not in " -\t")
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return ""
    return code


def network_of(address):
    """The network an address belongs to (IPv4 /24, IPv6 /48); the address itself if unparsable."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def is_burst(count, sources, *, threshold, max_sources):
    """Many evaluations (``count`` >= threshold) from few sources (``sources`` <= max_sources)."""
    return count >= threshold and sources <= max_sources


def comment_key(text):
    """What two comments share when they are "the same text": case and spacing aside."""
    return " ".join((text or "").split()).casefold()
