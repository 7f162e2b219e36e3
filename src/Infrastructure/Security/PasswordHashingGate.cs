using Ent77.Application.Common.Ports;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Security;

/// <summary>
/// The <see cref="IPasswordHashingGate"/> of one process: <see cref="Capacity"/> places (the cores, by default), and a
/// first-in first-out queue of waiters that are tasks, not threads. With Poisson arrivals at half of the hashing
/// capacity, letting every request hash at once shares the cores among the bursts and slows every request of a burst;
/// admitting one hash per core and queueing the rest serves them one after the other at full speed
/// (docs/PERFORMANCE.md "Sign-in capacity").
/// <para>
/// The flow that runs admitted work is marked (<see cref="IsAdmitted"/>) so that the hasher
/// (<see cref="AdmittedPasswordHasher"/>) hashes at once inside it and only takes a place itself for a caller that did
/// not come through the gate.
/// </para>
/// </summary>
public sealed class PasswordHashingGate : IPasswordHashingGate
{
    private static readonly AsyncLocal<PasswordHashingGate?> Admitted = new();
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _waiting = new();
    private int _free;

    public PasswordHashingGate(IOptions<PasswordHashingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Capacity = options.Value.EffectiveConcurrency;
        _free = Capacity;
    }

    public int Capacity { get; }

    /// <summary>Pieces of work waiting for a place right now.</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Places taken right now.</summary>
    public int Busy
    {
        get
        {
            lock (_lock)
            {
                return Capacity - _free;
            }
        }
    }

    /// <summary>True inside work admitted by this gate (the caller's asynchronous flow).</summary>
    public bool IsAdmitted => Admitted.Value == this;

    public async ValueTask<T> RunAsync<T>(Func<ValueTask<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (IsAdmitted)
        {
            return await work();
        }

        await EnterAsync(cancellationToken);
        try
        {
            Admitted.Value = this;
            return await work();
        }
        finally
        {
            Admitted.Value = null;
            Release();
        }
    }

    /// <summary>
    /// The same for synchronous work from a caller that is not asynchronous (a hash outside any admitted command: the
    /// command line, the development seed). It waits for its place like the others, holding its thread.
    /// </summary>
    public T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (IsAdmitted)
        {
            return work();
        }

        EnterAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        try
        {
            Admitted.Value = this;
            return work();
        }
        finally
        {
            Admitted.Value = null;
            Release();
        }
    }

    private async ValueTask EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (_lock)
        {
            if (_free > 0 && _waiting.Count == 0)
            {
                _free--;
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiting.AddLast(waiter);
        }

        // A waiter that gives up leaves the queue; one already given a place keeps it (Release handed it over).
        using var registration = cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                if (node.List is null)
                {
                    return;
                }

                _waiting.Remove(node);
            }

            waiter.TrySetCanceled(cancellationToken);
        });
        await waiter.Task.ConfigureAwait(false);
    }

    private void Release()
    {
        TaskCompletionSource? next = null;
        lock (_lock)
        {
            if (_waiting.First is { } first)
            {
                _waiting.RemoveFirst();
                next = first.Value; // the place passes straight to the first waiter
            }
            else
            {
                _free++;
            }
        }

        next?.SetResult();
    }
}
