namespace Parley.Stix;

/// <summary>
/// Thrown when text is not well-formed JSON, or is JSON of the wrong shape for a STIX object or
/// bundle (for example an array where an object is expected).
/// </summary>
/// <remarks>
/// Well-formed objects that break STIX rules do not throw: they parse, and
/// <see cref="Validation.StixValidator"/> reports what is wrong with them.
/// </remarks>
public sealed class StixFormatException : FormatException
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong with the input.</param>
    public StixFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What is wrong with the input.</param>
    /// <param name="innerException">The underlying JSON error.</param>
    public StixFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
