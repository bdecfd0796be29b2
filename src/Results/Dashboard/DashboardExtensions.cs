using Microsoft.Extensions.FileProviders;

namespace Prism.Results.Dashboard;

/// <summary>
/// The live dashboard at <c>/</c>: a static page (wwwroot, embedded in this assembly so Standalone serves the same
/// files) that reads the public API from the browser — events over SSE, processors, domain health, results — and
/// submits sample jobs (<c>/samples/{kind}.json</c>, the repository's samples, embedded too).
/// </summary>
public static class DashboardExtensions
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = new EmbeddedFileProvider(typeof(DashboardExtensions).Assembly, "Prism.Results.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // The page and its samples change with every release; let the browser revalidate rather than guess.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}
