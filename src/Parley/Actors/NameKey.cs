using System.Text;

namespace Parley.Actors;

/// The form names are compared in: letters and digits only, lower case ("APT 1", "apt-1" → "apt1").
public static class NameKey
{
    public static string Of(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
            if (char.IsLetterOrDigit(c)) key.Append(char.ToLowerInvariant(c));
        return key.ToString();
    }
}
