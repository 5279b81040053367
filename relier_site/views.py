"""Admin views of the outbox ("Courriels sortants"): inspect a row, retry it. And the
real 403 page for the apps' admin views (`forbidden`, `staff_permission_required`,
ForbiddenMixin, ForbiddenViewSetMixin, forbidden_urlpatterns)."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.views import View
from django.views.defaults import permission_denied
from wagtail.admin import messages
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import ListingButton
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .mail.outbox import is_retryable, retry_now
from .models import OutboundEmail


def forbidden(request, message=None):
    """A real 403 page (templates/403.html): Wagtail would redirect to the dashboard, but
    pages holding personal data answer 403 to staff without the permission."""
    return permission_denied(request, PermissionDenied(message or ""))


class ForbiddenMixin:
    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)


def forbidden_when_denied(view):
    """Decorate a view: PermissionDenied gives the 403 page (as ForbiddenMixin does)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)

    return wrapped


def staff_permission_required(permission, *, personal_data=True):
    """Decorate an admin function view: staff without `permission` get the real 403 page,
    before the view looks anything up (a guessed id says nothing). The one way the apps
    check a staff permission on a function view. `personal_data` marks the view
    (`contains_personal_data`) for tests/relier_site/test_privacy_urls.py, which then opens
    it as a Communication user and expects a refusal."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                return forbidden(request)
            return view(request, *args, **kwargs)

        wrapped.staff_permission = permission
        wrapped.contains_personal_data = personal_data
        return wrapped

    return decorator


def forbidden_urlpatterns(urlpatterns):
    """Every view of these URL patterns (an app's admin URLs) answers the 403 page to
    staff without the permission, instead of Wagtail's redirect to the dashboard."""
    return decorate_urlpatterns(urlpatterns, forbidden_when_denied)


class ForbiddenViewSetMixin:
    """For a Wagtail viewset (a snippet viewset and its chooser too): every view of it
    answers the 403 page to staff without the permission."""

    def get_urlpatterns(self):
        return forbidden_urlpatterns(super().get_urlpatterns())


class OutboundEmailIndexView(ForbiddenMixin, IndexView):
    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if instance.status == OutboundEmail.Status.FAILED and self.user_has_permission("retry"):
            buttons.insert(
                0,
                ListingButton(
                    "Voir et réessayer",
                    url=self.get_inspect_url(instance),
                    icon_name="resubmit",
                    attrs={"aria-label": f"Voir et réessayer : {instance}"},
                ),
            )
        return buttons


class OutboundEmailInspectView(ForbiddenMixin, InspectView):
    retry_url_name = None

    def get_to_display_value(self):
        return ", ".join(self.object.to)

    def get_reply_to_display_value(self):
        return ", ".join(self.object.reply_to) or "-"

    def get_field_label(self, field_name, field):
        if field_name == "attachments":
            return "Pièces jointes"
        return super().get_field_label(field_name, field)

    def get_attachments_display_value(self):
        files = self.object.attachments.only("filename", "content_type", "size")
        return (
            " ; ".join(
                f"{item.filename} ({filesizeformat(item.size)}, {item.content_type})"
                for item in files
            )
            or "-"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if is_retryable(self.object) and self.user_has_permission("retry"):
            context["retry_url"] = reverse(self.retry_url_name, args=(self.object.pk,))
        return context


NOT_RETRYABLE = {
    OutboundEmail.Status.SENT: "ce courriel a déjà été envoyé.",
    OutboundEmail.Status.SENDING: "ce courriel est en cours d'envoi.",
    OutboundEmail.Status.CANCELLED: "ce courriel a été annulé, il ne sera pas envoyé.",
    OutboundEmail.Status.PENDING: "ce courriel est programmé pour plus tard, il partira à "
    "l'heure prévue.",
    OutboundEmail.Status.FAILED: "ce courriel ne peut pas être relancé.",
}


class OutboundEmailRetryView(ForbiddenMixin, PermissionCheckedMixin, View):
    """POST only: give a pending or failed email a fresh series of attempts, now (never a
    sent, sending or cancelled one, nor one scheduled for later)."""

    model = OutboundEmail
    permission_required = "retry"
    http_method_names = ["post"]
    inspect_url_name = None

    def post(self, request, pk):
        row = get_object_or_404(OutboundEmail, pk=pk)
        if retry_now(row):
            row.refresh_from_db()
            if row.status == OutboundEmail.Status.SENT:
                messages.success(request, f"{row} : le courriel a été envoyé.")
            else:
                messages.success(
                    request, f"{row} : nouvel envoi demandé, il part dans quelques instants."
                )
        else:
            row.refresh_from_db()
            messages.warning(request, f"{row} : {NOT_RETRYABLE[row.status]}")
        return redirect(self.inspect_url_name, row.pk)
