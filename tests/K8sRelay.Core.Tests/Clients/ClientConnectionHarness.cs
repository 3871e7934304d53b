using K8sRelay.Configuration.Model;
using K8sRelay.Core.Clients;
using K8sRelay.Core.Node;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;
using K8sRelay.Testing.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace K8sRelay.Core.Tests.Clients;

/// <summary>A node on a fake clock with helpers to open connections and send commands.</summary>
internal sealed class ClientConnectionHarness : IAsyncDisposable
{
    private uint _nextId;

    public ClientConnectionHarness(Action<RelayConfig>? configure = null)
    {
        Time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Node = TestNodes.Create(configure, Time);
    }

    public FakeTimeProvider Time { get; }

    public RelayNode Node { get; }

    public (ClientConnection Client, FakeTransport Transport) Open(ProtocolType protocol = ProtocolType.Json)
    {
        var transport = new FakeTransport(protocol);
        return (new ClientConnection(Node, transport, ConnectionRequestInfo.Empty), transport);
    }

    public async Task<(ClientConnection Client, FakeTransport Transport)> ConnectAsync(string user = "42", ProtocolType protocol = ProtocolType.Json, TimeSpan? ttl = null)
    {
        var (client, transport) = Open(protocol);
        var token = TestNodes.Tokens(Time).CreateConnectionToken(user, ttl ?? TimeSpan.FromHours(1));
        await SendAsync(client, protocol, new Command { Connect = new ConnectRequest { Token = token } });
        await transport.WaitForReplyAsync(r => r.Connect is not null);
        return (client, transport);
    }

    /// <summary>Sends one command (an id is assigned unless it is a pong or send).</summary>
    public async Task<uint> SendAsync(ClientConnection client, ProtocolType protocol, Command command, bool assignId = true)
    {
        if (assignId && command.Id == 0)
        {
            command.Id = ++_nextId;
        }

        var frame = ClientCodecs.ClientSideFor(protocol).EncodeCommand(command);
        await client.HandleFrameAsync(frame);
        return command.Id;
    }

    /// <summary>Moves the fake clock forward in one-second steps so the timer wheel ticks.</summary>
    public void Advance(TimeSpan span)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < span; elapsed += TimeSpan.FromSeconds(1))
        {
            Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    public ValueTask DisposeAsync() => Node.DisposeAsync();
}
