using System.Text;
using OneStop.Cli.Commands;
using Spectre.Console.Cli;

Console.OutputEncoding = Encoding.UTF8;
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("onestop");
    config.AddBranch("db", db => db.AddCommand<MigrateCommand>("migrate").WithDescription("Apply the database migrations."));
    config.AddBranch("seed", seed => seed.AddCommand<SeedDemoCommand>("demo").WithDescription("Seed the demo province."));
    config.AddBranch("user", user => user.AddCommand<UserAddCommand>("add").WithDescription("Create an account."));
});
return await app.RunAsync(args);
