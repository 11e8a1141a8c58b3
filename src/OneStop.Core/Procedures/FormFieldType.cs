namespace OneStop.Core.Procedures;

/// <summary>The kinds of input a procedure's form can ask for.</summary>
public enum FormFieldType
{
    Text,
    Number,
    Date,
    Choice,
    IdNumber,
    Phone,
    Email,
    Address,
    Group,
}
