using System.Text;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Benchmarks.Codecs;

/// <summary>Encoding one publication push and decoding a typical client frame, per protocol.</summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private readonly List<Command> _commands = new(4);
    private Publication _publication = null!;
    private byte[] _jsonFrame = null!;
    private byte[] _protobufFrame = null!;

    [GlobalSetup]
    public void Setup()
    {
        _publication = new Publication
        {
            Data = ByteString.CopyFromUtf8("{\"text\":\"hello world\",\"user\":\"42\",\"n\":12345}"),
            Offset = 42,
        };
        var connect = new Command { Id = 1, Connect = new ConnectRequest { Token = new string('t', 150), Name = "js" } };
        var subscribe = new Command { Id = 2, Subscribe = new SubscribeRequest { Channel = "chat:room", Flag = 1 } };
        _jsonFrame = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ClientCodecs.ClientSideFor(ProtocolType.Json).EncodeCommands([connect, subscribe])));
        _protobufFrame = ClientCodecs.ClientSideFor(ProtocolType.Protobuf).EncodeCommands([connect, subscribe]);
    }

    [Benchmark]
    public byte[] EncodePublication_Json() => ClientCodecs.Json.EncodePublicationPush("chat:room", _publication);

    [Benchmark]
    public byte[] EncodePublication_Protobuf() => ClientCodecs.Protobuf.EncodePublicationPush("chat:room", _publication);

    [Benchmark]
    public int DecodeConnectAndSubscribe_Json()
    {
        _commands.Clear();
        ClientCodecs.Json.DecodeCommands(_jsonFrame, _commands);
        return _commands.Count;
    }

    [Benchmark]
    public int DecodeConnectAndSubscribe_Protobuf()
    {
        _commands.Clear();
        ClientCodecs.Protobuf.DecodeCommands(_protobufFrame, _commands);
        return _commands.Count;
    }
}
