using System.Text;
using System.Text.Json;
using Google.Protobuf;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;
using K8sRelay.Protocol.Tests.Interop;

namespace K8sRelay.Protocol.Tests.Delta;

/// <summary>Our deltas decoded by the Fossil decoder that ships inside centrifuge-js.</summary>
public sealed class FossilDeltaInteropTests
{
    [Fact]
    public async Task CentrifugeJsApplyDelta_RestoresEveryTarget()
    {
        var cases = FossilDeltaCases.AllNames.Select(FossilDeltaCases.Get).ToList();
        var input = cases.Select(c => new { source = Convert.ToBase64String(c.Source), delta = Convert.ToBase64String(FossilDelta.Create(c.Source, c.Target)) });

        var results = await ApplyInNodeAsync(JsonSerializer.Serialize(input));

        for (var i = 0; i < cases.Count; i++)
        {
            Assert.Equal(Convert.ToBase64String(cases[i].Target), results[i]);
        }
    }

    [Fact]
    public async Task CentrifugeJsJsonCodec_AppliesDeltaSentAsJsonString()
    {
        // The JSON SDK path: data is a JSON string; delta:true means it is a Fossil delta of the previous payload.
        var textCases = FossilDeltaCases.AllNames.Select(FossilDeltaCases.Get)
            .Where(c => IsJson(c.Target))
            .ToList();
        var input = textCases.Select(c => new
        {
            source = Convert.ToBase64String(c.Source),
            jsonReply = Encoding.UTF8.GetString(ClientCodecs.Json.EncodePublicationPush(
                "ch",
                new Publication { Data = ByteString.CopyFrom(FossilDelta.Create(c.Source, c.Target)), Delta = true, Offset = 2 },
                ReplyEncodingFlags.PublicationDataAsJsonString)),
        });

        var results = await ApplyInNodeAsync(JsonSerializer.Serialize(input));

        Assert.True(textCases.Count >= 8);
        for (var i = 0; i < textCases.Count; i++)
        {
            Assert.Equal(Convert.ToBase64String(textCases[i].Target), results[i]);
        }
    }

    private static bool IsJson(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<List<string>> ApplyInNodeAsync(string input)
    {
        var output = await NodeScript.RunAsync("fossil-apply.cjs", input);
        using var document = JsonDocument.Parse(output);
        var targets = new List<string>();
        foreach (var result in document.RootElement.EnumerateArray())
        {
            Assert.False(result.TryGetProperty("error", out var error), $"centrifuge-js failed: {error}");
            targets.Add(result.GetProperty("target").GetString()!);
        }

        return targets;
    }
}
