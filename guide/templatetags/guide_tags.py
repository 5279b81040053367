from django import template

register = template.Library()


@register.filter
def results_sentence(total, departement=None):
    """« 12 structures trouvées pour la Seine-Saint-Denis »."""
    if total == 0:
        sentence = "Aucune structure trouvée"
    elif total == 1:
        sentence = "1 structure trouvée"
    else:
        sentence = f"{total} structures trouvées"
    if departement is not None:
        sentence += f" pour {departement.with_article}"
    return sentence


@register.filter
def match_reason(structure, departement=None):
    return structure.match_reason(departement)


@register.filter
def page_range(count):
    return range(1, count + 1)
