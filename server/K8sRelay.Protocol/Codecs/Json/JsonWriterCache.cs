using System.Buffers;
using System.Text.Json;

namespace K8sRelay.Protocol.Codecs.Json;

/// <summary>
/// One reusable <see cref="Utf8JsonWriter"/> and output buffer per thread, so encoding a message
/// allocates nothing but the returned array. Re-entrant use on one thread simply builds a fresh pair.
/// </summary>
internal static class JsonWriterCache
{
    /// <summary>Buffers that grew beyond this are dropped after use instead of being kept per thread.</summary>
    private const int MaxRetainedCapacity = 256 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JsonNames.Encoder,
        Indented = false,
        SkipValidation = true,
    };

    /// <summary>Never written to: idle writers point here between uses.</summary>
    private static readonly ArrayBufferWriter<byte> Placeholder = new(1);

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Runs <paramref name="write"/> against a cached writer and returns a copy of what it wrote.</summary>
    public static byte[] Encode<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(1024);
        t_buffer = null;
        var writer = Rent(buffer);
        try
        {
            write(writer, state);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.ResetWrittenCount();
            if (buffer.Capacity <= MaxRetainedCapacity)
            {
                t_buffer = buffer;
            }

            Return(writer);
        }
    }

    /// <summary>Runs <paramref name="write"/> against a cached writer that writes straight into <paramref name="output"/>.</summary>
    public static void Write<TState>(IBufferWriter<byte> output, TState state, Action<Utf8JsonWriter, TState> write)
    {
        var writer = Rent(output);
        try
        {
            write(writer, state);
            writer.Flush();
        }
        finally
        {
            Return(writer);
        }
    }

    private static Utf8JsonWriter Rent(IBufferWriter<byte> output)
    {
        var writer = t_writer;
        t_writer = null;
        if (writer is null)
        {
            return new Utf8JsonWriter(output, Options);
        }

        writer.Reset(output);
        return writer;
    }

    private static void Return(Utf8JsonWriter writer)
    {
        // Point the writer at a private placeholder so it holds no reference to a caller's output.
        writer.Reset(Placeholder);
        t_writer = writer;
    }
}
