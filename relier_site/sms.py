"""Text messages (SMS), through a pluggable backend named by the setting `SMS_BACKEND`
(a dotted path), the way Django's mailers name theirs.

An app never calls a backend: it queues a text with `relier_site.mail.outbox.send_sms`
(an outbox row of the SMS channel, written in the same transaction as the change it
announces, voided by `cancel_pending`, deleted by `purge`); the outbox's worker delivers
it with the same claim, retries and back-off as an email, calling
`send_messages([message])` here.

Backends:

- `ConsoleBackend` (development): writes each message (number and text) to standard
  output, like Django's console email backend; its log line names the outbox reference
  only (« SMS à outbox:42 »), never a number or a text;
- `LocmemBackend` (tests): appends the messages to `relier_site.sms.outbox`;
- `DisabledBackend` (production until a provider is configured): sends nothing and
  raises `SmsNotConfigured`; `enabled()` is then False and no app queues a text;
- a provider's backend: any class with the interface below, e.g. an HTTP API::

      class ProviderBackend(BaseSmsBackend):
          def send_messages(self, messages):
              for message in messages:
                  response = requests.post(URL, json={"to": message.to, "text": message.body},
                                           headers={"Authorization": f"Bearer {TOKEN}"},
                                           timeout=10)
                  response.raise_for_status()   # an exception: the outbox retries later
              return len(messages)

  `send_messages(messages)` receives `SmsMessage` items (`to` in E.164, `body`, and
  `reference`, the only thing a log line may name) and returns how many were accepted;
  any exception means « not sent, try again » (its class name, never its text, is
  recorded on the outbox row).
"""

import logging
import sys
import threading
from typing import NamedTuple

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

DEFAULT_BACKEND = "relier_site.sms.ConsoleBackend"

# What LocmemBackend sent, in order (tests read and clear it).
outbox = []


class SmsMessage(NamedTuple):
    to: str  # E.164, e.g. "+33612345678"
    body: str
    reference: str = ""  # e.g. "outbox:42": the only thing logs may name


class SmsNotConfigured(Exception):
    """No SMS provider is configured (DisabledBackend)."""


class BaseSmsBackend:
    def __init__(self, **options):
        self.options = options

    def send_messages(self, messages):
        """Send `messages` (SmsMessage items); return how many were accepted. Raise to
        mean « not sent »: the outbox tries again later."""
        raise NotImplementedError


class ConsoleBackend(BaseSmsBackend):
    """Development: the messages on standard output, the reference only in the log."""

    _lock = threading.Lock()

    def __init__(self, stream=None, **options):
        super().__init__(**options)
        self.stream = stream or sys.stdout

    def send_messages(self, messages):
        with self._lock:
            for message in messages:
                self.stream.write(f"SMS pour {message.to}\n{message.body}\n{'-' * 40}\n")
                self.stream.flush()
                logger.info("SMS à %s", message.reference or "?")
        return len(messages)


class LocmemBackend(BaseSmsBackend):
    """Tests: the messages kept in `relier_site.sms.outbox`."""

    def send_messages(self, messages):
        outbox.extend(messages)
        return len(messages)


class DisabledBackend(BaseSmsBackend):
    """No provider: nothing is sent, and `enabled()` is False so nothing is queued."""

    def send_messages(self, messages):
        raise SmsNotConfigured("SMS_BACKEND names no provider.")


def backend_path():
    return getattr(settings, "SMS_BACKEND", DEFAULT_BACKEND)


def get_backend(path=None, **options):
    return import_string(path or backend_path())(**options)


def enabled():
    """False when SMS_BACKEND is the DisabledBackend: apps then queue no text (and the
    forms need not offer reminders by SMS)."""
    return not issubclass(import_string(backend_path()), DisabledBackend)


def send_messages(messages):
    """Hand `messages` to the configured backend (the outbox's worker calls this)."""
    messages = list(messages)
    if not messages:
        return 0
    return get_backend().send_messages(messages)
