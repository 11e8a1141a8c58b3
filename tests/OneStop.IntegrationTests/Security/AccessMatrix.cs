namespace OneStop.IntegrationTests.Security;

/// <summary>Who may call an endpoint or open a page (the role gate).</summary>
[Flags]
public enum Who
{
    Nobody = 0,
    Anonymous = 1,
    Citizen = 2,
    Reception = 4,
    Specialist = 8,
    Leader = 16,
    Admin = 32,

    Officials = Reception | Specialist | Leader,
    SignedIn = Citizen | Officials | Admin,
    Anyone = Anonymous | SignedIn,
}

/// <summary>Whose resource it must be, beyond the role: none, the applicant's own dossier, or a dossier of the official's agency (or of a step it holds).</summary>
public enum Scope
{
    None,
    Own,
    Agency,
}

/// <summary>
/// One endpoint's or page's access: who passes, whose resource it must be, for a scoped write the body a stranger's attempt sends
/// (so the ownership check, not the validation, is what refuses it; "multipart" sends a PDF; for a page handler a form,
/// "name=value&amp;name={routeParameter}", whose braced values come from the prepared dossier), and whether the endpoint itself
/// answers 401 to wrong credentials (sign-in), which is then not a refusal by the gate.
/// </summary>
public sealed record Access(Who Allowed, Scope Scope = Scope.None, string? Probe = null, bool Authenticates = false);

