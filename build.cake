// ENT 77 build script (Cake). `dotnet tool restore && dotnet cake --target=CI` is what CI runs.
// Tasks: Clean, Build, MigrationsCheck, SqlServerScript, Test, OpenApiLint, CI (all of them, then the totals line).
// Test needs a PostgreSQL server (ENT77_TEST_POSTGRES, by default the local role ent77): .ci/run starts one.
// OpenApiLint needs Spectral in tools/spectral (`npm ci --prefix tools/spectral`): .ci/run installs it.

var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var solution = "./Ent77.sln";
var artifacts = Directory("./artifacts");
var infrastructure = "src/Infrastructure";

int passed = 0, failed = 0, skipped = 0;
var failures = new List<string>(); // each failed test's name and first lines, repeated just before the totals

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

// Each provider has its own migration set: none may lag behind the model.
Task("MigrationsCheck").IsDependentOn("Build").Does(() =>
{
    foreach (var context in new[] { "SqliteEnt77DbContext", "PostgreSqlEnt77DbContext", "SqlServerEnt77DbContext" })
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

// The README's test command (every project; functional tests on SQLite, the multi-instance tests on PostgreSQL),
// then the functional tests again on PostgreSQL (ENT77_TEST_DATABASE=postgres); the summaries of both runs are totalled.
Task("Test").IsDependentOn("Build").Does(() =>
{
    EnsureDirectoryExists(artifacts);
    RunTests("sqlite", $"test --solution {solution} -c {configuration} --no-build", new Dictionary<string, string>());
    RunTests("postgres", $"test --project tests/Ent77.FunctionalTests -c {configuration} --no-build",
        new Dictionary<string, string> { ["ENT77_TEST_DATABASE"] = "postgres" });
    if (passed == 0)
    {
        throw new CakeException("No test ran.");
    }
});

void RunTests(string name, string arguments, IDictionary<string, string> environment)
{
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = arguments,
        EnvironmentVariables = environment,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    }, out var stdout, out var stderr);
    var lines = stdout.Concat(stderr).ToList();
    System.IO.File.WriteAllLines($"{artifacts}/test-output-{name}.log", lines);
    foreach (var line in lines) { Information(line); }

    // Microsoft.Testing.Platform prints, per run: "total: N", "failed: N", "succeeded: N", "skipped: N".
    int Sum(string label) => lines
        .Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"\x1B\[[0-9;]*m", string.Empty)) // the runner colours its summary
        .Select(l => System.Text.RegularExpressions.Regex.Match(l, $@"^\s*{label}:\s*(\d+)\s*$"))
        .Where(m => m.Success)
        .Sum(m => int.Parse(m.Groups[1].Value));
    var runFailed = Sum("failed");
    if (exit != 0 && runFailed == 0)
    {
        runFailed = 1; // the runner failed without a count (build or host error): never report green
    }

    // Microsoft.Testing.Platform prints "failed <test> (<duration>)" then the message and stack: keep the first lines.
    var plain = lines.Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"\x1B\[[0-9;]*m", string.Empty)).ToList();
    for (var i = 0; i < plain.Count; i++)
    {
        if (System.Text.RegularExpressions.Regex.IsMatch(plain[i], @"^\s*failed\s+\S.*\(\d"))
        {
            failures.Add($"[{name}] " + string.Join(Environment.NewLine, plain.Skip(i).Take(12)));
        }
    }

    passed += Sum("succeeded");
    failed += runFailed;
    skipped += Sum("skipped");
    Information($"Tests on {name}: {Sum("succeeded")} passed, {runFailed} failed, {Sum("skipped")} skipped");
}

// The OpenAPI document of the built service (run briefly on a loopback port, on a throwaway SQLite database), linted by
// Spectral with .spectral.yaml (spectral:oas): a warning fails, and counts as one failure in the totals line.
Task("OpenApiLint").IsDependentOn("Build").Does(() =>
{
    EnsureDirectoryExists(artifacts);
    var document = $"{artifacts}/openapi.json";
    try
    {
        FetchOpenApiDocument(document);
        var exit = StartProcess("tools/spectral/node_modules/.bin/spectral", new ProcessSettings
        {
            Arguments = $"lint {document} --ruleset .spectral.yaml --fail-severity=warn",
        });
        if (exit != 0)
        {
            throw new CakeException($"Spectral found problems in {document} (exit code {exit}).");
        }

        Information($"OpenAPI document: {document}, linted clean by Spectral");
    }
    catch (Exception e)
    {
        // Under CI, one more failure in the totals line (the other checks still run); on its own, the task fails.
        Error($"OpenAPI lint failed: {e.Message}");
        failed += 1;
        if (target != "CI")
        {
            throw;
        }
    }
});

void FetchOpenApiDocument(string path)
{
    var bin = MakeAbsolute(Directory($"./src/WebApi/bin/{configuration}/net10.0")).FullPath;
    var data = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ent77-openapi-" + Guid.NewGuid().ToString("N"));
    int port;
    using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
    {
        probe.Start();
        port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    var start = new System.Diagnostics.ProcessStartInfo("dotnet", $"{bin}/Ent77.WebApi.dll")
    {
        WorkingDirectory = bin,
        UseShellExecute = false,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
    start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
    start.Environment["Data__Directory"] = data;
    using var service = System.Diagnostics.Process.Start(start);
    service.OutputDataReceived += (_, _) => { };
    service.ErrorDataReceived += (_, _) => { };
    service.BeginOutputReadLine();
    service.BeginErrorReadLine();
    try
    {
        using var http = new System.Net.Http.HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (service.HasExited)
            {
                throw new CakeException($"The service exited ({service.ExitCode}) before it was ready.");
            }

            try
            {
                if (http.GetAsync("/health/ready").GetAwaiter().GetResult().IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (System.Net.Http.HttpRequestException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new CakeException("The service was not ready after 90 s.");
            }

            System.Threading.Thread.Sleep(200);
        }

        System.IO.File.WriteAllText(path, http.GetStringAsync("/openapi/v1.json").GetAwaiter().GetResult());
    }
    finally
    {
        if (!service.HasExited)
        {
            service.Kill();
        }

        service.WaitForExit();
        if (System.IO.Directory.Exists(data))
        {
            System.IO.Directory.Delete(data, recursive: true);
        }
    }
}

Task("CI")
    .IsDependentOn("Build")
    .IsDependentOn("MigrationsCheck")
    .IsDependentOn("SqlServerScript")
    .IsDependentOn("Test")
    .IsDependentOn("OpenApiLint")
    .Does(() =>
{
    foreach (var failure in failures)
    {
        Console.WriteLine(failure);
    }

    // The last line CI reads.
    Console.WriteLine($"{passed} passed, {failed} failed, {skipped} skipped");
    if (failed > 0)
    {
        throw new CakeException($"{failed} test(s) or check(s) failed.");
    }
});

RunTarget(target);
