using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Notifications;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Security;

/// <summary>
/// The configured sender against an SMTP listener: a send says hello and hands over the message; the probe (used where an answer must
/// take as long as a send, and fail the same way) opens the same session and leaves without a message; with nothing listening it fails
/// like a send.
/// </summary>
public sealed class MailProbeTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task The_probe_opens_and_closes_an_smtp_session_without_a_message()
    {
        var commands = await SessionAsync(sender => sender.ProbeAsync());

        var verbs = commands.Select(c => c.Split(' ', ':')[0].ToUpperInvariant()).ToArray();
        Assert.Equal("EHLO", verbs[0]);
        Assert.Equal(["NOOP", "QUIT"], verbs[1..]);
    }

    [Fact]
    public async Task A_send_opens_the_same_session_and_hands_over_the_message()
    {
        var commands = await SessionAsync(sender => sender.SendAsync("nguoi.nhan@example.vn", "Thử", "<p>Thử</p>"));

        var verbs = commands.Select(c => c.Split(' ', ':')[0].ToUpperInvariant()).ToArray();
        Assert.Equal("EHLO", verbs[0]);
        Assert.Equal(["MAIL", "RCPT", "DATA", "QUIT"], verbs[1..]);
        Assert.Contains(commands, c => c.Contains("<nguoi.nhan@example.vn>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_nothing_listening_the_probe_fails_as_a_send_does()
    {
        await using var smtp = WithRelay(1);
        var sender = smtp.Services.GetRequiredService<IEmailSender>();

        var probe = await Record.ExceptionAsync(() => sender.ProbeAsync());
        var send = await Record.ExceptionAsync(() => sender.SendAsync("ai.do@example.vn", "Thử", "<p>Thử</p>"));

        Assert.NotNull(probe);
        Assert.Equal(send?.GetType(), probe.GetType());
    }

    // What the configured sender said to a listener over one session.
    private async Task<ConcurrentQueue<string>> SessionAsync(Func<IEmailSender, Task> use)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var commands = new ConcurrentQueue<string>();
        var server = ServeOneSessionAsync(listener, commands);
        await using var smtp = WithRelay(((IPEndPoint)listener.LocalEndpoint).Port);
        await use(smtp.Services.GetRequiredService<IEmailSender>());
        await server.WaitAsync(TimeSpan.FromMinutes(1));
        return commands;
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithRelay(int port) =>
        app.WithWebHostBuilder(b => b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:Mode"] = "Smtp", ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:UseStartTls"] = "false",
            ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })));

    // A minimal SMTP server for one session: greets, accepts every command (and a message after DATA), says goodbye to QUIT.
    private static async Task ServeOneSessionAsync(TcpListener listener, ConcurrentQueue<string> commands)
    {
        using var client = await listener.AcceptTcpClientAsync();
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 relay.example.vn ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            commands.Enqueue(line);
            if (line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase))
            {
                await writer.WriteLineAsync("221 2.0.0 Bye");
                return;
            }

            if (line.StartsWith("DATA", StringComparison.OrdinalIgnoreCase))
            {
                await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                while (await reader.ReadLineAsync() is { } data && data != ".")
                {
                }
            }

            await writer.WriteLineAsync(line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase) ? "250 relay.example.vn" : "250 2.0.0 OK");
        }
    }
}
