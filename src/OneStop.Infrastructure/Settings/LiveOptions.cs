using Microsoft.Extensions.Options;

namespace OneStop.Infrastructure.Settings;

/// <summary>
/// IOptions&lt;T&gt; that follows the database settings: the options are built again (configuration, then the stored settings
/// on top) whenever the settings snapshot changes, so services holding IOptions see an administrator's change within 30 s.
/// </summary>
internal sealed class LiveOptions<T>(IOptionsFactory<T> factory, SettingsCache settings) : IOptions<T> where T : class
{
    private (SettingsCache.Snapshot Snapshot, T Value)? _built;

    public T Value
    {
        get
        {
            var snapshot = settings.Current;
            if (_built is { } built && ReferenceEquals(built.Snapshot, snapshot))
            {
                return built.Value;
            }

            var value = factory.Create(Options.DefaultName);
            _built = (snapshot, value);
            return value;
        }
    }
}
