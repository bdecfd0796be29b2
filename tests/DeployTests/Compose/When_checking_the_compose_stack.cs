using System.Text.RegularExpressions;
using Prism.DeployTests.Infrastructure;

namespace Prism.DeployTests.Compose;

public sealed partial class When_checking_the_compose_stack
{
    private static readonly ComposeFile Compose = new("docker-compose.yml");
    private static readonly ComposeFile GpuOverride = new("docker-compose.gpu.yml");

    public static TheoryData<string> Services() => new(BoundSettings.Services);

    [Fact]
    public void It_runs_the_broker_the_database_the_three_services_Prometheus_and_Grafana()
    {
        Assert.Equal(["grafana", "ingest", "postgres", "processor", "prometheus", "rabbitmq", "results"],
            Compose.Services.Keys.Select(k => k.ToString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_referenced_file_exists()
    {
        foreach (var compose in new[] { Compose, GpuOverride })
        {
            foreach (var (name, value) in compose.Services)
            {
                var service = (Dictionary<object, object>)value;
                foreach (var volume in ComposeFile.List(service, "volumes").Where(v => v.StartsWith("./", StringComparison.Ordinal)))
                {
                    var source = volume.Split(':')[0];
                    Assert.True(File.Exists(Repository.PathOf(source)) || Directory.Exists(Repository.PathOf(source)), $"{compose.File}: {name} mounts {source}, which does not exist");
                }
                if (ComposeFile.MapOrNull(service, "build") is { } build)
                {
                    Assert.True(Directory.Exists(Repository.PathOf(ComposeFile.Scalar(build, "context")!)));
                    Assert.True(File.Exists(Repository.PathOf(ComposeFile.Scalar(build, "dockerfile")!)), $"{name}: Dockerfile missing");
                }
            }
        }
        Assert.True(File.Exists(Repository.PathOf(".env.example")));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void The_environment_names_only_settings_the_service_binds_and_its_port_is_consistent(string service)
    {
        var definition = Compose.Service(service);
        var environment = ComposeFile.Map(definition, "environment");
        var port = BoundSettings.PortOf(service).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Empty(environment.Keys.Select(k => k.ToString()!).Except(BoundSettings.For(service)));
        Assert.Contains(BoundSettings.RabbitMq, environment.Keys);
        if (service == "results") Assert.Contains(BoundSettings.ResultsStore, environment.Keys);
        Assert.Equal(port, environment[BoundSettings.HttpPorts]);
        Assert.Equal([$"{port}:{port}"], ComposeFile.List(definition, "ports"));
        Assert.Contains($"ENV ASPNETCORE_HTTP_PORTS={port}", Dockerfile.Read(service));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Services_wait_for_a_healthy_broker_and_database_and_run_read_only(string service)
    {
        var definition = Compose.Service(service);
        var dependsOn = ComposeFile.Map(definition, "depends_on");

        Assert.Equal("service_healthy", ComposeFile.Scalar(ComposeFile.Map(dependsOn, "rabbitmq"), "condition"));
        if (service == "results") Assert.Equal("service_healthy", ComposeFile.Scalar(ComposeFile.Map(dependsOn, "postgres"), "condition"));
        foreach (var dependency in dependsOn.Keys.Select(k => k.ToString()!))
        {
            Assert.True(ComposeFile.MapOrNull(Compose.Service(dependency), "healthcheck") is not null, $"{dependency} has no healthcheck to wait on");
        }
        Assert.Equal("True", ComposeFile.Scalar(definition, "read_only"), ignoreCase: true);
        Assert.Contains("/tmp", ComposeFile.List(definition, "tmpfs"));
    }

    [Fact]
    public void Every_image_is_pinned()
    {
        foreach (var (name, value) in Compose.Services)
        {
            var image = ComposeFile.Scalar((Dictionary<object, object>)value, "image");
            Assert.NotNull(image);
            var tag = image[(image.LastIndexOf('/') + 1)..].Split(':').ElementAtOrDefault(1);
            Assert.False(string.IsNullOrEmpty(tag) || tag == "latest", $"{name}: image {image} has no pinned tag");
        }
    }

    [Fact]
    public void Every_variable_without_a_default_is_in_env_example_and_every_example_variable_is_used()
    {
        var text = Repository.Read("docker-compose.yml") + Repository.Read("docker-compose.gpu.yml");
        var example = Repository.Read(".env.example").Split('\n')
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split('=')[0].Trim()).ToHashSet();
        var used = Variable().Matches(text).Select(m => (Name: m.Groups[1].Value, HasDefault: m.Groups[2].Value.StartsWith(":-", StringComparison.Ordinal))).ToList();

        Assert.All(used.Where(u => !u.HasDefault), u => Assert.Contains(u.Name, example));
        Assert.All(example, name => Assert.Contains(name, used.Select(u => u.Name)));
    }

    [Fact]
    public void The_GPU_override_reserves_an_NVIDIA_device_for_the_processor_only()
    {
        var processor = GpuOverride.Service("processor");
        var device = ComposeFile.Map(ComposeFile.Map(ComposeFile.Map(processor, "deploy"), "resources"), "reservations");

        Assert.Equal(["processor"], GpuOverride.Services.Keys.Select(k => k.ToString()));
        Assert.Contains("nvidia", Repository.Read("docker-compose.gpu.yml"), StringComparison.Ordinal);
        Assert.Contains("gpu", ComposeFile.List((Dictionary<object, object>)((List<object>)device["devices"])[0], "capabilities"));
        Assert.Empty(ComposeFile.Map(processor, "environment").Keys.Select(k => k.ToString()!).Except(BoundSettings.For("processor")));
    }

    [Fact]
    public void Prometheus_scrapes_each_service_on_its_port_under_the_job_names_the_alerts_use()
    {
        var config = ComposeFile.Parse(Repository.Read("deploy", "prometheus", "prometheus.yml"));
        var jobs = ((List<object>)config["scrape_configs"]).Cast<Dictionary<object, object>>()
            .ToDictionary(j => j["job_name"].ToString()!, j => ((List<object>)((Dictionary<object, object>)((List<object>)j["static_configs"])[0])["targets"]).Single().ToString()!);

        foreach (var service in BoundSettings.Services)
        {
            Assert.Equal($"{service}:{BoundSettings.PortOf(service)}", jobs[$"prism-{service}"]);
        }
        Assert.Equal("rabbitmq:15692", jobs["rabbitmq"]);
        Assert.Contains("prometheus.return_per_object_metrics = true", Repository.Read("deploy", "rabbitmq", "rabbitmq.conf"), StringComparison.Ordinal);
        Assert.Contains("rabbitmq_prometheus", Repository.Read("deploy", "rabbitmq", "enabled_plugins"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deploy/rabbitmq/rabbitmq.conf")]
    [InlineData("deploy/overlays/dev/rabbitmq.yaml")]
    public void The_broker_accepts_the_largest_message_Prism_publishes(string config)
    {
        // RabbitMQ 4 refuses messages above 16 MiB by default; a maximum-size job's JobSubmitted is about 25 MB.
        var limit = Regex.Match(Repository.Read(config.Split('/')), @"max_message_size\s*=\s*(\d+)");

        Assert.True(limit.Success, $"{config} does not set max_message_size");
        Assert.Equal(new Prism.ServiceDefaults.Messaging.BusOptions().MaxMessageBytes, long.Parse(limit.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Promtool_accepts_the_Prometheus_configuration()
    {
        var (exitCode, stdout, stderr) = Tool.Promtool.Run(Repository.Root, "check", "config", "deploy/prometheus/prometheus.yml");

        Assert.True(exitCode == 0, stdout + stderr);
    }

    [GeneratedRegex(@"\$\{([A-Z_][A-Z0-9_]*)(:[-?][^}]*)?\}")]
    private static partial Regex Variable();
}
