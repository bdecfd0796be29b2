using Prism.Processor;
using Prism.ServiceDefaults;
using Prism.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddProcessor();
builder.AddPrismBus();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapProcessorInfo();

app.Run();
