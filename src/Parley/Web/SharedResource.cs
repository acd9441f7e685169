using Microsoft.Extensions.Localization;

// The resource files are named after the root namespace, not the assembly ("parley").
[assembly: RootNamespace("Parley")]

namespace Parley;

/// Names the one resource file of the interface: Resources/SharedResource.zh-Hans.resx. English is the
/// key itself, so an untranslated string shows in English rather than as a key.
public sealed class SharedResource;
