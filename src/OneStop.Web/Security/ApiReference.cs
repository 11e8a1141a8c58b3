namespace OneStop.Web.Security;

/// <summary>
/// Whether the API reference UI (/scalar) is served: in Development and Testing, and elsewhere only when OpenApi:ShowReference=true.
/// The OpenAPI document itself (/openapi/v1.json) stays available to integrators.
/// </summary>
public sealed class ApiReference(IConfiguration configuration, IHostEnvironment environment)
{
    public bool Enabled => configuration.GetValue<bool?>("OpenApi:ShowReference") ?? !ProductionGuard.AppliesTo(environment);
}
