using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace OneStop.IntegrationTests.Accounts.NationalIdentity;

/// <summary>A person as the national identity provider knows them.</summary>
public sealed record ProviderPerson(string Subject, string IdentityNumber, string FullName, string Email, bool EmailVerified);

/// <summary>What the provider saw of one authorisation or token request.</summary>
public sealed record ProviderRequest(string Endpoint, string? ClientId, string? RedirectUri, string? CodeChallenge, string? CodeChallengeMethod, string? CodeVerifier);

/// <summary>
/// A real OpenID Connect server (OpenIddict) on a loopback Kestrel port, standing in for VNeID: discovery, JWKS, authorisation code
/// flow with PKCE required, ephemeral keys, plain HTTP. It runs in OpenIddict's degraded mode (no store): the registered client and its
/// redirect address are checked by the handlers below, and the authorisation endpoint signs in <see cref="Next"/> without a login form.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "onestop-h39";
    public const string ClientSecret = "mat-khau-ung-dung-thu-nghiem-2026";
    public const string IdentityNumberClaim = "so_dinh_danh";

    private readonly WebApplication _app;

    private TestIdentityProvider(WebApplication app, Uri authority)
    {
        _app = app;
        Authority = authority;
    }

    public Uri Authority { get; }

    /// <summary>The redirect address registered for the client (the app's public address plus its callback path).</summary>
    public string? RegisteredRedirectUri { get; set; }

    /// <summary>Who the next authorisation request signs in.</summary>
    public ProviderPerson? Next { get; set; }

    public ConcurrentQueue<ProviderRequest> Requests { get; } = new();

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var contentRoot = Directory.CreateTempSubdirectory("onestop-idp-").FullName;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        TestIdentityProvider? provider = null;
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            options.EnableDegradedMode();
            options.UseAspNetCore().DisableTransportSecurityRequirement().EnableAuthorizationEndpointPassthrough();
            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                provider!.Requests.Enqueue(new ProviderRequest("authorize", context.ClientId, context.RedirectUri,
                    context.Request.CodeChallenge, context.Request.CodeChallengeMethod, null));
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (context.RedirectUri != provider.RegisteredRedirectUri)
                {
                    context.Reject(Errors.InvalidRequest, "The redirect_uri is not the one registered for the client.");
                }

                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                provider!.Requests.Enqueue(new ProviderRequest("token", context.ClientId, context.Request.RedirectUri, null, null, context.Request.CodeVerifier));
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                }

                return default;
            }));
        });

        var app = builder.Build();
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            var person = provider!.Next ?? throw new InvalidOperationException("The test did not say who signs in.");
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.AddClaim(new Claim(Claims.Subject, person.Subject));
            identity.AddClaim(new Claim(IdentityNumberClaim, person.IdentityNumber));
            identity.AddClaim(new Claim(Claims.Name, person.FullName));
            identity.AddClaim(new Claim(Claims.Email, person.Email));
            identity.AddClaim(new Claim(Claims.EmailVerified, person.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        provider = new TestIdentityProvider(app, new Uri($"http://127.0.0.1:{address.Port}/"));
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
