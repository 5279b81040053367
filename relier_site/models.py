"""Models of the shared plumbing: the outbox of outgoing emails, its attachments, and the
counters of the rate limiter.

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
        SENDING = "sending", "Envoi en cours"
        SENT = "sent", "Envoyé"
        FAILED = "failed", "Échec définitif"
        CANCELLED = "cancelled", "Annulé"

    to = models.JSONField("destinataires", default=list)
    reply_to = models.JSONField(
        "adresses de réponse",
        default=list,
        blank=True,
        help_text="Adresses utilisées quand le destinataire répond (en-tête Reply-To).",
    )
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
        "un courriel n'est jamais enregistré deux fois pour le même motif.",
    )
    subject_key = models.CharField(
        "objet concerné",
        max_length=200,
        blank=True,
        db_index=True,
        help_text="Ce que concerne le courriel (par exemple « referral:42 ») : permet "
        "d'annuler les courriels pas encore partis ou de tous les supprimer.",
    )
    message_id = models.CharField(
        "identifiant du message",
        max_length=255,
        blank=True,
        help_text="En-tête Message-ID, le même à chaque essai : un éventuel second "
        "exemplaire se reconnaît.",
    )
    template_name = models.CharField("modèle", max_length=200, blank=True)
    status = models.CharField("état", max_length=10, choices=Status.choices, default=Status.PENDING)
    not_before = models.DateTimeField(
        "pas avant",
        null=True,
        blank=True,
        help_text="Le courriel ne part pas avant cette date.",
    )
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


class OutboundAttachment(models.Model):
    """A file sent with an outbox row, as its own MIME part (e.g. an .ics invitation)."""

    contains_personal_data = True

    email = models.ForeignKey(
        OutboundEmail,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name="courriel",
    )
    filename = models.CharField("nom du fichier", max_length=200)
    content_type = models.CharField(
        "type de contenu",
        max_length=200,
        help_text="En-tête Content-Type de la pièce jointe, paramètres compris "
        "(par exemple « text/calendar; method=REQUEST; charset=utf-8 »).",
    )
    content = models.BinaryField("contenu")
    size = models.PositiveIntegerField("taille (octets)")

    class Meta:
        verbose_name = "Pièce jointe d'un courriel sortant"
        verbose_name_plural = "Pièces jointes des courriels sortants"
        ordering = ["pk"]

    def __str__(self):
        return self.filename


class RateLimitCounter(models.Model):
    """Hits of one rate-limit key in one time window (see relier_site.ratelimit).

    The key is stored as an HMAC digest: no IP address is kept in the database.
    """

    key_digest = models.CharField("clé (empreinte)", max_length=64)
    window_start = models.DateTimeField("début de la fenêtre")
    expires_at = models.DateTimeField("fin de la fenêtre", db_index=True)
    count = models.PositiveIntegerField("nombre de demandes", default=0)

    class Meta:
        verbose_name = "Compteur de limitation"
        verbose_name_plural = "Compteurs de limitation"
        constraints = [
            models.UniqueConstraint(
                fields=["key_digest", "window_start"], name="ratelimit_key_window_unique"
            )
        ]

    def __str__(self):
        return f"Compteur n° {self.pk}"
