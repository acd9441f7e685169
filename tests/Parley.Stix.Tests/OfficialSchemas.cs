using System.Collections.Concurrent;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.References;
using NJsonSchema.Validation;

namespace Parley.Stix.Tests;

/// <summary>
/// The OASIS STIX 2.1 JSON schemas vendored in data/stix/schemas, loaded with NJsonSchema from the
/// copies next to the test assembly: relative $refs resolve to those files, never to the network.
/// </summary>
/// <remarks>
/// Only part of the OASIS schema set is vendored (see data/stix/README.md). A $ref to a schema that
/// is not vendored (the observables observed-data's deprecated <c>objects</c> may embed, the types
/// bundle.json lists) resolves to a schema nothing matches, so objects of vendored types are still
/// checked in full and the others are reported rather than silently accepted.
/// </remarks>
internal static class OfficialSchemas
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> Cache = new();


    // NJsonSchema parses with Json.NET, which by default turns timestamp strings into DateTime
    // and then fails "enum" and "pattern" checks on them: keep every string a string.
    private static readonly JsonSerializerSettings Settings = new() { DateParseHandling = DateParseHandling.None };

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "schemas");

    /// <summary>The schema file that describes objects of a type.</summary>
    public static string FileFor(string type) => type switch
    {
        "marking-definition" or "extension-definition" or "language-content" or "bundle" => $"common/{type}.json",
        "relationship" or "sighting" => $"sros/{type}.json",
        _ when StixTypes.CyberObservables.Contains(type) => $"observables/{type}.json",
        _ => $"sdos/{type}.json",
    };

    public static Task<ICollection<ValidationError>> ValidateAsync(StixObject obj) => ValidateAsync(FileFor(obj.Type), obj.ToJson());

    public static async Task<ICollection<ValidationError>> ValidateAsync(string schemaFile, string json)
    {
        var schema = await Load(schemaFile);
        var token = JsonConvert.DeserializeObject<JToken>(json, Settings)!;
        return schema.Validate(token);
    }

    private static Task<JsonSchema> Load(string relative) =>
        Cache.GetOrAdd(relative, r => new Lazy<Task<JsonSchema>>(() =>
            LoadAsync(Path.Combine(Directory, r)))).Value;

    private static async Task<JsonSchema> LoadAsync(string path)
    {
        var schema = await JsonSchema.FromFileAsync(path, s => new LocalOnlyResolver(s));
        RestoreDateStrings(schema, new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance));
        return schema;
    }

    // NJsonSchema reads schemas with Json.NET's default date handling, which turns the
    // "enum": ["2017-01-20T00:00:00.000Z"] of the TLP markings into a DateTime no string equals.
    private static void RestoreDateStrings(JsonSchema schema, HashSet<JsonSchema> seen)
    {
        if (!seen.Add(schema))
        {
            return;
        }

        if (schema.Enumeration.Any(v => v is DateTime))
        {
            var values = schema.Enumeration
                .Select(v => v is DateTime d ? d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture) : v)
                .ToList();
            schema.Enumeration.Clear();
            foreach (var value in values)
            {
                schema.Enumeration.Add(value);
            }
        }

        IEnumerable<JsonSchema?> children = [
            schema.Reference, schema.Not, schema.Item, schema.AdditionalPropertiesSchema, schema.AdditionalItemsSchema,
            .. schema.AllOf, .. schema.AnyOf, .. schema.OneOf, .. schema.Items, .. schema.Definitions.Values,
            .. schema.Properties.Values, .. schema.PatternProperties.Values];
        foreach (var child in children)
        {
            if (child is not null)
            {
                RestoreDateStrings(child, seen);
            }
        }
    }

    private sealed class LocalOnlyResolver(JsonSchema root)
        : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        public override async Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default)
        {
            if (File.Exists(filePath))
            {
                return await base.ResolveFileReferenceAsync(filePath, cancellationToken);
            }

            return await JsonSchema.FromJsonAsync("""{"not": {}}""", cancellationToken);
        }
    }
}
