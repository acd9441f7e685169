namespace Parley.Stix.Validation;

/// <summary>One way in which an object or bundle breaks STIX 2.1.</summary>
/// <param name="Path">
/// Where the problem is, as a JSONPath from the validated document: <c>$.created_by_ref</c>,
/// <c>$.objects[3].object_marking_refs[0]</c>, <c>$.extensions['extension-definition--…']</c>.
/// </param>
/// <param name="Message">What is wrong, in a sentence meant for the sender of the object.</param>
public sealed record StixValidationError(string Path, string Message)
{
    /// <summary>Returns <c>path: message</c>.</summary>
    /// <returns>The error as one line.</returns>
    public override string ToString() => $"{Path}: {Message}";
}
