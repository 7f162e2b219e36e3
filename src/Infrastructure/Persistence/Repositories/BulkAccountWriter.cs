using System.Collections;
using System.Data.Common;
using System.Threading.Channels;
using Ent77.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Ent77.Infrastructure.Persistence.Repositories;

/// <summary>
/// Inserts new <see cref="Account"/> aggregates (with their codes, roles and reset requests) on the DbContext's own
/// connection and transaction: the rows EF Core would write, without its change tracker, at the speed of the storage
/// (docs/DOMAIN.md "Roster import"). SQLite gets one prepared INSERT per table, re-executed for every row (one connection
/// writes row after row without round trips); PostgreSQL gets one binary <c>COPY</c> per table (every row of a table
/// in one stream). SQL Server keeps EF Core's own batching.
/// <para>
/// Both writers take their rows from one <see cref="Plan"/> built from the EF model, so a column added to the model is
/// written by both: table and column names, value converters and each column's type mapping (which makes the value
/// exactly as EF would send it). Shadow columns are the foreign key to the owning account, the store-generated keys
/// (left to the database) and the three lookup columns of <see cref="Ent77DbContext"/>; a model with any other shadow
/// column, a reference navigation or a nested collection is not supported and the accounts go through EF Core instead
/// (<see cref="Supports"/>).
/// </para>
/// </summary>
internal static class BulkAccountWriter
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, AuditHolder> AuditPlans = new();

    public static bool Supports(Ent77DbContext db) =>
        (db.Database.IsSqlite() || db.Database.IsNpgsql()) && Plan.For(db.Model) is not null;

    public static bool SupportsAudit(Ent77DbContext db) =>
        (db.Database.IsSqlite() || db.Database.IsNpgsql()) && AuditPlan(db.Model) is not null;

    /// <summary>
    /// Audit rows on the unit of work's connection and transaction, their ids left to the database: one binary COPY on
    /// PostgreSQL, one prepared INSERT executed per row on SQLite.
    /// </summary>
    public static async Task InsertAuditEventsAsync(Ent77DbContext db, IReadOnlyList<Domain.Auditing.AuditEvent> events, CancellationToken cancellationToken)
    {
        var plan = AuditPlan(db.Model) ?? throw new NotSupportedException("The audit model cannot be written in bulk.");
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the unit of work's transaction.");
        try
        {
            if (db.Database.GetDbConnection() is NpgsqlConnection postgres)
            {
                await CopyTableAsync(plan, postgres, db.GetService<ISqlGenerationHelper>(), events.Select(e => ((object)e, (object?)null)), cancellationToken);
                return;
            }

            using var insert = new TableInsert(plan, db.Database.GetDbConnection(), transaction, db.GetService<ISqlGenerationHelper>());
            foreach (var auditEvent in events)
            {
                await insert.ExecuteAsync(auditEvent, owner: null, cancellationToken);
            }
        }
        catch (DbException e)
        {
            throw new DbUpdateException("An error occurred while inserting audit events in bulk. See the inner exception for details.", e);
        }
    }

    private static TablePlan? AuditPlan(IModel model) =>
        AuditPlans.GetValue(model, m => new AuditHolder(m.FindEntityType(typeof(Domain.Auditing.AuditEvent)) is { } type && !type.GetNavigations().Any()
            ? TablePlan.For(type, owner: null)
            : null)).Plan;

    private sealed record AuditHolder(TablePlan? Plan);

    public static async Task InsertAsync(Ent77DbContext db, IReadOnlyList<Account> accounts, CancellationToken cancellationToken)
    {
        var plan = Plan.For(db.Model) ?? throw new NotSupportedException("The account model cannot be written in bulk.");
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the unit of work's transaction.");
        try
        {
            if (db.Database.GetDbConnection() is NpgsqlConnection postgres)
            {
                await CopyAsync(plan, postgres, accounts, db.GetService<ISqlGenerationHelper>(), cancellationToken);
            }
            else
            {
                await InsertRowByRowAsync(plan, db.Database.GetDbConnection(), transaction, accounts, db.GetService<ISqlGenerationHelper>(), cancellationToken);
            }
        }
        catch (DbException e)
        {
            // As EF Core would report it (a duplicate identifier when two imports race, for instance).
            throw new DbUpdateException("An error occurred while inserting the accounts in bulk. See the inner exception for details.", e);
        }
    }

    /// <summary>
    /// SQLite: one prepared INSERT per table, executed for each row (children right after their account). Two stages
    /// that overlap: a background task turns the accounts into rows of stored values (converters, keys, lookups), in
    /// chunks through a small bounded channel, while this one binds and executes them; SQLite writes on one thread, so the
    /// other core prepares what it writes next, and the channel bounds what waits in memory.
    /// </summary>
    private static async Task InsertRowByRowAsync(
        Plan plan, DbConnection connection, DbTransaction transaction, IReadOnlyList<Account> accounts, ISqlGenerationHelper sql, CancellationToken cancellationToken)
    {
        var inserts = new List<TableInsert> { new(plan.Account, connection, transaction, sql) };
        inserts.AddRange(plan.Children.Select(c => new TableInsert(c.Table, connection, transaction, sql)));
        var chunks = Channel.CreateBounded<List<(int Table, object?[] Values)>>(
            new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producing = Task.Run(() => ProduceRowsAsync(plan, accounts, chunks.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var (table, values) in chunk)
                {
                    await inserts[table].ExecuteAsync(values, cancellationToken);
                }
            }
        }
        finally
        {
            await stop.CancelAsync(); // a failed insert stops the producer
            try
            {
                await producing;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // stopped because the writing stopped: its exception is the one that counts
            }

            foreach (var insert in inserts)
            {
                insert.Dispose();
            }
        }
    }

    private const int RowsPerChunk = 1_000;

    private static async Task ProduceRowsAsync(
        Plan plan, IReadOnlyList<Account> accounts, ChannelWriter<List<(int Table, object?[] Values)>> writer, CancellationToken cancellationToken)
    {
        try
        {
            var chunk = new List<(int, object?[])>(RowsPerChunk + 8);
            foreach (var account in accounts)
            {
                var (values, key) = plan.Account.RowOf(account, owner: null);
                chunk.Add((0, values));
                for (var c = 0; c < plan.Children.Count; c++)
                {
                    var (navigation, table) = plan.Children[c];
                    foreach (var item in Items(navigation, account))
                    {
                        chunk.Add((c + 1, table.RowOf(item, key).Values));
                    }
                }

                if (chunk.Count >= RowsPerChunk)
                {
                    await writer.WriteAsync(chunk, cancellationToken);
                    chunk = new List<(int, object?[])>(RowsPerChunk + 8);
                }
            }

            if (chunk.Count > 0)
            {
                await writer.WriteAsync(chunk, cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }

    /// <summary>
    /// PostgreSQL: one binary <c>COPY … FROM STDIN</c> per table, in the current transaction: the accounts first, then
    /// each child table (their foreign keys then find their accounts). Each value goes with its column's store type.
    /// </summary>
    private static async Task CopyAsync(Plan plan, NpgsqlConnection connection, IReadOnlyList<Account> accounts, ISqlGenerationHelper sql, CancellationToken cancellationToken)
    {
        await CopyTableAsync(plan.Account, connection, sql, accounts.Select(a => ((object)a, (object?)null)), cancellationToken);
        var key = plan.Account.Columns.Single(c => ReferenceEquals(c.Property, plan.Account.Key));
        foreach (var (navigation, table) in plan.Children)
        {
            await CopyTableAsync(table, connection, sql,
                accounts.SelectMany(a => Items(navigation, a).Select(item => (item, key.ValueOf(a, owner: null)))), cancellationToken);
        }
    }

    private static async Task CopyTableAsync(
        TablePlan table, NpgsqlConnection connection, ISqlGenerationHelper sql, IEnumerable<(object Entity, object? Owner)> rows, CancellationToken cancellationToken)
    {
        var command = $"COPY {sql.DelimitIdentifier(table.Table, table.Schema)} ({string.Join(", ", table.Columns.Select(c => sql.DelimitIdentifier(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await connection.BeginBinaryImportAsync(command, cancellationToken);
        var types = table.Columns.Select(c => c.Mapping.StoreTypeNameBase).ToArray();
        foreach (var (entity, owner) in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                if (table.Columns[i].ValueOf(entity, owner) is { } value)
                {
                    await writer.WriteAsync(value, types[i], cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static IEnumerable<object> Items(INavigation navigation, Account account) =>
        navigation.GetGetter().GetClrValue(account) is IEnumerable items ? items.Cast<object>() : [];

    /// <summary>How each table of the aggregate is written; built once per model.</summary>
    private sealed record Plan(TablePlan Account, IReadOnlyList<(INavigation Navigation, TablePlan Table)> Children)
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, Holder> Cache = new();

        public static Plan? For(IModel model) => Cache.GetValue(model, m => new Holder(Build(m))).Plan;

        private static Plan? Build(IModel model)
        {
            var account = model.FindEntityType(typeof(Account));
            if (account is null || account.GetNavigations().Any(n => !n.IsCollection) || account.GetSkipNavigations().Any())
            {
                return null;
            }

            var accountTable = TablePlan.For(account, owner: null);
            var children = new List<(INavigation, TablePlan)>();
            foreach (var navigation in account.GetNavigations())
            {
                var target = navigation.TargetEntityType;
                if (target.GetNavigations().Any(n => n.TargetEntityType != account) || target.GetSkipNavigations().Any())
                {
                    return null;
                }

                if (TablePlan.For(target, account) is not { } table)
                {
                    return null;
                }

                children.Add((navigation, table));
            }

            return accountTable is null ? null : new Plan(accountTable, children);
        }

        private sealed record Holder(Plan? Plan);
    }

    private enum Source
    {
        Property,
        OwnerKey,
        IdentifierBase,
        EmailLookup,
        ExternalIdLookup,
    }

    private sealed record ColumnPlan(string Name, IProperty Property, RelationalTypeMapping Mapping, Source Source, bool Nullable)
    {
        /// <summary>The value to store for <paramref name="entity"/>, owned by the account whose stored key is <paramref name="owner"/>.</summary>
        public object? ValueOf(object entity, object? owner) => Source switch
        {
            Source.OwnerKey => owner,
            Source.IdentifierBase => ((Account)entity).Identifier.Base,
            Source.EmailLookup => ((Account)entity).Email is { } email ? Ent77DbContext.EmailLookupOf(email) : null,
            Source.ExternalIdLookup => ((Account)entity).ExternalId is { } externalId ? Ent77DbContext.ExternalIdLookupOf(externalId) : null,
            _ => Property.GetGetter().GetClrValue(entity) is { } value
                ? Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value
                : null,
        };
    }

    private sealed record TablePlan(string Table, string? Schema, IReadOnlyList<ColumnPlan> Columns, IProperty? Key)
    {
        /// <summary>The stored values of <paramref name="entity"/>'s row, in column order, and its key as stored.</summary>
        public (object?[] Values, object? Key) RowOf(object entity, object? owner)
        {
            var values = new object?[Columns.Count];
            object? key = null;
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Columns[i].ValueOf(entity, owner);
                if (ReferenceEquals(Columns[i].Property, Key))
                {
                    key = values[i];
                }
            }

            return (values, key);
        }

        public static TablePlan? For(IEntityType entityType, IEntityType? owner)
        {
            if (StoreObjectIdentifier.Create(entityType, StoreObjectType.Table) is not { } table)
            {
                return null;
            }

            var columns = new List<ColumnPlan>();
            foreach (var property in entityType.GetProperties())
            {
                if (property.GetColumnName(table) is not { } column || property.FindRelationalTypeMapping(table) is not { } mapping)
                {
                    return null;
                }

                if (property.IsPrimaryKey() && property.ValueGenerated.HasFlag(ValueGenerated.OnAdd)
                    && (property.IsShadowProperty() || property.ClrType == typeof(long) || property.ClrType == typeof(int)))
                {
                    continue; // store-generated key (an owned role's row id, an audit event's number)
                }

                Source source;
                if (!property.IsShadowProperty())
                {
                    source = Source.Property;
                }
                else if (owner is not null && property.GetContainingForeignKeys().Any(fk => fk.PrincipalEntityType == owner))
                {
                    source = Source.OwnerKey;
                }
                else if (owner is null && entityType.ClrType == typeof(Account))
                {
                    switch (property.Name)
                    {
                        case Ent77DbContext.IdentifierBase:
                            source = Source.IdentifierBase;
                            break;
                        case Ent77DbContext.EmailLookup:
                            source = Source.EmailLookup;
                            break;
                        case Ent77DbContext.ExternalIdLookup:
                            source = Source.ExternalIdLookup;
                            break;
                        default:
                            return null;
                    }
                }
                else
                {
                    return null;
                }

                columns.Add(new ColumnPlan(column, property, mapping, source, property.IsColumnNullable(table)));
            }

            var key = entityType.FindPrimaryKey()?.Properties is [var single] && !single.IsShadowProperty() ? single : null;
            return owner is null && key is null ? null : new TablePlan(table.Name, table.Schema, columns, key);
        }
    }

    /// <summary>One prepared INSERT of a table, executed once per row with new parameter values.</summary>
    private sealed class TableInsert : IDisposable
    {
        private readonly TablePlan _plan;
        private readonly DbCommand _command;
        private readonly DbParameter[] _parameters;

        public TableInsert(TablePlan plan, DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql)
        {
            _plan = plan;
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _parameters = new DbParameter[plan.Columns.Count];
            for (var i = 0; i < plan.Columns.Count; i++)
            {
                var column = plan.Columns[i];
                _parameters[i] = column.Mapping.CreateParameter(_command, sql.GenerateParameterName($"p{i}"), null, column.Nullable);
                _command.Parameters.Add(_parameters[i]);
            }

            _command.CommandText =
                $"INSERT INTO {sql.DelimitIdentifier(plan.Table, plan.Schema)} ({string.Join(", ", plan.Columns.Select(c => sql.DelimitIdentifier(c.Name)))}) "
                + $"VALUES ({string.Join(", ", plan.Columns.Select((_, i) => sql.GenerateParameterNamePlaceholder($"p{i}")))});";
            _command.Prepare();
        }

        /// <summary>Inserts <paramref name="entity"/>.</summary>
        public Task ExecuteAsync(object entity, object? owner, CancellationToken cancellationToken) =>
            ExecuteAsync(_plan.RowOf(entity, owner).Values, cancellationToken);

        /// <summary>Inserts one row of stored values, in the plan's column order.</summary>
        public async Task ExecuteAsync(object?[] values, CancellationToken cancellationToken)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await _command.ExecuteNonQueryAsync(cancellationToken);
        }

        public void Dispose() => _command.Dispose();
    }
}
