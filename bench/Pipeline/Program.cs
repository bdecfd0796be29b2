using Prism.Pipeline;

return await PipelineCommand.Create().Parse(args).InvokeAsync();
