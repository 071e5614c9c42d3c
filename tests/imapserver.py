"""A real IMAP server for the tests: Debian's Dovecot, configured in a temporary folder (its
own config file, a passwd-file of one user, Maildir under the folder, TLS with a certificate
made here, a loopback port), run in the foreground as the current user. Dovecot will not run
its login process as root, so as root that process and the mailbox's files are Dovecot's own
system users', which its package makes."""

from __future__ import annotations

import datetime
import grp
import imaplib
import ipaddress
import os
import pwd
import shutil
import ssl
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.mailserver import free_port

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
USER, PASSWORD = "legal-process", "imap-test-password"


@dataclass
class ImapServer:
    folder: Path
    port: int
    ca_file: Path
    process: subprocess.Popen

    def client(self) -> imaplib.IMAP4_SSL:
        context = ssl.create_default_context(cafile=str(self.ca_file))
        client = imaplib.IMAP4_SSL("127.0.0.1", self.port, ssl_context=context, timeout=10)
        client.login(USER, PASSWORD)
        return client

    def append(self, data: bytes, folder: str = "INBOX") -> None:
        client = self.client()
        try:
            typ, said = client.append(folder, None, None, data)
            assert typ == "OK", said
        finally:
            client.logout()

    def messages(self, folder: str) -> list[bytes]:
        """The messages in a folder, as the server holds them."""
        client = self.client()
        try:
            typ, _ = client.select(folder, readonly=True)
            if typ != "OK":
                return []
            uids = client.uid("SEARCH", None, "ALL")[1][0].split()
            return [client.uid("FETCH", uid, "(BODY.PEEK[])")[1][0][1] for uid in uids]
        finally:
            client.logout()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def available() -> bool:
    return Path(DOVECOT).exists()


def start() -> ImapServer:
    """Dovecot in a temporary folder of its own (pytest's are closed to other users, and as
    root Dovecot's own users must reach this one); `stop` removes it."""
    folder = Path(tempfile.mkdtemp(prefix="custodes-dovecot-"))
    folder.chmod(0o755)
    cert, key = _certificate(folder)
    port = free_port()
    owner, login = _users()
    mail = folder / "mail"
    mail.mkdir()
    os.chown(mail, owner.pw_uid, owner.pw_gid)
    (folder / "passwd").write_text(
        f"{USER}:{{PLAIN}}{PASSWORD}:{owner.pw_uid}:{owner.pw_gid}::{mail}::\n"
    )
    (folder / "dovecot.conf").write_text(
        _CONFIG.format(
            folder=folder,
            port=port,
            cert=cert,
            key=key,
            internal=owner.pw_name,
            group=_group(owner),
            login=login.pw_name,
            uid=owner.pw_uid,
            gid=owner.pw_gid,
        )
    )
    process = subprocess.Popen(
        [DOVECOT, "-F", "-c", str(folder / "dovecot.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = ImapServer(folder, port, cert, process)
    deadline = time.monotonic() + 20
    while True:
        try:
            server.client().logout()
            return server
        except (OSError, imaplib.IMAP4.error):
            if process.poll() is not None or time.monotonic() > deadline:
                log = folder / "dovecot.log"
                said = log.read_text()[-2000:] if log.exists() else ""
                server.stop()
                raise RuntimeError(f"Dovecot did not start: {said}") from None
            time.sleep(0.1)


def _users() -> tuple[pwd.struct_passwd, pwd.struct_passwd]:
    """Who owns the mail, and who runs the login process."""
    me = pwd.getpwuid(os.getuid())
    if me.pw_uid != 0:
        return me, me
    return pwd.getpwnam("dovecot"), pwd.getpwnam("dovenull")


def _group(user: pwd.struct_passwd) -> str:
    return grp.getgrgid(user.pw_gid).gr_name


def _certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, which the client trusts as its own CA."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "custodes test IMAP")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)
    return cert_path, key_path


_CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
default_internal_user = {internal}
default_internal_group = {group}
default_login_user = {login}
first_valid_uid = {uid}
last_valid_uid = {uid}
first_valid_gid = {gid}
ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
auth_mechanisms = plain
passdb {{
  driver = passwd-file
  args = {folder}/passwd
}}
userdb {{
  driver = passwd-file
  args = {folder}/passwd
}}
mail_location = maildir:~/Maildir
service imap-login {{
  chroot =
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
"""
