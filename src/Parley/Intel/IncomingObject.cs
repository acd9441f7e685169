using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Stix;

namespace Parley.Intel;

/// One object offered to the store: its JSON and, when it was read from a bundle, its text as received,
/// which is stored as is (instead of writing the JSON again) once the object is found valid.
public readonly record struct IncomingObject(JsonElement Json, string? ReceivedJson = null)
{
    /// An object given as a node (a TAXII envelope's), copied to an element of its own.
    public static IncomingObject From(JsonNode? node) => new(StixJson.ToElement(node));

    public static IncomingObject From(ReceivedStixObject received) => new(received.Json, received.Text);
}
