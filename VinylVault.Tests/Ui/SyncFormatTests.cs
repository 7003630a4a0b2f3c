using VinylVault.Ui.Sync;

namespace VinylVault.Tests.Ui;

public sealed class SyncFormatTests
{
    private static readonly DateTimeOffset Now = MudTestContext.Now;

    [Theory]
    [InlineData(3, "a few seconds")]
    [InlineData(12, "15 s")]
    [InlineData(50, "50 s")]
    [InlineData(57, "1 min")]
    [InlineData(61, "2 min")]
    [InlineData(59 * 60 + 30, "1 h 00 min")]
    [InlineData(3600 + 5 * 60, "1 h 05 min")]
    [InlineData(26 * 3600, "1 d 2 h")]
    public void Time_left_is_rounded_up_the_way_people_say_it(int seconds, string expected) =>
        Assert.Equal(expected, SyncFormat.Remaining(Now.AddSeconds(seconds), Now));

    [Fact]
    public void An_unknown_or_past_eta_never_reads_as_negative()
    {
        Assert.Equal("–", SyncFormat.Remaining(null, Now));
        Assert.Equal("a few seconds", SyncFormat.Remaining(Now.AddSeconds(-30), Now));
    }

    [Theory]
    [InlineData(-3, "0 %")]
    [InlineData(0, "0 %")]
    [InlineData(99.9, "99 %")]
    [InlineData(100, "100 %")]
    [InlineData(104, "100 %")]
    public void Percent_is_whole_and_clamped(double percent, string expected) =>
        Assert.Equal(expected, SyncFormat.Percent(percent));

    [Theory]
    [InlineData(0, "–")]
    [InlineData(0.5, "30 items/min")]
    [InlineData(2.345, "2.3 items/s")]
    [InlineData(48.6, "49 items/s")]
    public void Speed_reads_per_minute_when_slow(double perSecond, string expected) =>
        Assert.Equal(expected, SyncFormat.Rate(perSecond));

    [Theory]
    [InlineData(0.4, "under a second")]
    [InlineData(48, "48 s")]
    [InlineData(185, "3 min 05 s")]
    [InlineData(4320, "1 h 12 min")]
    public void Durations_read_in_the_largest_units(double seconds, string expected) =>
        Assert.Equal(expected, SyncFormat.Duration(TimeSpan.FromSeconds(seconds)));
}
