"""Two-factor login for staff (django-otp: TOTP app + static backup codes).

When ``settings.RELIER_REQUIRE_2FA`` is true, a signed-in user who has not passed the
second factor in this session holds no privilege at all:

- on the admin (``/admin/``), every page sends them to the set-up page (first login:
  scan a QR code, type a code, receive 10 backup codes) or to the verification page
  (later logins), except those pages, signing in and signing out;
- everywhere else they are treated as an anonymous visitor: pages and documents
  restricted to signed-in users (Wagtail's "private" pages, restricted collections)
  send them to log in, and the visitors' login page (``/_util/login/``), once the
  password is passed, sends them on to the second factor and then back to the page.

django-otp's ``OTPMiddleware`` must run before ``AdminTwoFactorMiddleware``; it gives
``request.user.is_verified()``.

Recovery when a phone is lost: ``manage.py addstatictoken <identifiant>`` prints a
one-time code; the person signs in with it, then sets up a new app on
``/admin/2fa/configurer/`` (which replaces the old one).
"""

import math
import re
import secrets
from base64 import b32encode
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

ADMIN_PREFIXES = ("/admin/",)  # Django's own admin is not installed
SETUP_URL_NAME = "relier_otp_setup"
VERIFY_URL_NAME = "relier_otp_verify"
BACKUP_CODES_URL_NAME = "relier_otp_backup_codes"
# Admin views an unverified user may still reach: the 2FA pages, signing in and out,
# and the assets (icons, translations catalogue) that the 2FA pages load.
EXEMPT_URL_NAMES = frozenset(
    {
        SETUP_URL_NAME,
        VERIFY_URL_NAME,
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
    }
)
# Wagtail's login page for visitors of private pages and documents (/_util/login/).
FRONTEND_LOGIN_URL_NAME = "wagtailcore_login"
BACKUP_CODE_COUNT = 10
BACKUP_CODE_DIGITS = 12
TOTP_DEVICE_NAME = "Application d'authentification"
BACKUP_DEVICE_NAME = "Codes de secours"


def is_verified(user):
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def _next_url(request, default=None):
    target = request.POST.get("next") or request.GET.get("next")
    # Only a path of this site ("/admin/..."): a relative value such as "aaaa" would
    # pass the host check and then fail in redirect().
    if (
        target
        and target.startswith("/")
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return default or reverse("wagtailadmin_home")


def _url_with_next(url_name, next_url):
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


class AdminTwoFactorMiddleware:
    """Without the second factor, no staff privilege: the admin sends to the 2FA pages,
    the rest of the site sees an anonymous visitor (see the module docstring).

    Place it after ``django_otp.middleware.OTPMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        middleware = list(settings.MIDDLEWARE)
        otp_path = "django_otp.middleware.OTPMiddleware"
        own_path = f"{__name__}.{type(self).__name__}"
        if otp_path not in middleware or (
            own_path in middleware and middleware.index(otp_path) > middleware.index(own_path)
        ):
            raise ImproperlyConfigured(f"{own_path} must come after {otp_path} in MIDDLEWARE.")

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(settings, "RELIER_REQUIRE_2FA", False):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or is_verified(user):
            return None
        match = request.resolver_match
        url_name = match.url_name if match is not None else None
        if not request.path.startswith(ADMIN_PREFIXES):
            if url_name == FRONTEND_LOGIN_URL_NAME and request.method == "GET":
                # Password passed (now or earlier): the second factor, then `next`.
                return _second_factor_redirect(user, _next_url(request, default="/"))
            _act_as_anonymous(request)
            return None
        if url_name in EXEMPT_URL_NAMES:
            return None
        next_url = (
            request.get_full_path() if request.method == "GET" else reverse("wagtailadmin_home")
        )
        return _second_factor_redirect(user, next_url)


def _act_as_anonymous(request):
    anonymous = AnonymousUser()
    request.user = anonymous

    async def auser():
        return anonymous

    request.auser = auser


def _second_factor_redirect(user, next_url):
    if user_has_device(user, confirmed=True):
        return redirect(_url_with_next(VERIFY_URL_NAME, next_url))
    return redirect(_url_with_next(SETUP_URL_NAME, next_url))


# --- Codes ---------------------------------------------------------------------------------

TOTP_CODE = re.compile(r"\d{6}")


def normalise_code(value):
    return re.sub(r"[\s\-.]", "", value or "").lower()


def format_backup_code(token):
    return " ".join(token[i : i + 4] for i in range(0, len(token), 4))


def new_backup_codes(user):
    """Replace the user's backup codes with new ones; return them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    tokens = [
        f"{secrets.randbelow(10**BACKUP_CODE_DIGITS):0{BACKUP_CODE_DIGITS}d}"
        for _ in range(BACKUP_CODE_COUNT)
    ]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=t) for t in tokens])
    return [format_backup_code(token) for token in tokens]


def _throttle_message(info):
    locked_until = (info or {}).get("locked_until")
    seconds = 1
    if locked_until is not None:
        seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    unit = "seconde" if seconds == 1 else "secondes"
    return (
        f"Trop d'essais incorrects. Patientez {seconds}\u00a0{unit}, puis saisissez "
        "le nouveau code affiché par votre application."
    )


