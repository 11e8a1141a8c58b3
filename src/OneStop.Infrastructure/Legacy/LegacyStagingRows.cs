using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NpgsqlTypes;
using OneStop.Core.Identity;
using OneStop.Legacy.Records;

namespace OneStop.Infrastructure.Legacy;

/// <summary>How each accepted legacy row becomes a staging row: resolved codes, UTC times and the hash of what will be imported.</summary>
internal sealed class LegacyStagingRows(LegacyMapping mapping)
{
    private const NpgsqlDbType T = NpgsqlDbType.Text;
    private const NpgsqlDbType L = NpgsqlDbType.Bigint;
    private const NpgsqlDbType I = NpgsqlDbType.Integer;
    private const NpgsqlDbType B = NpgsqlDbType.Boolean;
    private const NpgsqlDbType Ts = NpgsqlDbType.TimestampTz;

    public static readonly string[] AgencyColumns = ["line", "legacy_code", "code", "name", "kind", "parent_code", "successor_code", "closed_on", "h"];
    public static readonly NpgsqlDbType[] AgencyTypes = [L, T, T, T, T, T, T, NpgsqlDbType.Date, T];

    public object?[] Agency(LegacyAgency a)
    {
        var kind = a.Level switch
        {
            AgencyLevel.District => "District",
            AgencyLevel.Commune => "Commune",
            _ => a.ParentCode is null ? "Province" : "ProvincialDepartment",
        };
        var closed = a.Level == AgencyLevel.District || mapping.Successors.ContainsKey(a.Code);
        var successor = mapping.Successors.TryGetValue(a.Code, out var s) ? mapping.AgencyCode(s.Trim())
            : closed && a.ParentCode is not null ? mapping.AgencyCode(a.ParentCode) : null;
        object?[] v = [a.Line, a.Code, mapping.AgencyCode(a.Code), a.Name, kind, a.ParentCode is null ? null : mapping.AgencyCode(a.ParentCode),
            successor, closed ? mapping.DistrictsClosedOn : null, null];
        return Hashed(v);
    }

    public static readonly string[] FieldColumns = ["line", "code", "name", "h"];
    public static readonly NpgsqlDbType[] FieldTypes = [L, T, T, T];

    public object?[] Field(LegacyField f) => Hashed([f.Line, f.Code, f.Name, null]);

    public static readonly string[] ProcedureColumns =
        ["line", "legacy_code", "code", "name", "field_code", "agency_code", "working_days", "fee", "online_level", "placeholder", "workflow_id", "h"];

    public static readonly NpgsqlDbType[] ProcedureTypes = [L, T, T, T, T, T, I, NpgsqlDbType.Numeric, I, B, T, T];

    public object?[] Procedure(LegacyProcedure p) => Hashed([p.Line, p.Code, mapping.ProcedureCode(p.Code), p.Name, p.FieldCode,
        p.AgencyCode is null ? null : mapping.AgencyCode(p.AgencyCode), p.WorkingDays, p.Fee, p.OnlineLevel, p.IsPlaceholder,
        mapping.DefaultWorkflow ?? string.Empty, null]);

    public static readonly string[] OfficialColumns =
        ["line", "user_name", "login", "full_name", "agency_code", "position", "role", "email", "phone", "active", "h"];

    public static readonly NpgsqlDbType[] OfficialTypes = [L, T, T, T, T, T, T, T, T, B, T];

    public object?[] Official(LegacyOfficial o) => Hashed([o.Line, o.UserName, o.Email ?? o.UserName, o.FullName, o.AgencyCode, o.Position,
        RoleOf(o.Position), o.Email, o.Phone ?? o.PhoneAsTyped, o.IsActive, null]);

    public static readonly string[] DossierColumns =
    [
        "line", "code", "procedure_code", "agency_code", "applicant_name", "id_number", "address", "phone_typed", "phone", "email", "channel",
        "submitted_at", "due_at", "completed_at", "returned_at", "status", "form_data", "reminder_at", "remaining", "h",
    ];

