namespace Ent77.Application.Common.Behaviours;

/// <summary>
/// A command whose outcome depends on counters or single-use secrets (sign-in, activation, resets): when
/// another request changed the same aggregate first, it is decided again on the fresh state.
/// </summary>
public interface IRetryOnConcurrencyConflict;
