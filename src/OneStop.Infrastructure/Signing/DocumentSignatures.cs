using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Core.Identity;
using OneStop.Core.Organisation;
using OneStop.Documents;
using OneStop.Documents.Signing;
using OneStop.Documents.Signing.Appearance;
using OneStop.Documents.Signing.Remote;
using OneStop.Documents.Signing.TimeStamping;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Runtime;

namespace OneStop.Infrastructure.Signing;

/// <summary>
/// Who signs an issued document and the signing itself: the official whose action issued it (their own certificate, their name and the
/// title they sign under), then the issuing agency's seal signature. A citizen's or the system's document (a withdrawal, a fee receipt,
/// a timer's notice) carries the seal only. Nothing is signed, and nothing refused, when <see cref="SigningOptions.Enabled"/> is off.
/// </summary>
public sealed class DocumentSignatures(OneStopDbContext db, SigningCredentials credentials, IOptions<SigningOptions> options, TimeProvider clock,
    ITimeStampClient? timeStamps = null, IRemoteSigningService? remote = null, RemoteSigningSettings? remoteSettings = null)
{
    private readonly RemoteSigningSettings _remote = remoteSettings ?? new RemoteSigningSettings();

    public bool Enabled => options.Value.Enabled;

    /// <summary>
    /// Refuses, inside the acting transaction, a change whose documents could not be signed: every person and agency that would sign one
    /// of its issue effects must hold a certificate in force. The caller's transaction then rolls back: nothing is half-done.
    /// </summary>
    public async Task EnsureReadyAsync(IEnumerable<WorkflowEffect> effects, Guid agencyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(effects);
        if (!Enabled)
        {
            return;
        }

        var actors = effects.Where(e => e.Kind == EffectKind.IssueDocument).Select(e => e.ActorUserId).Distinct().ToList();
        foreach (var actor in actors)
        {
            await ResolveAsync(await PrintedSignerAsync(actor, cancellationToken), agencyId, cancellationToken);
        }
    }

    /// <summary>Signs a rendered document as <paramref name="signer"/> (when an official, from <see cref="PrintedSignerAsync"/>) and then as the agency.</summary>
    public async Task<byte[]> SignAsync(RenderedDocument rendered, PrintedSigner? signer, Agency agency, string documentTitle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        ArgumentNullException.ThrowIfNull(agency);
        var signers = await ResolveAsync(signer, agency.Id, cancellationToken);
        var opened = new List<Pkcs12DocumentSigner>();
        try
        {
            var steps = new List<SigningStep>();
            if (signers.Person is { Credential.Kind: SigningCredentialKind.Remote } remotePerson)
            {
                // DocumentIssuer.IssueAsync for a remote signer (a caller that must hold the document at once; OneStop's own paths defer
                // instead, IssueOrDeferAsync and IssueOrAwaitSignatureAsync): the call waits for the confirmation on the device.
                var waiting = new RemoteDocumentSigner(RemoteService(), remotePerson.Credential.RemoteAccount!,
                    new RemoteSigningOptions { Timeout = TimeSpan.FromSeconds(Math.Max(5, _remote.DirectWaitSeconds)), PollInterval = TimeSpan.FromSeconds(1) }, clock);
                steps.Add(new SigningStep(waiting, SignatureAppearance.Person(remotePerson.Name, remotePerson.TitleLines)));
            }
            else if (signers.Person is { } person)
            {
                var own = credentials.Open(person.Credential);
                opened.Add(own);
                steps.Add(new SigningStep(own, SignatureAppearance.Person(person.Name, person.TitleLines)));
            }

            var seal = credentials.Open(signers.Seal);
            opened.Add(seal);
            steps.Add(new SigningStep(seal, SignatureAppearance.Seal(agency.Name)));
            var details = new SignatureDetails
            {
                DocumentTitle = documentTitle,
                Reason = signers.Person is null ? "Đóng dấu số của cơ quan" : "Ký số và đóng dấu số văn bản",
                Location = agency.Name,
            };
            return await new PdfSigningService(timeStamps, clock).SignAsync(rendered.Content, rendered.SignatureSlots, steps, details, cancellationToken);
        }
        catch (SigningException e)
        {
            throw new DomainException(e.Code, e.Message);
        }
        finally
        {
            foreach (var key in opened)
            {
                key.Dispose();
            }
        }
    }

    /// <summary>The remote credential in force of the official, when they sign remotely ("ký số từ xa"); null otherwise or when signing is off.</summary>
    public async Task<SigningCredential?> RemoteCredentialAsync(PrintedSigner? signer, CancellationToken cancellationToken)
    {
        if (!Enabled || signer is not { IsOfficial: true })
        {
            return null;
        }

        var credential = await credentials.FindAsync(SigningOwner.Official, signer.UserId, cancellationToken);
        return credential?.Kind == SigningCredentialKind.Remote ? credential : null;
    }

    /// <summary>
    /// Prepares the official's signature on a rendered document and submits the request to the CA (the official confirms on their device);
    /// the agency's seal is checked now and added when the signature comes back (<see cref="CompleteRemoteAsync"/>).
    /// </summary>
    public async Task<RemoteSubmission> SubmitRemoteAsync(byte[] pdf, IReadOnlyList<SignatureSlot> slots, PrintedSigner signer, Guid agencyId, string documentTitle,
        string dossierCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(signer);
        var signers = await ResolveAsync(signer, agencyId, cancellationToken);
        if (signers.Person is not { Credential.Kind: SigningCredentialKind.Remote } person)
        {
            throw new DomainException(SigningErrors.CertificateMissing, $"Cán bộ {signer.Name} không có tài khoản ký số từ xa còn hiệu lực.");
        }

        var agencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        try
        {
            var service = RemoteService();
            var account = person.Credential.RemoteAccount!;
            var certificate = await service.GetCertificateAsync(account, cancellationToken);
            var appearance = SignatureAppearance.Person(person.Name, person.TitleLines);
            var prepared = new PdfSigningService(timeStamps, clock).Prepare(pdf, SignaturePlacement.For(slots, appearance), appearance, certificate,
                Details(documentTitle, agencyName, sealOnly: false));
            var message = Nfc($"OneStop: ký số {documentTitle} – hồ sơ {dossierCode}");
            var transaction = await service.SubmitAsync(new RemoteSigningRequest(account, prepared.DataToBeSignedDigest, prepared.DocumentDigest, message),
                cancellationToken);
            var now = clock.GetUtcNow();
            return new RemoteSubmission(person.Credential.Id, prepared, transaction, now, now + TimeSpan.FromMinutes(Math.Max(1, _remote.ExpiresMinutes)));
        }
        catch (SigningException e)
        {
            throw new DomainException(e.Code, e.Message);
        }
    }

    /// <summary>Puts the official's remote signature into the prepared document and adds the agency's seal signature: the bytes to issue.</summary>
    public async Task<byte[]> CompleteRemoteAsync(PreparedSignature prepared, SignatureValue value, IReadOnlyList<SignatureSlot> slots, Guid agencyId,
        string documentTitle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => new { a.Id, a.Name }).SingleAsync(cancellationToken);
        var signers = await ResolveAsync(null, agency.Id, cancellationToken);
        var signing = new PdfSigningService(timeStamps, clock);
        try
        {
            var signed = await signing.CompleteAsync(prepared, value, cancellationToken);
            using var seal = credentials.Open(signers.Seal);
            return await signing.SignAsync(signed, slots, [new SigningStep(seal, SignatureAppearance.Seal(agency.Name))],
                Details(documentTitle, agency.Name, sealOnly: false), cancellationToken);
        }
        catch (SigningException e)
        {
            throw new DomainException(e.Code, e.Message);
        }
    }

    /// <summary>Where a remote request stands at the CA.</summary>
    public Task<RemoteSigningStatus> RemoteStatusAsync(string transactionId, CancellationToken cancellationToken) =>
        RemoteService().GetStatusAsync(transactionId, cancellationToken);

    private IRemoteSigningService RemoteService() => remote ?? throw new DomainException("signing.remote_unavailable",
        "Hệ thống chưa được kết nối với dịch vụ ký số từ xa của tổ chức chứng thực. Đề nghị quản trị hệ thống cấu hình Signing:Remote.");

    private static SignatureDetails Details(string documentTitle, string agencyName, bool sealOnly) => new()
    {
        DocumentTitle = documentTitle,
        Reason = sealOnly ? "Đóng dấu số của cơ quan" : "Ký số và đóng dấu số văn bản",
        Location = agencyName,
    };

    private static string Nfc(string text) => text.Normalize(System.Text.NormalizationForm.FormC);

    /// <summary>The printed signer of a document: the official's name and the title they sign under, from their account.</summary>
    public async Task<PrintedSigner?> PrintedSignerAsync(string? userId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(userId, out var id))
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.FullName, u.Position, u.AgencyId }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name!).ToListAsync(cancellationToken);
        var official = user.AgencyId is not null && roles.Any(Roles.IsOfficial);
        var title = !string.IsNullOrWhiteSpace(user.Position) ? user.Position.Trim()
            : roles.Contains(Roles.Leader) ? "THỦ TRƯỞNG CƠ QUAN" : roles.Contains(Roles.Reception) ? "NGƯỜI TIẾP NHẬN" : "CÁN BỘ XỬ LÝ";
        return new PrintedSigner(id, user.FullName, title, official);
    }

    private async Task<Signers> ResolveAsync(PrintedSigner? signer, Guid agencyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        PersonSigner? person = null;
        if (signer is { IsOfficial: true } official)
        {
            var credential = await credentials.FindAsync(SigningOwner.Official, official.UserId, cancellationToken);
            Check(credential, now, official.Name,
                $"Cán bộ {official.Name} chưa có chứng thư số để ký số văn bản. Đề nghị quản trị hệ thống cập nhật chứng thư số (Quản trị › Chữ ký số) rồi thực hiện lại.");
            person = new PersonSigner(credential!, official.Name, official.TitleLines);
        }

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var seal = await credentials.FindAsync(SigningOwner.Agency, agencyId, cancellationToken);
        Check(seal, now, agency,
            $"{agency} chưa có chứng thư số của cơ quan để đóng dấu số văn bản. Đề nghị quản trị hệ thống cập nhật chứng thư số (Quản trị › Chữ ký số) rồi thực hiện lại.");
        return new Signers(person, seal!);
    }

    private static void Check(SigningCredential? credential, DateTimeOffset now, string who, string missing)
    {
        if (credential is null)
        {
            throw new DomainException(SigningErrors.CertificateMissing, missing);
        }

        if (now >= credential.NotAfter)
        {
            throw new DomainException(SigningErrors.CertificateExpired,
                $"Chứng thư số của {who} đã hết hạn ngày {credential.NotAfter.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy}. Không thể ký số văn bản; đề nghị gia hạn hoặc cập nhật chứng thư số mới rồi thực hiện lại.");
        }

        if (now < credential.NotBefore)
        {
            throw new DomainException(SigningErrors.CertificateNotYetValid,
                $"Chứng thư số của {who} chưa có hiệu lực (từ {credential.NotBefore.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy}). Không thể ký số văn bản.");
        }
    }

    private sealed record PersonSigner(SigningCredential Credential, string Name, IReadOnlyList<string> TitleLines);

    private sealed record Signers(PersonSigner? Person, SigningCredential Seal);
}

/// <summary>A remote signing request made: with which credential, what was prepared, the CA's transaction, and until when it waits.</summary>
public sealed record RemoteSubmission(Guid CredentialId, PreparedSignature Prepared, string TransactionId, DateTimeOffset SubmittedAt, DateTimeOffset ExpiresAt);

/// <summary>The person printed under a document's signature: their name and title lines (the title may span lines, e.g. "KT. GIÁM ĐỐC" then "PHÓ GIÁM ĐỐC").</summary>
public sealed record PrintedSigner(Guid UserId, string Name, string Title, bool IsOfficial)
{
    public IReadOnlyList<string> TitleLines => Title.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
