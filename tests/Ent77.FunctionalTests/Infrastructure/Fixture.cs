namespace Ent77.FunctionalTests.Infrastructure;

/// <summary>Base for test classes that want a fresh service (own SQLite file, own clock) per test.</summary>
public abstract class FunctionalTest : IAsyncLifetime
{
    protected Ent77Factory Factory { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public ValueTask InitializeAsync()
    {
        Factory = new Ent77Factory(Settings);
        return ValueTask.CompletedTask;
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Factory.Secrets.AssertNothingLeakedAsync(Factory);
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
