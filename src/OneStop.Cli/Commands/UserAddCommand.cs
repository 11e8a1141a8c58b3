using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cli.Hosting;
using OneStop.Core.Common;
using OneStop.Infrastructure.Identity;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OneStop.Cli.Commands;

/// <summary>onestop user add: creates an account, e.g. the first administrator of a real installation.</summary>
internal sealed class UserAddCommand : AsyncCommand<UserAddCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<EMAIL>")]
        [Description("E-mail (also the user name)")]
        public string Email { get; init; } = string.Empty;

        [CommandOption("--role <ROLE>")]
        [Description("Citizen, Reception, Specialist, Leader or Admin")]
        public string Role { get; init; } = string.Empty;

        [CommandOption("--agency <CODE>")]
        public string? Agency { get; init; }

        [CommandOption("--department <CODE>")]
        public string? Department { get; init; }

        [CommandOption("--password <PASSWORD>")]
        [Description("Without it a random password is generated and printed once")]
        public string? Password { get; init; }

        [CommandOption("--name <NAME>")]
        public string? Name { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Role) ? ValidationResult.Error("--role is required.") : ValidationResult.Success();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CliHost.RunScopedAsync(async services =>
        {
            var password = settings.Password ?? GeneratePassword();
            try
            {
                var user = await services.GetRequiredService<UserProvisioner>().CreateAsync(
                    new NewUser(settings.Email, settings.Name ?? settings.Email, settings.Role, settings.Agency, settings.Department,
                        password, EmailConfirmed: true),
                    cancellationToken);
                AnsiConsole.MarkupLine($"[green]Đã tạo tài khoản[/] {Markup.Escape(user.Email!)} ({Markup.Escape(settings.Role)}).");
                if (settings.Password is null)
                {
                    AnsiConsole.MarkupLine($"Mật khẩu tạm thời (temporary password): [bold]{Markup.Escape(password)}[/]");
                }

                return ExitCodes.Success;
            }
            catch (DomainException ex)
            {
                AnsiConsole.MarkupLine($"[red]Lỗi:[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.BadInput;
            }
        }, cancellationToken: cancellationToken);

    private static string GeneratePassword() =>
        "Os" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12))
            .Replace('+', 'x').Replace('/', 'y') + "9";
}
