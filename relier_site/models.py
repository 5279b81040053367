"""Models of the shared plumbing: the outbox of outgoing emails.

Every email the site sends goes through `OutboundEmail` (see relier_site.mail): the row is
stored first, then a background task delivers it, retries it with back-off and records the
outcome, so that a failed send is visible to staff and a mail is never sent twice for the
same reason.
"""

from django.db import models


class OutboundEmail(models.Model):
    """One outgoing email: rendered once, delivered (and retried) by a background task."""

    # Recipients, subjects and bodies may hold personal data: the admin only shows these
    # rows to users holding `relier_site.view_outboundemail` (never the Communication role).
    contains_personal_data = True

    class Status(models.TextChoices):
        PENDING = "pending", "En attente"
        SENT = "sent", "Envoyé"
        FAILED = "failed", "Échec définitif"

    to = models.JSONField("destinataires", default=list)
    subject = models.CharField("objet", max_length=255)
    body_text = models.TextField("texte brut")
    body_html = models.TextField("version HTML")
    reason_key = models.CharField(
        "motif d'envoi",
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        help_text="Clé unique du motif (par exemple « referral:42:confirmation ») : "
        "un courriel n'est jamais envoyé deux fois pour le même motif.",
    )
    template_name = models.CharField("modèle", max_length=200, blank=True)
    status = models.CharField("état", max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField("tentatives", default=0)
    next_attempt_at = models.DateTimeField("prochaine tentative", null=True, blank=True)
    last_attempt_at = models.DateTimeField("dernière tentative", null=True, blank=True)
    last_error = models.CharField(
        "dernière erreur",
        max_length=200,
        blank=True,
        help_text="Type d'erreur et code SMTP seulement, sans donnée personnelle.",
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)

    class Meta:
        verbose_name = "Courriel sortant"
        verbose_name_plural = "Courriels sortants"
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx"),
        ]
        permissions = [
            ("retry_outboundemail", "Peut relancer l'envoi d'un courriel sortant"),
        ]

    def __str__(self):
        # No recipient or subject here: this string appears in admin titles and logs.
        return f"Courriel n° {self.pk}" if self.pk else "Nouveau courriel"
