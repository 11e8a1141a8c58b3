using OneStop.Infrastructure;
using OneStop.Web.Api;
using OneStop.Web.Hosting;
using OneStop.Web.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddObservability();
builder.AddInfrastructure();
builder.AddAuthenticationAndRoles();
builder.AddSecurity();
builder.AddWebShell();
builder.AddForwardedHeaders();
builder.AddApi();
builder.AddAdministration();
builder.AddStartupTasks();

var app = builder.Build();

app.UseObservability();
app.UseWebShell();
app.MapApi();
app.MapWebShell();

app.Run();

/// <summary>The web host's entry point; public so integration tests can start it.</summary>
public partial class Program;
