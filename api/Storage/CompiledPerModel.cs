using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace OutlookFollowUp.Storage;

/// <summary>
/// An <c>EF.CompileAsyncQuery</c> delegate per model. A compiled query stays bound to the model it first ran with,
/// and each provider (and each test host) builds its own model: so the query is compiled once per model, and a
/// request skips LINQ translation and EF's query cache lookup (the hot reads: the uncached thread list).
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> compiled = new();

    public TQuery For(DbContext db) => compiled.GetValue(db.Model, _ => compile());
}
