namespace OneStop.Workflows.Definitions;

/// <summary>The type of a form field that action conditions may read.</summary>
public enum InputType
{
    String,
    Number,
    Bool,
    Date,
}
