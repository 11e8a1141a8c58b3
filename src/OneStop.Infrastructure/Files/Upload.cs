namespace OneStop.Infrastructure.Files;

/// <summary>A file as it arrived (a form field or a multipart part): its name as given and its content, read once as a stream.</summary>
public sealed record Upload(string? FileName, Stream Content);
