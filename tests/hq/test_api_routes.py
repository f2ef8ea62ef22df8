"""HQ's API keeps its operations: every path, method, OpenAPI operation id and tag,
recorded when the routes were split into routers by area (hq/routes/)."""

from __future__ import annotations

from hq.api import create_app

OPERATIONS = [
    ("/api/v1/admin/allowances", "get", "list_allowances_api_v1_admin_allowances_get", ["members"]),
    ("/api/v1/admin/allowances", "post",
     "grant_allowance_api_v1_admin_allowances_post", ["members"]),
    ("/api/v1/admin/allowances/{allowance_id}/settle", "post",
     "settle_allowance_api_v1_admin_allowances__allowance_id__settle_post", ["members"]),
    ("/api/v1/admin/audit", "get", "audit_api_v1_admin_audit_get", ["staff"]),
    ("/api/v1/admin/coupons", "post", "issue_coupon_api_v1_admin_coupons_post", ["members"]),
    ("/api/v1/admin/coupons/batch", "post",
     "issue_coupons_api_v1_admin_coupons_batch_post", ["members"]),
    ("/api/v1/admin/coupons/conflicts", "get",
     "coupon_conflicts_api_v1_admin_coupons_conflicts_get", ["members"]),
    ("/api/v1/admin/loyalty/findings", "get",
     "loyalty_findings_api_v1_admin_loyalty_findings_get", ["members"]),
    ("/api/v1/admin/loyalty/rules", "get",
     "loyalty_rules_api_v1_admin_loyalty_rules_get", ["members"]),
    ("/api/v1/admin/loyalty/rules", "post",
     "import_loyalty_rules_api_v1_admin_loyalty_rules_post", ["members"]),
    ("/api/v1/admin/members/bought", "get",
     "members_bought_api_v1_admin_members_bought_get", ["members"]),
    ("/api/v1/admin/members/lookup", "get",
     "member_lookup_api_v1_admin_members_lookup_get", ["members"]),
    ("/api/v1/admin/members/stats", "get",
     "member_stats_api_v1_admin_members_stats_get", ["members"]),
    ("/api/v1/admin/members/{member_id}", "patch",
     "member_update_api_v1_admin_members__member_id__patch", ["members"]),
    ("/api/v1/admin/members/{member_id}/purchases", "get",
     "member_purchases_api_v1_admin_members__member_id__purchases_get", ["members"]),
    ("/api/v1/admin/orders", "post", "import_orders_api_v1_admin_orders_post", ["members"]),
    ("/api/v1/admin/pairing-codes", "post",
     "pairing_code_api_v1_admin_pairing_codes_post", ["admin"]),
    ("/api/v1/admin/pricing", "post", "import_pricing_api_v1_admin_pricing_post", ["admin"]),
    ("/api/v1/admin/pricing/{kind}/{doc_id}", "delete",
     "delete_pricing_api_v1_admin_pricing__kind___doc_id__delete", ["admin"]),
    ("/api/v1/admin/products", "post", "import_products_api_v1_admin_products_post", ["admin"]),
    ("/api/v1/admin/quarantine", "get", "list_quarantine_api_v1_admin_quarantine_get", ["admin"]),
    ("/api/v1/admin/sales", "get", "list_sales_api_v1_admin_sales_get", ["admin"]),
    ("/api/v1/admin/shifts", "get", "list_shifts_api_v1_admin_shifts_get", ["staff"]),
    ("/api/v1/admin/stores", "get", "list_stores_api_v1_admin_stores_get", ["admin"]),
    ("/api/v1/admin/stores", "post", "create_store_api_v1_admin_stores_post", ["admin"]),
    ("/api/v1/admin/terminals", "get", "list_terminals_api_v1_admin_terminals_get", ["admin"]),
    ("/api/v1/admin/terminals/{store_id}/{terminal_id}/revoke", "post",
     "revoke_api_v1_admin_terminals__store_id___terminal_id__revoke_post", ["admin"]),
    ("/api/v1/admin/users", "get", "list_users_api_v1_admin_users_get", ["staff"]),
    ("/api/v1/admin/users", "post", "save_user_api_v1_admin_users_post", ["staff"]),
    ("/api/v1/admin/users/{user_id}/deactivate", "post",
     "deactivate_user_api_v1_admin_users__user_id__deactivate_post", ["staff"]),
    ("/api/v1/admin/users/{user_id}/reset-pin", "post",
     "reset_pin_api_v1_admin_users__user_id__reset_pin_post", ["staff"]),
    ("/api/v1/admin/z-reports", "get", "z_reports_api_v1_admin_z_reports_get", ["staff"]),
    ("/api/v1/enroll", "post", "enroll_api_v1_enroll_post", ["terminal"]),
    ("/api/v1/events", "post", "push_api_v1_events_post", ["terminal"]),
    ("/api/v1/feed", "get", "get_feed_api_v1_feed_get", ["terminal"]),
    ("/api/v1/members/{member_id}/purchases", "get",
     "terminal_member_purchases_api_v1_members__member_id__purchases_get", ["terminal"]),
    ("/api/v1/quote", "post", "post_quote_api_v1_quote_post", ["pricing"]),
    ("/api/v1/terminal", "get", "whoami_api_v1_terminal_get", ["terminal"]),
    ("/healthz", "get", "health_healthz_get", ["ops"]),
]


def test_the_api_has_exactly_the_recorded_operations(tmp_path):
    doc = create_app(f"sqlite:///{tmp_path / 'hq.db'}").openapi()
    found = sorted((path, method, op["operationId"], op["tags"])
                   for path, ops in doc["paths"].items() for method, op in ops.items())
    assert found == OPERATIONS


def test_admin_operations_and_only_they_need_the_admin_token(tmp_path):
    """Every admin operation documents the bearer header it checks before the body."""
    doc = create_app(f"sqlite:///{tmp_path / 'hq.db'}").openapi()
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            headers = {p["name"] for p in op.get("parameters", []) if p["in"] == "header"}
            needs_token = path.startswith("/api/v1/admin/") or path == "/api/v1/quote"
            if needs_token or path in ("/api/v1/terminal", "/api/v1/feed", "/api/v1/events",
                                       "/api/v1/members/{member_id}/purchases"):
                assert headers == {"authorization"}, (method, path)
            else:
                assert headers == set(), (method, path)
