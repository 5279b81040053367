"""Outgoing email, in four modules whose imports point one way (no module here imports
`relier_site.tasks` or `relier_site.scheduling`; those import `delivery`):

- `outbox`: what the apps call: `send_templated_mail`, `Attachment`, `cancel_pending`,
  `purge`, `reason_for`, and the selectors `emails_about` and `reason_stored`;
- `rendering`: MJML templates compiled once, rendered with Django's engine, and
  `register_mail_context_provider` (the layout's organisation, contact and helplines);
- `delivery`: claim, send, retry with back-off, recovery of interrupted sends, retention;
- `checks`: the system check that compiles every ``emails/*.mjml``.

This file stays empty: importing one module never imports the others.
"""
