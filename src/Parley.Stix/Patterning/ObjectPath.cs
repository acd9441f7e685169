using System.Text;

namespace Parley.Stix.Patterning;

/// <summary>An object path, e.g. <c>email-message:body_multipart[*].body_raw_ref.name</c>.</summary>
/// <param name="ObjectType">The SCO type before the colon.</param>
/// <param name="Steps">The property and index steps after the colon; the first is always a <see cref="PropertyStep"/>.</param>
public sealed record ObjectPath(string ObjectType, IReadOnlyList<PathStep> Steps)
{
    /// <summary>The zero-based index in the pattern where the path starts.</summary>
    public required int Position { get; init; }

    /// <summary>The path in canonical form: property names quoted only when needed.</summary>
    /// <returns>The path as text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(ObjectType).Append(':');
        for (var i = 0; i < Steps.Count; i++)
        {
            switch (Steps[i])
            {
                case PropertyStep p:
                    if (i > 0)
                    {
                        text.Append('.');
                    }

                    var plain = p.Name.Length > 0 && (char.IsAsciiLetter(p.Name[0]) || p.Name[0] == '_') &&
                        p.Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
                    text.Append(plain ? p.Name : $"'{p.Name.Replace("\\", "\\\\").Replace("'", "\\'")}'");
                    break;
                case IndexStep { Index: null }:
                    text.Append("[*]");
                    break;
                case IndexStep ix:
                    text.Append('[').Append(ix.Index).Append(']');
                    break;
            }
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(ObjectPath? other) =>
        other is not null && ObjectType == other.ObjectType && Steps.SequenceEqual(other.Steps);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ObjectType, Steps.Count);
}

/// <summary>One step of an object path.</summary>
public abstract record PathStep
{
    private protected PathStep()
    {
    }
}

/// <summary>A property (dictionary key) step: <c>.name</c> or <c>.'quoted-name'</c>.</summary>
/// <param name="Name">The property name, unquoted.</param>
public sealed record PropertyStep(string Name) : PathStep;

/// <summary>A list index step: <c>[0]</c>, or <c>[*]</c> for any element.</summary>
/// <param name="Index">The index, or <see langword="null"/> for <c>[*]</c>.</param>
public sealed record IndexStep(long? Index) : PathStep;
