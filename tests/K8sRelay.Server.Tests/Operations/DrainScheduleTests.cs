using K8sRelay.Configuration.Model;
using K8sRelay.Core.Node;

namespace K8sRelay.Server.Tests.Operations;

/// <summary>How the drain schedule follows <c>shutdown.*</c>: as set for an API drain, shortened to fit the shutdown timeout on SIGTERM.</summary>
public sealed class DrainScheduleTests
{
    [Fact]
    public void Requested_UsesTheSettingsAsTheyAre()
    {
        var schedule = DrainSchedule.Requested(new ShutdownConfig { DrainGrace = TimeSpan.FromSeconds(3), DrainPeriod = TimeSpan.FromSeconds(40) });

        Assert.Equal(TimeSpan.FromSeconds(3), schedule.Grace);
        Assert.Equal(TimeSpan.FromSeconds(40), schedule.Period);
    }

    [Fact]
    public void ForShutdown_DefaultsFitTheDefaultTimeout()
    {
        var schedule = DrainSchedule.ForShutdown(new ShutdownConfig());

        Assert.Equal(TimeSpan.FromSeconds(2), schedule.Grace);
        Assert.Equal(TimeSpan.FromSeconds(15), schedule.Period);
    }

    [Theory]
    [InlineData(10, 2, 15, 2, 6)]
    [InlineData(30, 10, 60, 6, 19)]
    [InlineData(60, 0, 100, 0, 55)]
    [InlineData(1, 5, 5, 0.2, 0.6)]
    public void ForShutdown_EndsBeforeTheTimeoutWithAReserve(double timeout, double grace, double period, double expectedGrace, double expectedPeriod)
    {
        var shutdown = new ShutdownConfig
        {
            Timeout = TimeSpan.FromSeconds(timeout),
            DrainGrace = TimeSpan.FromSeconds(grace),
            DrainPeriod = TimeSpan.FromSeconds(period),
        };

        var schedule = DrainSchedule.ForShutdown(shutdown);

        Assert.Equal(TimeSpan.FromSeconds(expectedGrace), schedule.Grace);
        Assert.Equal(TimeSpan.FromSeconds(expectedPeriod), schedule.Period);
        Assert.True(schedule.Grace + schedule.Period < shutdown.Timeout);
    }

    [Fact]
    public void DueAfter_SpreadsClientsEvenlyFromTheStart()
    {
        var schedule = new DrainSchedule(TimeSpan.Zero, TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.Zero, schedule.DueAfter(0, 4));
        Assert.Equal(TimeSpan.FromSeconds(2.5), schedule.DueAfter(1, 4));
        Assert.Equal(TimeSpan.FromSeconds(7.5), schedule.DueAfter(3, 4));
        Assert.Equal(TimeSpan.Zero, new DrainSchedule(TimeSpan.Zero, TimeSpan.Zero).DueAfter(3, 4));
    }
}
