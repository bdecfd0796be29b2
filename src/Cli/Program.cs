using Prism.Cli;
using Prism.Cli.Output;

return await PrismCli.RunAsync(args, Environment.GetEnvironmentVariable, Terminal.ForProcess, Console.Error);
