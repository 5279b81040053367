"""Models of the shared plumbing: the outbox of outgoing emails, its attachments, and the
counters of the rate limiter, and the review task of the workflows (« Relecture »).

Every email the site sends goes through `OutboundEmail` (see relier_site.mail.outbox): the row is
stored first, then a background task delivers it, retries it with back-off and records the
outcome, so that a failed send is visible to staff and a mail is never sent twice for the
same reason.
"""

from django.contrib import admin
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from wagtail.models import AbstractGroupApprovalTask, Revision


class OutboundEmail(models.Model):
    """One outgoing email, or SMS (`channel`): rendered once, delivered (and retried) by a
    background task."""

    # Recipients, subjects and bodies may hold personal data: the admin only shows these
    # rows to users holding `relier_site.view_outboundemail` (never the Communication role).
    contains_personal_data = True
    # Not content: out of Wagtail's reference index (else a task queued at each save).
    wagtail_reference_index_ignore = True
    # relier_site.personal_data; rows about a person leave with mail.outbox.purge(row).
    personal_fields = ("to", "reply_to", "subject", "body_text", "body_html")
    non_personal_fields = (
        "reason_key",
        "about_type",
        "about_id",
        "message_id",
        "template_name",
        "channel",
        "status",
        "last_error",
    )

    class Channel(models.TextChoices):
        EMAIL = "email", "Courriel"
        SMS = "sms", "SMS"

    class Status(models.TextChoices):
        PENDING = "pending", "En attente"
        SENDING = "sending", "Envoi en cours"
        SENT = "sent", "Envoyé"
        FAILED = "failed", "Échec définitif"
        CANCELLED = "cancelled", "Annulé"

    # An SMS row (relier_site.sms) holds one E.164 number in `to` and its text in
    # `body_text`; its subject is « SMS », its HTML empty.
    channel = models.CharField(
        "canal", max_length=5, choices=Channel.choices, default=Channel.EMAIL
    )
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
    about_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="type de l'objet concerné",
    )
    about_id = models.PositiveBigIntegerField("n° de l'objet concerné", null=True, blank=True)
    # What the mail concerns (a referral, a registration...): to cancel the mails that
    # have not left yet, or to delete them all (relier_site.mail.outbox).
    about = GenericForeignKey("about_type", "about_id")
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
            models.Index(fields=["about_type", "about_id"], name="outbox_about_idx"),
        ]
        permissions = [
            ("retry_outboundemail", "Peut relancer l'envoi d'un courriel sortant"),
        ]

    def __str__(self):
        # No recipient or subject here: this string appears in admin titles and logs.
        return f"Courriel n° {self.pk}" if self.pk else "Nouveau courriel"

    @admin.display(description="objet concerné")
    def about_reference(self):
        """What the mail concerns, as a reference without personal data: "referral:42"."""
        if self.about_type_id is None:
            return ""
        model = ContentType.objects.get_for_id(self.about_type_id).model
        return f"{model}:{self.about_id}"


class OutboundAttachment(models.Model):
    """A file sent with an outbox row, as its own MIME part (e.g. an .ics invitation)."""

    contains_personal_data = True
    personal_fields = ("content",)  # relier_site.personal_data
    non_personal_fields = ("filename", "content_type")

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


class PeerReviewTask(AbstractGroupApprovalTask):
    """Approval by a member of the chosen groups who is not an author of what is reviewed.

    Wagtail's group approval lets the person who submitted a page approve it themself,
    which makes the review optional. Here the authors of a submission may neither approve
    nor reject it (« Approuver », « Demander des modifications »); another member of the
    groups must. The authors are:

    - whoever submitted it for review (the workflow state's ``requested_by``);
    - whoever made its latest revision, if someone else: approving publishes the latest
      revision (relier_site.workflow_actions), so its author is the author of what goes
      live, e.g. a colleague who resubmitted it after changes were requested, or who
      edited it during the review.

    Every Wagtail path asks ``get_actions`` or ``get_task_states_user_can_moderate``
    before acting (the editor's action menu and its POST, the workflow action and preview
    URLs, the dashboard, the workflow reports), so they all follow the rule. A reviewer
    who corrects the page while approving it from the editor (Wagtail's « approve with
    changes ») is checked before their changes are saved, so the correction is published
    with their approval and recorded in the history. ``on_action`` refuses the submitter
    in any case. Superusers and holders of ``wagtailcore.change_workflow`` publish
    directly (relier_site.review), so this rule applies to them too without locking them
    out.
    """

    REVIEW_ACTIONS = ("approve", "reject")

    class Meta:
        verbose_name = "relecture par une autre personne du groupe"
        verbose_name_plural = "relectures par une autre personne du groupe"

    @classmethod
    def get_description(cls):
        return (
            "Un membre des groupes choisis approuve ou demande des modifications ; ni la "
            "personne qui a soumis la page, ni l'auteur de sa dernière version ne peuvent "
            "le faire."
        )

    @staticmethod
    def author_ids(obj):
        """Ids of the users who may not review ``obj``'s current submission."""
        ids = set()
        state = obj.current_workflow_state
        if state is not None and state.requested_by_id is not None:
            ids.add(state.requested_by_id)
        latest = obj.get_latest_revision()
        if latest is not None and latest.user_id is not None:
            ids.add(latest.user_id)
        return ids

    def is_author(self, obj, user):
        return user.pk in self.author_ids(obj)

    def awaits_another_reviewer(self, obj, user):
        """True when ``user`` would review ``obj`` here, were they not one of its authors."""
        return bool(super().get_actions(obj, user)) and self.is_author(obj, user)

    def get_actions(self, obj, user):
        if self.is_author(obj, user):
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        latest_author = (
            Revision.objects.filter(
                base_content_type_id=OuterRef("workflow_state__base_content_type_id"),
                object_id=OuterRef("workflow_state__object_id"),
            )
            .order_by("-created_at", "-pk")
            .values("user_id")[:1]
        )
        own = (
            states.annotate(latest_author_id=Subquery(latest_author))
            .filter(Q(workflow_state__requested_by=user) | Q(latest_author_id=user.pk))
            .values("pk")
        )
        return states.exclude(pk__in=own)

    def on_action(self, task_state, user, action_name, **kwargs):
        if (
            action_name in self.REVIEW_ACTIONS
            and user is not None
            and task_state.workflow_state.requested_by_id == user.pk
        ):
            raise PermissionDenied("Une autre personne doit relire cette demande.")
        return super().on_action(task_state, user, action_name, **kwargs)