/// <summary>
/// Every endpoint of the endpoint data source (minimal APIs as "METHOD /route", Razor Pages as "PAGE /Folder/Page", their other
/// handlers as "PAGE POST /Folder/Page?handler=Name") with who may
/// reach it. A new endpoint or page without a line here fails <see cref="AccessMatrixTests"/> with the line to add; every line is
/// exercised for each role, anonymous, and for scoped resources as another citizen and an official of another agency.
/// </summary>
public static class AccessMatrix
{
    public static readonly IReadOnlyDictionary<string, Access> Entries = new Dictionary<string, Access>(StringComparer.Ordinal)
    {
        // Host and documentation
        ["ANY /health"] = new(Who.Anyone),
        ["ANY /health/live"] = new(Who.Anyone),
        ["ANY /health/ready"] = new(Who.Anyone),
        ["GET /culture"] = new(Who.Anyone),
        ["GET /openapi/{documentName}.json"] = new(Who.Anyone),
        ["GET /scalar/{documentName?}"] = new(Who.Anyone),
        ["GET /scalar/scalar.js"] = new(Who.Anyone),
        ["GET /scalar/scalar.aspnetcore.js"] = new(Who.Anyone),
        ["GET /scalar/favicon.svg"] = new(Who.Anyone),
        ["GET,HEAD /{**path:file}"] = new(Who.Anyone),

        // API: accounts
        ["POST /api/v1/auth/login"] = new(Who.Anyone, Authenticates: true),
        ["POST /api/v1/auth/refresh"] = new(Who.Anyone, Authenticates: true),
        ["POST /api/v1/auth/register"] = new(Who.Anyone),
        ["POST /api/v1/auth/resend-confirmation"] = new(Who.Anyone),
        ["GET /api/v1/me"] = new(Who.SignedIn),
        ["GET /api/v1/notifications/"] = new(Who.SignedIn),
        ["POST /api/v1/notifications/{id:guid}/read"] = new(Who.SignedIn),
        ["POST /api/v1/notifications/read-all"] = new(Who.SignedIn),

        // API: public
        ["GET /api/v1/procedures/"] = new(Who.Anyone),
        ["GET /api/v1/procedures/{code}"] = new(Who.Anyone),
        ["GET /api/v1/lookup/{code}"] = new(Who.Anyone),
        ["GET /api/v1/verify/{key}"] = new(Who.Anyone),
        ["POST /api/v1/verify/"] = new(Who.Anyone),
        ["POST /api/v1/verify/{key}"] = new(Who.Anyone),
        ["POST /api/v1/payments/callback"] = new(Who.Anyone),

        // API: the national portal (anonymous, verified by its HMAC signature: 401 when unsigned; 404 while switched off)
        ["POST /api/v1/national-portal/dossiers"] = new(Who.Anyone, Authenticates: true),
        ["POST /api/v1/national-portal/simulator/messages"] = new(Who.Anyone, Authenticates: true),

        // API: a citizen's own dossiers
        ["POST /api/v1/dossiers/"] = new(Who.Citizen),
        ["GET /api/v1/dossiers/"] = new(Who.Citizen),
        ["GET /api/v1/dossiers/{id:guid}"] = new(Who.Citizen, Scope.Own),
        ["PUT /api/v1/dossiers/{id:guid}"] = new(Who.Citizen, Scope.Own, """{"formData":{}}"""),
        ["POST /api/v1/dossiers/{id:guid}/attachments"] = new(Who.Citizen, Scope.Own, "multipart"),
        ["POST /api/v1/dossiers/{id:guid}/attachments/from-store"] = new(Who.Citizen, Scope.Own,
            """{"documentCode":"DON","storedDocumentId":"00000000-0000-0000-0000-000000000001"}"""),

        // API: a citizen's own document store (another citizen's document is a 404: DocumentStoreTests)
        ["GET /api/v1/store/"] = new(Who.Citizen),
        ["GET /api/v1/store/{id:guid}/content"] = new(Who.Citizen, Scope.Own),
        ["DELETE /api/v1/store/{id:guid}"] = new(Who.Citizen, Scope.Own),
        ["POST /api/v1/dossiers/{id:guid}/submit"] = new(Who.Citizen, Scope.Own),
        ["POST /api/v1/dossiers/{id:guid}/resubmit"] = new(Who.Citizen, Scope.Own, """{"comment":"Đã bổ sung"}"""),
        ["POST /api/v1/dossiers/{id:guid}/withdraw"] = new(Who.Citizen, Scope.Own, """{"reason":"Không cần nữa"}"""),
        ["POST /api/v1/dossiers/{id:guid}/payments/"] = new(Who.Citizen, Scope.Own),
        ["GET /api/v1/dossiers/{id:guid}/payments/"] = new(Who.Citizen, Scope.Own),
        ["GET /api/v1/dossiers/{id:guid}/delivery/"] = new(Who.Citizen, Scope.Own),
        ["PUT /api/v1/dossiers/{id:guid}/delivery/"] = new(Who.Citizen, Scope.Own, """{"delivery":"Electronic"}"""),
        ["GET /api/v1/dossiers/{id:guid}/rating/"] = new(Who.Citizen), // 404 until rated: its owner check is exercised by POST
        ["POST /api/v1/dossiers/{id:guid}/rating/"] = new(Who.Citizen, Scope.Own, """{"score":5,"comment":"Tốt"}"""),

        // API: a dossier's papers — its applicant, and the officials of its agency (or of a step their agency holds)
        ["GET /api/v1/dossiers/{id:guid}/documents/{documentId:guid}"] = new(Who.Citizen | Who.Officials, Scope.Own),
        ["GET /api/v1/dossiers/{id:guid}/attachments/{attachmentId:guid}"] = new(Who.Citizen | Who.Officials, Scope.Own),

        // API: officials
        ["POST /api/v1/dossiers/{id:guid}/documents"] = new(Who.Officials, Scope.Agency, """{"kind":"controlSlip"}"""),
        ["GET /api/v1/register"] = new(Who.Officials),

        // API: the officials' workspace (the inbox, a dossier of their agency, its actions)
        ["GET /api/v1/workspace/inbox"] = new(Who.Officials),
        ["GET /api/v1/workspace/dossiers/{id:guid}"] = new(Who.Officials, Scope.Agency),
        ["POST /api/v1/workspace/dossiers/{id:guid}/tasks/{taskId:guid}/claim"] = new(Who.Officials, Scope.Agency),
        ["POST /api/v1/workspace/dossiers/{id:guid}/tasks/{taskId:guid}/assign"] = new(Who.Officials, Scope.Agency),
        ["POST /api/v1/workspace/dossiers/{id:guid}/tasks/{taskId:guid}/actions/{actionId}"] = new(Who.Officials, Scope.Agency),
        ["POST /api/v1/workspace/dossiers/{id:guid}/apology"] = new(Who.Officials, Scope.Agency, """{"newDate":"2030-01-10","reason":"Chậm do thẩm định"}"""),
        ["POST /api/v1/workspace/dossiers/{id:guid}/attachments/{attachmentId:guid}/certify"] = new(Who.Reception, Scope.Agency),
        // "Ký lại" a document whose remote signature failed: owned by its signer (the scenario's is the leader's); any other official of the
        // agency is refused with 403, another agency's with 404.
        ["POST /api/v1/workspace/dossiers/{id:guid}/signatures/{signatureId:guid}/resign"] = new(Who.Leader, Scope.Agency),
        ["POST /api/v1/workspace/walk-ins"] = new(Who.Reception),
        ["GET /api/v1/workspace/register"] = new(Who.Officials),

        // API: administration
        ["GET /api/v1/admin/procedures/{code}/result-template"] = new(Who.Admin),
        ["PUT /api/v1/admin/procedures/{code}/result-template"] = new(Who.Admin),
        ["GET /api/v1/admin/workflows/"] = new(Who.Admin),
        ["GET /api/v1/admin/workflows/{id}/{version:int}"] = new(Who.Admin),
        ["POST /api/v1/admin/workflows/validate"] = new(Who.Admin),
        ["POST /api/v1/admin/workflows/"] = new(Who.Admin),
        ["POST /api/v1/admin/workflows/simulate"] = new(Who.Admin),
        ["POST /api/v1/admin/workflows/{id}/migrations/preview"] = new(Who.Admin),
        ["POST /api/v1/admin/workflows/{id}/migrations"] = new(Who.Admin),

        // Pages: public and accounts
        ["PAGE /Index"] = new(Who.Anyone),
        ["PAGE /Error"] = new(Who.Anyone),
        ["PAGE /Lookup"] = new(Who.Anyone),
        ["PAGE /Procedures/Index"] = new(Who.Anyone),
        ["PAGE /Procedures/Detail"] = new(Who.Anyone),
        ["PAGE /Verify/Index"] = new(Who.Anyone),
        ["PAGE /Payments/Return"] = new(Who.Anyone),
        ["PAGE /Payments/Simulated"] = new(Who.Anyone),
        ["PAGE /Account/Login"] = new(Who.Anyone),
        ["PAGE /Account/LoginWith2fa"] = new(Who.Anyone),
        ["PAGE /Account/Logout"] = new(Who.Anyone),
        ["PAGE /Account/Register"] = new(Who.Anyone),
        ["PAGE /Account/RegisterConfirmation"] = new(Who.Anyone),
        ["PAGE /Account/ResendConfirmation"] = new(Who.Anyone),
        ["PAGE /Account/ConfirmEmail"] = new(Who.Anyone),
        ["PAGE /Account/ExternalLogin"] = new(Who.Anyone),
        ["PAGE /Account/ConfirmExternalLogin"] = new(Who.Anyone),
        ["PAGE /Account/ForgotPassword"] = new(Who.Anyone),
        ["PAGE /Account/ResetPassword"] = new(Who.Anyone),
        ["PAGE /Account/Manage/Index"] = new(Who.SignedIn),
        ["PAGE /Account/Manage/TwoFactor"] = new(Who.SignedIn),
        ["PAGE /Notifications/Index"] = new(Who.SignedIn),

        // Pages: citizens
        ["PAGE /Portal/Mine"] = new(Who.Citizen),
        ["PAGE /Portal/Apply"] = new(Who.Citizen),
        ["PAGE /Portal/Detail"] = new(Who.Citizen, Scope.Own),
        ["PAGE /Portal/Store"] = new(Who.Citizen),

        // Pages: officials
        ["PAGE /Workspace/Index"] = new(Who.Officials),
        ["PAGE /Workspace/Dossier"] = new(Who.Officials, Scope.Agency),
        ["PAGE /Workspace/Register"] = new(Who.Officials),
        ["PAGE /Workspace/Walkin"] = new(Who.Reception),
        ["PAGE /Officials/Reassignments"] = new(Who.Officials),
        ["PAGE /Reports/Statistics"] = new(Who.Leader | Who.Admin),

        // Pages: administration
        ["PAGE /Admin/Index"] = new(Who.Admin),
        ["PAGE /Admin/Audit"] = new(Who.Admin),
        ["PAGE /Admin/Calendar"] = new(Who.Admin),
        ["PAGE /Admin/Legacy"] = new(Who.Admin),
        ["PAGE /Admin/NationalPortal"] = new(Who.Admin),
        ["PAGE /Admin/Signing"] = new(Who.Admin),
        ["PAGE /Admin/Settings"] = new(Who.Admin),
        ["PAGE /Admin/Users"] = new(Who.Admin),
        ["PAGE /Admin/Officials/Index"] = new(Who.Admin),
        ["PAGE /Admin/Officials/Edit"] = new(Who.Admin),
        ["PAGE /Admin/Organisation/Index"] = new(Who.Admin),
        ["PAGE /Admin/Organisation/Agency"] = new(Who.Admin),
        ["PAGE /Admin/Procedures/Index"] = new(Who.Admin),
        ["PAGE /Admin/Procedures/Edit"] = new(Who.Admin),
        ["PAGE /Admin/Workflows/Index"] = new(Who.Admin),
        ["PAGE /Admin/Workflows/Edit"] = new(Who.Admin),
        ["PAGE /Admin/Workflows/Migrate"] = new(Who.Admin),
        ["PAGE /Admin/Workflows/Simulate"] = new(Who.Admin),

        // Page handlers: public and accounts (a page's plain GET is its page's line above)
        ["PAGE GET /Account/ExternalLogin?handler=Callback"] = new(Who.Anyone),
        ["PAGE GET /Account/ExternalLogin?handler=Failed"] = new(Who.Anyone),
        ["PAGE POST /Account/ExternalLogin"] = new(Who.Anyone),
        ["PAGE POST /Account/ExternalLogin?handler=Email"] = new(Who.Anyone),
        ["PAGE POST /Account/ForgotPassword"] = new(Who.Anyone),
        ["PAGE POST /Account/Login"] = new(Who.Anyone),
        ["PAGE POST /Account/LoginWith2fa"] = new(Who.Anyone),
        ["PAGE POST /Account/Logout"] = new(Who.Anyone),
        ["PAGE POST /Account/Manage/Index"] = new(Who.SignedIn),
        ["PAGE POST /Account/Manage/TwoFactor"] = new(Who.SignedIn),
        ["PAGE POST /Account/Manage/TwoFactor?handler=Disable"] = new(Who.SignedIn),
        ["PAGE POST /Account/Register"] = new(Who.Anyone),
        ["PAGE POST /Account/ResendConfirmation"] = new(Who.Anyone),
        ["PAGE POST /Account/ResetPassword"] = new(Who.Anyone),
        ["PAGE POST /Error"] = new(Who.Anyone),
        ["PAGE POST /Payments/Simulated"] = new(Who.Anyone),
        ["PAGE POST /Verify/Index"] = new(Who.Anyone),

        // Page handlers: citizens (the dossier's, or the store document's, owner: the use case answers another citizen with 404)
        ["PAGE POST /Notifications/Index?handler=Read"] = new(Who.SignedIn),
        ["PAGE POST /Notifications/Index?handler=ReadAll"] = new(Who.SignedIn),
        ["PAGE POST /Portal/Apply"] = new(Who.Citizen),
        ["PAGE POST /Portal/Apply?handler=Autosave"] = new(Who.Citizen),
        ["PAGE POST /Portal/Detail"] = new(Who.Citizen),
        ["PAGE POST /Portal/Detail?handler=Delivery"] = new(Who.Citizen),
        ["PAGE POST /Portal/Detail?handler=Pay"] = new(Who.Citizen),
        ["PAGE POST /Portal/Detail?handler=Rate"] = new(Who.Citizen),
        ["PAGE POST /Portal/Detail?handler=Withdraw"] = new(Who.Citizen),
        ["PAGE POST /Portal/Store?handler=Delete"] = new(Who.Citizen),

        // Page handlers: officials (a dossier the official's agency cannot see is a 404 before the handler runs; what a role may do on it —
        // certify at the counter, "Ký lại" by the signer alone — is refused by the use case and tested in Workspace/AuthorisationMatrixTests
        // and Signing/RemoteSigningTests)
        ["PAGE GET /Reports/Statistics?handler=Csv"] = new(Who.Admin | Who.Leader),
        ["PAGE POST /Officials/Reassignments?handler=Assign"] = new(Who.Leader | Who.Reception | Who.Specialist),
        ["PAGE POST /Workspace/Dossier"] = new(Who.Leader | Who.Reception | Who.Specialist),
        ["PAGE POST /Workspace/Dossier?handler=Apology"] = new(Who.Leader | Who.Reception | Who.Specialist),
        ["PAGE POST /Workspace/Dossier?handler=Assign"] = new(Who.Leader | Who.Reception | Who.Specialist),
        ["PAGE POST /Workspace/Dossier?handler=Certify"] = new(Who.Leader | Who.Reception | Who.Specialist),
        ["PAGE POST /Workspace/Dossier?handler=Claim"] = new(Who.Leader | Who.Reception | Who.Specialist),
        ["PAGE POST /Workspace/Dossier?handler=Resign"] = new(Who.Leader | Who.Reception | Who.Specialist),
        ["PAGE POST /Workspace/Index?handler=Claim"] = new(Who.Leader | Who.Reception | Who.Specialist),
        ["PAGE POST /Workspace/Walkin"] = new(Who.Reception),

        // Page handlers: administration
        ["PAGE GET /Admin/Legacy?handler=Json"] = new(Who.Admin),
        ["PAGE GET /Admin/Workflows/Edit?handler=Procedure"] = new(Who.Admin),
        ["PAGE GET /Admin/Workflows/Edit?handler=Procedures"] = new(Who.Admin),
        ["PAGE POST /Admin/Calendar?handler=Hours"] = new(Who.Admin),
        ["PAGE POST /Admin/Calendar?handler=Reset"] = new(Who.Admin),
        ["PAGE POST /Admin/Calendar?handler=Year"] = new(Who.Admin),
        ["PAGE POST /Admin/Legacy?handler=Upload"] = new(Who.Admin),
        ["PAGE POST /Admin/NationalPortal?handler=Retry"] = new(Who.Admin),
        ["PAGE POST /Admin/Officials/Edit?handler=Assign"] = new(Who.Admin),
        ["PAGE POST /Admin/Officials/Edit?handler=Deactivate"] = new(Who.Admin),
        ["PAGE POST /Admin/Officials/Edit?handler=Reactivate"] = new(Who.Admin),
        ["PAGE POST /Admin/Officials/Edit?handler=Resend"] = new(Who.Admin),
        ["PAGE POST /Admin/Officials/Edit?handler=ResetTwoFactor"] = new(Who.Admin),
        ["PAGE POST /Admin/Officials/Index?handler=Invite"] = new(Who.Admin),
        ["PAGE POST /Admin/Organisation/Agency?handler=AddCounter"] = new(Who.Admin),
        ["PAGE POST /Admin/Organisation/Agency?handler=AddDepartment"] = new(Who.Admin),
        ["PAGE POST /Admin/Organisation/Agency?handler=Close"] = new(Who.Admin),
        ["PAGE POST /Admin/Organisation/Agency?handler=Update"] = new(Who.Admin),
        ["PAGE POST /Admin/Organisation/Agency?handler=UpdateCounter"] = new(Who.Admin),
        ["PAGE POST /Admin/Organisation/Agency?handler=UpdateDepartment"] = new(Who.Admin),
        ["PAGE POST /Admin/Organisation/Index?handler=Create"] = new(Who.Admin),
        ["PAGE POST /Admin/Procedures/Edit?handler=Preview"] = new(Who.Admin),
        ["PAGE POST /Admin/Procedures/Edit?handler=Publish"] = new(Who.Admin),
        ["PAGE POST /Admin/Procedures/Edit?handler=Save"] = new(Who.Admin),
        ["PAGE POST /Admin/Procedures/Edit?handler=Unpublish"] = new(Who.Admin),
        ["PAGE POST /Admin/Settings?handler=Payment"] = new(Who.Admin),
        ["PAGE POST /Admin/Settings?handler=Province"] = new(Who.Admin),
        ["PAGE POST /Admin/Settings?handler=Smtp"] = new(Who.Admin),
        ["PAGE POST /Admin/Settings?handler=Uploads"] = new(Who.Admin),
        ["PAGE POST /Admin/Signing?handler=Anchor"] = new(Who.Admin),
        ["PAGE POST /Admin/Signing?handler=Position"] = new(Who.Admin),
        ["PAGE POST /Admin/Signing?handler=Remote"] = new(Who.Admin),
        ["PAGE POST /Admin/Signing?handler=RemoveAnchor"] = new(Who.Admin),
        ["PAGE POST /Admin/Signing?handler=Revoke"] = new(Who.Admin),
        ["PAGE POST /Admin/Signing?handler=Upload"] = new(Who.Admin),
        ["PAGE POST /Admin/Users?handler=Lock"] = new(Who.Admin),
        ["PAGE POST /Admin/Users?handler=Unlock"] = new(Who.Admin),
        ["PAGE POST /Admin/Workflows/Edit?handler=Check"] = new(Who.Admin),
        ["PAGE POST /Admin/Workflows/Edit?handler=Publish"] = new(Who.Admin),
        ["PAGE POST /Admin/Workflows/Edit?handler=Simulate"] = new(Who.Admin),
        ["PAGE POST /Admin/Workflows/Edit?handler=Upload"] = new(Who.Admin),
        ["PAGE POST /Admin/Workflows/Migrate?handler=Apply"] = new(Who.Admin),
        ["PAGE POST /Admin/Workflows/Migrate?handler=Preview"] = new(Who.Admin),
        ["PAGE POST /Admin/Workflows/Simulate"] = new(Who.Admin),
    };
}
