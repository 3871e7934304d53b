using System.Text;
using System.Text.Unicode;
using K8sRelay.Protocol.Codecs;

namespace K8sRelay.Protocol.Tests.Delta;

public sealed class FossilDeltaTests
{
    private static byte[] Utf8Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void TargetWithoutUsableSource_IsOneInsertAndChecksum()
    {
        var delta = FossilDelta.Create([], Utf8Bytes("hello"));

        // Size 5, insert of 5 bytes, then the checksum of "hello" in base-64 digits.
        Assert.Equal("5\n5:hello3NPMmh;", Encoding.ASCII.GetString(delta));
    }

    [Fact]
    public void EmptyTarget_IsSizeZeroAndChecksumZero()
    {
        Assert.Equal("0\n0;", Encoding.ASCII.GetString(FossilDelta.Create(Utf8Bytes("some source text here"), [])));
        Assert.Empty(FossilDelta.Apply(Utf8Bytes("anything"), "0\n0;"u8));
    }

    [Fact]
    public void IdenticalPayload_IsOneCopy()
    {
        var payload = Utf8Bytes("{\"text\":\"the quick brown fox jumps over the lazy dog\",\"n\":1}");

        var delta = Encoding.ASCII.GetString(FossilDelta.Create(payload, payload));

        Assert.Matches("^[0-9A-Za-z_~]+\n[0-9A-Za-z_~]+@0,[0-9A-Za-z_~]+;$", delta);
        Assert.Equal(payload, FossilDelta.Apply(payload, Encoding.ASCII.GetBytes(delta)));
    }

    [Fact]
    public void Apply_HandWrittenDelta()
    {
        // Target "0123456789" + "XY" + "0123": copy 10 bytes from offset 0, insert "XY", copy 4 from offset 0.
        var source = Utf8Bytes("0123456789");
        var target = Utf8Bytes("0123456789XY0123");
        var checksum = HandChecksum(target);
        var delta = Utf8Bytes($"G\nA@0,2:XY4@0,{checksum};");

        Assert.Equal(target, FossilDelta.Apply(source, delta));
    }

    [Fact]
    public void Apply_CopyWithoutTrailingCommaBeforeEnd_IsUnterminated()
    {
        Assert.Throws<InvalidDataException>(() => FossilDelta.Apply(Utf8Bytes("0123456789"), "A\nA@0"u8));
    }

    [Theory]
    [InlineData("", "missing size")]
    [InlineData("5", "size not terminated")]
    [InlineData("5\n5:hello", "no checksum")]
    [InlineData("5\n5:hello3NPMmi;", "bad checksum")]
    [InlineData("6\n5:hello3NPMmh;", "size mismatch")]
    [InlineData("4\n5:hello3NPMmh;", "insert beyond announced size")]
    [InlineData("5\n9:hello", "insert beyond delta")]
    [InlineData("5\n5@9,0;", "copy beyond source")]
    [InlineData("5\n5@0;", "copy not terminated by comma")]
    [InlineData("5\n5?hello0;", "unknown command")]
    [InlineData("5\n:hello0;", "missing count")]
    [InlineData("zzzzzzzzzz\n0;", "size beyond 32 bits")]
    public void Apply_MalformedDelta_Throws(string delta, string why)
    {
        var source = Utf8Bytes("abcdefgh");

        var ex = Assert.Throws<InvalidDataException>(() => FossilDelta.Apply(source, Encoding.UTF8.GetBytes(delta)));
        Assert.False(string.IsNullOrEmpty(ex.Message), why);
    }

    [Theory]
    [MemberData(nameof(FossilDeltaCases.Names), MemberType = typeof(FossilDeltaCases))]
    public void CreateThenApply_RestoresTarget(string name)
    {
        var (source, target) = FossilDeltaCases.Get(name);

        var delta = FossilDelta.Create(source, target);

        Assert.Equal(target, FossilDelta.Apply(source, delta));
    }

    [Fact]
    public void SmallEditInLargePayload_GivesSmallDelta()
    {
        var (source, target) = FossilDeltaCases.Get("json-one-field-changed");

        var delta = FossilDelta.Create(source, target);

        Assert.True(delta.Length < target.Length / 10, $"delta {delta.Length} bytes for a {target.Length}-byte target");
    }

    [Theory]
    [MemberData(nameof(FossilDeltaCases.Names), MemberType = typeof(FossilDeltaCases))]
    public void DeltaOfUtf8Target_IsValidUtf8(string name)
    {
        var (source, target) = FossilDeltaCases.Get(name);
        if (!Utf8.IsValid(target))
        {
            return;
        }

        Assert.True(Utf8.IsValid(FossilDelta.Create(source, target)));
    }

    /// <summary>The checksum spelled out independently: big-endian words summed, tail zero-padded.</summary>
    private static string HandChecksum(byte[] data)
    {
        var padded = new byte[(data.Length + 3) / 4 * 4];
        data.CopyTo(padded, 0);
        uint sum = 0;
        for (var i = 0; i < padded.Length; i += 4)
        {
            sum += (uint)((padded[i] << 24) | (padded[i + 1] << 16) | (padded[i + 2] << 8) | padded[i + 3]);
        }

        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~";
        var text = new StringBuilder();
        do
        {
            text.Insert(0, digits[(int)(sum & 63)]);
            sum >>= 6;
        }
        while (sum != 0);
        return text.ToString();
    }
}
