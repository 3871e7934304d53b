using System.Diagnostics.Metrics;
using K8sRelay.Core.Diagnostics;
using OpenTelemetry.Metrics;

namespace K8sRelay.Server.Diagnostics;

/// <summary>
/// A metrics view that keeps to this application's own instruments. Exporters pick meters by name, and every
/// node's meter has the same name, as do the ASP.NET Core meters of every web application; when several run
/// in one process (tests, embedded use) each export must show only its own node's numbers. Instruments of
/// another node's meter, or of a meter made by another application's <see cref="IMeterFactory"/>, are dropped;
/// process-wide meters (runtime) are kept.
/// </summary>
internal sealed class OwnInstrumentsView
{
    private readonly Meter _nodeMeter;
    private readonly IMeterFactory _meterFactory;

    public OwnInstrumentsView(RelayMetrics metrics, IMeterFactory meterFactory)
    {
        _nodeMeter = metrics.Meter;
        _meterFactory = meterFactory;
    }

    /// <summary>Null (export as usual) for own instruments, <see cref="MetricStreamConfiguration.Drop"/> for others'.</summary>
    public MetricStreamConfiguration? Select(Instrument instrument)
    {
        var meter = instrument.Meter;
        if (meter.Name == RelayMetrics.MeterName)
        {
            return ReferenceEquals(meter, _nodeMeter) ? null : MetricStreamConfiguration.Drop;
        }

        return meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, _meterFactory) ? MetricStreamConfiguration.Drop : null;
    }
}
