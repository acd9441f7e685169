using System.Text.Json;

namespace Parley.Stix;

/// <summary>One object as <see cref="StixBundleReader"/> read it.</summary>
/// <param name="Json">The object, parsed: an element of its own, valid after the reader has moved on.</param>
/// <param name="Text">Its JSON text without the whitespace between tokens (strings keep their escapes as sent).</param>
public readonly record struct ReceivedStixObject(JsonElement Json, string Text);
