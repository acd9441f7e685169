using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Tests.Oversight;

/// Compares an expected JSON text (comments allowed) with actual JSON, naming the path of the first difference.
public static class JsonAssert
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static void Equal(string expected, JsonNode? actual) => Equal(JsonNode.Parse(expected, documentOptions: Lenient), actual, "$");

    private static void Equal(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                break;
            case JsonObject e:
                var a = Assert.IsType<JsonObject>(actual);
                Assert.True(e.Select(p => p.Key).Order().SequenceEqual(a.Select(p => p.Key).Order()),
                    $"{path}: expected keys {string.Join(",", e.Select(p => p.Key))}, got {string.Join(",", a.Select(p => p.Key))}");
                foreach (var (key, child) in e) Equal(child, a[key], $"{path}.{key}");
                break;
            case JsonArray e:
                var list = Assert.IsType<JsonArray>(actual);
                Assert.True(e.Count == list.Count, $"{path}: expected {e.Count} items, got {list.Count}: {list.ToJsonString()}");
                for (var i = 0; i < e.Count; i++) Equal(e[i], list[i], $"{path}[{i}]");
                break;
            default:
                var value = expected.AsValue();
                Assert.True(actual is JsonValue, $"{path}: expected {value.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
                if (value.GetValueKind() == JsonValueKind.Number)
                    Assert.True(actual!.GetValueKind() == JsonValueKind.Number && actual.GetValue<double>() == value.GetValue<double>(),
                        $"{path}: expected {value.ToJsonString()}, got {actual.ToJsonString()}");
                else Assert.True(value.ToJsonString() == actual!.ToJsonString(), $"{path}: expected {value.ToJsonString()}, got {actual.ToJsonString()}");
                break;
        }
    }
}
