"""Pages of the enterprises app, mounted at /enterprises/ by portal.urls."""

from django.urls import path

from .views import certificates, claims, imports, pledges, public, registry, standards

app_name = "enterprises"

urlpatterns = [
    # Registry
    path("", registry.EnterpriseListView.as_view(), name="list"),
    path("new/", registry.EnterpriseFormView.as_view(), name="create"),
    path("<int:pk>/", registry.EnterpriseDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", registry.EnterpriseFormView.as_view(), name="edit"),
    path("export/", registry.EnterpriseExportView.as_view(), name="export"),
    path("import/", imports.ImportView.as_view(), name="import"),
    path("import/start/", imports.StartImportView.as_view(), name="import_start"),
    path("import/cancel/", imports.CancelImportView.as_view(), name="import_cancel"),
    path("import/template/", imports.TemplateView.as_view(), name="import_template"),
    # Enterprise accounts and claims
    path("signup/", claims.signup, name="signup"),
    path("signup/sent/", claims.signup_sent, name="signup_sent"),
    path("signup/<str:token>/", claims.signup_confirm, name="signup_confirm"),
    path("mine/", claims.MineView.as_view(), name="mine"),
    path("claims/", claims.ClaimListView.as_view(), name="claims"),
    path("claims/<int:pk>/decide/", claims.decide, name="claim_decide"),
    # Quality pledges and recognition (task 2)
    path("pledges/review/", pledges.review_list, name="pledge_review"),
    path("pledges/mine/", pledges.my_pledges, name="my_pledges"),
    path("pledges/new/", pledges.create, name="pledge_create"),
    path("pledges/<int:pk>/", pledges.detail, name="pledge_detail"),
    path("pledges/<int:pk>/edit/", pledges.edit, name="pledge_edit"),
    path("pledges/<int:pk>/action/", pledges.act, name="pledge_action"),
    path("recognitions/", pledges.recognitions, name="recognitions"),
    path("recognitions/new/<int:enterprise_pk>/", pledges.recognise, name="recognise"),
    # Standard self-declarations (task 7)
    path("standards/", standards.staff_list, name="declarations"),
    path("standards/mine/", standards.mine, name="my_declarations"),
    path("standards/new/", standards.create, name="declaration_create"),
    path("standards/<int:pk>/", standards.detail, name="declaration_detail"),
    path("standards/<int:pk>/edit/", standards.edit, name="declaration_edit"),
    path("standards/<int:pk>/front-runner/", standards.decide, name="declaration_decide"),
    path("standards/draws/new/", standards.draw, name="declaration_draw"),
    path("standards/draws/<int:pk>/", standards.draw_detail, name="draw_detail"),
    path("standards/samples/<int:pk>/outcome/", standards.outcome, name="sample_outcome"),
    path(
        "standards/draws/<int:pk>/candidates.txt",
        standards.draw_candidates,
        name="draw_candidates",
    ),
    # Service certificates (task 8)
    path("certificates/", certificates.overview, name="certificates"),
    path("certificates/mine/", certificates.mine, name="my_certificates"),
    path("certificates/new/", certificates.create, name="certificate_create"),
    path("certificates/<int:pk>/", certificates.detail, name="certificate_detail"),
    path("certificates/<int:pk>/edit/", certificates.edit, name="certificate_edit"),
    path("certificates/<int:pk>/action/", certificates.act, name="certificate_action"),
    path("certificates/<int:pk>/scan/", certificates.scan, name="certificate_scan"),
    # Public pages
    path("public/pledges/", public.pledges, name="public_pledges"),
    path("public/pledges/<str:uscc>/", public.enterprise_pledges, name="public_enterprise"),
    path("public/standards/", public.declarations, name="public_declarations"),
    path("public/standards/<int:pk>/", public.declaration, name="public_declaration"),
]
