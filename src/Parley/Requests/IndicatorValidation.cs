using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Parley.Requests;

/// Checks and normalises an observable so that what is stored would pass as a STIX 2.1 SCO value.
public static partial class IndicatorValidation
{
    private static readonly Dictionary<string, int> HashLengths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MD5"] = 32, ["SHA-1"] = 40, ["SHA-256"] = 64, ["SHA-512"] = 128,
    };

    public static IReadOnlyCollection<string> HashAlgorithms => HashLengths.Keys;

    /// Returns the normalised value, or null with an error message.
    public static string? Normalise(IndicatorType type, string value, string? hashAlgorithm, out string? error)
    {
        error = null;
        value = value.Trim();
        switch (type)
        {
            case IndicatorType.Ipv4 when IsAddress(value, AddressFamily.InterNetwork, 32) && Ipv4Pattern().IsMatch(value):
                return value;
            case IndicatorType.Ipv6 when IsAddress(value, AddressFamily.InterNetworkV6, 128):
                return value.ToLowerInvariant();
            case IndicatorType.Domain when ToAsciiDomain(value) is { } domain:
                return domain;
            case IndicatorType.Url when Uri.TryCreate(value, UriKind.Absolute, out var uri)
                                        && uri.Scheme is "http" or "https" or "ftp" or "ftps" && uri.Host.Length > 0:
                return value;
            case IndicatorType.Email when IsEmail(value):
                return value;
            case IndicatorType.FileHash:
                if (hashAlgorithm is null || !HashLengths.TryGetValue(hashAlgorithm, out var length))
                {
                    error = $"hashAlgorithm must be one of {string.Join(", ", HashLengths.Keys)}.";
                    return null;
                }
                if (value.Length == length && HexPattern().IsMatch(value)) return value.ToLowerInvariant();
                error = $"A {hashAlgorithm.ToUpperInvariant()} hash is {length} hexadecimal characters.";
                return null;
        }
        error = $"'{Shorten(value)}' is not a valid {type.ToString().ToLowerInvariant()} value.";
        return null;
    }

    private static bool IsAddress(string value, AddressFamily family, int maxPrefix)
    {
        var parts = value.Split('/');
        if (parts.Length > 2) return false;
        if (parts.Length == 2 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > maxPrefix))
            return false;
        return IPAddress.TryParse(parts[0], out var address) && address.AddressFamily == family;
    }

    private static string? ToAsciiDomain(string value)
    {
        try
        {
            var ascii = new IdnMapping().GetAscii(value.TrimEnd('.')).ToLowerInvariant();
            return ascii.Length <= 253 && DomainPattern().IsMatch(ascii) ? ascii : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value
        && address.Host.Contains('.') && ToAsciiDomain(address.Host) is not null;

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";

    [GeneratedRegex(@"^(\d{1,3}\.){3}\d{1,3}(/\d{1,2})?$")]
    private static partial Regex Ipv4Pattern();

    [GeneratedRegex("^[0-9a-fA-F]+$")]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9_]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex DomainPattern();
}
