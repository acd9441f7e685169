using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Parley.Hosting;

/// DataAnnotations checks with errors keyed by the JSON (camelCase) field name.
public static class ModelValidation
{
    public static Dictionary<string, string[]> Check(object model)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        return results
            .SelectMany(r => r.MemberNames.DefaultIfEmpty("body").Select(m => (Field: JsonNamingPolicy.CamelCase.ConvertName(m), r.ErrorMessage)))
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? "Invalid value.").ToArray());
    }
}
