using SchemaLint.EntityFrameworkCore.LiveDatabase;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;
using SchemaLint.EntityFrameworkCore.Tests.Providers.Mapping;

namespace SchemaLint.EntityFrameworkCore.Tests.Providers;

public class LiveDatabaseProviderTests
{
    [Fact]
    public void The_database_check_refuses_a_SQL_Server_context_in_one_sentence_before_connecting()
    {
        using var context = ModelContext.SqlServer(b => b.Entity<Invoice>());

        var error = Assert.Throws<LiveDatabaseException>(() => LiveDatabaseAudit.Run(context, "Server=unreachable.invalid;Database=x"));

        Assert.Equal(LiveDatabaseErrorKind.UnsupportedProvider, error.Kind);
        Assert.Equal("The database check reads PostgreSQL and SQLite databases only, but ModelContext uses the provider 'Microsoft.EntityFrameworkCore.SqlServer'; configure the context with UseNpgsql or UseSqlite.",
            error.Message);
    }
}
