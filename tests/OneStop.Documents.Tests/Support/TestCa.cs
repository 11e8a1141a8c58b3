using System.Security.Cryptography.X509Certificates;
using OneStop.Documents.Signing;
using OneStop.Documents.Signing.Development;

namespace OneStop.Documents.Tests.Support;

/// <summary>One development CA for the test run, with the people and agency the samples name (made in memory, never stored).</summary>
public static class TestCa
{
    public const string Password = "test-only";
    public const string Leader = "Vi Văn Thắng";
    public const string Counter = "Lường Văn Đức";
    public const string Agency = "Sở Xây dựng tỉnh Lạng Sơn";

    private static readonly Lazy<DevelopmentCertificateAuthority> Ca = new(() => DevelopmentCertificateAuthority.Create("OneStop Test"));
    private static readonly Lazy<byte[]> LeaderPfx = new(() => Authority.ExportPkcs12(Authority.IssuePerson(Leader, Agency), Password));
    private static readonly Lazy<byte[]> CounterPfx = new(() => Authority.ExportPkcs12(Authority.IssuePerson(Counter, Agency), Password));
    private static readonly Lazy<byte[]> SealPfx = new(() => Authority.ExportPkcs12(Authority.IssueSeal(Agency), Password));
    private static readonly Lazy<X509Certificate2> Tsa = new(() => Authority.IssueTimeStampAuthority());

    public static DevelopmentCertificateAuthority Authority => Ca.Value;

    public static Pkcs12DocumentSigner LeaderSigner() => Pkcs12DocumentSigner.Load(LeaderPfx.Value, Password);

    public static Pkcs12DocumentSigner CounterSigner() => Pkcs12DocumentSigner.Load(CounterPfx.Value, Password);

    public static Pkcs12DocumentSigner SealSigner() => Pkcs12DocumentSigner.Load(SealPfx.Value, Password);

    public static DevelopmentTimeStampAuthority TimeStampAuthority() => new(Tsa.Value, [Authority.IssuingCa, Authority.Root]);
}