WRONG_CODE = (
    "Ce code n'est pas valide. Saisissez le code affiché en ce moment par votre "
    "application (il change toutes les 30\u00a0secondes) ou un code de secours "
    "pas encore utilisé."
)
WRONG_SETUP_CODE = (
    "Ce code n'est pas valide. Vérifiez que l'heure de votre téléphone est juste, "
    "puis saisissez le code affiché en ce moment par l'application."
)


def check_code(devices, code, wrong_message):
    """Try ``code`` on ``devices`` (locked for update); return the device that accepts it.

    Raises a ValidationError with a French message when the code is wrong or when the
    device refuses to check codes for a while (django-otp throttling).
    """
    throttle_info = None
    with transaction.atomic():
        for device in devices.select_for_update():
            allowed, info = device.verify_is_allowed()
            if not allowed:
                throttle_info = info
                continue
            if device.verify_token(code):
                return device
    if throttle_info is not None:
        raise forms.ValidationError(_throttle_message(throttle_info), code="throttled")
    raise forms.ValidationError(wrong_message, code="invalid")


# --- Forms ----------------------------------------------------------------------------------


def _code_field(label, help_text):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=32,
        error_messages={"required": "Saisissez le code."},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "off",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )


class TOTPSetupForm(forms.Form):
    code = _code_field(
        "Code à 6\u00a0chiffres",
        "Le code affiché par votre application d'authentification après avoir scanné le QR code.",
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if not TOTP_CODE.fullmatch(code):
            raise forms.ValidationError(
                "Le code compte 6\u00a0chiffres, sans lettres.", code="format"
            )
        devices = TOTPDevice.objects.filter(pk=self.device.pk)
        check_code(devices, code, WRONG_SETUP_CODE)
        return code


class VerifyForm(forms.Form):
    code = _code_field(
        "Code de vérification",
        "Les 6 chiffres affichés par votre application d'authentification, "
        "ou l'un de vos codes de secours.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if TOTP_CODE.fullmatch(code):
            devices = TOTPDevice.objects.devices_for_user(self.user, confirmed=True)
        else:
            devices = StaticDevice.objects.devices_for_user(self.user, confirmed=True)
        self.device = check_code(devices, code, WRONG_CODE)
        return code


# --- Views ----------------------------------------------------------------------------------


def _qr_svg(url):
    svg = segno.make(url, error="m").svg_inline(
        scale=5, border=4, dark="#000", light="#fff", svgclass="otp-qr", title=None
    )
    label = "QR code à scanner avec votre application d'authentification"
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))  # noqa: S308


def _secret_for_display(device):
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _login_redirect(request):
    return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))


def _login_device(request, device):
    # A new session key once the second factor is passed (no session fixation).
    request.session.cycle_key()
    otp_login(request, device)


@sensitive_post_parameters("code")
@never_cache
def setup(request):
    """Set up the authenticator app: QR code, secret, first code, then backup codes."""
    user = request.user
    if not user.is_authenticated:
        return _login_redirect(request)
    next_url = _next_url(request)
    # Someone holding only the password must not add their own device: once a device
    # is confirmed, setting up a new one requires the second factor first.
    if user_has_device(user, confirmed=True) and not is_verified(user):
        return redirect(_url_with_next(VERIFY_URL_NAME, next_url))

    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by(
        "pk"
    ).first() or TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    form = TOTPSetupForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.refresh_from_db()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        _login_device(request, device)
        return render(
            request,
            "otp/backup_codes.html",
            {"codes": new_backup_codes(user), "next": next_url, "just_set_up": True},
        )
    return render(
        request,
        "otp/setup.html",
        {
            "form": form,
            "next": next_url,
            "qr_svg": _qr_svg(device.config_url),
            "secret": _secret_for_display(device),
            "replacing": user_has_device(user, confirmed=True),
        },
    )


@sensitive_post_parameters("code")
@never_cache
def verify(request):
    """Ask for the second factor: a code from the app or a backup code."""
    user = request.user
    if not user.is_authenticated:
        return _login_redirect(request)
    next_url = _next_url(request)
    if is_verified(user):
        return redirect(next_url)
    if not user_has_device(user, confirmed=True):
        return redirect(_url_with_next(SETUP_URL_NAME, next_url))
    form = VerifyForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        _login_device(request, form.device)
        return redirect(next_url)
    return render(request, "otp/verify.html", {"form": form, "next": next_url})


@never_cache
def backup_codes(request):
    """Count the backup codes left; on POST, replace them with 10 new ones (shown once)."""
    user = request.user
    if not user.is_authenticated:
        return _login_redirect(request)
    if not is_verified(user):
        # Without the middleware (RELIER_REQUIRE_2FA off) this page still needs 2FA.
        target = VERIFY_URL_NAME if user_has_device(user, confirmed=True) else SETUP_URL_NAME
        return redirect(_url_with_next(target, request.get_full_path()))
    next_url = _next_url(request)
    if request.method == "POST":
        return render(
            request, "otp/backup_codes.html", {"codes": new_backup_codes(user), "next": next_url}
        )
    remaining = StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
    return render(
        request, "otp/backup_codes.html", {"codes": None, "remaining": remaining, "next": next_url}
    )
