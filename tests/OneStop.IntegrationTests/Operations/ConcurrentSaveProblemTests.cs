using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Testing;
using OneStop.Web.Api;

namespace OneStop.IntegrationTests.Operations;

/// <summary>
/// Found by the soak (docs/RELIABILITY.md): two transactions on one dossier at once can meet a deadlock, or take the same national-portal
/// message number; both roll back, so the client must hear 409 (reload and try again), never 500.
/// </summary>
public sealed class ConcurrentSaveProblemTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    public static TheoryData<string, string?, bool> Failures => new()
    {
        { "40P01", null, true },  // deadlock detected, wrapped by the execution strategy
        { "40001", null, false }, // serialization failure
        { "23505", "ix_national_portal_outbox_dossier_id_sequence", false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_save_that_lost_a_race_is_a_409_problem(string sqlState, string? constraint, bool wrappedByStrategy)
    {
        var postgres = new PostgresException("x", "ERROR", "ERROR", sqlState, constraintName: constraint);
        Exception failure = new DbUpdateException("save failed", postgres);
        if (wrappedByStrategy)
        {
            failure = new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", failure);
        }

        var (status, body) = await HandleAsync(failure);

        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Equal("https://onestop.vn/errors/concurrent_update", JsonDocument.Parse(body).RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Another_unique_violation_is_left_to_the_default_handler()
    {
        var postgres = new PostgresException("x", "ERROR", "ERROR", "23505", constraintName: "ix_users_email");

        var (status, _) = await HandleAsync(new DbUpdateException("save failed", postgres));

        Assert.Equal(0, status);
    }

    private async Task<(int Status, string Body)> HandleAsync(Exception exception)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = "/api/v1/workspace/dossiers";
        context.Request.Headers.Accept = "application/json";
        context.Response.Body = new MemoryStream();
        var handler = new ProblemExceptionHandler(scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>());
        var handled = await handler.TryHandleAsync(context, exception, CancellationToken.None);
        if (!handled)
        {
            return (0, string.Empty);
        }

        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }
}
