using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Core.Organisation;
using OneStop.Documents;
using OneStop.Documents.Models;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Documents;

/// <summary>The counter's register (sổ theo dõi hồ sơ) of an agency for a period, as PDF or CSV.</summary>
public sealed class RegisterExporter(OneStopDbContext db, IDocumentRenderer renderer, IOptions<ProvinceOptions> province, TimeProvider clock)
{
    public const int MaxDays = 366;

    public async Task<RenderedDocument> ExportAsync(Guid agencyId, DateOnly from, DateOnly to, bool csv, CancellationToken cancellationToken = default)
    {
        var model = await BuildAsync(agencyId, from, to, cancellationToken);
        return csv ? renderer.ExportRegisterCsv(model) : renderer.RenderRegister(model);
    }

    /// <summary>The register's entries, as the PDF, the spreadsheet and the workspace's page show them.</summary>
    public async Task<RegisterModel> BuildAsync(Guid agencyId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from || to.DayNumber - from.DayNumber > MaxDays)
        {
            throw new DomainException("register.range_invalid", $"Khoảng thời gian không hợp lệ: từ ngày phải trước đến ngày, tối đa {MaxDays} ngày.");
        }

        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, cancellationToken);
        var parent = agency.ParentId is { } parentId ? await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == parentId, cancellationToken) : null;
        var start = VietnamTime.StartOf(from);
        var end = VietnamTime.StartOf(to.AddDays(1));
        var rows = await (from d in db.Dossiers.AsNoTracking()
                          join p in db.Procedures on d.ProcedureId equals p.Id
                          where d.AgencyId == agencyId && d.SubmittedAt >= start && d.SubmittedAt < end
                          orderby d.SubmittedAt, d.Code
                          select new { d.Code, Procedure = p.Name, d.Applicant.FullName, d.Applicant.Address, d.Applicant.PhoneAsTyped, d.SubmittedAt,
                              d.ReceivedAt, d.DueAt, d.CompletedAt, d.Status }).ToListAsync(cancellationToken);
        return new RegisterModel
        {
            Header = new DocumentHeader(parent?.Name.ToUpper(VietnameseFormats.Culture), agency.Name.ToUpper(VietnameseFormats.Culture),
                "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", null, province.Value.Place, clock.GetUtcNow(), agency.Name),
            From = from,
            To = to,
            Entries = rows.Select((r, i) => new RegisterEntry
            {
                Number = i + 1,
                DossierCode = r.Code,
                ProcedureName = r.Procedure,
                ApplicantName = r.FullName,
                ApplicantAddressAndPhone = string.Join(" — ", new[] { r.Address, r.PhoneAsTyped }.Where(x => !string.IsNullOrEmpty(x))),
                LeadAgency = agency.Name,
                ReceivedAt = r.ReceivedAt ?? r.SubmittedAt!.Value,
                DueAt = r.DueAt ?? r.ReceivedAt ?? r.SubmittedAt!.Value,
                ResultAt = r.CompletedAt,
                Note = StatusNote(r.Status),
            }).ToList(),
            Verification = new Verification($"{province.Value.PublicBaseUrl.TrimEnd('/')}/verify", $"SO-{agency.Code}-{from:yyMMdd}-{to:yyMMdd}")
            {
                IssuedBy = province.Value.IssuingSystem,
            },
        };
    }

    private static string? StatusNote(Core.Dossiers.DossierStatus status) => status switch
    {
        Core.Dossiers.DossierStatus.Rejected => "Từ chối",
        Core.Dossiers.DossierStatus.Withdrawn => "Rút hồ sơ",
        Core.Dossiers.DossierStatus.WaitingForSupplement => "Chờ bổ sung",
        _ => null,
    };
}
