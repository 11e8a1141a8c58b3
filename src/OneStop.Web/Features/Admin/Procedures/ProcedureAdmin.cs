using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Core.Procedures;
using OneStop.Documents.Templates;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Procedures;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Runtime.Definitions;

namespace OneStop.Web.Features.Admin.Procedures;

/// <summary>Administrators create and change procedures; every change is a new version in force from a chosen date.</summary>
public sealed partial class ProcedureAdmin(OneStopDbContext db, ProcedureVersions versions, IWorkflowDefinitionRegistry workflows, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record Row(string Code, string Name, string Field, string? Agency, int Version, bool Published, DateTimeOffset? ScheduledFrom);

    public sealed record Choice(string Code, string Name);

    [GeneratedRegex(@"^[0-9]\.[0-9]{6}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex WorkflowIdPattern();

    public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await (from p in db.Procedures.AsNoTracking()
                          join f in db.Fields on p.FieldId equals f.Id
                          join a in db.Agencies on p.AgencyId equals a.Id into agencies
                          from a in agencies.DefaultIfEmpty()
                          orderby p.Code
                          select new Row(p.Code, p.Name, f.Name, a != null ? a.Name : null, p.CurrentVersion, p.IsActive,
                              db.ProcedureVersions.Where(v => v.ProcedureId == p.Id && v.EffectiveFrom > now && v.Number > p.CurrentVersion)
                                  .Min(v => (DateTimeOffset?)v.EffectiveFrom)))
            .ToListAsync(cancellationToken);
        return rows;
    }

    public async Task<IReadOnlyList<Choice>> FieldsAsync(CancellationToken cancellationToken) =>
        await db.Fields.AsNoTracking().OrderBy(f => f.Name).Select(f => new Choice(f.Code, f.Name)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Choice>> AgenciesAsync(CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().Where(a => a.ClosedOn == null).OrderBy(a => a.Kind).ThenBy(a => a.Code)
            .Select(a => new Choice(a.Code, a.Name)).ToListAsync(cancellationToken);

    public IReadOnlyList<string> WorkflowIds() => workflows.All.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToList();

    public async Task<Procedure?> FindAsync(string code, CancellationToken cancellationToken) =>
        await db.Procedures.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken);

    public Task<List<ProcedureVersion>> VersionsAsync(Guid procedureId, CancellationToken cancellationToken) => versions.ListAsync(procedureId, cancellationToken);

    /// <summary>The editor's starting point: the newest version's terms (a scheduled one included), or null when there is no such procedure.</summary>
    public async Task<ProcedureInput?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var procedure = await FindAsync(code, cancellationToken);
        if (procedure is null)
        {
            return null;
        }

        var latest = (await versions.ListAsync(procedure.Id, cancellationToken)).FirstOrDefault();
        var terms = latest?.Number > procedure.CurrentVersion ? latest.Terms : procedure.Terms;
        return new ProcedureInput
        {
            Code = procedure.Code,
            Name = terms.Name,
            FieldCode = await db.Fields.Where(f => f.Id == terms.FieldId).Select(f => f.Code).SingleAsync(cancellationToken),
            AgencyCode = terms.AgencyId is null ? "" : await db.Agencies.Where(a => a.Id == terms.AgencyId).Select(a => a.Code).SingleAsync(cancellationToken),
            Level = ((int)terms.Level).ToString(CultureInfo.InvariantCulture),
            Fee = terms.Fee.ToString("0", CultureInfo.InvariantCulture),
            ProcessingDays = terms.ProcessingDays.ToString(CultureInfo.InvariantCulture),
            WorkflowId = terms.WorkflowId,
            DocumentsJson = JsonSerializer.Serialize(terms.RequiredDocuments, Json),
            FormJson = JsonSerializer.Serialize(terms.FormSchema, Json),
            ResultTemplate = terms.ResultTemplate,
        };
    }

    /// <summary>Creates the procedure (unpublished) or records a new version of it; returns its code.</summary>
    public async Task<string> SaveAsync(string? existingCode, ProcedureInput input, string? user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, List<string>>();
        var procedure = existingCode is null ? null
            : await db.Procedures.SingleOrDefaultAsync(p => p.Code == existingCode, cancellationToken) ?? throw new NotFoundException($"Không có thủ tục mã {existingCode}.");
        var (terms, code, effectiveFrom) = await CheckAsync(input, procedure, errors, cancellationToken);
        if (errors.Count > 0 || terms is null)
        {
            throw new ProcedureValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        if (procedure is null)
        {
            return (await versions.CreateAsync(code, terms, user, cancellationToken)).Code;
        }

        if (code != procedure.Code)
        {
            procedure.Recode(code);
            await db.SaveChangesAsync(cancellationToken);
        }

        await versions.AddAsync(procedure.Id, terms, effectiveFrom, user, cancellationToken);
        return code;
    }

    public async Task PublishAsync(string code, CancellationToken cancellationToken)
    {
        var procedure = await db.Procedures.SingleOrDefaultAsync(p => p.Code == code, cancellationToken)
            ?? throw new NotFoundException($"Không có thủ tục mã {code}.");
        if (workflows.FindLatest(procedure.WorkflowId) is null)
        {
            throw new DomainException("procedure.workflow_unpublished",
                $"Quy trình '{procedure.WorkflowId}' chưa được ban hành; hãy ban hành quy trình trước khi công bố thủ tục.");
        }

        if (procedure.Level == OnlineLevel.Level2)
        {
            throw new DomainException("procedure.level2", "Thủ tục mức độ 2 chỉ cung cấp thông tin, không công bố để nộp hồ sơ trực tuyến.");
        }

        procedure.Publish();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UnpublishAsync(string code, CancellationToken cancellationToken)
    {
        var procedure = await db.Procedures.SingleOrDefaultAsync(p => p.Code == code, cancellationToken)
            ?? throw new NotFoundException($"Không có thủ tục mã {code}.");
        procedure.Deactivate();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Reads the form editor's JSON for the live preview.</summary>
    public static (IReadOnlyList<FormField> Fields, IReadOnlyList<string> Errors) ReadForm(string? json)
    {
        var errors = new List<string>();
        var fields = FormSchemaReader.Read(json, errors);
        return (fields, errors);
    }

    private async Task<(ProcedureTerms? Terms, string Code, DateTimeOffset EffectiveFrom)> CheckAsync(ProcedureInput input, Procedure? procedure,
        Dictionary<string, List<string>> errors, CancellationToken cancellationToken)
    {
        void Add(string key, string message)
        {
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }

            list.Add(message);
        }

        var code = Text.Clean(input.Code);
        if (code.Length == 0)
        {
            Add(nameof(input.Code), "Mã thủ tục: bắt buộc nhập.");
        }
        else if (!CodePattern().IsMatch(code))
        {
            Add(nameof(input.Code), "Mã thủ tục: phải là mã thủ tục quốc gia dạng 1.009994.");
        }
        else if (code != procedure?.Code)
        {
            if (await db.Procedures.AnyAsync(p => p.Code == code, cancellationToken))
            {
                Add(nameof(input.Code), $"Mã thủ tục: đã có thủ tục mã {code}.");
            }
            else if (procedure is not null && await db.Dossiers.AnyAsync(d => d.ProcedureId == procedure.Id, cancellationToken))
            {
                Add(nameof(input.Code), "Mã thủ tục: thủ tục đã có hồ sơ nên không đổi được mã.");
            }
        }

        var name = Text.Clean(input.Name);
        if (name.Length == 0)
        {
            Add(nameof(input.Name), "Tên thủ tục: bắt buộc nhập.");
        }
        else if (name.Length > 500)
        {
            Add(nameof(input.Name), "Tên thủ tục: tối đa 500 ký tự.");
        }

        var fieldCode = Text.Clean(input.FieldCode);
        var fieldId = await db.Fields.Where(f => f.Code == fieldCode).Select(f => (Guid?)f.Id).SingleOrDefaultAsync(cancellationToken);
        if (fieldId is null)
        {
            Add(nameof(input.FieldCode), "Lĩnh vực: vui lòng chọn một lĩnh vực.");
        }

        Guid? agencyId = null;
        var agencyCode = Text.Clean(input.AgencyCode);
        if (agencyCode.Length > 0)
        {
            agencyId = await db.Agencies.Where(a => a.Code == agencyCode && a.ClosedOn == null).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
            if (agencyId is null)
            {
                Add(nameof(input.AgencyCode), $"Cơ quan giải quyết: không có cơ quan mã {agencyCode} đang hoạt động.");
            }
        }

        if (!int.TryParse(input.Level, NumberStyles.None, CultureInfo.InvariantCulture, out var levelNumber) || levelNumber is < 2 or > 4)
        {
            Add(nameof(input.Level), "Mức độ dịch vụ công: chọn mức 2, 3 hoặc 4.");
        }

        var feeText = Text.Clean(input.Fee).Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (!decimal.TryParse(feeText.Length == 0 ? "0" : feeText, NumberStyles.None, CultureInfo.InvariantCulture, out var fee) || fee > 1_000_000_000_000m)
        {
            Add(nameof(input.Fee), "Lệ phí: nhập số tiền (đồng) là số nguyên không âm, ví dụ 135000.");
        }

        if (!int.TryParse(Text.Clean(input.ProcessingDays), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > 365)
        {
            Add(nameof(input.ProcessingDays), "Thời hạn giải quyết: nhập số ngày làm việc từ 0 đến 365.");
        }

        var workflowId = Text.Clean(input.WorkflowId);
        if (!WorkflowIdPattern().IsMatch(workflowId))
        {
            Add(nameof(input.WorkflowId), "Quy trình xử lý: nhập mã quy trình (chữ thường không dấu, chữ số và '-').");
        }

        var effectiveFrom = clock.GetUtcNow();
        var effective = Text.Clean(input.EffectiveFrom);
        if (effective.Length > 0)
        {
            var today = DateOnly.FromDateTime(effectiveFrom.ToOffset(VietnamTime.Offset).DateTime);
            if (!DateOnly.TryParseExact(effective, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Add(nameof(input.EffectiveFrom), "Ngày hiệu lực: ngày không hợp lệ (dd/MM/yyyy).");
            }
            else if (date < today)
            {
                Add(nameof(input.EffectiveFrom), "Ngày hiệu lực: không được trước ngày hôm nay (hồ sơ đã nộp giữ phiên bản cũ).");
            }
            else if (date > today)
            {
                effectiveFrom = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);
            }
        }

        var documentErrors = new List<string>();
        var documents = DocumentListReader.Read(input.DocumentsJson, documentErrors);
        documentErrors.ForEach(e => Add(nameof(input.DocumentsJson), e));
        var formErrors = new List<string>();
        var form = FormSchemaReader.Read(input.FormJson, formErrors);
        formErrors.ForEach(e => Add(nameof(input.FormJson), e));

        var template = string.IsNullOrWhiteSpace(input.ResultTemplate) || input.ResultTemplate.Trim() == "null" ? null : input.ResultTemplate.Trim();
        if (template is not null)
        {
            try
            {
                var parsed = ResultTemplate.FromJson(template);
                var names = form.SelectMany(f => f.Fields.Count > 0 ? f.Fields.Select(c => c.Name).Append(f.Name) : [f.Name]);
                foreach (var error in Placeholders.Validate(parsed, names.Concat(ResultTemplateAdmin.BuiltInPlaceholders)))
                {
                    Add(nameof(input.ResultTemplate), "Mẫu văn bản kết quả: " + error);
                }
            }
            catch (TemplateValidationException ex)
            {
                ex.Errors.ToList().ForEach(e => Add(nameof(input.ResultTemplate), "Mẫu văn bản kết quả: " + e));
            }
        }

        if (errors.Count > 0 || fieldId is null)
        {
            return (null, code, effectiveFrom);
        }

        return (new ProcedureTerms(name, fieldId.Value, agencyId, (OnlineLevel)levelNumber, fee, days, workflowId, documents, form, template), code, effectiveFrom);
    }
}
