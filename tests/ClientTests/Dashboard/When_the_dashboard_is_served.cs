using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Prism.ClientTests.Infrastructure;
using Prism.Contracts;
using Prism.Contracts.Validation;

namespace Prism.ClientTests.Dashboard;

/// <summary>The dashboard's files as Standalone serves them at <c>/</c>, and the kind tables of its scripts.</summary>
public sealed partial class When_the_dashboard_is_served(StandaloneFixture standalone)
{
    [Fact]
    public async Task The_page_and_its_scripts_are_served_at_the_root()
    {
        using var http = new HttpClient { BaseAddress = standalone.Url };
        var ct = TestContext.Current.CancellationToken;

        using var page = await http.GetAsync("/", ct);
        using var app = await http.GetAsync("/app.js", ct);
        using var missing = await http.GetAsync("/nothing-here.js", ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\" src=\"app.js\"></script>", await page.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, app.StatusCode);
        Assert.Equal("text/javascript", app.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Every_repository_sample_is_served_under_samples_unchanged()
    {
        using var http = new HttpClient { BaseAddress = standalone.Url };
        var ct = TestContext.Current.CancellationToken;
        var samples = Directory.GetFiles(Path.Combine(Repository.Root, "samples"), "*.json");
        Assert.NotEmpty(samples);

        foreach (var sample in samples)
        {
            var served = await http.GetStringAsync($"/samples/{Path.GetFileName(sample)}", ct);
            Assert.Equal(await File.ReadAllTextAsync(sample, ct), served);
        }
    }

    [Fact]
    public async Task The_page_knows_every_kind_and_draws_every_implemented_one()
    {
        var root = Path.Combine(Repository.Root, "src", "Results", "wwwroot");
        var app = await File.ReadAllTextAsync(Path.Combine(root, "app.js"), TestContext.Current.CancellationToken);
        var renderers = await File.ReadAllTextAsync(Path.Combine(root, "renderers.js"), TestContext.Current.CancellationToken);

        var kinds = KindsList().Match(app);
        Assert.True(kinds.Success, "app.js declares `export const KINDS = [...]`");
        var listed = QuotedName().Matches(kinds.Groups[1].Value).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(JobKindCatalog.BuiltIn.Names, listed);

        var drawn = RendererEntry().Matches(renderers).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.All(JobKindCatalog.BuiltIn.All, kind => Assert.Contains(kind.Name, drawn));
    }

    [GeneratedRegex(@"export const KINDS = \[(.*?)\];", RegexOptions.Singleline)]
    private static partial Regex KindsList();

    [GeneratedRegex(@"'([a-z]+\.[a-z\-]+)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"^  '([a-z]+\.[a-z\-]+)'\(", RegexOptions.Multiline)]
    private static partial Regex RendererEntry();
}
