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

    [Fact]
    public void A_closed_agency_is_not_closed_again_nor_named_as_a_successor()
    {
        var merged = new Agency("X-A", "Ủy ban nhân dân xã A", "000.04.00.H39", AgencyKind.Commune);
        var other = new Agency("X-B", "Ủy ban nhân dân xã B", "000.05.00.H39", AgencyKind.Commune);
        merged.Close(new DateOnly(2025, 7, 1), null);

        Assert.Equal("agency.already_closed", Assert.Throws<DomainException>(() => merged.Close(new DateOnly(2025, 8, 1), null)).Code);
        Assert.Equal("agency.successor_closed", Assert.Throws<DomainException>(() => other.Close(new DateOnly(2025, 7, 1), merged)).Code);
    }

    [Fact]
    public void An_agency_is_not_its_own_parent()
    {
        var agency = new Agency("STP", "Sở Tư pháp", "000.00.17.H39", AgencyKind.ProvincialDepartment);

        Assert.Equal("agency.parent_self", Assert.Throws<DomainException>(() => agency.Update("Sở Tư pháp", "000.00.17.H39", agency.Kind, agency.Id)).Code);
    }

    [Fact]
    public void A_one_stop_desk_needs_a_name()
    {
        Assert.Equal("counter.name_required", Assert.Throws<DomainException>(() => new ServiceCounter(Guid.NewGuid(), "Q01", " ", null)).Code);
        Assert.Equal("Q01", new ServiceCounter(Guid.NewGuid(), "q01", "Quầy số 1", "Tầng 1").Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SỞ XD")]
    [InlineData("A B")]
    [InlineData("THIS-CODE-IS-FAR-TOO-LONG-FOR-AN-AGENCY")]
    public void Codes_are_short_unaccented_and_without_spaces(string code) =>
        Assert.Throws<DomainException>(() => new Department(Guid.NewGuid(), code, "Phòng", false));
}
