"""Forms of the platform: the admin login form, in French."""

from wagtail.admin.forms.auth import LoginForm


class StaffLoginForm(LoginForm):
    """Wagtail's login form with French labels (its password field has none, so Django
    showed the English field name "Password")."""

    error_messages = {
        **LoginForm.error_messages,
        "invalid_login": "Identifiant ou mot de passe incorrect. Vérifiez-les et réessayez.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Identifiant"
        self.fields["username"].widget.attrs["placeholder"] = "Votre identifiant"
        self.fields["password"].label = "Mot de passe"
        self.fields["password"].widget.attrs["placeholder"] = "Votre mot de passe"
