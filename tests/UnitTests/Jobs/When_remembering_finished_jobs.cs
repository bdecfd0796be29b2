using Prism.Processor.Jobs;

namespace Prism.UnitTests.Jobs;

public sealed class When_remembering_finished_jobs
{
    [Fact]
    public void It_knows_the_jobs_it_was_told_of()
    {
        var finished = new FinishedJobs();
        var done = Guid.NewGuid();
        finished.Add(done);

        Assert.True(finished.Contains(done));
        Assert.False(finished.Contains(Guid.NewGuid()));
    }

    [Fact]
    public void It_forgets_the_oldest_first_when_full()
    {
        var finished = new FinishedJobs(capacity: 2);
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var id in ids) finished.Add(id);
        finished.Add(ids[2]);

        Assert.False(finished.Contains(ids[0]));
        Assert.True(finished.Contains(ids[1]));
        Assert.True(finished.Contains(ids[2]));
    }
}
