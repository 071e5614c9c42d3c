"""The deployment's audit key: an Ed25519 key in a PEM file that signs every event's hash and
every checkpoint of the chain's head. Whoever holds the database but not this file cannot
forge an event or a checkpoint. No Django here: settings load the key through it."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from custodes.env import SettingError


@lru_cache(maxsize=4)
def load(pem: str) -> Ed25519PrivateKey:
    """The key in PEM text; a SettingError that says what to do when it is not one."""
    try:
        key = serialization.load_pem_private_key(pem.encode(), password=None)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise SettingError(
            "CUSTODES_AUDIT_KEY_FILE does not hold an unencrypted Ed25519 private key in PEM; "
            "make one with `custodes audit keygen PATH`"
        )
    return key


def public_hex(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw.hex()


def fingerprint(public: str) -> str:
    """A short name for a public key, as the CLI shows it."""
    return hashlib.sha256(bytes.fromhex(public)).hexdigest()[:16]


def sign(key: Ed25519PrivateKey, message: bytes) -> str:
    return key.sign(message).hex()


def signed_by(public: str, message: bytes, signature: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public)).verify(
            bytes.fromhex(signature), message
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def generate(path: Path) -> bool:
    """Write a new key to `path`, readable by its owner only; False when one is there already
    (a key is never replaced: the signatures made with it would no longer verify)."""
    if path.exists():
        load(path.read_text(encoding="utf-8"))
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    return True
