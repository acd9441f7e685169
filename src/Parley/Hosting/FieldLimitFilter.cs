using System.Collections;
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
    private static bool IsBody(Type type) =>
        type.Namespace?.StartsWith("Parley", StringComparison.Ordinal) == true && type.IsClass && type.GetMethod("<Clone>$") is not null;

    private static void Walk(object body, string prefix, Dictionary<string, string[]> errors, int depth)
    {
        if (depth > 8) return;
        var type = body.GetType();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
            var field = prefix + JsonName(property);
            switch (property.GetValue(body))
            {
                case string text:
                    var max = DeclaredMax(property) ?? FieldLimits.Text(type, property.Name);
                    if (text.Length > max) errors[field] = [$"{field} is longer than {max} characters."];
                    break;
                case IEnumerable list when property.PropertyType != typeof(string):
                    WalkList(list, type, property, field, errors, depth);
                    break;
                case { } nested when IsBody(nested.GetType()):
                    Walk(nested, field + ".", errors, depth + 1);
                    break;
            }
        }
    }

    private static void WalkList(IEnumerable list, Type owner, PropertyInfo property, string field, Dictionary<string, string[]> errors, int depth)
    {
        var items = list.Cast<object?>().ToList();
        var most = DeclaredMax(property) ?? FieldLimits.List(owner, property.Name);
        if (items.Count > most)
        {
            errors[field] = [$"{field} has more than {most} entries."];
            return;
        }
        var textMax = FieldLimits.Text(owner, property.Name);
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{field}[{i}]";
            if (items[i] is string text && text.Length > textMax) errors[at] = [$"{at} is longer than {textMax} characters."];
            else if (items[i] is { } item && IsBody(item.GetType())) Walk(item, at + ".", errors, depth + 1);
        }
    }

    private static int? DeclaredMax(PropertyInfo property) =>
        property.GetCustomAttribute<MaxLengthAttribute>()?.Length ?? property.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength;

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
}
