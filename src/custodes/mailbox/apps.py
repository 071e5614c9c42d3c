from django.apps import AppConfig


class MailboxConfig(AppConfig):
    name = "custodes.mailbox"
    label = "mailbox"
    verbose_name = "Legal-process mailbox"
