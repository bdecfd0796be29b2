using Prism.DeployTests.Infrastructure;

namespace Prism.DeployTests.Compose;

public sealed class When_checking_the_images
{
    public static TheoryData<string> Services() => new(BoundSettings.Services);

    private static string ProjectOf(string service) => char.ToUpperInvariant(service[0]) + service[1..];

    [Theory]
    [MemberData(nameof(Services))]
    public void The_restore_layer_copies_every_project_file_before_the_sources(string service)
    {
        var lines = Dockerfile.Read(service).Split('\n');
        var restore = Array.FindIndex(lines, l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var project = ProjectOf(service);

        Assert.True(restore > 0);
        foreach (var dependency in Dockerfile.ProjectsOf(project))
        {
            var copyProject = Array.FindIndex(lines, l => l == $"COPY src/{dependency}/{dependency}.csproj src/{dependency}/");
            var copySources = Array.FindIndex(lines, l => l == $"COPY src/{dependency}/ src/{dependency}/");
            Assert.InRange(copyProject, 0, restore - 1);
            Assert.True(copySources > restore, $"{service}: sources of {dependency} must be copied after the restore");
        }
        Assert.Contains("COPY global.json Directory.Build.props Directory.Packages.props ./", lines);
        Assert.Contains($"RUN dotnet publish src/{project}/{project}.csproj -c Release --no-restore -o /app -p:UseAppHost=false", lines);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_copied_path_exists(string service)
    {
        foreach (var line in Dockerfile.Read(service).Split('\n').Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var source in parts[1..^1])
            {
                Assert.True(File.Exists(Repository.PathOf(source)) || Directory.Exists(Repository.PathOf(source)), $"{service}: COPY {source} does not exist");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void The_image_runs_non_root_on_its_port_with_a_health_check(string service)
    {
        var text = Dockerfile.Read(service);
        var port = BoundSettings.PortOf(service);

        Assert.Contains("USER $APP_UID", text, StringComparison.Ordinal);
        Assert.Contains($"EXPOSE {port}", text, StringComparison.Ordinal);
        Assert.Contains($"/dev/tcp/127.0.0.1/{port}", text, StringComparison.Ordinal);
        Assert.Contains("GET /health/live", text, StringComparison.Ordinal);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"Prism.{ProjectOf(service)}.dll\"]", text, StringComparison.Ordinal);
        Assert.DoesNotContain(":latest", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_processor_image_asks_the_NVIDIA_runtime_for_the_compute_capability()
    {
        var text = Dockerfile.Read("processor");

        Assert.Contains("NVIDIA_VISIBLE_DEVICES=all", text, StringComparison.Ordinal);
        Assert.Matches(@"NVIDIA_DRIVER_CAPABILITIES=[a-z,]*compute", text);
    }
}
