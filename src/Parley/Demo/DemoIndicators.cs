using Parley.Requests;

namespace Parley.Demo;

/// Observables for demo requests, drawn only from documentation ranges (RFC 5737, RFC 3849) and
/// reserved .example domains so that nothing points at a real system.
public static class DemoIndicators
{
    private static readonly string[] Ipv4Ranges = ["192.0.2", "198.51.100", "203.0.113"];
    private static readonly string[] Words = ["update", "mail", "cdn", "login", "secure", "docs", "vpn", "pay"];
    private static readonly string[] Zones = ["example", "example.com", "example.net", "example.org"];
    private static readonly string?[] Notes = ["command-and-control", "staging server", "phishing landing page", "sending relay", "payment portal", null];

    public static IEnumerable<RequestIndicator> For(Guid requestId, DateTime at, bool usToCn, Random random)
    {
        var count = random.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            var (type, value, algorithm) = random.Next(7) switch
            {
                0 or 1 => (IndicatorType.Ipv4, $"{Pick(Ipv4Ranges, random)}.{random.Next(1, 255)}", (string?)null),
                2 => (IndicatorType.Ipv4, $"{Pick(Ipv4Ranges, random)}.{random.Next(0, 8) * 32}/27", null),
                3 => (IndicatorType.Domain, $"{Pick(Words, random)}-{random.Next(10, 99)}.{Pick(Zones, random)}", null),
                4 => (IndicatorType.Url, $"http://{Pick(Words, random)}.{Pick(Zones, random)}/{random.Next(1000, 9999)}.php", null),
                5 => (IndicatorType.Email, $"{(usToCn ? "hr" : "kefu")}{random.Next(100, 999)}@{Pick(Words, random)}.example", null),
                _ => (IndicatorType.FileHash, Hash(random), "SHA-256"),
            };
            yield return new RequestIndicator
            {
                Id = Guid.CreateVersion7(at), RequestId = requestId, Type = type, Value = value, HashAlgorithm = algorithm,
                Note = type == IndicatorType.FileHash ? "malware sample" : Pick(Notes, random),
            };
        }
    }

    private static string Hash(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private static T Pick<T>(T[] items, Random random) => items[random.Next(items.Length)];
}
