using System;
using System.Buffers;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EflowManager.PwshHost.Serve;

/// <summary>
/// Writes protocol messages to stdout as newline-delimited JSON (UTF-8, no BOM), one whole message per line.
/// Thread-safe: pipelines of several runspaces write at once, and each message is written under one lock, so
/// the order in which a pipeline produced its records is the order in which Node reads them.
/// </summary>
internal sealed class ProtocolWriter
{
    /// <summary>JSON options shared by every message: no escaping beyond what JSON requires.</summary>
    public static readonly JsonWriterOptions MessageOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false
    };

    private static readonly byte[] NewLine = { (byte)'\n' };

    private readonly Stream _output;
    private readonly object _writeLock = new();

    public ProtocolWriter(Stream output)
    {
        _output = output;
    }

    /// <summary>Builds one message object with <paramref name="writeProperties"/> and writes it as one line.</summary>
    public void Send(string type, Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, MessageOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writeProperties(writer);
            writer.WriteEndObject();
        }

        lock (_writeLock)
        {
            try
            {
                _output.Write(buffer.WrittenSpan);
                _output.Write(NewLine);
                _output.Flush();
            }
            catch (IOException)
            {
                // Node closed our stdout: nobody is listening any more, and the stdin loop will end us.
            }
        }
    }

    /// <summary>Tells Node about a message it sent that the host could not act on.</summary>
    public void SendProtocolError(string message) => Send("protocolError", w => w.WriteString("message", message));
}
