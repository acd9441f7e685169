namespace Parley.Pages.Admin;

/// One labelled input of an administration form; its error key (the API's field name with the form's
/// prefix) is also its id, so the message shows next to it and is announced with it.
public sealed record FormField(string Id, string Name, string Label, string? Value, string Type = "text", bool Required = false);
