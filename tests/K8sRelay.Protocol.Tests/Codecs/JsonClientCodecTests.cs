using System.Text;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Tests.Codecs;

/// <summary>JSON specifics: omitempty rules, always-written fields, raw payloads, tolerant reading.</summary>
public sealed class JsonClientCodecTests
{
    private static readonly JsonClientCodec Codec = ClientCodecs.Json;

    private static string Encode(Reply reply, ReplyEncodingFlags flags = ReplyEncodingFlags.None) =>
        Encoding.UTF8.GetString(Codec.EncodeReply(reply, flags));

    private static Command DecodeOne(string json)
    {
        var commands = new List<Command>();
        Codec.DecodeCommands(Encoding.UTF8.GetBytes(json), commands);
        return Assert.Single(commands);
    }

    [Fact]
    public void EmptyResults_AreWrittenAsEmptyObjects()
    {
        Assert.Equal("{\"id\":1,\"unsubscribe\":{}}", Encode(new Reply { Id = 1, Unsubscribe = new UnsubscribeResult() }));
        Assert.Equal("{\"id\":2,\"publish\":{}}", Encode(new Reply { Id = 2, Publish = new PublishResult() }));
        Assert.Equal("{\"id\":3,\"ping\":{}}", Encode(new Reply { Id = 3, Ping = new PingResult() }));
        Assert.Equal("{\"id\":4,\"rpc\":{}}", Encode(new Reply { Id = 4, Rpc = new RPCResult() }));
        Assert.Equal("{\"id\":5,\"subscribe\":{}}", Encode(new Reply { Id = 5, Subscribe = new SubscribeResult() }));
        Assert.Equal("{\"id\":6,\"connect\":{}}", Encode(new Reply { Id = 6, Connect = new ConnectResult() }));
        Assert.Equal("{\"id\":7,\"refresh\":{}}", Encode(new Reply { Id = 7, Refresh = new RefreshResult() }));
        Assert.Equal("{\"id\":8,\"sub_refresh\":{}}", Encode(new Reply { Id = 8, SubRefresh = new SubRefreshResult() }));
    }

    [Fact]
    public void AlwaysWrittenFields_AppearWhenZero()
    {
        Assert.Equal("{\"id\":1,\"presence\":{\"presence\":{}}}", Encode(new Reply { Id = 1, Presence = new PresenceResult() }));
        Assert.Equal("{\"id\":2,\"presence_stats\":{\"num_clients\":0,\"num_users\":0}}", Encode(new Reply { Id = 2, PresenceStats = new PresenceStatsResult() }));
        Assert.Equal("{\"id\":3,\"history\":{\"publications\":[],\"epoch\":\"\",\"offset\":0}}", Encode(new Reply { Id = 3, History = new HistoryResult() }));
        Assert.Equal(
            "{\"push\":{\"channel\":\"c\",\"join\":{\"info\":{\"user\":\"\",\"client\":\"\"}}}}",
            Encode(new Reply { Push = new Push { Channel = "c", Join = new Join { Info = new ClientInfo() } } }));
    }

    [Fact]
    public void ZeroFields_AreOmitted()
    {
        Assert.Equal("{\"push\":{\"pub\":{}}}", Encode(new Reply { Push = new Push { Pub = new Publication() } }));
        Assert.Equal("{\"id\":1,\"error\":{}}", Encode(new Reply { Id = 1, Error = new Error() }));
        Assert.Equal("{\"push\":{\"disconnect\":{}}}", Encode(new Reply { Push = new Push { Disconnect = new Disconnect() } }));
        Assert.Equal("{}", Encode(new Reply()));
    }

    [Fact]
    public void Error_IsNeverWrittenUnlessSet()
    {
        var json = Encode(new Reply { Id = 9, Subscribe = new SubscribeResult { Epoch = "e" } });

        Assert.DoesNotContain("error", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\":[1,2,{\"b\":null}]}")]
    [InlineData("{ \"spaced\" : [ 1 , 2 ] }")]
    [InlineData("\"just a string with \\\"escapes\\\" and \\u00e9\"")]
    [InlineData("42")]
    [InlineData("-1.5e3")]
    [InlineData("true")]
    [InlineData("[]")]
    [InlineData("{\"emoji\":\"😀\",\"text\":\"привет\"}")]
    public void RawData_IsCapturedVerbatimAndWrittenBack(string payload)
    {
        var command = DecodeOne($"{{\"publish\":{{\"channel\":\"c\",\"data\": {payload} }},\"id\":1}}");

        Assert.Equal(payload, command.Publish.Data.ToStringUtf8());
        var reply = Encode(new Reply { Push = new Push { Channel = "c", Pub = new Publication { Data = command.Publish.Data } } });
        Assert.Equal($"{{\"push\":{{\"channel\":\"c\",\"pub\":{{\"data\":{payload}}}}}}}", reply);
    }

