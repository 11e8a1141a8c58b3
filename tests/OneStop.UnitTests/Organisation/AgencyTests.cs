using OneStop.Core.Common;
using OneStop.Core.Organisation;

namespace OneStop.UnitTests.Organisation;

public sealed class AgencyTests
{
    [Fact]
    public void A_district_closed_by_the_2025_reorganisation_names_its_successor()
    {
        var commune = new Agency("X-CL", "Ủy ban nhân dân xã Cao Lộc", "000.03.00.H39", AgencyKind.Commune);
        var district = new Agency("h-caoloc", "Ủy ban nhân dân huyện Cao Lộc", "000.00.22.H39", AgencyKind.District);

        district.Close(new DateOnly(2025, 7, 1), commune);

        Assert.Equal("H-CAOLOC", district.Code);
        Assert.False(district.IsActive);
        Assert.Equal(commune.Id, district.SuccessorId);
    }

    [Fact]
    public void An_agency_cannot_succeed_itself()
    {
        var agency = new Agency("SXD", "Sở Xây dựng", "000.00.16.H39", AgencyKind.ProvincialDepartment);

        var error = Assert.Throws<DomainException>(() => agency.Close(new DateOnly(2025, 3, 1), agency));

        Assert.Equal("agency.successor_self", error.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SỞ XD")]
    [InlineData("A B")]
    [InlineData("THIS-CODE-IS-FAR-TOO-LONG-FOR-AN-AGENCY")]
    public void Codes_are_short_unaccented_and_without_spaces(string code) =>
        Assert.Throws<DomainException>(() => new Department(Guid.NewGuid(), code, "Phòng", false));
}
