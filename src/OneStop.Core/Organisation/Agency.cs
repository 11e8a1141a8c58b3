using OneStop.Core.Common;

namespace OneStop.Core.Organisation;

/// <summary>A government body that receives or processes dossiers; agencies form a tree.</summary>
public sealed class Agency
{
    private Agency()
    {
        Code = string.Empty;
        Name = string.Empty;
        Identifier = string.Empty;
    }

    public Agency(string code, string name, string identifier, AgencyKind kind, Guid? parentId = null)
    {
        Id = Guid.NewGuid();
        Code = Guard.Code(code, nameof(code));
        Name = Text.Clean(name);
        Identifier = Text.Clean(identifier);
        Kind = kind;
        ParentId = parentId;
    }

    public Guid Id { get; private set; }

    /// <summary>Short code used in workflows and dossier codes, e.g. SGTVT.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>The national electronic identifier of the agency (mã định danh), e.g. 000.00.00.H39.</summary>
    public string Identifier { get; private set; }

    public AgencyKind Kind { get; private set; }

    public Guid? ParentId { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public Guid? SuccessorId { get; private set; }

    public bool IsActive => ClosedOn is null;

    public void Rename(string name, string identifier)
    {
        Name = Text.Clean(name);
        Identifier = Text.Clean(identifier);
    }

    /// <summary>Changes the name, identifier, level and place in the tree; the code stays, since dossier codes carry it.</summary>
    public void Update(string name, string identifier, AgencyKind kind, Guid? parentId)
    {
        if (parentId == Id)
        {
            throw new DomainException("agency.parent_self", "Cơ quan cấp trên không thể là chính cơ quan này.");
        }

        Rename(name, identifier);
        Kind = kind;
        ParentId = parentId;
    }

    /// <summary>Closes the agency from a date and names the body that took over its work.</summary>
    public void Close(DateOnly closedOn, Agency? successor)
    {
        if (successor is not null && successor.Id == Id)
        {
            throw new DomainException("agency.successor_self", "Cơ quan kế thừa không thể là chính cơ quan bị giải thể.");
        }

        if (ClosedOn is not null)
        {
            throw new DomainException("agency.already_closed", $"Cơ quan {Name} đã giải thể từ {VietnameseFormats.Date(ClosedOn.Value)}.");
        }

        if (successor is { IsActive: false })
        {
            throw new DomainException("agency.successor_closed", $"Cơ quan kế thừa {successor.Name} đã giải thể; hãy chọn một cơ quan đang hoạt động.");
        }

        ClosedOn = closedOn;
        SuccessorId = successor?.Id;
    }
}
