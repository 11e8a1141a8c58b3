using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace OneStop.Infrastructure.Data;

/// <summary>
/// A query of the hot path compiled once per model (<c>EF.CompileAsyncQuery</c>): a LINQ query builds its expression tree, extracts
/// its parameters and hashes the tree to find its cached plan on every execution, 50–110 µs of CPU a query on the two-core machine
/// (PERFORMANCE.md, the fourteenth session). EF Core refuses a compiled query on a model other than the one it was compiled for, and
/// every host (each test host too) builds its own model, so the compiled delegate is kept per model.
/// </summary>
public sealed class CompiledQueries<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.GetValue(db.Model, _ => compile());
    }
}
