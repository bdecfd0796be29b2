using Prism.Results;
using Prism.Results.Dashboard;
using Prism.ServiceDefaults;
using Prism.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddResults();
builder.AddPrismBus();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapResultsApis();
app.MapDashboard();

app.Run();
