using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Stix;

namespace Parley.Intel;

/// One object offered to the store: its JSON and, when it was read from a bundle, its text as received,
/// which is stored as is (instead of writing the JSON again) once the object is found valid.
public readonly record struct IncomingObject(JsonElement Json, string? ReceivedJson = null)
{
    // The text stored for a node is written with these: as it was sent, not \uXXXX escapes.
    private static readonly JsonSerializerOptions NodeText = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 128 };

    /// An object given as a node (a TAXII envelope's), copied to an element of its own.
    public static IncomingObject From(JsonNode? node) => new(JsonSerializer.SerializeToElement(node, NodeText));

    public static IncomingObject From(ReceivedStixObject received) => new(received.Json, received.Text);
}
