from django import template

register = template.Library()


@register.filter
def sent(letters):
    """The letters that went to the requester: a draft is staff's alone."""
    return letters.filter(sent_at__isnull=False)
