using BenchmarkDotNet.Attributes;
using K8sRelay.Configuration.Model;
using K8sRelay.Core.Clients;
using K8sRelay.Core.Engines;
using K8sRelay.Core.Node;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;
using K8sRelay.Testing.Nodes;
using Publication = K8sRelay.Core.Engines.Publication;
using StreamPosition = K8sRelay.Core.Engines.StreamPosition;

namespace K8sRelay.Benchmarks.Hub;

/// <summary>
/// One publication fanned out to N subscribed in-memory connections, including the writers that
/// drain each connection's queue (the benchmark waits until every delivery was written).
/// Deliveries per second = N / mean time.
/// </summary>
[MemoryDiagnoser]
public class BroadcastBenchmarks
{
    private RelayNode _node = null!;
    private FakeTransport[] _transports = null!;
    private Publication _publication = null!;
    private readonly WriteCounter _written = new();
    private long _expected;

    [Params(1_000, 10_000)]
    public int Subscribers { get; set; }

    [Params(ProtocolType.Json, ProtocolType.Protobuf)]
    public ProtocolType Protocol { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _node = TestNodes.Create(c =>
        {
            c.Channel.WithoutNamespace = new ChannelOptionsConfig { AllowSubscribeForClient = true };
            c.Client.PingInterval = TimeSpan.FromHours(1);
        });
        var tokens = TestNodes.Tokens();
        var codec = ClientCodecs.ClientSideFor(Protocol);
        _transports = new FakeTransport[Subscribers];
        for (var i = 0; i < Subscribers; i++)
        {
            _transports[i] = new FakeTransport(Protocol) { Discard = true, SharedCounter = _written };
            var client = new ClientConnection(_node, _transports[i], ConnectionRequestInfo.Empty);
            var frame = codec.EncodeCommands(
            [
                new Command { Id = 1, Connect = new ConnectRequest { Token = tokens.CreateConnectionToken("user" + i) } },
                new Command { Id = 2, Subscribe = new SubscribeRequest { Channel = "news" } },
            ]);
            client.HandleFrameAsync(frame).AsTask().GetAwaiter().GetResult();
        }

        WaitForWrites(2L * Subscribers);
        _publication = new Publication { Data = "{\"text\":\"hello world\",\"n\":12345}"u8.ToArray() };
    }

    [Benchmark]
    public void Broadcast()
    {
        _node.HandlePublicationAsync("news", _publication, new StreamPosition(0, string.Empty), false, null).AsTask().GetAwaiter().GetResult();
        WaitForWrites(Subscribers);
    }

    private void WaitForWrites(long more)
    {
        _expected += more;
        var spin = new SpinWait();
        while (_written.Count < _expected)
        {
            spin.SpinOnce();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _node.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
