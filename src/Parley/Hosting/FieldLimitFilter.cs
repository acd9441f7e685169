using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Hosting;

/// Holds every JSON write body of the API to <see cref="FieldLimits"/> before its handler runs: an over-long
/// field or an over-full list is a 400 problem naming it (e.g. errors["indicators[3].value"]), and nothing is
/// written. Bodies are Parley's own records; their text, lists and nested records are walked.
public static class FieldLimitFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var bodies = context.MethodInfo.GetParameters()
            .Select((p, i) => (p.ParameterType, Index: i))
            .Where(p => IsBody(p.ParameterType) && services?.IsService(p.ParameterType) != true)
            .ToList();
        if (bodies.Count == 0) return next;
        return async invocation =>
        {
            var errors = new Dictionary<string, string[]>();
            foreach (var (_, index) in bodies)
                if (invocation.Arguments[index] is { } body) Walk(body, "", errors, depth: 0);
            return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : await next(invocation);
        };
    }

    /// Parley's own records (their compiler-made Clone method tells them from services and plain classes).
    private static bool IsBody(Type type) => BodyTypes.GetOrAdd(type, static t =>
        t.Namespace?.StartsWith("Parley", StringComparison.Ordinal) == true && t.IsClass && t.GetMethod("<Clone>$") is not null);

    /// A field of a body type as the filter checks it, worked out once per type: every API write passes here.
    private sealed record Field(PropertyInfo Property, string Name, int TextMax, int ListMax, int ListTextMax);

    private static readonly ConcurrentDictionary<Type, bool> BodyTypes = new();
    private static readonly ConcurrentDictionary<Type, Field[]> Fields = new();

    private static Field[] FieldsOf(Type type) => Fields.GetOrAdd(type, static t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
        .Select(p => new Field(p, JsonName(p), DeclaredMax(p) ?? FieldLimits.Text(t, p.Name), DeclaredMax(p) ?? FieldLimits.List(t, p.Name), FieldLimits.Text(t, p.Name)))
        .ToArray());

    private static void Walk(object body, string prefix, Dictionary<string, string[]> errors, int depth)
    {
        if (depth > 8) return;
        foreach (var f in FieldsOf(body.GetType()))
        {
            var field = prefix + f.Name;
            switch (f.Property.GetValue(body))
            {
                case string text:
                    if (text.Length > f.TextMax) errors[field] = [$"{field} is longer than {f.TextMax} characters."];
                    break;
                case IEnumerable list when f.Property.PropertyType != typeof(string):
                    WalkList(list, f, field, errors, depth);
                    break;
                case { } nested when IsBody(nested.GetType()):
                    Walk(nested, field + ".", errors, depth + 1);
                    break;
            }
        }
    }

    private static void WalkList(IEnumerable list, Field f, string field, Dictionary<string, string[]> errors, int depth)
    {
        var items = list.Cast<object?>().ToList();
        if (items.Count > f.ListMax)
        {
            errors[field] = [$"{field} has more than {f.ListMax} entries."];
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is string text && text.Length > f.ListTextMax)
            {
                var at = $"{field}[{i}]";
                errors[at] = [$"{at} is longer than {f.ListTextMax} characters."];
            }
            else if (items[i] is { } item && IsBody(item.GetType())) Walk(item, $"{field}[{i}].", errors, depth + 1);
        }
    }

    private static int? DeclaredMax(PropertyInfo property) =>
        property.GetCustomAttribute<MaxLengthAttribute>()?.Length ?? property.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength;

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
}