    [Fact]
    public void RawData_NewlinesAreStrippedWhenWritten()
    {
        var data = SampleMessages.Raw("{\n  \"a\": 1,\r\n  \"b\": \"x\\ny\"\n}\n");

        var json = Encode(new Reply { Id = 1, Rpc = new RPCResult { Data = data } });

        Assert.Equal("{\"id\":1,\"rpc\":{\"data\":{  \"a\": 1,  \"b\": \"x\\ny\"}}}", json);
    }

    [Fact]
    public void RawData_OnlyNewlines_BecomesNull()
    {
        Assert.Equal("{\"id\":1,\"rpc\":{\"data\":null}}", Encode(new Reply { Id = 1, Rpc = new RPCResult { Data = SampleMessages.Raw("\r\n") } }));
    }

    [Fact]
    public void EncodedText_NeverContainsRawNewlines()
    {
        var reply = new Reply
        {
            Id = 1,
            Error = new Error { Code = 400, Message = "line1\nline2\r\u2028" },
            Push = new Push { Channel = "a\nb", Pub = new Publication { Data = SampleMessages.Raw("\"x\"\n"), Tags = { ["k\n"] = "v\n" } } },
        };

        var bytes = Codec.EncodeReply(reply);

        Assert.DoesNotContain((byte)'\n', bytes);
        Assert.DoesNotContain((byte)'\r', bytes);
        var decoded = new List<Reply>();
        Codec.DecodeReplies(bytes, decoded);
        Assert.Equal("line1\nline2\r\u2028", decoded[0].Error.Message);
        Assert.Equal("a\nb", decoded[0].Push.Channel);
    }

    [Fact]
    public void PublicationDataAsJsonString_WritesThePayloadTextAsAString()
    {
        var publication = new Publication { Data = SampleMessages.Raw("{\"text\":\"é\\n\"}"), Offset = 3 };

        var json = Encode(new Reply { Push = new Push { Channel = "c", Pub = publication } }, ReplyEncodingFlags.PublicationDataAsJsonString);

        Assert.Equal("{\"push\":{\"channel\":\"c\",\"pub\":{\"data\":\"{\\\"text\\\":\\\"é\\\\n\\\"}\",\"offset\":3}}}", json);
    }

    [Fact]
    public void PublicationDataAsJsonString_AppliesToRecoveredPublicationsButNotHistory()
    {
        var data = SampleMessages.Raw("{\"n\":1}");
        var flags = ReplyEncodingFlags.PublicationDataAsJsonString;

        var subscribe = Encode(new Reply { Id = 1, Subscribe = new SubscribeResult { Publications = { new Publication { Data = data, Offset = 1 } } } }, flags);
        var history = Encode(new Reply { Id = 2, History = new HistoryResult { Publications = { new Publication { Data = data, Offset = 1 } } } }, flags);

        Assert.Equal("{\"id\":1,\"subscribe\":{\"publications\":[{\"data\":\"{\\\"n\\\":1}\",\"offset\":1}]}}", subscribe);
        Assert.Equal("{\"id\":2,\"history\":{\"publications\":[{\"data\":{\"n\":1},\"offset\":1}],\"epoch\":\"\",\"offset\":0}}", history);
    }