    public static readonly NpgsqlDbType[] DossierTypes = [L, T, T, T, T, T, T, T, T, T, T, Ts, Ts, Ts, Ts, I, NpgsqlDbType.Jsonb, Ts, T, T];

    /// <summary>A ho_so row with its task's reminder time and a paused clock's remaining working time (see <see cref="LegacyRouteIndex.Timing"/>).</summary>
    public object?[] Dossier(LegacyDossier d, (DateTimeOffset? ReminderAt, string? Remaining) timing)
    {
        var extras = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["legacyStatus"] = (int)d.Status,
            ["birthDate"] = d.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["note"] = d.Note,
            ["official"] = d.OfficialUserName,
            ["resultReadyAt"] = d.CompletedAt,
            ["procedure"] = d.ProcedureCode,
        };
        var form = JsonSerializer.Serialize(new Dictionary<string, object> { ["legacy"] = extras });
        var channel = d.Channel switch { LegacyChannel.Online => "Online", LegacyChannel.Post => "Post", _ => "Counter" };
        return Hashed([d.Line, d.Code, d.ProcedureCode, d.AgencyCode, d.ApplicantName, d.IdNumber, d.Address, d.PhoneAsTyped, d.Phone, d.Email,
            channel, Utc(d.SubmittedAt), Utc(d.DueAt), Utc(d.CompletedAt), Utc(d.ReturnedAt), (int)d.Status, form, Utc(timing.ReminderAt), timing.Remaining, null]);
    }

    public static readonly string[] HistoryColumns = ["line", "code", "seq", "at", "user_name", "agency_code", "action", "content", "h"];
    public static readonly NpgsqlDbType[] HistoryTypes = [L, T, I, Ts, T, T, T, T, T];

    public object?[] History(LegacyHistoryEntry h) =>
        Hashed([h.Line, h.DossierCode, h.Sequence, Utc(h.At), h.UserName, h.AgencyCode, h.Action, h.Content, null]);

    public static readonly string[] AttachmentColumns =
        ["line", "code", "file_key", "document_name", "file_name", "content_type", "size", "sha256", "uploaded_at", "missing", "h"];

    public static readonly NpgsqlDbType[] AttachmentTypes = [L, T, T, T, T, T, L, T, Ts, B, T];

    public object?[] Attachment(LegacyAttachment a, StoredFile? file) => Hashed([a.Line, a.DossierCode, a.Path.Length > 0 ? a.Path : a.FileName,
        a.DocumentName, a.FileName, file?.ContentType ?? "application/octet-stream", file?.Size ?? a.Size ?? 0, file?.Sha256 ?? string.Empty,
        Utc(a.UploadedAt), file is null, null]);

    /// <summary>The role an official's legacy position (chức vụ) suggests.</summary>
    public static string RoleOf(string? position)
    {
        var p = (position ?? string.Empty).ToLower(CultureInfo.GetCultureInfo("vi-VN"));
        if (p.Contains("một cửa", StringComparison.Ordinal) || p.Contains("tiếp nhận", StringComparison.Ordinal))
        {
            return Roles.Reception;
        }

        string[] leaders = ["trưởng", "giám đốc", "chủ tịch", "lãnh đạo", "thủ trưởng"];
        return leaders.Any(l => p.Contains(l, StringComparison.Ordinal)) ? Roles.Leader : Roles.Specialist;
    }

    private static DateTimeOffset? Utc(DateTimeOffset? value) => value?.ToUniversalTime();

    /// <summary>Fills the last value with the hash of every value but the line (and the mapping), so a moved row is still unchanged.</summary>
    private object?[] Hashed(object?[] values)
    {
        var text = new StringBuilder(mapping.Hash);
        for (var i = 1; i < values.Length - 1; i++)
        {
            text.Append('\u001f').Append(values[i] switch
            {
                null => "\u0000",
                DateTimeOffset t => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                DateOnly d => d.ToString("O", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var o => o.ToString(),
            });
        }

        values[^1] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
        return values;
    }
}

/// <summary>An attachment copied into the file store.</summary>
internal sealed record StoredFile(string Sha256, long Size, string ContentType);
