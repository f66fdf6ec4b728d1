using Microsoft.Data.Sqlite;

namespace Edge.Delivery.Tests.Support;

/// <summary>
/// A database that refuses writes, as a failing card does: from a second connection, triggers make every write of an
/// event or an alert state abort with an error, inside the outbox's transaction. Dispose drops the triggers.
/// </summary>
public sealed class RefusedWrites : IDisposable
{
    private readonly string _path;

    public RefusedWrites(string path)
    {
        _path = path;
        Execute("""
            CREATE TRIGGER refuse_insert BEFORE INSERT ON alert_state BEGIN SELECT RAISE(ABORT, 'disk I/O error (test)'); END;
            CREATE TRIGGER refuse_update BEFORE UPDATE ON alert_state BEGIN SELECT RAISE(ABORT, 'disk I/O error (test)'); END;
            CREATE TRIGGER refuse_delete BEFORE DELETE ON alert_state BEGIN SELECT RAISE(ABORT, 'disk I/O error (test)'); END;
            CREATE TRIGGER refuse_event BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk I/O error (test)'); END;
            """);
    }

    public void Dispose() => Execute("DROP TRIGGER refuse_insert; DROP TRIGGER refuse_update; DROP TRIGGER refuse_delete; DROP TRIGGER refuse_event;");

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
