using Prism.Ingest;
using Prism.Ingest.Apis;
using Prism.ServiceDefaults;
using Prism.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIngest();
builder.AddPrismBus();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapJobsApi();

app.Run();
