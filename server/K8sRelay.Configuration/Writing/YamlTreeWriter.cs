using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace K8sRelay.Configuration.Writing;

/// <summary>
/// Writes a JSON node tree as block-style YAML. Strings are always double-quoted so that values
/// such as <c>"true"</c>, <c>"8000"</c>, <c>"$"</c> or <c>":"</c> stay strings; numbers and
/// booleans are plain; empty objects and arrays are written as <c>{}</c> and <c>[]</c>.
/// </summary>
internal static class YamlTreeWriter
{
    /// <summary>Renders <paramref name="root"/>.</summary>
    public static string Write(JsonObject root)
    {
        using var writer = new StringWriter();
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var mappingStyle = obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block;
                emitter.Emit(new MappingStart(null, null, isImplicit: true, mappingStyle));
                foreach (var (key, value) in obj)
                {
                    emitter.Emit(new Scalar(null, null, key, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                var sequenceStyle = array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block;
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, sequenceStyle));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                emitter.Emit(new Scalar(null, null, value.GetValue<string>(), ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
                break;
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            default:
                emitter.Emit(new Scalar(null, null, node.ToJsonString(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }
}
