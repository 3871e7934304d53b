using System.Text;

namespace K8sRelay.Protocol.Tests.Delta;

/// <summary>Named source/target pairs shared by the delta tests and the centrifuge-js interop test.</summary>
internal static class FossilDeltaCases
{
    private static readonly Dictionary<string, Func<(byte[] Source, byte[] Target)>> Cases = new()
    {
        ["both-empty"] = () => ([], []),
        ["empty-source"] = () => ([], Text("{\"a\":1}")),
        ["short-source"] = () => (Text("{\"a\":1}"), Text("{\"a\":2}")),
        ["identical"] = () => (Json(40, 0), Json(40, 0)),
        ["json-one-field-changed"] = () => (Json(200, 0), Json(200, 1)),
        ["appended"] = () => (Json(30, 0), Concat(Json(30, 0), Text("{\"tail\":\"more and more text here\"}"))),
        ["prepended"] = () => (Json(30, 0), Concat(Text("{\"head\":\"new text at the front\"}"), Json(30, 0))),
        ["shuffled-blocks"] = () => (Text(string.Concat(Enumerable.Range(0, 50).Select(i => $"block-{i:D4}-abcdefghij;"))),
            Text(string.Concat(Enumerable.Range(0, 50).Reverse().Select(i => $"block-{i:D4}-abcdefghij;")))),
        ["unrelated"] = () => (Random(1, 500), Random(2, 300)),
        ["binary-edit"] = () => Edited(Random(3, 4000), seed: 4),
        ["multibyte-text"] = () => (JsonText(Words("héllo wörld ünïcödé ½ € 𝄞 ", 40, 0)), JsonText(Words("héllo wörld ünïcödé ½ € 𝄞 ", 40, 7))),
        ["cjk-shift"] = () => (JsonText(Words("漢字かなカナ한국어", 60, 0)), JsonText("前置" + Words("漢字かなカナ한국어", 60, 3))),
        ["accent-swap"] = () => (JsonText(Words("0123456789abcdefé", 20, 0)), JsonText(Words("0123456789abcdefè", 20, 0))),
        ["large-json"] = () => (Json(3000, 0), Json(3000, 17)),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    public static IEnumerable<string> AllNames => Cases.Keys;

    public static (byte[] Source, byte[] Target) Get(string name) => Cases[name]();

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A JSON object holding <paramref name="text"/> as a string.</summary>
    private static byte[] JsonText(string text) => Text($"{{\"text\":\"{text}\"}}");

    private static byte[] Concat(byte[] first, byte[] second) => [.. first, .. second];

    /// <summary>A JSON array of records; <paramref name="variant"/> changes every 37th value.</summary>
    private static byte[] Json(int records, int variant)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < records; i++)
        {
            var value = variant != 0 && i % 37 == 0 ? i + variant : i;
            text.Append(i == 0 ? string.Empty : ",").Append($"{{\"id\":{i},\"name\":\"user-{i}\",\"score\":{value}}}");
        }

        return Text(text.Append(']').ToString());
    }

    /// <summary><paramref name="phrase"/> repeated, with every 5th copy tagged by <paramref name="variant"/>.</summary>
    private static string Words(string phrase, int copies, int variant)
    {
        var text = new StringBuilder();
        for (var i = 0; i < copies; i++)
        {
            text.Append(phrase);
            if (variant != 0 && i % 5 == 0)
            {
                text.Append('ü').Append(variant + i);
            }
        }

        return text.ToString();
    }

    private static byte[] Random(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The data and a copy with a few bytes changed, some removed and some inserted.</summary>
    private static (byte[] Source, byte[] Target) Edited(byte[] data, int seed)
    {
        var random = new Random(seed);
        var target = new List<byte>(data);
        for (var i = 0; i < 10; i++)
        {
            target[random.Next(target.Count)] = (byte)random.Next(256);
        }

        target.RemoveRange(random.Next(target.Count - 100), 50);
        target.InsertRange(random.Next(target.Count), Random(seed + 1, 70));
        return (data, [.. target]);
    }
}
