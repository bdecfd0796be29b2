using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Prism.Cli.Commands;

/// <summary>
/// <c>prism keys new</c> and <c>prism keys hash</c>: make an API key and the SHA-256 the server is configured
/// with (<c>Prism:Auth:Keys:n:KeyHash</c>), so the key itself never has to be in configuration. Offline.
/// </summary>
public static class KeysCommand
{
    private static readonly string[] Roles = ["admin", "submit", "read"];

    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var command = new Command("keys", "Make API keys and their hashes for Prism__Auth__Keys (no server needed).");
        command.Subcommands.Add(New(runner));
        command.Subcommands.Add(Hash(runner));
        return command;
    }

    private static Command New(CommandRunner runner)
    {
        var name = new Option<string>("--name") { Description = "Who holds the key; logs and rate limits show this.", Required = true };
        var role = new Option<string>("--role") { Description = "admin, submit or read.", Required = true };
        role.AcceptOnlyFromAmong(Roles);
        var tenant = new Option<string?>("--tenant") { Description = "The key's tenant (required except for admin)." };
        var index = new Option<int>("--index") { Description = "n in Prism__Auth__Keys__n__*.", DefaultValueFactory = _ => 0 };
        var command = new Command("new", "Prints a new random key (give it to the caller) and the settings that configure it (give those to the server).") { name, role, tenant, index };
        runner.Bind(command, (context, parse, _) =>
        {
            var chosenRole = parse.GetValue(role)!;
            var chosenTenant = parse.GetValue(tenant);
            if (chosenRole != "admin" && string.IsNullOrWhiteSpace(chosenTenant)) throw new CliException(ExitCodes.Usage, $"a {chosenRole} key needs --tenant.");
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Prism__Auth__Keys__{parse.GetValue(index)}__");
            var settings = new Dictionary<string, string> { [prefix + "Name"] = parse.GetValue(name)!, [prefix + "Role"] = chosenRole };
            if (!string.IsNullOrWhiteSpace(chosenTenant)) settings[prefix + "Tenant"] = chosenTenant;
            settings[prefix + "KeyHash"] = HashOf(key);

            if (context.Terminal.Json)
            {
                context.Terminal.WriteJson(new { key, keyHash = HashOf(key), settings });
            }
            else
            {
                context.Terminal.Out.WriteLine($"key: {key}");
                context.Terminal.Out.WriteLine("server settings (environment):");
                foreach (var (setting, value) in settings) context.Terminal.Out.WriteLine($"{setting}={value}");
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command Hash(CommandRunner runner)
    {
        var command = new Command("hash", "Reads a key from standard input (so it stays out of shell history) and prints its SHA-256 as Prism expects it.");
        runner.Bind(command, async (context, _, cancellationToken) =>
        {
            var key = (await Console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).TrimEnd('\r', '\n');
            if (key.Length == 0) throw new CliException(ExitCodes.Usage, "no key on standard input (e.g. printf %s \"$KEY\" | prism keys hash).");
            context.Terminal.Out.WriteLine(HashOf(key));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
