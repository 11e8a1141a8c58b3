using OneStop.Core.Common;

namespace OneStop.Core.Procedures;

/// <summary>The domain a procedure belongs to (lĩnh vực), e.g. Đường bộ, Hộ tịch.</summary>
public sealed class Field
{
    private Field()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Field(string code, string name)
    {
        Id = Guid.NewGuid();
        Code = Text.Clean(code);
        Name = Text.Clean(name);
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }
}