    [Fact]
    public void PublicationDataAsJsonString_InvalidUtf8DoesNotThrow()
    {
        var publication = new Publication { Data = Google.Protobuf.ByteString.CopyFrom(0x41, 0xFF, 0x42) };

        var json = Encode(new Reply { Push = new Push { Pub = publication } }, ReplyEncodingFlags.PublicationDataAsJsonString);

        Assert.StartsWith("{\"push\":{\"pub\":{\"data\":\"A", json, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFieldsAndNulls_AreIgnored()
    {
        var command = DecodeOne(
            "{\"future\":{\"x\":[1,{\"y\":2}],\"z\":null},\"id\":1,\"method\":7,\"publish\":{\"channel\":\"c\",\"type\":1,\"key\":\"k\",\"data\":null},"
            + "\"connect\":null,\"subscribe\":null}");

        Assert.Equal(new Command { Id = 1, Publish = new PublishRequest { Channel = "c" } }, command);
    }

    [Fact]
    public void NullEntriesInMapsAndArrays_AreSkipped()
    {
        var command = DecodeOne("{\"id\":1,\"connect\":{\"headers\":{\"a\":null,\"b\":\"2\"},\"subs\":{\"x\":null}},\"subscribe\":{\"tf\":{\"vals\":[\"v\"],\"nodes\":[null]}}}");

        Assert.Equal("2", Assert.Single(command.Connect.Headers).Value);
        Assert.Empty(command.Connect.Subs);
        Assert.Empty(command.Subscribe.Tf.Nodes);
    }

    [Fact]
    public void EscapedNamesAndStrings_AreUnescaped()
    {
        var command = DecodeOne("{\"\\u0069d\":5,\"sub\\u0073cribe\":{\"channel\":\"a\\\"b\\\\c\\u00e9\\ud83d\\ude00\\n\"}}");

        Assert.Equal(5u, command.Id);
        Assert.Equal("a\"b\\cé😀\n", command.Subscribe.Channel);
    }

    [Fact]
    public void DuplicateProperty_LastOneWins()
    {
        Assert.Equal(2u, DecodeOne("{\"id\":1,\"id\":2}").Id);
    }

    [Fact]
    public void NonAsciiText_IsWrittenAsUtf8()
    {
        var json = Encode(new Reply { Push = new Push { Channel = "чат:1", Unsubscribe = new Unsubscribe { Reason = "<b>&'" } } });

        Assert.Equal("{\"push\":{\"channel\":\"чат:1\",\"unsubscribe\":{\"reason\":\"<b>&'\"}}}", json);
    }

    [Fact]
    public void LargeNumbers_RoundTrip()
    {
        var command = DecodeOne("{\"id\":4294967295,\"subscribe\":{\"offset\":18446744073709551615,\"flag\":-9223372036854775808}}");

        Assert.Equal(uint.MaxValue, command.Id);
        Assert.Equal(ulong.MaxValue, command.Subscribe.Offset);
        Assert.Equal(long.MinValue, command.Subscribe.Flag);
        Assert.Equal("{\"push\":{\"pub\":{\"offset\":18446744073709551615,\"score\":-5}}}", Encode(new Reply { Push = new Push { Pub = new Publication { Offset = ulong.MaxValue, Score = -5 } } }));
    }

    [Theory]
    [InlineData("{\"id\":1}\n")]
    [InlineData("{\"id\":1}\r\n")]
    [InlineData("  {\"id\":1}  ")]
    [InlineData("\t{ \"id\" : 1 }\r")]
    public void SurroundingWhitespaceAndOneTrailingNewline_AreAccepted(string frame)
    {
        Assert.Equal(1u, DecodeOne(frame).Id);
    }

    [Fact]
    public void FrameOfManyCommands_DecodesInOrder()
    {
        var frame = string.Join('\n', Enumerable.Range(1, 50).Select(i => $"{{\"id\":{i},\"publish\":{{\"channel\":\"c{i}\",\"data\":{{\"i\":{i}}}}}}}")) + "\n";
        var commands = new List<Command>();

        Codec.DecodeCommands(Encoding.UTF8.GetBytes(frame), commands);

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (uint)i), commands.Select(c => c.Id));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"{{\"i\":{i}}}"), commands.Select(c => c.Publish.Data.ToStringUtf8()));
    }

    [Fact]
    public void EncodeCommands_JoinsWithNewlines()
    {
        var frame = Codec.EncodeCommands([new Command { Id = 1, Connect = new ConnectRequest { Name = "js" } }, new Command { Id = 2, Subscribe = new SubscribeRequest { Channel = "c" } }, new Command()]);

        Assert.Equal("{\"id\":1,\"connect\":{\"name\":\"js\"}}\n{\"id\":2,\"subscribe\":{\"channel\":\"c\"}}\n{}", Encoding.UTF8.GetString(frame));
    }

    [Fact]
    public void ConcurrentEncoding_ProducesIdenticalBytes()
    {
        var reply = SampleMessages.Replies["push_pub"]();
        var expected = Codec.EncodeReply(reply);

        Parallel.For(0, 2000, _ => Assert.Equal(expected, Codec.EncodeReply(reply)));
    }
}
