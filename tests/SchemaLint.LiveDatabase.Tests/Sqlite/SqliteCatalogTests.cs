using SchemaLint.Core.Model.Database;
using SchemaLint.EntityFrameworkCore.LiveDatabase;

namespace SchemaLint.LiveDatabase.Tests.Sqlite;

/// <summary>
/// The SQLite reader on tables written by hand rather than by EF Core: bracket- and back-quoted names, constraints named on
/// a column, unnamed checks, parentheses inside strings, WITHOUT ROWID tables, partial and expression indexes, views.
/// </summary>
public class SqliteCatalogTests
{
    private static DatabaseSchema Read(StoreDatabase database)
    {
        using var context = database.CreateContext();
        return LiveDatabaseReader.Read(context, database.ConnectionString);
    }

    private static DatabaseSchema WithHandWrittenTables()
    {
        using var database = new StoreDatabase();
        database.Execute("""
            CREATE TABLE audit_entries (
                id integer PRIMARY KEY, -- the rowid, in lower case
                [shopper id] INT CONSTRAINT `fk shopper` REFERENCES "Shoppers" ON DELETE SET NULL,
                note text CHECK (note <> 'x(y'),
                amount numeric NOT NULL DEFAULT 0,
                /* a named table check whose name holds a comma */
                CONSTRAINT "ck, amount" CHECK (amount >= 0 AND (amount < 1e9))
            );
            CREATE TABLE tags (name TEXT NOT NULL, lang TEXT NOT NULL, CONSTRAINT pk_tags PRIMARY KEY (name, lang)) WITHOUT ROWID;
            CREATE UNIQUE INDEX ux_tags_name ON tags (name) WHERE lang = 'en';
            CREATE INDEX ix_audit_note ON audit_entries (lower(note), id);
            CREATE VIEW recent_audit AS SELECT id, note FROM audit_entries;
            """);
        return Read(database);
    }

    [Fact]
    public void An_integer_primary_key_is_the_rowid_filled_by_SQLite_and_indexed_by_its_table()
    {
        var audit = WithHandWrittenTables().FindTable(null, "audit_entries")!;

        Assert.True(audit.FindColumn("id")!.IsIdentity);
        Assert.False(audit.FindColumn("id")!.IsNullable);
        Assert.Contains(audit.Indexes, i => i.IsPrimaryKey && i.Columns.SequenceEqual(["id"]));
    }

    [Fact]
    public void A_foreign_key_named_on_its_column_references_the_principals_primary_key()
    {
        var audit = WithHandWrittenTables().FindTable(null, "audit_entries")!;

        var foreignKey = Assert.Single(audit.ForeignKeys);
        Assert.Equal(("fk shopper", "main", "Shoppers", "SET NULL"), (foreignKey.Name, foreignKey.PrincipalSchema, foreignKey.PrincipalTable, foreignKey.OnDelete));
        Assert.Equal(["shopper id"], foreignKey.Columns);
        Assert.Equal(["Id"], foreignKey.PrincipalColumns);
    }

    [Fact]
    public void Checks_are_read_from_the_create_statement_named_or_not_with_their_conditions_whole()
    {
        var audit = WithHandWrittenTables().FindTable(null, "audit_entries")!;

        Assert.Equal([("", "note <> 'x(y'"), ("ck, amount", "amount >= 0 AND (amount < 1e9)")],
            audit.CheckConstraints.Select(c => (c.Name, c.Expression)));
    }

    [Fact]
    public void Defaults_are_read_as_SQLite_prints_them()
    {
        var audit = WithHandWrittenTables().FindTable(null, "audit_entries")!;

        Assert.Equal("0", audit.FindColumn("amount")!.DefaultSql);
        Assert.Null(audit.FindColumn("note")!.DefaultSql);
    }

    [Fact]
    public void A_WITHOUT_ROWID_table_has_its_named_composite_key_and_no_rowid()
    {
        var tags = WithHandWrittenTables().FindTable(null, "tags")!;

        Assert.Equal("pk_tags", tags.PrimaryKey!.Name);
        Assert.Equal(["name", "lang"], tags.PrimaryKey.Columns);
        Assert.All(tags.Columns, c => Assert.False(c.IsIdentity));
    }

    [Fact]
    public void A_partial_unique_index_keeps_its_predicate()
    {
        var tags = WithHandWrittenTables().FindTable(null, "tags")!;

        var index = tags.Indexes.Single(i => i.Name == "ux_tags_name");
        Assert.True(index.IsUnique);
        Assert.Equal("lang = 'en'", index.Predicate);
    }

    [Fact]
    public void An_expression_key_is_read_as_an_expression()
    {
        var audit = WithHandWrittenTables().FindTable(null, "audit_entries")!;

        var index = audit.Indexes.Single(i => i.Name == "ix_audit_note");
        Assert.Equal([null, "id"], index.Columns);
        Assert.True(index.HasExpressions);
    }

    [Fact]
    public void A_view_is_read_with_its_columns_and_no_constraints()
    {
        var view = WithHandWrittenTables().FindTable(null, "recent_audit")!;

        Assert.True(view.IsView);
        Assert.Equal(["id", "note"], view.Columns.Select(c => c.Name));
        Assert.Empty(view.Indexes);
    }

    [Fact]
    public void SQLites_own_tables_are_not_read()
    {
        var schema = WithHandWrittenTables();

        Assert.DoesNotContain(schema.Tables, t => t.Name.StartsWith("sqlite_", StringComparison.Ordinal));
    }
}
