using System.Collections;
using System.Data.Common;
using Ent77.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ent77.Infrastructure.Persistence.Repositories;

/// <summary>
/// The new accounts of one unit of work (one DbContext) that go in bulk (a roster import: tens of thousands at
/// once). They are not tracked by EF Core; <see cref="UnitOfWork"/> writes them when it commits, in the same
/// transaction as the tracked changes and the audit row.
/// </summary>
internal sealed class PendingAccountInserts
{
    private readonly List<Account> _accounts = [];

    public void Add(IEnumerable<Account> accounts) => _accounts.AddRange(accounts);

    /// <summary>The accounts waiting, handed over once (the list is emptied).</summary>
    public List<Account> Take()
    {
        var taken = _accounts.ToList();
        _accounts.Clear();
        return taken;
    }
}

/// <summary>
/// Inserts new <see cref="Account"/> aggregates (with their codes, roles and reset requests) with one prepared
/// INSERT per table, re-executed for every row, on the DbContext's own connection and transaction: the rows EF
/// Core would write, without its change tracker, at the speed of the storage (DESIGN §3 "Bulk issuance").
/// <para>
/// Everything comes from the EF model, so a column added to the model is written here too: table and column
/// names, value converters and each column's type mapping (which makes the parameter exactly as EF would).
/// Shadow columns are the foreign key to the owning account, the store-generated keys (left to the database) and
/// the three lookup columns of <see cref="Ent77DbContext"/>; a model with any other shadow column, a reference
/// navigation or a nested collection is not supported and the accounts go through EF Core instead
/// (<see cref="Supports"/>). Used on SQLite, where one connection writes row after row without round trips;
/// other providers (SQL Server) keep EF Core's own batching.
/// </para>
/// </summary>
internal static class BulkAccountWriter
{
    public static bool Supports(Ent77DbContext db) =>
        db.Database.IsSqlite() && Plan.For(db.Model) is not null;

    public static async Task InsertAsync(Ent77DbContext db, IReadOnlyList<Account> accounts, CancellationToken cancellationToken)
    {
        var plan = Plan.For(db.Model) ?? throw new NotSupportedException("The account model cannot be written in bulk.");
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the unit of work's transaction.");
        var connection = db.Database.GetDbConnection();
        var sql = db.GetService<ISqlGenerationHelper>();

        using var accountInsert = new TableInsert(plan.Account, connection, transaction, sql);
        var children = plan.Children.Select(c => (c.Navigation, Insert: new TableInsert(c.Table, connection, transaction, sql))).ToList();
        try
        {
            foreach (var account in accounts)
            {
                var key = await accountInsert.ExecuteAsync(account, owner: null, cancellationToken);
                foreach (var (navigation, insert) in children)
                {
                    if (navigation.GetGetter().GetClrValue(account) is IEnumerable items)
                    {
                        foreach (var item in items)
                        {
                            await insert.ExecuteAsync(item, key, cancellationToken);
                        }
                    }
                }
            }
        }
        catch (DbException e)
        {
            // As EF Core would report it (a duplicate identifier when two imports race, for instance).
            throw new DbUpdateException("An error occurred while inserting the accounts in bulk. See the inner exception for details.", e);
        }
        finally
        {
            foreach (var (_, insert) in children)
            {
                insert.Dispose();
            }
        }
    }

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

    private sealed record ColumnPlan(string Name, IProperty Property, RelationalTypeMapping Mapping, Source Source, bool Nullable);

    private sealed record TablePlan(string Table, string? Schema, IReadOnlyList<ColumnPlan> Columns, IProperty? Key)
    {
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

                Source source;
                if (!property.IsShadowProperty())
                {
                    source = Source.Property;
                }
                else if (property.IsPrimaryKey() && property.ValueGenerated.HasFlag(ValueGenerated.OnAdd))
                {
                    continue; // store-generated key (an owned role's row id)
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

        /// <summary>Inserts <paramref name="entity"/>; returns its key as stored (what its children's foreign key holds).</summary>
        public async Task<object?> ExecuteAsync(object entity, object? owner, CancellationToken cancellationToken)
        {
            object? key = null;
            for (var i = 0; i < _plan.Columns.Count; i++)
            {
                var column = _plan.Columns[i];
                var value = column.Source switch
                {
                    Source.OwnerKey => owner,
                    Source.IdentifierBase => ((Account)entity).Identifier.Base,
                    Source.EmailLookup => ((Account)entity).Email is { } email ? Ent77DbContext.EmailLookupOf(email) : null,
                    Source.ExternalIdLookup => ((Account)entity).ExternalId is { } externalId ? Ent77DbContext.ExternalIdLookupOf(externalId) : null,
                    _ => ToProvider(column, column.Property.GetGetter().GetClrValue(entity)),
                };
                _parameters[i].Value = value ?? DBNull.Value;
                if (ReferenceEquals(column.Property, _plan.Key))
                {
                    key = value;
                }
            }

            await _command.ExecuteNonQueryAsync(cancellationToken);
            return key;
        }

        public void Dispose() => _command.Dispose();

        private static object? ToProvider(ColumnPlan column, object? value) =>
            value is null ? null : column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}
