namespace OneStop.Cli.Hosting;

/// <summary>The command needs the database and cannot have it; the message says why and what to run, in one line.</summary>
internal sealed class DatabaseUnavailableException(string message) : Exception(message);
