using Ent77.Domain.Accounts;
using Ent77.Infrastructure;
using Ent77.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Tests;

/// <summary>The gate in front of password hashing (docs/PERFORMANCE.md "Sign-in capacity"): N at once, the rest first in first out, waiting as tasks.</summary>
public sealed class PasswordHashingGateTests
{
    [Fact]
    public async Task AtMostCapacityRunAtOnce_AndTheOthersWaitWithoutAThread_ThenEachRunsOnce()
    {
        var gate = Gate(2);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new List<int>();
        var running = 0;
        var most = 0;

        async ValueTask<int> Work(int n)
        {
            lock (started)
            {
                started.Add(n);
                most = Math.Max(most, ++running);
            }

            await release.Task;
            lock (started)
            {
                running--;
            }

            return n;
        }

        // Started one after the other from this thread: every RunAsync returns at once (a waiter is a task, not a blocked thread).
        var all = new List<Task<int>>();
        for (var i = 0; i < 8; i++)
        {
            var n = i;
            var task = gate.RunAsync(() => Work(n), CancellationToken.None).AsTask();
            all.Add(task);
        }

        Assert.Equal([0, 1], started);
        Assert.Equal(2, gate.Busy);
        Assert.Equal(6, gate.Waiting);
        release.SetResult();

        var results = await Task.WhenAll(all);
        Assert.Equal(Enumerable.Range(0, 8), results);
        // Places are handed over in arrival order (TheQueue_IsFirstInFirstOut), but two handed over at once by two
        // releases start on the thread pool in either order: only that each ran once is certain here.
        Assert.Equal(Enumerable.Range(0, 8), started.Order());
        Assert.Equal(2, most);
        Assert.Equal(0, gate.Busy);
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task TheQueue_IsFirstInFirstOut()
    {
        var gate = Gate(1);
        var order = new List<int>();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = gate.RunAsync(async () => { await hold.Task; return 0; }, CancellationToken.None).AsTask();
        var queued = Enumerable.Range(1, 20)
            .Select(n => gate.RunAsync(() => { lock (order) { order.Add(n); } return ValueTask.FromResult(n); }, CancellationToken.None).AsTask())
            .ToList();

        hold.SetResult();
        await first;
        await Task.WhenAll(queued);

        Assert.Equal(Enumerable.Range(1, 20), order);
    }

    [Fact]
    public async Task AWaiterThatGivesUp_LeavesTheQueue_AndItsPlaceGoesToTheNext()
    {
        var gate = Gate(1);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = gate.RunAsync(async () => { await hold.Task; return 1; }, CancellationToken.None).AsTask();
        using var cancel = new CancellationTokenSource();
        var ranCancelled = false;
        var cancelled = gate.RunAsync(() => { ranCancelled = true; return ValueTask.FromResult(2); }, cancel.Token).AsTask();
        var third = gate.RunAsync(() => ValueTask.FromResult(3), CancellationToken.None).AsTask();
        Assert.Equal(2, gate.Waiting);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, gate.Waiting);
        hold.SetResult();

        Assert.Equal(1, await first);
        Assert.Equal(3, await third);
        Assert.False(ranCancelled);
        Assert.Equal(0, gate.Busy);
    }

    [Fact]
    public async Task WorkThatThrows_FreesItsPlace()
    {
        var gate = Gate(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RunAsync<int>(() => throw new InvalidOperationException("boom"), CancellationToken.None).AsTask());

        Assert.Equal(0, gate.Busy);
        Assert.Equal(5, await gate.RunAsync(() => ValueTask.FromResult(5), CancellationToken.None));
    }

    [Fact]
    public async Task TheHasher_HashesAtOnceInsideAdmittedWork_WithoutTakingASecondPlace()
    {
        var gate = Gate(1);
        var hasher = new AdmittedPasswordHasher(new Pbkdf2PasswordHasher(Options.Create(new SecurityOptions { PasswordIterations = 1_000 })), gate);

        // With one place, a second place taken inside the admitted work would never come: this would hang.
        var check = await gate.RunAsync(() =>
        {
            Assert.True(gate.IsAdmitted);
            Assert.Equal(1, gate.Busy);
            var hash = hasher.Hash("Violette-2012");
            return ValueTask.FromResult(hasher.Verify(hash, "Violette-2012"));
        }, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(PasswordCheck.Success, check);
        Assert.False(gate.IsAdmitted);
    }

    [Fact]
    public async Task TheHasher_OutsideAdmittedWork_WaitsForAPlaceOfItsOwn()
    {
        var gate = Gate(1);
        var hasher = new AdmittedPasswordHasher(new Pbkdf2PasswordHasher(Options.Create(new SecurityOptions { PasswordIterations = 1_000 })), gate);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = gate.RunAsync(async () => { await hold.Task; return 0; }, CancellationToken.None).AsTask();

        var outside = Task.Run(() => hasher.Hash("Violette-2012"));
        await Task.Delay(200);
        Assert.False(outside.IsCompleted);
        Assert.Equal(1, gate.Waiting);

        hold.SetResult();
        await holder;
        Assert.Equal(1_000, Pbkdf2PasswordHasher.IterationsOf(await outside.WaitAsync(TimeSpan.FromSeconds(10))));
        Assert.Equal(0, gate.Busy);
    }

    [Fact]
    public void TheCapacity_IsTheNumberOfCoresUnlessConfigured()
    {
        Assert.Equal(Environment.ProcessorCount, new PasswordHashingGate(Options.Create(new PasswordHashingOptions())).Capacity);
        Assert.Equal(3, new PasswordHashingGate(Options.Create(new PasswordHashingOptions { PasswordHashConcurrency = 3 })).Capacity);
    }

    private static PasswordHashingGate Gate(int capacity) =>
        new(Options.Create(new PasswordHashingOptions { PasswordHashConcurrency = capacity }));
}
