using Ent77.Application.Accounts.Sessions;
using Ent77.Domain.Accounts;
using Ent77.Infrastructure.Persistence.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ent77.Infrastructure.Tests;

/// <summary>The session check's cache (docs/PERFORMANCE.md "Session check"): what it keeps, and everything that makes it forget.</summary>
public sealed class SessionCheckCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 1, 18, 0, 0, TimeSpan.Zero));

    private SessionCheckCache NewCache(bool enabled = true)
    {
        var cache = new SessionCheckCache(Options.Create(new SessionCacheOptions { CacheLifetime = TimeSpan.FromSeconds(30) }), _time);
        if (enabled)
        {
            cache.Enable();
        }

        return cache;
    }

    private Account NewAccount() =>
        Account.CreatePending(Identifier.FromStored($"camille.martin{Guid.NewGuid():N}"[..30]), "Camille", "Martin", Profile.Student, new Ent77.Domain.Establishments.EstablishmentId(Guid.NewGuid()), _time.GetUtcNow());

    private SessionCheck Check(Account? account = null)
    {
        account ??= NewAccount();
        return new SessionCheck(Session.Start(account, rememberMe: false, "Firefox", SessionPolicy.Default, _time.GetUtcNow()), AccountStatus.Active, account.SecurityStamp);
    }

    [Fact]
    public void AStoredCheck_IsAnswered_UntilItsLifetimeEnds()
    {
        var cache = NewCache();
        var check = Check();
        cache.Put(check, cache.Generation);

        Assert.True(cache.TryGet(check.Session.Id, out var hit));
        Assert.Same(check, hit);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(cache.TryGet(check.Session.Id, out _));
    }

    [Fact]
    public void OffUntilTheListenerListens_AndOffAgainWhenItIsLost_ComingBackEmpty()
    {
        var cache = NewCache(enabled: false);
        var check = Check();
        cache.Put(check, cache.Generation);
        Assert.False(cache.TryGet(check.Session.Id, out _));

        cache.Enable();
        cache.Put(check, cache.Generation);
        Assert.True(cache.TryGet(check.Session.Id, out _));

        cache.Disable();
        Assert.False(cache.TryGet(check.Session.Id, out _));
        cache.Enable();
        Assert.False(cache.TryGet(check.Session.Id, out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void WhatThisInstanceCommitted_IsForgottenAtOnce_TheSessionsItEnded_AndEverySessionOfTheAccountsItRevoked()
    {
        var cache = NewCache();
        var blocked = NewAccount();
        var (ended, kept, first, second) = (Check(), Check(), Check(blocked), Check(blocked));
        foreach (var check in new[] { ended, kept, first, second })
        {
            cache.Put(check, cache.Generation);
        }

        var before = cache.Generation;
        cache.Revoke([ended.Session.Id], [blocked.Id]);

        Assert.False(cache.TryGet(ended.Session.Id, out _));
        Assert.False(cache.TryGet(first.Session.Id, out _));
        Assert.False(cache.TryGet(second.Session.Id, out _));
        Assert.True(cache.TryGet(kept.Session.Id, out _));
        Assert.Equal(1, cache.Count);

        // A read that started before the commit is not stored after it.
        cache.Put(first, before);
        Assert.False(cache.TryGet(first.Session.Id, out _));
    }

    [Fact]
    public void ARevokedSession_IsForgotten_AndOnlyThatOne()
    {
        var cache = NewCache();
        var (one, two) = (Check(), Check());
        cache.Put(one, cache.Generation);
        cache.Put(two, cache.Generation);

        cache.Revoke($"s:{one.Session.Id.Value}");

        Assert.False(cache.TryGet(one.Session.Id, out _));
        Assert.True(cache.TryGet(two.Session.Id, out _));
    }

    [Fact]
    public void ARevokedAccount_LosesEverySessionOfIts()
    {
        var cache = NewCache();
        var account = NewAccount();
        var (phone, laptop, other) = (Check(account), Check(account), Check());
        foreach (var check in new[] { phone, laptop, other })
        {
            cache.Put(check, cache.Generation);
        }

        cache.Revoke($"a:{account.Id.Value}");

        Assert.False(cache.TryGet(phone.Session.Id, out _));
        Assert.False(cache.TryGet(laptop.Session.Id, out _));
        Assert.True(cache.TryGet(other.Session.Id, out _));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("x:nonsense")]
    [InlineData("")]
    public void AnyOtherNotification_DropsEverything(string payload)
    {
        var cache = NewCache();
        var check = Check();
        cache.Put(check, cache.Generation);

        cache.Revoke(payload);

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void ARead_ThatANotificationOvertook_IsNotStored()
    {
        var cache = NewCache();
        var check = Check();
        var before = cache.Generation; // the read starts
        cache.Revoke($"s:{Guid.NewGuid()}"); // a revocation arrives while the database answers (of this session or not)

        cache.Put(check, before);

        Assert.False(cache.TryGet(check.Session.Id, out _));
    }

    [Fact]
    public void ASessionPastItsRecordedEnd_IsReadAgain()
    {
        var cache = NewCache();
        var check = Check();

        // Stored 10 s before the end it recorded (another instance may have extended it since): at that end it is read again.
        _time.Advance(SessionPolicy.Default.IdleTimeout - TimeSpan.FromSeconds(10));
        cache.Put(check, cache.Generation);
        Assert.True(cache.TryGet(check.Session.Id, out _));
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.False(cache.TryGet(check.Session.Id, out _));
    }
}
