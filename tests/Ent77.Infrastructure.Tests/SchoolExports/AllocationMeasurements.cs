namespace Ent77.Infrastructure.Tests.SchoolExports;

/// <summary>Tests that count the bytes the whole process allocates: they run alone, after the others.</summary>
[CollectionDefinition(nameof(AllocationMeasurements), DisableParallelization = true)]
public sealed class AllocationMeasurements;
