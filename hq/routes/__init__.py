"""HQ's HTTP routes, one ``APIRouter`` per area (:mod:`hq.api` includes them all).

Every router module imports only :mod:`hq.routes.deps` (engine, authentication,
response class, body reader) and :mod:`hq.routes.schemas` (request bodies) from this
package, never another router nor :mod:`hq.api`.
"""
