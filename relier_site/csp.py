from django.conf import settings


class AdminContentSecurityPolicyMiddleware:
    """Give the Wagtail admin the policy it needs; public pages keep the strict one.

    Listed just after Django's ContentSecurityPolicyMiddleware, so it sees the response
    first and sets the per-response override that the CSP middleware honours.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response._csp_config = settings.ADMIN_CSP
        return response
