using System.Text.Json;
using Prism.Compute.Kinds.Pwsa;
using Prism.Contracts.Kinds.Pwsa;
using Prism.KindReferences;
using Prism.UnitTests.Compute;

namespace Prism.UnitTests.Pwsa;

[Collection(IlgpuCollection.Name)]
public sealed class When_fusing_tracks(IlgpuCpuFixture ilgpu)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private IEnumerable<IFuseEngine> Engines() => [new FuseCpuEngine(), new FuseIlgpuEngine(ilgpu.Device)];

    private static async Task<PwsaFuseOutput> RunAsync(IFuseEngine engine, PwsaFuseInput input) =>
        (PwsaFuseOutput)await new PwsaFuseHandler(engine).ExecuteAsync(input, Ct);

    private static FuseTrack Track(string id, params (double T, double X, double Y, double Z)[] measurements) => new()
    {
        TrackId = id,
        Measurements = [.. measurements.Select(m => new FuseMeasurement { T = m.T, Position = [m.X, m.Y, m.Z] })],
    };

    private static void Near(double expected, double actual, double relative = 1e-12) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1.0, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public async Task It_returns_the_initial_state_for_a_single_measurement()
    {
        var input = new PwsaFuseInput { ProcessNoise = 0.3, MeasurementNoise = 4, Tracks = [Track("solo", (12.5, 1, -2, 3))] };
        foreach (var engine in Engines())
        {
            var track = Assert.Single((await RunAsync(engine, input)).Tracks);
            Assert.Equal("solo", track.TrackId);
            Assert.Equal([1.0, -2.0, 3.0], track.Position);
            Assert.Equal([0.0, 0.0, 0.0], track.Velocity);
            Assert.Equal([2.0, 2.0, 2.0], track.PositionSigma); // √r
            Assert.Equal([1000.0, 1000.0, 1000.0], track.VelocitySigma); // √1e6
            Assert.Equal(12.5, track.UpdatedAt);
            Assert.Equal(1, track.MeasurementsUsed);
        }
    }

    [Fact]
    public async Task It_matches_the_hand_computed_second_step()
    {
        // r = 1, q = 3, dt = 1. Predicted per axis: P'pp = r + dt²·1e6 + q·dt³/3 = 1000002,
        // P'pv = dt·1e6 + q·dt²/2 = 1000001.5, P'vv = 1e6 + q·dt = 1000003; S = P'pp + r = 1000003.
        // Innovations (1000003, 0, 2000006): position += (1000002/S)·e, velocity = (1000001.5/S)·e.
        var input = new PwsaFuseInput
        {
            ProcessNoise = 3,
            MeasurementNoise = 1,
            Tracks = [Track("t", (0, 0, 10, -5), (1, 1000003, 10, 2000001))],
        };
        foreach (var engine in Engines())
        {
            var track = Assert.Single((await RunAsync(engine, input)).Tracks);
            Near(1000002, track.Position[0]);
            Near(10, track.Position[1]);
            Near(-5 + 2000004, track.Position[2]);
            Near(1000001.5, track.Velocity[0]);
            Near(0, track.Velocity[1]);
            Near(2000003, track.Velocity[2]);
            // P''pp = P'pp·r/S; P''vv = P'vv − P'pv²/S = (S² − 1000001.5²)/S = 1.5·2000004.5/S.
            Assert.All(track.PositionSigma, s => Near(Math.Sqrt(1000002.0 / 1000003.0), s));
            Assert.All(track.VelocitySigma, s => Near(Math.Sqrt(1.5 * 2000004.5 / 1000003.0), s, 1e-9));
            Assert.Equal(1.0, track.UpdatedAt);
            Assert.Equal(2, track.MeasurementsUsed);
        }
    }

    [Fact]
    public async Task It_converges_to_the_true_velocity_on_noiseless_constant_velocity_data()
    {
        double[] start = [100, -50, 7], velocity = [3, -2, 0.5];
        var measurements = Enumerable.Range(0, 80).Select(j =>
        {
            var t = 1000 + 0.5 * j + 0.1 * (j % 3); // irregular sampling
            return (t, start[0] + velocity[0] * t, start[1] + velocity[1] * t, start[2] + velocity[2] * t);
        }).ToArray();
        var input = new PwsaFuseInput { ProcessNoise = 1e-6, MeasurementNoise = 1e-2, Tracks = [Track("cv", measurements)] };

        foreach (var engine in Engines())
        {
            var track = Assert.Single((await RunAsync(engine, input)).Tracks);
            var last = measurements[^1];
            Near(last.Item2, track.Position[0], 1e-9);
            Near(last.Item3, track.Position[1], 1e-9);
            Near(last.Item4, track.Position[2], 1e-9);
            for (var i = 0; i < 3; i++) Assert.Equal(velocity[i], track.Velocity[i], 1e-6);
            // Eighty measurements shrink the uncertainty far below the initial √r and √1e6.
            Assert.All(track.PositionSigma, s => Assert.InRange(s, 1e-6, 0.1));
            Assert.All(track.VelocitySigma, s => Assert.InRange(s, 1e-6, 0.1));
        }
    }

    [Theory]
    [InlineData(1, 40)]
    [InlineData(2, 7)]
    [InlineData(3, 1)]
    public async Task Both_engines_match_the_full_matrix_reference(int seed, int trackCount)
    {
        var random = new Random(seed);
        double q = 0.01 + random.NextDouble(), r = 0.5 + 1.5 * random.NextDouble();
        var tracks = new FuseTrack[trackCount];
        for (var k = 0; k < trackCount; k++)
        {
            var count = random.Next(1, 30);
            var t = random.NextDouble() * 100;
            double[] p = [random.NextDouble() * 1000, random.NextDouble() * 1000, random.NextDouble() * 1000];
            double[] v = [random.NextDouble() * 20 - 10, random.NextDouble() * 20 - 10, random.NextDouble() * 20 - 10];
            var measurements = new (double, double, double, double)[count];
            for (var j = 0; j < count; j++)
            {
                var dt = 0.1 + 0.9 * random.NextDouble();
                t += dt;
                for (var i = 0; i < 3; i++) p[i] += v[i] * dt;
                measurements[j] = (t, p[0] + random.NextDouble() - 0.5, p[1] + random.NextDouble() - 0.5, p[2] + random.NextDouble() - 0.5);
            }
            tracks[k] = Track($"track-{k}", measurements);
        }
        var input = new PwsaFuseInput { ProcessNoise = q, MeasurementNoise = r, Tracks = tracks };

        var cpu = await RunAsync(new FuseCpuEngine(), input);
        var gpu = await RunAsync(new FuseIlgpuEngine(ilgpu.Device), input);
        for (var k = 0; k < trackCount; k++)
        {
            var ms = tracks[k].Measurements!;
            var (position, velocity, sigma) = FuseReference.Filter(
                [.. ms.Select(m => m.T!.Value)], [.. ms.Select(m => m.Position!)], q, r);
            foreach (var output in new[] { cpu, gpu })
            {
                var track = output.Tracks[k];
                Assert.Equal($"track-{k}", track.TrackId);
                Assert.Equal(ms.Length, track.MeasurementsUsed);
                Assert.Equal(ms[^1].T, track.UpdatedAt);
                for (var i = 0; i < 3; i++)
                {
                    Near(position[i], track.Position[i], 1e-9);
                    Near(velocity[i], track.Velocity[i], 1e-9);
                    Near(sigma[i], track.PositionSigma[i], 1e-9);
                    Near(sigma[i + 3], track.VelocitySigma[i], 1e-9);
                }
            }
            Assert.Equal(cpu.Tracks[k].Position, gpu.Tracks[k].Position);
            Assert.Equal(cpu.Tracks[k].Velocity, gpu.Tracks[k].Velocity);
            Assert.Equal(cpu.Tracks[k].VelocitySigma, gpu.Tracks[k].VelocitySigma);
        }
    }

    [Fact]
    public async Task It_runs_the_sample_to_a_moving_filtered_state()
    {
        var parsed = new PwsaFuseKind().Parse(JsonDocument.Parse(File.ReadAllText(Repository.Sample("pwsa.fuse"))).RootElement);
        Assert.True(parsed.IsValid, parsed.Errors.ToString());
        var input = (PwsaFuseInput)parsed.Input!;
        var output = await RunAsync(new FuseCpuEngine(), input);

        Assert.Equal(input.Tracks!.Select(t => t.TrackId), output.Tracks.Select(t => t.TrackId));
        var moving = output.Tracks[0];
        Assert.True(moving.MeasurementsUsed > 2);
        Assert.InRange(moving.Velocity[0], 5, 10); // sat-101 moves at about +7.5 along x
        Assert.True(moving.PositionSigma[0] < Math.Sqrt(input.MeasurementNoise!.Value));
        var single = output.Tracks[^1];
        Assert.Equal(1, single.MeasurementsUsed);
        Assert.Equal([0.0, 0.0, 0.0], single.Velocity);
    }
}
