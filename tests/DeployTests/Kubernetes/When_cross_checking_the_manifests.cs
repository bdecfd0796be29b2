using k8s.Models;
using Prism.DeployTests.Infrastructure;
using Prism.DeployTests.Kubernetes.Monitoring;

namespace Prism.DeployTests.Kubernetes;

public sealed class When_cross_checking_the_manifests
{
    public static TheoryData<string> Services() => new(BoundSettings.Services);

    private static V1Deployment DeploymentOf(string service) => Manifests.Base.Named<V1Deployment>($"prism-{service}");

    private static V1Container ContainerOf(string service) => Assert.Single(DeploymentOf(service).Spec.Template.Spec.Containers);

    [Theory]
    [MemberData(nameof(Services))]
    public void The_selector_matches_the_pod_labels(string service)
    {
        var deployment = DeploymentOf(service);

        Assert.All(deployment.Spec.Selector.MatchLabels, l => Assert.Equal(l.Value, deployment.Spec.Template.Metadata.Labels[l.Key]));
    }

    [Fact]
    public void Every_service_selects_pods_of_a_deployment_on_a_port_they_declare()
    {
        var deployments = Manifests.Base.OfKind<V1Deployment>().ToList();
        foreach (var svc in Manifests.Base.OfKind<V1Service>())
        {
            var target = deployments.SingleOrDefault(d => svc.Spec.Selector.All(l => d.Spec.Template.Metadata.Labels.TryGetValue(l.Key, out var v) && v == l.Value));
            Assert.True(target is not null, $"Service {svc.Metadata.Name} selects no Deployment's pods");
            var ports = target.Spec.Template.Spec.Containers.SelectMany(c => c.Ports).ToList();
            Assert.All(svc.Spec.Ports, p => Assert.Contains(ports, cp => cp.Name == p.TargetPort.Value || cp.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == p.TargetPort.Value));
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Probes_use_the_health_routes_on_the_port_the_service_listens_on(string service)
    {
        var container = ContainerOf(service);
        var port = Assert.Single(container.Ports, p => p.Name == "http");

        Assert.Equal(BoundSettings.PortOf(service), port.ContainerPort);
        Assert.Equal(BoundSettings.PortOf(service).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Manifests.Base.Named<V1ConfigMap>($"prism-{service}").Data[BoundSettings.HttpPorts]);
        Assert.Equal("/health/live", container.LivenessProbe.HttpGet.Path);
        Assert.Equal("/health/live", container.StartupProbe.HttpGet.Path);
        Assert.Equal("/health/ready", container.ReadinessProbe.HttpGet.Path);
        Assert.All(new[] { container.LivenessProbe, container.ReadinessProbe, container.StartupProbe }, p => Assert.Equal("http", p.HttpGet.Port.Value));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_environment_variable_is_a_setting_the_service_binds(string service)
    {
        var container = ContainerOf(service);
        var names = container.Env.Select(e => e.Name).ToList();
        foreach (var from in container.EnvFrom)
        {
            // The optional API-key Secret holds indexed Prism__Auth__Keys__<n>__* entries; the service validates them at start.
            if (from.SecretRef is { Name: "prism-api-keys", Optional: true }) continue;
            names.AddRange(Manifests.Base.Named<V1ConfigMap>(from.ConfigMapRef.Name).Data.Keys);
        }

        Assert.Empty(names.Select(BoundSettings.Unindexed).Except(BoundSettings.For(service)));
        Assert.Contains(BoundSettings.RabbitMq, names);
        if (service == "results") Assert.Contains(BoundSettings.ResultsStore, names);
    }

    [Fact]
    public void Every_secret_key_referenced_exists_in_the_example_and_in_the_dev_overlay()
    {
        var references = Manifests.Dev.OfKind<V1Deployment>()
            .SelectMany(d => d.Spec.Template.Spec.Containers)
            .SelectMany(c => c.Env ?? [])
            .Where(e => e.ValueFrom?.SecretKeyRef is not null)
            .Select(e => e.ValueFrom.SecretKeyRef)
            .ToList();

        Assert.NotEmpty(references);
        var devSecret = Manifests.Dev.Named<V1Secret>("prism-secrets");
        foreach (var reference in references)
        {
            Assert.Equal(devSecret.Metadata.Name, reference.Name);
            Assert.Contains(reference.Key, devSecret.Data.Keys);
        }
        var prismReferences = Manifests.Base.OfKind<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers).SelectMany(c => c.Env ?? [])
            .Where(e => e.ValueFrom?.SecretKeyRef is not null).Select(e => e.ValueFrom.SecretKeyRef);
        Assert.All(prismReferences, r => Assert.Contains(r.Key, SecretKeys.InExample(r.Name)));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void The_grace_period_outlasts_the_drain(string service)
    {
        var pod = DeploymentOf(service).Spec.Template.Spec;
        var preStop = TimeSpan.FromSeconds(Assert.Single(pod.Containers).Lifecycle?.PreStop?.Sleep?.Seconds ?? 0);

        Assert.True(ShutdownTimeouts.Bus < ShutdownTimeouts.Host, "MassTransit's StopTimeout must be shorter than the host's ShutdownTimeout");
        Assert.True(pod.TerminationGracePeriodSeconds > (preStop + ShutdownTimeouts.Host).TotalSeconds,
            $"terminationGracePeriodSeconds {pod.TerminationGracePeriodSeconds} must exceed preStop {preStop.TotalSeconds} s + ShutdownTimeout {ShutdownTimeouts.Host.TotalSeconds} s");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Pods_run_as_non_root_on_a_read_only_root_filesystem_with_limits(string service)
    {
        var pod = DeploymentOf(service).Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.False(pod.AutomountServiceAccountToken);
        Assert.Equal($"prism-{service}", pod.ServiceAccountName);
        Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
        Assert.Contains("ALL", container.SecurityContext.Capabilities.Drop);
        Assert.Contains(container.VolumeMounts, m => m.MountPath == "/tmp");
        Assert.True(container.Resources.Limits.ContainsKey("memory"));
        Assert.NotEmpty(pod.TopologySpreadConstraints);
    }

    [Fact]
    public void The_processor_asks_for_a_GPU_tolerates_GPU_nodes_and_is_labelled_for_the_GPU_alerts()
    {
        var pod = DeploymentOf("processor").Spec.Template;
        var container = Assert.Single(pod.Spec.Containers);

        Assert.Equal("1", container.Resources.Limits["nvidia.com/gpu"].ToString());
        Assert.Contains(pod.Spec.Tolerations, t => t.Key == "nvidia.com/gpu" && t.Effect == "NoSchedule");
        Assert.Equal("gpu", pod.Metadata.Labels["accelerator"]);
        Assert.Contains("accelerator", Manifests.Base.Named<ServiceMonitor>("prism").Spec.PodTargetLabels!);
        Assert.Equal("gpu", Manifests.Base.Named<V1ConfigMap>("prism-processor").Data["Processor__Engine"]);
    }

    [Fact]
    public void The_origin_the_ingress_allows_by_CORS_may_also_open_the_event_WebSocket()
    {
        var corsOrigins = Manifests.Base.OfKind<V1Ingress>()
            .Select(i => i.Metadata.Annotations is { } a && a.TryGetValue("nginx.ingress.kubernetes.io/cors-allow-origin", out var o) ? o : null)
            .OfType<string>().SelectMany(o => o.Split(',', StringSplitOptions.TrimEntries)).Distinct().ToList();
        var webSocketOrigins = Manifests.Base.Named<V1ConfigMap>("prism-results").Data
            .Where(e => e.Key.StartsWith("Results__WebSocketAllowedOrigins__", StringComparison.Ordinal)).Select(e => e.Value).ToList();

        Assert.NotEmpty(corsOrigins);
        Assert.All(corsOrigins, o => Assert.Contains(o, webSocketOrigins));
    }

    [Fact]
    public void Ingress_paths_reach_existing_services_and_ports()
    {
        var services = Manifests.Base.OfKind<V1Service>().ToDictionary(s => s.Metadata.Name);
        var paths = Manifests.Base.OfKind<V1Ingress>().SelectMany(i => i.Spec.Rules).SelectMany(r => r.Http.Paths).ToList();

        Assert.All(paths, p => Assert.Contains(services[p.Backend.Service.Name].Spec.Ports, sp => sp.Port == p.Backend.Service.Port.Number));
        Assert.Equal("prism-ingest", paths.Single(p => p.Path == "/api/v1/jobs").Backend.Service.Name);
        Assert.Equal("prism-ingest", paths.Single(p => p.Path == "/api/v1/pixels").Backend.Service.Name);
        Assert.Equal("prism-results", paths.Single(p => p.Path == "/api/v1/pixels/health").Backend.Service.Name);
        Assert.Equal("prism-results", paths.Single(p => p.Path == "/api/v1/results").Backend.Service.Name);
        Assert.Equal("prism-results", paths.Single(p => p.Path == "/ws").Backend.Service.Name);
        Assert.All(Manifests.Base.OfKind<V1Ingress>(), i => Assert.NotEmpty(i.Spec.Tls));
    }

    [Fact]
    public void Autoscalers_and_disruption_budgets_target_existing_workloads()
    {
        foreach (var hpa in Manifests.Base.OfKind<V2HorizontalPodAutoscaler>())
        {
            var target = Manifests.Base.Named<V1Deployment>(hpa.Spec.ScaleTargetRef.Name);
            Assert.Null(target.Spec.Replicas);
        }
        Assert.Equal(["prism-ingest", "prism-results"], Manifests.Base.OfKind<V2HorizontalPodAutoscaler>().Select(h => h.Spec.ScaleTargetRef.Name).Order());
        foreach (var pdb in Manifests.Base.OfKind<V1PodDisruptionBudget>())
        {
            Assert.Single(Manifests.Base.OfKind<V1Deployment>(), d => pdb.Spec.Selector.MatchLabels.All(l => d.Spec.Template.Metadata.Labels.TryGetValue(l.Key, out var v) && v == l.Value));
        }
    }

    [Fact]
    public void Network_policies_deny_by_default()
    {
        var deny = Manifests.Base.Named<V1NetworkPolicy>("default-deny");

        Assert.Empty(deny.Spec.PodSelector.MatchLabels ?? new Dictionary<string, string>());
        Assert.Equal(["Egress", "Ingress"], deny.Spec.PolicyTypes.Order());
        Assert.Null(deny.Spec.Ingress);
        Assert.Null(deny.Spec.Egress);
    }

    [Fact]
    public void The_service_monitor_scrapes_metrics_of_the_three_services_but_not_the_headless_one()
    {
        var monitor = Manifests.Base.Named<ServiceMonitor>("prism");
        var scraped = Manifests.Base.OfKind<V1Service>().Where(s => Selects(monitor.Spec.Selector, s.Metadata.Labels)).Select(s => s.Metadata.Name).Order();

        Assert.Equal(["prism-ingest", "prism-processor", "prism-results"], scraped);
        Assert.All(monitor.Spec.Endpoints, e => Assert.Equal("/metrics", e.Path));
    }

    [Fact]
    public void The_PrometheusRule_carries_the_same_groups_as_the_rules_file()
    {
        var fromCluster = Manifests.Base.Named<PrometheusRule>("prism").Spec;
        var fromFile = AlertRules.Load();

        Assert.Equal(AlertRules.Canonical(fromFile), AlertRules.Canonical(fromCluster));
    }

    private static bool Selects(V1LabelSelector selector, IDictionary<string, string> labels) =>
        (selector.MatchLabels ?? new Dictionary<string, string>()).All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value)
        && (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
        {
            "In" => labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v),
            "NotIn" => !labels.TryGetValue(e.Key, out var v) || !e.Values.Contains(v),
            "Exists" => labels.ContainsKey(e.Key),
            "DoesNotExist" => !labels.ContainsKey(e.Key),
            _ => throw new InvalidOperationException($"Unknown operator {e.OperatorProperty}"),
        });
}
