namespace Prism.Cli;

/// <summary>The exit codes of <c>prism</c>; scripts may rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Done; every job involved succeeded (or was only submitted).</summary>
    public const int Ok = 0;

    /// <summary>A job failed, was cancelled, or did not finish within <c>--timeout</c> (for a batch: any of them).</summary>
    public const int JobFailed = 1;

    /// <summary>Bad arguments, an unreadable or malformed input file, or an input the API rejected as invalid (400).</summary>
    public const int Usage = 2;

    /// <summary>Prism could not be reached, timed out, or answered 503/429 (nothing was accepted).</summary>
    public const int Unreachable = 3;

    /// <summary>The API refused the request otherwise: no such job (404), already finished (409), not allowed (401/403).</summary>
    public const int ApiError = 4;

    /// <summary>Interrupted (Ctrl+C) before the command finished, as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
