"""Admin: "Courriels sortants" (Settings menu), the read-only list of the outbox.

Only users holding `relier_site.view_outboundemail` see it (the Communication role does
not: recipients and subjects are personal data); `relier_site.retry_outboundemail` allows
the "Réessayer maintenant" button. Nobody adds, edits or deletes rows here.

Also, in the page editor's action menu, the explanation an author gets instead of
« Approuver » on their own submission (relier_site.models.PeerReviewTask); and the French
refusal of unpublishing, deleting or moving a page under review (relier_site.review).
"""

from django.contrib.auth import get_user_model
from django.urls import path
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import OutboundEmail, PeerReviewTask
from .review import refusal_message
from .views import (
    OutboundEmailIndexView,
    OutboundEmailInspectView,
    OutboundEmailRetryView,
    forbidden,
)


class OutboxPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, limited to viewing and retrying: the outbox is read-only."""

    allowed_actions = {"view", "retry"}

    def user_has_permission(self, user, action):
        return action in self.allowed_actions and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action in self.allowed_actions]
        )


register_permission_policy(OutboundEmail, OutboxPermissionPolicy(OutboundEmail))


class OutboundEmailViewSet(ModelViewSet):
    model = OutboundEmail
    icon = "mail"
    menu_label = "Courriels sortants"
    menu_name = "outbound-emails"
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = OutboundEmailIndexView
    inspect_view_class = OutboundEmailInspectView
    inspect_template_name = "relier_site/outboundemail/inspect.html"
    list_filter = ["status"]
    list_display = [
        "__str__",
        "template_name",
        "about_reference",
        "status",
        "attempts",
        DateColumn("next_attempt_at", label="Prochaine tentative", sort_key="next_attempt_at"),
        "last_error",
        DateColumn("created_at", label="Créé", sort_key="created_at"),
    ]
    inspect_view_fields = [
        "subject",
        "to",
        "reply_to",
        "attachments",
        "template_name",
        "reason_key",
        "about_reference",
        "message_id",
        "status",
        "not_before",
        "attempts",
        "last_attempt_at",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
    ]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(retry_url_name=self.get_url_name("retry"), **kwargs)

    @property
    def retry_view(self):
        return OutboundEmailRetryView.as_view(inspect_url_name=self.get_url_name("inspect"))

    def get_permissions_to_register(self):
        return (
            super()
            .get_permissions_to_register()
            .filter(codename__in=["view_outboundemail", "retry_outboundemail"])
        )

    def get_urlpatterns(self):
        # Read-only: no add, edit, copy, delete or history views at all.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("retry/<int:pk>/", self.retry_view, name="retry"),
        ]


outbound_email_viewset = OutboundEmailViewSet("outbound_emails")


@hooks.register("register_admin_viewset")
def register_outbound_email_viewset():
    return outbound_email_viewset


SUPERUSER_ONLY = "Seul un superutilisateur peut créer ou modifier un compte superutilisateur."


def _refuse_superuser_escalation(request, user=None):
    """Only a superuser may create or edit a superuser, or tick « Administrateur ».

    Wagtail lets anyone with `auth.change_user` tick the superuser box; the
    Administration role manages accounts but must not be able to grant itself
    everything (two-factor login and roles rely on it).

    Every admin path that changes an account is covered: creating and editing (below),
    the bulk actions of the user listing (`refuse_bulk_actions_on_superusers`). Wagtail
    itself refuses deleting a superuser and managing a superuser's API tokens to
    non-superusers (`user_can_delete_user`, `user_can_manage_token`).
    """
    if request.user.is_superuser:
        return None
    editing_superuser = user is not None and user.is_superuser
    if editing_superuser or (request.method == "POST" and request.POST.get("is_superuser")):
        return forbidden(request, SUPERUSER_ONLY)
    return None


@hooks.register("before_create_user")
def refuse_superuser_creation(request):
    return _refuse_superuser_escalation(request)


@hooks.register("before_edit_user")
def refuse_superuser_edit(request, user):
    return _refuse_superuser_escalation(request, user)


@hooks.register("before_bulk_action")
def refuse_bulk_actions_on_superusers(request, action_type, objects, action_class_instance):
    """User bulk actions (active state, role, deletion, and any other) leave superusers
    alone unless a superuser runs them: nothing is changed, the whole action is refused."""
    if action_class_instance.model is not get_user_model() or request.user.is_superuser:
        return None
    if any(user.is_superuser for user in objects):
        return forbidden(request, SUPERUSER_ONLY)
    return None


class AwaitingAnotherReviewerMenuItem(ActionMenuItem):
    """In the editor's action menu, where « Approuver » would be: why the author of a
    submission does not get it (see relier_site.models.PeerReviewTask)."""

    name = "action-awaiting-another-reviewer"
    label = "Approbation par une autre personne"
    template_name = "relier_site/action_menu/awaiting_another_reviewer.html"
    order = 100  # with the workflow actions, never the default button

    def is_shown(self, context):
        page = context.get("page")
        if context["view"] != "edit" or page is None:
            return False
        task = page.current_workflow_task
        return isinstance(task, PeerReviewTask) and task.awaits_another_reviewer(
            page, context["request"].user
        )


@hooks.register("register_page_action_menu_item")
def register_awaiting_another_reviewer_menu_item():
    return AwaitingAnotherReviewerMenuItem()


# --- Review: unpublishing, deleting and moving (relier_site.review) ---------------------


@hooks.register("before_bulk_action")
def refuse_bulk_page_actions_under_review(request, action_type, objects, action_class_instance):
    """Bulk unpublishing, deleting or moving: if the review rule refuses one of the selected
    pages, nothing is done and the French reason is shown (Wagtail would leave it out and
    report the others as done)."""
    if action_type not in ("unpublish", "delete", "move"):
        return None
    if not issubclass(action_class_instance.model, Page):
        return None
    _, refused = action_class_instance.get_actionable_objects()
    destination = None
    if action_type == "move" and action_class_instance.cleaned_form is not None:
        destination = action_class_instance.cleaned_form.cleaned_data.get("chooser")
    for page in [*objects, *refused.get("items_with_no_access", [])]:
        message = refusal_message(request.user, page, action_type, destination)
        if message:
            return forbidden(request, message)
    return None


@hooks.register("before_move_page")
def refuse_move_under_review(request, page, destination):
    """The move confirmation (Wagtail checks the right only when it moves the page)."""
    message = refusal_message(request.user, page, "move", destination)
    if message:
        return forbidden(request, message)
    return None
