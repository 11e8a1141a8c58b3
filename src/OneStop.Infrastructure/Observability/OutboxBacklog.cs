namespace OneStop.Infrastructure.Observability;

/// <summary>
/// An outbox whose backlog is watched: how many rows wait to be delivered and how long the oldest has waited
/// (metrics onestop.outbox.backlog and onestop.outbox.oldest_age, label outbox=<see cref="Name"/>).
/// </summary>
/// <param name="Name">The label value, e.g. "email".</param>
/// <param name="Table">The table (schema-qualified if not in public).</param>
/// <param name="PendingWhere">
/// What makes a row pending: the predicate of the table's partial index on pending rows, word for word, so that the count reads
/// that index and costs what the backlog is, not what the table is.
/// </param>
/// <param name="CreatedColumn">When a row was written (the age of the oldest pending row is measured from it).</param>
public sealed record OutboxBacklog(string Name, string Table, string PendingWhere, string CreatedColumn = "created_at")
{
    /// <summary>Every outbox OneStop delivers from. A new outbox is one line here.</summary>
    public static readonly IReadOnlyList<OutboxBacklog> All =
    [
        new("workflow", "workflow_outbox", "delivered_at IS NULL"),
        new("email", "email_outbox", "sent_at IS NULL AND failed_at IS NULL"),
        new(NationalPortal.NationalPortalDispatcher.OutboxName, "national_portal_outbox", "sent_at IS NULL AND failed_at IS NULL"),
    ];

    internal string Sql =>
        $"SELECT count(*), coalesce(extract(epoch FROM now() - min({CreatedColumn})), 0)::float8 FROM {Table} WHERE {PendingWhere}";
}
