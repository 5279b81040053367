"""Admin views of the outbox ("Courriels sortants"): inspect a row, retry it."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.defaults import permission_denied
from wagtail.admin import messages
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import ListingButton

from .mail import retry_now
from .models import OutboundEmail

RETRYABLE = (OutboundEmail.Status.PENDING, OutboundEmail.Status.FAILED)


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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.status in RETRYABLE and self.user_has_permission("retry"):
            context["retry_url"] = reverse(self.retry_url_name, args=(self.object.pk,))
        return context


class OutboundEmailRetryView(ForbiddenMixin, PermissionCheckedMixin, View):
    """POST only: give a pending or failed email a fresh series of attempts, now."""

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
            messages.warning(request, f"{row} : ce courriel a déjà été envoyé.")
        return redirect(self.inspect_url_name, row.pk)
