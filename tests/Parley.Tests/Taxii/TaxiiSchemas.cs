using NJsonSchema;

namespace Parley.Tests.Taxii;

/// JSON schemas of the TAXII 2.1 resources, written from the specification (sections 3.6.1, 3.7,
/// 4.1, 4.2, 4.3, 5.1, 5.2, 5.3, 5.6): OASIS publishes none for TAXII, so these stand in for them.
public static class TaxiiSchemas
{
    private const string Timestamp = """{"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$"}""";

    public const string Error = """
        {"type": "object", "required": ["title"], "properties": {
          "title": {"type": "string"}, "description": {"type": "string"}, "error_id": {"type": "string"}, "error_code": {"type": "string"},
          "http_status": {"type": "string"}, "external_details": {"type": "string"}, "details": {"type": "object"}}}
        """;

    public const string Discovery = """
        {"type": "object", "required": ["title"], "properties": {
          "title": {"type": "string"}, "description": {"type": "string"}, "contact": {"type": "string"}, "default": {"type": "string"},
          "api_roots": {"type": "array", "items": {"type": "string"}}}}
        """;

    public const string ApiRoot = """
        {"type": "object", "required": ["title", "versions", "max_content_length"], "properties": {
          "title": {"type": "string"}, "description": {"type": "string"},
          "versions": {"type": "array", "minItems": 1, "items": {"type": "string"}}, "max_content_length": {"type": "integer", "minimum": 1}}}
        """;

    public const string Collection = """
        {"type": "object", "required": ["id", "title", "can_read", "can_write"], "properties": {
          "id": {"type": "string", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"}, "title": {"type": "string"},
          "description": {"type": "string"}, "alias": {"type": "string"}, "can_read": {"type": "boolean"}, "can_write": {"type": "boolean"},
          "media_types": {"type": "array", "items": {"type": "string"}}}}
        """;

    public static readonly string Collections = Fill("""
        {"type": "object", "properties": {"collections": {"type": "array", "items": "@COLLECTION@"}}}
        """);

    public const string Envelope = """
        {"type": "object", "properties": {"more": {"type": "boolean"}, "next": {"type": "string"},
          "objects": {"type": "array", "items": {"type": "object", "required": ["type", "id"]}}}}
        """;

    public static readonly string Manifest = Fill("""
        {"type": "object", "properties": {"more": {"type": "boolean"}, "next": {"type": "string"},
          "objects": {"type": "array", "items": {"type": "object", "required": ["id", "date_added", "version"], "properties": {
            "id": {"type": "string"}, "date_added": "@TIMESTAMP@", "version": "@TIMESTAMP@", "media_type": {"type": "string"}}}}}}
        """);

    public static readonly string Versions = Fill("""
        {"type": "object", "properties": {"more": {"type": "boolean"}, "next": {"type": "string"}, "versions": {"type": "array", "items": "@TIMESTAMP@"}}}
        """);

    public static readonly string Status = Fill("""
        {"type": "object", "required": ["id", "status", "total_count", "success_count", "failure_count", "pending_count"], "properties": {
          "id": {"type": "string"}, "status": {"enum": ["complete", "pending"]}, "request_timestamp": "@TIMESTAMP@",
          "total_count": {"type": "integer"}, "success_count": {"type": "integer"}, "failure_count": {"type": "integer"}, "pending_count": {"type": "integer"},
          "successes": {"type": "array", "items": {"$ref": "#/definitions/detail"}}, "failures": {"type": "array", "items": {"$ref": "#/definitions/detail"}},
          "pendings": {"type": "array", "items": {"$ref": "#/definitions/detail"}}},
         "definitions": {"detail": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, "version": {"type": "string"}, "message": {"type": "string"}}}}}
        """);

    private static string Fill(string schema) =>
        schema.Replace("\"@COLLECTION@\"", Collection).Replace("\"@TIMESTAMP@\"", Timestamp);

    public static async Task AssertValidAsync(string schema, string json, string what)
    {
        var parsed = await JsonSchema.FromJsonAsync(schema);
        var errors = parsed.Validate(json);
        Assert.True(errors.Count == 0, $"{what}: {string.Join("; ", errors)}\n{json}");
    }
}
