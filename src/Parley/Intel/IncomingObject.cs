using System.Text.Json.Nodes;

namespace Parley.Intel;

/// One object offered to the store: its JSON and, when it was read from a bundle, its text as received,
/// which is stored as is (instead of writing the JSON again) once the object is found valid.
public readonly record struct IncomingObject(JsonNode? Node, string? ReceivedJson = null);
