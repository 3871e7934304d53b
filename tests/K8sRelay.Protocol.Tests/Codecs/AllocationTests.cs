using Google.Protobuf;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Tests.Codecs;

/// <summary>
/// Encoding a publication push on the fan-out path allocates little beyond the returned array.
/// Bounds are generous on purpose; they catch a regression to per-call writers or buffers, not bytes.
/// </summary>
public sealed class AllocationTests
{
    private const int Iterations = 1000;

    public static TheoryData<ProtocolType, ReplyEncodingFlags> Cases => new()
    {
        { ProtocolType.Json, ReplyEncodingFlags.None },
        { ProtocolType.Json, ReplyEncodingFlags.PublicationDataAsJsonString },
        { ProtocolType.Protobuf, ReplyEncodingFlags.None },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EncodePublicationPush_AllocatesLittleMoreThanTheResult(ProtocolType protocol, ReplyEncodingFlags flags)
    {
        var codec = ClientCodecs.For(protocol);
        var publication = new Publication
        {
            Data = ByteString.CopyFromUtf8("{\"text\":\"" + new string('x', 100) + "\",\"n\":12345}"),
            Info = new ClientInfo { User = "42", Client = "0f1c6f7e-8a36-4a8c-9d4e-5b0c2f1d3e4f" },
            Offset = 16,
        };
        var resultLength = codec.EncodePublicationPush("chat:1", publication, flags).Length;

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            codec.EncodePublicationPush("chat:1", publication, flags);
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / Iterations;
        var arrayCost = resultLength + 32;
        Assert.True(perCall <= arrayCost + 128, $"{perCall} bytes per call for a {resultLength}-byte result");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WriteReply_IntoReusedBuffer_AllocatesAlmostNothing(ProtocolType protocol, ReplyEncodingFlags flags)
    {
        var codec = ClientCodecs.For(protocol);
        var reply = new Reply { Push = new Push { Channel = "chat:1", Pub = new Publication { Data = ByteString.CopyFromUtf8("{\"n\":1}"), Offset = 2 } } };
        var output = new System.Buffers.ArrayBufferWriter<byte>(4096);
        codec.WriteReply(reply, output, flags);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            output.ResetWrittenCount();
            codec.WriteReply(reply, output, flags);
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / Iterations;
        Assert.True(perCall <= 64, $"{perCall} bytes per call");
    }
}
