using System.Text.Json;

namespace OneStop.Infrastructure.Settings;

internal static class SettingsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
