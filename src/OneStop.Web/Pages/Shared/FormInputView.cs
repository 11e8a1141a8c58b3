using OneStop.Core.Procedures;

namespace OneStop.Web.Pages.Shared;

/// <summary>One generated input: its field, the HTML name and id it posts under, its value and message.</summary>
public sealed record FormInputView(FormField Field, string InputName, string InputId, string? Value, string? Error, FormFieldsView Form);
