using VinylVault.Core.Collection;
using VinylVault.Ui.Collection;

namespace VinylVault.Tests.Ui;

public sealed class CollectionUrlTests
{
    [Fact]
    public void Every_filter_survives_a_round_trip_through_the_address()
    {
        var query = new CollectionQuery
        {
            Q = "Kruder & Dorfmeister",
            Genre = "Electronic",
            Style = "Trip Hop",
            Format = "7\"",
            YearFrom = 1990,
            YearTo = 1999,
            FolderId = 3,
            Rating = 0,
            Sort = CollectionSort.DateAdded,
            Order = SortOrder.Desc,
        };

        var url = CollectionUrl.Build(query, "table");

        Assert.Equal(
            "/collection?q=Kruder%20%26%20Dorfmeister&genre=Electronic&style=Trip%20Hop&format=7%22&year_from=1990" +
            "&year_to=1999&folder_id=3&rating=0&sort=date_added&order=desc&view=table", url);
        Assert.Equal(query, CollectionUrl.Parse("http://pi.local" + url));
        Assert.Equal("table", CollectionUrl.View(url));
    }

    [Fact]
    public void Defaults_are_left_out_so_the_plain_page_has_a_plain_address()
    {
        Assert.Equal("/collection", CollectionUrl.Build(new CollectionQuery()));
        Assert.Equal(new CollectionQuery(), CollectionUrl.Parse("http://pi.local/collection"));
    }

    [Fact]
    public void Nonsense_in_a_hand_edited_address_is_ignored()
    {
        var query = CollectionUrl.Parse("http://pi.local/collection?year_from=abc&rating=9&sort=colour&order=sideways&q=%20%20");

        Assert.Equal(new CollectionQuery(), query);
    }
}
