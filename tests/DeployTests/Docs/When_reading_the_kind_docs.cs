using System.Text.RegularExpressions;
using Prism.Contracts.Validation;

namespace Prism.DeployTests.Docs;

/// <summary>The README's kind table, the kind pages, the architecture's kind index and the samples list exactly the catalog's kinds.</summary>
public sealed partial class When_reading_the_kind_docs
{
    private static readonly string[] Kinds = [.. JobKindCatalog.BuiltIn.Names.Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_kind_has_its_page_and_no_other_page_exists()
    {
        var pages = Directory.EnumerateFiles(Repository.PathOf("docs", "kinds"), "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(Kinds, pages);
    }

    [Fact]
    public void The_readme_table_has_one_row_per_kind_with_its_alias_page_and_sample()
    {
        var rows = ReadmeRow().Matches(Repository.Read("README.md")).ToList();

        Assert.Equal(Kinds, rows.Select(r => r.Groups["kind"].Value).Order(StringComparer.Ordinal));
        Assert.All(rows, r =>
        {
            var kind = r.Groups["kind"].Value;
            Assert.Equal(kind.Replace('.', '/'), r.Groups["alias"].Value);
            Assert.Equal($"docs/kinds/{kind}.md", r.Groups["page"].Value);
            Assert.Equal($"samples/{kind}.json", r.Groups["sample"].Value);
            Assert.True(File.Exists(Repository.Sample(kind)), $"samples/{kind}.json exists");
        });
    }

    [Fact]
    public void The_architecture_indexes_every_kind_page()
    {
        var listed = ArchitectureEntry().Matches(Repository.Read("docs", "architecture.md")).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);

        Assert.Equal(Kinds, listed);
    }

    [GeneratedRegex(@"^\| `(?<kind>[a-z]+\.[a-z\-]+)` \| `POST /api/v1/(?<alias>[^`]+)` \| \[[^\]]*\]\((?<page>[^)]+)\) \| \[[^\]]*\]\((?<sample>[^)]+)\) \|$", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();

    [GeneratedRegex(@"^- \[`([a-z]+\.[a-z\-]+)`\]\(kinds/\1\.md\)", RegexOptions.Multiline)]
    private static partial Regex ArchitectureEntry();
}
