using System.Globalization;
using System.Text;

namespace Parley.Identity;

/// NIST SP 800-63B memorised secrets: length only (12 to 256 characters, any characters including
/// spaces and any script, counted after NFKC normalisation), no composition rules, and refused when
/// it is a common/breached password or contains the user name. See data/passwords/README.md for the list.
public static class PasswordPolicy
{
    /// 800-63B asks for at least 8; 12 because Parley's accounts guard other governments' case files
    /// and are reachable from the internet, and because a passphrase of three or four words is 12+.
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// The form that is hashed and compared: NFKC, so the same text typed on different keyboards or
    /// input methods (full-width letters, composed accents) is the same password.
    public static string Normalise(string password) => password.Normalize(NormalizationForm.FormKC);

    /// Null when the password may be set, else why not (one sentence for the `password` field).
    public static string? Check(string password, string? userName)
    {
        var normalised = Normalise(password);
        var length = new StringInfo(normalised).LengthInTextElements;
        if (length < MinimumLength) return $"A password has at least {MinimumLength} characters.";
        if (length > MaximumLength) return $"A password has at most {MaximumLength} characters.";
        var folded = normalised.ToLowerInvariant();
        if (!string.IsNullOrWhiteSpace(userName) && folded.Contains(userName.Trim().ToLowerInvariant(), StringComparison.Ordinal))
            return "A password may not contain the user name.";
        if (IsCommon(folded)) return "This password is on a list of common or breached passwords; choose another.";
        return null;
    }

    /// A listed word with digits, symbols or spaces around it, or one listed word repeated.
    private static bool IsCommon(string folded)
    {
        var core = folded.Trim().Trim(NotLetter());
        if (core.Length == 0) return true;
        if (Common.Value.Contains(core) || Common.Value.Contains(folded)) return true;
        for (var size = 1; size <= core.Length / 2; size++)
        {
            if (core.Length % size != 0) continue;
            var unit = core[..size];
            if (string.Concat(Enumerable.Repeat(unit, core.Length / size)) == core
                && (size < 4 || Common.Value.Contains(unit))) return true;
        }
        return false;
    }

    private static char[] NotLetter() => NotLetterChars.Value;
    private static readonly Lazy<char[]> NotLetterChars = new(() =>
        Enumerable.Range(32, 95).Select(i => (char)i).Where(c => !char.IsLetter(c)).ToArray());

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Parley.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line.ToLowerInvariant());
        return set;
    }
}
