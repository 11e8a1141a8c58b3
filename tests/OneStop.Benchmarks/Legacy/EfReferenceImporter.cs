using Microsoft.EntityFrameworkCore;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Legacy;
using OneStop.Legacy.Analysis;
using OneStop.Legacy.Records;

namespace OneStop.Benchmarks.Legacy;

/// <summary>
/// The straightforward EF Core importer the issue asks for as a reference: read the same rows, build entities, AddRange and
/// SaveChanges every 1,000 rows (dossiers, their history, their attachments' metadata; reference data taken from the seed).
/// </summary>
internal static class EfReferenceImporter
{
    public static async Task<long> RunAsync(OneStopDbContext db, string bundle)
    {
        var procedure = await db.Procedures.Select(p => p.Id).FirstAsync();
        var agency = await db.Agencies.Select(a => a.Id).FirstAsync();
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        using var analyzer = await LegacyBundleAnalyzer.OpenAsync(bundle);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        long rows = 0;
        var batch = new List<object>(1000);
        async Task FlushAsync()
        {
            db.AddRange(batch);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            batch.Clear();
        }

        await foreach (var d in analyzer.ReadDossiersAsync())
        {
            var r = d.Row;
            var dossier = new Dossier(r.Code, procedure, agency, new Applicant(r.ApplicantName, r.IdNumber, r.PhoneAsTyped, r.Email, r.Address), null,
                r.Channel == LegacyChannel.Online ? SubmissionChannel.Online : SubmissionChannel.Counter, "{}", r.SubmittedAt);
            ids[r.Code] = dossier.Id;
            batch.Add(dossier);
            rows++;
            if (batch.Count == 1000)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        await foreach (var h in analyzer.ReadHistoryAsync())
        {
            batch.Add(new LegacyHistoryRecord
            {
                DossierId = ids[h.Row.DossierCode], Sequence = h.Row.Sequence, At = h.Row.At, UserName = h.Row.UserName,
                AgencyCode = h.Row.AgencyCode, Action = h.Row.Action, Content = h.Row.Content, RowHash = "", RunId = Guid.Empty,
            });
            rows++;
            if (batch.Count == 1000)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        await foreach (var a in analyzer.ReadAttachmentsAsync())
        {
            batch.Add(new DossierAttachment(ids[a.Row.DossierCode], "KHAC", a.Row.FileName, "application/pdf", a.Row.Size ?? 0, "",
                a.Row.UploadedAt ?? DateTimeOffset.UnixEpoch, null));
            rows++;
            if (batch.Count == 1000)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        return rows;
    }
}
