from django.conf import settings


class AdminContentSecurityPolicyMiddleware:
    """Give the Wagtail admin the policy it needs; public pages keep the strict one.

    Listed just after Django's ContentSecurityPolicyMiddleware, so it sees the response
    first and sets the per-response override that the CSP middleware honours.

    Wagtail renders a preview by running the whole middleware chain again on a dummy
    request for the page's public URL (``request.is_preview``), inside the admin's
    preview view. That inner response gets the public policy, whose header the outer
    admin response then keeps; its ``frame-ancestors 'none'`` made the side-panel
    preview blank. Previews get the public policy (with the inner request's nonce)
    except that the admin, on this same origin, may frame them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False):
            response._csp_config = settings.PREVIEW_CSP
        elif request.path.startswith("/admin/"):
            response._csp_config = settings.ADMIN_CSP
        return response
