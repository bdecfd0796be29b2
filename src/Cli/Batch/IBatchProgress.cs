namespace Prism.Cli.Batch;

/// <summary>Told as a batch moves on; called from several threads at once.</summary>
public interface IBatchProgress
{
    void Submitted(int count);

    void Finished(string status);
}
