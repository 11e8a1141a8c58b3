using System.Security.Cryptography.X509Certificates;
using OneStop.Documents.Signing;
using OneStop.Documents.Signing.Development;

namespace OneStop.Documents.Tests.Signing;

/// <summary>The development CA as the dev-ca command uses it: saved, loaded again, issuing more certificates under the same root.</summary>
public class DevelopmentCaTests
{
    [Fact]
    public void A_reloaded_ca_issues_certificates_that_chain_to_the_first_root()
    {
        using var ca = DevelopmentCertificateAuthority.Create("Roundtrip");
        using var again = DevelopmentCertificateAuthority.Load(ca.ExportCa("pw"), "pw");
        Assert.Equal(ca.Root.Thumbprint, again.Root.Thumbprint);
        using var person = again.IssuePerson("Đặng Thị Hồng Nhung", "Ủy ban nhân dân phường Đông Kinh");
        Assert.Equal("Đặng Thị Hồng Nhung", person.GetNameInfo(X509NameType.SimpleName, false));

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca.Root);
        chain.ChainPolicy.ExtraStore.Add(again.IssuingCa);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(person), string.Join(", ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    [Fact]
    public void A_pkcs12_holds_the_key_and_the_whole_chain()
    {
        using var ca = DevelopmentCertificateAuthority.Create("P12");
        using var seal = ca.IssueSeal("Sở Tư pháp tỉnh Lạng Sơn");
        using var signer = Pkcs12DocumentSigner.Load(ca.ExportPkcs12(seal, "pw"), "pw");
        Assert.True(signer.Certificate.Certificate.HasPrivateKey);
        Assert.Equal("Sở Tư pháp tỉnh Lạng Sơn", signer.Certificate.Name);
        Assert.Equal(new[] { ca.IssuingCa.Thumbprint, ca.Root.Thumbprint }.Order(), signer.Certificate.Issuers.Select(c => c.Thumbprint).Order());
    }

    [Fact]
    public void The_time_stamp_authority_certificate_is_for_time_stamping_only()
    {
        using var ca = DevelopmentCertificateAuthority.Create("TSA");
        using var tsa = ca.IssueTimeStampAuthority();
        var eku = Assert.Single(tsa.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.True(eku.Critical);
        Assert.Equal("1.3.6.1.5.5.7.3.8", Assert.Single(eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>()).Value);
    }
}
