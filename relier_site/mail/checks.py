"""System check (tag "mail"): ``manage.py check`` compiles every ``emails/*.mjml`` and
reports a broken one, or a message without its text part, by its file name."""

from django.core import checks
from django.template import TemplateDoesNotExist, TemplateSyntaxError

from .rendering import (
    CONTENT_PLACEHOLDER,
    MJMLTemplateError,
    compile_document,
    django_engine,
    get_html_template,
    is_full_document,
    iter_mjml_templates,
    template_base_name,
)


def _check_one(name, path):
    """Compile one .mjml file (a layout on its own, a message in its layout)."""
    source = path.read_text(encoding="utf-8")
    if CONTENT_PLACEHOLDER in source and is_full_document(source):
        html = compile_document(name, source.replace(CONTENT_PLACEHOLDER, "", 1), path.parent)
        try:
            django_engine().from_string(html)
        except TemplateSyntaxError as exc:
            raise MJMLTemplateError(name, f"syntaxe Django : {exc}") from exc
        return False
    get_html_template(name)
    return True


@checks.register("mail")
def check_email_templates(app_configs=None, **kwargs):
    """Compile every emails/*.mjml; report a broken one (and a missing text part) by name."""
    messages = []
    for name, path in iter_mjml_templates():
        try:
            is_message = _check_one(name, path)
        except (MJMLTemplateError, TemplateDoesNotExist) as exc:
            detail = exc.detail if isinstance(exc, MJMLTemplateError) else f"{exc} introuvable"
            messages.append(
                checks.Error(
                    f"Le modèle de courriel « {name} » ne compile pas : {detail}",
                    obj=str(path),
                    id="relier_site.E001",
                )
            )
            continue
        if not is_message:
            continue
        text_name = template_base_name(name) + ".txt"
        try:
            django_engine().engine.get_template(text_name + "#subject")
        except TemplateDoesNotExist:
            messages.append(
                checks.Error(
                    f"Le modèle de courriel « {name} » n'a pas de version texte "
                    f"« {text_name} » définissant son objet ({{% partialdef subject %}}).",
                    obj=str(path),
                    id="relier_site.E002",
                )
            )
        except TemplateSyntaxError as exc:
            messages.append(
                checks.Error(
                    f"Le modèle de courriel « {text_name} » ne compile pas : {exc}",
                    obj=str(path),
                    id="relier_site.E002",
                )
            )
    return messages
