using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OneStop.Infrastructure.Data;

/// <summary>timestamptz holds instants: Vietnam-time offsets (+07:00) from the domain are stored as UTC, and read back as UTC.</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
