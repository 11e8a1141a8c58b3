using OneStop.Core.Dossiers;

namespace OneStop.UnitTests.Dossiers;

public sealed class LookupKeysTests
{
    [Fact]
    public void New_keys_are_ten_letters_of_the_unambiguous_alphabet_and_differ()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => LookupKeys.New()).ToList();

        Assert.All(keys, k => Assert.Matches("^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}$", k));
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Theory]
    [InlineData("K7M2P-Q9RX4", "K7M2PQ9RX4")]
    [InlineData(" k7m2p q9rx4 ", "K7M2PQ9RX4")]
    [InlineData("K7M2PQ9RX4", "K7M2PQ9RX4")]
    [InlineData("K7M2P-Q9RX", null)]
    [InlineData("K7M2P-Q9RX44", null)]
    [InlineData("K7M2P-Q9RX0", null)]
    [InlineData("K7M2P-Q9RXI", null)]
    [InlineData("1234", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void What_people_type_is_read_without_case_spaces_and_dashes_and_nothing_else(string? typed, string? expected) =>
        Assert.Equal(expected, LookupKeys.Normalize(typed));

    [Fact]
    public void A_key_is_printed_in_two_groups_and_matches_only_itself()
    {
        Assert.Equal("K7M2P-Q9RX4", LookupKeys.Format("K7M2PQ9RX4"));
        Assert.True(LookupKeys.Matches("K7M2PQ9RX4", "k7m2p-q9rx4"));
        Assert.False(LookupKeys.Matches("K7M2PQ9RX4", "K7M2P-Q9RX5"));
        Assert.False(LookupKeys.Matches(null, "K7M2P-Q9RX4"));
        Assert.False(LookupKeys.Matches("K7M2PQ9RX4", null));
    }
}
