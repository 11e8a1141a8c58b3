namespace OneStop.Cli.Hosting;

/// <summary>What every onestop command's exit code means (listed by `./onestop help`).</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>The command ran and failed: problems found in the files checked, or an import stopped part-way (run it again to resume).</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments or unusable input (a bundle, a mapping, an account's place or role): nothing was written.</summary>
    public const int BadInput = 2;

    /// <summary>No database configured, the database does not answer, or it needs migrating and this role cannot: the message names what to run.</summary>
    public const int Database = 3;

    /// <summary>Interrupted (Ctrl-C).</summary>
    public const int Interrupted = 130;
}
