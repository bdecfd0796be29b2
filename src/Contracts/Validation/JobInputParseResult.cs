namespace Prism.Contracts.Validation;

/// <summary>The outcome of parsing and validating a job input: a typed input, or the errors.</summary>
public sealed class JobInputParseResult
{
    private JobInputParseResult(object? input, ValidationErrors errors)
    {
        Input = input;
        Errors = errors;
    }

    public object? Input { get; }
    public ValidationErrors Errors { get; }
    public bool IsValid => Input is not null && Errors.IsValid;

    public static JobInputParseResult Valid(object input) => new(input, new ValidationErrors());
    public static JobInputParseResult Invalid(ValidationErrors errors) => new(null, errors);
}
