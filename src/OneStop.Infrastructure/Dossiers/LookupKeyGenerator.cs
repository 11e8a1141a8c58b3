using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.ValueGeneration;
using OneStop.Core.Dossiers;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>Draws a dossier's look-up key when EF starts tracking a new dossier.</summary>
internal sealed class LookupKeyGenerator : ValueGenerator<string>
{
    public override bool GeneratesTemporaryValues => false;

    public override string Next(EntityEntry entry) => LookupKeys.New();
}
