// ENT 77 build script (Cake). `dotnet tool restore && dotnet cake --target=CI` is what CI runs.
// Tasks: Clean, Build, MigrationsCheck, SqlServerScript, Test, CI (all of them, then the totals line).

var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var solution = "./Ent77.sln";
var artifacts = Directory("./artifacts");
var infrastructure = "src/Infrastructure";

int passed = 0, failed = 0, skipped = 0;

void Dotnet(string arguments)
{
    var exit = StartProcess("dotnet", new ProcessSettings { Arguments = arguments });
    if (exit != 0)
    {
        throw new CakeException($"dotnet {arguments} failed with exit code {exit}.");
    }
}

Task("Clean").Does(() =>
{
    CleanDirectories("./src/**/bin/" + configuration);
    CleanDirectories("./src/**/obj");
    CleanDirectories("./tests/**/bin/" + configuration);
    CleanDirectories("./tests/**/obj");
    CleanDirectory(artifacts);
});

Task("Build").Does(() =>
{
    Dotnet($"build {solution} -c {configuration} --nologo");
});

// Each provider has its own migration set: neither may lag behind the model.
Task("MigrationsCheck").IsDependentOn("Build").Does(() =>
{
    foreach (var context in new[] { "SqliteEnt77DbContext", "SqlServerEnt77DbContext" })
    {
        Dotnet($"ef migrations has-pending-model-changes --project {infrastructure} --context {context} --configuration {configuration} --no-build");
    }
});

// Proof that the SQL Server path builds without a server: its idempotent deployment script.
Task("SqlServerScript").IsDependentOn("Build").Does(() =>
{
    EnsureDirectoryExists(artifacts);
    Dotnet($"ef migrations script --idempotent --project {infrastructure} --context SqlServerEnt77DbContext --configuration {configuration} --no-build --output {artifacts}/sqlserver-migrations.sql");
    var script = System.IO.File.ReadAllText($"{artifacts}/sqlserver-migrations.sql");
    if (!script.Contains("CREATE TABLE [Accounts]"))
    {
        throw new CakeException("The SQL Server script does not create the Accounts table.");
    }
    Information($"SQL Server script: {artifacts}/sqlserver-migrations.sql ({script.Length:N0} characters)");
});

// The README's test command, with its summary totalled over every test project.
Task("Test").IsDependentOn("Build").Does(() =>
{
    EnsureDirectoryExists(artifacts);
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"test --solution {solution} -c {configuration} --no-build",
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    }, out var stdout, out var stderr);
    var lines = stdout.Concat(stderr).ToList();
    System.IO.File.WriteAllLines($"{artifacts}/test-output.log", lines);
    foreach (var line in lines) { Information(line); }

    // Microsoft.Testing.Platform prints, per run: "total: N", "failed: N", "succeeded: N", "skipped: N".
    int Sum(string label) => lines
        .Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"\x1B\[[0-9;]*m", string.Empty)) // the runner colours its summary
        .Select(l => System.Text.RegularExpressions.Regex.Match(l, $@"^\s*{label}:\s*(\d+)\s*$"))
        .Where(m => m.Success)
        .Sum(m => int.Parse(m.Groups[1].Value));
    passed = Sum("succeeded");
    failed = Sum("failed");
    skipped = Sum("skipped");
    if (exit != 0 && failed == 0)
    {
        failed = 1; // the runner failed without a count (build or host error): never report green
    }
    if (passed == 0)
    {
        throw new CakeException("No test ran.");
    }
});

Task("CI")
    .IsDependentOn("Build")
    .IsDependentOn("MigrationsCheck")
    .IsDependentOn("SqlServerScript")
    .IsDependentOn("Test")
    .Does(() =>
{
    // The last line CI reads.
    Console.WriteLine($"{passed} passed, {failed} failed, {skipped} skipped");
    if (failed > 0)
    {
        throw new CakeException($"{failed} test(s) failed.");
    }
});

RunTarget(target);
