namespace OneStop.Web.Features.Accounts;

/// <summary>
/// The external OpenID Connect provider the province configures for citizens (the national identity platform VNeID or the national
/// portal's single sign-on). Sign-in through it is offered only when <see cref="Authority"/> is set. Section <c>NationalIdentity</c>;
/// docs/OPERATIONS.md lists every setting.
/// </summary>
public sealed class NationalIdentityOptions
{
    public const string Section = "NationalIdentity";

    /// <summary>The authentication scheme, also the provider name stored with each bound account (<c>user_logins.login_provider</c>).</summary>
    public const string Scheme = "NationalIdentity";

    /// <summary>The provider's issuer address (its discovery document is read from <c>.well-known/openid-configuration</c> under it).</summary>
    public string? Authority { get; set; }

    public string ClientId { get; set; } = string.Empty;

    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked besides <c>openid</c>, separated by spaces.</summary>
    public string Scopes { get; set; } = "profile email";

    /// <summary>The local path the provider redirects back to; registered with the provider as the public address plus this path.</summary>
    public string CallbackPath { get; set; } = "/signin-national-identity";

    /// <summary>The button's text on the sign-in page.</summary>
    public string DisplayName { get; set; } = "Đăng nhập bằng tài khoản định danh điện tử VNeID";

    /// <summary>Whether the discovery document must be https; always true outside Development and Testing.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether the claims are read from the user-info endpoint as well as the ID token.</summary>
    public bool UseUserInfo { get; set; }

    public ClaimNames Claims { get; set; } = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The names of the provider's claims (as the provider sends them: OneStop does not map them).</summary>
    public sealed class ClaimNames
    {
        /// <summary>The stable subject bound to the account.</summary>
        public string Subject { get; set; } = "sub";

        /// <summary>The CCCD (12 digits) or CMND (9 digits).</summary>
        public string IdentityNumber { get; set; } = "identity_number";

        public string FullName { get; set; } = "name";

        public string Email { get; set; } = "email";

        public string EmailVerified { get; set; } = "email_verified";
    }
}
