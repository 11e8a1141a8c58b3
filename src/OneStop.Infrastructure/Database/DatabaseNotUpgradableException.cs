namespace OneStop.Infrastructure.Database;

/// <summary>The database is in a state the migrations cannot upgrade from; the message says, in one line, what to do.</summary>
public sealed class DatabaseNotUpgradableException(string message) : InvalidOperationException(message);
