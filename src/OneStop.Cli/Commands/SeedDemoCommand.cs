using Microsoft.Extensions.DependencyInjection;
using OneStop.Cli.Hosting;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Seeding;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OneStop.Cli.Commands;

/// <summary>onestop seed demo: seeds the demo province and prints its accounts.</summary>
internal sealed class SeedDemoCommand : AsyncCommand
{
    public override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        CliHost.RunScopedAsync(async services =>
        {
            var added = await services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
            AnsiConsole.MarkupLine(added == 0
                ? "Tỉnh mẫu đã có sẵn, không thay đổi gì (demo province already seeded)."
                : $"[green]Đã tạo tỉnh mẫu[/]: {added} bản ghi (demo province seeded).");

            var table = new CliTable("Tài khoản mẫu / demo accounts — mật khẩu: " + DemoProvince.Password, "Vai trò", "E-mail", "Cơ quan / phòng");
            foreach (var user in DemoSeeder.AllUsers())
            {
                table.AddRow(Roles.DisplayName(user.Role), user.Email, $"{user.AgencyCode} {user.DepartmentCode}".Trim());
            }

            table.Write();
            return ExitCodes.Success;
        }, cancellationToken: cancellationToken);
}
