namespace OneStop.Documents.Models;

/// <summary>One document handed in with a dossier: its name, its form (original, certified copy, copy) and count.</summary>
public sealed record ReceivedDocument(string Name, string Form, int Quantity);
