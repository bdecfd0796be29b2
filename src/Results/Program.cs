using Prism.Results;
using Prism.Results.Apis;
using Prism.ServiceDefaults;
using Prism.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddResults();
builder.AddPrismBus();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapResultsApi();

app.Run();
