using Microsoft.EntityFrameworkCore.Migrations;

namespace Ent77.Infrastructure.Persistence.Migrations.PostgreSql;

/// <summary>
/// PostgreSQL only, no model change (created by the <c>Initial</c> migration): triggers that tell every instance's session cache what to drop
/// (docs/PERFORMANCE.md "Session check"), by a notification on channel <c>ent77_sessions</c> sent in the
/// transaction that makes the change, so delivered only if and when it commits: <c>s:&lt;id&gt;</c> for each session
/// row deleted (sign-out, a session ended, sign-out everywhere, the other sessions of a password change, all of them
/// at a reset or a block; more than 100 at once, as the purge does, send <c>*</c>) or whose end is brought forward
/// (activity only ever pushes it back), and <c>a:&lt;id&gt;</c> for an
/// account whose security stamp or status changed. Whatever writes these rows (EF Core, a bulk path, an operator's
/// SQL) is covered.
/// </summary>
internal static class SessionRevocationTriggers
{
    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(
            """
            CREATE FUNCTION ent77_sessions_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF (SELECT count(*) FROM gone) > 100 THEN
                    PERFORM pg_notify('ent77_sessions', '*');
                ELSE
                    PERFORM pg_notify('ent77_sessions', 's:' || gone."Id") FROM gone;
                END IF;
                RETURN NULL;
            END $$;

            CREATE TRIGGER "TR_Sessions_NotifyDeleted" AFTER DELETE ON "Sessions"
                REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION ent77_sessions_deleted();

            CREATE FUNCTION ent77_session_shortened() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('ent77_sessions', 's:' || NEW."Id");
                RETURN NULL;
            END $$;

            CREATE TRIGGER "TR_Sessions_NotifyShortened" AFTER UPDATE OF "ExpiresAt", "AccountId" ON "Sessions"
                FOR EACH ROW WHEN (NEW."ExpiresAt" < OLD."ExpiresAt" OR NEW."AccountId" IS DISTINCT FROM OLD."AccountId")
                EXECUTE FUNCTION ent77_session_shortened();

            CREATE FUNCTION ent77_account_sessions_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('ent77_sessions', 'a:' || NEW."Id");
                RETURN NULL;
            END $$;

            CREATE TRIGGER "TR_Accounts_NotifySessionsRevoked" AFTER UPDATE OF "SecurityStamp", "Status" ON "Accounts"
                FOR EACH ROW WHEN (OLD."SecurityStamp" IS DISTINCT FROM NEW."SecurityStamp" OR OLD."Status" IS DISTINCT FROM NEW."Status")
                EXECUTE FUNCTION ent77_account_sessions_revoked();
            """);
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(
            """
            DROP TRIGGER IF EXISTS "TR_Accounts_NotifySessionsRevoked" ON "Accounts";
            DROP FUNCTION IF EXISTS ent77_account_sessions_revoked();
            DROP TRIGGER IF EXISTS "TR_Sessions_NotifyShortened" ON "Sessions";
            DROP FUNCTION IF EXISTS ent77_session_shortened();
            DROP TRIGGER IF EXISTS "TR_Sessions_NotifyDeleted" ON "Sessions";
            DROP FUNCTION IF EXISTS ent77_sessions_deleted();
            """);
    }
}
