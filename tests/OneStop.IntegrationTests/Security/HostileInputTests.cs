using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Workspace;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Security;

/// <summary>
/// Walks every <c>/api/v1</c> operation of <c>/openapi/v1.json</c> as a caller the authorisation matrix lets in, and sends it what an
/// attacker would: hostile path and query values (traversal, NUL and control characters, huge and negative numbers, negative pages,
/// oversized strings), malformed and wrongly typed JSON built from the operation's own schema, and hostile uploads. None may answer
/// 5xx, and every refusal (4xx) must be a ProblemDetails (<c>application/problem+json</c> with its status and a title).
/// Each test gathers every failure before it fails, so one run lists them all.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.KestrelApp app) : IClassFixture<HostileInputTests.KestrelApp>
{
    /// <summary>The prepared dossier's app on a real Kestrel port: what an attacker meets, HTTP parsing included.</summary>
    public sealed class KestrelApp : PreparedDossierApp
    {
        /// <summary>The Kestrel address, named "localhost" as the suite's AllowedHosts expects.</summary>
        public Uri BaseAddress { get; private set; } = new("http://localhost");

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            UseKestrel(0);
            StartServer();
            var address = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
            BaseAddress = new Uri($"http://localhost:{address.Port}");
            ClientOptions.BaseAddress = BaseAddress;
        }
    }

    private const string Raw = "__RAW_JSON__";

    private int _sent;
    private int _gated;

    private static readonly string Long = new('A', 200_000);

    /// <summary>Stands for a body whose bytes are not UTF-8 (C3 28): a string cannot hold it, <see cref="SendAndJudgeAsync"/> writes the bytes.</summary>
    private const string InvalidUtf8 = "__INVALID_UTF8__";

    /// <summary>Values put where the operation expects a path or query value: all escaped, so the URL parser does not undo them.</summary>
    private static readonly string[] HostileValues =
    [
        "..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "..%5C..%5Cwindows%5Cwin.ini",
        "%00",
        "a%00b",
        "%01%02%1B%5B2J%7F",
        "%E2%80%AE",
        "%FF%FE",
        "-1",
        "0",
        "-2147483649",
        "99999999999999999999999999",
        "1e400",
        "NaN",
        "%27%20OR%201%3D1--",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        new string('9', 5_000),
        Uri.EscapeDataString(new string('đ', 3_000)),
    ];

    /// <summary>Whole request bodies that are not the JSON an operation takes.</summary>
    private static readonly (string Name, string Body)[] MalformedBodies =
    [
        ("empty", ""),
        ("unterminated", "{\"a\":"),
        ("array", "[]"),
        ("null", "null"),
        ("string", "\"x\""),
        ("number", "123"),
        ("trailing garbage", "{}}}"),
        ("single quotes", "{'a':'b'}"),
        ("comment", "{/* x */}"),
        ("raw control character", "{\"a\":\"\u0001\u0000\"}"),
        ("invalid UTF-8", InvalidUtf8),
        ("deep nesting", new string('[', 10_000) + new string(']', 10_000)),
        ("deep object", string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)),
        ("duplicate keys", "{\"a\":1,\"a\":2}"),
        ("large body", "{\"a\":\"" + new string('x', 3_000_000) + "\"}"),
    ];

    [Fact]
    public async Task Every_api_v1_endpoint_is_in_the_OpenAPI_document_so_the_walk_reaches_it()
    {
        var documented = (await OperationsAsync()).Select(o => $"{o.Method} {Normalise(o.Path)}").ToHashSet(StringComparer.Ordinal);
        var endpoints = AccessMatrixTests.Endpoints(app.Services).Keys
            .Where(k => k.Contains(" /api/v1", StringComparison.Ordinal))
            .SelectMany(k => k.Split(' ')[0].Split(',').Select(m => $"{m} {Normalise(k.Split(' ')[1])}"))
            .ToList();

        var undocumented = endpoints.Where(e => !documented.Contains(e)).Order(StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0, "API endpoints missing from /openapi/v1.json (the hostile walk would skip them):\n" + string.Join("\n", undocumented));
        Assert.True(documented.Count >= 30, $"Only {documented.Count} operations found in /openapi/v1.json.");
    }

    [Fact]
    public async Task Hostile_path_and_query_values_are_refused_with_a_problem_never_a_500()
    {
        var failures = new List<string>();
        var scenario = await app.ScenarioAsync();
        foreach (var operation in await OperationsAsync())
        {
            var client = await ClientAsync(operation.Persona);
            var body = operation.JsonSchema is { } schema ? Skeleton(schema, operation.Document, 0)?.ToJsonString() : null;
            foreach (var name in operation.PathParameters)
            {
                foreach (var value in HostileValues)
                {
                    var path = PathWith(operation, scenario, name, value);
                    await SendAndJudgeAsync(client, operation, path, body, $"path {{{name}}}={Shorten(value)}", failures);
                }
            }

            var queryNames = operation.QueryParameters.Concat(["page", "pageSize"]).Distinct(StringComparer.Ordinal).ToList();
            foreach (var name in queryNames)
            {
                foreach (var value in HostileValues)
                {
                    var path = PathWith(operation, scenario, null, null) + $"?{name}={value}";
                    await SendAndJudgeAsync(client, operation, path, body, $"query {name}={Shorten(value)}", failures);
                }
            }
        }

        AssertTheWalkReachedTheEndpoints(500);
        Assert.True(failures.Count == 0, $"{failures.Count} hostile path or query requests were not refused cleanly:\n" + string.Join("\n", failures.Take(80)));
    }

    [Fact]
    public async Task Malformed_and_wrongly_typed_JSON_is_refused_with_a_problem_never_a_500()
    {
        var failures = new List<string>();
        var scenario = await app.ScenarioAsync();
        var bodied = (await OperationsAsync()).Where(o => o.JsonSchema is not null || (!o.Multipart && o.Method != HttpMethod.Get)).ToList();
        Assert.True(bodied.Count >= 15, $"Only {bodied.Count} operations take a body.");
        foreach (var operation in bodied)
        {
            var client = await ClientAsync(operation.Persona);
            var path = PathWith(operation, scenario, null, null);
            foreach (var (name, body) in MalformedBodies)
            {
                await SendAndJudgeAsync(client, operation, path, body, $"body {name}", failures);
            }

            await SendAndJudgeAsync(client, operation, path, "{}", "body as text/plain", failures, "text/plain");
            await SendAndJudgeAsync(client, operation, path, "{}", "body without content type", failures, contentType: "");

            if (operation.JsonSchema is null)
            {
                continue;
            }

            var schema = Resolve(operation.JsonSchema, operation.Document);
            if (Skeleton(schema, operation.Document, 0) is not JsonObject skeleton)
            {
                continue;
            }

            await SendAndJudgeAsync(client, operation, path, skeleton.ToJsonString(), "body skeleton", failures);
            foreach (var (property, propertySchema) in Properties(schema, operation.Document))
            {
                foreach (var (what, value) in Mutations(propertySchema, operation.Document))
                {
                    var mutated = (JsonObject)skeleton.DeepClone();
                    var raw = value is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith(Raw, StringComparison.Ordinal) ? text[Raw.Length..] : null;
                    mutated[property] = raw is null ? value?.DeepClone() : Raw;
                    var json = mutated.ToJsonString();
                    if (raw is not null)
                    {
                        json = json.Replace($"\"{Raw}\"", raw, StringComparison.Ordinal);
                    }

                    await SendAndJudgeAsync(client, operation, path, json, $"body .{property} {what}", failures);
                }
            }

            var unknown = (JsonObject)skeleton.DeepClone();
            unknown["__proto__"] = new JsonObject { ["isAdmin"] = true };
            unknown["a\u0000b"] = "\u0000";
            await SendAndJudgeAsync(client, operation, path, unknown.ToJsonString(), "body with unknown and NUL keys", failures);
        }

        AssertTheWalkReachedTheEndpoints(500);
        Assert.True(failures.Count == 0, $"{failures.Count} hostile JSON bodies were not refused cleanly:\n" + string.Join("\n", failures.Take(80)));
    }

    [Fact]
    public async Task Hostile_uploads_are_refused_with_a_problem_never_a_500()
    {
        var failures = new List<string>();
        var scenario = await app.ScenarioAsync();
        var uploads = (await OperationsAsync()).Where(o => o.Multipart).ToList();
        Assert.NotEmpty(uploads);
        foreach (var operation in uploads)
        {
            var client = await ClientAsync(operation.Persona);
            var path = PathWith(operation, scenario, null, null);
            foreach (var (name, content) in HostileUploads())
            {
                // Expect: 100-continue, as a careful client sends a large upload: the server's refusal then comes before the bytes,
                // where without it the server answers and closes while the client is still writing.
                using var request = new HttpRequestMessage(operation.Method, path) { Content = content };
                request.Headers.ExpectContinue = name == "oversized file";
                await JudgeAsync(client, request, operation, $"upload {name}", failures);
            }
        }

        AssertTheWalkReachedTheEndpoints(20);
        Assert.True(failures.Count == 0, $"{failures.Count} hostile uploads were not refused cleanly:\n" + string.Join("\n", failures));
    }

    /// <summary>Most requests must get past the role gate, or the walk proves nothing about the endpoints behind it.</summary>
    private void AssertTheWalkReachedTheEndpoints(int atLeast) =>
        Assert.True(_sent >= atLeast && _gated * 10 < _sent, $"{_gated} of {_sent} hostile requests were stopped at the role gate (401/403): is the sign-in broken?");

    private static IEnumerable<(string Name, HttpContent Content)> HostileUploads()
    {
        var pdf = OfficialPages.Pdf;
        yield return ("traversal file name", Multipart(("documentCode", "GIAY-TO", null), ("file", "../../../../etc/passwd.pdf", pdf)));
        yield return ("backslash traversal file name", Multipart(("documentCode", "GIAY-TO", null), ("file", "..\\..\\..\\boot.ini.pdf", pdf)));
        yield return ("NUL in file name", Multipart(("documentCode", "GIAY-TO", null), ("file", "a\u0000b.pdf", pdf)));
        yield return ("control characters in file name", Multipart(("documentCode", "GIAY-TO", null), ("file", "\u0001\u001b[2J\u007f.pdf", pdf)));
        yield return ("right-to-left override file name", Multipart(("documentCode", "GIAY-TO", null), ("file", "hoa-don\u202Efdp.exe", pdf)));
        yield return ("very long file name", Multipart(("documentCode", "GIAY-TO", null), ("file", new string('a', 5_000) + ".pdf", pdf)));
        yield return ("empty file name", Multipart(("documentCode", "GIAY-TO", null), ("file", "", pdf)));
        yield return ("empty file", Multipart(("documentCode", "GIAY-TO", null), ("file", "rong.pdf", [])));
        yield return ("executable named .pdf", Multipart(("documentCode", "GIAY-TO", null), ("file", "giay-to.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])));
        yield return ("HTML named .pdf", Multipart(("documentCode", "GIAY-TO", null), ("file", "giay-to.pdf", "<html><script>alert(1)</script></html>"u8.ToArray())));
        yield return ("truncated PDF", Multipart(("documentCode", "GIAY-TO", null), ("file", "cat.pdf", pdf[..Math.Min(64, pdf.Length)])));
        yield return ("oversized file", Multipart(("documentCode", "GIAY-TO", null), ("file", "lon.pdf", [.. pdf, .. new byte[13 * 1024 * 1024]])));
        yield return ("no file", Multipart(("documentCode", "GIAY-TO", null)));
        yield return ("no document code", Multipart(("file", "giay-to.pdf", pdf)));
        yield return ("NUL document code", Multipart(("documentCode", "A\u0000B", null), ("file", "giay-to.pdf", pdf)));
        yield return ("traversal document code", Multipart(("documentCode", "../../etc", null), ("file", "giay-to.pdf", pdf)));
        yield return ("long document code", Multipart(("documentCode", Long, null), ("file", "giay-to.pdf", pdf)));
        yield return ("two files", Multipart(("documentCode", "GIAY-TO", null), ("file", "a.pdf", pdf), ("file", "b.pdf", pdf)));
        yield return ("many fields", Multipart([.. Enumerable.Range(0, 2_000).Select(i => ($"f{i}", "x", (byte[]?)null))]));
        yield return ("boundary never closed", RawMultipart("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4", "XYZ"));
        yield return ("wrong boundary", RawMultipart("--ABC\r\nContent-Disposition: form-data; name=\"documentCode\"\r\n\r\nX\r\n--ABC--\r\n", "XYZ"));
        yield return ("no boundary", RawMultipart("--XYZ--\r\n", null));
        yield return ("header without a colon", RawMultipart("--XYZ\r\nnonsense\r\n\r\nx\r\n--XYZ--\r\n", "XYZ"));
        yield return ("huge part header", RawMultipart($"--XYZ\r\nContent-Disposition: form-data; name=\"{new string('n', 100_000)}\"\r\n\r\nx\r\n--XYZ--\r\n", "XYZ"));
        yield return ("JSON instead of a form", new StringContent("{}", Encoding.UTF8, "application/json"));
        yield return ("url-encoded instead of multipart", new FormUrlEncodedContent([new("documentCode", "GIAY-TO")]));
    }

    private static MultipartFormDataContent Multipart(params (string Name, string Value, byte[]? File)[] parts)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value, file) in parts)
        {
            if (file is null)
            {
                content.Add(new StringContent(value), name);
                continue;
            }

            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            // Written by hand: .NET refuses to put some of these names (NUL, control characters) in a header it builds itself.
            part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{name}\"; filename=\"{value.Replace("\"", "%22", StringComparison.Ordinal)}\"");
            content.Add(part);
        }

        return content;
    }

    private static ByteArrayContent RawMultipart(string body, string? boundary)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", boundary is null ? "multipart/form-data" : $"multipart/form-data; boundary={boundary}");
        return content;
    }

    /// <summary>What is put in place of one property of a valid skeleton: its wrong types, and hostile values of its own type.</summary>
    private static IEnumerable<(string What, JsonNode? Value)> Mutations(JsonObject schema, JsonObject document)
    {
        schema = Resolve(schema, document);
        var type = TypeOf(schema);
        yield return ("null", null);
        yield return ("as an array", new JsonArray(1, "x"));
        yield return ("as an object", new JsonObject { ["a"] = "b" });
        yield return ("as a number", 12345);
        yield return ("as a boolean", true);
        yield return ("as a string", "x");
        yield return ("as a huge number", Raw + "1e400");
        yield return ("as a long integer", Raw + "99999999999999999999999999");
        yield return ("as a negative number", -1);
        yield return ("as int.MinValue-1", Raw + "-2147483649");
        yield return ("as a fraction", 0.5);
        yield return ("as NUL and control characters", "a\u0000b\u0001\u001b[2J\u007f");
        yield return ("as a traversal path", "../../../../etc/passwd");
        yield return ("as a right-to-left override", "\u202Efdp.exe");
        yield return ("as a lone surrogate", Raw + "\"\\ud800\"");
        yield return ("as an oversized string", Long);
        yield return ("as an empty string", "");
        if (type is "object" || schema["additionalProperties"] is not null)
        {
            yield return ("with NUL keys and values", new JsonObject { ["a\u0000"] = "b\u0000", ["../x"] = Raw });
            yield return ("with a huge value", new JsonObject { ["x"] = Long });
            yield return ("with many keys", new JsonObject(Enumerable.Range(0, 5_000).Select(i => KeyValuePair.Create($"k{i}", (JsonNode?)"v"))));
            yield return ("with nested values", new JsonObject { ["x"] = new JsonObject { ["y"] = new JsonArray(new JsonObject { ["z"] = "\u0000" }) } });
        }

        if (type is "array")
        {
            yield return ("with 10,000 items", new JsonArray([.. Enumerable.Range(0, 10_000).Select(i => (JsonNode?)JsonValue.Create(i))]));
            yield return ("with hostile items", new JsonArray("\u0000", null, -1, new JsonObject()));
        }
    }

    /// <summary>A plausible valid body for the schema, one level of properties deep, so a mutation of one property is what the operation reads.</summary>
    private static JsonNode? Skeleton(JsonObject schema, JsonObject document, int depth)
    {
        schema = Resolve(schema, document);
        if (depth > 4)
        {
            return null;
        }

        if (schema["enum"] is JsonArray { Count: > 0 } values)
        {
            return values[0]?.DeepClone();
        }

        return TypeOf(schema) switch
        {
            "object" => new JsonObject(Properties(schema, document).Select(p => KeyValuePair.Create(p.Name, Skeleton(p.Schema, document, depth + 1)))),
            "array" => new JsonArray(),
            "integer" or "number" => 1,
            "boolean" => true,
            "string" => schema["format"]?.GetValue<string>() switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date-time" => "2026-12-01T08:00:00+07:00",
                "date" => "2026-12-01",
                _ => "Nguyễn Văn A",
            },
            _ => null,
        };
    }

    private static IEnumerable<(string Name, JsonObject Schema)> Properties(JsonObject schema, JsonObject document)
    {
        schema = Resolve(schema, document);
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, value) in properties)
            {
                if (value is JsonObject propertySchema)
                {
                    yield return (name, propertySchema);
                }
            }
        }

        foreach (var part in (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>().SelectMany(s => Properties(s, document)))
        {
            yield return part;
        }
    }

    private static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t is not null and not "null"),
        _ => schema["properties"] is not null ? "object" : null,
    };

    private static JsonObject Resolve(JsonObject schema, JsonObject document)
    {
        for (var i = 0; i < 10 && schema["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal); i++)
        {
            JsonNode? target = document;
            foreach (var segment in reference[2..].Split('/'))
            {
                target = target?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }

            if (target is not JsonObject resolved)
            {
                break;
            }

            schema = resolved;
        }

        if (schema["oneOf"] is JsonArray { Count: > 0 } oneOf && oneOf.OfType<JsonObject>().FirstOrDefault(s => TypeOf(Resolve(s, document)) is not "null") is { } first)
        {
            return Resolve(first, document);
        }

        return schema;
    }

    private async Task SendAndJudgeAsync(HttpClient client, Operation operation, string path, string? body, string what, List<string> failures,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(operation.Method, path);
        if (body is not null && operation.Method != HttpMethod.Get && operation.Method != HttpMethod.Delete)
        {
            var content = new ByteArrayContent(body == InvalidUtf8 ? [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}']
                : Encoding.UTF8.GetBytes(body));
            if (contentType.Length > 0)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType == "application/json" ? "application/json; charset=utf-8" : contentType);
            }

            request.Content = content;
        }

        await JudgeAsync(client, request, operation, what, failures);
    }

    private async Task JudgeAsync(HttpClient client, HttpRequestMessage request, Operation operation, string what, List<string> failures)
    {
        _sent++;
        var label = $"{operation.Key} as {operation.Persona}, {what}";
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures.Add($"{label}: the host threw {e.GetType().Name}: {e.Message}");
            return;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is 401 or 403)
            {
                _gated++;
            }

            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                failures.Add($"{label}: {status} {Shorten(text)}");
                return;
            }

            if (status < 400)
            {
                return;
            }

            // Kestrel refuses a request it cannot parse (a NUL in the path: 400; a request line over its limit: 414; headers too
            // large: 431) before any middleware runs: a bare status without the headers every answer of the app carries. That is
            // the server's refusal, not an endpoint's, and no body can be given to it.
            if (status is 400 or 414 or 431 && text.Length == 0 && !response.Headers.Contains("X-Content-Type-Options"))
            {
                return;
            }

            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{label}: {status} is not a ProblemDetails ({response.Content.Headers.ContentType?.MediaType ?? "no content type"}) {Shorten(text)}");
                return;
            }

            try
            {
                using var problem = JsonDocument.Parse(text);
                if (!problem.RootElement.TryGetProperty("status", out var stated) || stated.GetInt32() != status
                    || !problem.RootElement.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString()))
                {
                    failures.Add($"{label}: {status} problem without its status or title: {Shorten(text)}");
                }
            }
            catch (JsonException)
            {
                failures.Add($"{label}: {status} problem is not JSON: {Shorten(text)}");
            }
        }
    }

    private string PathWith(Operation operation, PreparedDossierApp.Scenario scenario, string? hostileName, string? hostileValue)
    {
        var route = operation.Route;
        var builder = new StringBuilder();
        var i = 0;
        while (i < operation.Path.Length)
        {
            var open = operation.Path.IndexOf('{', i);
            if (open < 0)
            {
                builder.Append(operation.Path, i, operation.Path.Length - i);
                break;
            }

            var close = operation.Path.IndexOf('}', open);
            builder.Append(operation.Path, i, open - i);
            var name = operation.Path[(open + 1)..close];
            builder.Append(name == hostileName ? hostileValue : Uri.EscapeDataString(PreparedDossierApp.RouteValue(route, name, scenario)));
            i = close + 1;
        }

        return builder.ToString();
    }

    /// <summary>A signed-in client of its own per call, so a hostile request that signs out or changes the account spoils nothing else.</summary>
    private async Task<HttpClient> ClientAsync(Persona persona)
    {
        // A plain socket client: what an attacker has (the factory's own client follows redirects whatever it is told when on Kestrel).
        // It connects to the loopback address Kestrel listens on, whatever "localhost" resolves to on the machine: a CI run met a
        // sign-in answered 500 that the host under test never logged (another listener on the same port of ::1 would explain it).
        var client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        {
            BaseAddress = app.BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        if (persona != Persona.Anonymous)
        {
            var signedIn = await client.SignInAsync(PreparedDossierApp.Account(persona));
            if (signedIn.StatusCode != HttpStatusCode.Redirect)
            {
                var answer = await signedIn.Content.ReadAsStringAsync();
                Assert.Fail($"Signing in as {persona} answered {(int)signedIn.StatusCode}, not a redirect. The host's errors:\n{app.ServerErrors}\n" +
                    $"The answer: {answer[..Math.Min(2_000, answer.Length)]}");
            }
        }

        return client;
    }

    private sealed record Operation(HttpMethod Method, string Path, string Route, string Key, Persona Persona, JsonObject Document,
        IReadOnlyList<string> PathParameters, IReadOnlyList<string> QueryParameters, JsonObject? JsonSchema, bool Multipart);

    /// <summary>The <c>/api/v1</c> operations of the OpenAPI document, each with who the matrix lets through and its route in the endpoint data source.</summary>
    private async Task<IReadOnlyList<Operation>> OperationsAsync()
    {
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();
        var routes = AccessMatrixTests.Endpoints(app.Services)
            .Where(e => !e.Key.StartsWith("PAGE ", StringComparison.Ordinal))
            .SelectMany(e => e.Key.Split(' ')[0].Split(',').Select(m => (Key: $"{m} {Normalise(e.Key.Split(' ')[1])}", Matrix: e.Key, e.Value)))
            .ToDictionary(e => e.Key, e => (e.Matrix, e.Value), StringComparer.Ordinal);

        var operations = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (!path.StartsWith("/api/v1", StringComparison.Ordinal) || item is not JsonObject methods)
            {
                continue;
            }

            foreach (var (method, node) in methods)
            {
                if (node is not JsonObject operation || method is "parameters" or "summary" or "description" or "servers")
                {
                    continue;
                }

                var key = $"{method.ToUpperInvariant()} {Normalise(path)}";
                if (!routes.TryGetValue(key, out var endpoint))
                {
                    throw new InvalidOperationException($"{key} is in /openapi/v1.json but not in the endpoint data source.");
                }

                var parameters = (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>().Select(p => Resolve(p, document)).ToList();
                var content = operation["requestBody"]?["content"] as JsonObject;
                operations.Add(new Operation(
                    new HttpMethod(method.ToUpperInvariant()), path, "/" + endpoint.Value.RoutePattern.RawText!.TrimStart('/'), endpoint.Matrix,
                    Caller(AccessMatrix.Entries[endpoint.Matrix]), document,
                    [.. parameters.Where(p => p["in"]?.GetValue<string>() == "path").Select(p => p["name"]!.GetValue<string>())],
                    [.. parameters.Where(p => p["in"]?.GetValue<string>() == "query").Select(p => p["name"]!.GetValue<string>())],
                    content?["application/json"]?["schema"] as JsonObject,
                    content?["multipart/form-data"] is not null));
            }
        }

        return operations;
    }

    /// <summary>Someone the role gate lets through, preferring the dossier's own applicant and its agency's officials.</summary>
    private static Persona Caller(Access access) =>
        access.Allowed.HasFlag(Who.Citizen) ? Persona.Citizen
        : access.Allowed.HasFlag(Who.Specialist) ? Persona.Specialist
        : access.Allowed.HasFlag(Who.Reception) ? Persona.Reception
        : access.Allowed.HasFlag(Who.Leader) ? Persona.Leader
        : access.Allowed.HasFlag(Who.Admin) ? Persona.Admin
        : Persona.Anonymous;

    /// <summary>A route without its constraints and trailing slash: <c>/api/v1/dossiers/{id:guid}/</c> → <c>/api/v1/dossiers/{id}</c>.</summary>
    private static string Normalise(string route)
    {
        var builder = new StringBuilder();
        var inParameter = false;
        var skipping = false;
        foreach (var c in route)
        {
            if (c == '{')
            {
                inParameter = true;
            }
            else if (c == '}')
            {
                inParameter = false;
                skipping = false;
            }
            else if (inParameter && (c == ':' || c == '=' || c == '?'))
            {
                skipping = true;
            }

            if (!skipping)
            {
                builder.Append(c);
            }
        }

        return "/" + builder.ToString().Trim('/');
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
