"""The API documentation pages (drf-spectacular-sidecar), with their own CSP allowances.

Swagger UI and Redoc style themselves with inline styles and Redoc runs a
worker from a blob: URL; only these two routes relax the policy for that.
Scripts stay 'self' only: Swagger's initialiser is served as its own file.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_update
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView

DOCS_POLICY = {"style-src": [UNSAFE_INLINE], "worker-src": [SELF, "blob:"]}

swagger = csp_update(DOCS_POLICY)(SpectacularSwaggerSplitView.as_view(url_name="schema"))
redoc = csp_update(DOCS_POLICY)(
    SpectacularRedocView.as_view(url_name="schema", template_name="api/redoc.html")
)
