using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Workspace;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Security;

/// <summary>
/// The authorisation matrix, generated from the endpoint data source, the Razor page routes and the pages' handlers: every endpoint,
/// page and page handler has a line in <see cref="AccessMatrix"/>, and each line is exercised as each role and anonymously on a
/// driving-licence dossier of Sở GTVT (applicant: the demo citizen; at the specialist's step of Phòng QLPT), then for scoped lines as
/// another citizen and as an official of another agency (Sở Tư pháp). Officials of other departments of Sở GTVT are the counter
/// official and the leader. A page handler that writes (POST) is sent only as those it must refuse, with a valid antiforgery token so
/// that the refusal is the handler's or the gate's, not the token check's: what a permitted role does with it is each feature's tests.
/// </summary>
public sealed class AccessMatrixTests(PreparedDossierApp app) : IClassFixture<PreparedDossierApp>
{
    private static readonly Persona[] Roles = [Persona.Anonymous, Persona.Citizen, Persona.Reception, Persona.Specialist, Persona.Leader, Persona.Admin];

    [Fact]
    public void Every_endpoint_page_and_page_handler_has_a_line_in_the_matrix_and_every_line_an_endpoint()
    {
        var found = Endpoints(app.Services);
        foreach (var (key, handler) in Handlers(app.Services))
        {
            found[key] = handler.Page;
        }

        var missing = found.Keys.Where(k => !AccessMatrix.Entries.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var stale = AccessMatrix.Entries.Keys.Where(k => !found.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Endpoints or pages without a line in tests/OneStop.IntegrationTests/Security/AccessMatrix.cs. Add these " +
            "lines (the roles shown are what the endpoint declares: narrow them to who may really reach it — Who.Anyone, Who.SignedIn, " +
            "Who.Citizen, Who.Officials, Who.Reception, Who.Specialist, Who.Leader, Who.Admin, combined with | — and add Scope.Own when the " +
            "dossier must be the citizen's own, Scope.Agency when it must be the official's agency's; a page handler gets its page's roles: " +
            "narrow them to what the handler itself checks, and give a scoped POST handler a form probe):\n" +
            string.Join("\n", missing.Select(k => $"        [\"{k}\"] = new({Declared(app.Services, found[k])}),")));
        Assert.True(stale.Count == 0, "Lines in AccessMatrix.cs without an endpoint (renamed or removed? update them):\n" + string.Join("\n", stale));
    }

    public static TheoryData<string, Persona> RoleCases()
    {
        var data = new TheoryData<string, Persona>();
        foreach (var (key, access) in AccessMatrix.Entries)
        {
            foreach (var persona in Roles.Where(p => !Writes(key) || !Allows(access, p)))
            {
                data.Add(key, persona);
            }
        }

        return data;
    }

    public static TheoryData<string, Persona> ScopeCases()
    {
        var data = new TheoryData<string, Persona>();
        foreach (var (key, access) in AccessMatrix.Entries.Where(e => e.Value.Scope != Scope.None))
        {
            if (access.Scope == Scope.Own && access.Allowed.HasFlag(Who.Citizen))
            {
                data.Add(key, Persona.OtherCitizen);
            }

            if ((access.Allowed & Who.Officials) != 0)
            {
                data.Add(key, Persona.OtherAgency);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoleCases))]
    public async Task Each_role_passes_or_is_refused_as_the_matrix_says(string key, Persona persona)
    {
        var access = AccessMatrix.Entries[key];
        var allowed = Allows(access, persona);

        var response = await SendAsync(key, persona, probe: null);

        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{key} as {persona}: {status}");
        if (allowed)
        {
            Assert.False(GateRefused(response) && !(access.Authenticates && response.StatusCode == HttpStatusCode.Unauthorized),
                $"{key} as {persona} should pass, got {Describe(response)}");
            Assert.False(access.Scope != Scope.None && response.StatusCode == HttpStatusCode.NotFound,
                $"{key} as {persona}: the dossier is theirs, got 404");
        }
        else
        {
            Assert.True(GateRefused(response) || response.StatusCode == HttpStatusCode.NotFound,
                $"{key} as {persona} should be refused (401, 403, sign-in or 404), got {Describe(response)}");
        }
    }

    [Theory]
    [MemberData(nameof(ScopeCases))]
    public async Task Another_citizens_or_another_agencys_attempt_on_the_dossier_is_refused(string key, Persona persona)
    {
        var response = await SendAsync(key, persona, AccessMatrix.Entries[key].Probe);

        Assert.True(GateRefused(response) || response.StatusCode == HttpStatusCode.NotFound,
            $"{key} as {persona} on a dossier that is not theirs should be refused (401, 403 or 404), got {Describe(response)}");
    }

    private static bool Allows(Access access, Persona persona) =>
        persona == Persona.Anonymous ? access.Allowed.HasFlag(Who.Anonymous) : access.Allowed.HasFlag(Of(persona));

    /// <summary>A page handler that writes: sent only as those it must refuse (see the class summary).</summary>
    private static bool Writes(string key) => key.StartsWith("PAGE POST ", StringComparison.Ordinal);

    private async Task<HttpResponseMessage> SendAsync(string key, Persona persona, string? probe)
    {
        var scenario = await app.ScenarioAsync();
        if (key.StartsWith("PAGE GET ", StringComparison.Ordinal) || Writes(key))
        {
            return await SendToHandlerAsync(key, persona, probe, scenario);
        }

        var endpoint = Endpoints(app.Services)[key];
        var method = key.Split(' ')[0] switch
        {
            "PAGE" or "ANY" => HttpMethod.Get,
            var m => new HttpMethod(m.Split(',')[0]),
        };
        using var request = new HttpRequestMessage(method, Path(endpoint, scenario));
        if (method != HttpMethod.Get)
        {
            // A multipart endpoint gets its form even for the role check: another content type is refused (415) before authorisation.
            request.Content = AccessMatrix.Entries[key].Probe == "multipart" ? Multipart() : new StringContent(probe ?? "{}", Encoding.UTF8, "application/json");
        }

        return await (await app.ClientAsync(persona)).SendAsync(request);
    }

    /// <summary>
    /// A page handler's request: its page's path with "?handler=", and for a POST the probe's fields (a form, "name=value&amp;…", whose
    /// "{route parameter}" values come from the scenario) with this persona's antiforgery token.
    /// </summary>
    private async Task<HttpResponseMessage> SendToHandlerAsync(string key, Persona persona, string? probe, PreparedDossierApp.Scenario scenario)
    {
        var handler = Handlers(app.Services)[key];
        var path = Path(handler.Page, scenario) + (handler.Name is null ? string.Empty : "?handler=" + handler.Name);
        var client = await app.ClientAsync(persona);
        if (handler.Method == "GET")
        {
            return await client.GetAsync(path);
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (probe ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (pair.Split('=', 2)[0], pair.Split('=', 2) is [_, var v] ? v : string.Empty);
            fields[name] = value.StartsWith('{') && value.EndsWith('}')
                ? PreparedDossierApp.RouteValue(handler.Page.RoutePattern.RawText!, value[1..^1], scenario)
                : value;
        }

        fields["__RequestVerificationToken"] = PageForms.AntiforgeryToken(await client.GetStringAsync("/"))
            ?? PageForms.AntiforgeryToken(await client.GetStringAsync("/Account/Login"))
            ?? throw new InvalidOperationException($"No antiforgery token for {persona}.");
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Every page handler but a page's plain GET (which is the page's own line), by matrix key: "PAGE POST /Workspace/Dossier?handler=Certify",
    /// "PAGE POST /Portal/Apply" for an unnamed OnPost, "PAGE GET /Admin/Audit?handler=Csv" for a named GET.
    /// </summary>
    internal static Dictionary<string, (RouteEndpoint Page, string Method, string? Name)> Handlers(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var handlers = new Dictionary<string, (RouteEndpoint, string, string?)>(StringComparer.Ordinal);
        foreach (var (key, endpoint) in Endpoints(services).Where(e => e.Key.StartsWith("PAGE ", StringComparison.Ordinal)))
        {
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>()!;
            var compiled = loader.LoadAsync(page, endpoint.Metadata).GetAwaiter().GetResult();
            foreach (var handler in compiled.HandlerMethods)
            {
                var method = handler.HttpMethod.ToUpperInvariant();
                if (method == "GET" && handler.Name is null)
                {
                    continue;
                }

                var name = handler.Name is null ? string.Empty : "?handler=" + handler.Name;
                handlers[$"PAGE {method} {key["PAGE ".Length..]}{name}"] = (endpoint, method, handler.Name);
            }
        }

        return handlers;
    }

    private static MultipartFormDataContent Multipart()
    {
        var file = new ByteArrayContent(OfficialPages.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { new StringContent("GIAY-TO"), "documentCode" }, { file, "file", "giay-to.pdf" } };
    }

    /// <summary>The endpoints by matrix key; a page by its shortest route.</summary>
    internal static Dictionary<string, RouteEndpoint> Endpoints(IServiceProvider services)
    {
        var endpoints = new Dictionary<string, RouteEndpoint>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
            {
                continue;
            }

            var key = Key(endpoint);
            if (!endpoints.TryGetValue(key, out var known) || endpoint.RoutePattern.RawText!.Length < known.RoutePattern.RawText!.Length)
            {
                endpoints[key] = endpoint;
            }
        }

        return endpoints;
    }

    /// <summary>The roles an endpoint's own authorisation metadata admits, as a Who expression (a suggestion for a missing line).</summary>
    private static string Declared(IServiceProvider services, RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return "Who.Anyone";
        }

        var policy = AuthorizationPolicy.CombineAsync(services.GetRequiredService<IAuthorizationPolicyProvider>(),
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()).GetAwaiter().GetResult();
        if (policy is null)
        {
            return "Who.Anyone";
        }

        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>()
            .Select(r => r.AllowedRoles.ToHashSet(StringComparer.Ordinal))
            .Aggregate((HashSet<string>?)null, (all, next) => all is null ? next : [.. all.Intersect(next)]);
        return roles is null ? "Who.SignedIn" : roles.Count == 0 ? "Who.Nobody" : string.Join(" | ", roles.Order(StringComparer.Ordinal).Select(r => "Who." + r));
    }

    private static string Key(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
        {
            return "PAGE " + page.ViewEnginePath;
        }

        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } list ? string.Join(",", list) : "ANY";
        return $"{methods} /{endpoint.RoutePattern.RawText!.TrimStart('/')}";
    }

    private static string Path(RouteEndpoint endpoint, PreparedDossierApp.Scenario scenario)
    {
        var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
        var path = new StringBuilder();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => Uri.EscapeDataString(PreparedDossierApp.RouteValue(route, parameter.Name, scenario)),
                    _ => string.Empty,
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static Who Of(Persona persona) => persona switch
    {
        Persona.Citizen or Persona.OtherCitizen => Who.Citizen,
        Persona.Reception => Who.Reception,
        Persona.Specialist or Persona.OtherAgency => Who.Specialist,
        Persona.Leader => Who.Leader,
        Persona.Admin => Who.Admin,
        _ => Who.Anonymous,
    };

    private static bool GateRefused(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => true,
        HttpStatusCode.Redirect => response.Headers.Location?.OriginalString.Contains("/Account/Login?ReturnUrl=", StringComparison.Ordinal) == true,
        _ => false,
    };

    private static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.Headers.Location is { } location ? " → " + location : string.Empty)}";
}
