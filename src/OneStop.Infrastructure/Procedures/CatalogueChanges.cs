using Microsoft.EntityFrameworkCore;
using OneStop.Core.Organisation;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Procedures;

/// <summary>
/// Raised on this host when a committed save changed what the public catalogue shows (a procedure, a field, an agency), so that
/// what was cached of the catalogue is dropped at once; other hosts drop theirs when it expires.
/// </summary>
public sealed class CatalogueChangeSignal
{
    public event Action? Changed;

    internal void Raise() => Changed?.Invoke();
}

/// <summary>Raises <see cref="CatalogueChangeSignal"/> when a save that added, changed or removed a procedure, field or agency is committed.</summary>
internal sealed class CatalogueChangeInterceptor(CatalogueChangeSignal signal) : AfterCommitInterceptor
{
    protected override int Concerns(DbContext context) => context.ChangeTracker.Entries()
        .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is Procedure or Field or Agency) ? 1 : 0;

    protected override void OnCommitted(int concerned) => signal.Raise();
}
