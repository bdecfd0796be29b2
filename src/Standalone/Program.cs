using Prism.Ingest;
using Prism.Ingest.Apis;
using Prism.Processor;
using Prism.Results;
using Prism.Results.Dashboard;
using Prism.ServiceDefaults;
using Prism.ServiceDefaults.Messaging;
using Prism.Standalone;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIngest();
builder.AddProcessor();
builder.AddResults();
builder.AddPrismBus();
builder.Services.AddHostedService<StartupBanner>();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapJobsApi();
app.MapResultsApis();
app.MapDashboard();
app.MapProcessorInfo();

app.Run();
