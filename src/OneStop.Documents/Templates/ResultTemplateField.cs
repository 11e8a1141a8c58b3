namespace OneStop.Documents.Templates;

/// <summary>One labelled row of the result's field table; the value may contain placeholders.</summary>
public sealed record ResultTemplateField(string Label, string Value);
