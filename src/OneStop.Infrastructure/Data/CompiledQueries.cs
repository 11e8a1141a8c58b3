using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace OneStop.Infrastructure.Data;

/// <summary>
/// A query of the hot path compiled once per model (<c>EF.CompileAsyncQuery</c>): a LINQ query builds its expression tree, extracts
/// its parameters and hashes the tree to find its cached plan on every execution, 50–110 µs of CPU a query on the two-core machine
/// (PERFORMANCE.md, the fourteenth session). EF Core refuses a compiled query on a model other than the one it was compiled for, and
/// every host (each test host too) builds its own model, so the compiled delegate is kept per model. Call sites use
/// <see cref="CompiledQuery{TArg, TResult}"/> and <see cref="CompiledQuery{TArg1, TArg2, TResult}"/>.
/// </summary>
public sealed class CompiledQueries<TQuery>
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];
    private readonly ConditionalWeakTable<IModel, TQuery>.CreateValueCallback _compile;

    public CompiledQueries(Func<TQuery> compile)
    {
        ArgumentNullException.ThrowIfNull(compile);
        _compile = _ => compile();
    }

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.GetValue(db.Model, _compile);
    }
}

/// <summary>A hot-path query of one argument, compiled per model (<see cref="CompiledQueries{TQuery}"/>).</summary>
public sealed class CompiledQuery<TArg, TResult>(Expression<Func<OneStopDbContext, TArg, CancellationToken, TResult>> query)
{
    private readonly CompiledQueries<Func<OneStopDbContext, TArg, CancellationToken, Task<TResult>>> _compiled =
        new(() => EF.CompileAsyncQuery(query));

    public Task<TResult> RunAsync(OneStopDbContext db, TArg arg, CancellationToken cancellationToken) =>
        _compiled.For(db)(db, arg, cancellationToken);
}

/// <summary>A hot-path query of two arguments, compiled per model (<see cref="CompiledQueries{TQuery}"/>).</summary>
public sealed class CompiledQuery<TArg1, TArg2, TResult>(Expression<Func<OneStopDbContext, TArg1, TArg2, CancellationToken, TResult>> query)
{
    private readonly CompiledQueries<Func<OneStopDbContext, TArg1, TArg2, CancellationToken, Task<TResult>>> _compiled =
        new(() => EF.CompileAsyncQuery(query));

    public Task<TResult> RunAsync(OneStopDbContext db, TArg1 first, TArg2 second, CancellationToken cancellationToken) =>
        _compiled.For(db)(db, first, second, cancellationToken);
}
