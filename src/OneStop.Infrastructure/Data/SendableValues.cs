using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using OneStop.Core.Common;

namespace OneStop.Infrastructure.Data;

/// <summary>A value held a character PostgreSQL does not store (NUL, as a character or a JSON escape); nothing was sent. A 400.</summary>
public sealed class InvalidCharactersException() : DomainException(ErrorCode, Explanation)
{
    public const string ErrorCode = "invalid-characters";

    public const string Explanation = "Dữ liệu gửi lên chứa ký tự không hợp lệ (ký tự NUL).";
}

/// <summary>
/// Refuses, before a command is sent, the parameter values PostgreSQL would refuse while binding them: NUL in text (22021) and the
/// <c>\u0000</c> escape in jsonb (22P05). Not only for a clearer answer: Npgsql (10.0.3) records an auto-prepared statement as prepared
/// as soon as PostgreSQL has parsed it, so a value refused at the bind of the execution that prepares it leaves the statement
/// "prepared" without its row description, and the next request that runs it on that connection — anyone's — fails with "Received
/// unexpected backend message DataRow" (a 500; CI met it at a sign-in during the hostile-input walk). <see cref="Text.Clean"/> keeps NUL
/// out of what the domain stores; this keeps it out of every statement, lookups included. Commands EF Core sends are checked by
/// <see cref="SendableValuesInterceptor"/>; the few built by hand call <see cref="Check"/>.
/// </summary>
public static class SendableValues
{
    private const string NulEscape = @"\u0000";

    /// <summary>Throws <see cref="InvalidCharactersException"/> when a value would be refused while PostgreSQL binds it.</summary>
    public static void Check(DbParameterCollection parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        for (var i = 0; i < parameters.Count; i++)
        {
            if (!Sendable(parameters[i]))
            {
                throw new InvalidCharactersException();
            }
        }
    }

    /// <summary>Whether PostgreSQL will take the parameter's value (text without NUL; jsonb without NUL or its escape).</summary>
    public static bool Sendable(DbParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var json = parameter is NpgsqlParameter { NpgsqlDbType: var type } && (type & ~NpgsqlDbType.Array) == NpgsqlDbType.Jsonb;
        return parameter.Value switch
        {
            string text => Sendable(text, json),
            IEnumerable<string?> texts => texts.All(t => t is null || Sendable(t, json)),
            _ => true,
        };
    }

    private static bool Sendable(string text, bool json) => !text.Contains('\0', StringComparison.Ordinal) && !(json && HasNulEscape(text));

    /// <summary>Whether the JSON text has a <c>\u0000</c> escape (not a <c>\\u0000</c>, an escaped backslash followed by "u0000").</summary>
    private static bool HasNulEscape(string json)
    {
        for (var at = json.IndexOf(NulEscape, StringComparison.Ordinal); at >= 0; at = json.IndexOf(NulEscape, at + 1, StringComparison.Ordinal))
        {
            var backslashes = 0;
            while (at - backslashes - 1 >= 0 && json[at - backslashes - 1] == '\\')
            {
                backslashes++;
            }

            if (backslashes % 2 == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// After PostgreSQL refused a value while binding it anyway (a value this check does not know), the connection's prepared statements
    /// are not trusted again: Npgsql's pool closes the connection when it is returned (and its idle ones with it; this never happens with
    /// the values OneStop sends).
    /// </summary>
    internal static void Failed(DbCommand command, Exception exception)
    {
        if (exception is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter }
            && command.Connection is NpgsqlConnection connection)
        {
            NpgsqlConnection.ClearPool(connection);
        }
    }
}

/// <summary>Checks the values of every command EF Core sends (<see cref="SendableValues"/>).</summary>
public sealed class SendableValuesInterceptor : DbCommandInterceptor
{
    public static readonly SendableValuesInterceptor Instance = new();

    private SendableValuesInterceptor()
    {
    }

    // Called once a command has its text and parameters, before it is sent, for every kind of execution.
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        SendableValues.Check(result.Parameters);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => SendableValues.Failed(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SendableValues.Failed(command, eventData.Exception);
        return Task.CompletedTask;
    }
}
