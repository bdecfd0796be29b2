using System.Text.Json;
using Prism.Client;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Prism.Cli.Output;

/// <summary>
/// Where the CLI writes: results to stdout (JSON, or tables), diagnostics to stderr. When stdout is redirected nothing
/// animates and no ANSI escape is written, so scripts and tests read plain text.
/// </summary>
public sealed class Terminal
{
    private static readonly JsonSerializerOptions Indented = new(PrismClient.JsonOptions) { WriteIndented = true };

    public Terminal(OutputFormat format, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        Format = format;
        Out = stdout;
        Error = stderr;
        Interactive = interactive;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(stdout),
        });
        // Redirected output has no width of its own; wide enough that ids and kinds never wrap.
        if (!interactive) Console.Profile.Width = 200;
    }

    /// <summary>The process's own console: interactive when stdout is a terminal.</summary>
    public static Terminal ForProcess(OutputFormat format) =>
        new(format, System.Console.Out, System.Console.Error, !System.Console.IsOutputRedirected);

    public OutputFormat Format { get; }
    public bool Json => Format == OutputFormat.Json;
    public bool Interactive { get; }
    public IAnsiConsole Console { get; }
    public TextWriter Out { get; }
    public TextWriter Error { get; }

    public TableBorder Border => Interactive ? TableBorder.Rounded : TableBorder.Ascii;

    public void WriteJson<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, Indented));

    /// <summary>One compact JSON document on one line (JSON Lines), for streams.</summary>
    public void WriteJsonLine<T>(T value)
    {
        Out.WriteLine(JsonSerializer.Serialize(value, PrismClient.JsonOptions));
        Out.Flush();
    }

    public void Write(IRenderable renderable) => Console.Write(renderable);

    /// <summary>Plain text (no markup), through the same console as the tables.</summary>
    public void Line(string text) => Console.WriteLine(text);

    public void Diagnostic(string text) => Error.WriteLine(text);
}
