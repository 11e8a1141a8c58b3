using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Infrastructure.Data;

/// <summary>Lets `dotnet ef` create the context without a running host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<OneStopDbContext>
{
    public OneStopDbContext CreateDbContext(string[] args)
    {
        var connectionString = DatabaseOptions.ResolveConnectionString(null)
            ?? "Host=127.0.0.1;Port=55432;Database=onestop;Username=onestop";
        var options = new DbContextOptionsBuilder<OneStopDbContext>();
        DatabaseOptions.Configure(options, connectionString);
        return new OneStopDbContext(options.Options);
    }
}
