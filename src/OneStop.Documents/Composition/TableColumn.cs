namespace OneStop.Documents.Composition;

/// <summary>A table column: header text, relative width and the alignment of its body cells.</summary>
public sealed record TableColumn(string Header, double Weight, TextAlign Align = TextAlign.Left);
